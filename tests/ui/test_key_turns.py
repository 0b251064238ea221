"""A typed score's messages take no turns of the event loop that nothing needs.

The cursor's move after a score (``LineTable.CellHighlighted``) is the view's business:
it used to bubble on through the four containers to the screen and the app, and the
position the view reports (``PositionChanged``) through the same four to the screen, a
turn of the event loop at each, on every key and before the screen drew its frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.message_pump import MessagePump

from workshop_tui.core.model import Position
from workshop_tui.tui.messages import PositionChanged
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView
from workshop_tui.tui.widgets.line_table import LineTable

from .conftest import SIZE, app_for


@pytest.fixture
def turns(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(the message pump, the message) for each turn a cursor or position message takes."""
    taken: list[tuple[str, str]] = []
    dispatch = MessagePump._dispatch_message

    async def noted(self: MessagePump, message: Any) -> None:
        if isinstance(message, LineTable.CellHighlighted | PositionChanged):
            taken.append((type(self).__name__, type(message).__name__))
        await dispatch(self, message)

    monkeypatch.setattr(MessagePump, "_dispatch_message", noted)
    return taken


async def test_a_score_s_cursor_move_stops_at_the_view_and_its_position_goes_to_the_screen(
    room: Path, turns: list[tuple[str, str]]
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        await pilot.pause()
        turns.clear()
        await pilot.press("3", "4")
        await pilot.pause()
        assert [turn for turn in turns if turn[1] == "CellHighlighted"] == [
            ("ScoreGrid", "CellHighlighted"),
            ("GridView", "CellHighlighted"),
        ] * 2
        assert [turn for turn in turns if turn[1] == "PositionChanged"] == [
            ("SessionScreen", "PositionChanged")
        ] * 2
        # The screen still remembers where the cursor went (saved after the pause).
        row, column = screen.view.grid.cursor_coordinate
        assert screen.controller.pending_position == Position(screen.view.exercise.id, row, column, "g1")
