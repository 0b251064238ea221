"""Cold starts to a settled screen, with the CPU time they took, beside a bare Textual app.

A start is timed from launching the process in a pseudo-terminal to a *settled* screen:
output has begun, at least 2 kB have arrived, and then nothing for 150 ms
(``Terminal.settled``). The time is that of the last output before the quiet, so a screen
drawn twice (filled in once more shortly after the first frame) counts up to its second
frame, which is what a facilitator waits for. The terminal answers Textual's query for
synchronized output (DECRQM ?2026), as modern terminals do.

Five starts, repeated in rounds, each round in a shuffled order so that a slow moment of
the machine does not fall on one kind only:
- the bare app (``bare_app.py``: a DataTable and a Footer), the reference;
- ``workshop`` on the home screen (a folder with one session);
- ``workshop open`` of a 40-person session of the whole programme, every exercise answered;
- ``workshop demo`` (a fresh copy of the demo seminar, opened);
- ``workshop open`` of such a copy (``open-demo``): the same session and screen opened from
  its file, which is what ``workshop demo`` must stay within 10 % of (issue 15). The 40-person
  ``open`` shows a score grid, the demo its action plan: different screens, not a pair.
Each screen is checked to be the one expected, so an error screen is never timed.
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.large_session import large_session, write_session
from benchmarks.terminal import Terminal, workshop_command
from benchmarks.work_folder import add_work_folder
from workshop_tui.core.storage.lock import lock_path
from workshop_tui.core.storage.sessions import copy_demo

BARE = [sys.executable, str(Path(__file__).with_name("bare_app.py"))]


@dataclass
class Start:
    """Milliseconds to a settled screen and CPU milliseconds used by then, per run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    frames: list[int] = field(default_factory=list)
    """Synchronized frames drawn by then (a screen filled in twice draws more)."""


def settled_start(argv: list[str], expect: str, env: dict[str, str] | None, into: Start) -> None:
    """One cold start to a settled screen that shows ``expect``."""
    with Terminal(argv, env=env) as term:
        at = term.settled(timeout=120)
        cpu = term.cpu_seconds()
        if term.screen.find(expect) is None:
            raise RuntimeError(f"{argv[-1]}: settled without {expect!r}:\n{term.screen.text()}")
        into.wall.append((at - term.started) * 1000)
        into.cpu.append(cpu * 1000)
        into.frames.append(term.frames())


def opened_start(path: Path, into: Start, expect: str = "P6 ", workshop: str | None = None) -> None:
    """``workshop open`` of ``path``, as a facilitator opens a session nobody has open.

    Each start is stopped by a signal, which leaves the session's lock behind (a quit gives
    it back): the next start would rightly find a lock of a program that no longer runs,
    take it over and say so in a notice, which an ordinary opening does not show. The left
    lock is removed after each start, so every opening is the ordinary one.
    """
    env = {"WORKSHOP_TUI_DATA_DIR": str(path.parent.parent)}
    try:
        settled_start(_command(workshop, "--lang", "da", "open", str(path)), expect, env, into)
    finally:
        lock_path(path).unlink(missing_ok=True)


def _command(workshop: str | None, *args: str) -> list[str]:
    """``workshop`` with ``args``: this checkout's, or another build's (``--against``)."""
    return [workshop, *args] if workshop else workshop_command(*args)


def start_times(work: Path, runs: int, against: str | None = None) -> dict[str, Start]:
    """Every cold start, ``runs`` times each, interleaved in shuffled rounds.

    With ``against`` (another build's ``workshop``), its home and 40-person open starts are
    timed in the same rounds (``home@``, ``open@``): a change A/B in one run on a loaded machine.
    """
    home = work / "home"
    write_session(large_session(session_id="seminar", participants=12), home / "sessions" / "seminar.toml")
    big = write_session(large_session(session_id="big"), work / "big" / "sessions" / "big.toml")
    demo = work / "demo"
    demo_file = copy_demo(work / "open-demo" / "sessions", timestamp="2026-12-02T09:00:00+00:00")
    starts = {name: Start() for name in ("bare", "home", "open", "demo", "open-demo")}
    jobs = {
        "bare": lambda: settled_start(BARE, "Reference 1", None, starts["bare"]),
        "home": lambda: settled_start(
            workshop_command("--lang", "da"),
            "Stort seminar",
            {"WORKSHOP_TUI_DATA_DIR": str(home)},
            starts["home"],
        ),
        "open": lambda: opened_start(big, starts["open"]),
        "demo": lambda: settled_start(
            workshop_command("--lang", "da", "demo"),
            "Projektor",  # the session screen's footer (the demo opens on its action plan)
            {"WORKSHOP_TUI_DATA_DIR": str(demo)},
            starts["demo"],
        ),
        "open-demo": lambda: opened_start(demo_file, starts["open-demo"], "Projektor"),
    }
    if against:
        starts["home@"], starts["open@"] = Start(), Start()
        jobs["home@"] = lambda: settled_start(
            _command(against, "--lang", "da"),
            "Stort seminar",
            {"WORKSHOP_TUI_DATA_DIR": str(home)},
            starts["home@"],
        )
        jobs["open@"] = lambda: opened_start(big, starts["open@"], workshop=against)
    order = list(jobs)
    shuffle = random.Random(15)
    for _ in range(runs):
        shuffle.shuffle(order)
        for name in order:
            jobs[name]()
        shutil.rmtree(demo, ignore_errors=True)  # each demo starts from an empty folder, as the first one
    return starts


def peak_memory(work: Path, workshop: str | None = None) -> float:
    """MiB: the most memory ``workshop open`` held while going through the whole large seminar.

    It visits every exercise of the programme, shows each on the projector and goes back,
    then reads the process's high-water mark of resident memory (VmHWM, Linux).
    ``workshop`` is another build's command (``--against``); by default this checkout's.
    """
    return memory_status(work, workshop)["VmHWM"]


def memory_status(work: Path, workshop: str | None = None, rounds: int = 1) -> dict[str, float]:
    """MiB of every memory line of ``/proc/PID/status`` after ``rounds`` walks through the seminar.

    Every second walk goes back through the agenda (Ctrl+B). A second walk that raises the
    high-water mark as much as the first would be a leak: the walk should need its memory
    once (``python -m benchmarks.memory --rounds 2``).
    """
    path = write_session(large_session(session_id="memory"), work / "memory" / "sessions" / "memory.toml")
    env = {"WORKSHOP_TUI_DATA_DIR": str(path.parent.parent)}
    try:
        with Terminal(_command(workshop, "--lang", "da", "open", str(path)), env=env) as term:
            term.settled(timeout=120)
            for walk in range(rounds):
                step = b"\x0e" if walk % 2 == 0 else b"\x02"  # Ctrl+N next; back again with Ctrl+B
                for _ in range(len(large_session().agenda)):
                    for key in (b"\x1bOQ", b"\x1b", step):  # F2 projector, Esc back, the step
                        term.send(key)
                        term.settle(0.25)
            assert term.process is not None
            status = Path(f"/proc/{term.process.pid}/status").read_text()
    finally:
        lock_path(path).unlink(missing_ok=True)
    return {
        line.split(":")[0]: int(line.split()[1]) / 1024
        for line in status.splitlines()
        if line.startswith(("Vm", "Rss")) and line.endswith("kB")
    }


def main() -> None:
    """``python -m benchmarks.startup``: only the cold starts, as in the full table, in one run."""
    import argparse
    import os
    import statistics
    import tempfile

    from benchmarks.__main__ import compile_once

    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=main.__doc__)
    parser.add_argument("--runs", type=int, default=5, help="cold starts of each kind (default 5)")
    add_work_folder(parser)
    parser.add_argument("--against", help="another build's workshop command, timed in the same rounds")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix=".benchmarks-", dir=args.dir))
    compile_once()
    try:
        starts = start_times(work, args.runs, args.against)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bare = starts["bare"]
    wall, cpu = statistics.median(bare.wall), statistics.median(bare.cpu)
    for name, start in starts.items():
        ratio = statistics.median(start.wall) / wall
        ratio_cpu = statistics.median(start.cpu) / cpu
        print(
            f"{name:9} wall {statistics.median(start.wall):7.0f} ms ({ratio:.2f}x bare)"
            f"  CPU {statistics.median(start.cpu):6.0f} ms ({ratio_cpu:.2f}x)"
            f"  frames {statistics.median(start.frames):.0f}  runs {[round(x) for x in start.wall]}"
        )
    demo, open_ = statistics.median(starts["demo"].wall), statistics.median(starts["open-demo"].wall)
    print(f"demo / open of a demo copy = {demo / open_:.2f}  (load average {os.getloadavg()[0]:.1f})")
    for name in ("home", "open") if args.against else ():
        this, other = starts[name], starts[f"{name}@"]
        wall = statistics.median(this.wall) / statistics.median(other.wall)
        cpu = statistics.median(this.cpu) / statistics.median(other.cpu)
        print(f"{name}: this build / --against = wall {wall:.2f}, CPU {cpu:.2f}")


if __name__ == "__main__":
    main()
