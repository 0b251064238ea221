"""The QR board on the wall counts the answers as the wall does (``projector_kinds.answered_text``).

room25: the board said "svar: 1 af 2 tilsluttede" (every phone that joined, also one that never
answered) beside the wall's "1 af 5 har svaret" (the room: those typed for, and the phones that
answered): two populations on one wall. The facilitator's F10 panel keeps the phones' count.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import aiohttp
import pytest
from rich.console import Console, RenderableType
from textual.widgets import Static

from workshop_tui.core.results.figures import answered
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.projector_kinds import answered_text
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.tui.voting_board import VoteBoard, VotingStatus
from workshop_tui.tui.voting_link import spaced

from .conftest import VOTING_HERE, app_for, until
from .voting_helpers import PHONE_VOTE, open_voting, phone_joins


def _words(board: VoteBoard) -> str:
    return " ".join(str(board.render()).split())


def _drawn(board: VoteBoard) -> str:
    """The board as drawn (beside the code at 80x24: a grid, whose str() is no text)."""
    console = Console(width=200, record=True)
    console.print(cast("RenderableType", board.content))
    return " ".join(console.export_text().split())


def _content(screen: object, width: int) -> str:
    console = Console(width=width, record=True)
    console.print(cast("RenderableType", screen.query_one("#proj-content", Static).content))  # type: ignore[attr-defined]
    return " ".join(console.export_text().split())


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_wall_says_its_count_once(room: Path, size: tuple[int, int]) -> None:
    """counts26: the wall's board repeated the body's "1 af 5 har svaret" word for word. The
    count stands once, under the question with the ticks (where the room watches it, never cut);
    the board keeps how to join. The facilitator's panel says plainly it counts phones."""
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=size) as pilot, aiohttp.ClientSession() as http:
        screen, info = await open_voting(app, pilot, places=2)
        await phone_joins(http, info, PHONE_VOTE)  # answers
        await phone_joins(http, info)  # joins, never answers
        exercise = "resistance"
        await until(pilot, lambda: answered(screen.session, exercise)[0] == 1, "the phone's answer")
        assert isinstance(app.screen, VotingModal)
        panel = app.screen.query_one(VoteBoard)
        await until(pilot, lambda: "telefoner: 1 af 2 har svaret" in _drawn(panel), "the phones' count")
        await pilot.press("escape")
        await pilot.pause()
        status = " ".join(str(app.screen.query_one(VotingStatus).content).split())
        assert "telefoner: 1 af 2 har svaret" in status  # under the grid: the phones
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        said = answered_text(screen.session, exercise, "da")
        assert said.startswith(f"1 af {answered(screen.session, exercise)[1]} har svaret")
        await until(pilot, lambda: said in _content(app.screen, size[0]), "the wall's own line")
        assert _content(app.screen, size[0]).count(said) == 1
        wall = app.screen.query_one("#proj-vote", VoteBoard)
        assert wall.display
        board = _words(wall)
        assert "har svaret" not in board
        assert "tilsluttede" not in board
        assert spaced(info.code) in board  # how to join stays on the board
