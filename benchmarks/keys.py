"""Score keys end to end: a digit written to the pty until the frame that shows it, and until it is saved.

``workshop open`` runs the 40-person seminar in a pseudo-terminal; a digit is written to
the terminal as a keyboard would, and two things are timed from that moment in one loop:
the end of the frame in which the score cell shows the digit (what the facilitator sees),
and the rename of the session file into place (``benchmarks.renames``: the save is
durable). Nothing runs inside the app.

Two references are measured in the same run, between the keys:
- the **disk floor**: an atomic replace (write, fsync, rename) of a file of the same size
  in the same folder, timed as a key's save is timed: until the same inotify thread sees
  its rename. A key's save, like this replace, makes the rename durable with an fsync of
  the folder after it (``SessionKeeper.apply_and_show``); the floor with that fsync
  (write, fsync, rename, fsync of the folder, timed where it is made) is reported beside;
- a **bare Textual app** (``bare_app.py --grid``: a DataTable as large as the grid, where a
  digit writes the highlighted cell) given the same key right after: what a stock Textual
  table pays for one cell (it draws every visible cell again, see ``bare_app.py``);
- the **least a Textual app takes** (``bare_app.py --lines``: the same screen as one Static
  per row, a digit redraws its row and nothing else), given the same key after that.

Each round opens the session afresh, so the first keystroke after opening (the first save
renders the whole file) is reported apart from the later ones. Keys are typed at a
facilitator's pace (the app is idle before each), not in a burst.

``python -m benchmarks.keys --against COMMAND`` also opens the session with another
``workshop`` (another checkout's, e.g. ``/work/main/.venv/bin/workshop``) and gives both
the same keys, interleaved in alternating order in one run: an A/B on a busy machine.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks.floor_handoff import HandoffFloor
from benchmarks.large_session import large_session, write_session
from benchmarks.renames import RenameWatch
from benchmarks.screen import Screen
from benchmarks.terminal import Terminal, TerminalTimeout, workshop_command
from benchmarks.work_folder import add_work_folder

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
    """An atomic replace until its rename is seen (as ``saved`` is timed)."""
    floor_durable: list[float] = field(default_factory=list)
    """The same replace with the folder's fsync after it, until that returned."""
    floor_handoff: list[float] = field(default_factory=list)
    """The same replace made by a helper process asked through a pipe (``benchmarks.floor_handoff``)."""
    floor_first: list[float] = field(default_factory=list)
    """``floor`` measured right after each opening's first key: a slow first save with a slow
    floor beside it is the disk's stall, with a quick one the app's."""
    bare_frame: list[float] = field(default_factory=list)
    lines_frame: list[float] = field(default_factory=list)
    bare_lost: int = 0
    """Keys of the bare DataTable without a time: not shown in ``KEY_TIMEOUT``, or not typed
    after such a key in the same round (its cursor may then be elsewhere)."""
    lines_lost: int = 0
    """The same for the bare Static rows."""
    exact_renames: bool = True

    def lost(self) -> str:
        """The references' lost keys, in words ("" when none was lost)."""
        found = [
            (name, n)
            for name, n in (("bare DataTable", self.bare_lost), ("bare Static row", self.lines_lost))
            if n
        ]
        return "; ".join(f"{name}: {n} keys without a time" for name, n in found)


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


def _reference_key(term: Terminal, digit: str, row: int, column: int) -> float | None:
    """Type ``digit`` into a reference app; ms until the frame showing it, None if it was not shown in time.

    A reference that loses a key must not end the run (the full benchmark's was lost in
    one of 240 keys): it is counted, and the caller stops typing into it for the round.
    """
    try:
        frame, _ = _key(term, digit, row, column, None, "")
    except TerminalTimeout as error:
        print(f"{term.argv[-1]} reference: {error}".splitlines()[0], file=sys.stderr)
        return None
    return frame


FLOOR = ".floor.toml"


def disk_floor(path: Path, renames: RenameWatch | None = None) -> tuple[float, float]:
    """An atomic replace of a file of ``path``'s size beside it: ms until its rename, and until durable.

    The first is timed as a key's save is: until ``renames`` (the thread that sees the
    key's save) reports the rename (without ``renames``, when ``os.replace`` returned); the
    second when the fsync of the folder after it returned.
    """
    data = os.urandom(path.stat().st_size)
    target = path.with_name(FLOOR)
    tmp = path.with_name(FLOOR + ".tmp")
    if renames is not None:
        renames.forget()
    start = time.perf_counter()
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    replaced = time.perf_counter()
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    durable = time.perf_counter()
    seen = replaced if renames is None else _seen(renames, FLOOR, deadline=durable + KEY_TIMEOUT)
    return (seen - start) * 1000, (durable - start) * 1000


def _seen(renames: RenameWatch, name: str, *, deadline: float) -> float:
    """When ``renames`` saw ``name`` renamed into place (waiting for it up to ``deadline``)."""
    while (at := renames.renamed(name)) is None:
        if time.perf_counter() > deadline:
            raise TerminalTimeout(f"the rename of {name} was not seen")
        if renames.exact:
            select.select([renames.wakeup], [], [], 0.05)
        else:
            time.sleep(0.0002)
    return at


def _quiet(*terms: Terminal, seconds: float) -> None:
    """Let every terminal finish drawing (reading what they write) for ``seconds``."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        ready, _, _ = select.select([t.fileno() for t in terms], [], [], left)
        for term in terms:
            if term.fileno() in ready:
                term.drain()


def one_round(
    folder: Path, keys: int, times: KeyTimes, against: AB | None = None, *, number: int = 0
) -> None:
    """Open the large session afresh beside the bare apps and type ``keys`` scores into each.

    With ``against`` (another ``workshop`` command and its times), that opens the session
    too, in a folder of its own, and each key goes to both, in alternating order. The
    order also alternates by round (``number``): each round's first key went to this
    checkout first, whose save's fsync then committed the file system's journal of both
    openings, and the other's first save found it done.
    """
    session = large_session(session_id="keys")
    path = write_session(session, folder / "sessions" / "keys.toml")
    items = [i.id for i in session.exercise(EXERCISE).scored_items]
    people = [p.id for p in session.participants]
    answers = session.answers_for(EXERCISE).scores
    renames = RenameWatch(path.parent)
    times.exact_renames = times.exact_renames and renames.exact
    apps: list[tuple[list[str], Path, RenameWatch, KeyTimes]] = [
        (workshop_command("--lang", "da", "open", str(path)), path, renames, times)
    ]
    if against is not None:
        other = folder / "against"
        other_path = write_session(session, other / "sessions" / "keys.toml")
        command = [*against.command, "--lang", "da", "open", str(other_path)]
        apps.append((command, other_path, RenameWatch(other_path.parent), against.times))
    terms: list[Terminal] = []
    handoff = HandoffFloor(path)
    try:
        for command, app_path, _, _ in apps:  # each with a data folder of its own
            terms.append(Terminal(command, env={"WORKSHOP_TUI_DATA_DIR": str(app_path.parents[1])}))
        for term in terms:
            term.start()
        with Terminal(BARE) as bare, Terminal(LINES) as lines:
            everything = (*terms, bare, lines)
            for term in everything:
                term.settled(timeout=60)
            # On a loaded machine the screen can be quiet for the settle time before the grid is
            # drawn (the opening's second repaint): the keys need the grid.
            for term in everything:
                term.catch_up()
                if term.screen.find("P1 ") is None:
                    term.wait_for_text("P1 ", timeout=60)
            cells = [_cells(term) for term in terms]
            bare_row, bare_columns = _cells(bare)
            lines_row, lines_columns = _cells(lines)
            _quiet(*everything, seconds=0.5)
            references = [
                (bare, bare_row, bare_columns, times.bare_frame),
                (lines, lines_row, lines_columns, times.lines_frame),
            ]
            lost: set[Terminal] = set()
            """References that lost a key this round: given no more keys (their cursor may be elsewhere)."""
            for n in range(keys):
                row, index = divmod(n, COLUMNS_PER_ROW)
                if index == 0 and row:
                    for key in (DOWN, HOME):
                        for term in everything:
                            term.send(key)
                    _quiet(*everything, seconds=MOVE_SETTLE)  # the app saves where the cursor went
                old = answers.get(items[row], {}).get(people[index], 1)
                digit = str(old % 5 + 1)  # always a change, so every key is saved
                for turn in range(len(apps)) if (n + number) % 2 == 0 else reversed(range(len(apps))):
                    _, app_path, watch, app_times = apps[turn]
                    app_row, app_columns = cells[turn]
                    _quiet(*everything, seconds=PAUSE)
                    watch.forget()  # only a rename after the key is its save
                    frame, saved = _key(
                        terms[turn], digit, app_row + 1 + row, app_columns[index], watch, app_path.name
                    )
                    (app_times.frame_first if n == 0 else app_times.frame).append(frame)
                    if saved is not None:
                        (app_times.saved_first if n == 0 else app_times.saved).append(saved)
                _quiet(*everything, seconds=PAUSE)
                seen, durable = disk_floor(path, renames)
                _quiet(*everything, seconds=PAUSE)
                times.floor_handoff.append(handoff.replace(renames))
                times.floor.append(seen)
                if n == 0:
                    times.floor_first.append(seen)
                times.floor_durable.append(durable)
                for ref, ref_row, ref_columns, ref_times in references:
                    if ref not in lost:
                        _quiet(*everything, seconds=PAUSE)
                        ref_frame = _reference_key(ref, digit, ref_row + 1 + row, ref_columns[index])
                        if ref_frame is None:
                            lost.add(ref)
                        else:
                            ref_times.append(ref_frame)
                    if ref in lost:
                        if ref is bare:
                            times.bare_lost += 1
                        else:
                            times.lines_lost += 1
    finally:
        handoff.close()
        for term in terms:
            term.close()
        for _, _, watch, _ in apps:
            watch.close()


@dataclass
class AB:
    """Another ``workshop`` command given the same keys, and its times."""

    command: list[str]
    times: KeyTimes = field(default_factory=KeyTimes)


def key_times(folder: Path, rounds: int, keys: int, against: AB | None = None) -> KeyTimes:
    """``rounds`` fresh openings of the large session, ``keys`` score keys each (at most 8 rows of 6)."""
    times = KeyTimes()
    for number in range(rounds):
        one_round(folder / f"round-{number}", min(keys, 8 * COLUMNS_PER_ROW), times, against, number=number)
    return times


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _line(name: str, values: Sequence[float]) -> str:
    if not values:
        return f"{name}: -"
    return f"{name}: median {statistics.median(values):.1f} ms, p95 {_p95(values):.1f} (n={len(values)})"


@contextlib.contextmanager
def busy_loops(count: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` processes that only spin, for as long as the block runs (ended after it, whatever happens).

    The VM's slow hours (issue 15: the 13:48 run, everything some 40 % slower) are other
    work on its two cores. One busy loop beside the run reproduces them on purpose: on a
    quiet VM it took the app's key -> frame from 9.3 to 19.3 ms median (p95 11 -> 32) and the
    bare Static row's from 2.4 to 3.8 ms. With ``--dir`` on a tmpfs (``/dev/shm``) the disk's
    own noise (fsync tails of other work) is out of the figures, and what is left is the
    CPU and the scheduling of the apps' threads.
    """
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield loops
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def main(argv: Sequence[str] | None = None) -> None:
    """Key times of this checkout (and of ``--against``), printed with the load average."""
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m benchmarks.keys", description=__doc__)
    parser.add_argument("--rounds", type=int, default=1, help="fresh openings (default 1)")
    parser.add_argument("--keys", type=int, default=18, help="score keys per opening (at most 48)")
    parser.add_argument("--against", help="another workshop command to give the same keys, interleaved")
    add_work_folder(parser)
    parser.add_argument(
        "--busy",
        type=int,
        default=0,
        help="busy loops run beside the apps for the run, as a VM in a slow hour (see busy_loops)",
    )
    args = parser.parse_args(argv)
    against = AB(args.against.split()) if args.against else None
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp, busy_loops(args.busy):
        times = key_times(Path(tmp), args.rounds, args.keys, against)
    print(f"load average {load:.2f} -> {os.getloadavg()[0]:.2f}")
    for name, found in [("this checkout", times)] + ([(args.against, against.times)] if against else []):
        print(name)
        print("  " + _line("key -> frame", found.frame))
        print("  " + _line("key -> saved (rename seen)", found.saved))
        print("  " + _line("first key -> frame", found.frame_first))
        print("  " + _line("first key -> saved", found.saved_first))
    print(_line("disk floor (rename seen)", times.floor))
    print(_line("disk floor (folder fsynced)", times.floor_durable))
    print(_line("disk floor made by another process, asked through a pipe", times.floor_handoff))
    print(_line("disk floor right after the first key", times.floor_first))
    print(_line("bare DataTable", times.bare_frame))
    print(_line("bare Static row", times.lines_frame))
    if times.lost():
        print("lost: " + times.lost())


if __name__ == "__main__":
    main()
