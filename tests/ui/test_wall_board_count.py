"""The QR board on the wall counts the answers as the wall does (``projector_kinds.answered_text``).

room25: the board said "svar: 1 af 2 tilsluttede" (every phone that joined, also one that never
answered) beside the wall's "1 af 5 har svaret" (the room: those typed for, and the phones that
answered): two populations on one wall. The facilitator's F10 panel keeps the phones' count.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import aiohttp
from rich.console import Console, RenderableType
from textual.widgets import Static

from workshop_tui.core.results.figures import answered
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.projector_kinds import answered_text
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.tui.voting_board import VoteBoard

from .conftest import VOTING_HERE, app_for, until
from .voting_helpers import PHONE_VOTE, open_voting, phone_joins


def _words(board: VoteBoard) -> str:
    return " ".join(str(board.render()).split())


async def test_the_wall_board_says_the_walls_count(room: Path) -> None:
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=(120, 36)) as pilot, aiohttp.ClientSession() as http:
        screen, info = await open_voting(app, pilot, places=2)
        await phone_joins(http, info, PHONE_VOTE)  # answers
        await phone_joins(http, info)  # joins, never answers
        exercise = "resistance"
        await until(pilot, lambda: answered(screen.session, exercise)[0] == 1, "the phone's answer")
        assert isinstance(app.screen, VotingModal)
        panel = app.screen.query_one(VoteBoard)
        await until(pilot, lambda: "1 af 2 tilsluttede" in _words(panel), "the panel: the phones' count")
        await pilot.press("escape", "f2")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        wall = app.screen.query_one("#proj-vote", VoteBoard)
        await until(pilot, lambda: "har svaret" in _words(wall), "the wall's board redrawn")
        said = answered_text(screen.session, exercise, "da")
        assert said.startswith(f"1 af {answered(screen.session, exercise)[1]} har svaret")
        assert said in _words(wall)
        assert "tilsluttede" not in _words(wall)
        console = Console(width=120, record=True)
        console.print(cast("RenderableType", app.screen.query_one("#proj-content", Static).content))
        content = " ".join(console.export_text().split())
        assert said in content  # the same words as the wall's own line
