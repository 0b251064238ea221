"""Leaving the session or quitting with voting open and phones joined asks first (Stay by default).

Found by hand: one Esc, even from a text field, left the session and stopped voting with a
room of phones joined, without asking or saying so.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.leaving import LeaveVotingModal
from workshop_tui.tui.saving import UnsavedModal
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal

from .conftest import VOTING_HERE, app_for, post, until
from .test_saving import _disk_full

SMALL = (80, 24)


def _app(room: Path, lang: str = "en") -> WorkshopApp:
    return app_for(room, lang, voting=VOTING_HERE)


async def _two_phones(
    app: WorkshopApp, pilot: object, http: aiohttp.ClientSession, tokens: list[str] | None = None
) -> SessionScreen:
    """Voting opened (F10), two places added and two phones joined, the panel hidden again."""
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    await pilot.press("f10")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, VotingModal), "the voting panel")  # type: ignore[arg-type]
    await pilot.press("plus", "plus", "escape")  # type: ignore[attr-defined]
    info = screen.voting.info()
    assert info is not None
    for _ in range(2):
        joined = await post(http, info.url + "/api/join", {"code": info.code})
        if tokens is not None:
            tokens.append(joined["token"])
    assert isinstance(app.screen, SessionScreen)
    return screen


def _shown(app: WorkshopApp) -> str:
    return " ".join(str(app.screen.query_one("#leave-figures").render()).split())


@pytest.mark.parametrize("size", [SMALL, (120, 36)])
async def test_esc_with_phones_joined_asks_and_stays_by_default(room: Path, size: tuple[int, int]) -> None:
    app = _app(room)
    async with app.run_test(size=size) as pilot, aiohttp.ClientSession() as http:
        screen = await _two_phones(app, pilot, http)
        server = screen.voting.server
        assert server is not None
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveVotingModal)
        assert len([s for s in app.screen_stack if s.is_modal]) == 1
        shown = _shown(app)
        assert "Voting is open: 2 phones connected to vote (heard from in the last 2 minutes)." in shown
        assert "Leaving the session stops voting" in shown
        for button in ("#stay", "#leave"):  # both buttons whole and on screen
            region = app.screen.query_one(button).region
            assert region.right <= size[0] and region.bottom <= size[1] and region.width > 10, button
        assert app.screen.focused is app.screen.query_one("#stay")
        await pilot.press("escape")  # Esc stays
        await pilot.pause()
        assert app.screen is screen and server.running
        await pilot.press("escape", "escape", "enter")  # Enter on the focused Stay stays too
        await pilot.pause()
        assert app.screen is screen and server.running
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.click("#leave")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not server.running


async def test_quit_with_phones_joined_asks_in_danish(room: Path) -> None:
    app = _app(room, "da")
    async with app.run_test(size=SMALL) as pilot, aiohttp.ClientSession() as http:
        screen = await _two_phones(app, pilot, http)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LeaveVotingModal)
        assert "Afslutter du, stopper afstemningen" in _shown(app)
        await pilot.press("ctrl+q")  # pressed again on the question: still one question
        await pilot.pause()
        assert len([s for s in app.screen_stack if s.is_modal]) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#leave")
        await pilot.pause()
        assert not app.is_running


async def test_unsaved_edits_are_asked_about_after_voting_never_both_at_once(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(room)
    async with app.run_test(size=(120, 36)) as pilot, aiohttp.ClientSession() as http:
        screen = await _two_phones(app, pilot, http)
        _disk_full(monkeypatch)
        await pilot.press("3")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveVotingModal)
        await pilot.click("#leave")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        assert len([s for s in app.screen_stack if s.is_modal]) == 1
        await pilot.press("ctrl+q")  # on the question: no second one over it
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        assert len([s for s in app.screen_stack if s.is_modal]) == 1
        await pilot.press("escape")  # stay: unsaved edits are never left without their question
        await pilot.pause()
        assert app.screen is screen
        assert screen.voting.is_open


async def test_voting_open_with_no_phone_leaves_at_once_and_says_so(room: Path) -> None:
    app = _app(room)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, VotingModal), "the voting panel")
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not screen.voting.is_open
        said = [n.message for n in app._notifications]
        assert "Voting is stopped (no phone was connected in the last 2 minutes)." in said


async def test_a_group_s_phone_writing_is_counted_and_named(room: Path) -> None:
    """The groups' phones hold no place: counted apart, as on the panel, and who writes now is named."""
    app = _app(room)
    async with app.run_test(size=SMALL) as pilot, aiohttp.ClientSession() as http:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-42")
        await pilot.pause()
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, VotingModal), "the voting panel")
        await pilot.press("escape")
        info = screen.voting.info()
        assert info is not None
        joined = await post(http, info.url + "/api/join", {"code": info.code})
        auth = {"Authorization": f"Bearer {joined['token']}"}
        async with http.get(info.url + "/api/state", headers=auth) as response:
            write = (await response.json())["write"]
        field = write["fields"][0]["key"]
        text = {"exercise": "sheet-42", "group": "g1", "field": field, "text": "Vi ringer", "base": ""}
        await post(http, info.url + "/api/write", text, joined["token"])
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveVotingModal)
        shown = _shown(app)
        assert "Voting is open: 1 phone connected to write a group's sheet (heard from" in shown
        assert f"Writing this moment (1): {joined['participant']}." in shown


async def test_only_phones_heard_from_lately_are_counted_a_phone_gone_for_long_is_not(room: Path) -> None:
    """The roll keeps every phone that ever joined (also between openings): a phone that joined an
    hour ago and left was counted as cut off (phones17). A fake clock, no sleeping."""
    app = _app(room)
    async with app.run_test(size=(120, 36)) as pilot, aiohttp.ClientSession() as http:
        tokens: list[str] = []
        screen = await _two_phones(app, pilot, http, tokens)
        server = screen.voting.server
        assert server is not None
        info = screen.voting.info()
        assert info is not None
        later = [0.0]
        real = server.desk.clock
        server.desk.clock = lambda: real() + later[0]
        later[0] = 600.0  # ten minutes on; one phone's page asks for news, the other was put away
        async with http.get(
            info.url + "/api/state", headers={"Authorization": f"Bearer {tokens[0]}"}
        ) as asked:
            assert asked.status == 200
        later[0] = 700.0
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveVotingModal)
        assert "Voting is open: 1 phone connected to vote (heard from in the last 2 minutes)." in _shown(app)
        await pilot.press("escape")  # stay
        await pilot.pause()
        later[0] = 900.0  # none heard from for over two minutes: nobody is cut off, nothing asked
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not server.running
        said = [n.message for n in app._notifications]
        assert "Voting is stopped (no phone was connected in the last 2 minutes)." in said
