"""The grid's vote line and the wall's count come from one rule (``figures.still_to_answer``).

product24: the grid counted its "Har stemt: n af N (mangler: …)" itself beside the wall's
"n af N har svaret" and rings; both now read the core's figures, so a phone that joined and
never voted, or a place added after the vote was done, is missing on both or on neither.
"""

from __future__ import annotations

import pytest

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Participant, Session
from workshop_tui.core.results.figures import answered, answered_marks, still_to_answer
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.tui.views.grid_panels import _progress


def _vote(library: Library) -> Session:
    """Two typed people (P1 voted, P2 not), phone V1 voted, phone V2 joined and never voted."""
    session = new_session(
        title="Valg",
        date="2026-12-04",
        exercises=[library.exercises["grint-problem-types"], library.exercises["commitment"]],
        participants=2,
    )
    for phone in ("v1", "v2"):
        session = session.with_participant(Participant(phone))
    vote = session.agenda[0]
    option = session.exercise(vote).items[0].id
    return session.with_score(vote, option, "p1", 1).with_score(vote, option, "v1", 1)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_grid_line_and_wall_count_agree(library: Library, lang: str) -> None:
    session = _vote(library)
    vote = session.agenda[0]
    exercise = session.exercise(vote)
    n, total = answered(session, vote)
    rings = answered_marks(session, vote).count(False)
    missing = still_to_answer(session, vote)
    assert (n, total, rings) == (2, 3, 1)
    assert [p.id for p in missing] == ["p2"]  # V2 never voted: missing on neither
    line = t("tui.vote.progress", lang, n=n, total=total)
    line += "  (" + t("tui.vote.missing", lang, who="P2") + ")"
    assert _progress(exercise, session, lang) == line


def test_a_place_added_after_the_vote_was_done_is_missing_on_neither(library: Library) -> None:
    session = _vote(library)
    vote = session.agenda[0]
    option = session.exercise(vote).items[0].id
    done = session.with_score(vote, option, "p2", 1)
    later = done.with_participant(Participant("p3", late_for=frozenset({vote})))
    assert answered(later, vote) == (3, 3) and still_to_answer(later, vote) == []
    assert _progress(later.exercise(vote), later, "da") == "Har stemt: 3 af 3"
