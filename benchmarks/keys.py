"""A score keystroke on the large session: key -> saved, and key -> the frame that shows it.

Keys are typed at a facilitator's pace (a short pause between them), not in a tight loop:
a disk that is given time between writes makes each fsync pay its full cost, which is
what a keystroke in the room pays.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.large_session import large_session, write_session
from benchmarks.screen import Screen
from benchmarks.terminal import Terminal, workshop_command
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session

EXERCISE = "kkc-indicators"
"""The first exercise of the programme: 18 statements on a 1-5 scale, where the app opens."""
COLUMNS_PER_ROW = 6
"""Participants scored per row before moving down, so every cell typed into stays on screen."""
PAUSE = 0.05

DOWN, HOME = b"\x1b[B", b"\x1b[H"


def _next_score(session: Session, item: str, person: str) -> int:
    """A score different from the one the cell holds, so every key changes the file."""
    scale = session.exercise(EXERCISE).scale
    assert scale is not None
    old = session.answers_for(EXERCISE).scores.get(item, {}).get(person, scale.min)
    return old % scale.max + 1


def key_to_saved(folder: Path, keys: int) -> list[float]:
    """Milliseconds from a score key to the model updated and the file durably replaced."""
    path = write_session(large_session(session_id="key-saved"), folder / "key-saved.toml")
    keeper = SessionKeeper(load_session(path), path)
    items = [i.id for i in keeper.session.exercise(EXERCISE).scored_items]
    people = [p.id for p in keeper.session.participants]
    timings = []
    for n in range(keys):
        item, person = items[n % len(items)], people[(n // len(items)) % len(people)]
        score = _next_score(keeper.session, item, person)
        time.sleep(PAUSE)
        start = time.perf_counter()
        keeper.apply(
            partial(
                Session.with_score, exercise_id=EXERCISE, item_id=item, participant_id=person, score=score
            )
        )
        timings.append((time.perf_counter() - start) * 1000)
        assert keeper.last_error is None, keeper.last_error
    return timings


def disk_floor(folder: Path, writes: int) -> list[float]:
    """The reference for key -> saved: the least any durable atomic replace of the same file costs.

    Write the bytes to a temporary file, fsync it, rename it over the file, fsync the folder;
    nothing rendered, no backup kept.
    """
    path = write_session(large_session(session_id="floor"), folder / "floor.toml")
    data = path.read_bytes()
    timings = []
    for n in range(writes):
        time.sleep(PAUSE)
        start = time.perf_counter()
        tmp = folder / f".floor.{n}.tmp"
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fd = os.open(folder, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _shows(screen: Screen, *, row: int, column: int, digit: str) -> bool:
    """Whether the score cell at (row, column) of the screen shows ``digit``."""
    return screen.at(row, column, 5) == digit


def _type_rows(term: Terminal, rows: int, score_for: Callable[[int, int], int]) -> list[float]:
    """Type ``COLUMNS_PER_ROW`` scores into each of ``rows`` rows; ms from each key to its frame.

    The grid must show the first row with the cursor on its first participant. A score
    counts as shown when the terminal's cell of that participant and row holds the digit.
    """
    term.settle(0.5)
    header = term.screen.find("P1 ")
    assert header is not None, term.screen.text()
    head_row = header[0]
    columns = []
    for number in range(1, COLUMNS_PER_ROW + 1):
        found = term.screen.line(head_row).find(f"P{number} ")
        columns.append(found - 1)
    timings = []
    for row in range(rows):
        for index, column in enumerate(columns):
            digit = str(score_for(row, index))
            term.settle(PAUSE)
            sent = term.send(digit.encode())
            at = term.wait_until(
                partial(_shows, row=head_row + 1 + row, column=column, digit=digit), timeout=10
            )
            timings.append((at - sent) * 1000)
        for key in (DOWN, HOME):
            term.send(key)
            term.settle(0.15)
    return timings


def key_to_frame(folder: Path, rows: int, env: dict[str, str]) -> list[float]:
    """Milliseconds from a score key to the frame that shows the score, in ``workshop open``."""
    session = large_session(session_id="key-frame")
    path = write_session(session, folder / "sessions" / "key-frame.toml")
    items = [i.id for i in session.exercise(EXERCISE).scored_items]
    people = [p.id for p in session.participants]
    with Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as term:
        term.wait_for_text("P6 ")
        return _type_rows(term, rows, lambda r, c: _next_score(session, items[r], people[c]))


def bare_key_to_frame(rows: int) -> list[float]:
    """The same keys in the bare app's table of the same size, which neither saves nor computes."""
    script = Path(__file__).with_name("bare_app.py")
    with Terminal([sys.executable, str(script), "--grid"]) as term:
        term.wait_for_text("P6 ")
        return _type_rows(term, rows, lambda r, c: (r * COLUMNS_PER_ROW + c) % 5 + 1)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print("frame", sorted(key_to_frame(Path(tmp), 2, {"WORKSHOP_TUI_DATA_DIR": tmp})))
        print("bare", sorted(bare_key_to_frame(2)))
