"""A keystroke save's first two steps, made between keys: its temporary file and the ``.bak`` link.

An atomic save makes a new temporary file beside the session (``mkstemp``: a random name,
an exclusive create) and a hard link to the version it replaces (kept as ``.bak``,
``tomlio._keep_previous``) before it can rename the new version into place. On the test
VM those two system calls took 0.3 ms of every keystroke's save (0.19 + 0.10 ms median,
0.29 + 0.31 at p95, measured in-process on a 100 KB file), none of which depends on the
key: they are made after the previous save instead, in the sync thread, once that save is
durable, its ``.bak`` named and its frame drawn (``StageLater``), and the key's save only
writes, fsyncs and renames. Only after a save: opening a session leaves its folder as it
was (a link changes the file's inode times; ``tests/ui/test_quiet_start.py``), so the first
key's save makes its ``.bak`` link itself. Its temporary file is made at opening all the
same, where the system allows, as a file without a name (``O_TMPFILE``, ``stage_unnamed``):
nothing appears in the folder and the session file is not touched, and it is fsynced empty
there, so the first key's fsync does not also commit the new file's allocation. The first
save names it (a link through ``/proc/self/fd``) after its data is fsynced and renames it
into place as any other; where either step is refused, that save is made the usual way.

What was made ahead is checked before it is used, for nothing is assumed of a file
another program may replace between keys: the link is used only when it still is the
file about to be replaced (same device and inode), and the permissions are given again
if the file's changed. A save that finds its temporary file gone (a stale-temp sweep of
another process after a long pause) is made again the usual way (``tomlio.atomic_write``).
A crash leaves the temporary file and the link as a crash mid-save does: named so that
``remove_stale_temps`` removes them at the next opening. Durability is unchanged: the
file's fsync and the rename come in the key's save, the folder's fsync after it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an export reads sessions through tomlio and never stages: these would
    # cost it concurrent.futures (with logging) and threading, ~20 M instructions, 4 ms
    import threading
    from concurrent.futures import Executor


@dataclass(frozen=True)
class Staged:
    """A temporary file (open, empty) and a link to the version it will replace, made ahead."""

    path: Path
    """The file they are for."""
    fd: int
    tmp_name: str
    """The temporary file's name ("" while it has none: ``unnamed``)."""
    mode: int | None
    """The permissions the temporary file was given (None: mkstemp's own)."""
    link: Path | None
    """A hard link to the file as it was staged (None: it was not there, or cannot be linked)."""
    linked: tuple[int, int] | None
    """The (device, inode) of the linked version."""
    unnamed: bool = False
    """Made with ``O_TMPFILE``: the save names it (``name_unnamed``) once its data is fsynced."""

    def link_for(self, current: os.stat_result) -> Path | None:
        """The link, if it still is ``current`` (the file about to be replaced); else removed, None."""
        if self.link is not None and self.linked == (current.st_dev, current.st_ino):
            return self.link
        self.drop_link()
        return None

    def drop_link(self) -> None:
        """Remove the link (no longer the previous version)."""
        if self.link is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.link)

    def discard(self) -> None:
        """Close and remove what was made (the writer is closing, or another save took its place)."""
        with contextlib.suppress(OSError):
            os.close(self.fd)  # an unnamed file goes with its last descriptor
        if self.tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp_name)
        self.drop_link()


def stage(path: Path) -> Staged | None:
    """Make the next save's temporary file and ``.bak`` link for ``path`` now; None when it cannot.

    Nothing here fails a save: whatever cannot be made ahead is made by the save itself,
    which reports its errors.

    The temporary file is fsynced here, empty: that commits the file system's journal of
    what was made since the last save (the ``.bak`` renamed after it, the link and the file
    made here), which the next key's fsync committed with its data before. Measured on the
    test VM (ext4, 100 KB written, fsynced and renamed 0.1 s after a stage, interleaved,
    three runs): 5.7 / 5.7 / 8.6 ms median before, 4.1 / 4.1 / 3.8 ms with the stage fsynced.
    """
    try:
        current: os.stat_result | None = os.lstat(path)
    except OSError:
        current = None
    try:
        fd, tmp_name = temp_file(path)
    except OSError:
        return None
    mode: int | None = None
    link: Path | None = None
    linked: tuple[int, int] | None = None
    if current is not None:
        keep_mode(path, current, fd, tmp_name)
        mode = current.st_mode & 0o777
        if not stat.S_ISLNK(current.st_mode):
            link = link_previous(path)
            if link is not None:
                linked = (current.st_dev, current.st_ino)
    with contextlib.suppress(OSError):  # else the key's fsync commits it, as before
        os.fsync(fd)
    return Staged(path, fd, tmp_name, mode, link, linked)


_UNNAMED = getattr(os, "O_TMPFILE", 0)
"""Linux (3.11 and later, on the file systems that support it); 0 where Python has none."""


def stage_unnamed(path: Path) -> Staged | None:
    """The first save's temporary file, made at opening without a name and fsynced empty; None when refused.

    Without a name it changes nothing anyone can see: the folder lists the same files, its
    times stay, the session file's inode is untouched (``tests/ui/test_quiet_start.py``),
    and a crash leaves nothing behind (the file system frees it). The ``.bak`` link is not
    made here (a link changes the session file's inode): the first save makes it.
    """
    if not _UNNAMED:
        return None
    try:
        current: os.stat_result | None = os.lstat(path)
    except OSError:
        current = None
    try:
        fd = os.open(os.path.abspath(path.parent), _UNNAMED | os.O_WRONLY | os.O_CLOEXEC, 0o600)
    except OSError:  # EOPNOTSUPP (the file system), EISDIR (a kernel before 3.11), ...
        return None
    mode: int | None = None
    try:
        if current is not None:
            keep_mode(path, current, fd, "")
            mode = current.st_mode & 0o777
        os.fsync(fd)
    except OSError:
        os.close(fd)
        return None
    return Staged(path, fd, "", mode, None, None, unnamed=True)


def name_unnamed(fd: int, path: Path) -> str:
    """Give the unnamed temporary file ``fd`` the name a temporary file of ``path`` has; that name.

    ``linkat`` of ``/proc/self/fd/N`` with ``AT_SYMLINK_FOLLOW``: the way that needs no
    privilege (``AT_EMPTY_PATH`` needs ``CAP_DAC_READ_SEARCH``). ``os.link`` calls ``linkat``
    only when given a folder descriptor (else ``link``, which links the ``/proc`` entry
    itself and is refused, EXDEV): it is given ``fd``, which ``linkat`` passes over, as the
    path is absolute.

    Raises:
        OSError: it cannot be named (no ``/proc``, the folder refuses): the caller writes afresh.
    """
    folder = os.path.abspath(path.parent)
    stem = f".{path.name}.p{os.getpid()}."
    for _ in range(100):
        name = os.path.join(folder, f"{stem}{os.urandom(6).hex()}.tmp")
        try:
            os.link(f"/proc/self/fd/{fd}", name, src_dir_fd=fd)
        except FileExistsError:
            continue
        return name
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", folder)


STAGE_DELAY = 0.05
"""How long after a save the next one's first steps are made: after the frame that shows the
edit (10 ms median on the test VM), whose drawing the system calls would slow by taking the
interpreter back after each one, and well before a room's next key."""


class StageLater:
    """Has a writer's next stage made a moment after each save, unless another save comes first."""

    def __init__(self, stage: Callable[[threading.Event], None]) -> None:
        self._stage = stage
        """Makes the stage, unless the event it is given is set (``SessionWriter.stage``)."""
        self._pending: threading.Event | None = None

    def cancel(self) -> None:
        """A save begins: a stage not made yet is not made (the save makes its own first steps)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.set()

    def schedule(self, executor: Executor | None) -> None:
        """After a save: the next stage, made in ``executor``'s thread ``STAGE_DELAY`` later.

        ``executor`` is the keeper's sync thread, so it comes after the save's own steps
        there (the ``.bak`` named from a link of the same name). None: nothing is staged.
        """
        self.cancel()
        if executor is None:
            return
        import threading  # noqa: PLC0415 - only the app stages (see the imports above)

        cancel = self._pending = threading.Event()

        def make() -> None:
            if not cancel.wait(STAGE_DELAY):
                self._stage(cancel)

        with contextlib.suppress(RuntimeError):  # shut down meanwhile: the keeper is closing
            executor.submit(make)


_NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
"""How ``tempfile.mkstemp`` opens its file: made new by this call (never one already there, nor
through a link), not inherited by a child process, bytes as written (Windows)."""


def new_file(folder: str, stem: str) -> tuple[int, str]:
    """A new file ``<folder>/<stem><random>.tmp`` (0600), open for writing: ``mkstemp``'s way.

    Why not ``tempfile``: importing it (with ``random`` and its hash module) cost some 17 M
    instructions, 4 % of a 90-exercise export (issue 15), for one name per file written;
    and in a keystroke's save (the first after opening makes its own, see above), seeding
    its generator on first use and checking its parameters cost 0.3-0.7 ms on a slow VM.
    The random part comes from ``os.urandom``, as ``parsed_cache`` names its files.

    Raises:
        OSError: the folder refuses the file (read-only, full, not a folder).
    """
    for _ in range(100):  # as mkstemp: another name when one is taken
        name = os.path.join(folder, f"{stem}{os.urandom(6).hex()}.tmp")
        try:
            return os.open(name, _NEW_FILE, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", folder)


def temp_file(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``, named so ``remove_stale_temps`` knows whose it is."""
    return new_file(os.path.abspath(path.parent), f".{path.name}.p{os.getpid()}.")


def keep_mode(path: Path, current: os.stat_result, fd: int, tmp_name: str) -> None:
    """Give the new file the permissions the user had on the one it replaces (mkstemp makes 0600)."""
    with contextlib.suppress(OSError):
        mode = (os.stat(path).st_mode if stat.S_ISLNK(current.st_mode) else current.st_mode) & 0o777
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:  # Windows before Python 3.13
            os.chmod(tmp_name, mode)


def link_previous(path: Path) -> Path | None:
    """A hard link to ``path`` under the name ``remove_stale_temps`` knows; None where none can be made."""
    link = path.with_name(f".{path.name}.bak.{os.getpid()}.link.tmp")
    try:
        try:
            os.link(path, link)
        except FileExistsError:  # left by a save killed between its link and its rename
            os.unlink(link)
            os.link(path, link)
    except OSError:
        return None
    return link
