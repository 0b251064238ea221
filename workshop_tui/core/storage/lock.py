"""One session, one writer: a lock file beside each open session file.

Two programs saving the same file on every keystroke would each overwrite the other's
work. The app that opens a session for writing takes ``<session>.toml.lock``; a second
one finds it taken and can only look (read-only) or leave.

The lock survives crashes because it is not the file's existence but an operating-system
lock on it (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), which the
system drops when the process ends, however it ends. The file also holds who took it
(process id, host, when), so the second program can name the first. A lock file left
by a process that has ended (a crash, a kill) is taken over, and the caller is told.

Where the system has no such lock, or the file is on a share another computer uses, the
file's content decides: a lock of a process that no longer runs on this computer is
taken over; a lock of another computer is respected until removed by hand (the message
says which file), since this computer cannot tell whether that program still runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workshop_tui.core.storage.errors import printable
from workshop_tui.core.storage.links import OtherNames, other_names

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

_WINDOWS_LOCK_OFFSET = 1 << 20
"""Windows locks a byte range that then cannot be read; the lock byte lies past the info."""


@dataclass(frozen=True)
class LockInfo:
    """Who holds (or held) a session's lock."""

    pid: int
    host: str
    started: str
    """When the lock was taken, ISO 8601 in UTC."""

    @property
    def started_local(self) -> str:
        """The start time on this computer's clock, ``YYYY-MM-DD HH:MM``."""
        try:
            return datetime.fromisoformat(self.started).astimezone().strftime("%Y-%m-%d %H:%M")
        except (ValueError, OverflowError):  # year 1 or 9999 moved to this clock's zone: Overflow
            return self.started[:16]

    @property
    def here(self) -> bool:
        """Whether the holder ran on this computer."""
        return self.host == socket.gethostname()

    def to_text(self) -> str:
        return json.dumps({"pid": self.pid, "host": self.host, "started": self.started}) + "\n"

    @staticmethod
    def from_text(text: str) -> LockInfo | None:
        """The info in a lock file; None when it is empty or not ours (never trusted further)."""
        try:
            data = json.loads(text[:4096])
            pid, host, started = data["pid"], data["host"], data["started"]
        except (ValueError, TypeError, KeyError):
            return None
        if type(pid) is not int or not isinstance(host, str) or not isinstance(started, str):
            return None
        # Shown to the facilitator: a file anyone could write must not move their terminal.
        return LockInfo(pid, printable(host[:200]), printable(started[:40]))


@dataclass(frozen=True)
class LockOutcome:
    """What ``SessionLock.acquire`` found."""

    acquired: bool
    holder: LockInfo | None = None
    """When not acquired: who holds it (None when it could not be read)."""
    taken_over: LockInfo | None = None
    """When acquired: the lock left behind by a process that has ended, if there was one."""
    linked: OtherNames | None = None
    """When not acquired because the file has names the app did not make (hard links): them."""


def lock_path(session_file: Path) -> Path:
    """The lock file of a session file."""
    return session_file.with_name(session_file.name + ".lock")


class SessionLock:
    """The lock of one session file, held from ``acquire`` to ``release``."""

    def __init__(self, session_file: Path) -> None:
        self.session_file = session_file
        self.path = lock_path(session_file)
        self._fd = -1
        self.info: LockInfo | None = None
        """Our own info while held."""

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd >= 0

    def acquire(self) -> LockOutcome:
        """Take the lock if no running program holds it, and the file has no other name.

        A lock is kept beside the file's name; a file with another name (a hard link) would have
        a second lock beside that name, and so a second writer: it is not taken (``linked``).

        Raises:
            OSError: the lock file cannot be created (a read-only folder); the caller decides.
        """
        if self.held:
            return LockOutcome(True)
        linked = other_names(self.session_file)
        if linked.count:
            return LockOutcome(False, linked=linked)
        for _ in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
            system_lock = _os_lock(fd)
            if system_lock is False:
                holder = LockInfo.from_text(_read(fd))
                os.close(fd)
                return LockOutcome(False, holder=holder)
            if not _same_file(fd, self.path):
                # The holder removed the file between our open and our lock: try the new one.
                os.close(fd)
                continue
            previous = LockInfo.from_text(_read(fd))
            if previous is not None and _still_running(previous, system_lock=system_lock is True):
                os.close(fd)
                return LockOutcome(False, holder=previous)
            self.info = LockInfo(os.getpid(), socket.gethostname(), _now())
            try:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, self.info.to_text().encode("utf-8"))
            except OSError:
                os.close(fd)
                raise
            self._fd = fd
            ended = previous if previous is not None and previous.pid != os.getpid() else None
            return LockOutcome(True, taken_over=ended)
        return LockOutcome(False)

    def release(self) -> None:
        """Give the lock up and remove its file (only if it is still ours)."""
        if not self.held:
            return
        fd, self._fd = self._fd, -1
        with contextlib.suppress(OSError):
            if _same_file(fd, self.path):
                # Emptied first: where an open file cannot be removed (Windows), what stays
                # names nobody, so the next start has nothing to "take over".
                os.ftruncate(fd, 0)
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(fd)  # closing drops the operating-system lock


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _read(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 4096).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _os_lock(fd: int) -> bool | None:
    """Take the system's lock on ``fd`` without waiting: True taken, False held by another,
    None when there is no such lock here (the file's content then decides)."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            return None  # a filesystem without flock (some network shares)
        return True
    if msvcrt is not None:  # pragma: no cover - Windows
        try:
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    return None  # pragma: no cover - no system lock at all


def _still_running(previous: LockInfo, *, system_lock: bool) -> bool:
    """Whether the program named in a lock we could take still runs (so the lock stands).

    The system lock was free, so a program on this computer that held it has ended
    (a new program with the same process id is not it). Unless there is no system lock
    to go by: then a live process id is respected. Another computer's program cannot be
    checked from here and is respected too.
    """
    if not previous.here:
        return True
    if previous.pid == os.getpid() or system_lock:
        return False
    if os.name != "posix":  # pragma: no cover - no safe way to ask here; respect it
        return True
    try:
        os.kill(previous.pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # exists, but is not ours to signal
        return True
    return True
