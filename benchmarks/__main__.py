"""``python -m benchmarks``: every figure of issue 5, with its target and reference, in one table.

Each figure is a median and a p95 (nearest rank) over repeated runs; each reference (the bare
Textual app, the disk's own cost of a durable write) is measured in the same run, interleaved
with what it is compared to. Nothing here asserts: the table says which targets are met.
The work folder is made in the current directory by default, so that saving is timed on a
real disk (``/tmp`` is often a RAM disk, where fsync costs nothing).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import textual

from benchmarks.exports import export_times
from benchmarks.keys import bare_key_to_frame, disk_floor, key_to_frame, key_to_saved
from benchmarks.startup import first_listing_complete, peak_memory, start_times


def p95(values: list[float]) -> float:
    """The nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def machine(folder: Path) -> str:
    """CPU, cores, memory, OS, Python, Textual and the filesystem the work folder is on."""
    cpu = platform.processor() or platform.machine()
    with_info = Path("/proc/cpuinfo")
    if with_info.exists():
        names = [x.split(":", 1)[1].strip() for x in with_info.read_text().splitlines() if "model name" in x]
        cpu = names[0] if names else cpu
    memory = ""
    if Path("/proc/meminfo").exists():
        total = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {total / 2**20:.0f} GiB RAM"
    fs = ""
    if Path("/proc/mounts").exists():
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
        best = max((m for m in mounts if str(folder.resolve()).startswith(m[1])), key=lambda m: len(m[1]))
        fs = f", work folder on {best[2]} ({best[0]})"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Textual {textual.__version__}{fs}"
    )


class Table:
    """Rows of figure, median, p95, target, reference and verdict, printed as Markdown."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(
        self, name: str, values: list[float], unit: str, target: str, reference: str, met: bool | None
    ) -> None:
        """One figure; ``met`` None for a reference row."""
        verdict = "reference" if met is None else ("meets" if met else "MISSES")
        self.rows.append(
            (
                name,
                f"{statistics.median(values):.1f} {unit}",
                f"{p95(values):.1f} {unit}",
                target,
                reference,
                verdict,
            )
        )

    def print(self) -> None:
        """The table, in Markdown."""
        head = ("figure", "median", "p95", "target", "reference (same run)", "verdict")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(len(head))]
        for row in [head, tuple("-" * w for w in widths), *self.rows]:
            print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")


def main() -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="repeats of each cold start (default 9)")
    parser.add_argument("--keys", type=int, default=200, help="score keys for key -> saved (default 200)")
    parser.add_argument(
        "--rows", type=int, default=8, help="grid rows typed into for key -> frame (6 keys each)"
    )
    parser.add_argument("--dir", type=Path, default=Path.cwd(), help="where to make the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix=".benchmarks-", dir=args.dir))
    try:
        print(f"machine: {machine(work)}\n")
        table = Table()
        starts = start_times(work, args.runs)
        bare = starts["bare"]
        ref = f"bare app {statistics.median(bare):.0f} ms (p95 {p95(bare):.0f})"
        table.add("cold start: bare Textual app (DataTable + Footer)", bare, "ms", "", "", None)
        for key, name in (("home_1", "home screen"), ("open_big", "open the large session")):
            ratio = statistics.median(starts[key]) / statistics.median(bare)
            table.add(
                f"cold start: workshop, {name} ({ratio:.2f}x bare)",
                starts[key],
                "ms",
                "≤ 1.3x bare",
                ref,
                ratio <= 1.3,
            )
        one = starts["home_1"]
        for key, name in (("home_1000", "index built"), ("home_1000_first", "first listing, no index")):
            extra = statistics.median(starts[key]) - statistics.median(one)
            table.add(
                f"home with 1,000 sessions, {name} (+{extra:.0f} ms)",
                starts[key],
                "ms",
                "≤ 1 session + 300 ms",
                f"1 session {statistics.median(one):.0f} ms",
                extra <= 300,
            )
        complete = [first_listing_complete(work) for _ in range(max(1, args.runs // 3))]
        table.add(
            "  … and every one of the 1,000 validated and shown", complete, "ms", "(no target)", "", None
        )
        saved = key_to_saved(work, args.keys)
        floor = disk_floor(work, args.keys)
        floor_text = (
            f"durable replace of the same file {statistics.median(floor):.1f} ms (p95 {p95(floor):.1f})"
        )
        table.add(
            "key -> saved (40 people, all answered)", saved, "ms", "p95 ≤ 5 ms", floor_text, p95(saved) <= 5
        )
        env = {"WORKSHOP_TUI_DATA_DIR": str(work / "frame")}
        frame = key_to_frame(work / "frame", args.rows, env)
        bare_frame = bare_key_to_frame(args.rows)
        bare_text = f"bare app, same table {statistics.median(bare_frame):.0f} ms (p95 {p95(bare_frame):.0f})"
        table.add(
            "key -> frame in a pty (40 people)", frame, "ms", "p95 ≤ 16.7 ms", bare_text, p95(frame) <= 16.7
        )
        for name, values in export_times(work / "exports", max(5, args.runs)).items():
            table.add(f"{name} (large session)", values, "ms", "≤ 100 ms", "", p95(values) <= 100)
        memory = [peak_memory(work)]
        table.add("peak memory, whole large seminar", memory, "MiB", "≤ 80 MiB", "", memory[0] <= 80)
        print()
        table.print()
    finally:
        # An app that was stopped may still have been finishing a write: try again once.
        for _ in range(2):
            shutil.rmtree(work, ignore_errors=True)
            if not work.exists():
                break
            time.sleep(1)


if __name__ == "__main__":
    main()
