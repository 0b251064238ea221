"""The voting UI tests' common start: voting opened by F10 with places for phones, a phone
that joins (and answers), the grid's cursor put on a phone's cell.

Four test files (roll per file, typed over with voting open and closed, notices above the
voting line) each spelled these steps out; one place keeps them alike, and a change to how
voting opens (a key, the panel) is made once.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from textual.pilot import Pilot

from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.voting_info import VotingInfo
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import post

PHONE_VOTE = {"exercise": "resistance", "scores": {"trust": 3, "necessity": 5}}
"""A phone's answer to the room's resistance exercise, which the facilitator types over."""


def session_screen(app: WorkshopApp) -> SessionScreen:
    """The app's screen, which must be the session's."""
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def open_voting(
    app: WorkshopApp, pilot: Pilot[Any], places: int = 1
) -> tuple[SessionScreen, VotingInfo]:
    """F10 (voting opens, its panel shows), then + once per phone to come (everyone in the room
    has a name, so a phone needs a place): the session screen and the voting address."""
    screen = session_screen(app)
    await pilot.press("f10")
    await pilot.pause()
    if places:
        await pilot.press(*["plus"] * places)
        await pilot.pause()
    info = screen.voting.info()
    assert info is not None
    return screen, info


async def phone_joins(
    http: aiohttp.ClientSession, info: VotingInfo, vote: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A phone joins by the join code (and sends ``vote``, if given); its join answer (``token``)."""
    joined: dict[str, Any] = await post(http, info.url + "/api/join", {"code": info.code})
    if vote is not None:
        await post(http, info.url + "/api/vote", vote, joined["token"])
    return joined


def cursor_on(screen: SessionScreen, column: str) -> ScoreGrid:
    """The grid focused with its cursor on ``column`` (a participant id) of the first item."""
    grid = screen.view.query_one(ScoreGrid)  # type: ignore[union-attr]
    grid.focus()
    grid.cursor_coordinate = grid.cursor_coordinate._replace(
        row=0, column=[c.key for c in grid.columns].index(column)
    )
    return grid
