"""A digit the terminal hands over is scored in its own turn when nothing waits for the app, else queued.

``post_typed`` is what the app's terminal driver calls, in the event loop, for each thing
its reading thread read (``tui/terminal_driver.py``); the tests call it as the driver's
callback does, from the loop, without awaiting anything in between.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.message import Message

from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.key_arrival import idle
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView

from .conftest import SIZE, app_for, keys_taken_by


class _Busy(Message):
    """A message of the test's own, for the app to take before a key."""


@pytest.fixture
def at_app(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app's own turns take: its keys and ``_Busy`` messages, in order."""
    return keys_taken_by(monkeypatch, WorkshopApp, _Busy)


async def _until_idle(app: WorkshopApp) -> None:
    """Wait until the app's task waits for its next message with none queued.

    ``pilot.pause()`` can return with a message still queued for the app when the machine
    is loaded (seen once in a full run at load ~4: the Delete went to the queue, as it must
    for a busy app); these tests are about an idle app, so they wait for one.
    """
    for _ in range(1000):
        if idle(app):
            return
        await asyncio.sleep(0.001)
    raise AssertionError("the app never went idle")


def _scores(screen: SessionScreen) -> dict[str, int]:
    assert isinstance(screen.view, GridView)
    return dict(screen.controller.keeper.session.answers_for(screen.view.exercise.id).scores.get("trust", {}))


async def test_a_digit_for_an_idle_app_is_scored_and_saved_in_the_turn_it_arrives(
    room: Path, at_app: list[str]
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        inputs = app.inputs
        app.post_typed(events.Key("3", "3"))
        assert _scores(screen) == {"p1": 3}  # no await in between: taken where it arrived
        assert "p1 = 3" in room.read_text(encoding="utf-8")  # and saved
        app.post_typed(events.Key("4", "4"))
        await pilot.pause()
        assert _scores(screen) == {"p1": 3, "p2": 4}
        assert app.inputs == inputs + 2
        assert at_app == []  # neither key took a turn of the app


@pytest.mark.parametrize(
    ("scored", "arrow", "key", "before", "after"),
    [
        # An arrow is still in the app's queue: the digit must not overtake it (it would score
        # the cell the arrow leaves).
        ((), "right", ("3", "3"), {}, {"p2": 3}),
        # A Left is still in the app's queue: the Delete must not overtake it (it would clear
        # the empty cell the Left leaves, and keep p1's 3).
        (("3",), "left", ("delete", None), {"p1": 3}, {}),
    ],
    ids=["digit", "delete"],
)
async def test_a_key_while_the_app_has_messages_waits_behind_them(
    room: Path,
    at_app: list[str],
    scored: tuple[str, ...],
    arrow: str,
    key: tuple[str, str | None],
    before: dict[str, int],
    after: dict[str, int],
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for digit in scored:
            app.post_typed(events.Key(digit, digit))
            await pilot.pause()
        app.post_message(_Busy())
        app.post_typed(events.Key(arrow, None))
        app.post_typed(events.Key(*key))
        assert _scores(screen) == before
        await pilot.pause()
        await pilot.pause()
        assert at_app == ["busy", arrow, key[0]]
        assert _scores(screen) == after


async def test_a_digit_while_the_key_gate_holds_keys_waits_behind_them(room: Path, at_app: list[str]) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        app.key_gate.close()
        app.post_typed(events.Key("3", "3"))
        await pilot.pause()
        assert _scores(screen) == {}  # held, not taken on arrival
        app.key_gate.open()
        await pilot.pause()
        await pilot.pause()
        assert _scores(screen) == {"p1": 3}


async def test_a_digit_for_a_dialog_takes_the_usual_way(room: Path, at_app: list[str]) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")  # the command palette, a dialog with its own field
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        at_app.clear()
        app.post_typed(events.Key("3", "3"))
        await pilot.pause()
        assert at_app == ["3"]  # a turn of the app, as before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and _scores(app.screen) == {}


async def test_delete_and_backspace_for_an_idle_app_clear_the_cell_in_the_turn_they_arrive(
    room: Path, at_app: list[str]
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        app.post_typed(events.Key("3", "3"))
        app.post_typed(events.Key("4", "4"))
        await pilot.pause()
        await pilot.press("left")  # back on p2's 4
        await pilot.pause()
        await _until_idle(app)
        at_app.clear()
        app.post_typed(events.Key("delete", None))
        assert _scores(screen) == {"p1": 3}  # no await in between: cleared where it arrived
        assert "p2 = 4" not in room.read_text(encoding="utf-8")  # and saved
        await pilot.press("left")
        await pilot.pause()
        await _until_idle(app)
        at_app.clear()
        app.post_typed(events.Key("backspace", "\x7f"))
        assert _scores(screen) == {}
        assert at_app == []  # neither key took a turn of the app
