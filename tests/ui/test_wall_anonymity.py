"""The wall holds back every kind's figures when too few answered, as the exports do.

The rating grids already did; the dot vote, the bipolar tracks and the two-axis map were
drawn from the raw answers, so two people's votes or places could be read off the wall.
The rule lives in the core (each summary part's ``too_few``); the projector only reads it.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import exercise_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.tui.screens.projector import projected

HELD_BACK = "for få svar til at vise"

# exercise id -> the rows each person answers (with the same score)
CASES = {
    "challenges-dot-vote": {"silo": 1},
    "us-and-them": {"us-them": 2},
    "psych-safety-zones": {"demands": 2, "safety": 4},
}


def _room(library: Library, exercise_id: str, people: int) -> Session:
    session = new_session(
        title="Væg",
        date="2026-12-02",
        exercises=[library.exercises[exercise_id]],
        participants=6,
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="vaeg",
    )
    for n in range(1, people + 1):
        for row, score in CASES[exercise_id].items():
            session = session.with_score(exercise_id, row, f"p{n}", score)
    return session.with_blind(exercise_id, False)


def _wall(session: Session, exercise_id: str) -> str:
    console = Console(width=110, record=True, file=io.StringIO())
    console.print(projected(session, session.exercise(exercise_id), "da", 110, 40))
    return " ".join(console.export_text().split())


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_two_answers_are_held_back_on_the_wall(library: Library, exercise_id: str) -> None:
    session = _room(library, exercise_id, 2)
    summary = exercise_summary(session, exercise_id, "da")
    part = summary.votes or summary.scored
    assert part is not None
    held = part.too_few if summary.votes is not None or part.placement is None else part.placement.too_few
    assert held == 2
    wall = _wall(session, exercise_id)
    assert f"{HELD_BACK} (2)" in wall
    assert "2 af 6 har svaret" in wall


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_three_answers_are_shown_on_the_wall(library: Library, exercise_id: str) -> None:
    session = _room(library, exercise_id, 3)
    wall = _wall(session, exercise_id)
    assert HELD_BACK not in wall
    assert "3 af 6 har svaret" in wall
