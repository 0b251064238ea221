"""Seeing a file renamed into place the moment it happens: inotify through ctypes, else fast polling.

A save is atomic: the new text is written to a temporary file, flushed, and renamed over
the session file. "Saved" is the rename: from then on, a crash or a power cut leaves the
new version. On Linux the kernel reports the rename (``IN_MOVED_TO``) on a file descriptor
that can wait in the same ``select`` as the terminal, so both are timed by one clock in
one loop. Elsewhere the file's identity (inode, size, time) is polled every 0.2 ms.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import time
from pathlib import Path

IN_MOVED_TO = 0x00000080
_EVENT = struct.Struct("iIII")


class RenameWatch:
    """Renames into one folder, by file name, each with the time it was seen."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fd = -1
        self._polled: dict[str, tuple[int, int, int]] = {}
        libc_name = ctypes.util.find_library("c")
        libc = ctypes.CDLL(libc_name, use_errno=True) if libc_name else None
        if libc is not None and hasattr(libc, "inotify_init1"):
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
            if fd >= 0 and libc.inotify_add_watch(fd, os.fsencode(folder), IN_MOVED_TO) >= 0:
                self.fd = fd
            elif fd >= 0:
                os.close(fd)

    @property
    def exact(self) -> bool:
        """Whether renames are reported by the kernel (not found by polling)."""
        return self.fd >= 0

    def renamed(self, name: str) -> float | None:
        """If ``name`` was renamed into the folder since the last call: when that was seen."""
        now = time.perf_counter()
        if self.fd < 0:
            try:
                st = os.stat(self.folder / name)
            except OSError:
                return None
            key = (st.st_ino, st.st_size, st.st_mtime_ns)
            old = self._polled.setdefault(name, key)
            self._polled[name] = key
            return now if old != key else None
        found = None
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return found
            offset = 0
            while offset < len(data):
                _, mask, _, length = _EVENT.unpack_from(data, offset)
                raw = data[offset + _EVENT.size : offset + _EVENT.size + length]
                offset += _EVENT.size + length
                if mask & IN_MOVED_TO and raw.rstrip(b"\0") == os.fsencode(name) and found is None:
                    found = now

    def forget(self) -> None:
        """Drop renames already reported (e.g. saves a cursor move made)."""
        if self.fd >= 0:
            self.renamed("")
        else:
            for name in list(self._polled):
                self.renamed(name)

    def close(self) -> None:
        """Stop watching."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
