"""The score grid's note follows the grid's cursor in the same turn as the move.

Keys typed ahead come in one burst: Down, Tab and a note's letters could reach the note
before the grid's ``CellHighlighted`` had gone through the grid's and the view's queues,
and the letters went into the note of the row just left (seen through the pty in 1 of 12
bursts; ``tests/unit/test_note_bursts.py``). Here the race is made certain: the cursor is
moved and the note looked at before any queue runs.
"""

from __future__ import annotations

from pathlib import Path

from textual.coordinate import Coordinate

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView
from workshop_tui.tui.widgets.entry import EntryInput

from .conftest import SIZE, app_for


async def test_the_note_holds_the_new_row_s_field_as_soon_as_the_cursor_moves(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        view = screen.view
        assert isinstance(view, GridView)
        note = view.query_one("#note", EntryInput)
        items = view.grid.items
        assert note.field == ("note", items[0].id)
        view.grid.action_cursor_down()  # as the view's Down key does, in one turn
        assert note.field == ("note", items[1].id)
        view.grid.cursor_coordinate = Coordinate(3, 1)  # as a digit at a row's end, or Page Down
        assert note.field == ("note", items[3].id)
        await pilot.pause()
        assert note.field == ("note", items[3].id)  # and the late CellHighlighted keeps it
