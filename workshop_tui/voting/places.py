"""Which participant of the room a phone becomes: phones take the room's places, never add columns.

A session has its participants (P1…P14 for fourteen people); a phone that joins takes one
of them, so the grid, the counts and the exports hold the people in the room and nobody
twice. The rule, in order:

1. only an anonymous participant (no name) that no other device holds is free;
2. of those, the first (in the session's order) that has no scores at all is taken;
3. else the first with no scores in the exercise whose round is open;
4. else there is no place: the phone is refused and the facilitator is told, and can add
   a participant (the voting panel's +).

While groups write the exercise on show, a new phone joins as a writing device and takes
no place (``Desk.join``); it takes one by this rule only when it votes (``Desk.seat``).

A participant whose scores the facilitator typed in an exercise keeps them: its phone is
neither shown them nor may change them (see ``Desk.ballot``). Sessions from before this
rule have phones as participants ``V1``, ``V2``…; those keep voting as they did.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from workshop_tui.core.model import Participant, Session


def scored_by(session: Session, exercise_id: str | None = None) -> set[str]:
    """The participants with at least one score (in one exercise, or in any)."""
    answers = [session.answers_for(exercise_id)] if exercise_id else list(session.answers.values())
    return {pid for a in answers for pid in a.answerers}


def open_places(session: Session, held: Collection[str]) -> list[Participant]:
    """The anonymous participants that no device holds, in the session's order."""
    return [p for p in session.participants if not p.name and p.id not in held]


def free_places(session: Session, held: Collection[str], exercise_id: str | None) -> list[str]:
    """The participants a new phone could take, in the order it takes them (the rule above)."""
    places = open_places(session, held)
    anywhere = scored_by(session)
    first = [p.id for p in places if p.id not in anywhere]
    if exercise_id is None:
        return first
    here = scored_by(session, exercise_id)
    return first + [p.id for p in places if p.id in anywhere and p.id not in here]


def free_place(session: Session, held: Collection[str], exercise_id: str | None) -> str | None:
    """The participant a new phone takes, by the rule above, or None when no place is free."""
    places = free_places(session, held, exercise_id)
    return places[0] if places else None


def next_anonymous_id(session: Session) -> str:
    """An id for one more anonymous participant: ``p<n>`` after the highest number in use."""
    taken = {p.id for p in session.participants}
    number = len(session.participants) + 1
    while f"p{number}" in taken:
        number += 1
    return f"p{number}"


def late_place(session: Session) -> Participant:
    """One more anonymous participant for a late phone (the panel's +), late for what is done.

    The exercises already done when the place is added are recorded on it
    (``Participant.late_for``), so the latecomer does not make them incomplete again: the
    progress in the home list, ``workshop sessions`` and the palette stays as the room left it.
    """
    done = frozenset(exercise for exercise in session.agenda if session.status(exercise) == "done")
    return Participant(next_anonymous_id(session), late_for=done)


def removable_place(session: Session, held: Collection[str]) -> str | None:
    """The last participant, when it can go without losing anything: anonymous, no phone, no score."""
    if not session.participants:
        return None
    last = session.participants[-1]
    if last.name or last.id in held or last.id in scored_by(session):
        return None
    return last.id


def without_place(session: Session, participant_id: str) -> Session:
    """The session without the last participant ``participant_id`` (see ``removable_place``).

    Raises:
        ValueError: it is not the last participant, or it has a name or scores.
    """
    if removable_place(session, ()) != participant_id:
        raise ValueError(f"participant {participant_id!r} has answers or is not the last one")
    return replace(session, participants=session.participants[:-1])
