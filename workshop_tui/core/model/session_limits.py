"""What a session holds at most, and the checks of the values an edit of its scores brings.

Kept apart from ``session`` (the dataclass and its edits), which the storage codec, the
command line and the screens import these limits through as well (re-exported there).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from workshop_tui.core.model.exercise import Exercise
from workshop_tui.core.model.refusal import Missing, ScoreError

DEFAULT_MIN_ANSWERS = 3
"""Fewer answers than this to an item (or a vote, a placement) show no figure but n: a mean
or a distribution of two scores tells who gave what. A session may set its own (``min_answers``)."""
MAX_MIN_ANSWERS = 50
"""The highest minimum a session may set (more would hide every figure of any real room)."""
SESSION_TEXTS = (
    "id",
    "title",
    "date",
    "organisation",
    "facilitator",
    "language",
    "created",
    "updated",
    "follows",
)
"""The session's own texts, each refused when longer than a session file holds.

They are also a session file's header (``storage.session_codec.HEADER_KEYS``), in this
order: what a list of sessions reads without parsing the rest."""


def check_item(exercise: Exercise, item_id: str) -> None:
    """Refuse an item the exercise does not have, as a ``ScoreError`` (what an edit of a score raises)."""
    try:
        exercise.item(item_id)
    except Missing as error:
        raise ScoreError(error.code, **error.values) from None


def check_score(exercise: Exercise, score: int) -> None:
    """Refuse a score off the exercise's scale (or an exercise without one); a bool is no score."""
    scale = exercise.scale
    if scale is None:
        raise ScoreError("score.no_scale", exercise=exercise.id)
    if isinstance(score, bool) or not isinstance(score, int) or not scale.contains(score):
        raise ScoreError("score.off_scale", score=score, exercise=exercise.id, min=scale.min, max=scale.max)


def check_scores(
    exercise: Exercise, people: Collection[str], scores: Mapping[str, Mapping[str, int]]
) -> None:
    """Refuse a batch of scores (item id -> participant id -> score) unless every one can be kept.

    ``people`` are the session's participant ids; a score of a stranger is refused, as is
    an unknown item or a score off the scale, before anything of the batch is kept.
    """
    for item_id, row in scores.items():
        check_item(exercise, item_id)
        for participant_id, score in row.items():
            if participant_id not in people:
                raise ScoreError("participant.unknown", participant=participant_id)
            check_score(exercise, score)
