"""The whole room's group on screen: named in the interface language, and kept as a code
when the groups form is saved without renaming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from workshop_tui.core.model import Group
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.screens.groups import GroupsModal
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


@pytest.fixture
def one_room(library: Library, data_dir: Path) -> Path:
    session = new_session(
        title="Hele huset",
        date="2026-11-23",
        exercises=[library.exercises["sheet-42"]],
        participants=3,
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="hele-huset",
    )
    path = session_path(session)
    save_session(session, path)
    return path


@pytest.mark.parametrize(("lang", "words"), [("da", "Hele rummet"), ("en", "Whole room")])
async def test_the_room_is_named_in_the_interface_language_and_stays_a_code(
    one_room: Path, lang: str, words: str
) -> None:
    app = app_for(one_room, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, GroupsModal)
        assert app.screen.query_one("#group-0", Input).value == words
        app.screen.query_one("#new-0", Input).value = "Bord 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(g.id, g.name) for g in screen.session.groups] == [("g1", Group.WHOLE_ROOM), ("g2", "Bord 2")]
        assert load_session(one_room).groups == screen.session.groups
        # Renamed, the room has the facilitator's name from then on.
        await pilot.press("ctrl+r")
        app.screen.query_one("#group-0", Input).value = "Bord 1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [g.name for g in screen.session.groups] == ["Bord 1", "Bord 2"]
