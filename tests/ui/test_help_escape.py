"""Esc with the F1 help open closes the help and stays in the session.

It took the facilitator out of the session to the list of every session (found by hand in
tmux, en and da, 80x24: F1, then Esc as in every dialog here, showed the other clients'
titles and organisations on the screen).
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


async def test_escape_closes_the_help_before_it_leaves_the_session(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert not screen.query("HelpPanel")
        await pilot.press("escape", "escape")  # without the help, Esc twice goes back to the list
        await pilot.pause()
        assert app.screen is not screen
