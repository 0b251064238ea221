"""Statistics against hand-computed values, including ties, one answer and none."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.results.stats import describe, is_split, rank


def test_four_scores_hand_computed() -> None:
    s = describe([2, 4, 4, 5], 1, 5)
    assert s.n == 4
    assert s.mean == pytest.approx(3.75)
    assert s.median == 4.0
    assert (s.minimum, s.maximum, s.spread) == (2, 5, 3)
    # population sd: deviations -1.75, .25, .25, 1.25 -> squares 3.0625+.0625+.0625+1.5625 = 4.75 / 4
    assert s.sd == pytest.approx(math.sqrt(4.75 / 4))
    assert s.distribution == ((1, 0), (2, 1), (3, 0), (4, 2), (5, 1))


def test_even_count_median_is_mean_of_middle_pair() -> None:
    assert describe([1, 2, 3, 5], 1, 5).median == 2.5


def test_single_answer() -> None:
    s = describe([3], 1, 5)
    assert (s.n, s.mean, s.median, s.sd, s.split) == (1, 3.0, 3.0, 0.0, False)


def test_no_answers() -> None:
    s = describe([], 1, 10)
    assert (s.n, s.mean, s.median, s.sd, s.spread) == (0, None, None, None, None)
    assert len(s.distribution) == 10 and all(c == 0 for _, c in s.distribution)


def spread_out(counts: list[int], low: int = 1) -> list[int]:
    """Scores from a distribution written as counts per score (``[5, 0, 0, 0, 5]``)."""
    return [low + i for i, c in enumerate(counts) for _ in range(c)]


@pytest.mark.parametrize(
    ("counts", "split"),
    [
        ([5, 0, 0, 0, 5], True),  # two camps at the ends
        ([4, 1, 0, 1, 4], True),
        ([3, 2, 0, 2, 3], True),  # U-shape with an empty middle
        ([2, 0, 0, 0, 2], True),  # the smallest split: four people, two and two
        ([0, 4, 0, 4, 0], True),  # peaks need not be at the ends
        ([3, 0, 6, 0, 3], True),  # both ends apart from the middle: camps, not one peak
        ([1, 4, 4, 4, 1], False),  # a flat top is one peak
        ([2, 4, 4, 4, 0], False),
        ([1, 1, 3, 1, 2], False),  # a dip of 1 under peaks of 3 and 2 is not less than half of 2
        ([10, 0, 0, 0, 2], False),  # two people against ten: the small side is under a quarter
        ([1, 0, 0, 0, 3], False),  # one person alone is an outlier, not a camp
        ([0, 2, 5, 2, 0], False),  # single-peaked
        ([1, 0, 0, 0, 1], False),  # two answers are too few
        ([0, 0, 0, 0, 0], False),
    ],
)
def test_split_table(counts: list[int], split: bool) -> None:
    assert is_split(spread_out(counts), 1, 5) is split
    assert describe(spread_out(counts), 1, 5).split is split


def test_split_on_ten_point_scale_pools_neighbours() -> None:
    assert is_split([1, 2, 2, 9, 10, 10], 1, 10)  # bins 3·0·0·0·3
    assert not is_split([2, 3, 5, 6, 7, 8, 9, 9], 1, 10)  # sparse but spread: bins 1·1·2·2·2
    assert not is_split([5, 6, 6, 5, 7], 1, 10)


def _unimodal(rise: list[int], fall: list[int]) -> list[int]:
    up = sorted(rise)
    down = sorted(fall, reverse=True)
    return up + down


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 8), min_size=0, max_size=5),
    st.lists(st.integers(0, 8), min_size=0, max_size=5),
    st.integers(1, 5),
)
def test_single_peaked_is_never_split(rise: list[int], fall: list[int], low: int) -> None:
    counts = _unimodal(rise, fall)
    if len(counts) < 2:
        return
    assert not is_split(spread_out(counts, low), low, low + len(counts) - 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=3, max_size=10))
def test_split_is_symmetric_and_survives_scaling(counts: list[int]) -> None:
    high = len(counts)
    flag = is_split(spread_out(counts), 1, high)
    assert is_split(spread_out(counts[::-1]), 1, high) is flag
    if flag:  # twice as many people answering the same way is still split
        assert is_split(spread_out([2 * c for c in counts]), 1, high)


def test_rank_highest_first_ties_keep_order_empty_last() -> None:
    assert rank({"a": 2.0, "b": None, "c": 4.5, "d": 2.0}) == ["c", "a", "d", "b"]


def _reference(scores: list[int], low: int, high: int) -> tuple[object, ...]:
    """describe as it was written before it counted per distinct score: a step per score."""
    values = sorted(scores)
    n = len(values)
    counts = {v: 0 for v in range(low, high + 1)}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    distribution = tuple(sorted(counts.items()))
    if n == 0:
        return (0, None, None, None, None, None, distribution)
    mean = sum(values) / n
    middle = n // 2
    median = float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return (n, mean, median, values[0], values[-1], sd, distribution)


def test_describe_gives_the_step_per_score_figures_to_the_last_bit() -> None:
    rnd = random.Random(15)
    for low, high in [(1, 5), (0, 10), (1, 7), (-3, 3), (1, 10), (0, 100)]:
        for n in (0, 1, 2, 5, 13, 40, 400):
            for _ in range(10):
                scores = [rnd.randint(low - 1, high + 1) for _ in range(n)]  # a few off the scale too
                stats = describe(scores, low, high)
                got = (
                    stats.n,
                    stats.mean,
                    stats.median,
                    stats.minimum,
                    stats.maximum,
                    stats.sd,
                    stats.distribution,
                )
                assert repr(got) == repr(_reference(scores, low, high))
                assert stats.split == is_split(sorted(scores), low, high)
