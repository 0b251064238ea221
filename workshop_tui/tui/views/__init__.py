"""One view per kind of exercise; each shows an exercise of the session it is given.

``VIEWS`` is the TUI's table keyed by kind: it says which view runs which kind. A kind
that is not in it has a view module of its own named after it (``tui/views/<kind>.py``),
whose ``View`` runs it and whose ``PIECE`` is how the projector shows it; so a new kind
adds that one module and nothing here (see ``docs/kinds.md``, "Shells"). A test checks
that every kind of ``Kind`` finds its view. The views are imported when first asked
for, so the app starts without loading the views a session does not use.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from workshop_tui.core.model import Exercise
from workshop_tui.core.model.exercise import Kind

if TYPE_CHECKING:
    from workshop_tui.tui.views.base import ExerciseView

MakeView = Callable[[Exercise, str], "ExerciseView"]


def _grid(exercise: Exercise, lang: str) -> ExerciseView:
    from workshop_tui.tui.views.grid import GridView

    return GridView(exercise, lang)


def _reflection(exercise: Exercise, lang: str) -> ExerciseView:
    from workshop_tui.tui.views.reflection import ReflectionView

    return ReflectionView(exercise, lang)


def _actions(exercise: Exercise, lang: str) -> ExerciseView:
    from workshop_tui.tui.views.actions import ActionsView

    return ActionsView(exercise, lang)


def _table(exercise: Exercise, lang: str) -> ExerciseView:
    from workshop_tui.tui.views.table import TableView

    return TableView(exercise, lang)


VIEWS: dict[Kind, MakeView] = {
    # Every kind whose answers are scores is typed into the score grid.
    "rating_grid": _grid,
    "scale": _grid,
    "statement_diagnostic": _grid,
    "bipolar": _grid,
    "paired_rating": _grid,
    "two_axis": _grid,
    "single_choice": _grid,
    "dot_vote": _grid,
    "reflection_sheet": _reflection,
    "action_list": _actions,
    "table": _table,
}
"""Kind -> the function that makes its view."""


def own_module(kind: str) -> ModuleType:
    """The view module of a kind that is not in ``VIEWS``: ``tui/views/<kind>.py``.

    Raises:
        ModuleNotFoundError: the kind has neither a line in ``VIEWS`` nor a module (the
            table test rules this out).
    """
    return import_module(f"{__name__}.{kind}")


def view_maker(kind: Kind) -> MakeView:
    """What makes the view of ``kind``: its line in ``VIEWS``, or its own module's ``View``."""
    found = VIEWS.get(kind)
    if found is None:
        made: MakeView = own_module(kind).View
        return made
    return found


def view_for(exercise: Exercise, lang: str) -> ExerciseView:
    """The view that runs this exercise's kind."""
    return view_maker(exercise.kind)(exercise, lang)
