"""A vote's share bar fits its figure column at 80x24, drawn from the option's share.

product24: the bar was 10 cells (a cell per 10 %) in the compact 8-cell column and was cut,
so 70 %, 83 % and 100 % all read as seven cells. It is now as long as the column allows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import VOTE_BAR, ScoreGrid, vote_bar

from .conftest import app_for


def test_the_bar_is_the_share_to_the_nearest_cell_and_any_vote_shows() -> None:
    assert [vote_bar(s, 7) for s in (None, 0.0, 0.01, 0.5, 5 / 6, 1.0)] == [0, 0, 1, 4, 6, 7]
    assert vote_bar(1.0, VOTE_BAR) == 10


async def bars(library: Library, size: tuple[int, int], votes: str) -> tuple[int, list[int]]:
    """(the figure column's width, each option's drawn bar) after the six people vote ``votes``."""
    session = new_session(
        title="Valg",
        date="2026-03-01",
        exercises=[library.exercises["grint-problem-types"]],
        participants=6,
        language="da",
    )
    path = session_path(session)
    save_session(session, path)
    app = app_for(path, "da")
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        grid = screen.query_one(ScoreGrid)
        await pilot.press(*votes)  # a digit is the option's number; the cursor moves on
        await pilot.pause()
        width = next(c.width for c in grid.columns if c.key == "dist")
        assert grid.virtual_size.width <= grid.size.width  # the column is on screen whole
        lines = [strip.text for strip in screen._compositor.render_strips()]
        drawn = [line.count("█") for line in lines if "%" in line]
        return width, drawn


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_full_bar_fills_its_column_and_a_smaller_share_is_shorter(
    library: Library, data_dir: Path, size: tuple[int, int]
) -> None:
    width, everyone = await bars(library, size, "111111")
    _, most = await bars(library, size, "111112")
    full = min(VOTE_BAR, width - 1)
    assert everyone[0] == full  # 100 %: the whole bar, not cut by the column
    assert most[0] == round(5 / 6 * full) < full  # 83 % reads shorter than 100 %
    assert most[1] == max(1, round(1 / 6 * full))  # 17 %
