"""An item's scores spelled out from its distribution are the scores sorted from its row.

``scored._item`` hands ``scores_of`` the distribution ``describe`` counted, so the anonymous
(and tallied) scores are not sorted a second time; named scores are read from the row as before.
"""

from __future__ import annotations

import random

from workshop_tui.core.kinds.scored import scores_of
from workshop_tui.core.model import ExerciseAnswers
from workshop_tui.core.results.stats import describe


def test_scores_from_the_distribution_equal_the_scores_from_the_row() -> None:
    rng = random.Random(15)
    for _ in range(2_000):
        low, high = rng.choice([(1, 5), (1, 7), (0, 10), (1, 10)])
        people = rng.randint(0, 60)
        row = {f"p{n}": rng.randint(low - 1, high + 1) for n in range(people)}  # some off the scale
        tallies = {rng.randint(low, high): rng.randint(0, 9) for _ in range(rng.randint(0, 4))}
        answers = ExerciseAnswers(
            mode=rng.choice(["participant", "tally"]),
            scores={"i1": row} if row else {},
            tallies={"i1": tallies} if tallies else {},
        )
        distribution = describe(answers.values_for("i1"), low, high).distribution
        for labels in ({}, {f"p{n}": f"Navn {n}" for n in range(0, people, 2)}):
            plain = scores_of(answers, "i1", labels)
            spelled = scores_of(answers, "i1", labels, distribution)
            assert spelled == plain, (answers, labels)
            assert [type(s.value) for s in spelled] == [int] * len(plain)


def test_a_name_that_looks_like_a_p_label_is_sorted_as_a_name() -> None:
    """A participant named "P²" or "P" and 5,000 digits (typed, or read from a file) is a name:
    ``str.isdigit`` took both and ``int`` refused them, so the named scores and every export
    with ``--named`` raised ValueError."""
    answers = ExerciseAnswers(mode="participant", scores={"i1": {"p1": 1, "p2": 2, "p3": 3, "p4": 4}})
    labels = {"p1": "P²", "p2": "P10", "p3": "P" + "9" * 5000, "p4": "P2"}
    assert [s.value for s in scores_of(answers, "i1", labels)] == [4, 2, 3, 1]
