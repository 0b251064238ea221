"""A bracketed paste of scores into the grid goes in as typed, one number per cell, or not at all.

It was dropped without a word (found by hand in tmux: a column copied from a spreadsheet,
pasted into the grid at 80x24, left every cell empty), while the same text unbracketed
typed its digits one by one.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


async def test_a_pasted_column_of_scores_fills_the_cells_in_typing_order(room: Path) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        await pilot.press("2")  # trust: p1; the cursor moves on to p2
        grid.post_message(events.Paste("3\r\n4\n5\t1 2 ;  "))
        await pilot.pause()
        scores = screen.session.answers_for("resistance").scores
        assert scores["trust"] == {"p1": 2, "p2": 3, "p3": 4, "p4": 5}
        assert list(scores[grid.items[1].id].items()) == [("p1", 1), ("p2", 2)]


async def test_a_paste_that_is_not_all_scores_or_too_long_changes_nothing_and_says_why(room: Path) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        grid.post_message(events.Paste("3\n9\n4"))
        await pilot.pause()
        grid.post_message(events.Paste("3,5"))  # a Danish decimal, not the scores 3 and 5
        await pilot.pause()
        cells = 4 * len(grid.items)
        grid.post_message(events.Paste(" ".join(["3"] * (cells + 1))))
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {}
        said = [n.message for n in app._notifications]
        assert any("“9” is not a score from 1 to 5. Nothing was pasted" in m for m in said), said
        assert any("“3,5” is not a score" in m for m in said), said
        assert any(f"{cells + 1} numbers, but only {cells} cells" in m for m in said), said


async def test_one_undo_takes_back_the_whole_paste(room: Path) -> None:
    """A paste is one action: Ctrl+Z took back only its last cell (found by hand in tmux, 80x24)."""
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        await pilot.press("2")  # trust: p1, typed before the paste
        grid.post_message(events.Paste("3 4 5"))
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores["trust"] == {
            "p1": 2,
            "p2": 3,
            "p3": 4,
            "p4": 5,
        }
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores["trust"] == {"p1": 2}
