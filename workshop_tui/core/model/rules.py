"""The refusal every answer rule raises, and the one figure the vote rules and the grid share.

The rules themselves live with their kinds (:mod:`workshop_tui.core.kinds`): the model asks
an exercise's body (``Exercise.body``) what an edit may do, so the session's edits and the
session file's validation refuse exactly the same things.
"""

from __future__ import annotations

from workshop_tui.core.model.answers import ExerciseAnswers
from workshop_tui.core.model.refusal import ScoreError

__all__ = ["ScoreError", "dots_used"]


def dots_used(answers: ExerciseAnswers, participant_id: str, *, skip: str = "") -> int:
    """How many dots a participant has placed, leaving out option ``skip``."""
    return sum(row.get(participant_id, 0) for item_id, row in answers.scores.items() if item_id != skip)
