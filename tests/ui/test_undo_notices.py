"""Ctrl+Z pressed again and again shows one "Fortrudt", not a pile of them.

Found by explore21 at 80x24: twelve Ctrl+Z on the commitment grid stacked twelve
"Fortrudt" notices down the right half of the screen, over the scores being undone.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


async def test_repeated_undo_shows_one_notice(room: Path) -> None:
    app = app_for(room, "da")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("commitment")
        await pilot.pause()
        await pilot.press("5", "6", "7", "8")
        await pilot.pause()
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await pilot.pause()
        undone = [n.message for n in app._notifications]
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        redone = [n.message for n in app._notifications]
        assert screen.session.answers_for("commitment").scores["value"] == {"p1": 5, "p2": 6, "p3": 7}
    assert undone == ["Fortrudt"], undone
    assert redone == ["Gentaget"], redone
