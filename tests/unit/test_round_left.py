"""A voting round that brought nothing gives back the results it hid (``with_round_left``)."""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.core.model import ExerciseAnswers

SHOWN = ExerciseAnswers(scores={"trust": {"p1": 3}})
REVEALED = ExerciseAnswers(scores={"trust": {"p1": 3}}, blind=True, revealed=True)
NEVER_SHOWN = ExerciseAnswers(scores={"trust": {"p1": 3}}, blind=True)


def test_a_round_that_brought_nothing_gives_back_what_it_found() -> None:
    for found in (SHOWN, REVEALED, NEVER_SHOWN, ExerciseAnswers()):
        assert found.with_voting_round().with_round_left(found) == found


def test_a_vote_in_the_round_keeps_the_results_hidden_until_revealed() -> None:
    voted = REVEALED.with_voting_round().with_score("trust", "p2", 4)
    left = voted.with_round_left(REVEALED)
    # The same answers, without the note of what the round hid (``round_hid``: the round is left).
    assert left == replace(voted, round_hid="") and left.blind and not left.revealed


def test_results_revealed_in_the_round_stay_as_the_facilitator_left_them() -> None:
    revealed_now = SHOWN.with_voting_round().with_revealed(True)
    assert revealed_now.with_round_left(SHOWN) is revealed_now
