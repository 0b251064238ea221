"""One view per kind of exercise; each shows an exercise of the session it is given."""

from __future__ import annotations

from workshop_tui.core.model import Exercise
from workshop_tui.tui.views.base import ExerciseView


def view_for(exercise: Exercise, lang: str) -> ExerciseView:
    """The view that runs this exercise's kind."""
    if exercise.is_scored:
        from workshop_tui.tui.views.grid import GridView

        return GridView(exercise, lang)
    if exercise.kind == "table":
        from workshop_tui.tui.views.table import TableView

        return TableView(exercise, lang)
    if exercise.kind == "reflection_sheet":
        from workshop_tui.tui.views.reflection import ReflectionView

        return ReflectionView(exercise, lang)
    from workshop_tui.tui.views.actions import ActionsView

    return ActionsView(exercise, lang)
