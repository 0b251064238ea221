"""Fixtures for driving the app with Textual's Pilot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from textual import events
from textual.message import Message
from textual.message_pump import MessagePump
from textual.pilot import Pilot

from workshop_tui.core.model import Action, Session
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.app import WorkshopApp, make_app
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.new_session import NewSessionScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.settings import Settings
from workshop_tui.voting.network import VotingOptions

if TYPE_CHECKING:
    import aiohttp

SIZE = (120, 36)
VOTING_HERE = VotingOptions(host="127.0.0.1", port=0, max_participants=10)
"""Voting from phones served on 127.0.0.1 at any free port (tests play the phones over HTTP)."""


@pytest.fixture
def room(library: Library, data_dir: Path) -> Path:
    """A saved session for 4 people in 2 groups with one exercise of each kind."""
    exercises = ["resistance", "tension-fields", "commitment", "sheet-42", "sheet-45"]
    session = new_session(
        title="Prøverum",
        date="2026-11-23",
        exercises=[library.exercises[e] for e in exercises],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="proeverum",
    )
    path = session_path(session)
    save_session(session, path)
    return path


def app_for(path: Path | None, lang: str = "da", *, voting: VotingOptions | None = None) -> WorkshopApp:
    """The app as the CLI builds it, without the clock (tests must not depend on the time)."""
    return make_app(
        lang=lang, session_path=path, settings=Settings(lang=lang), show_clock=False, voting=voting
    )


async def listed(pilot: Pilot[Any]) -> HomeScreen:
    """The home screen once its list is whole: the worker that reads every session file has ended."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    home = pilot.app.screen
    assert isinstance(home, HomeScreen), home
    return home


async def new_form(pilot: Pilot[Any]) -> NewSessionScreen:
    """The new-session form, opened with **n** from the home list once the list is whole (``listed``)."""
    await listed(pilot)
    await pilot.press("n")
    form = pilot.app.screen
    assert isinstance(form, NewSessionScreen)
    return form


async def post(http: aiohttp.ClientSession, url: str, body: dict[str, Any], token: str = "") -> Any:
    """A phone's request to the app's voting server: its JSON answer (anything but 200 fails the test)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with http.post(url, json=body, headers=headers) as response:
        assert response.status == 200, await response.text()
        return await response.json()


def keys_taken_by(
    monkeypatch: pytest.MonkeyPatch, taker: type[MessagePump], busy: type[Message]
) -> list[str]:
    """What ``taker``'s own turns take from now on, in order: its keys by name, and ``"busy"`` for
    each ``busy`` message (a test's own, put in its queue before a key)."""
    taken: list[str] = []
    dispatch = MessagePump._dispatch_message

    async def noted(self: MessagePump, message: Any) -> None:
        if isinstance(self, taker) and isinstance(message, events.Key | busy):
            taken.append(message.key if isinstance(message, events.Key) else "busy")
        await dispatch(self, message)

    monkeypatch.setattr(MessagePump, "_dispatch_message", noted)
    return taken


async def until(pilot: Pilot[Any], check: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    """Wait until ``check()`` holds (the state a test needs), for at most ``seconds``.

    A fixed pause is a guess at how fast a loaded machine is: one 0.3 s pause after a resize
    failed under load. This waits for the state itself, however long that takes within the
    bound, and returns as soon as it holds.
    """
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    assert check(), f"not within {seconds} s: {what}"


REVIEW = "action-review"
"""Last time's trial actions, the exercise a follow-up day opens on."""


def first_day(library: Library, *, save: bool = True) -> Session:
    """A first day with one action per group (Bord 1's overdue at the follow-up), saved unless not."""
    session = new_session(
        title="Ældreområdet",
        date="2026-09-01",
        exercises=[library.exercises[e] for e in ("resistance", "sheet-45")],
        participants=["Anne", "Bo", "Cecilie"],
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-09-01T09:00:00+00:00",
        session_id="day-1",
    )
    session = session.with_action("sheet-45", "g1", 0, Action("Fælles visitationsmøde", "Anne", "2026-10-01"))
    session = session.with_action("sheet-45", "g2", 0, Action("Tavlemøde hver fredag", "Bo", "2027-02-01"))
    if save:
        save_session(session, session_path(session))
    return session


def follow_up_day(library: Library, first: Session | None = None) -> Session:
    """The follow-up of ``first`` (else of :func:`first_day`, saved) with its review; not saved."""
    return follow_up(
        first if first is not None else first_day(library),
        title="Opfølgning",
        date="2026-12-01",
        session_id="day-2",
        review=library.exercises[REVIEW],
    )


@asynccontextmanager
async def on_its_review(later: Session) -> AsyncIterator[tuple[WorkshopApp, Pilot[Any], SessionScreen]]:
    """``later`` saved and opened in the app, on its review: the app, its pilot and its screen.

    The set-up the review's Pilot tests shared, written out in each (test_series_ui.py,
    test_carry_focus.py).
    """
    path = session_path(later)
    save_session(later, path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(REVIEW)
        await pilot.pause()
        yield app, pilot, screen
