"""The results layer's remaining functions, one test each, against hand-computed cases.

``test_stats.py`` pins the statistics and the split rule, ``test_results.py`` the rules
(polarity, orientation, anonymity, highlights, change); this file pins the functions
they and every reader share: the mean of item means (an index), competition ranks, the reverse
turn, the ▲/▼ mark, who is named, votes, pairs and who has answered.
"""

from __future__ import annotations

import pytest

from workshop_tui.core.model import ExerciseAnswers, Scale, Session, Text
from workshop_tui.core.results.figures import (
    aligned,
    answered,
    answered_every,
    index_value,
    pair_gaps,
    responders,
    vote_totals,
    voters,
    winners,
)
from workshop_tui.core.results.rules import TOP_COUNT, challenges, mark, tied
from workshop_tui.core.results.stats import competition_ranks
from workshop_tui.core.results.summary import participant_labels
from workshop_tui.core.storage.library import Library

SCALE = Scale(1, 5, Text("lav"), Text("høj"), inferred=False)


def test_index_value_weighs_each_present_value_once() -> None:
    assert index_value([4.0, None, 2.0, 3.0]) == pytest.approx(3.0)
    assert index_value([None, None]) is None
    assert index_value([]) is None
    assert index_value([1.5]) == 1.5


def test_competition_ranks_share_a_rank_on_ties_and_skip_none() -> None:
    values = {"a": 5.0, "b": 4.0, "c": 4.0, "d": 2.0, "e": None}
    assert competition_ranks(["a", "b", "c", "d", "e"], values) == {"a": 1, "b": 2, "c": 2, "d": 4}
    # Read from the other end, the same rule ranks the weakest first.
    assert competition_ranks(["d", "c", "b", "a"], values) == {"d": 1, "c": 2, "b": 2, "a": 4}


def test_aligned_turns_only_reverse_scored_means() -> None:
    assert aligned(4.0, SCALE, True) == 2.0
    assert aligned(4.0, SCALE, False) == 4.0
    assert aligned(None, SCALE, True) is None
    assert aligned(1.0, Scale(1, 10, Text("a"), Text("b"), inferred=False), True) == 10.0


def test_mark_is_up_for_top_down_for_bottom_and_empty_otherwise() -> None:
    assert [mark(i, ("a",), ("c",)) for i in "abc"] == ["▲", "", "▼"]
    assert mark("a", ("a",), ("a",)) == "▲"  # never both: top wins


def test_participant_labels_name_nobody_unless_named(kinds_session: Session) -> None:
    assert participant_labels(kinds_session, named=False) == {}
    named = participant_labels(kinds_session, named=True)
    assert named == {"p1": "Anne", "p2": "Bo", "p3": "Cecilie", "p4": "Dan"}


def test_votes_people_dots_share_voters_and_winners(kinds_session: Session) -> None:
    exercise = kinds_session.exercise("challenges-dot-vote")
    answers = kinds_session.answers_for("challenges-dot-vote")
    totals = {t.item_id: t for t in vote_totals(exercise, answers)}
    assert (totals["silo"].people, totals["silo"].dots) == (3, 3)
    assert totals["silo"].share == pytest.approx(3 / 6)
    assert voters(answers) == 4
    assert winners(list(totals.values())) == ["silo"]
    assert winners([t for t in totals.values() if t.item_id != "silo"]) == ["resources"]
    # The pick-list offers the options with most dots, best first, none without dots.
    assert [i for i, _ in challenges(exercise, answers)] == ["silo", "resources", "structure"]
    assert winners(vote_totals(exercise, ExerciseAnswers())) == []


def test_pair_gaps_are_left_minus_right(kinds_session: Session) -> None:
    exercise = kinds_session.exercise("ecosystem-mirror")
    gaps = pair_gaps(exercise, {"strategy:left": 4.0, "strategy:right": 2.0, "tasks:left": 3.0})
    assert (gaps[0].item_id, gaps[0].left, gaps[0].right, gaps[0].gap) == ("strategy", 4.0, 2.0, 2.0)
    assert gaps[1].gap is None  # one side without a mean


def test_responders_count_some_and_every_item(library: Library) -> None:
    exercise = library.exercises["resistance"]  # a rating grid of nine items
    answers = ExerciseAnswers()
    for item in exercise.scored_items:
        answers = answers.with_score(item.id, "p1", 3)
    answers = answers.with_score("trust", "p2", 5).with_score("trust", "p9", 2)
    assert responders(exercise, answers, {"p1", "p2", "p3"}) == (2, 1)
    assert responders(exercise, answers, set()) == (0, 0)
    # A vote is sent whole: whoever voted is done, however few options they chose.
    vote = library.exercises["challenges-dot-vote"]
    dots = ExerciseAnswers().with_score(vote.items[0].id, "p1", 1)
    assert responders(vote, dots, {"p1"}) == (1, 1)


def test_answered_counts_the_room(kinds_session: Session) -> None:
    assert answered(kinds_session, "us-and-them") == (4, 4)
    assert answered(kinds_session, "smart-goals") == (0, 4)


def test_tied_only_when_a_list_is_longer_than_the_cut() -> None:
    assert not tied(("a", "b", "c")[:TOP_COUNT])
    assert tied(tuple("abcd")[: TOP_COUNT + 1])
    assert not tied(())


def test_answerers_are_who_entered_a_score() -> None:
    answers = ExerciseAnswers().with_score("i1", "p1", 3).with_score("i2", "p2", 4).with_score("i2", "p1", 1)
    assert answers.answerers == {"p1", "p2"}
    assert answers.with_tally("i1", 3, 5).answerers == {"p1", "p2"}  # a tally names nobody
    assert ExerciseAnswers().answerers == frozenset()


def test_answered_every_counts_those_done_with_every_item(small_session: Session) -> None:
    """Everyone scored one item of nine: all have answered, none every item, and the wall says so."""
    exercise = small_session.exercise("resistance")
    first = exercise.scored_items[0].id
    people = [p.id for p in small_session.participants]
    session = small_session
    for pid in people:
        session = session.with_score("resistance", first, pid, 3)
    assert answered(session, "resistance") == (len(people), len(people))
    assert answered_every(session, "resistance") == 0
    for item in exercise.scored_items:
        session = session.with_score("resistance", item.id, people[0], 4)
    assert answered_every(session, "resistance") == 1
    tallied = session.with_mode("resistance", "tally").with_tally("resistance", first, 2, 2)
    assert answered_every(tallied, "resistance") == 0  # the other items have no tally: fewest per item
    assert answered_every(small_session, "resistance") == 0
