"""A vote grid's header keeps "n" and the votes' heading apart at 80 columns.

At 80x24 the compact count column was as wide as "votes" (da "stem.", "prik."), so the
header read "nvotes" / "nstem." / "nprik." (found by hand, explore14).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import app_for


@pytest.mark.parametrize(
    ("exercise", "lang", "heading"),
    [
        ("grint-problem-types", "en", "votes"),
        ("grint-problem-types", "da", "stem."),
        ("challenges-dot-vote", "en", "dots"),
        ("challenges-dot-vote", "da", "prik."),
    ],
)
async def test_n_and_the_votes_heading_stay_apart_at_80_columns(
    library: Library, data_dir: Path, exercise: str, lang: str, heading: str
) -> None:
    session = new_session(
        title="Valg",
        date="2026-03-01",
        exercises=[library.exercises[exercise]],
        participants=6,
        language=lang,
    )
    path = session_path(session)
    save_session(session, path)
    app = app_for(path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        grid = screen.query_one(ScoreGrid)
        shown = "\n".join(strip.text for strip in screen._compositor.render_strips())
        assert f" n {heading}" in " ".join(shown.split()), shown
        assert f"n{heading}" not in shown
        assert grid.virtual_size.width <= grid.size.width  # nothing pushed past the edge
