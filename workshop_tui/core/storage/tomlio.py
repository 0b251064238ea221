"""Reading TOML with messages a person can act on, and writing it atomically.

A write goes to a temporary file in the same folder, is flushed and fsynced,
and only then replaces the target with ``os.replace``; the previous version is
kept beside it as ``<name>.bak`` (a hard link to the replaced file where the
filesystem allows, else a copy). A crash or a full disk at any moment leaves
either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_tui.core.i18n import Phrase
from workshop_tui.core.storage import toml_guard
from workshop_tui.core.storage.errors import FileProblems, Problem, SessionWriteError
from workshop_tui.core.storage.staging import Staged
from workshop_tui.core.storage.staging import keep_mode as _keep_mode
from workshop_tui.core.storage.staging import link_previous as link_previous
from workshop_tui.core.storage.staging import name_unnamed as _name_unnamed
from workshop_tui.core.storage.staging import temp_file as _temp_file
from workshop_tui.core.storage.stale_temps import DEAD_GRACE as DEAD_GRACE
from workshop_tui.core.storage.stale_temps import STALE_TEMP_SECONDS as STALE_TEMP_SECONDS
from workshop_tui.core.storage.stale_temps import remove_stale_temps as remove_stale_temps

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Larger files are refused unread: a real session is a few hundred kilobytes."""


_DIGITS = "integer string conversion"
"""What ``int`` says of a number too long to read (``sys.get_int_max_str_digits``)."""
_LINE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def file_bytes(path: Path) -> bytes:
    """The bytes of a TOML file, read only when it is a regular file of a size the app reads.

    Raises:
        FileProblems: a symlink, a pipe or device, a folder, a file too large, missing or unreadable.
    """

    def fail(what: str, fix: str, /, line: int | None = None, **values: object) -> FileProblems:
        args = tuple(values.items())
        return FileProblems(path, [Problem(path, "", Phrase(what, args), Phrase(fix, args), line)])

    if path.is_symlink():
        raise fail("problems.what.symlink", "problems.fix.copy_real")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            # Reading a named pipe or a device would wait for ever, or never end.
            raise fail("problems.what.not_regular", "problems.fix.name_toml")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise fail(
                "problems.what.too_large",
                "problems.fix.right_file",
                size=f"{size / 1024 / 1024:.1f}",
                most=MAX_FILE_BYTES // 2**20,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise fail("problems.what.no_file", "problems.fix.check_path") from None
    except IsADirectoryError:
        raise fail("problems.what.folder", "problems.fix.name_toml") from None
    except OSError as error:
        raise fail(
            "problems.what.unreadable", "problems.fix.permissions", reason=error.strerror or ""
        ) from None


def read_toml(
    path: Path,
    *,
    parse: Callable[[str], dict[str, Any]] | None = None,
    parse_read: Callable[[str, bytes], dict[str, Any]] | None = None,
    raw: bytes | None = None,
) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file.

    Args:
        parse: the parser; one that gives what ``tomllib.loads`` gives, or raises its error
            (``fast_toml.loads`` for session files, which reads their rows of scores faster);
            ``tomllib.loads`` when not given (imported here: a session's read may never need it).
        parse_read: instead of ``parse``, a parser also given the bytes read (the text is
            decoded from them): ``parsed_cache`` finds a file's kept table by them.
        raw: the file's bytes, when the caller has read them already with :func:`file_bytes`
            (an export looks its kept summary up by them, and what it computes must be of
            exactly those bytes, not of a file changed in between).

    Returns:
        The parsed data and the text it came from (for locating keys).

    Raises:
        FileProblems: the file is missing, unreadable, too large, not UTF-8,
            empty, or not valid TOML; the problem names the line where known.
    """

    def fail(what: str, fix: str, /, line: int | None = None, **values: object) -> FileProblems:
        args = tuple(values.items())
        return FileProblems(path, [Problem(path, "", Phrase(what, args), Phrase(fix, args), line)])

    if raw is None:
        raw = file_bytes(path)
    try:
        text = toml_guard.file_text(raw)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise fail("problems.what.not_utf8", "problems.fix.utf8", line=line, byte=str(error.start)) from None
    if not text or text.isspace():  # (as ``not text.strip()``, without copying a large text)
        raise fail("problems.what.empty_file", "problems.fix.restore_or_delete")
    try:
        if parse_read is not None:
            data = parse_read(text, raw)
        else:
            data = parse(text) if parse is not None else _tomllib_loads(text)
    except ValueError as error:  # TOMLDecodeError is one; tomllib is loaded by then
        import tomllib

        from workshop_tui.core.storage.toml_guard import KeyTooLong

        if isinstance(error, KeyTooLong):  # refused before tomllib (its time grows as parts squared)
            raise fail(
                "problems.what.key_parts", "problems.fix.not_workshop", line=error.line, parts=error.parts
            ) from None

        if not isinstance(error, tomllib.TOMLDecodeError):
            if _DIGITS not in str(error):
                raise
            # A number of more than 4,300 digits: ``int`` refuses it inside tomllib (and the fast
            # reads) with a plain ValueError, which was a traceback for a file anyone may write.
            raise fail(
                "problems.what.not_toml", "problems.fix.syntax", line=None, reason=str(error).split(";")[0]
            ) from None
        message = str(error)
        match = _LINE.search(message)
        what = _LINE.sub("", message).strip().rstrip(".")
        raise fail(
            "problems.what.not_toml",
            "problems.fix.syntax",
            line=(int(match.group(1)) if match.group(1) else len(text.splitlines())) if match else None,
            reason=what,
        ) from None
    except RecursionError:
        raise fail("problems.what.too_deep", "problems.fix.not_workshop") from None
    return data, text


def dumps(data: dict[str, Any]) -> str:
    """Serialise to TOML text (multi-line strings kept readable)."""
    import tomli_w  # here, not at the top: reading a session (an export) never writes TOML

    return tomli_w.dumps(data, multiline_strings=True)


@dataclass(frozen=True)
class AfterReplace:
    """What an atomic write has left to do once the new file is renamed into place.

    ``sync`` makes the rename itself survive a power cut (an fsync of the folder; the
    file's data was fsynced before the rename, so a killed process already leaves the old
    or the new file whole); ``name_backup`` then renames the previous version's link to
    ``.bak``. Neither fails (errors there are ignored, as the save itself stands).
    """

    path: Path
    link: Path | None

    def sync(self) -> None:
        """Fsync the folder: from here on the new version survives a power cut."""
        _fsync_folder(self.path.parent)

    def name_backup(self) -> None:
        """Name the previous version ``.bak`` (after ``sync``: one rename fewer before durable)."""
        if self.link is not None:
            _name_backup(self.path, self.link)

    def __call__(self) -> None:
        self.sync()
        self.name_backup()


def atomic_write(
    path: Path,
    text: str | bytes,
    *,
    keep_backup: bool = True,
    finish: Callable[[AfterReplace], None] | None = None,
    staged: Staged | None = None,
) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old or the new file.

    Args:
        finish: given, it is handed the steps after the rename (``AfterReplace``) instead
            of their being run here; it must run them, in order, before the next write of
            this file (``SessionKeeper`` runs them in its sync thread while the screen is
            updated). Without it they are run here.
        staged: its temporary file and ``.bak`` link, made ahead (``staging``), taken
            over by this write (removed if unused); given, a write that finds the staged
            temporary file gone is made again without it.

    Raises:
        SessionWriteError: the folder is not writable, the disk is full, or any
            other OS error; the existing file is untouched and no temp file remains.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if staged is not None:
        try:
            _atomic_write(path, data, keep_backup, finish, staged)
            return
        except _StagedGone:
            pass  # removed meanwhile by another process's sweep: written afresh below
    _atomic_write(path, data, keep_backup, finish, None)


class _StagedGone(Exception):
    """The staged temporary file was not there any more when renamed into place, or could not be named."""


def _named(fd: int, path: Path) -> str:
    """The name given to the staged unnamed file (``staging.name_unnamed``); else written afresh."""
    try:
        return _name_unnamed(fd, path)
    except OSError:  # no /proc, or the folder refuses: the staged file goes with its descriptor
        raise _StagedGone from None


def _atomic_write(
    path: Path,
    data: bytes,
    keep_backup: bool,
    finish: Callable[[AfterReplace], None] | None,
    staged: Staged | None,
) -> None:
    folder = path.parent
    tmp_name = ""
    link: Path | None = None
    try:
        # One lstat says whether there is a file to keep as .bak and its permissions; each
        # system call of a keystroke's save counts (see ``SessionKeeper.apply_and_show``).
        try:
            current: os.stat_result | None = os.lstat(path)
        except FileNotFoundError:
            current = None
        if staged is not None:
            fd, tmp_name = staged.fd, staged.tmp_name
            link = staged.link_for(current) if keep_backup and current is not None else None
            if link is None:
                staged.drop_link()
        else:
            try:
                fd, tmp_name = _temp_file(path)
            except FileNotFoundError:  # the folder is not there (yet): make it, once
                folder.mkdir(parents=True, exist_ok=True)
                fd, tmp_name = _temp_file(path)
        # Written straight to the descriptor: a file object around it (``os.fdopen``) made
        # a buffer the data went past anyway, 0.02 ms of every keystroke's save.
        try:
            if current is not None and (staged is None or staged.mode != current.st_mode & 0o777):
                _keep_mode(path, current, fd, tmp_name)
            _write_all(fd, data)
            os.fsync(fd)
            if staged is not None and staged.unnamed:
                tmp_name = _named(fd, path)
        finally:
            os.close(fd)
        if link is None and keep_backup and current is not None and not stat.S_ISLNK(current.st_mode):
            link = _keep_previous(path)
        try:
            os.replace(tmp_name, path)
        except FileNotFoundError:
            if staged is not None and not os.path.exists(tmp_name):
                raise _StagedGone from None
            raise
        tmp_name = ""
        after, link = AfterReplace(path, link), None
        if finish is None:
            after()
        else:
            finish(after)
    except OSError as error:
        raise SessionWriteError(path, failure_reason(error), error.errno) from None
    finally:
        for left in (tmp_name, link):  # a failed save leaves nothing of its own behind
            if left:
                with contextlib.suppress(OSError):
                    os.unlink(left)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd`` (a write may take part of it); a disk taking none is an error."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if not written:  # nothing more went in: as a full disk
            import errno

            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _tomllib_loads(text: str) -> dict[str, Any]:
    return toml_guard.loads(text)


def _keep_previous(path: Path) -> Path | None:
    """Keep the file about to be replaced for the ``.bak``, without copying it when possible.

    The replace that follows gives ``path`` a new inode, so a hard link to the old one
    *is* the previous version: one link now, and one rename into ``.bak`` once the new
    file is in place (``_name_backup``), instead of reading, writing and fsyncing a copy
    on every keystroke (its data was fsynced when this module wrote it). Returns the link,
    or None where the filesystem has no hard links (FAT, some network shares) and the
    copy was made as before.
    """
    link = link_previous(path)
    if link is None:
        _copy_backup(path)
    return link


def _name_backup(path: Path, link: Path) -> None:
    """Rename the previous version's link to ``<name>.bak``, after the save itself is durable.

    Done after the new file is renamed into place and its folder fsynced, so a keystroke's
    save is on disk one rename sooner. The rename is made durable by the next save's fsync
    of the folder; a crash before that leaves the ``.bak`` one version older and the link
    beside it, which ``remove_stale_temps`` clears at the next opening. A failure here is
    no failure of the save: the link is removed and the older ``.bak`` stays.
    """
    with contextlib.suppress(OSError):
        os.replace(link, path.with_name(path.name + ".bak"))
    # Gone after a successful rename; left behind by a failed one, or by a rename that was
    # a no-op because the .bak already was the same file.
    with contextlib.suppress(OSError):
        os.unlink(link)


def _copy_backup(path: Path) -> None:
    """Keep the previous version as ``<name>.bak``, itself written atomically."""
    backup = path.with_name(path.name + ".bak")
    import tempfile  # see staging.temp_file

    fd, tmp_name = tempfile.mkstemp(prefix=f".{backup.name}.p{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(path.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform allows opening a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def failure_reason(error: OSError) -> str:
    """Why a write failed, and that the previous version is intact, for the facilitator."""
    import errno

    if error.errno == errno.ENOSPC:
        return "the disk is full; free some space, the previous version is still intact"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is not writable; check its permissions, the previous version is still intact"
    return f"{error.strerror or error}; the previous version is still intact"
