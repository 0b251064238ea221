"""After Ctrl+Z or Ctrl+Y the grid's cursor is on the score that changed back, as in a spreadsheet.

It stayed where it was (found by hand): after undoing a score typed a few cells back the
facilitator had to look for what had changed.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


def _where(grid: ScoreGrid) -> tuple[str, str]:
    target = grid.cell_target()
    assert target is not None
    item, column = target
    return item.id, column


async def test_undo_and_redo_move_the_cursor_to_the_cell_they_changed(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        await pilot.press("2", "3", "4")  # trust: p1, p2, p3; the cursor moves on to p4
        await pilot.press("down", "down")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 2, "p2": 3}}
        assert _where(grid) == ("trust", "p3")
        await pilot.press("left", "left", "down")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _where(grid) == ("trust", "p2")
        await pilot.press("down", "right", "right")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 2, "p2": 3}}
        assert _where(grid) == ("trust", "p2")
