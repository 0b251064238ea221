"""Keys typed in the same burst as the key that opens a dialog go to that dialog, in order.

F7 (notes), Ctrl+U (minimum of answers) and the other commands that open a dialog are
handled as they arrive; the dialog takes the keyboard only once it is made. The keys typed
just after the command in the same burst went meanwhile to a dialog with nothing focused:
``Ctrl+U 7 Enter`` kept the minimum at 3 (the Enter refused the box before the 7 was in
it). A dialog's Ctrl+S is handled on arrival too: ``F7 abc Ctrl+S`` saved an empty note.
And the keys typed after the key that closes a dialog went into the closing dialog.
Pilot waits for idle after each key and cannot see this, so these drive ``workshop`` in a
pseudo-terminal, and the file must agree with the screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session

from .test_fast_fingers import EXERCISE, _open, _quit, _room, _sheet_room

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

F6, F7, CTRL_S, CTRL_U, CTRL_R, ENTER = b"\x1b[17~", b"\x1b[18~", b"\x13", b"\x15", b"\x12", b"\r"


def test_a_note_typed_in_the_burst_of_f7_and_saved_with_ctrl_s_is_the_note(
    library: Library, data_dir: Path
) -> None:
    path, group, _ = _sheet_room(library, data_dir, "noter", "Noter")
    term = _open(path, data_dir)  # the first action's text has the keyboard
    try:
        term.send(b"x" + F7 + b"abc" + CTRL_S)
        term.wait_until(lambda _: "sheet-45" in load_session(path).notes, timeout=60)
        term.settle(0.5)
    finally:
        status = _quit(term)
    assert status == 0
    session = load_session(path)
    assert session.notes["sheet-45"] == "abc"
    actions = session.answers_for("sheet-45").actions.get(group, ())
    assert [action.text for action in actions] == ["x"], "the field underneath got only what came before F7"


def test_the_minimum_and_the_timer_typed_in_the_burst_of_their_keys_are_set_and_the_keys_after_score(
    library: Library, data_dir: Path
) -> None:
    path = _room(library, data_dir, 8)
    term = _open(path, data_dir)
    try:
        # "3" is selected in the box: 7 replaces it; the dialog closes on Enter, and the 5 after
        # it is the next score (it was typed into the closing box: "75", refused, before).
        term.send(b"4" + CTRL_U + b"7" + ENTER + b"5")
        term.wait_until(lambda _: load_session(path).min_answers != 3, timeout=60)
        term.settle(0.5)
        term.send(F6 + b"9" + ENTER + F6 + b"12" + ENTER + b"3")  # "10", selected; then 12 over 9
        term.wait_until(lambda _: load_session(path).timers.get(EXERCISE) == 12 * 60, timeout=60)
        term.wait_until(lambda _: len(load_session(path).answers_for(EXERCISE).scores["kurs.pos.1"]) == 3)
        term.settle(0.5)
    finally:
        status = _quit(term)
    assert status == 0
    session = load_session(path)
    assert session.min_answers == 7
    assert session.timers[EXERCISE] == 12 * 60
    assert session.answers_for(EXERCISE).scores == {"kurs.pos.1": {"p1": 4, "p2": 5, "p3": 3}}


def test_group_names_typed_in_the_burst_of_ctrl_r_are_saved(library: Library, data_dir: Path) -> None:
    path = _room(library, data_dir, 8)
    term = _open(path, data_dir)
    try:
        term.send(CTRL_R + b"Bord 3" + CTRL_S)
        term.wait_until(lambda _: len(load_session(path).groups) == 3, timeout=60)
        term.settle(0.5)
    finally:
        status = _quit(term)
    assert status == 0
    assert [group.name for group in load_session(path).groups] == ["Bord 1", "Bord 2", "Bord 3"]
    assert load_session(path).answers_for(EXERCISE).scores == {}
