"""Statistics of scores on a closed scale: pure functions, no UI.

Conventions, stated once so the app and the exports agree:

- ``sd`` is the **population** standard deviation: the people in the room are the
  whole group being described, not a sample of a larger one.
- ``median`` of an even number of scores is the mean of the two middle ones.
- **Disagreement** ("the group is split", ⚡) is *bimodality*: the distribution
  has two peaks with a clear trough between them. Precisely, at least
  ``SPLIT_MIN_N`` answers, and some score strictly inside the scale (the trough)
  whose count is *less than half* of the highest count on its left and of the
  highest count on its right, with at least a quarter of the answers
  (``SPLIT_SHARE``) and at least two people (``SPLIT_MIN_PEOPLE``) on each side
  of it. On a scale of more than ``SPLIT_MAX_BINS`` steps the counts are first
  pooled over neighbouring scores (1–10: pairs 1–2, 2–3, …) and the trough and
  peaks are read from those sums, so that a sparse spread is not mistaken for
  peaks. A single-peaked or flat distribution is never split
  (``1·4·4·4·1``, ``2·4·4·4·0``); ``5·0·0·0·5`` and ``4·1·0·1·4`` are.
- Fewer than the session's minimum (``Session.min_answers``, default ``MIN_ANONYMOUS``)
  answers are too few to show a distribution without
  identifying people; summaries say so instead (the rule lives in ``results.status_of``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat

from workshop_tui.core.model.session import DEFAULT_MIN_ANSWERS

MIN_ANONYMOUS = DEFAULT_MIN_ANSWERS
"""The default minimum: below this many answers an item's figures are withheld, unless the
session sets its own (``Session.min_answers``; the rule is ``results.rules.status_of``)."""
SPLIT_MIN_N = 4
"""Fewer answers than this are too few to speak of two camps."""
SPLIT_SHARE = 0.25
"""Each camp holds at least this share of the answers."""
SPLIT_MIN_PEOPLE = 2
"""One person on their own is an outlier, not a camp."""
SPLIT_MAX_BINS = 7
"""Scales with more steps are pooled into at most this many bins before looking for peaks."""


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
    # Counted per distinct score (``list.count``) instead of a step per score: a 400-person
    # seminar has 17,600 scores and a handful of distinct values per item.
    counts = {v: 0 for v in range(low, high + 1)}
    distinct = sorted(set(values))
    for v in distinct:
        counts[v] = values.count(v)
    distribution = tuple(sorted(counts.items()))
    if n == 0:
        return ItemStats(0, None, None, None, None, None, distribution, False)
    mean = sum(values) / n
    middle = n // 2
    median = float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2
    # The squared deviations in the order of the sorted scores, as a step per score would add
    # them (the same float sum to the last bit), each distinct one computed once.
    squares = chain.from_iterable(repeat((v - mean) ** 2, counts[v]) for v in distinct)
    sd = math.sqrt(sum(squares) / n)
    split = _split([counts[v] for v in range(low, high + 1)], n)
    return ItemStats(n, mean, median, values[0], values[-1], sd, distribution, split)


def is_split(values: Sequence[int], low: int, high: int) -> bool:
    """Whether the scores form two camps with a trough between them (the module docstring's rule)."""
    if len(values) < SPLIT_MIN_N or high <= low:
        return False
    as_list = list(values)
    return _split([as_list.count(v) for v in range(low, high + 1)], len(values))


def _split(counts: list[int], n: int) -> bool:
    """The split rule on the counts of each score from the scale's lowest to its highest (scores
    outside the scale are not counted), of ``n`` scores in all."""
    if n < SPLIT_MIN_N or len(counts) < 2:
        return False
    width = -(-len(counts) // SPLIT_MAX_BINS)  # ceiling: 1 up to 7 steps, 2 on 1–10
    # Pooled counts: window i holds scores i … i+width-1 (a moving sum, so the rule reads the
    # scale the same way from either end).
    pooled = [sum(counts[i : i + width]) for i in range(len(counts) - width + 1)]
    need = max(SPLIT_MIN_PEOPLE, SPLIT_SHARE * n)
    for t in range(width, len(pooled) - width):
        left, right = pooled[: t - width + 1], pooled[t + width :]
        people_left, people_right = sum(counts[:t]), sum(counts[t + width :])
        if 2 * pooled[t] < min(max(left), max(right)) and min(people_left, people_right) >= need:
            return True
    return False


def rank(means: Mapping[str, float | None]) -> list[str]:
    """Item ids from highest mean to lowest; items without answers last, ties in given order."""
    return sorted(means, key=lambda k: (means[k] is None, -(means[k] or 0.0)))  # stable: ties keep order


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
