"""Exports as a facilitator runs them: ``workshop export`` from the command line, cold, minus a bare start.

Also ``workshop trend`` of the demo series (issue 16: ≤ 300 ms beyond a bare start).

Each export is one process, timed from launch to exit (the file written and fsynced), for
the two large cases of the issue: 400 participants on the whole programme, and 90
exercises for 40 participants. What the export itself costs is that minus the median of
``workshop --version`` (Python's start and the CLI's imports) measured in the same run,
interleaved with the exports.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from benchmarks.large_session import large_session, many_exercises, write_session
from benchmarks.terminal import workshop_command
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
    env = {**os.environ, "WORKSHOP_TUI_DATA_DIR": str(data)}
    out = work / "out"
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        times.setdefault("version", []).append(run_ms(workshop_command("--version"), env))
        argv = workshop_command("--lang", "da", "trend", follow_up, "--format", "html", "-o", str(out))
        times.setdefault(f"{TREND} html", []).append(run_ms(argv, env))
        for case, path in cases.items():
            for fmt in FORMATS:
                argv = workshop_command("--lang", "da", "export", str(path), "--format", fmt, "-o", str(out))
                times.setdefault(f"{case} {fmt}", []).append(run_ms(argv, env))
                times.setdefault("version", []).append(run_ms(workshop_command("--version"), env))
    return times
