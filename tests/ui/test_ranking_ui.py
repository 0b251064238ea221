"""Pilot test of the ranking kind: places typed into its view, a place moved, the wall's figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for

RANKING = "challenges-ranking"


@pytest.fixture
def ranking_room(library: Library, data_dir: Path) -> Path:
    """Three named people and the ranking of the seven challenges, unanswered."""
    session = new_session(
        title="Rangordning",
        date="2026-12-02",
        exercises=[library.exercises[RANKING]],
        participants=["Anne", "Bo", "Cecilie"],
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="rangordning",
    )
    path = session_path(session)
    save_session(session, path)
    return path


async def test_places_are_typed_moved_and_projected_as_mean_ranks(ranking_room: Path) -> None:
    app = app_for(ranking_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.current == RANKING
        # Row by row, one place per person (a digit scores the cell and moves on to the next
        # participant, after the last one to the next row's first).
        await pilot.press("1", "1", "2", "2", "3", "1", "3", "2", "3")
        scores = screen.session.answers_for(RANKING).scores
        assert scores == {
            "silo": {"p1": 1, "p2": 1, "p3": 2},
            "value-chain": {"p1": 2, "p2": 3, "p3": 1},
            "resources": {"p1": 3, "p2": 2, "p3": 3},
        }
        # Cecilie gives "resources" her first place: "value-chain" loses it.
        await pilot.press("up", "right", "right", "1")
        scores = screen.session.answers_for(RANKING).scores
        assert scores["resources"]["p3"] == 1 and "p3" not in scores["value-chain"]
        grid = screen.view.query_one(ScoreGrid)  # type: ignore[union-attr]
        assert str(grid.get_cell("value-chain", "p3")).strip() in ("", "·")
        assert load_session(ranking_room).answers_for(RANKING).scores == scores
        await pilot.press("f2")
        assert isinstance(app.screen, ProjectorScreen)
        shown = app.screen.content_text()
        assert "silo-tænkning" in shown and "1,3" in shown  # silo's mean rank, 4/3
        assert "Anne" not in shown


async def test_the_grid_s_profile_lists_the_first_place_first(ranking_room: Path) -> None:
    """explore21: the grid's profile ordered a ranking by mean place, highest first, so its top
    line was the challenge ranked last (the export's Rang 7) with the longest bar; a ranking's
    profile now reads in place order, as the export ranks it."""
    from workshop_tui.tui.views.grid_panels import profile_text

    app = app_for(ranking_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        # silo: places 3, 3, 3; value-chain: 2, 2, 2; resources: 1, 1, 1.
        await pilot.press("3", "3", "3", "2", "2", "2", "1", "1", "1")
        await pilot.pause()
        grid = screen.view.query_one(ScoreGrid)  # type: ignore[union-attr]
        text = profile_text(screen.view.exercise, screen.session, grid.stats, "da", 80)  # type: ignore[union-attr]
    assert text is not None
    lines = [line for line in text.plain.splitlines()[1:] if line.strip()]
    assert "Hvordan får vi" in lines[0] and "værdikæde" in lines[1] and "silo" in lines[2], lines
