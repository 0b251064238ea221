"""Typing over a phone's answer in the grid warns the facilitator, and the phone may not undo it.

The TUI half of tests/voting/test_typed_over.py: the score typed stands, the warning names the
place, the phone's page is shown the typed score, and its old answer sent again is refused (409).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
from textual import events
from textual.pilot import Pilot

from workshop_tui.core.i18n import t
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.voting_info import VotingInfo
from workshop_tui.tui.voting_link import REFRESH_QUIET
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import VOTING_HERE, app_for, until
from .voting_helpers import PHONE_VOTE, cursor_on, open_voting, phone_joins

Voted = tuple[SessionScreen, ScoreGrid, aiohttp.ClientSession, VotingInfo, dict[str, Any]]
"""The session screen, its grid, the phone's web session, the voting address, its join answer."""


@asynccontextmanager
async def _phone_voted(app: WorkshopApp, pilot: Pilot[None], column: str) -> AsyncIterator[Voted]:
    """Voting open with a phone that answered trust 3 and necessity 5; the cursor back on the
    grid at ``column`` of the first item, where the facilitator is about to type over it."""
    screen, info = await open_voting(app, pilot)
    async with aiohttp.ClientSession() as http:
        joined = await phone_joins(http, info, PHONE_VOTE)
        await pilot.pause(REFRESH_QUIET + 0.2)
        await pilot.press("escape")
        await pilot.pause()
        yield screen, cursor_on(screen, column), http, info, joined


async def test_typing_over_a_phone_answer_warns_and_holds(room: Path) -> None:
    app = app_for(room, "da", voting=VOTING_HERE)
    async with (
        app.run_test(size=(130, 44), notifications=True) as pilot,
        _phone_voted(app, pilot, "p5") as (screen, grid, http, info, joined),
    ):
        await pilot.press("4")
        await until(
            pilot, lambda: screen.session.answers_for("resistance").scores["trust"]["p5"] == 4, "typed"
        )
        said = t("tui.grid.typed_over", "da", who="P5")
        assert said in [n.message for n in app._notifications]
        headers = {"Authorization": f"Bearer {joined['token']}"}
        async with http.get(info.url + "/api/state", headers=headers) as state:
            shown = await state.json()
        assert shown["mine"]["trust"] == 4 and shown["typed"] == ["trust"]
        async with http.post(info.url + "/api/vote", json=PHONE_VOTE, headers=headers) as refused:
            assert refused.status == 409 and (await refused.json())["reason"] == "typed_over"
        assert screen.session.answers_for("resistance").scores["trust"]["p5"] == 4


async def test_a_paste_over_phone_answers_says_so_once(room: Path) -> None:
    app = app_for(room, "da", voting=VOTING_HERE)
    async with (
        app.run_test(size=(130, 44), notifications=True) as pilot,
        _phone_voted(app, pilot, "p4") as (screen, grid, http, info, joined),
    ):
        grid.post_message(events.Paste("2 2 2 2"))  # p4, p5 of trust; p1, p2 of necessity
        await until(
            pilot,
            lambda: screen.session.answers_for("resistance").scores["trust"].get("p5") == 2,
            "pasted",
        )
        said = [
            n.message for n in app._notifications if n.message == t("tui.grid.typed_over", "da", who="P5")
        ]
        assert len(said) == 1


async def test_undoing_the_typed_score_gives_the_answer_back_to_the_phone(room: Path) -> None:
    """Ctrl+Z put the phone's score back but kept the mark, so that phone could no longer change
    its own answer (409 ``typed_over``): the undo takes the mark off (``Roll.unmark``)."""
    app = app_for(room, "da", voting=VOTING_HERE)
    async with (
        app.run_test(size=(130, 44), notifications=True) as pilot,
        _phone_voted(app, pilot, "p5") as (screen, grid, http, info, joined),
    ):
        scores = lambda: screen.session.answers_for("resistance").scores  # noqa: E731
        await pilot.press("4")
        await until(pilot, lambda: scores()["trust"]["p5"] == 4, "typed")
        headers = {"Authorization": f"Bearer {joined['token']}"}
        await pilot.press("ctrl+z")
        await until(pilot, lambda: scores()["trust"]["p5"] == 3, "undone")
        await pilot.press("ctrl+y")  # typed over again: marked again
        await until(pilot, lambda: scores()["trust"]["p5"] == 4, "redone")
        async with http.get(info.url + "/api/state", headers=headers) as state:
            assert (await state.json())["typed"] == ["trust"]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: scores()["trust"]["p5"] == 3, "undone again")
        async with http.get(info.url + "/api/state", headers=headers) as state:
            shown = await state.json()
        assert shown["mine"]["trust"] == 3 and shown["typed"] == []
        changed = {"exercise": "resistance", "scores": {"trust": 2, "necessity": 5}}
        async with http.post(info.url + "/api/vote", json=changed, headers=headers) as answer:
            assert answer.status == 200, await answer.text()
        await until(pilot, lambda: scores()["trust"]["p5"] == 2, "the phone's own change")
