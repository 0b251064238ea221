"""The panel and the question before leaving count the phones connected now, and follow the clock.

The F10 panel said "telefoner: N" for every device in the roll, which keeps every phone that
ever joined (phones17 gave the leave question a "heard from in the last 2 minutes" count). And
a phone going quiet sends nothing, so neither the panel nor the open question changed when one
did. A fake clock (the desk's), no sleeping through two minutes.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from workshop_tui.tui import voting_link
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.leaving import LeaveVotingModal
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.tui.voting_board import VoteBoard

from .conftest import VOTING_HERE, app_for, post, until


def _board(app: WorkshopApp) -> str:
    return " ".join(str(app.screen.query_one(VoteBoard).render()).split())


def _figures(app: WorkshopApp) -> str:
    return " ".join(str(app.screen.query_one("#leave-figures").render()).split())


async def test_the_panel_and_the_open_leave_question_follow_phones_going_quiet(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(voting_link, "PRESENCE_CHECK", 0.05)
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=(120, 36)) as pilot, aiohttp.ClientSession() as http:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, VotingModal)
        await pilot.press("plus", "plus")
        await pilot.pause()
        server = screen.voting.server
        info = screen.voting.info()
        assert server is not None and info is not None
        later = [0.0]
        real = server.desk.clock
        server.desk.clock = lambda: real() + later[0]
        tokens = [(await post(http, info.url + "/api/join", {"code": info.code}))["token"] for _ in range(2)]
        await until(pilot, lambda: "phones: 2 (2 connected now)" in _board(app), "both phones counted")

        later[0] = 600.0  # ten minutes on; one phone's page asks for news, the other was put away
        asking = {"Authorization": f"Bearer {tokens[0]}"}
        async with http.get(info.url + "/api/state", headers=asking) as asked:
            assert asked.status == 200
        # Nothing the phones send announces the quiet one: the panel finds it by the clock.
        await until(pilot, lambda: "phones: 2 (1 connected now)" in _board(app), "the quiet phone left out")

        await pilot.press("escape")  # the panel hides, voting stays open
        await pilot.pause()
        await pilot.press("escape", "escape")  # leave the session: asked first
        await pilot.pause()
        assert isinstance(app.screen, LeaveVotingModal)
        assert "1 phone connected to vote" in _figures(app)
        later[0] = 800.0  # the last phone goes quiet while the question waits
        await until(
            pilot,
            lambda: "no phone was heard from in the last 2 minutes" in _figures(app),
            "the question follows the clock",
        )
        assert isinstance(app.screen, LeaveVotingModal)  # still asked; the facilitator decides
