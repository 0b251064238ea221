"""Where a benchmark makes its work folder: one ``--dir`` option, the same in every entry point.

The benchmarks once defaulted to the folder they were started from, and a run stopped before
it tidied up left ``.benchmarks-*`` folders (sessions, caches, a 1,000-file listing) in the
checkout. The system temp folder (``$TMPDIR``) is the default; ``--dir`` still chooses, e.g. a
disk folder where /tmp is tmpfs for the fsync figures, or /dev/shm to keep the disk out.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def add_work_folder(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` the ``--dir`` option (default: the system temp folder)."""
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()),
        help="where to make the work folder (default: the system temp folder, %(default)s)",
    )
