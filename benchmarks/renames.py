"""Seeing a file renamed into place the moment it happens: inotify through ctypes, else fast polling.

A save is atomic: the new text is written to a temporary file, flushed, and renamed over
the session file. "Saved" is the rename: from then on, a crash or a power cut leaves the
new version. On Linux the kernel reports the rename (``IN_MOVED_TO``) on a file descriptor;
a thread of its own waits on it and notes the time at once. The loop that times a key
also reads the terminal and feeds a whole frame to its screen, which takes tens of
milliseconds on a loaded machine: a rename reported meanwhile used to be timed only when
the loop came back to it (on the test VM, the app had renamed the file 28 ms after the
key and the benchmark said 75 ms). The thread then wakes that loop (``wakeup``), and
the time is the thread's. Elsewhere the file's identity (inode, size, time) is polled
every 0.2 ms.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
import struct
import sys
import threading
import time
from pathlib import Path

IN_MOVED_TO = 0x00000080
_EVENT = struct.Struct("iIII")
SWITCH_INTERVAL = 0.0005
"""While watching, the waiting thread gets the interpreter back within this (the default is 5 ms)."""


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
        self._seen: list[tuple[bytes, float]] = []
        self._lock = threading.Lock()
        self.wakeup = -1
        """Readable when the thread has seen a rename (wait on it beside the terminal)."""
        if self.fd >= 0:
            self.wakeup, self._wake = os.pipe()
            os.set_blocking(self.wakeup, False)
            self._stop_read, self._stop = os.pipe()
            self._switch = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL))
            self._thread = threading.Thread(target=self._follow, name="rename-watch", daemon=True)
            self._thread.start()

    @property
    def exact(self) -> bool:
        """Whether renames are reported by the kernel (not found by polling)."""
        return self.fd >= 0

    def _follow(self) -> None:
        """Wait for renames and note when each was reported, until ``close``."""
        while True:
            ready, _, _ = select.select([self.fd, self._stop_read], [], [])
            now = time.perf_counter()
            if self._stop_read in ready:
                return
            with self._lock:
                self._take(now)
            os.write(self._wake, b"\0")

    def _take(self, now: float) -> None:
        """Read every event waiting on the inotify descriptor (under the lock), each seen at ``now``."""
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            offset = 0
            while offset < len(data):
                _, mask, _, length = _EVENT.unpack_from(data, offset)
                raw = data[offset + _EVENT.size : offset + _EVENT.size + length]
                offset += _EVENT.size + length
                if mask & IN_MOVED_TO:
                    self._seen.append((raw.rstrip(b"\0"), now))

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
        with self._lock:
            self._take(now)  # not yet taken by the thread: seen now
            seen, self._seen = self._seen, []
        with contextlib.suppress(BlockingIOError):
            os.read(self.wakeup, 4096)
        wanted = os.fsencode(name)
        return next((at for raw, at in seen if raw == wanted), None)

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
            os.write(self._stop, b"\0")
            self._thread.join()
            for fd in (self.fd, self.wakeup, self._wake, self._stop_read, self._stop):
                os.close(fd)
            sys.setswitchinterval(self._switch)
            self.fd = -1
