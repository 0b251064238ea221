"""The header survives a title changed while its screen closes (a fast Esc after a new exercise)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from workshop_tui.tui.widgets.header import SafeHeader

from .conftest import SIZE, app_for


async def test_a_title_changed_after_the_headers_title_widget_has_gone_does_not_stop_the_app(
    room: Path,
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.screen.query_one(Header)
        assert isinstance(header, SafeHeader)
        await header.query_one(HeaderTitle).remove()  # as while the screen is being taken down
        app.screen.sub_title = "ny titel"
        app.title = "ny"
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_the_header_still_shows_the_screens_title_as_it_changes(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.sub_title = "Et nyt punkt"
        await pilot.pause()
        assert "Et nyt punkt" in str(app.screen.query_one(HeaderTitle).render())
