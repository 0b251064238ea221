"""The empty home list says what to do, under the title, with the keys one types.

order23: with no sessions the screen showed the table's headings over 30 blank lines and,
at the bottom, "Tryk N … eller D …": Shift+N and Shift+D do nothing (the keys are n and d,
as the footer writes them), and the line was far from where the eye is. product24: a letter
key now works in both cases and is written N, as F1 and the footer write it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.screens.home import SessionTable
from workshop_tui.tui.screens.new_session import NewSessionScreen

from .conftest import app_for, listed


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_no_sessions_shows_the_keys_under_the_title(data_dir: Path, lang: str) -> None:
    app = app_for(None, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await listed(pilot)
        assert not home.query_one(SessionTable).display  # no empty headings over a blank screen
        hint = home.query_one("#home-hint", Static)
        lines = [line.strip() for line in str(hint.render()).splitlines() if line.strip()]
        assert lines == [
            t("tui.home.empty", lang),
            t("tui.home.empty_new", lang, letter="N"),
            t("tui.home.empty_demo", lang, letter="d".upper()),
        ]
        title = home.query_one("#home-title", Static)
        assert hint.region.y - title.region.bottom <= 3  # right under the title, not at the bottom
        await pilot.press("N")  # the key as written works (and n: Caps Lock does not matter)
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)
