"""The benchmarks make their work folders in the system's temp folder unless told otherwise.

They defaulted to the folder they were started from: a run from the checkout left
``.benchmarks-*`` folders (sessions, caches, a 1,000-file listing) in the work tree whenever
it was stopped before it tidied up, and a run from another folder wrote there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "module",
    [
        "benchmarks",
        "benchmarks.keys",
        "benchmarks.exports",
        "benchmarks.startup",
        "benchmarks.key_trace",
        "benchmarks.memory",
    ],
)
def test_a_benchmark_s_work_folder_is_made_in_the_system_temp_folder(module: str, tmp_path: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    started_in = tmp_path / "here"
    started_in.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(ROOT)}
    shown = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=started_in,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    said = "".join(shown.split())  # argparse wraps the help, at spaces and hyphens
    assert str(temp) in said and str(started_in) not in said
