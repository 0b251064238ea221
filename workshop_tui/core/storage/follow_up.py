"""A follow-up session: the same room and programme as an earlier one, last time's actions to review.

Apart from ``storage.series`` (which only reads the listing), so that listing a folder's
series loads no kind of exercise: ``workshop sessions`` stays quick.
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.core.kinds.action_review import ReviewBody, review_of
from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.model.refusal import Refused
from workshop_tui.core.storage.sessions import new_session

REVIEW_EXERCISE = "action-review"
"""The library's review exercise (``action_review``) a follow-up opens with."""


def follow_up(
    earlier: Session,
    *,
    title: str,
    date: str,
    timestamp: str | None = None,
    session_id: str | None = None,
    review: Exercise | None = None,
) -> Session:
    """A new session following ``earlier``: its participants, groups and programme, no answers.

    The same leader group meets again, so the room and the agenda are the starting point
    (each exercise's own copy included, so the new file opens alone); the id, date and
    times are new, and nothing answered, noted or timed last time is carried over.
    Phones that joined last time (V1, V2…) are left out: the phones of the day join anew.

    ``review`` (the library's ``action_review`` exercise) opens the day with last time's
    open actions (``action_review.review_of``), in place of the earlier day's own review.

    Raises:
        Refused: ``date`` is before ``earlier``'s (the same day is allowed).
    """
    if date < earlier.date:  # both ISO dates
        # Listed and trended by date, a day made "today" after the demo's follow-up (20 January
        # 2027) came before the day it follows, and "change since last" read backwards.
        raise Refused("follow_up.before", earlier=earlier.date)
    exercises = [earlier.exercises[e] for e in earlier.agenda]
    if review is not None:
        filled = review_of(review, earlier)
        kept = [e for e in exercises if e.body_if(ReviewBody) is None and e.id != filled.id]
        exercises = [filled, *kept] if filled.body_as(ReviewBody).actions else kept
    fresh = new_session(
        title=title,
        date=date,
        exercises=exercises,
        participants=0,
        organisation=earlier.organisation,
        facilitator=earlier.facilitator,
        language=earlier.language,
        timestamp=timestamp,
        session_id=session_id,
    )
    # A latecomer of last time is there from the start of this day: what they came late for
    # was that day's exercises (``Participant.late_for``), which start again empty here.
    people = tuple(replace(p, late_for=frozenset()) for p in earlier.participants if not p.by_phone)
    return replace(
        fresh, participants=people, groups=earlier.groups, follows=earlier.id, min_answers=earlier.min_answers
    )
