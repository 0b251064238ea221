"""Score keys end to end: a digit written to the pty until the frame that shows it, and until it is saved.

``workshop open`` runs the 40-person seminar in a pseudo-terminal; a digit is written to
the terminal as a keyboard would, and two things are timed from that moment in one loop:
the end of the frame in which the score cell shows the digit (what the facilitator sees),
and the rename of the session file into place (``benchmarks.renames``: the save is
durable). Nothing runs inside the app.

Two references are measured in the same run, between the keys:
- the **disk floor**: a durable atomic replace (write, fsync, rename, fsync of the folder)
  of a file of the same size in the same folder, the least any save of that file costs;
- a **bare Textual app** (``bare_app.py --grid``: a DataTable as large as the grid, where a
  digit writes the highlighted cell) given the same key right after: what a stock Textual
  table pays for one cell (it draws every visible cell again, see ``bare_app.py``);
- the **least a Textual app takes** (``bare_app.py --lines``: the same screen as one Static
  per row, a digit redraws its row and nothing else), given the same key after that.

Each round opens the session afresh, so the first keystroke after opening (the first save
renders the whole file) is reported apart from the later ones. Keys are typed at a
facilitator's pace (the app is idle before each), not in a burst.
"""

from __future__ import annotations

import os
import select
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks.large_session import large_session, write_session
from benchmarks.renames import RenameWatch
from benchmarks.screen import Screen
from benchmarks.terminal import Terminal, TerminalTimeout, workshop_command

EXERCISE = "kkc-indicators"
"""The first exercise of the programme: 18 statements on a 1-5 scale, where the app opens."""
COLUMNS_PER_ROW = 6
"""Participants scored per row before moving down, so every cell typed into stays on screen."""
PAUSE = 0.1
"""Idle time before each key, so the key finds the app waiting, as in a room."""
KEY_TIMEOUT = 10.0
MOVE_SETTLE = 1.2
"""After moving down a row: the app saves the cursor's place 0.6 s after the last move
(``POSITION_SAVE_DELAY``), and that save must not be taken for the next key's."""

DOWN, HOME = b"\x1b[B", b"\x1b[H"
BARE = [sys.executable, str(Path(__file__).with_name("bare_app.py")), "--grid"]
LINES = [sys.executable, str(Path(__file__).with_name("bare_app.py")), "--lines"]


@dataclass
class KeyTimes:
    """Milliseconds per key, for the first key after opening and for the later ones."""

    frame_first: list[float] = field(default_factory=list)
    frame: list[float] = field(default_factory=list)
    saved_first: list[float] = field(default_factory=list)
    saved: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    bare_frame: list[float] = field(default_factory=list)
    lines_frame: list[float] = field(default_factory=list)
    exact_renames: bool = True


def _shows(screen: Screen, *, row: int, column: int, digit: str) -> bool:
    """Whether the score cell at (row, column) of the screen shows ``digit``."""
    return screen.at(row, column, 5) == digit


def _cells(term: Terminal) -> tuple[int, list[int]]:
    """The screen row of the grid's header and the columns of participants 1-6."""
    header = term.screen.find("P1 ")
    if header is None:
        raise TerminalTimeout(f"no score grid on the screen:\n{term.screen.text()}")
    line = term.screen.line(header[0])
    return header[0], [line.find(f"P{n} ") - 1 for n in range(1, COLUMNS_PER_ROW + 1)]


def _key(
    term: Terminal, digit: str, row: int, column: int, renames: RenameWatch | None, name: str
) -> tuple[float, float | None]:
    """Type ``digit``; ms until the frame showing it and (with ``renames``) until ``name`` was renamed."""
    watch = term.watch(partial(_shows, row=row, column=column, digit=digit))
    sources = [term.fileno()] + ([renames.wakeup] if renames is not None and renames.exact else [])
    sent = term.send(digit.encode())
    frame_at = saved_at = None
    deadline = sent + KEY_TIMEOUT
    while frame_at is None or (renames is not None and saved_at is None):
        if time.perf_counter() > deadline:
            raise TerminalTimeout(
                f"key {digit!r} not shown or saved in {KEY_TIMEOUT} s:\n{term.screen.text()}"
            )
        wait = 0.0002 if renames is not None and not renames.exact else 0.05
        ready, _, _ = select.select(sources, [], [], wait)
        if renames is not None and saved_at is None:
            saved_at = renames.renamed(name)
        if term.fileno() in ready:
            term.drain()
        if frame_at is None:
            frame_at = watch.shown()
    return (frame_at - sent) * 1000, None if saved_at is None else (saved_at - sent) * 1000


def disk_floor(path: Path) -> float:
    """Milliseconds for a durable atomic replace of a file of ``path``'s size beside it."""
    data = os.urandom(path.stat().st_size)
    target = path.with_name(".floor.toml")
    tmp = path.with_name(".floor.toml.tmp")
    start = time.perf_counter()
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return (time.perf_counter() - start) * 1000


def _quiet(*terms: Terminal, seconds: float) -> None:
    """Let every terminal finish drawing (reading what they write) for ``seconds``."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        ready, _, _ = select.select([t.fileno() for t in terms], [], [], left)
        for term in terms:
            if term.fileno() in ready:
                term.drain()


def one_round(folder: Path, keys: int, times: KeyTimes) -> None:
    """Open the large session afresh beside the bare app and type ``keys`` scores into each."""
    session = large_session(session_id="keys")
    path = write_session(session, folder / "sessions" / "keys.toml")
    items = [i.id for i in session.exercise(EXERCISE).scored_items]
    people = [p.id for p in session.participants]
    answers = session.answers_for(EXERCISE).scores
    env = {"WORKSHOP_TUI_DATA_DIR": str(folder)}
    renames = RenameWatch(path.parent)
    times.exact_renames = times.exact_renames and renames.exact
    try:
        with (
            Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as app,
            Terminal(BARE) as bare,
            Terminal(LINES) as lines,
        ):
            terms = (app, bare, lines)
            for term in terms:
                term.settled(timeout=60)
            # On a loaded machine the screen can be quiet for the settle time before the grid is
            # drawn (the opening's second repaint): the keys need the grid.
            for term in terms:
                term.catch_up()
                if term.screen.find("P1 ") is None:
                    term.wait_for_text("P1 ", timeout=60)
            app_row, app_columns = _cells(app)
            bare_row, bare_columns = _cells(bare)
            lines_row, lines_columns = _cells(lines)
            _quiet(*terms, seconds=0.5)
            for n in range(keys):
                row, index = divmod(n, COLUMNS_PER_ROW)
                if index == 0 and row:
                    for key in (DOWN, HOME):
                        for term in terms:
                            term.send(key)
                    _quiet(*terms, seconds=MOVE_SETTLE)  # the app saves where the cursor went
                old = answers.get(items[row], {}).get(people[index], 1)
                digit = str(old % 5 + 1)  # always a change, so every key is saved
                _quiet(*terms, seconds=PAUSE)
                renames.forget()  # only a rename after the key is its save
                frame, saved = _key(app, digit, app_row + 1 + row, app_columns[index], renames, path.name)
                (times.frame_first if n == 0 else times.frame).append(frame)
                if saved is not None:
                    (times.saved_first if n == 0 else times.saved).append(saved)
                _quiet(*terms, seconds=PAUSE)
                times.floor.append(disk_floor(path))
                _quiet(*terms, seconds=PAUSE)
                bare_frame, _ = _key(bare, digit, bare_row + 1 + row, bare_columns[index], None, "")
                times.bare_frame.append(bare_frame)
                _quiet(*terms, seconds=PAUSE)
                lines_frame, _ = _key(lines, digit, lines_row + 1 + row, lines_columns[index], None, "")
                times.lines_frame.append(lines_frame)
    finally:
        renames.close()


def key_times(folder: Path, rounds: int, keys: int) -> KeyTimes:
    """``rounds`` fresh openings of the large session, ``keys`` score keys each (at most 8 rows of 6)."""
    times = KeyTimes()
    for number in range(rounds):
        one_round(folder / f"round-{number}", min(keys, 8 * COLUMNS_PER_ROW), times)
    return times


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        found = key_times(Path(tmp), 1, 12)
        for name, values in found.__dict__.items():
            print(name, [round(v, 1) for v in values] if isinstance(values, list) else values)
