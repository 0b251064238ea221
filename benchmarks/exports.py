"""Each export format, and a comparison, of the large session: summary, rendering and the file written."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.large_session import large_session
from workshop_tui.export import FORMATS
from workshop_tui.export.files import export_comparison, export_session


def export_times(folder: Path, runs: int) -> dict[str, list[float]]:
    """Milliseconds per export, from the session in memory to the file fsynced in ``folder``."""
    after = large_session(session_id="after")
    before = large_session(session_id="before", seed=11)
    jobs: dict[str, Callable[[], object]] = {
        f"export {fmt}": partial(export_session, after, [fmt], folder) for fmt in FORMATS
    }
    for fmt in ("md", "html"):
        jobs[f"compare {fmt}"] = partial(export_comparison, before, after, fmt, folder)
    for job in jobs.values():
        job()  # the first call imports the renderers; a facilitator's second export does not pay that
    timings: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, job in jobs.items():
            start = time.perf_counter()
            job()
            timings.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return timings
