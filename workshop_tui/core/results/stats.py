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
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, repeat

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
    # No sort of the scores: the distinct ones sorted are enough (a 400-person seminar sorted
    # 17,600 scores), all counted in one C pass (``Counter``; a ``list.count`` per distinct
    # score was a pass each), and the median and the extremes read from those counts.
    n = len(scores)
    tally = Counter(scores)
    distinct = sorted(tally)
    counts = {v: 0 for v in range(low, high + 1)}
    counts.update(tally)
    inside = not distinct or (distinct[0] >= low and distinct[-1] <= high)
    # A score outside the scale is a key added after the scale's own (ascending) ones.
    distribution = tuple(counts.items()) if inside else tuple(sorted(counts.items()))
    if n == 0:
        return ItemStats(0, None, None, None, None, None, distribution, False)
    mean = sum(scores) / n
    middle = n // 2
    below, at = _middle_pair(distinct, counts, middle)
    median = float(at) if n % 2 else (below + at) / 2
    # The squared deviations in the order of the sorted scores, as a step per score would add
    # them (the same float sum to the last bit), each distinct one computed once.
    squares = chain.from_iterable(repeat((v - mean) ** 2, counts[v]) for v in distinct)
    sd = math.sqrt(sum(squares) / n)
    split = _split(list(counts.values()) if inside else [counts[v] for v in range(low, high + 1)], n)
    return ItemStats(n, mean, median, distinct[0], distinct[-1], sd, distribution, split)


def _middle_pair(distinct: list[int], counts: dict[int, int], middle: int) -> tuple[int, int]:
    """The scores at places ``middle - 1`` and ``middle`` of the sorted scores (0-based), from the
    counts of the distinct scores (ascending); ``middle`` is at least 1 unless there is one score."""
    seen = 0
    below: int | None = None
    for v in distinct:
        seen += counts[v]
        if below is None and seen > middle - 1:
            below = v
        if seen > middle:
            return (v if below is None else below), v
    raise ValueError("middle beyond the scores")  # pragma: no cover - n // 2 < n


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
    pooled = counts if width == 1 else [sum(counts[i : i + width]) for i in range(len(counts) - width + 1)]
    need = max(SPLIT_MIN_PEOPLE, SPLIT_SHARE * n)
    # The highest pooled count up to each window and from each window on, and the people below
    # each score, made once (C passes) rather than sliced and summed again for every trough.
    left_max = list(accumulate(pooled, max))
    right_max = list(accumulate(reversed(pooled), max))[::-1]
    before = [0, *accumulate(counts)]
    total = before[-1]
    for t in range(width, len(pooled) - width):
        if (
            2 * pooled[t] < min(left_max[t - width], right_max[t + width])
            and min(before[t], total - before[t + width]) >= need
        ):
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
