"""The profile beside the score grid shows every row it has: no dimension is cut off at the bottom."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.text_panel import FittedPanel

from .conftest import SIZE, app_for, until

LONG_PROFILES = ["leadership-actions", "welfare-development", "welfare-meaning", "welfare-relations"]
"""The library's grids whose profile is longest: each item, then each dimension's mean."""


async def test_a_profile_with_items_and_dimensions_is_shown_whole(library: Library, data_dir: Path) -> None:
    """Found by hand (explore17): at 120x36 leadership-actions' profile showed KURS and
    KOORDINERING but not COMMITMENT; the panel under the grid was at most 14 lines, the
    profile 15 (its title, 10 items, a blank line, 3 dimensions), and the last was cut off."""
    session = new_session(
        title="Profiler",
        date="2026-11-23",
        exercises=[library.exercises[e] for e in LONG_PROFILES],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1"],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="profiler",
    )
    for exercise_id in LONG_PROFILES:
        exercise = session.exercise(exercise_id)
        assert exercise.scale is not None
        for n, item in enumerate(exercise.scored_items):
            for p, person in enumerate(session.participants):
                score = exercise.scale.min + (n + p) % (exercise.scale.max - exercise.scale.min + 1)
                session = session.with_score(exercise_id, item.id, person.id, score)
    path = session_path(session)
    save_session(session, path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for exercise_id in LONG_PROFILES:
            screen.go_to(exercise_id)
            await until(pilot, lambda e=exercise_id: screen.current == e, exercise_id)  # type: ignore[misc]
            await pilot.pause()
            profile = screen.view.query_one("#profile", FittedPanel)
            await until(pilot, lambda p=profile: bool(str(p.content)), "the profile drawn")  # type: ignore[misc]
            lines = str(profile.content).rstrip("\n").count("\n") + 1
            shown = profile.content_region.intersection(screen.view.query_one("#grid-detail").content_region)
            assert shown.height >= lines, (exercise_id, str(profile.content))
