"""The new-session form refuses a title that shows nothing, by the command line's rule
(``people.parse_title``): a zero-width space was taken as a title (tests/unit/test_blank_title.py)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.screens.new_session import NewSessionScreen

from .conftest import app_for


async def test_an_invisible_title_is_refused(data_dir: Path) -> None:
    app = app_for(None, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        screen.query_one("#title", Input).value = "\u200b"
        screen.query_one("#participants", Input).value = "5"
        screen.action_create()
        await pilot.pause()
        assert app.screen is screen
        assert t("tui.new.err.title", "en") in str(screen.query_one("#error", Static).render())
