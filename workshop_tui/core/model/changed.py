"""Where two versions of a session's answers differ: what an undo or a redo just changed.

The undo history is the whole session's, so Ctrl+Z may take back a change made on another
exercise, or in another group's sheet, than the one on the screen: the screen then showed
nothing changing, and a facilitator pressed Ctrl+Z again, undoing more out of sight. So the
keeper says where its next undo (redo) would change (``SessionKeeper.next_undo``), ``shown_on``
decides whether the screen shows that place, and the app undoes only then; otherwise it names
the place to go to first (``tui/screens/session_actions.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from workshop_tui.core.model.answers import ExerciseAnswers
from workshop_tui.core.model.session import Session

PER_GROUP = ("texts", "closing", "actions", "challenge")
"""The parts of an exercise's answers that each group writes for itself."""


def changed_place(before: Session, after: Session) -> tuple[str, str] | None:
    """(exercise id, group id or "") of the first exercise whose answers differ, in agenda order.

    The group is the first whose own part (sheet texts, closing answer, actions, challenge)
    differs; "" when the change is not a group's (scores, tallies, blind). None: no answer
    differs (only the position, say).
    """
    empty = ExerciseAnswers()
    for exercise_id in after.agenda:
        old = before.answers.get(exercise_id, empty)
        new = after.answers.get(exercise_id, empty)
        if old is new or old == new:
            continue
        for group in after.groups:
            for part in PER_GROUP:
                old_part: Mapping[str, object] = getattr(old, part)
                new_part: Mapping[str, object] = getattr(new, part)
                if old_part.get(group.id) != new_part.get(group.id):
                    return exercise_id, group.id
        return exercise_id, ""
    return None


Place = tuple[str, str]
"""(exercise id, group id or ""): where a change to the answers is (``changed_place``)."""


def shown_on(place: Place | None, exercise_id: str, group_id: str | None) -> bool:
    """Whether a change at ``place`` is on a screen showing ``exercise_id``.

    ``group_id``: the one group whose part the screen shows (a sheet, Ctrl+G to the next),
    or None for a screen that shows every group's part at once (the grid, the review). A
    change no exercise holds (``place`` None: the groups renamed, say) counts as shown:
    there is nowhere else to go for it.
    """
    if place is None:
        return True
    exercise, group = place
    return exercise == exercise_id and (group_id is None or group in ("", group_id))
