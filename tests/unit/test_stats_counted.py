"""``describe`` read from the counts of the distinct scores: the same figures, to the last bit,
as the sorted scores gave (issue 15's cold exports), checked against that way kept here."""

from __future__ import annotations

import math
from itertools import chain, repeat

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.results.stats import (
    SPLIT_MAX_BINS,
    SPLIT_MIN_N,
    SPLIT_MIN_PEOPLE,
    SPLIT_SHARE,
    describe,
)


def _sorted_split(counts: list[int], n: int) -> bool:
    """The split rule as it was written first: every trough's windows sliced and summed."""
    if n < SPLIT_MIN_N or len(counts) < 2:
        return False
    width = -(-len(counts) // SPLIT_MAX_BINS)
    pooled = [sum(counts[i : i + width]) for i in range(len(counts) - width + 1)]
    need = max(SPLIT_MIN_PEOPLE, SPLIT_SHARE * n)
    for t in range(width, len(pooled) - width):
        left, right = pooled[: t - width + 1], pooled[t + width :]
        people_left, people_right = sum(counts[:t]), sum(counts[t + width :])
        if 2 * pooled[t] < min(max(left), max(right)) and min(people_left, people_right) >= need:
            return True
    return False


def _sorted_describe(scores: list[int], low: int, high: int) -> tuple[object, ...]:
    """Every figure from the scores sorted (as ``describe`` computed them before)."""
    values = sorted(scores)
    n = len(values)
    counts = {v: 0 for v in range(low, high + 1)}
    distinct = sorted(set(values))
    for v in distinct:
        counts[v] = values.count(v)
    distribution = tuple(sorted(counts.items()))
    if n == 0:
        return (0, None, None, None, None, None, distribution, False)
    mean = sum(values) / n
    middle = n // 2
    median = float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2
    squares = chain.from_iterable(repeat((v - mean) ** 2, counts[v]) for v in distinct)
    sd = math.sqrt(sum(squares) / n)
    split = _sorted_split([counts[v] for v in range(low, high + 1)], n)
    return (n, mean, median, values[0], values[-1], sd, distribution, split)


def _figures(scores: list[int], low: int, high: int) -> tuple[object, ...]:
    s = describe(scores, low, high)
    return (s.n, s.mean, s.median, s.minimum, s.maximum, s.sd, s.distribution, s.split)


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from([(1, 5), (0, 5), (1, 7), (1, 10), (0, 10), (1, 4), (1, 2), (3, 3), (-2, 2)]),
    st.lists(st.integers(-3, 12), max_size=60),
    st.booleans(),
)
def test_same_figures_as_the_sorted_scores(scale: tuple[int, int], raw: list[int], on_scale: bool) -> None:
    low, high = scale
    scores = [min(max(v, low), high) for v in raw] if on_scale else raw  # also scores off the scale
    assert _figures(scores, low, high) == _sorted_describe(scores, low, high)
    assert _figures(tuple(scores), low, high) == _sorted_describe(scores, low, high)  # any sequence


def test_medians_and_splits_by_hand() -> None:
    assert _figures([3], 1, 5)[2] == 3.0
    assert _figures([5, 1], 1, 5)[2:5] == (3.0, 1, 5)
    assert _figures([4, 1, 1, 4, 4], 1, 5)[2] == 4.0
    assert describe([1] * 5 + [5] * 5, 1, 5).split
    assert describe([1] * 4 + [2, 9] + [10] * 4, 1, 10).split  # pooled pairs on 1-10
    assert not describe([1, 2, 2, 3, 3, 3, 4, 4, 5], 1, 5).split
    assert describe([7, 7, 9, 1], 1, 5).distribution == (
        (1, 1),
        (2, 0),
        (3, 0),
        (4, 0),
        (5, 0),
        (7, 2),
        (9, 1),
    )


@settings(max_examples=600, deadline=None)
@given(st.sampled_from([(1, 5), (1, 7), (1, 8), (1, 10), (0, 10), (1, 15)]), st.data())
def test_same_split_on_counts_per_score(scale: tuple[int, int], data: st.DataObject) -> None:
    """Counts drawn per score (peaks and troughs, often split), not scores drawn at random."""
    low, high = scale
    counts = data.draw(st.lists(st.integers(0, 6), min_size=high - low + 1, max_size=high - low + 1))
    scores = [v for v, k in zip(range(low, high + 1), counts, strict=True) for _ in range(k)]
    assert _figures(scores, low, high) == _sorted_describe(scores, low, high)
