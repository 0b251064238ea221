"""Ctrl+Z takes back the session's last change, which may be out of sight: it says where.

The history is the whole session's. Typed in one group's sheet, then Ctrl+G to the next
group, Ctrl+Z took back the first group's words while the screen showed the second's: the
toast said only "Fortrudt", nothing on the screen changed, and a second Ctrl+Z undid more.
Seen by hand in tmux.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for, until


def _toasts(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_undo_of_another_group_s_words_says_which_group(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-42")
        await until(pilot, lambda: screen.current == "sheet-42" and screen.view is not None, "the sheet")
        await pilot.pause()
        title = screen.session.exercise("sheet-42").title.get("da")
        await pilot.press(*"abc", "ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any("Fortrudt" in m for m in _toasts(app)), "undone")
        assert f"Fortrudt i «{title}», Bord 1: ikke det, skærmen viser nu" in _toasts(app)
        assert not load_session(room).answers_for("sheet-42").texts.get("g1", {}).get("1")


async def test_undo_on_the_screen_says_only_undone(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "ctrl+z")
        await until(pilot, lambda: any("Fortrudt" in m for m in _toasts(app)), "undone")
        assert "Fortrudt" in _toasts(app)
        await pilot.press("4", "ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any("Fortrudt i" in m for m in _toasts(app)), "undone elsewhere")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        title = screen.session.exercise("resistance").title.get("da")
        assert f"Fortrudt i «{title}»: ikke det, skærmen viser nu" in _toasts(app)
