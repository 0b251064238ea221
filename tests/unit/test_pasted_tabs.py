"""A Tab inside a (bracketed) paste stays in the field pasted into; a Tab that arrives as a key moves on.

A row copied from a spreadsheet or a mail holds tabs. Terminals wrap a paste in bracketed
paste (``ESC[200~ … ESC[201~``), which tells it apart from typing exactly; a Tab that comes
as a key is a move to the next field however close the keys around it came (keys typed
ahead while the app waited for a busy core arrive in one read, just like an unbracketed
paste: see ``tui/keygate.py``). Pilot waits for idle after each key and cannot send keys
in one read, so this drives ``workshop`` in a pseudo-terminal.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session

from .test_fast_fingers import _open, _paste_into_the_next_sheet, _quit, _sheet_room

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TAB = b"\t"


def bracketed(text: str) -> bytes:
    """``text`` as a terminal with bracketed paste sends a paste of it."""
    return b"\x1b[200~" + text.encode() + b"\x1b[201~"


def _first_action(path: Path, group: str) -> tuple[str, str]:
    actions = load_session(path).answers_for("sheet-45").actions.get(group, ())
    return (actions[0].text, actions[0].owner) if actions else ("", "")


def test_tabs_of_a_paste_land_in_the_field_pasted_into_and_a_pressed_tab_moves_on(
    library: Library, data_dir: Path
) -> None:
    path, group, box = _sheet_room(library, data_dir, "faner", "Faner")
    term = _open(path, data_dir)
    try:
        # The first action's text has the keyboard; a spreadsheet row, pasted.
        term.send(bracketed("Ring\ttil\t\tsygehuset æøå"))
        term.wait_until(lambda _: _first_action(path, group)[0] == "Ring til  sygehuset æøå", timeout=60)
        term.settle(0.5)
        term.send(TAB)  # pressed: the owner's field
        term.settle(0.5)
        term.send(b"Ida")
        row = ("Ring til  sygehuset æøå", "Ida")
        term.wait_until(lambda _: _first_action(path, group) == row, timeout=60)
        # A sheet's box keeps the tabs of a paste.
        pasted = bracketed("Navn\tAlder\nIda\t42")
        _paste_into_the_next_sheet(term, path, group, box, pasted, "Navn\tAlder\nIda\t42")
    finally:
        status = _quit(term)
    assert status == 0


def test_a_tab_typed_in_one_read_with_the_text_around_it_moves_to_the_next_field(
    library: Library, data_dir: Path
) -> None:
    # What a starved reading thread gets when the facilitator types "Ring", Tab, "Ida" quickly:
    # one read. The rule is exact: the Tab moves on, as typed (it once stayed in the field).
    path, group, _ = _sheet_room(library, data_dir, "faner-typet", "Faner")
    term = _open(path, data_dir)
    try:
        term.send(b"Ring\tIda")
        term.wait_until(lambda _: _first_action(path, group) == ("Ring", "Ida"), timeout=60)
        term.settle(0.5)
        assert _first_action(path, group) == ("Ring", "Ida")
    finally:
        status = _quit(term)
    assert status == 0
