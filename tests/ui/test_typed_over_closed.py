"""Typed-over answers as a facilitator expects them, across voting closing and opening again.

- A score typed over a phone's answer while voting is closed stands: when voting opens again the
  phone may not change it (it could: only typing with voting open was marked).
- Ctrl+Z after voting closed and opened again gives the answer back to the phone (the mark of an
  earlier opening stayed: the phone's score behind it was known to that opening only).
- The "phone can no longer change it" notice goes with the Ctrl+Z that makes it untrue.
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

from .conftest import VOTING_HERE, app_for, until
from .voting_helpers import PHONE_VOTE, cursor_on, open_voting, phone_joins

SIZE = (130, 44)


@asynccontextmanager
async def _phone(app: WorkshopApp, pilot: Pilot[None]) -> AsyncIterator[tuple[SessionScreen, dict[str, str]]]:
    """Voting open, a phone (P5) that answered trust 3; yields the screen and the phone's headers."""
    screen, info = await open_voting(app, pilot)
    async with aiohttp.ClientSession() as http:
        joined = await phone_joins(http, info, PHONE_VOTE)
        await pilot.pause(REFRESH_QUIET + 0.2)
        yield screen, {"Authorization": f"Bearer {joined['token']}"}


async def _reopen(pilot: Pilot[None], screen: SessionScreen) -> VotingInfo:
    """F10 F10 (the panel, then close), then F10 Esc (open again, panel away): the new address."""
    await pilot.press("f10", "f10")
    await until(pilot, lambda: not screen.voting.is_open, "closed")
    await pilot.press("f10")
    await until(pilot, lambda: screen.voting.is_open, "open again")
    await pilot.press("escape")
    await pilot.pause()
    info = screen.voting.info()
    assert info is not None
    return info


async def _send(info: VotingInfo, headers: dict[str, str], vote: dict[str, Any]) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as http,
        http.post(info.url + "/api/vote", json=vote, headers=headers) as r,
    ):
        return r.status, await r.json()


async def test_a_score_typed_while_voting_is_closed_stands(room: Path) -> None:
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=SIZE, notifications=True) as pilot, _phone(app, pilot) as (screen, headers):
        scores = lambda: screen.session.answers_for("resistance").scores  # noqa: E731
        await pilot.press("escape", "f10", "f10")  # the panel again, and close voting
        await until(pilot, lambda: not screen.voting.is_open, "closed")
        cursor_on(screen, "p5")
        await pilot.press("4")
        await until(pilot, lambda: scores()["trust"]["p5"] == 4, "typed while closed")
        assert t("tui.grid.typed_over", "en", who="P5") in [n.message for n in app._notifications]
        await pilot.press("f10")
        await until(pilot, lambda: screen.voting.is_open, "open again")
        await pilot.press("escape")
        info = screen.voting.info()
        assert info is not None
        status, answer = await _send(info, headers, {"exercise": "resistance", "scores": {"trust": 2}})
        assert status == 409 and answer["reason"] == "typed_over"
        assert scores()["trust"]["p5"] == 4


async def test_ctrl_z_after_voting_opened_again_gives_the_answer_back_and_the_notice_goes(room: Path) -> None:
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=SIZE, notifications=True) as pilot, _phone(app, pilot) as (screen, headers):
        scores = lambda: screen.session.answers_for("resistance").scores  # noqa: E731
        await pilot.press("escape")
        await pilot.pause()
        cursor_on(screen, "p5")
        await pilot.press("4")
        await until(pilot, lambda: scores()["trust"]["p5"] == 4, "typed over")
        said = t("tui.grid.typed_over", "en", who="P5")
        assert said in [n.message for n in app._notifications]
        info = await _reopen(pilot, screen)
        cursor_on(screen, "p5")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: scores()["trust"]["p5"] == 3, "undone")
        await pilot.pause()
        assert said not in [n.message for n in app._notifications]  # no longer true
        status, answer = await _send(info, headers, {"exercise": "resistance", "scores": {"trust": 2}})
        assert status == 200, answer
        await until(pilot, lambda: scores()["trust"]["p5"] == 2, "the phone's own change")


async def test_ctrl_z_of_a_paste_over_two_phones_takes_its_notice_away(room: Path) -> None:
    """A paste over two phones' answers says so in one notice naming both; the Ctrl+Z that undoes
    the paste (one step) gives both answers back, and that notice goes too."""
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen, info = await open_voting(app, pilot, places=2)
        async with aiohttp.ClientSession() as http:
            for _ in range(2):  # P5 and P6
                await phone_joins(http, info, PHONE_VOTE)
        await pilot.pause(REFRESH_QUIET + 0.2)
        await pilot.press("escape")
        await pilot.pause()
        grid = cursor_on(screen, "p5")
        scores = lambda: screen.session.answers_for("resistance").scores  # noqa: E731
        grid.post_message(events.Paste("4 4"))
        await until(pilot, lambda: scores()["trust"].get("p6") == 4, "pasted")
        said = t("tui.grid.typed_over", "en", who="P5, P6")
        assert said in [n.message for n in app._notifications]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: scores()["trust"].get("p6") == 3, "undone")
        await pilot.pause()
        assert said not in [n.message for n in app._notifications]
