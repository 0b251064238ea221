"""The score grid's note field through a real terminal, with keys sent in one burst.

The note shows the highlighted row's note: moving the grid's cursor reloads it with the
next row's field. Pilot waits for idle after each key, so it cannot see a note typed
before that reload ran; these drive ``workshop`` in a pseudo-terminal, as a facilitator's
fast fingers (or a paste) would.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.large_session import write_session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session

from .test_fast_fingers import _open, _quit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

DOWN, TAB, SHIFT_TAB = b"\x1b[B", b"\t", b"\x1b[Z"
EXERCISE = "resistance"


def _grid_room(library: Library, folder: Path) -> tuple[Path, list[str]]:
    session = new_session(
        title="Noter",
        date="2026-12-03",
        exercises=[library.exercises[EXERCISE]],
        participants=4,
        groups=["Bord 1"],
        session_id="noter",
    )
    path = write_session(session, folder / "sessions" / "noter.toml")
    return path, [item.id for item in session.exercise(EXERCISE).items]


def _notes(path: Path) -> dict[str, str]:
    return {k: v for k, v in load_session(path).answers_for(EXERCISE).notes.items() if v}


def test_down_tab_and_a_note_in_one_burst_land_in_the_next_row_s_note(
    library: Library, data_dir: Path
) -> None:
    """The note reloads for the next row after Down: letters typed right behind Down and Tab,
    before that reload ran, must go to the next row's note, never the row left (nor be lost)."""
    path, items = _grid_room(library, data_dir)
    term = _open(path, data_dir)
    try:
        term.send(DOWN + TAB + "hej æø".encode())  # from the grid: the second row's note
        term.wait_until(lambda _: bool(_notes(path)), timeout=60)
        # In that note: back to the grid, down a row, into its note, typing on: one burst.
        term.send(SHIFT_TAB + DOWN + TAB + b"du")
        term.wait_until(lambda _: any(note.endswith("du") for note in _notes(path).values()), timeout=60)
        term.settle(0.5)
        assert _notes(path) == {items[1]: "hej æø", items[2]: "du"}
        # A score between (the digit is taken on arrival) and a paste behind the letter: the
        # burst that put "xa by" into the row left, 1 time in 12, before the note followed the
        # cursor in the turn that moved it.
        term.send(SHIFT_TAB + DOWN + b"2" + TAB + b"x\x1b[200~a\nb\x1b[201~y")
        term.wait_until(lambda _: any(note.endswith("by") for note in _notes(path).values()), timeout=60)
        term.settle(0.5)
        assert _notes(path) == {items[1]: "hej æø", items[2]: "du", items[3]: "xa by"}
    finally:
        status = _quit(term)
    assert status == 0
