"""Keys that arrive in one burst through a real terminal land in the order they came.

A field's own bound keys (Backspace, Enter) used to run only after they bubbled up to the
app, so in ``Backspace 7`` the 7 was typed first and then deleted; a paste without
bracketed paste arrives as keys, its line breaks as Enter. Pilot waits for idle after each
key and cannot see either, so these drive ``workshop`` in a pseudo-terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.widgets.entry import PASTE_GAP

from .test_fast_fingers import (
    EXERCISE,
    _open,
    _paste_into_the_next_sheet,
    _quit,
    _room,
    _sheet_box,
    _sheet_room,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

BACKSPACE, ENTER, F6, CTRL_U, CTRL_Z = b"\x7f", b"\r", b"\x1b[17~", b"\x15", b"\x1a"


def _dialog(term: Terminal, key: bytes, shows: str) -> None:
    term.send(key)
    term.wait_for_text(shows, timeout=60)
    term.settle(0.3)


def test_backspace_and_a_digit_in_one_burst_keep_the_digit_in_the_timer_and_minimum_boxes(
    library: Library, data_dir: Path
) -> None:
    path = _room(library, data_dir, 8)
    term = _open(path, data_dir)
    try:
        _dialog(term, F6, "Minutter til øvelsen")  # the box holds "10", all selected
        term.send(BACKSPACE + b"7" + ENTER)
        term.wait_until(lambda _: load_session(path).timers.get(EXERCISE) == 7 * 60, timeout=60)
        _dialog(term, CTRL_U, "Mindsteantal svar")  # "3", all selected
        term.send(BACKSPACE + b"4" + BACKSPACE + BACKSPACE + b"12" + ENTER)
        term.wait_until(lambda _: load_session(path).min_answers == 12, timeout=60)
    finally:
        status = _quit(term)
    assert status == 0


def test_a_paste_without_brackets_joins_lines_in_a_one_line_field_and_keeps_them_in_a_sheet(
    library: Library, data_dir: Path
) -> None:
    path, group, box = _sheet_room(library, data_dir, "indsaet", "Indsæt")
    term = _open(path, data_dir)
    try:
        # The first action's text has the keyboard; the paste is one write, its breaks CR as tmux sends them.
        term.send(b"Ring til\r  sygehuset\r\r" + "anden linje æøå".encode())
        term.settle(0.3)
        term.send(ENTER)  # a real Enter, then typing after a pause: no space is made up
        term.settle(3 * PASTE_GAP)
        term.send(b"!")

        def action_text() -> str:
            actions = load_session(path).answers_for("sheet-45").actions.get(group, ())
            return actions[0].text if actions else ""

        term.wait_until(lambda _: action_text() == "Ring til sygehuset anden linje æøå!", timeout=60)
        # A sheet's box keeps the line break.
        _paste_into_the_next_sheet(term, path, group, box, "første\randen æøå".encode(), "første\nanden æøå")
    finally:
        status = _quit(term)
    assert status == 0


def test_ctrl_z_typed_just_after_letters_in_a_sheet_box_undoes_them_on_screen_and_in_the_file(
    library: Library, data_dir: Path
) -> None:
    # Ctrl+Z works from a text box (a priority key); handled on arrival, it undid the edit
    # before the letters typed just ahead of it, which were then saved over the undone text
    # while the box showed it without them.
    path, group, box = _sheet_room(library, data_dir, "fortryd", "Fortryd", actions=False)

    def saved() -> str:
        return _sheet_box(path, group, box)

    term = _open(path, data_dir)
    try:
        term.send(b"Hej")
        term.wait_until(lambda _: saved() == "Hej", timeout=60)
        term.settle(0.5)
        term.send(b"abc" + CTRL_Z)
        term.wait_for_text("Fortrudt", timeout=60)
        term.settle(1.0)
        assert "abc" not in saved()
        assert term.screen.find("Hejabc") is None
        term.send(b"!")  # typed after the undo, into the undone text
        term.wait_until(lambda _: saved().endswith("!"), timeout=60)
        term.settle(0.5)
        assert "abc" not in saved() and term.screen.find(saved()) is not None
    finally:
        status = _quit(term)
    assert status == 0
