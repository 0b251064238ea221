"""The disk floor as another process makes it: asked through a pipe, seen by the same inotify thread.

``benchmarks.keys`` times a key's save from the key's write to the pty until its inotify
thread sees the rename, and the disk floor (``keys.disk_floor``) as an atomic replace made
by the benchmark itself until that thread sees it. On a busy machine the two are not
timed alike: the key's rename is made by another process, which must first be woken by
the key and find a CPU while other work holds both cores; the floor's rename is made by
the benchmark's own thread, already running.

This floor is made the way a key's save is seen: the benchmark writes a byte to a pipe
(as it writes a key to the pty) and waits; a small helper process, woken by it, makes the
same atomic replace (write, fsync, rename), and the time is when the same inotify thread
sees the rename. It is printed beside the other floors: the least a program that does
no work of its own could take from a key to a rename seen, with the disk and the wake-ups
a key's save also has. With one busy loop beside the run, on a tmpfs (no disk cost): 0.3
ms median, p95 4.1, against the benchmark's own replace's 0.2 / 2.1 and the app's save's
3.0 / 7.8 ms in the same run: about 2 ms of the save's p95 beyond the floor is the hand-off
itself, the rest the app's own work before the rename (1.2 ms on a quiet machine) waiting
for a CPU.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.renames import RenameWatch

NAME = ".floor-handoff.toml"

_HELPER = """
import os, sys
target, size = sys.argv[1], int(sys.argv[2])
tmp = target + ".tmp"
data = os.urandom(size)
while sys.stdin.buffer.read(1):
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    sys.stdout.buffer.write(b".")
    sys.stdout.buffer.flush()
"""


class HandoffFloor:
    """A helper process beside ``path`` that makes an atomic replace of its size each time it is asked."""

    def __init__(self, path: Path) -> None:
        self.target = path.with_name(NAME)
        self._helper = subprocess.Popen(
            [sys.executable, "-c", _HELPER, str(self.target), str(path.stat().st_size)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def replace(self, renames: RenameWatch, timeout: float = 10.0) -> float:
        """Ask for one replace; ms from asking until ``renames`` saw it renamed into place."""
        assert self._helper.stdin is not None and self._helper.stdout is not None
        renames.forget()
        start = time.perf_counter()
        os.write(self._helper.stdin.fileno(), b"x")
        deadline = start + timeout
        while (seen := renames.renamed(NAME)) is None:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"the rename of {NAME} was not seen")
            if renames.exact:  # as a key's save is waited for (``keys._key``)
                select.select([renames.wakeup], [], [], 0.05)
            else:
                time.sleep(0.0002)
        os.read(self._helper.stdout.fileno(), 1)  # done: the next replace starts from rest
        return (seen - start) * 1000

    def close(self) -> None:
        """End the helper (it ends when its pipe closes)."""
        if self._helper.stdin is not None:
            self._helper.stdin.close()
        try:
            self._helper.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._helper.kill()
            self._helper.wait()
