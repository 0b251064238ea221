"""A Tab inside a paste that arrives as keys stays in the field pasted into; a pressed Tab moves on.

A row copied from a spreadsheet or a mail holds tabs; without bracketed paste each came as
the Tab key and moved the keyboard, scattering the row's words over the next fields. Pilot
waits for idle after each key and cannot tell a paste from typing, so this drives
``workshop`` in a pseudo-terminal.
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


def test_tabs_of_a_paste_land_in_the_field_pasted_into_and_a_pressed_tab_moves_on(
    library: Library, data_dir: Path
) -> None:
    path, group, box = _sheet_room(library, data_dir, "faner", "Faner")

    def action() -> tuple[str, str]:
        actions = load_session(path).answers_for("sheet-45").actions.get(group, ())
        return (actions[0].text, actions[0].owner) if actions else ("", "")

    term = _open(path, data_dir)
    try:
        # The first action's text has the keyboard; a spreadsheet row, pasted as one write.
        term.send("Ring\ttil\t\tsygehuset æøå".encode())
        term.wait_until(lambda _: action()[0] == "Ring til  sygehuset æøå", timeout=60)
        term.settle(0.5)
        term.send(TAB)  # pressed: the owner's field
        term.settle(0.5)
        term.send(b"Ida")
        term.wait_until(lambda _: action() == ("Ring til  sygehuset æøå", "Ida"), timeout=60)
        # A sheet's box keeps the tabs, as a bracketed paste does.
        _paste_into_the_next_sheet(term, path, group, box, b"Navn\tAlder\rIda\t42", "Navn\tAlder\nIda\t42")
    finally:
        status = _quit(term)
    assert status == 0
