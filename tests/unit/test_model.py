"""The immutable model: edits return new values and refuse what the file format cannot hold."""

from __future__ import annotations

import dataclasses

import pytest

from workshop_tui.core.model import Action, Participant, Session
from workshop_tui.core.model.session import ScoreError


def test_edits_return_new_values_and_leave_the_old_one(small_session: Session) -> None:
    changed = small_session.with_score("resistance", "trust", "p1", 3)
    assert small_session.answers_for("resistance").is_empty
    assert changed.answers_for("resistance").scores == {"trust": {"p1": 3}}
    with pytest.raises(dataclasses.FrozenInstanceError):
        changed.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s.with_score("resistance", "trust", "p1", 0),
        lambda s: s.with_score("resistance", "trust", "p1", 6),
        lambda s: s.with_score("resistance", "trust", "p1", True),
        lambda s: s.with_score("resistance", "nope", "p1", 3),
        lambda s: s.with_score("resistance", "trust", "p99", 3),
        lambda s: s.with_score("sheet-42", "value", "p1", 3),
        lambda s: s.with_tally("resistance", "trust", 3, -1),
        lambda s: s.with_text("sheet-42", "g1", "9", "x"),
        lambda s: s.with_text("sheet-42", "g9", "1", "x"),
        lambda s: s.with_note("tension-fields", "methods", "x"),
        lambda s: s.with_closing("resistance", "g1", "x"),
        lambda s: s.with_action("sheet-45", "g1", 3, Action("x")),
        lambda s: s.with_action("sheet-42", "g1", 0, Action("x")),
        lambda s: s.with_facilitator_note("ghost", "x"),
    ],
)
def test_edits_that_the_file_could_not_hold_are_refused(small_session: Session, edit: object) -> None:
    with pytest.raises((ScoreError, KeyError)):
        edit(small_session)  # type: ignore[operator]


def test_commitment_ten_and_tallies(small_session: Session) -> None:
    s = small_session.with_score("commitment", "value", "p1", 10).with_tally("commitment", "value", 7, 3)
    answers = s.answers_for("commitment")
    assert answers.values_for("value") == [10]
    assert answers.with_mode("tally").values_for("value") == [7, 7, 7]


def test_clearing_everything_leaves_no_answers(small_session: Session) -> None:
    s = small_session.with_score("resistance", "trust", "p1", 3).with_score("resistance", "trust", "p1", None)
    assert s == small_session


def test_blind_reveal_cycle(small_session: Session) -> None:
    s = small_session.with_blind("resistance", True)
    assert not s.answers_for("resistance").results_visible
    s = s.with_revealed("resistance", True)
    assert s.answers_for("resistance").results_visible
    s = s.with_blind("resistance", True)
    assert not s.answers_for("resistance").results_visible


def test_a_voting_round_opens_blind_even_on_results_already_revealed(small_session: Session) -> None:
    shown = small_session.with_score("resistance", "trust", "p1", 3)
    revealed = shown.with_blind("resistance", True).with_revealed("resistance", True)
    blind = shown.with_blind("resistance", True)
    assert [s.answers_for("resistance").round_opening for s in (shown, revealed, blind)] == [
        "hidden",
        "hidden_again",
        "kept",
    ]
    for session in (shown, revealed, blind):
        answers = session.with_voting_round("resistance").answers_for("resistance")
        assert answers.blind and not answers.revealed and not answers.results_visible
        assert answers.scores == session.answers_for("resistance").scores  # nothing else changes


def test_status_and_progress(small_session: Session) -> None:
    assert small_session.status("resistance") == "not_started"
    s = small_session.with_score("resistance", "trust", "p1", 3)
    assert s.status("resistance") == "in_progress"
    for item in s.exercise("resistance").items:
        for person in ("p1", "p2", "p3"):
            s = s.with_score("resistance", item.id, person, 2)
    assert s.status("resistance") == "in_progress"  # p4 has not scored yet
    for item in s.exercise("resistance").items:
        s = s.with_score("resistance", item.id, "p4", 2)
    assert s.status("resistance") == "done"
    assert s.progress == (1, len(s.agenda))


def test_status_judged_again_as_rows_and_the_room_change(small_session: Session) -> None:
    """Judged on every save with rows and the room remembered: each change is still seen.

    The same rows judged for other people (a participant added, a phone that answered)
    and a row taken back to incomplete after it was judged complete.
    """
    s = small_session
    items = [item.id for item in s.exercise("resistance").items]
    for item in items:
        for person in ("p1", "p2", "p3", "p4"):
            s = s.with_score("resistance", item, person, 2)
    assert s.status("resistance") == "done"
    assert s.with_score("resistance", items[-1], "p4", None).status("resistance") == "in_progress"
    assert s.status("resistance") == "done"  # the same rows again, after another row was judged
    joined = s.with_participant(Participant(id="p5", name="Ny"))
    assert joined.status("resistance") == "in_progress"  # the same rows, one more person in the room
    assert s.status("resistance") == "done"
    phone = s.with_participant(Participant(id="v1"))
    assert phone.status("resistance") == "done"  # a phone counts only once it answered
    answered = phone.with_score("resistance", items[0], "v1", 3)
    assert answered.status("resistance") == "in_progress"
    for item in items[1:]:
        answered = answered.with_score("resistance", item, "v1", 3)
    assert answered.status("resistance") == "done"


def test_a_scores_copy_is_the_session_replace_would_make_and_holds_only_its_fields(
    small_session: Session,
) -> None:
    """``Session._changed`` copies the fields without ``__init__``: the same value, nothing more."""
    from workshop_tui.core.model import Position

    before = small_session.with_score("resistance", "trust", "p1", 2)
    position = Position("resistance", 0, 2, "")
    after = before.with_score("resistance", "trust", "p2", 4, position=position).touched(
        "2026-11-23T10:00:00"
    )
    answers = dataclasses.replace(
        before.answers["resistance"],
        scores={**before.answers["resistance"].scores, "trust": {"p1": 2, "p2": 4}},
    )
    expected = dataclasses.replace(
        before,
        answers={**before.answers, "resistance": answers},
        position=position,
        updated="2026-11-23T10:00:00",
    )
    assert after == expected
    names = {f.name for f in dataclasses.fields(Session)}
    assert vars(after).keys() == names and vars(after.answers["resistance"]).keys() == vars(answers).keys()
    assert before.answers["resistance"].scores["trust"] == {"p1": 2}  # the original is untouched
