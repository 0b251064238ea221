"""Fast-fingers test: random bursts of keys into the installed app, in a real terminal, without waiting.

A terminal delivers what a facilitator types on a busy laptop (or pastes) in bursts: several
keys in one read. Textual's Pilot waits for the app to go idle after every key and so hides
every race between those keys; this drives ``workshop open`` in a pseudo-terminal instead
(``benchmarks/terminal.py``) and sends bursts of one to six keys with at most a few
milliseconds between bursts: moving between exercises, digits, F3/F4, Esc, Ctrl+G, undo and
redo, tallies, arrows, Tab, Enter and letters. It runs on the demo programme and on a session
with one exercise of every kind, with a fixed seed, and counts crashes: a traceback on the
terminal or the app ending with a non-zero status. An app that ends cleanly (a burst that went
home and typed ``q``) is started again and is not a crash.

The short form runs in the test suite (``tests/unit/test_fast_fingers.py``); the long form is
``python scripts/fast_fingers.py --bursts 2000``.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python scripts/fast_fingers.py` from a checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.large_session import write_session  # noqa: E402
from benchmarks.terminal import Terminal, TerminalClosed, plain, workshop_command  # noqa: E402
from workshop_tui.core.model import KINDS  # noqa: E402
from workshop_tui.core.storage.library import load_library  # noqa: E402
from workshop_tui.core.storage.sessions import (  # noqa: E402
    builtin_sessions_dir,
    load_session,
    new_session,
)

SIZE = (120, 36)
PAUSE = 0.3
"""Longest pause after a burst, seconds: some bursts land while the last is being handled, some after."""
KEYS: dict[str, bytes] = {
    "ctrl+n": b"\x0e",
    "ctrl+b": b"\x02",
    "ctrl+g": b"\x07",
    "ctrl+z": b"\x1a",
    "ctrl+y": b"\x19",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "escape": b"\x1b",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "tab": b"\t",
    "shift+tab": b"\x1b[Z",
    "enter": b"\r",
    "backspace": b"\x7f",
    "delete": b"\x1b[3~",
    "space": b" ",
    "plus": b"+",
    "minus": b"-",
    **{str(d): str(d).encode() for d in range(10)},
    **{c: c.encode() for c in "aeiostæøå"},
}
"""What a terminal sends for each key (xterm), by Textual's key name."""
WEIGHTS: dict[str, float] = {
    "ctrl+n": 6,
    "ctrl+b": 6,
    "ctrl+g": 3,
    "escape": 0.5,
    **{str(d): 1.5 for d in range(10)},
}
"""Moving between exercises is what crashed; it comes up more often than the rest."""
CRASH_MARKS = ("Traceback", "NoMatches", "Error:", "error:")
"""Text on the terminal that means the app died of an exception."""


def all_kinds_session(folder: Path) -> Path:
    """A session with the first library exercise of every kind, 8 people in two groups."""
    library = load_library(include_user=False)
    chosen = []
    for kind in KINDS:
        exercise = next((e for e in library.exercises.values() if e.kind == kind), None)
        if exercise is not None:
            chosen.append(exercise)
    session = new_session(
        title="Alle slags",
        date="2026-12-01",
        exercises=chosen,
        participants=8,
        groups=["Bord 1", "Bord 2"],
        session_id="alle-slags",
    )
    return write_session(session, folder / "sessions" / "alle-slags.toml")


def demo_session(folder: Path) -> Path:
    """A fresh copy of the demo seminar (every exercise of the programme)."""
    session = load_session(builtin_sessions_dir() / "demo-aeldreomraadet.toml")
    return write_session(session, folder / "sessions" / "demo.toml")


@dataclass
class Crash:
    """One death of the app: which session, after which bursts, and what it said."""

    session: str
    burst: int
    status: int | None
    message: str
    recent: list[list[str]] = field(default_factory=list)
    """The last bursts sent before it, key names."""


@dataclass
class Report:
    """What a fast-fingers run found."""

    bursts: int = 0
    keys: int = 0
    starts: int = 0
    crashes: list[Crash] = field(default_factory=list)


def _crash_message(output: bytes) -> str | None:
    text = plain(output)
    for mark in CRASH_MARKS:
        at = text.find(mark)
        if at >= 0:
            tail = [line.strip(" │╭╮╰╯─") for line in text[at:].splitlines()]
            errors = [line for line in tail if "Error" in line or "NoMatches" in line]
            return (errors[-1] if errors else text[at : at + 200]).strip()
    return None


def _read_for(term: Terminal, seconds: float) -> None:
    """Read what the app writes for ``seconds`` (a terminal keeps reading while nobody types)."""
    deadline = time.perf_counter() + seconds
    while (left := deadline - time.perf_counter()) > 0:
        term.pump(left)
    term.drain()


def _burst(rng: random.Random) -> list[str]:
    names = list(KEYS)
    weights = [WEIGHTS.get(n, 1.0) for n in names]
    return rng.choices(names, weights, k=rng.randint(1, 6))


def _run_session(
    path: Path, bursts: int, rng: random.Random, env: dict[str, str], report: Report, log: bool
) -> None:
    """Send ``bursts`` bursts into ``workshop open path``, restarting after a clean exit or a crash."""
    sent = 0
    while sent < bursts:
        report.starts += 1
        recent: list[list[str]] = []
        with Terminal(workshop_command("--lang", "da", "open", str(path)), size=SIZE, env=env) as term:
            term.wait_for_text("^n", timeout=60)
            term.settle(0.2)
            ended = False
            while sent < bursts and not ended:
                keys = _burst(rng)
                recent = [*recent[-5:], keys]
                term.send(b"".join(KEYS[k] for k in keys))
                sent += 1
                report.bursts += 1
                report.keys += len(keys)
                try:
                    _read_for(term, rng.uniform(0.0, PAUSE))
                except TerminalClosed:
                    ended = True
                if not term.alive:
                    ended = True
                message = _crash_message(bytes(term.output[-20000:]))
                if message is not None and not ended:
                    ended = True
                    with contextlib.suppress(TerminalClosed):
                        term.settle(0.5, timeout=5)
            process = term.process
            status = process.poll() if process is not None else None
            if status is None:
                with contextlib.suppress(TerminalClosed):
                    term.settle(0.3, timeout=3)
                status = process.poll() if process is not None else None
            message = _crash_message(bytes(term.output))
            if message is not None or status not in (None, 0):
                crash = Crash(path.stem, sent, status, message or f"exit status {status}", recent)
                report.crashes.append(crash)
                if log:
                    print(
                        f"CRASH after burst {sent} ({path.stem}): {crash.message}; last: {recent}", flush=True
                    )
        if log:
            print(f"{path.stem}: {sent}/{bursts} bursts, {len(report.crashes)} crashes so far", flush=True)


def run(bursts: int, *, seed: int = 1, log: bool = False) -> Report:
    """Send ``bursts`` bursts (half to the demo, half to the every-kind session); returns what it found."""
    rng = random.Random(seed)
    report = Report()
    with tempfile.TemporaryDirectory(prefix="workshop-fast-") as tmp:
        data = Path(tmp)
        env = {"WORKSHOP_TUI_DATA_DIR": str(data)}
        for path, share in (
            (demo_session(data), bursts // 2),
            (all_kinds_session(data), bursts - bursts // 2),
        ):
            _run_session(path, share, rng, env, report, log)
    return report


def main() -> int:
    """The long form; exit status 1 when the app crashed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    report = run(args.bursts, seed=args.seed, log=True)
    print(
        f"\n{report.bursts} bursts, {report.keys} keys, {report.starts} starts, "
        f"{len(report.crashes)} crashes, {time.perf_counter() - started:.0f} s"
    )
    for crash in report.crashes:
        print(f"{crash.session} burst {crash.burst}: {crash.message}")
    return 1 if report.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
