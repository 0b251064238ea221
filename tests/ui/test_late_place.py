"""The voting panel's + adds a place for a late phone without undoing finished exercises.

In the demo, + with voting open took the list from "11/11 øvelser" to "5/11" (late23): every
exercise done before the latecomer came became incomplete again.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal

from .conftest import VOTING_HERE, app_for


async def test_plus_on_the_voting_panel_keeps_the_progress(room: Path) -> None:
    session = load_session(room)
    first = session.exercise("resistance")
    everyone = {item.id: {p.id: 3 for p in session.participants} for item in first.scored_items}
    save_session(session.with_scores(first.id, everyone), room)
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        before = screen.session.progress
        assert before[0] >= 1
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, VotingModal)
        await pilot.press("plus")
        await pilot.pause()
        assert len(screen.session.participants) == 5
        assert screen.session.participants[-1].late_for >= {"resistance"}
        assert screen.session.progress == before
    assert load_session(room).progress == before
