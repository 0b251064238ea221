"""``workshop present`` keeping up: 10 keys a second in the main app, the wall followed in a second pty.

Two real pseudo-terminals, as in the room: ``workshop open`` (the facilitator's laptop) and
``workshop present`` (the window on the projector). Scores are typed into a 40-person
grid at ``rate`` keys a second, with the timer started at once and blind/reveal (F3)
pressed every few seconds, for ``seconds``. Two figures come out:

- **latency**: from the moment each save is renamed into place (seen by inotify,
  ``benchmarks.renames``) to the end of the next frame the wall's terminal receives;
- **the last frame**: once typing stops, the wall must show exactly what the main app's
  own F2 projector shows for the same session, cell for cell, and the count of who answered
  that the file holds.

``python -m benchmarks.present_follow`` runs the full minute; the test suite runs the same
for a few seconds (``tests/ui/test_present.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import math
import select
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.large_session import write_session
from benchmarks.renames import RenameWatch
from benchmarks.terminal import Terminal, TerminalTimeout, workshop_command
from workshop_tui.core.results.figures import answered
from workshop_tui.core.storage.library import load_library
from workshop_tui.core.storage.sessions import load_session, new_session

EXERCISE = "kkc-indicators"
F2, F3, F5 = b"\x1bOQ", b"\x1bOR", b"\x1b[15~"
BLIND_EVERY = 35
"""Keys between two presses of F3 (blind, then reveal)."""


@dataclass
class Report:
    """What one run saw."""

    keys: int = 0
    saves: list[float] = field(default_factory=list)
    """When each save of the session file was renamed into place (``time.perf_counter``)."""
    latencies: list[float] = field(default_factory=list)
    """Seconds from each save to the end of the wall's next frame."""
    wall: str = ""
    """The wall's screen at the end."""
    projector: str = ""
    """The main app's own F2 projector at the end, for the same session."""
    expected_count: str = ""
    """``n af N har svaret`` as the saved file has it."""

    @property
    def same(self) -> bool:
        """Whether the wall's last frame is the main app's projector, cell for cell."""
        return self.wall == self.projector

    def summary(self) -> str:
        """One line per figure."""
        lat = sorted(self.latencies) or [math.nan]
        p95 = lat[max(0, math.ceil(0.95 * len(lat)) - 1)]
        return (
            f"keys {self.keys}, saves {len(self.saves)}, frames matched {len(self.latencies)}\n"
            f"save -> wall frame: median {statistics.median(lat) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms\n"
            f"last frame equal to the main app's F2: {self.same}; "
            f"count shown: {self.expected_count in self.wall}"
        )


def make_room(data_dir: Path, people: int = 40) -> Path:
    """A saved session of one rating grid for ``people`` participants, nothing answered yet."""
    library = load_library()
    session = new_session(
        title="Væg",
        date="2026-12-02",
        exercises=[library.exercises[EXERCISE]],
        participants=people,
        groups=["Bord 1", "Bord 2"],
        session_id="wall",
    )
    return write_session(session, data_dir / "sessions" / "wall.toml")


def run(seconds: float, *, rate: float = 10.0, data_dir: Path | None = None, people: int = 40) -> Report:
    """Type for ``seconds`` at ``rate`` keys a second in the main app; watch the wall follow."""
    with tempfile.TemporaryDirectory(prefix="present-follow-") as scratch:
        folder = data_dir or Path(scratch)
        path = make_room(folder, people)
        env = {"WORKSHOP_TUI_DATA_DIR": str(folder)}
        main = Terminal(workshop_command("--lang", "da", "open", str(path)), env=env)
        wall = Terminal(workshop_command("--lang", "da", "present"), env=env)
        watch = RenameWatch(path.parent)
        try:
            return _drive(main, wall, watch, path, seconds, rate)
        finally:
            watch.close()
            main.close()
            wall.close()


def _drive(
    main: Terminal, wall: Terminal, watch: RenameWatch, path: Path, seconds: float, rate: float
) -> Report:
    report = Report()
    main.start()
    main.wait_for_text("^n", timeout=90)
    main.settle(0.3)
    wall.start()
    wall.wait_for_text("har svaret", timeout=90)
    wall.settle(0.3)
    watch.forget()
    keys = max(1, round(seconds * rate))
    start = time.perf_counter()
    for number in range(keys):
        key = F5 if number == 0 else F3 if number % BLIND_EVERY == 0 else str(1 + number % 5).encode()
        if number == keys - 1:
            key = F5  # the timer paused at the end: both screens then show the same time
        _pump_until(main, wall, watch, path, report, start + number / rate)
        main.send(key)
        report.keys += 1
    _pump_until(main, wall, watch, path, report, time.perf_counter() + 2.0)
    wall.settle(0.5, timeout=30)
    report.latencies = _latencies(report.saves, wall)
    final = load_session(path)
    n, total = answered(final, EXERCISE)
    report.expected_count = f"{n} af {total} har svaret"
    report.wall = wall.screen.text()
    main.send(F2)
    # F2 may take a few frames on a loaded machine: wait (up to a limit) until it has drawn the same.
    with contextlib.suppress(TerminalTimeout):
        main.wait_until(lambda screen: screen.text() == report.wall, timeout=30)
    main.settle(0.3, timeout=30)
    report.projector = main.screen.text()
    return report


def _pump_until(
    main: Terminal, wall: Terminal, watch: RenameWatch, path: Path, report: Report, until: float
) -> None:
    """Read both terminals and note each save until ``until`` (``time.perf_counter``)."""
    files = [main.fileno(), wall.fileno()] + ([watch.fd] if watch.exact else [])
    while (left := until - time.perf_counter()) > 0:
        ready, _, _ = select.select(files, [], [], min(left, 0.002 if not watch.exact else left))
        if main.fileno() in ready:
            main.pump(0)
        if wall.fileno() in ready:
            wall.pump(0)
        seen = watch.renamed(path.name)
        if seen is not None:
            report.saves.append(seen)


def _latencies(saves: list[float], wall: Terminal) -> list[float]:
    """For each save: how long until the end of the wall's next frame (a save no frame followed: left out).

    A frame ends in the chunk where its end marker is complete (``Terminal.frame_ends``): a
    large frame comes in many reads of the pty, and a marker split between two was found in
    neither, so the save was timed to a later frame's end (or left out).
    """
    ends = [wall.chunks[index][0] for index in sorted(wall.frame_ends)]
    out, i = [], 0
    for saved in saves:
        while i < len(ends) and ends[i] < saved:
            i += 1
        if i < len(ends):
            out.append(ends[i] - saved)
    return out


def main() -> None:
    """``python -m benchmarks.present_follow [--seconds 60] [--rate 10]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rate", type=float, default=10.0)
    args = parser.parse_args()
    report = run(args.seconds, rate=args.rate)
    print(report.summary())
    if not report.same:
        for mine, theirs in zip(report.wall.splitlines(), report.projector.splitlines(), strict=False):
            if mine != theirs:
                print(f"wall: {mine!r}\nF2:   {theirs!r}")


if __name__ == "__main__":
    main()
