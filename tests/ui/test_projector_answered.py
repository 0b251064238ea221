"""The wall's "n of N have answered" line is true of every item, not just of some.

Found by hand (explore14): "30 of 30 have answered" on the projector while most items
still read "no answers yet", since anyone with one score counted as answered.
"""

from __future__ import annotations

import pytest

from workshop_tui.core.model import Session
from workshop_tui.tui.screens.projector_kinds import _progress


@pytest.mark.parametrize(
    ("lang", "some", "done"),
    [
        ("en", "4 of 4 have answered, 0 every item", "4 of 4 have answered"),
        ("da", "4 af 4 har svaret, 0 på alle punkter", "4 af 4 har svaret"),
    ],
)
def test_the_answered_line_says_how_many_answered_every_item(
    small_session: Session, lang: str, some: str, done: str
) -> None:
    exercise = small_session.exercise("resistance")
    people = [p.id for p in small_session.participants]
    session = small_session
    for pid in people:
        session = session.with_score("resistance", exercise.scored_items[0].id, pid, 3)
    assert _progress(session, exercise, lang).plain == some
    for pid in people:
        for item in exercise.scored_items:
            session = session.with_score("resistance", item.id, pid, 4)
    assert _progress(session, exercise, lang).plain == done
