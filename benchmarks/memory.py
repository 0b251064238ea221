"""``python -m benchmarks.memory``: the peak memory of the large seminar, repeated, A/B.

The full run (``python -m benchmarks``) measures "peak memory, whole large seminar" once;
VmHWM moves by about half a MiB from run to run, so a change of one MiB needs repeats to
be seen. This runs the same walk (``startup.memory_status``) ``--runs`` times for this
checkout and for every ``--against`` build, interleaved in shuffled rounds so a busy
moment of the machine does not fall on one build only, and prints median, min and max.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
from pathlib import Path

from benchmarks.startup import memory_status
from benchmarks.work_folder import add_work_folder


def main() -> None:
    """Print VmHWM (and the resident memory at the end) per build: median, min, max."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="walks of each build (default 5)")
    parser.add_argument("--rounds", type=int, default=1, help="walks through the agenda per process")
    add_work_folder(parser)
    parser.add_argument(
        "--against", action="append", default=[], help="another build's workshop command (repeatable)"
    )
    parser.add_argument("--no-this", action="store_true", help="measure only the --against builds")
    args = parser.parse_args()
    builds: list[str | None] = [*([] if args.no_this else [None]), *args.against]
    work = Path(tempfile.mkdtemp(prefix=".benchmarks-", dir=args.dir))
    peaks: dict[str | None, list[float]] = {build: [] for build in builds}
    ends: dict[str | None, list[float]] = {build: [] for build in builds}
    order = list(builds)
    shuffle = random.Random(14)
    try:
        for _ in range(args.runs):
            shuffle.shuffle(order)
            for build in order:
                status = memory_status(work, build, args.rounds)
                peaks[build].append(status["VmHWM"])
                ends[build].append(status["VmRSS"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for build in builds:
        peak, end = peaks[build], ends[build]
        print(
            f"{build or 'this checkout'}\n  VmHWM median {statistics.median(peak):5.1f} MiB"
            f"  min {min(peak):5.1f}  max {max(peak):5.1f}  VmRSS at the end {statistics.median(end):5.1f}"
            f"  runs {[round(x, 1) for x in peak]}"
        )
    print(f"(load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
