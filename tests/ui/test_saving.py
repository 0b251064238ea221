"""Pilot tests of what the screen says about saving: unsaved work, read-only views, conflicts."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import TextArea

from workshop_tui.core.storage import sessions, writer
from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.lock import SessionLock, lock_path
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.core.storage.tomlio import failure_reason
from workshop_tui.tui.saving import LockedModal, SaveStatus, UnsavedModal
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every session save fails as on a full disk (the atomic write's own error)."""

    def full(path: Path, text: str, *, keep_backup: bool = True, **_: object) -> None:
        raise SessionWriteError(path, failure_reason(OSError(errno.ENOSPC, "No space left on device")))

    monkeypatch.setattr(sessions, "atomic_write", full)
    monkeypatch.setattr(writer, "atomic_write", full)  # the keystroke writer


HOLD_LOCK = """
import sys
from pathlib import Path
from workshop_tui.core.storage.lock import SessionLock

lock = SessionLock(Path(sys.argv[1]))
assert lock.acquire().acquired
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


@contextmanager
def held_elsewhere(path: Path) -> Iterator[subprocess.Popen[str]]:
    """The session's lock held by another process (another window) until the block ends.

    Closing the process's stdin makes it give the lock back (the window closes).
    """
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert other.stdin is not None and other.stdout is not None
    try:
        assert other.stdout.readline().strip() == "held"
        yield other
    finally:
        other.stdin.close()
        other.wait(timeout=30)


def _bar(app: object) -> SaveStatus:
    return app.screen.query_one(SaveStatus)  # type: ignore[attr-defined, no-any-return]


async def test_unsaved_scores_stay_marked_until_the_disk_has_room(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert not _bar(app).display
        _disk_full(monkeypatch)
        await pilot.press("3", "4", "5")
        bar = _bar(app)
        assert bar.display and bar.has_class("unsaved")
        assert "NOT SAVED: 3 changes waiting" in str(bar.render())
        assert "disk is full" in str(bar.render())
        screen.guard.tick()  # a retry while the disk is still full changes nothing
        assert _bar(app).display
        assert load_session(room).answers_for("resistance").is_empty
        monkeypatch.undo()  # space again
        screen.guard.tick()
        await pilot.pause()
        assert not _bar(app).display
        assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4, "p3": 5}}


async def test_the_next_edit_writes_the_pending_ones_too(room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        _disk_full(monkeypatch)
        await pilot.press("3")
        assert _bar(app).display
        monkeypatch.undo()
        await pilot.press("4")
        assert not _bar(app).display
        assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4}}


async def test_leaving_with_unsaved_changes_asks_first(room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        _disk_full(monkeypatch)
        await pilot.press("3")
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, UnsavedModal)
        await pilot.click("#stay")
        assert isinstance(app.screen, SessionScreen)
        # Retrying while still full asks again; retrying with room leaves, everything saved.
        await pilot.press("escape", "escape")
        await pilot.click("#retry")
        assert isinstance(app.screen, UnsavedModal)
        monkeypatch.undo()
        await pilot.click("#retry")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3}}


async def test_leave_anyway_and_quit_ask_too(room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        _disk_full(monkeypatch)
        await pilot.press("3")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("escape")  # stay
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape")
        await pilot.click("#leave")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert load_session(room).answers_for("resistance").is_empty


async def test_quitting_with_everything_saved_asks_nothing(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3}}


async def test_a_session_open_elsewhere_is_offered_read_only(room: Path) -> None:
    before = room.read_bytes()
    with held_elsewhere(room) as other:
        pid = other.pid
        app = app_for(room, lang="en")
        async with app.run_test(size=SIZE) as pilot:
            modal = app.screen
            assert isinstance(modal, LockedModal)
            text = " ".join(str(s.render()) for s in modal.query("Static"))
            assert f"process {pid}" in text
            await pilot.click("#read_only")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SessionScreen) and screen.keeper.read_only
            assert "READ-ONLY" in screen.title
            assert _bar(app).has_class("read-only") and f"process {pid}" in str(_bar(app).render())
            await pilot.press("3", "4", "f3", "ctrl+n", "ctrl+b", "f10")
            assert screen.session.answers_for("resistance").is_empty
            assert not screen.voting.is_open
            messages = [n.message for n in app._notifications]
            assert any("Voting could not open" in m and "read-only" in m for m in messages)
            await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # a reflection sheet: its fields take no typing
            await pilot.pause()
            assert screen.current == "sheet-42"
            areas = list(screen.query(TextArea))
            assert areas and all(area.read_only for area in areas)
            await pilot.press("ctrl+b", "ctrl+b", "ctrl+b")
            # The writer's saves show up here.
            save_session(screen.session.with_score("resistance", "trust", "p1", 5), room)
            screen.guard.tick()
            await pilot.pause()
            assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 5}}
            assert lock_path(room).exists()  # still the other window's
            written = room.read_bytes()
        assert room.read_bytes() == written != before
    # Once it has given the lock back, the session simply opens for writing.
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, SessionScreen) and not app.screen.keeper.read_only


async def test_a_read_only_view_says_when_the_writer_has_closed(room: Path) -> None:
    app = app_for(room, lang="en")
    with held_elsewhere(room) as other:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.click("#read_only")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            screen.guard.tick()
            assert "closed" not in str(_bar(app).render())
            assert other.stdin is not None
            other.stdin.close()
            other.wait(timeout=30)
            screen.guard.tick()
            await pilot.pause()
            assert "the other window has closed the session" in str(_bar(app).render())


async def test_refusing_a_locked_session_goes_to_the_list(room: Path) -> None:
    with held_elsewhere(room):
        app = app_for(room)
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, LockedModal)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_reopening_at_once_waits_for_its_own_closing_screen(room: Path) -> None:
    own = SessionLock(room)  # as this app's session screen holds it while it closes
    assert own.acquire().acquired
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        assert not isinstance(app.screen, (SessionScreen, LockedModal))
        own.release()
        await pilot.pause(0.5)
        assert isinstance(app.screen, SessionScreen) and not app.screen.keeper.read_only


async def test_the_lock_is_held_while_open_and_given_back_on_leaving(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SessionScreen)
        assert not SessionLock(room).acquire().acquired
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not lock_path(room).exists()


async def test_a_file_changed_by_another_program_is_kept_and_reported(room: Path) -> None:
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("3")
        save_session(screen.session.with_score("resistance", "trust", "p4", 1), room)  # a sync client
        await pilot.press("4")
        kept = sorted(room.parent.glob("proeverum.conflict-*.toml"))
        assert len(kept) == 1
        assert load_session(kept[0]).answers_for("resistance").scores == {"trust": {"p1": 3, "p4": 1}}
        assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4}}
        messages = [n.message for n in app._notifications]
        assert any("changed by another program" in m and kept[0].name in m for m in messages)


async def test_an_error_saves_what_was_not_saved_and_logs_it(
    room: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: SessionScreen) -> None:
        raise RuntimeError("injected")

    monkeypatch.setattr(SessionScreen, "action_blind", broken)
    app = app_for(room, lang="en")
    with pytest.raises(RuntimeError, match="injected"):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3", "4", "right")  # the move is saved only after a pause
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            moved = screen.controller.pending_position
            assert moved is not None and load_session(room).position != moved
            await pilot.press("f3")
            await pilot.pause()
    assert app.crash is not None and app.crash.sessions == [(room, True)]
    assert app.crash.log is not None and app.crash.log.parent == data_dir / "logs"
    saved = load_session(room)
    assert saved.answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4}}
    assert saved.position == moved  # where the cursor was when the error came
    message = app.crash.message("da")
    assert "uventet fejl" in message and str(app.crash.log) in message and str(room) in message


async def test_a_file_with_another_name_is_offered_read_only_with_the_fix(room: Path) -> None:
    """Two hard-linked names had a lock each, so two windows wrote one file (trust22)."""
    other = room.with_name("kopi.toml")
    os.link(room, other)
    before = room.read_bytes()
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        modal = app.screen
        assert isinstance(modal, LockedModal)
        text = " ".join(str(s.render()) for s in modal.query("Static"))
        assert f"{room} has 1 other name on this disk" in text
        assert "Other names in the same folder: kopi.toml" in text
        assert "remove the other names, or copy the file" in text
        await pilot.click("#read_only")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.keeper.read_only
        screen.guard.tick()  # no lock file beside it: still not "the other window has closed"
        await pilot.pause()
        assert "the file has other names" in str(_bar(app).render())
        await pilot.press("3", "4")
        await pilot.pause()
    assert room.read_bytes() == before and room.stat().st_nlink == 2
