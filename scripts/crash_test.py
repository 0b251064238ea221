"""Crash test: score without pause in a real terminal, SIGKILL the app at random moments, check the file.

Each round starts ``workshop open`` on one session in a pseudo-terminal, types scores (and
now and then moves the cursor up) at a random pace, and kills the app with SIGKILL at a
random moment: mid-save, mid-frame, between keys. Then it checks what the promise says:

- the session file parses (``load_session``), and so does its ``.bak``;
- the file holds the scores of the first *m* keys typed, for some *m* (nothing half-saved,
  nothing from nowhere);
- every score the terminal had shown is in it: *m* is at least the number of keys whose
  scores the last complete frame the app wrote shows.

The cells each key scored are worked out from the cursor the app restores from the file.
The short form runs in the test suite (``tests/unit/test_crash.py``); the long form is
``python scripts/crash_test.py --kills 50``.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python scripts/crash_test.py` from a checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.large_session import large_session, write_session  # noqa: E402
from benchmarks.screen import Screen  # noqa: E402
from benchmarks.terminal import FRAME_END, Terminal, TerminalClosed, workshop_command  # noqa: E402
from workshop_tui.core.model import Session  # noqa: E402
from workshop_tui.core.storage.errors import FileProblems  # noqa: E402
from workshop_tui.core.storage.sessions import load_session  # noqa: E402

EXERCISE = "kkc-indicators"
UP = b"\x1b[A"
SIZE = (120, 36)
"""The terminal for up to 20 people; a larger room gets a wider one (``_size``)."""
START_SECONDS = 120.0
"""How long the app may take to show the grid: only a bound, waited out only when it never
shows. 30 s was at the edge on a machine at load 9 (2 cores shared by five test runs)."""


def _size(people: int) -> tuple[int, int]:
    """A terminal wide enough that every participant's column is on the screen.

    The check reads each column's scores off the screen by its "P<n>" heading; at 120
    columns a room of 40 showed P1-P24 only, so "P40" never came and every round of
    ``--participants 40`` failed with "not shown in 30 s" whatever the load (a column is 4
    characters; wider terminals also show the agenda beside the grid). The figures (n, mean …,
    about 40 cells) count too: a grid that does not fit keeps them on screen and scrolls the
    participants instead (``LineTable.pinned``), which hid P39 and P40 at 240 columns.
    """
    needed = 80 + 4 * people
    return (needed + 40 if needed > SIZE[0] else SIZE[0], SIZE[1])


Cell = tuple[int, int]
"""(item row, participant number 1..n), as on the grid."""
Grid = dict[Cell, int]


@dataclass
class Round:
    """What one kill found."""

    keys: int
    saved: int | None
    """How many of the keys typed the file holds (None: the file is not any prefix of them)."""
    shown: int | None
    """How many keys' scores the terminal showed (None: the grid was never drawn)."""
    problems: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    """What was typed, and into which cell: ``(row, person)=digit`` or ``up×n``."""


@dataclass
class Report:
    """Every round of a crash test."""

    rounds: list[Round] = field(default_factory=list)

    @property
    def losses(self) -> int:
        """Keys whose scores were shown but are not in the file, over all rounds."""
        return sum(
            max(0, r.shown - r.saved) for r in self.rounds if r.shown is not None and r.saved is not None
        )

    @property
    def failures(self) -> list[str]:
        """Every problem found (a loss, a file that did not parse or was not a prefix)."""
        return [f"round {n}: {p}" for n, r in enumerate(self.rounds, 1) for p in r.problems]


def _grid(session: Session) -> Grid:
    items = [i.id for i in session.exercise(EXERCISE).scored_items]
    scores = session.answers_for(EXERCISE).scores
    people = {p.id: n for n, p in enumerate(session.participants, 1)}
    return {(items.index(i), people[p]): v for i, row in scores.items() for p, v in row.items()}


def _restored_cursor(session: Session, rows: int, people: int) -> Cell:
    """Where the app puts the cursor when it opens the file (GridView.restore)."""
    position = session.position
    if position.exercise not in ("", EXERCISE):
        return 0, 1
    column = position.column if 1 <= position.column <= people else 1
    return min(position.row, rows - 1), column


def _shown_grid(output: bytes, rows: int, people: int) -> Grid | None:
    """The scores on the grid in the last complete frame the app wrote; None if no grid was drawn."""
    end = output.rfind(FRAME_END)
    if end < 0:
        return None
    screen = Screen(*_size(people))
    screen.feed(output[: end + len(FRAME_END)])
    head = screen.find(f"P{people} ")
    if head is None or screen.find("P1 ") is None:
        return None
    header = screen.line(head[0])
    grid: Grid = {}
    for person in range(1, people + 1):
        column = header.find(f"P{person} ") - 1
        for row in range(rows):
            text = screen.at(head[0] + 1 + row, column, 5)
            if text.isdigit():
                grid[(row, person)] = int(text)
    return grid


def _one_round(path: Path, env: dict[str, str], rng: random.Random, longest: float) -> Round:
    before = load_session(path)
    rows = len(before.exercise(EXERCISE).scored_items)
    people = len(before.participants)
    cursor = _restored_cursor(before, rows, people)
    states = [_grid(before)]
    typed: list[str] = [f"start at {cursor}"]
    with Terminal(workshop_command("--lang", "da", "open", str(path)), size=_size(people), env=env) as term:
        term.wait_for_text(f"P{people} ", timeout=START_SECONDS)
        term.settle(0.2)
        kill_at = time.perf_counter() + rng.uniform(0.05, longest)
        while time.perf_counter() < kill_at:
            if rng.random() < 0.1:
                steps = rng.randint(1, 4)
                term.send(UP * steps)
                cursor = (max(0, cursor[0] - steps), cursor[1])
                typed.append(f"up×{steps}")
            else:
                digit = rng.randint(1, 5)
                term.send(str(digit).encode())
                state = dict(states[-1])
                state[cursor] = digit
                typed.append(f"{cursor}={digit}")
                states.append(state)
                row, column = cursor
                cursor = (
                    (row, column + 1) if column < people else ((row + 1, 1) if row + 1 < rows else cursor)
                )
            term.pump(rng.uniform(0.0, 0.05))
        term.kill(signal.SIGKILL)
        try:
            while term.pump(0.2):
                pass
        except TerminalClosed:
            pass
        output = bytes(term.output)
    result = Round(keys=len(states) - 1, saved=None, shown=None, typed=typed)
    try:
        after = load_session(path)
    except FileProblems as error:
        result.problems.append(f"the file does not parse after the kill: {error}")
        return result
    backup = path.with_name(path.name + ".bak")
    if backup.exists():
        try:
            load_session(backup)
        except FileProblems as error:
            result.problems.append(f"the .bak does not parse: {error}")
    saved = [m for m, state in enumerate(states) if state == _grid(after)]
    if not saved:
        result.problems.append("the file holds scores that are no prefix of the keys typed")
    result.saved = max(saved) if saved else None
    shown_grid = _shown_grid(output, rows, people)
    if shown_grid is not None:
        shown = [m for m, state in enumerate(states) if state == shown_grid]
        if not shown:
            result.problems.append("the screen showed scores that are no prefix of the keys typed (harness?)")
        result.shown = min(shown) if shown else None
    if result.saved is not None and result.shown is not None and result.saved < result.shown:
        result.problems.append(f"LOST: {result.shown} keys were shown, the file holds {result.saved}")
    return result


def run(
    kills: int, *, participants: int = 8, seed: int = 1, longest: float = 2.0, log: bool = False
) -> Report:
    """Kill the app ``kills`` times while scoring; returns what every round found."""
    rng = random.Random(seed)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="workshop-crash-") as tmp:
        data = Path(tmp)
        session = large_session(participants=participants, answered=False, session_id="crash")
        path = write_session(session, data / "sessions" / "crash.toml")
        env = {"WORKSHOP_TUI_DATA_DIR": str(data)}
        for number in range(1, kills + 1):
            found = _one_round(path, env, rng, longest)
            report.rounds.append(found)
            if log:
                state = "ok" if not found.problems else "; ".join(found.problems)
                print(
                    f"kill {number:3}: {found.keys:3} keys typed, {found.shown} shown, "
                    f"{found.saved} in the file: {state}",
                    flush=True,
                )
    return report


def main() -> int:
    """The long form; exit status 1 when anything was lost or a file did not parse."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--participants", type=int, default=8, help="people in the room (all on screen)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--longest", type=float, default=2.0, help="longest run before a kill, seconds")
    args = parser.parse_args()
    started = time.perf_counter()
    report = run(args.kills, participants=args.participants, seed=args.seed, longest=args.longest, log=True)
    keys = sum(r.keys for r in report.rounds)
    print(
        f"\n{len(report.rounds)} kills, {keys} keys typed, {report.losses} shown scores lost, "
        f"{len(report.failures)} problems, {time.perf_counter() - started:.0f} s"
    )
    for failure in report.failures:
        print(failure)
    return 1 if report.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
