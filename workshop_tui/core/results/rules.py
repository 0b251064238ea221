"""The rules that turn statistics into what the room and management are shown.

The numbers themselves (n, mean, median, min–max, sd, distribution and the
disagreement flag) come from :func:`workshop_tui.core.results.stats.describe`; this module
holds every rule applied on top of them, once, for the score grid, the projector,
the action list's pick-list, every export and the comparison:

- **Polarity** (:func:`polarity_of`): what a higher score means for an item —
  better (``positive``), worse (``negative``: more resistance, a "not produced"
  K/K/C statement, a negatively worded item) or neither (``neutral``).
- **Orientation** (:func:`oriented`): a mean turned round on the scale for a
  negative item (``min + max − mean``), so that higher is better for every item
  that has a direction; a neutral item keeps its mean. The turn itself is
  ``figures.aligned`` (a reverse-scored item is drawn and indexed turned the same way).
- **Enough answers** (:func:`status_of`): an item (or a whole vote or placement) with
  fewer than the session's minimum (``Session.min_answers``, default ``MIN_ANONYMOUS``
  = 3) answers keeps only its n ("for få svar til at vise"); blind results never
  revealed in the room are not shown at all. Who is named beside a score is
  ``summary.participant_labels``: nobody, unless the facilitator chose ``--named``.
- **Highlights** (:func:`highlights`): the ``TOP_COUNT`` best and the
  ``TOP_COUNT`` weakest items after orientation (on a neutral exercise: highest
  and lowest), among items with at least the minimum of answers, and only when
  more than ``TOP_COUNT`` items have that many. An item tied with the last one
  in is in too (the list then says it is longer because of a tie); no item is on
  both lists; a list that would hold every item says nothing and is left empty.
  :func:`mark` is the one place that turns the lists into ``▲``/``▼``.
  Only rating grids and statement diagnostics have highlights (a vote has its
  winners, in :mod:`workshop_tui.core.results.figures`).
- **Order** (:func:`item_order`): the one order every list of a grid's items is drawn in
  (the grid's profile, the wall, the exports' profile): by oriented mean, best first, so on a
  negative grid (resistance, a ranking's places) the least resistance or first place leads,
  as the ranks (``Rang``) count; items without a figure last, ties in the exercise's order.
- **Change** (:func:`judge_change`): whether a change of mean is better, worse
  (by the item's polarity), higher or lower (neutral items), or no change at the
  precision shown.
- **Dates** (:func:`iso_date`): only an ISO date (``2026-12-01``) is a date.

Pure functions; no UI.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from workshop_tui.core.model import Exercise, ExerciseAnswers, Item, Scale
from workshop_tui.core.model.exercise import Polarity
from workshop_tui.core.model.ids import valid_date
from workshop_tui.core.results.figures import aligned, index_value, item_stats, vote_count, vote_totals
from workshop_tui.core.results.numbers import is_zero
from workshop_tui.core.results.stats import MIN_ANONYMOUS, ItemStats, competition_ranks, rank

ItemStatus = Literal["shown", "too_few", "empty", "blind", "miscounted"]
"""Why an item's figures are (not) shown.

- ``shown``: the statistics may be shown.
- ``too_few``: fewer than the session's minimum of answers; only n is kept, because a mean
  or a distribution of two scores tells who gave what.
- ``empty``: nobody answered.
- ``blind``: the exercise ran blind and its results were never revealed in the room,
  so they are not revealed in writing either.
- ``miscounted``: the wall's alone (``status_of`` never gives it): a tally counted over the
  room (``figures.tally_over_room``) is held back there; the exports keep its figures, warned.
"""

TOP_COUNT = 3
"""How many items each highlight list holds (more when tied at the cut)."""

Change = Literal["better", "worse", "higher", "lower", "same"]


def polarity_of(exercise: Exercise, item: Item) -> Polarity:
    """What a higher score means for this item.

    A statement diagnostic's ``produced`` statement is positive and its
    ``not_produced`` one negative; an item's own ``positive``/``negative``/``neutral``
    overrides the exercise's polarity; ``reverse`` turns the exercise's polarity
    round (on a neutral exercise a reversed item counts as negative).
    """
    own = item.polarity
    if own == "produced":
        return "positive"
    if own == "not_produced":
        return "negative"
    if own is not None:
        return own
    if item.reverse:
        return "positive" if exercise.polarity == "negative" else "negative"
    base = exercise.body.source_item(exercise, item)
    if base is not item:
        # A generated row (a paired side) takes the polarity of its item.
        return polarity_of(exercise, base)
    return exercise.polarity


def is_directed(exercise: Exercise) -> bool:
    """Whether any item has a direction (then lists say best/weakest, not highest/lowest)."""
    return any(polarity_of(exercise, i) != "neutral" for i in exercise.scored_items)


def oriented(mean: float | None, scale: Scale, polarity: str) -> float | None:
    """The mean with higher = better: turned round for a negative item, as is otherwise."""
    return aligned(mean, scale, polarity == "negative")


def status_of(visible: bool, n: int, *, named: bool, minimum: int) -> ItemStatus:
    """The blind and enough-answers rules for one item, or a whole vote or placement of n people.

    ``minimum`` is the session's ``min_answers``: every caller passes it, so no figure
    anywhere is shown by another threshold than the one the session states.
    """
    if not visible:
        return "blind"
    if n == 0:
        return "empty"
    if n < minimum and not named:
        return "too_few"
    return "shown"


def tied(highlight: Collection[str]) -> bool:
    """Whether a highlight list is longer than ``TOP_COUNT`` because of a tie at the cut."""
    return len(highlight) > TOP_COUNT


def mark(item_id: str, top: Collection[str], bottom: Collection[str]) -> str:
    """``▲`` for a top item, ``▼`` for a bottom item, else empty."""
    if item_id in top:
        return "▲"
    return "▼" if item_id in bottom else ""


@dataclass(frozen=True)
class Highlights:
    """The best and the weakest items of an exercise, and every counted item's rank."""

    top: tuple[str, ...] = ()
    """Item ids, best first."""
    bottom: tuple[str, ...] = ()
    """Item ids, weakest first; never one that is in ``top``."""
    ranks: Mapping[str, int] = field(default_factory=dict)
    """Item id -> 1 for the best; equal values share a rank (1, 2, 2, 4). Only items
    with at least the minimum of answers have one."""
    directed: bool = False
    """True: the lists are best/weakest after polarity; False: highest/lowest scores."""

    @property
    def top_tied(self) -> bool:
        """The top list is longer than ``TOP_COUNT`` because of a tie at the cut."""
        return tied(self.top)

    @property
    def bottom_tied(self) -> bool:
        """The bottom list is longer than ``TOP_COUNT`` because of a tie at the cut."""
        return tied(self.bottom)

    def mark(self, item_id: str) -> str:
        """``▲`` for a top item, ``▼`` for a bottom item, else empty (see :func:`mark`)."""
        return mark(item_id, self.top, self.bottom)


def highlights(
    values: Mapping[str, float | None],
    counts: Mapping[str, int],
    *,
    directed: bool = False,
    minimum: int = MIN_ANONYMOUS,
) -> Highlights:
    """Ranks and top/bottom lists from oriented means and answer counts (the module's rule).

    Args:
        values: item id -> oriented mean (None without answers), in the exercise's order.
        counts: item id -> how many answered.
        directed: whether the values are oriented by polarity (only passed through).
        minimum: the session's minimum of answers (items with fewer are not ranked).
    """
    counted: dict[str, float | None] = {
        k: round(v, 9) for k, v in values.items() if v is not None and counts.get(k, 0) >= minimum
    }
    order = ordered(counted)  # ties keep the exercise's order
    ranks = competition_ranks(order, counted)
    if len(order) <= TOP_COUNT:
        return Highlights(ranks=ranks, directed=directed)
    worse = competition_ranks(order[::-1], counted)  # 1 for the weakest
    top = [k for k in order if ranks[k] <= TOP_COUNT]
    bottom = sorted(
        (k for k in order if worse[k] <= TOP_COUNT and k not in top),
        key=lambda k: (worse[k], order.index(k)),
    )
    if len(top) == len(order):
        top = []
    return Highlights(tuple(top), tuple(bottom), ranks, directed)


def ordered(values: Mapping[str, float | None]) -> list[str]:
    """Ids by oriented value, highest first, None last, ties in given order; values rounded to
    9 places first, so two means equal as shown are never put apart by a float's last bit."""
    return rank({k: None if v is None else round(v, 9) for k, v in values.items()})


def item_order(exercise: Exercise, means: Mapping[str, float | None]) -> list[str]:
    """The scored items' ids in the order every list of them is drawn (see the module's Order).

    ``means`` are the plain means (None when not shown); each is oriented by its item's
    polarity here, so no shell sorts by a mean that a negative item's rank reads turned round.
    """
    scale = exercise.scale
    assert scale is not None, "a scored exercise always has a scale"
    return ordered(
        {i.id: oriented(means.get(i.id), scale, polarity_of(exercise, i)) for i in exercise.scored_items}
    )


def oriented_values(exercise: Exercise, stats: Mapping[str, ItemStats]) -> dict[str, float | None]:
    """Item id -> oriented mean, for every row of the score grid."""
    scale = exercise.scale
    assert scale is not None, "a scored exercise always has a scale"
    return {i.id: oriented(stats[i.id].mean, scale, polarity_of(exercise, i)) for i in exercise.scored_items}


def exercise_highlights(
    exercise: Exercise,
    answers: ExerciseAnswers,
    stats: Mapping[str, ItemStats] | None = None,
    *,
    minimum: int = MIN_ANONYMOUS,
) -> Highlights:
    """The highlights of a scored exercise as the room may see them (none while blind).

    ``stats`` are the items' statistics when the caller has them already (the live grid);
    ``minimum`` is the session's minimum of answers.
    """
    if exercise.is_vote or exercise.scale is None or not answers.results_visible:
        return Highlights()
    stats = stats if stats is not None else item_stats(exercise, answers)
    found = highlights(
        oriented_values(exercise, stats),
        {k: s.n for k, s in stats.items()},
        directed=is_directed(exercise),
        minimum=minimum,
    )
    if not exercise.body.highlights:
        return Highlights(ranks=found.ranks, directed=found.directed)
    return found


@dataclass(frozen=True)
class DimensionMeans:
    """One dimension's figures: the mean of its items' oriented means, and per K/K/C column.

    Every item weighs the same (a mean of item means, not of all scores pooled).
    ``produced`` and ``not_produced`` are the columns' plain means, as the room scored
    them: a high "not produced" mean is the warning sign the diagnostic looks for.
    """

    mean: float | None
    produced: float | None
    not_produced: float | None


def dimension_means(exercise: Exercise, means: Mapping[str, float | None]) -> dict[str, DimensionMeans]:
    """Dimension id -> its means, from the items' plain means (None for withheld items)."""
    scale = exercise.scale
    assert scale is not None
    out = {}
    for dim in exercise.dimensions:
        mine = [i for i in exercise.scored_items if i.dimension == dim.id]
        out[dim.id] = DimensionMeans(
            mean=index_value([oriented(means.get(i.id), scale, polarity_of(exercise, i)) for i in mine]),
            produced=index_value([means.get(i.id) for i in mine if i.polarity == "produced"]),
            not_produced=index_value([means.get(i.id) for i in mine if i.polarity == "not_produced"]),
        )
    return out


def judge_change(change: float | None, polarity: str, digits: int = 2) -> Change | None:
    """What a change of mean (after − before) means; ``same`` when it rounds to 0 at ``digits``."""
    if change is None:
        return None
    if is_zero(change, digits):  # the rounding the change is written with (``numbers.signed``)
        return "same"
    if polarity == "neutral":
        return "higher" if change > 0 else "lower"
    up_is_good = polarity == "positive"
    return "better" if (change > 0) == up_is_good else "worse"


def iso_date(text: str) -> date | None:
    """The date an action's due text names, only when it is an ISO date (``2026-12-01``).

    The shape is the model's one date rule (``model.ids.valid_date``); anything else is text.
    """
    text = text.strip()
    return date.fromisoformat(text) if valid_date(text) else None


def challenges(
    exercise: Exercise, answers: ExerciseAnswers, *, minimum: int = MIN_ANONYMOUS
) -> list[tuple[str, float]]:
    """The items a group may pick its challenge from, with the figure to show beside each.

    A scored exercise offers its weakest items (``bottom``: the most resistance, the
    highest tension) or, when neutral, its highest; the figure is the plain mean as
    the room scored it. A vote offers the ``TOP_COUNT`` options with most dots.
    """
    if exercise.is_vote:
        totals = vote_totals(exercise, answers)
        counted = vote_count(answers, totals)
        if status_of(answers.results_visible, counted, named=False, minimum=minimum) != "shown":
            return []  # blind, or too few voters: the wall and the exports hold it back too
        dots = {t.item_id: float(t.dots) if t.dots else None for t in totals}
        return [(item_id, value) for item_id in rank(dots)[:TOP_COUNT] if (value := dots[item_id])]
    if exercise.scale is None:
        return []
    stats = item_stats(exercise, answers)
    found = exercise_highlights(exercise, answers, stats, minimum=minimum)
    picked = found.bottom if found.directed else found.top
    return [(item_id, mean) for item_id in picked if (mean := stats[item_id].mean) is not None]


@dataclass(frozen=True)
class ModeSwitch:
    """What switching an exercise between entered scores and tallies would change."""

    target: str
    """The mode switched to."""
    typed: int
    """Scores entered one by one, over all items."""
    tallied: int
    """Scores counted in the room, over all items."""
    counted_after: str
    """The mode whose scores the figures use after the switch (``counted_mode``)."""


def mode_switch(exercise: Exercise, answers: ExerciseAnswers) -> ModeSwitch | None:
    """What pressing the mode key would change, or None when it changes nothing shown.

    Nothing changes when neither mode holds a score, or both hold the same scores for
    every item, or the mode left holds none: back from a tally with no counts, the figures
    already used the entered scores, and the grid shows them again (nothing shown is lost).
    Otherwise the grid would show other scores than now, and the app asks.
    """
    target = "participant" if answers.mode == "tally" else "tally"
    items = [i.id for i in exercise.scored_items]
    typed = sum(len(answers.values_in("participant", i)) for i in items)
    tallied = sum(len(answers.values_in("tally", i)) for i in items)
    if not (tallied if answers.mode == "tally" else typed):
        return None
    if all(answers.values_in("participant", i) == answers.values_in("tally", i) for i in items):
        return None
    switched = answers.with_mode(target)  # type: ignore[arg-type]
    return ModeSwitch(target, typed, tallied, switched.counted_mode)


def legend(directed: bool, lang: str) -> tuple[str, ...]:
    """What ▲, ▼ and ⚡ mean, in ``lang``: one line each, for a legend beside the figures."""
    from workshop_tui.core.i18n import t

    keys = ("legend.best", "legend.weakest") if directed else ("legend.highest", "legend.lowest")
    return (*(t(k, lang) for k in keys), t("legend.split", lang))


def renamed_note(texts: Sequence[str], lang: str) -> str:
    """The note that an item was reworded: «first text» is now «last text»; "" when it was not.

    ``texts`` are the item's texts in the sessions compared, oldest first. Items are matched by
    id, so a reworded item is still compared (the same item); the reader must be told, or
    "Tillid" is read against a question nobody asked. One rule for the trend and ``compare``.
    """
    from workshop_tui.core.i18n import t

    distinct = list(dict.fromkeys(texts))
    if len(distinct) < 2:
        return ""
    return t("trend.note.renamed", lang, before=distinct[0], after=distinct[-1])
