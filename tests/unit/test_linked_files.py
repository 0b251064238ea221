"""One writer per session FILE: a file with two names (a hard link) is never written twice (trust22).

The lock is a file beside the session's name: two hard-linked names had two locks, so two
windows each wrote "their" file, and the first save parted the names without a word.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.links import other_names
from workshop_tui.core.storage.lock import SessionLock
from workshop_tui.core.storage.sessions import new_session, save_session


@pytest.fixture
def saved(library: Library, tmp_path: Path) -> Path:
    session: Session = new_session(
        title="Fjordby",
        date="2026-03-01",
        exercises=[library.exercises["commitment"]],
        participants=["Anne", "Bo"],
    )
    path = tmp_path / "a" / "fjordby.toml"
    path.parent.mkdir()
    save_session(session, path)
    return path


def test_two_hard_linked_names_never_give_two_writers(saved: Path, tmp_path: Path) -> None:
    other = saved.with_name("kopi.toml")
    os.link(saved, other)
    first, second = SessionLock(saved), SessionLock(other)
    try:
        one, two = first.acquire(), second.acquire()
        assert not (one.acquired and two.acquired)
        assert not one.acquired and not two.acquired  # neither name writes: the facilitator decides
        assert one.linked is not None and one.linked.count == 1 and one.linked.found == (other,)
        assert two.linked is not None and two.linked.found == (saved,)
    finally:
        first.release()
        second.release()
    far = tmp_path / "elsewhere.toml"
    other.unlink()
    os.link(saved, far)  # another folder: counted, not found
    linked = SessionLock(saved).acquire().linked
    assert linked is not None and linked.count == 1 and linked.found == ()
    far.unlink()  # one name again: it opens for writing
    lock = SessionLock(saved)
    assert lock.acquire().acquired
    lock.release()


def test_the_apps_own_backup_links_are_not_other_names(saved: Path) -> None:
    """The next save's ``.bak`` link made ahead (``staging.link_previous``), and a ``.bak`` left
    by a save killed before its rename, are the app's own names of the file."""
    os.link(saved, saved.with_name(f".{saved.name}.bak.123.link.tmp"))
    os.link(saved, saved.with_name(f"{saved.name}.bak"))
    assert other_names(saved).count == 0
    lock = SessionLock(saved)
    assert lock.acquire().acquired
    lock.release()


def test_a_linked_folder_leads_to_the_one_lock(saved: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(saved.parent, target_is_directory=True)
    first, second = SessionLock(saved), SessionLock(link / saved.name)
    try:
        assert first.acquire().acquired
        assert not second.acquire().acquired
    finally:
        first.release()
        second.release()
