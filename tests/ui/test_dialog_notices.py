"""Notices over dialogs: a dialog's buttons are always in view and can be clicked.

Found by hand at 80x24: the lock takeover notice (five lines, twelve seconds) covered Cancel
in the export dialog (F8) and the groups form (Ctrl+R); a notice sat at the bottom right,
where a dialog's buttons are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Button
from textual.widgets._toast import Toast

from workshop_tui.core.i18n import t
from workshop_tui.tui.saving import UnsavedModal
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, until
from .test_saving import _disk_full

SMALL = (80, 24)


async def _dialog_under_a_long_notice(app: App[Any], pilot: Any, key: str) -> Screen[Any]:
    """The dialog ``key`` opens from the session, with a long notice (the lock taken over) up on it."""
    assert isinstance(app.screen, SessionScreen)
    said = t("tui.lock.taken_over", "da", pid=4242, since="2026-12-03 16:41")
    app.notify(said, severity="warning", timeout=60)
    await pilot.press(key)
    await until(pilot, lambda: not isinstance(app.screen, SessionScreen), "the dialog is open")
    dialog = app.screen
    await until(pilot, lambda: bool(dialog.query(Toast)), "the notice is on the dialog")
    await pilot.pause()
    return dialog


@pytest.mark.parametrize("key", ["f8", "ctrl+r", "f7"])
async def test_a_long_notice_never_covers_a_dialogs_buttons_at_80x24(room: Path, key: str) -> None:
    app = app_for(room)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        dialog = await _dialog_under_a_long_notice(app, pilot, key)
        buttons = [button.region for button in dialog.query(Button)]
        toasts = [toast.region for toast in dialog.query(Toast)]
        assert buttons and toasts
        for toast in toasts:
            assert toast.height >= 4, "the notice is shown whole"
            for button in buttons:
                assert not toast.overlaps(button), f"{toast} covers a button at {button}"


def _notices(app: App[Any]) -> list[str]:
    return [n.message for n in app._notifications]


async def test_saved_again_is_withdrawn_when_saving_fails_again_and_the_unsaved_dialog_opens(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Saved again' sat beside 'Changes are not saved'; 'Could not save' beside 'Saved again'."""
    app = app_for(room, lang="en")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        _disk_full(monkeypatch)
        await pilot.press("3")
        await pilot.pause()
        assert any(m.startswith("Could not save") for m in _notices(app))
        monkeypatch.undo()  # room on the disk again
        screen.guard.tick()
        await pilot.pause()
        assert any(m.startswith("Saved again") for m in _notices(app))
        assert not any(m.startswith("Could not save") for m in _notices(app)), "it is saved now"
        _disk_full(monkeypatch)
        await pilot.press("4")
        await pilot.pause()
        assert any(m.startswith("Could not save") for m in _notices(app))
        assert not any(m.startswith("Saved again") for m in _notices(app)), "it is not saved now"
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, UnsavedModal), "the unsaved dialog")
        assert not any(m.startswith("Saved again") for m in _notices(app))
        dialog = app.screen
        await until(pilot, lambda: bool(dialog.query(Toast)), "'Could not save' is on the dialog")
        await pilot.pause()
        for toast in dialog.query(Toast):
            for button in dialog.query(Button):
                assert not toast.region.overlaps(button.region), f"{toast.region} covers {button.region}"


@pytest.mark.parametrize("size", [SMALL, (120, 36)])
@pytest.mark.parametrize("key", ["f8", "ctrl+r", "f7"])
async def test_a_notice_covers_no_part_of_the_dialog(room: Path, key: str, size: tuple[int, int]) -> None:
    """At the top of a dialog's screen a notice still covered the dialog's upper right corner
    (its border, title and first fields) until it expired (polish16). The dialog leaves room:
    it is centred in the space below the notices, and nothing of it is under one."""
    app = app_for(room)
    async with app.run_test(size=size, notifications=True) as pilot:
        dialog = await _dialog_under_a_long_notice(app, pilot, key)
        box = dialog.query_one("* > Vertical").region
        toasts = [toast.region for toast in dialog.query(Toast)]
        assert toasts
        for toast in toasts:
            assert toast.height >= 4, "the notice is shown whole"
            assert not toast.overlaps(box), f"{toast} covers the dialog at {box}"
        buttons = [button.region for button in dialog.query(Button)]
        assert buttons and all(box.contains_region(button) for button in buttons), "buttons in view"
