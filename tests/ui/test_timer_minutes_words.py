"""F6 shows a timer's minutes with the interface's decimal mark.

Found by explore21: half a minute typed as "0,5" in the Danish app came back in F6 as "0.5".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from workshop_tui.tui.screens.modals import TimerModal
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


@pytest.mark.parametrize(("lang", "shown"), [("da", "0,5"), ("en", "0.5")])
async def test_half_a_minute_reads_in_the_interface_language(room: Path, lang: str, shown: str) -> None:
    app = app_for(room, lang)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, TimerModal)
        field = app.screen.query_one("#minutes", Input)
        field.value = "0,5"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, TimerModal)
        assert app.screen.query_one("#minutes", Input).value == shown
