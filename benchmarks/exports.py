"""Exports as a facilitator runs them: ``workshop export`` from the command line, cold, minus a bare start.

Also ``workshop trend`` of the demo series (issue 16: ≤ 300 ms beyond a bare start).

Each export is one process, timed from launch to exit (the file written and fsynced), for
the two large cases of the issue: 400 participants on the whole programme, and 90
exercises for 40 participants. What the export itself costs is that minus the median of
``workshop --version`` (Python's start and the CLI's imports) measured in the same run,
interleaved with the exports.

A large session's parsed table is kept between runs for the same text
(``core/storage/parsed_cache``): each export is timed twice in a row, first with that cache
emptied (``<case> <format>``, what the first export of a file costs) and then again
(``<case> <format> cached``, every later export of the same file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from benchmarks.large_session import large_session, many_exercises, write_session
from benchmarks.terminal import workshop_command
from benchmarks.work_folder import add_work_folder
from workshop_tui.core.storage.parsed_cache import CACHE_DIR_ENV
from workshop_tui.core.storage.sessions import copy_demo

FORMATS = ("md", "html", "csv")
TREND = "trend of the demo series"
"""The ``workshop trend`` case: the demo's follow-up day, its series and the second leader group."""


def run_ms(argv: list[str], env: dict[str, str]) -> float:
    """Milliseconds from launching ``argv`` to its exit; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    took = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-600:]}")
    return took


def export_times(work: Path, runs: int) -> dict[str, list[float]]:
    """Milliseconds per run: ``version`` (the bare start) and ``<case> <format>`` for each export."""
    data = work / "data"
    cases = {
        "400 participants": write_session(
            large_session(participants=400, session_id="people-400"), data / "sessions" / "people-400.toml"
        ),
        "90 exercises": write_session(many_exercises(90), data / "sessions" / "exercises-90.toml"),
    }
    demo = copy_demo(data / "sessions", timestamp="2026-12-02T09:00:00+00:00")
    follow_up = f"{demo.stem}-2"  # the demo seminar's follow-up day (storage.series.copy_demo_series)
    cache = work / "cache"
    env = {**os.environ, "WORKSHOP_TUI_DATA_DIR": str(data), CACHE_DIR_ENV: str(cache)}
    out = work / "out"
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        times.setdefault("version", []).append(run_ms(workshop_command("--version"), env))
        argv = workshop_command("--lang", "da", "trend", follow_up, "--format", "html", "-o", str(out))
        times.setdefault(f"{TREND} html", []).append(run_ms(argv, env))
        for case, path in cases.items():
            for fmt in FORMATS:
                argv = workshop_command("--lang", "da", "export", str(path), "--format", fmt, "-o", str(out))
                shutil.rmtree(cache, ignore_errors=True)  # the first export of this file
                times.setdefault(f"{case} {fmt}", []).append(run_ms(argv, env))
                times.setdefault(f"{case} {fmt} cached", []).append(run_ms(argv, env))
                times.setdefault("version", []).append(run_ms(workshop_command("--version"), env))
    return times


def main() -> None:
    """``python -m benchmarks.exports``: only the exports, quicker than the whole benchmark.

    Prints each case's median and p95 minus the median ``--version`` start of the same run,
    and the load average, so a change on the export path can be checked in a minute.
    """
    import argparse
    import statistics
    import tempfile

    from benchmarks.__main__ import compile_once, p95

    parser = argparse.ArgumentParser(prog="python -m benchmarks.exports", description=main.__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs of each case (default 5)")
    add_work_folder(parser)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix=".benchmarks-exports-", dir=args.dir))
    compile_once()
    try:
        times = export_times(work, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    version = times.pop("version")
    base = statistics.median(version)
    print(f"workshop --version: median {base:.0f} ms, p95 {p95(version):.0f} ms")
    for name, values in times.items():
        net = [value - base for value in values]
        print(f"{name:32} minus --version: median {statistics.median(net):6.0f} ms, p95 {p95(net):6.0f} ms")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
