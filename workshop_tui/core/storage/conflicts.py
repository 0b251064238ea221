"""Noticing that a session file changed behind the app's back, and keeping both versions.

The lock (``storage.lock``) keeps a second workshop-tui from writing, but not another
program: a sync client (Dropbox, OneDrive, Syncthing) putting another computer's version
in place, an editor, an older workshop-tui. Before each save the writer looks at the
file; if it is not what it last read or wrote, that version is copied aside as
``<name>.conflict-<time>.toml`` before ours is written, so neither is lost, and the
caller tells the facilitator. The look costs one ``stat`` per save; the file is read
only when its size, time or inode changed (and a file merely touched, with the same
bytes, is no conflict).
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.locations import read_plain_file
from workshop_tui.core.storage.tomlio import failure_reason

THEIRS_MOST = 2**30
"""The most of another program's version read to be kept aside: any session file a sync client
or an editor writes (a session is refused past 5 MB); a larger file is not read at all."""

StatKey = tuple[int, int, int, int]
"""(device, inode, size, mtime in ns): changes whenever the file is replaced or rewritten."""


def stat_key(path: Path) -> StatKey | None:
    """The file's identity and version, or None when it is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class DiskWatch:
    """What a session file held when this program last read or wrote it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = stat_key(path)
        self._content: str | bytes = b""
        if self._key is not None:
            with contextlib.suppress(OSError):
                self._content = read_plain_file(path, THEIRS_MOST)

    def changed(self) -> bool:
        """Whether the file is not (by its stat) what was last read or written."""
        return stat_key(self.path) != self._key

    def theirs(self) -> bytes | None:
        """The file's bytes if another program changed them since; None when unchanged or gone."""
        key = stat_key(self.path)
        if key == self._key or key is None:
            return None
        try:
            # Opened without waiting and checked to be a regular file: a named pipe swapped in
            # made ``read_bytes`` wait for a writer, and every save (the app's keys) with it.
            data = read_plain_file(self.path, THEIRS_MOST)
        except OSError:
            return None
        known = self._content.encode("utf-8") if isinstance(self._content, str) else self._content
        if data == known:
            self._key = key  # touched or copied over with the same bytes: nothing to keep
            return None
        return data

    def accept(self, data: bytes, key: StatKey | None = None) -> None:
        """Take the file as it is now (or was at ``key``), holding ``data``, as the known version."""
        self._key = key if key is not None else stat_key(self.path)
        self._content = data

    def wrote(self, text: str | bytes) -> None:
        """Remember the version just written (the text itself: no copy, no hashing)."""
        self._key = stat_key(self.path)
        self._content = text


def conflict_name(path: Path, when: datetime | None = None) -> Path:
    """``<stem>.conflict-<YYYYMMDD-HHMMSS>.toml`` beside ``path``."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.conflict-{stamp}{path.suffix}")


def keep_aside(path: Path, data: bytes) -> Path:
    """Write another program's version of ``path`` to a new conflict copy beside it.

    Never overwrites a file: a second conflict in the same second gets ``-2``, ``-3``….

    Raises:
        SessionWriteError: the copy could not be written (then ours must not be either).
    """
    base = conflict_name(path)
    target = base
    for number in range(2, 1000):
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            target = base.with_name(f"{base.stem}-{number}{base.suffix}")
            continue
        except OSError as error:
            raise SessionWriteError(path, failure_reason(error), error.errno) from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise SessionWriteError(path, failure_reason(error), error.errno) from None
        return target
    raise SessionWriteError(path, "too many conflict copies beside it; move some away")
