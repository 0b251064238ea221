"""F4 from a participant far right in the grid: the cursor must land on a count, not a figure.

With 12 participants the cursor on the ninth (column 9) stayed at column 9 of the tally grid,
the median: the footer said "type a count", digits did nothing and nothing said why.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for, until


def _twelve(library: Library) -> Path:
    session = new_session(
        title="Tolv",
        date="2026-11-23",
        exercises=[library.exercises["resistance"]],
        participants=[f"P{n}" for n in range(1, 13)],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="tolv",
    )
    path = session_path(session)
    save_session(session, path)
    return path


async def test_after_f4_from_the_last_one_a_digit_is_a_count(library: Library, data_dir: Path) -> None:
    path = _twelve(library)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = app.screen.query_one(ScoreGrid)
        await pilot.press("end", "f4")
        await until(pilot, lambda: screen.session.answers_for("resistance").mode == "tally", "tally mode")
        assert grid.cell_target() is not None, f"the cursor is on a figure: {grid.cursor_coordinate}"
        await pilot.press("2")
        await until(pilot, lambda: bool(screen.session.answers_for("resistance").tallies), "a count")
        assert load_session(path).answers_for("resistance").tallies == {"trust": {5: 2}}
