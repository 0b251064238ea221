"""The grid, the projector and the exports show the same highlights: one rule, read everywhere.

A session with a tie at the cut and one with only three answered items, the two
cases where the four copies of the "top items" rule used to disagree.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.screens.projector import projected
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


def _scored(session: Session, item: str, scores: list[int]) -> Session:
    for n, score in enumerate(scores, start=1):
        session = session.with_score("tension-fields", item, f"p{n}", score)
    return session


def _room(library: Library, means: dict[str, list[int]]) -> Path:
    session = new_session(
        title="Enighed",
        date="2026-11-23",
        exercises=[library.exercises["tension-fields"]],
        participants=4,
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="enighed",
    )
    for item, scores in means.items():
        session = _scored(session, item, scores)
    path = session_path(session)
    save_session(session, path)
    return path


def _marks_in_projector(session: Session) -> dict[str, str]:
    exercise = session.exercise("tension-fields")
    console = Console(width=110, record=True, file=io.StringIO())
    console.print(projected(session, exercise, "da", 110, 40))
    lines = console.export_text().splitlines()
    found = {}
    for item in exercise.items:
        line = next(line for line in lines if item.text.da[:20] in line)
        mark = line.strip()[:1]
        found[item.id] = mark if mark in "▲▼" else ""
    return found


async def _check(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    session = load_session(path)
    part = build_summary(session).exercise("tension-fields").scored
    assert part is not None
    expected = {i: "▲" for i in part.top} | {i: "▼" for i in part.bottom}
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(ScoreGrid)
        shown = {i.id: grid.highlights.mark(i.id) for i in grid.items}
        assert {k: v for k, v in shown.items() if v} == expected
        for item in grid.items:
            label = str(grid.get_cell(item.id, "item"))
            assert label.strip().startswith(expected[item.id]) if item.id in expected else "▲" not in label
    projected = _marks_in_projector(session)
    assert {k: v for k, v in projected.items() if v} == expected
    return part.top, part.bottom


async def test_a_tie_at_the_cut_is_in_everywhere(library: Library, data_dir: Path) -> None:
    # Tension is negative: lower is better. methods 1 best; division/silo tie for second;
    # formal-barriers and cultures tie for third... with goals worst.
    path = _room(
        library,
        {
            "methods": [1, 1, 1, 1],
            "division-of-labour": [2, 2, 2, 2],
            "silo-budget": [3, 3, 3, 3],
            "formal-barriers": [3, 3, 3, 3],
            "cultures": [4, 4, 4, 4],
            "goals": [5, 5, 5, 5],
        },
    )
    top, bottom = await _check(path)
    assert top == ("methods", "division-of-labour", "silo-budget", "formal-barriers")
    assert bottom == ("goals", "cultures")


async def test_three_answered_items_mark_nothing_anywhere(library: Library, data_dir: Path) -> None:
    path = _room(library, {"methods": [1, 1, 1], "goals": [5, 5, 5], "cultures": [3, 3, 3]})
    assert await _check(path) == ((), ())
