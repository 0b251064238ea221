"""How far an exercise has come (not started, in progress, done), judged from its answers.

Kept apart from ``session`` (the dataclass and its edits): the rule of who counts as
expected to answer is its own, and ``Session.status`` only hands it the session's parts.
"""

from __future__ import annotations

from typing import Literal

from workshop_tui.core.model.answers import ExerciseAnswers
from workshop_tui.core.model.exercise import Exercise
from workshop_tui.core.model.people import Group, Participant, late_ids, typed_for

Status = Literal["not_started", "in_progress", "done"]


def exercise_status(
    exercise: Exercise,
    answers: ExerciseAnswers,
    participants: tuple[Participant, ...],
    groups: tuple[Group, ...],
) -> Status:
    """The status of ``exercise`` given its ``answers`` and the room (``Session.status``)."""
    if answers.is_empty:
        return "not_started"
    # A phone that joined during the seminar counts only for the exercises it answered.
    # Who answered is gathered only when phones joined: every save judges the progress
    # of the exercise it changed (``storage.seal``), and a grid's answerers are its cells.
    # So does a participant added after this exercise was done (``late_ids``): a latecomer
    # does not undo the room's finished work.
    people = typed_for(participants)
    late = late_ids(participants, exercise.id)
    if late:
        people = people - late
    if len(people) < len(participants):
        answered = answers.answerers
        people = people | {p.id for p in participants if (p.by_phone or p.id in late) and p.id in answered}
    done = exercise.body.done(exercise, answers, people, tuple(g.id for g in groups))
    return "done" if done else "in_progress"
