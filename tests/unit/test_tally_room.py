"""A typed tally may count as many people as the progress says are in its room (``people.tally_room``).

product24: the guard "12 er flere end de 11 deltagere" used every participant, also a place
added for a late phone after the exercise was done, so a finished exercise's tally could
reach one more than its "n af N har svaret" said were there.
"""

from __future__ import annotations

import pytest

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Participant, Session
from workshop_tui.core.model.people import tally_room
from workshop_tui.core.results.figures import answered
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.tui.views.grid_edits import tally_edit
from workshop_tui.voting.places import late_place


def _late(library: Library) -> Session:
    """Three people; the first exercise done in tally mode, then a late phone's place (P4)."""
    first, second = library.exercises["resistance"], library.exercises["closing-rating"]
    session = new_session(title="Sen", date="2026-12-04", exercises=[first, second], participants=3)
    for exercise in (first, second):
        session = session.with_mode(exercise.id, "tally")
    for item in first.scored_items:
        session = session.with_tally(first.id, item.id, 3, 3)
    assert session.status(first.id) == "done"
    later = session.with_participant(late_place(session))
    assert later.participants[-1].late_for == {first.id}
    return later


def test_a_finished_exercises_tally_counts_no_late_place(library: Library) -> None:
    session = _late(library)
    first, second = session.agenda
    item = session.exercise(first).scored_items[0].id
    assert tally_room(session.participants, first) == 3 == answered(session, first)[1]
    with pytest.raises(ValueError) as refused:
        tally_edit(first, item, 3, "da", delta=1)(session)  # 3 -> 4: more than the 3 counted
    assert str(refused.value) == t("tui.tally.too_many", "da", count=4, n=3)
    assert tally_edit(first, item, 3, "da", count=3)(session).answers_for(first).tallies[item][3] == 3


def test_the_exercise_still_going_counts_the_latecomer(library: Library) -> None:
    session = _late(library)
    second = session.agenda[1]
    item = session.exercise(second).scored_items[0].id
    assert tally_room(session.participants, second) == 4
    after = tally_edit(second, item, 2, "da", count=4)(session)
    assert after.answers_for(second).tallies[item][2] == 4
    assert answered(after, second) == (4, 4)
    with pytest.raises(ValueError):
        tally_edit(second, item, 2, "da", count=5)(session)


def test_phones_are_not_counted_by_a_tally(library: Library) -> None:
    """As the progress: a tally belongs to nobody, so only those typed for are its room."""
    session = new_session(
        title="Tlf", date="2026-12-04", exercises=[library.exercises["commitment"]], participants=2
    )
    session = session.with_participant(Participant("v1"))
    assert tally_room(session.participants, session.agenda[0]) == 2
