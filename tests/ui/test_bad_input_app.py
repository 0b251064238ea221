"""Damaged files, an unwritable folder and a full disk in the app: it says what is wrong and keeps running."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from workshop_tui.core.storage import staging, tomlio
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE, load_session
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for, listed

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad"


def _record_notifications(app: WorkshopApp) -> list[str]:
    """Every message the app shows with ``notify`` from now on."""
    shown: list[str] = []
    notify = app.notify

    def record(message: str, *args: Any, **kwargs: Any) -> None:
        shown.append(str(message))
        notify(message, *args, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return shown


async def test_damaged_sessions_are_listed_and_refused_and_the_app_goes_on(data_dir: Path) -> None:
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    for path in (BAD / "sessions").glob("*.toml"):
        shutil.copyfile(path, folder / path.name)
    (folder / "symlink.toml").symlink_to(builtin_sessions_dir() / DEMO_FILE)
    shutil.copyfile(builtin_sessions_dir() / DEMO_FILE, folder / "good.toml")
    before = {p.name: p.read_bytes() for p in folder.glob("*.toml") if not p.is_symlink()}
    app = app_for(None, lang="en")
    shown = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        assert app.screen.query_one("#sessions", DataTable).row_count == len(before) + 1
        broken = [listing for listing in home.listings if listing.problems]
        hostile = {"title-with-terminal-escapes.toml", "title-with-nul.toml", "title-with-markup.toml"}
        assert {listing.path.name for listing in home.listings if not listing.problems} == {
            "good.toml",
            *hostile,
        }
        for listing in broken:
            assert app.open_session(listing.path) is False
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        for listing, message in zip(broken, shown, strict=True):
            assert str(listing.path) in message
        assert app.open_session(folder / "good.toml")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    assert {p.name: p.read_bytes() for p in folder.glob("*.toml") if not p.is_symlink()} == before


async def test_damaged_exercises_in_the_own_folder_do_not_stop_the_app(data_dir: Path) -> None:
    folder = data_dir / "exercises"
    folder.mkdir(parents=True)
    for path in (BAD / "exercises").glob("*.toml"):
        shutil.copyfile(path, folder / path.name)
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "kkc-indicators" in app.library.exercises


@pytest.mark.parametrize(("error", "reason"), [(errno.EROFS, "not writable"), (errno.ENOSPC, "disk is full")])
async def test_a_failed_save_is_shown_kept_in_memory_and_saved_once_possible(
    room: Path, monkeypatch: pytest.MonkeyPatch, error: int, reason: str
) -> None:
    real_new_file, real_mkstemp, real_fsync = staging.new_file, tempfile.mkstemp, os.fsync

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    app = app_for(room, lang="en")
    shown = _record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        monkeypatch.setattr(staging, "new_file", fail if error != errno.ENOSPC else real_new_file)
        monkeypatch.setattr(tempfile, "mkstemp", fail if error != errno.ENOSPC else real_mkstemp)
        if error != errno.ENOSPC:  # the file made unnamed at opening cannot be named on a read-only disk
            monkeypatch.setattr(tomlio, "_name_unnamed", fail)
        monkeypatch.setattr(os, "fsync", fail if error == errno.ENOSPC else real_fsync)
        # Read the file only now: opening the session may already have saved the cursor position.
        before = room.read_bytes()
        await pilot.press("4")
        await pilot.pause()
        assert room.read_bytes() == before
        assert any(reason in message for message in shown)
        assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 4}}
        monkeypatch.undo()
        await pilot.press("2")
        await pilot.pause()
    assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 4, "p2": 2}}


async def test_a_digit_that_is_not_ascii_scores_nothing_and_crashes_nothing(room: Path) -> None:
    """A "²" (AltGr+2 on a German keyboard) passes ``str.isdigit`` and crashed the grid's ``int``;
    "٣" (an Arabic-Indic three) would have scored 3 without the facilitator seeing a 3 typed."""
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("²", "٣")
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, SessionScreen)
        await pilot.press("4")
        await pilot.pause()
    assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 4}}
