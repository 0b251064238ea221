"""The first save's temporary file is made at opening without a name (``staging.stage_unnamed``).

Opening must leave the folder and the session file as they were (``test_quiet_start``), so
the first key's save used to make its own temporary file on the key's path. An ``O_TMPFILE``
file has no name until the save gives it one: made and fsynced empty at opening, nothing
anyone can see changes, and the first key only names it. Where the system refuses an
unnamed file, or naming it, the save is made the usual way.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage import staging, tomlio
from workshop_tui.core.storage.sessions import load_session

pytestmark = pytest.mark.skipif(
    not getattr(os, "O_TMPFILE", 0) or not os.path.isdir("/proc/self/fd"),
    reason="O_TMPFILE and /proc/self/fd as on Linux",
)


@pytest.fixture
def saved(small_session: Session, tmp_path: Path) -> Path:
    """A session saved by an earlier opening, as the app finds it."""
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    assert keeper.save()
    keeper.close()
    path.with_name("s.toml.bak").unlink(missing_ok=True)
    return path


@pytest.fixture
def opened(saved: Path) -> Iterator[SessionKeeper]:
    """The session opened again and prepared as the app does once it is on the screen."""
    keeper = SessionKeeper(load_session(saved), saved)
    keeper.prepare()
    assert keeper._saver is not None
    keeper._saver.submit(lambda: None).result()  # prepare's render (and stage) done
    yield keeper
    keeper.close()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _staged(keeper: SessionKeeper) -> staging.Staged | None:
    assert keeper._writer is not None
    return keeper._writer._staged


def _key(keeper: SessionKeeper, person: str, score: int) -> None:
    keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", person, score), lambda: None)
    keeper._finish_previous()  # the .bak named in the sync thread


def _in_sight(path: Path) -> tuple[int, ...]:
    """The file as a save would change it: its inode, links, mode, size and times of change.

    Not its access time: opening reads the file, and a read may move atime (relatime updates it
    once a day, or when older than mtime), which failed this test once in CI."""
    info = os.stat(path)
    return (info.st_ino, info.st_nlink, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def test_opening_makes_the_first_temporary_file_unnamed_and_changes_nothing_in_sight(saved: Path) -> None:
    before = (_in_sight(saved), os.stat(saved.parent).st_mtime_ns, _files(saved.parent))
    keeper = SessionKeeper(load_session(saved), saved)
    try:
        keeper.prepare()
        assert keeper._saver is not None
        keeper._saver.submit(lambda: None).result()
        staged = _staged(keeper)
        assert staged is not None and staged.unnamed and staged.tmp_name == "" and staged.link is None
        assert os.fstat(staged.fd).st_nlink == 0 and os.fstat(staged.fd).st_size == 0
        assert staged.mode == os.stat(saved).st_mode & 0o777
        assert (_in_sight(saved), os.stat(saved.parent).st_mtime_ns, _files(saved.parent)) == before
    finally:
        keeper.close()
    assert (_in_sight(saved), os.stat(saved.parent).st_mtime_ns, _files(saved.parent)) == before


def test_the_first_key_names_the_file_made_at_opening(
    opened: SessionKeeper, made_in_key_thread: list[str]
) -> None:
    path = opened.path
    first = path.read_bytes()
    _key(opened, "p1", 4)
    assert made_in_key_thread == ["link"]  # no temporary file made on the key's path
    assert load_session(path) == opened.session
    assert path.with_name("s.toml.bak").read_bytes() == first
    assert opened.last_error is None
    second = path.read_bytes()
    _key(opened, "p2", 3)  # later keys as before (staged after the save, or made by it)
    assert load_session(path) == opened.session
    assert path.with_name("s.toml.bak").read_bytes() == second
    opened.close()
    assert _files(path.parent) == ["s.toml", "s.toml.bak"]


def test_permissions_are_kept_by_the_file_made_at_opening(saved: Path) -> None:
    os.chmod(saved, 0o640)
    keeper = SessionKeeper(load_session(saved), saved)
    try:
        keeper.prepare()
        assert keeper._saver is not None
        keeper._saver.submit(lambda: None).result()
        _key(keeper, "p1", 4)
    finally:
        keeper.close()
    assert os.stat(saved).st_mode & 0o777 == 0o640


@pytest.mark.parametrize("how", ["no O_TMPFILE", "refused by the file system"])
def test_without_unnamed_files_the_first_key_makes_its_own(
    saved: Path, made_in_key_thread: list[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "no O_TMPFILE":
        monkeypatch.setattr(staging, "_UNNAMED", 0)
    else:
        opening = os.open

        def refusing(name: str, flags: int, *args: int) -> int:
            if flags & staging._UNNAMED == staging._UNNAMED:
                raise OSError(errno.EOPNOTSUPP, os.strerror(errno.EOPNOTSUPP))
            return opening(name, flags, *args)

        monkeypatch.setattr(staging.os, "open", refusing)
    keeper = SessionKeeper(load_session(saved), saved)
    try:
        keeper.prepare()
        assert keeper._saver is not None
        keeper._saver.submit(lambda: None).result()
        assert _staged(keeper) is None
        _key(keeper, "p1", 4)
        assert made_in_key_thread == ["temp", "link"]
        assert load_session(saved) == keeper.session
    finally:
        keeper.close()
    assert _files(saved.parent) == ["s.toml", "s.toml.bak"]


def test_a_file_that_cannot_be_named_is_written_afresh(
    opened: SessionKeeper, made_in_key_thread: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_proc(fd: int, path: Path) -> str:
        raise FileNotFoundError(errno.ENOENT, "no /proc")

    monkeypatch.setattr(tomlio, "_name_unnamed", no_proc)
    path = opened.path
    first = path.read_bytes()
    _key(opened, "p1", 4)
    assert opened.last_error is None
    assert made_in_key_thread == ["temp", "link"]
    assert load_session(path) == opened.session
    assert path.with_name("s.toml.bak").read_bytes() == first
    opened.close()
    assert _files(path.parent) == ["s.toml", "s.toml.bak"]


def test_the_file_made_at_opening_is_fsynced_there_not_by_the_key(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its allocation is committed at opening: the first key's fsync commits only its data."""
    synced: list[int] = []
    fsync = os.fsync

    def noted(fd: int) -> None:
        synced.append(fd)
        fsync(fd)

    monkeypatch.setattr(staging.os, "fsync", noted)
    assert staging.stage_unnamed(saved / "nowhere.toml") is None  # not a folder: refused
    staged = staging.stage_unnamed(saved)
    assert staged is not None
    try:
        assert synced == [staged.fd]
    finally:
        staged.discard()
    assert _files(saved.parent) == ["s.toml"]
