"""One view per kind of exercise; each shows an exercise of the session it is given.

``VIEWS`` is the TUI's table keyed by kind: the one place that says which view runs
which kind (a test checks that it names every kind of ``Kind``). A new kind adds its
view module and one line here. The views are imported when first asked for, so the
app starts without loading the views a session does not use.
"""

from __future__ import annotations

from collections.abc import Callable
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


def view_for(exercise: Exercise, lang: str) -> ExerciseView:
    """The view that runs this exercise's kind."""
    return VIEWS[exercise.kind](exercise, lang)
