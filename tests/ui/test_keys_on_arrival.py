"""A digit for an idle score grid is taken in the app's turn; for a busy one, behind its messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.message import Message

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for, keys_taken_by


class _Busy(Message):
    """A message of the test's own, for the grid to take before a key."""


@pytest.fixture
def at_grid(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the score grid's own turns take: its keys and ``_Busy`` messages, in order."""
    return keys_taken_by(monkeypatch, ScoreGrid, _Busy)


async def test_digits_on_an_idle_grid_are_saved_without_a_turn_of_the_grid(
    room: Path, at_grid: list[str]
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        await pilot.press("3", "4", "right", "5")
        await pilot.pause()
        grid = screen.view.query_one(ScoreGrid)
        assert [grid.get_cell("trust", p).plain for p in ("p1", "p2", "p3", "p4")] == ["3", "4", "·", "5"]
        assert at_grid == ["right"]  # the arrow went the usual way, the digits never waited in the queue
        assert screen.controller.keeper.session.answers_for(screen.view.exercise.id).scores["trust"] == {
            "p1": 3,
            "p2": 4,
            "p4": 5,
        }


async def test_a_digit_for_a_busy_grid_waits_behind_what_the_grid_has_to_take(
    room: Path, at_grid: list[str]
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        grid = screen.view.query_one(ScoreGrid)
        # The app takes the key while the grid still has its message to take: the key goes
        # behind it, the next digit (the grid idle again) at once, and both are scored in order.
        app.post_message(events.Key("3", "3"))
        grid.post_message(_Busy())
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert at_grid == ["busy", "3"]
        assert [grid.get_cell("trust", p).plain for p in ("p1", "p2")] == ["3", "4"]
