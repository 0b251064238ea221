"""Fast fingers through a real terminal: key bursts, texts in bursts, tallies, and a kill mid-typing.

Textual's Pilot waits for the app to go idle after every key, which hides exactly the races
between keys that arrive together; these tests drive the installed ``workshop`` in a
pseudo-terminal (``benchmarks/terminal.py``) and send keys without waiting. The long form of
the bursts is ``python scripts/fast_fingers.py --bursts 2000``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import signal
import sys
from pathlib import Path
from types import ModuleType

import pytest

from benchmarks.large_session import write_session
from benchmarks.terminal import Terminal, TerminalClosed, workshop_command
from workshop_tui.core.kinds.sheets import SheetBody
from workshop_tui.core.model import Position
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session

SCRIPTS = Path(__file__).resolve().parent.parent.parent / "scripts"
EXERCISE = "kkc-indicators"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_random_key_bursts_on_every_kind_never_crash_the_app() -> None:
    report = _script("fast_fingers").run(100, seed=11)
    assert report.bursts == 100 and report.keys >= 100
    assert [f"{c.session} burst {c.burst}: {c.message} after {c.recent}" for c in report.crashes] == []


def test_texts_typed_in_bursts_land_exactly_in_their_own_fields() -> None:
    # One sheet, the action list and the table: every kind of text field (the script does 42-45).
    assert _script("fast_texts").run(seed=3, exercises=("sheet-44", "sheet-45", "stakeholder-analysis")) == []


def _room(library: Library, folder: Path, people: int, *, tally: int | None = None) -> Path:
    session = new_session(
        title="Rum",
        date="2026-12-01",
        exercises=[library.exercises[EXERCISE]],
        participants=people,
        groups=["Bord 1", "Bord 2"],
        session_id="rum",
    )
    if tally is not None:
        session = session.with_mode(EXERCISE, "tally").with_tally(EXERCISE, "kurs.pos.1", 1, tally)
        session = session.with_position(Position(EXERCISE, 0, 1))
    path = write_session(session, folder / "sessions" / "rum.toml")
    return path


def _sheet_room(
    library: Library, folder: Path, session_id: str, title: str, *, actions: bool = True
) -> tuple[Path, str, str]:
    """A table's session with sheet 44 (and sheet 45's actions first, unless ``actions`` is off).

    Returns the file, the table's group id and sheet 44's first box key: what the tests of
    typing and pasting into text fields read back from the file.
    """
    sheets = ["sheet-45", "sheet-44"] if actions else ["sheet-44"]
    session = new_session(
        title=title,
        date="2026-12-01",
        exercises=[library.exercises[sheet] for sheet in sheets],
        participants=4,
        groups=["Bord 1"],
        session_id=session_id,
    )
    path = write_session(session, folder / "sessions" / f"{session_id}.toml")
    box = session.exercise("sheet-44").body_as(SheetBody).boxes[0].key
    return path, session.groups[0].id, box


def _open(path: Path, data_dir: Path) -> Terminal:
    term = Terminal(
        workshop_command("--lang", "da", "open", str(path)), env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)}
    )
    term.start()
    term.wait_for_text("^n", timeout=60)
    term.settle(0.3)
    return term


def _quit(term: Terminal) -> int | None:
    term.send(b"\x1b")  # Esc twice leaves a session: the first only shows a reminder
    term.pump(0.05)
    term.send(b"\x1b")
    term.wait_for_text("Afslut", timeout=60)
    term.send(b"q")
    with contextlib.suppress(TerminalClosed):
        term.settle(0.5, timeout=15)
    status = term.process.wait(timeout=15) if term.process is not None else None
    term.close()
    return status


def _sheet_box(path: Path, group: str, box: str) -> str:
    """Sheet 44's box ``box`` of ``group`` as saved."""
    return load_session(path).answers_for("sheet-44").texts.get(group, {}).get(box, "")


def _paste_into_the_next_sheet(
    term: Terminal, path: Path, group: str, box: str, pasted: bytes, saved: str
) -> None:
    """Ctrl+N to sheet 44 (``_sheet_room``), then ``pasted`` as one write into its first box;
    waits until the file holds ``saved`` there."""
    term.send(b"\x0e")  # Ctrl+N
    term.wait_for_text("Bord 1", timeout=60)
    term.settle(0.5)
    term.send(pasted)
    term.wait_until(lambda _: _sheet_box(path, group, box) == saved, timeout=60)


def _scored(path: Path) -> int:
    return sum(len(row) for row in load_session(path).answers_for(EXERCISE).scores.values())


def _tally(path: Path) -> int:
    return load_session(path).answers_for(EXERCISE).tallies.get("kurs.pos.1", {}).get(1, 0)


def test_every_tally_press_counts_and_a_tally_above_the_room_is_refused(
    library: Library, data_dir: Path
) -> None:
    path = _room(library, data_dir, 20, tally=13)
    term = _open(path, data_dir)
    try:
        term.send(b"+++")
        term.wait_until(lambda _: _tally(path) == 16, timeout=60)
        term.send(b"-----")
        term.wait_until(lambda _: _tally(path) == 11, timeout=60)
        term.send(b"+" * 12)  # 23 > 20 people: the presses past 20 are refused, with a word
        term.wait_for_text("flere end de 20 deltagere", timeout=60)
        term.settle(1.0, timeout=30)
        assert _tally(path) == 20
    finally:
        status = _quit(term)
    assert status == 0


def test_after_a_kill_mid_typing_the_cursor_is_on_the_cell_after_the_last_saved_score(
    library: Library, data_dir: Path
) -> None:
    people = 8
    path = _room(library, data_dir, people)
    term = _open(path, data_dir)
    for burst in (b"12345", b"123", b"45", b"1234512", b"3", b"4512345", b"1"):
        term.send(burst)
        term.pump(0.02)
    # Killed as soon as a few scores are on disk, while the rest are still being typed in.
    term.wait_until(lambda _: _scored(path) >= 3, timeout=60)
    term.kill(signal.SIGKILL)
    term.close()
    killed = load_session(path)
    items = [i.id for i in killed.exercise(EXERCISE).scored_items]
    scores = killed.answers_for(EXERCISE).scores
    typed = sum(len(row) for row in scores.values())
    assert typed > 0, "nothing was saved before the kill: the test checked nothing"
    # Scores go along a row and on to the next: the file holds the first `typed` cells.
    cells = [(row, person) for row in range(len(items)) for person in range(1, people + 1)]
    assert {(items.index(i), int(p[1:])) for i, row in scores.items() for p in row} == set(cells[:typed])
    row, person = cells[typed]
    assert (killed.position.row, killed.position.column) == (row, person)
    term = _open(path, data_dir)
    try:
        term.send(b"5")
        term.wait_until(
            lambda _: sum(len(r) for r in load_session(path).answers_for(EXERCISE).scores.values()) > typed
        )
    finally:
        _quit(term)
    assert load_session(path).answers_for(EXERCISE).scores[items[row]][f"p{person}"] == 5


def test_home_and_end_typed_in_a_burst_move_before_the_next_digit(library: Library, data_dir: Path) -> None:
    """Home, End and the arrows act in the order typed, not once they have bubbled up to the app."""
    path = _room(library, data_dir, 8)
    term = _open(path, data_dir)
    try:
        # Row 1: 1 2 3; down and Home: row 2 from its first cell, 4 5; End: its last cell, 1
        # (the cursor goes on to row 3); up, Home and two to the right: row 2's third cell, 5.
        term.send(b"123\x1b[B\x1b[H45\x1b[F1\x1b[A\x1b[H\x1b[C\x1b[C5")
        term.wait_until(lambda _: _scored(path) == 7, timeout=60)
        items = [i.id for i in load_session(path).exercise(EXERCISE).scored_items]
        scores = load_session(path).answers_for(EXERCISE).scores
        assert scores[items[0]] == {"p1": 1, "p2": 2, "p3": 3}
        assert scores[items[1]] == {"p1": 4, "p2": 5, "p3": 5, "p8": 1}
    finally:
        status = _quit(term)
    assert status == 0
