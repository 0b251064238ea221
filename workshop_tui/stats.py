"""Statistics of scores on a closed scale: pure functions, no UI.

Conventions, stated once so the app and the exports agree:

- ``sd`` is the **population** standard deviation: the people in the room are the
  whole group being described, not a sample of a larger one.
- ``median`` of an even number of scores is the mean of the two middle ones.
- **Disagreement** ("the group is split"): at least 3 answers, and at least a
  quarter of them (and at least two people) in the bottom third of the scale *and*
  at least a quarter (and two people) in the top third (on 1–5: scores 1–2 and
  4–5; on 1–10: 1–4 and 7–10), *and* a standard deviation of at least a quarter
  of the scale's range (1.0 on 1–5, 2.25 on 1–10).
  A split is two camps far apart: 2, 3, 3, 4 is not one; 1, 1, 5, 5 is.
- Fewer than ``MIN_ANONYMOUS`` answers are too few to show a distribution without
  identifying people; summaries say so instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MIN_ANONYMOUS = 3
SPLIT_SHARE = 0.25
SPLIT_SD_SHARE = 0.25
SPLIT_MIN_PEOPLE = 2
"""One person on their own is an outlier, not a camp."""


@dataclass(frozen=True)
class ItemStats:
    """The statistics of one item's scores."""

    n: int
    mean: float | None
    median: float | None
    minimum: int | None
    maximum: int | None
    sd: float | None
    distribution: tuple[tuple[int, int], ...]
    """(score, how many) for every value on the scale, lowest first."""
    split: bool
    """True when the group is split into two camps (see the module docstring)."""

    @property
    def spread(self) -> int | None:
        """max − min, or None without answers."""
        return None if self.minimum is None or self.maximum is None else self.maximum - self.minimum


def describe(scores: Sequence[int], low: int, high: int) -> ItemStats:
    """Compute n, mean, median, min, max, sd, distribution and split for one item.

    Args:
        scores: the scores given (any order).
        low: the lowest value on the scale.
        high: the highest value on the scale.
    """
    values = sorted(scores)
    n = len(values)
    counts = {v: 0 for v in range(low, high + 1)}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    distribution = tuple(sorted(counts.items()))
    if n == 0:
        return ItemStats(0, None, None, None, None, None, distribution, False)
    mean = sum(values) / n
    middle = n // 2
    median = float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return ItemStats(n, mean, median, values[0], values[-1], sd, distribution, is_split(values, low, high))


def is_split(values: Sequence[int], low: int, high: int) -> bool:
    """Whether the group forms two camps far apart (the rule in the module docstring)."""
    n = len(values)
    if n < MIN_ANONYMOUS or high <= low:
        return False
    third = (high - low) / 3
    bottom = sum(1 for v in values if v <= low + third)
    top = sum(1 for v in values if v >= high - third)
    if min(bottom, top) < SPLIT_MIN_PEOPLE or bottom / n < SPLIT_SHARE or top / n < SPLIT_SHARE:
        return False
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
    return sd >= SPLIT_SD_SHARE * (high - low)


def rank(means: dict[str, float | None]) -> list[str]:
    """Item ids from highest mean to lowest; items without answers last, ties in given order."""
    order = list(means)
    return sorted(order, key=lambda k: (means[k] is None, -(means[k] or 0.0), order.index(k)))


def competition_ranks(ranking: Sequence[str], values: Mapping[str, float | None]) -> dict[str, int]:
    """1-based ranks in ``ranking`` order; equal values share a rank (1, 2, 2, 4); None is unranked."""
    ranks: dict[str, int] = {}
    previous: float | None = None
    current = 0
    for position, item_id in enumerate(ranking, start=1):
        value = values.get(item_id)
        if value is None:
            continue
        if value != previous:
            current, previous = position, value
        ranks[item_id] = current
    return ranks
