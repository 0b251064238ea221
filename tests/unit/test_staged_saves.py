"""A keystroke save's temporary file and .bak link are made ahead, between keys (storage/staging.py)."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage import staging
from workshop_tui.core.storage.sessions import load_session

pytestmark = pytest.mark.skipif(os.name != "posix", reason="hard links and fchmod as on POSIX")


@pytest.fixture
def keeper(small_session: Session, tmp_path: Path) -> Iterator[SessionKeeper]:
    """A keeper as the app has it after a first key: prepared (its sync thread), a save staged after it."""
    keeper = SessionKeeper(small_session, tmp_path / "s.toml")
    assert keeper.save()  # a version on disk, to keep as .bak
    keeper.prepare()
    _key(keeper, "p4", 1)
    yield keeper
    keeper.close()


def _staged(keeper: SessionKeeper) -> staging.Staged | None:
    assert keeper._writer is not None
    return keeper._writer._staged


def _wait_for_stage(keeper: SessionKeeper) -> None:
    deadline = time.monotonic() + 10
    while _staged(keeper) is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert _staged(keeper) is not None


def _key(keeper: SessionKeeper, person: str, score: int, *, wait: bool = True) -> None:
    """A score key; with ``wait``, until the next save's first steps are made (``STAGE_DELAY`` later)."""
    keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", person, score), lambda: None)
    if wait:
        _wait_for_stage(keeper)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_keystroke_takes_the_staged_steps_and_the_next_are_made_after_its_frame(
    keeper: SessionKeeper, made_in_key_thread: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staging, "STAGE_DELAY", 0.5)  # long enough to look in between on a busy machine
    path = keeper.path
    first = path.read_bytes()
    _key(keeper, "p1", 4, wait=False)
    assert made_in_key_thread == []  # taken from the stage made after the fixture's key
    assert _staged(keeper) is None  # the next is not made while the frame is drawn
    keeper._finish_previous()  # the .bak is named in the sync thread
    assert path.with_name("s.toml.bak").read_bytes() == first
    _wait_for_stage(keeper)
    second = path.read_bytes()
    _key(keeper, "p2", 3)
    assert made_in_key_thread == []
    assert load_session(path) == keeper.session
    assert path.with_name("s.toml.bak").read_bytes() == second  # the version it replaced
    keeper.close()
    assert _files(path.parent) == ["s.toml", "s.toml.bak"]  # the unused stage is removed


def test_a_save_within_the_delay_makes_its_own_steps_and_no_stage_is_made_beside_it(
    keeper: SessionKeeper, made_in_key_thread: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(staging, "STAGE_DELAY", 2.0)
    path = keeper.path
    _key(keeper, "p1", 4, wait=False)
    first = path.read_bytes()
    _key(keeper, "p2", 3, wait=False)  # within STAGE_DELAY: the first key's stage is not made
    assert made_in_key_thread == ["temp", "link"]
    keeper._finish_previous()
    assert path.with_name("s.toml.bak").read_bytes() == first
    _wait_for_stage(keeper)  # the second key's
    keeper.close()
    assert _files(path.parent) == ["s.toml", "s.toml.bak"]


def test_a_keeper_without_a_sync_thread_stages_nothing(small_session: Session, tmp_path: Path) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml")
    try:
        assert keeper.save() and keeper.save()
        time.sleep(staging.STAGE_DELAY * 3)
        assert _staged(keeper) is None
    finally:
        keeper.close()


def test_a_file_replaced_between_keys_is_the_bak_not_the_staged_link(keeper: SessionKeeper) -> None:
    path = keeper.path
    _key(keeper, "p1", 4)
    # Another program replaces the file after the stage was made: the staged link is to ours.
    theirs = path.read_bytes().replace(b"Anne", b"Anna")
    other = path.with_name("other.tmp")
    other.write_bytes(theirs)
    os.replace(other, path)
    _key(keeper, "p2", 3)
    assert path.with_name("s.toml.bak").read_bytes() == theirs
    assert load_session(path) == keeper.session


def test_a_staged_temp_file_swept_away_meanwhile_still_saves(keeper: SessionKeeper) -> None:
    path = keeper.path
    staged = _staged(keeper)
    assert staged is not None
    os.unlink(staged.tmp_name)  # as another process's stale-temp sweep after a long pause
    _key(keeper, "p2", 3)
    assert load_session(path) == keeper.session
    keeper.close()
    assert _files(path.parent) == ["s.toml", "s.toml.bak"]


def test_permissions_changed_between_keys_are_kept(keeper: SessionKeeper) -> None:
    path = keeper.path
    os.chmod(path, 0o640)
    _key(keeper, "p2", 3)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_nothing_can_be_staged_in_a_missing_folder(tmp_path: Path) -> None:
    assert staging.stage(tmp_path / "gone" / "s.toml") is None


def test_opening_stages_nothing_the_folder_and_the_file_are_left_as_they_were(
    small_session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    assert keeper.save()
    keeper.close()
    keeper = SessionKeeper(keeper.session, path)
    before = (os.stat(path), _files(tmp_path))
    try:
        keeper.prepare()
        time.sleep(staging.STAGE_DELAY * 3)
        assert keeper._saver is not None
        keeper._saver.submit(lambda: None).result()  # prepare's render done
        staged = _staged(keeper)  # at most a temporary file without a name (test_unnamed_stage)
        assert staged is None or (staged.unnamed and staged.link is None)
        assert (os.stat(path), _files(tmp_path)) == before  # no link: not even the inode's ctime
    finally:
        keeper.close()


def test_the_first_save_after_opening_makes_its_temporary_file_without_tempfile(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one save that makes its own temporary file draws the name from ``os.urandom``: no
    random generator seeded on the key's path (``staging.new_file``). mkstemp made it before."""
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    assert keeper.save()
    keeper.close()

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise AssertionError("tempfile.mkstemp on a keystroke's save")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    keeper = SessionKeeper(keeper.session, path)
    try:
        keeper.prepare()
        _key(keeper, "p4", 2, wait=False)
        assert keeper.last_error is None
        assert load_session(path) == keeper.session
        name = path.name
        assert not [f for f in _files(tmp_path) if f.startswith(f".{name}.p") and f.endswith(".tmp")]
    finally:
        keeper.close()
    assert sorted(_files(tmp_path)) == ["s.toml", "s.toml.bak"]


def test_a_stage_is_fsynced_where_it_is_made_not_by_the_next_key(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its fsync commits the journal of the .bak rename, the link and the new file, which the
    next key's own fsync committed with its data before (``staging.stage``)."""
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    assert keeper.save()
    keeper.close()
    synced: list[int] = []
    fsync = os.fsync

    def noted(fd: int) -> None:
        synced.append(fd)
        fsync(fd)

    monkeypatch.setattr(staging.os, "fsync", noted)
    staged = staging.stage(path)
    assert staged is not None and staged.link is not None
    try:
        assert synced == [staged.fd]
    finally:
        staged.discard()
