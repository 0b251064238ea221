"""The edits a key on the score grid asks for, each decided on the session it is applied to.

Keys on the grid arrive faster than their edits are applied and shown: three quick ``+``
used to read the same shown count three times and set 14 three times. So an edit that
depends on what is already there (a tally one up, the dots a person has left) reads it
from the session handed to the edit, which holds every earlier key's result, and a
refusal is raised from there (the screen shows it as a warning and changes nothing).
"""

from __future__ import annotations

from collections.abc import Callable

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.votes import VoteBody
from workshop_tui.core.model import Exercise, Position, Session, rules
from workshop_tui.core.model.people import tally_left, tally_room

Edit = Callable[[Session], Session]


def score_edit(exercise_id: str, item_id: str, participant: str, score: int | None, after: Position) -> Edit:
    """Set a score and, in the same save, the cursor's next cell.

    The cursor's place is otherwise saved a moment after it stops moving; a kill while
    scoring then reopened the grid a few cells behind the last saved score, and the next
    scores went over earlier ones.
    """
    return lambda session: session.with_score(exercise_id, item_id, participant, score, position=after)


def dots_edit(
    exercise: Exercise, item_id: str, participant: str, dots: int | None, after: Position, lang: str
) -> Edit:
    """Put ``dots`` of a participant's dots on one option, refused beyond their dots left."""
    votes = exercise.body_as(VoteBody).votes

    def edit(session: Session) -> Session:
        used = rules.dots_used(session.answers_for(exercise.id), participant, skip=item_id)
        if dots and (dots > votes.max_per_item or used + dots > votes.dots):
            person = session.participant(participant)
            who = person.label if person else participant
            reason = t("tui.vote.dots_left", lang, who=who, left=votes.dots - used, dots=votes.dots)
            if dots > votes.max_per_item:
                reason = t("tui.vote.per_item", lang, n=votes.max_per_item).lstrip(", ")
            raise ValueError(reason)
        return score_edit(exercise.id, item_id, participant, dots, after)(session)

    return edit


def tally_edit(
    exercise_id: str, item_id: str, score: int, lang: str, *, count: int | None = None, delta: int = 0
) -> Edit:
    """Set a tally to ``count``, or move it by ``delta``; refused above the people in its room.

    A tally is how many people gave ``score``: more than are in the room is a typing
    slip (an extra ``+``, or 1 then 2 meant as two counts). Lowering a count that is
    already too high is allowed, so an old slip can be mended. The room is the one the
    progress counts (``people.tally_room``): a place added after the exercise was done
    is not in it. Each person gives an item one score, so the item's counts over all its
    scores may not pass the room either (``people.tally_left``): 3 at 1 and 3 at 2 in a room of
    3 made the wall say "6 af 6".
    """

    def edit(session: Session) -> Session:
        current = session.answers_for(exercise_id).tallies.get(item_id, {}).get(score, 0)
        new = max(0, current + delta) if count is None else count
        people = tally_room(session.participants, exercise_id)  # as the progress counts them
        if people and new > current:
            if new > people:
                raise ValueError(t("tui.tally.too_many", lang, count=new, n=people))
            row = session.answers_for(exercise_id).tallies.get(item_id, {})
            left = tally_left(row, score, people)
            if new > left:  # the item's counts over all scores would pass the room
                total = people - left + new
                raise ValueError(
                    t("counts.tally.over_room", lang, count=new, total=total, n=people, left=left)
                )
        return session.with_tally(exercise_id, item_id, score, new)

    return edit
