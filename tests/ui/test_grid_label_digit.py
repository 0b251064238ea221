"""A digit typed on the score grid's label column scores the row; on the figures it says why not.

It was dropped with only a bell, which many terminals do not sound (found by hand): the cursor
had been moved left onto the item's label, and the score typed there went nowhere.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


async def test_a_digit_on_the_label_scores_the_rows_first_participant(room: Path) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        grid.cursor_coordinate = grid.cursor_coordinate._replace(row=1, column=0)
        await pilot.pause()
        await pilot.press("4", "5")
        await pilot.pause()
        scores = screen.session.answers_for("resistance").scores
        assert scores == {grid.items[1].id: {"p1": 4, "p2": 5}}


async def test_a_digit_on_the_figures_says_where_to_go(room: Path) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        grid.cursor_coordinate = grid.cursor_coordinate._replace(column=len(grid.columns) - 1)
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {}
        assert t("tui.grid.not_a_cell", "en") in [n.message for n in app._notifications]
