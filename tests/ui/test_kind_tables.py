"""The TUI's and the projector's tables keyed by kind name every kind, and each piece draws.

``views.VIEWS`` and ``projector_kinds.PROJECTOR`` are where a kind gets its screen and
its wall; a kind missing from either would fail only when a session used it.
"""

from __future__ import annotations

import io

from rich.console import Console

from workshop_tui.core.model import KINDS, Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.tui.screens.projector_kinds import PROJECTOR, projected, question_text
from workshop_tui.tui.views import VIEWS, view_for
from workshop_tui.tui.views.base import ExerciseView
from workshop_tui.tui.views.grid import GridView


def every_kind(library: Library) -> Session:
    """A session with one exercise of each kind from the library, and two participants."""
    first: dict[str, str] = {}
    for exercise in library.exercises.values():
        first.setdefault(exercise.kind, exercise.id)
    return new_session(
        title="Alle slags",
        date="2026-11-24",
        exercises=[library.exercises[i] for i in first.values()],
        participants=["Anne", "Bo"],
        groups=["Bord 1"],
        timestamp="2026-11-24T09:00:00+00:00",
    )


def plain(renderable: object) -> str:
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


def test_the_view_table_names_every_kind_and_makes_its_view(library: Library) -> None:
    assert set(VIEWS) == set(KINDS)
    session = every_kind(library)
    assert {x.kind for x in session.exercises.values()} == set(KINDS)
    for exercise in session.exercises.values():
        view = view_for(exercise, "da")
        assert isinstance(view, ExerciseView)
        assert isinstance(view, GridView) == exercise.is_scored, exercise.kind


def test_the_projector_table_names_every_kind_and_shows_its_question(library: Library) -> None:
    assert set(PROJECTOR) == set(KINDS)
    session = every_kind(library)
    for exercise in session.exercises.values():
        asked = question_text(exercise, "da").plain
        assert asked and asked == asked.rstrip(), exercise.kind
        wall = " ".join(plain(projected(session, exercise, "da", 100, 40)).split())
        assert " ".join(asked.splitlines()[0].split()) in wall, exercise.kind
