"""Every kind finds its TUI view and its projector piece, and each piece draws.

``views.VIEWS`` and ``projector_kinds.PROJECTOR`` are where a kind gets its screen and
its wall, or else its own view module (``tui/views/<kind>.py``); a kind with neither
would fail only when a session used it.
"""

from __future__ import annotations

import io
import sys
from types import ModuleType

import pytest
from rich.console import Console

from workshop_tui.core.model import KINDS, Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.tui.screens.projector_kinds import PROJECTOR, Piece, piece_of, projected, question_text
from workshop_tui.tui.views import VIEWS, own_module, view_for, view_maker
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


def test_every_kind_finds_its_view_and_its_piece() -> None:
    for kind in KINDS:
        assert callable(view_maker(kind)), kind  # type: ignore[arg-type]
        assert isinstance(piece_of(kind), Piece), kind  # type: ignore[arg-type]
    # Every kind has its line in both tables, but the ranking and the action review, which bring their own.
    assert set(VIEWS) == set(PROJECTOR) == set(KINDS) - {"ranking", "action_review"}
    assert own_module("action_review").View is not None and own_module("action_review").PIECE is not None
    assert own_module("ranking").View is not None and own_module("ranking").PIECE is not None


def test_a_kind_with_its_own_view_module_is_found_by_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    own = ModuleType("workshop_tui.tui.views.made_up")
    own.View = GridView  # type: ignore[attr-defined]
    own.PIECE = PROJECTOR["rating_grid"]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, own.__name__, own)
    assert view_maker("made_up") is GridView  # type: ignore[arg-type]
    assert piece_of("made_up") is PROJECTOR["rating_grid"]  # type: ignore[arg-type]
    with pytest.raises(ModuleNotFoundError):
        view_maker("no_such_kind")  # type: ignore[arg-type]


def test_every_kind_makes_its_view(library: Library) -> None:
    session = every_kind(library)
    assert {x.kind for x in session.exercises.values()} == set(KINDS)
    for exercise in session.exercises.values():
        view = view_for(exercise, "da")
        assert isinstance(view, ExerciseView)
        assert isinstance(view, GridView) == exercise.is_scored, exercise.kind


def test_every_kind_shows_its_question_on_the_wall(library: Library) -> None:
    session = every_kind(library)
    for exercise in session.exercises.values():
        asked = question_text(exercise, "da").plain
        assert asked and asked == asked.rstrip(), exercise.kind
        wall = " ".join(plain(projected(session, exercise, "da", 100, 40)).split())
        assert " ".join(asked.splitlines()[0].split()) in wall, exercise.kind
