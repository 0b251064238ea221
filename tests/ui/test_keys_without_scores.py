"""F3 and F4 on an exercise without scores say why nothing happens.

Found by explore21: the footer shows "f3 Skjul/vis" and "f4 Optælling" on every exercise,
but on a sheet, an action list or last time's review the keys did nothing at all: a
facilitator pressing F4 in front of the room could not tell a dead key from a slow one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


@pytest.mark.parametrize(("key", "lang", "words"), [("f3", "da", "F3"), ("f4", "en", "F4")])
async def test_a_key_for_scores_on_a_sheet_says_it_takes_none(
    room: Path, key: str, lang: str, words: str
) -> None:
    app = app_for(room, lang)
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-42")
        await pilot.pause()
        before = screen.session
        await pilot.press(key)
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert screen.session == before
    assert any(words in message for message in said), said


async def test_f3_on_a_grid_still_hides_without_a_word_about_scores(room: Path) -> None:
    app = app_for(room, "da")
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("resistance")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert not screen.session.answers_for("resistance").results_visible
        assert not any("F3" in n.message for n in app._notifications)
