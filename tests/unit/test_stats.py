"""Statistics against hand-computed values, including ties, one answer and none."""

from __future__ import annotations

import math

import pytest

from workshop_tui.stats import describe, is_split, rank


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


def test_split_needs_two_camps() -> None:
    assert is_split([1, 1, 5, 5], 1, 5)
    assert is_split([1, 2, 3, 4, 5, 5, 3, 3], 1, 5)  # 2/8 low, 3/8 high
    assert not is_split([2, 3, 3, 4], 1, 5)  # a quarter in each third, but sd 0.71 < 1.0
    assert not is_split([2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4], 1, 5)  # sd 0.71
    assert is_split([1, 1, 1, 3, 3, 3, 3, 3, 3, 5, 5, 5], 1, 5)  # sd 1.41
    assert not is_split([3, 3, 3, 3, 5], 1, 5)
    assert not is_split([2, 4, 4, 5], 1, 5)  # one person alone is an outlier, not a camp
    assert not is_split([1, 5], 1, 5)  # too few to call a split


def test_split_on_ten_point_scale() -> None:
    assert is_split([2, 3, 8, 9, 9, 5], 1, 10)
    assert not is_split([5, 6, 6, 5, 7], 1, 10)


def test_rank_highest_first_ties_keep_order_empty_last() -> None:
    assert rank({"a": 2.0, "b": None, "c": 4.5, "d": 2.0}) == ["c", "a", "d", "b"]
