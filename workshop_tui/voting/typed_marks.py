"""Scores the facilitator typed over a phone's answer: marking them, holding them, and the roll
read while voting is closed.

A typed-over answer stands as typed: the phone may no longer change it (409 ``typed_over``), and
is shown it marked "set by the facilitator". The rules were the desk's; they are here so a score
typed while voting is closed is marked too (``ClosedRoll``): it was not, and the phone changed
the facilitator's correction the moment voting opened again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.voting.roll import Roll, score_of

if TYPE_CHECKING:
    from workshop_tui.core.model import Session


def mark_typed_over(
    roll: Roll, session: Session, participant_id: str, exercise_id: str, item_id: str
) -> bool:
    """Mark the answer of ``participant_id`` to an item as typed by the facilitator when its phone
    answers the exercise; True the first time (per item): the caller saves the roll and warns.

    ``session`` is still the phone's: its score is kept with the mark, so an undo that puts it
    back takes the mark off (``Roll.unmark``).
    """
    if session.participant(participant_id) is None or not roll.has_voted(participant_id, exercise_id):
        return False
    phone_score = score_of(session, participant_id, exercise_id, item_id)
    return roll.mark_typed(participant_id, exercise_id, item_id, phone_score)


def typed_over_changed(
    roll: Roll,
    session: Session,
    participant_id: str,
    exercise_id: str,
    scores: dict[str, Any],
    *,
    whole: bool,
) -> bool:
    """Whether a phone's vote would change an answer the facilitator typed over its phone's.

    The facilitator's score stands (a correction said aloud in the room: "I meant 4"); a later
    send from the phone, made on the page as it was, silently put the old answer back. The same
    answer sent again (the page shows the typed one) passes.
    """
    typed = roll.typed_items(participant_id, exercise_id)
    if not typed:
        return False
    rows = session.answers_for(exercise_id).scores
    for item_id in typed:
        now = rows.get(item_id, {}).get(participant_id)
        sent = scores.get(item_id, now if not whole else None)
        if sent != now:
            return True
    return False


class ClosedRoll:
    """The session file's roll of phones while voting is closed, read only when it changed on disk.

    Typing is checked against it key by key, so it costs a ``stat`` when nothing changed; a
    roll that cannot be read is left alone (opening voting deals with it, ``Roll.load``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._roll: Roll | None = None
        self._seen: tuple[int, int, int] | None = None

    def read(self) -> None:
        """Read the roll now, if it is on disk and not read yet (after opening: ``voting_marks.prepare``)."""
        self._current()

    def _current(self) -> Roll | None:
        try:
            info = self.path.stat()
        except OSError:
            self._roll, self._seen = None, None
            return None
        seen = (info.st_ino, info.st_size, info.st_mtime_ns)
        if seen != self._seen:
            roll, problem = Roll.load(self.path, set_aside=False)
            self._roll, self._seen = (None if problem is not None else roll), seen
        return self._roll

    def _save(self, roll: Roll) -> bool:
        try:
            roll.save(self.path)
            info = self.path.stat()
        except (SessionWriteError, OSError):
            self._roll, self._seen = None, None
            return False
        self._seen = (info.st_ino, info.st_size, info.st_mtime_ns)
        return True

    def type_over(self, session: Session, participant_id: str, exercise_id: str, item_id: str) -> bool:
        """``mark_typed_over`` on the roll on disk, saved at once; True when it marked (warn then)."""
        roll = self._current()
        if roll is None or not mark_typed_over(roll, session, participant_id, exercise_id, item_id):
            return False
        return self._save(roll)

    def undone(self, before: Session, after: Session) -> list[str]:
        """``Roll.unmark`` on the roll on disk, saved when a mark changed; the places it unmarked."""
        roll = self._current()
        if roll is None:
            return []
        changed = roll.unmark(before, after)
        if changed:
            self._save(roll)
        return changed
