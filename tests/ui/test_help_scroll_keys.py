"""F1's help scrolls from the keyboard while it is open, and takes no key while closed (wall25).

At 80x24 the session's keys ran past the panel and the rest scrolled only with the mouse wheel.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import app_for

SMALL = (80, 24)


async def test_the_help_scrolls_by_keys_at_80x24_and_gives_them_back_when_closed(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        row = grid.cursor_coordinate.row
        await pilot.press("f1")
        await pilot.pause()
        text = screen.query_one("HelpPanel #widget-help", Widget)
        assert text.max_scroll_y > 0 and text.scroll_y == 0  # more keys than fit
        await pilot.press("pagedown")
        await pilot.pause()
        assert text.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert text.scroll_y == text.max_scroll_y
        await pilot.press("up")
        await pilot.pause()
        assert text.scroll_y == text.max_scroll_y - 1
        await pilot.press("home")
        await pilot.pause()
        assert text.scroll_y == 0
        await pilot.press("down")
        await pilot.pause()
        assert text.scroll_y == 1
        assert grid.cursor_coordinate.row == row  # the grid kept its place under the open help
        await pilot.press("f1")
        await pilot.pause()
        assert not screen.query("HelpPanel")
        await pilot.press("down")  # closed: the grid's again
        await pilot.pause()
        assert grid.cursor_coordinate.row == row + 1


async def test_in_a_text_field_the_arrows_home_and_end_stay_the_fields(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-45")  # the action list: text fields
        await pilot.pause()
        field = screen.query(Input).first()
        field.focus()
        field.value = "Fredagsudskrivelser"
        await pilot.pause()
        field.cursor_position = 0
        await pilot.pause()
        assert field.cursor_position == 0
        await pilot.press("f1")
        await pilot.pause()
        text = screen.query_one("HelpPanel #widget-help", Widget)
        assert text.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert field.cursor_position == len("Fredagsudskrivelser") and text.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert text.scroll_y > 0
