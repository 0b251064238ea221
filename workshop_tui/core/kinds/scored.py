"""The summary of every kind scored on a scale: per-item figures, ranks, profile and index.

Rating grids, scales, diagnostics, bipolar and paired ratings and two-axis placements
all keep their answers in the score grid, so they share this part; a kind adds its own
piece (the pairs, the placement) with ``dataclasses.replace``. The rules applied here (anonymity,
blind results, polarity, the counted mode) are described in
:mod:`workshop_tui.core.results.summary`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, repeat
from typing import TYPE_CHECKING

from workshop_tui.core.kinds.spec import SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Item, Scale
from workshop_tui.core.model.answers import MODES
from workshop_tui.core.model.people import tally_room
from workshop_tui.core.results.figures import (
    aligned,
    index_value,
    item_stats,
    part_rankings,
    tally_over_room,
)
from workshop_tui.core.results.numbers import turned
from workshop_tui.core.results.rules import (
    dimension_means,
    exercise_highlights,
    item_order,
    oriented,
    polarity_of,
    status_of,
)
from workshop_tui.core.results.stats import ItemStats

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import (
        DimensionProfile,
        ItemSummary,
        Score,
        ScoredPart,
    )


def scored_part(given: SummaryInput, *, note_prompt: str = "", closing_question: str = "") -> ScoredPart:
    """Every row's figures (withheld unless shown), the ranking, top and bottom, profile and index."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import GroupText, ScaleInfo, ScoredPart

    session, exercise, answers, lang = given.session, given.exercise, given.answers, given.lang
    scale = exercise.scale
    assert scale is not None, "a scored exercise always has a scale (checked on load)"
    stats = item_stats(exercise, answers)
    found = exercise_highlights(exercise, answers, stats, minimum=session.min_answers)
    items = [
        _item(given, item, stats[item.id], rank=found.ranks.get(item.id)) for item in exercise.scored_items
    ]
    # Every list of the items (profile, wall) reads this one order: best first by polarity.
    ranking = item_order(exercise, {i.id: i.stats.mean if i.shown else None for i in items})
    closing = tuple(
        GroupText(g.label(given.lang), answers.closing[g.id].strip())
        for g in session.groups
        if answers.closing.get(g.id, "").strip()
    )
    return ScoredPart(
        scale=ScaleInfo(
            scale.min,
            scale.max,
            scale.min_label.get(lang),
            scale.max_label.get(lang),
            scale.inferred,
        ),
        mode=answers.counted_mode,
        items=tuple(items),
        ranking=tuple(ranking),
        top=found.top,
        bottom=found.bottom,
        directed=found.directed,
        other_mode=any(answers.has_mode_data(m) for m in MODES if m != answers.counted_mode),
        over_room=_over_room(given),
        over_room_ids=tuple(item for item, _ in tally_over_room(given.session, exercise.id)),
        part_rankings=part_rankings(exercise, answers),
        dimensions=_dimensions(exercise, items, lang),
        note_prompt=note_prompt,
        closing_question=closing_question,
        closing=closing,
        index=index_value([i.aligned_mean for i in items if i.shown]) if exercise.has_reverse else None,
        kind=exercise.kind,
        chart=exercise.body.chart,
    )


def _over_room(given: SummaryInput) -> tuple[tuple[str, int, int], ...]:
    """The items whose tally counts more than the room, with their text (``figures.tally_over_room``)."""
    session, exercise = given.session, given.exercise
    room = tally_room(session.participants, exercise.id)
    texts = {item.id: item.text.get(given.lang) for item in exercise.scored_items}
    return tuple((texts[item], total, room) for item, total in tally_over_room(session, exercise.id))


def _item(given: SummaryInput, item: Item, stats: ItemStats, *, rank: int | None) -> ItemSummary:
    """One item's figures, withheld (all but n) unless the status is ``shown``."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import ItemSummary

    exercise, answers = given.exercise, given.answers
    scale = exercise.scale
    assert scale is not None
    status = status_of(answers.results_visible, stats.n, named=given.named, minimum=given.session.min_answers)
    shown = status == "shown"
    direction = polarity_of(exercise, item)
    return ItemSummary(
        id=item.id,
        text=item.text.get(given.lang),
        stats=stats if shown else _withheld(stats),
        status=status,
        dimension=item.dimension or "",
        polarity=item.polarity or "",
        direction=direction,
        rank=rank if shown else None,
        note=answers.notes.get(item.id, "").strip(),
        scores=scores_of(answers, item.id, given.labels, stats.distribution) if shown else (),
        left=given.text(item.left),
        right=given.text(item.right),
        reverse=item.reverse,
        aligned_mean=_aligned(stats.mean, scale, item.reverse) if shown else None,
        oriented_mean=oriented(stats.mean, scale, direction) if shown else None,
    )


def _aligned(mean: float | None, scale: Scale, reverse: bool) -> float | None:
    """The mean as it counts in the index and the profile; a reverse-scored one turned from its
    written figure (``numbers.turned``), so the exports' mean and turned mean add up as written."""
    if mean is None or not reverse:
        return aligned(mean, scale, reverse)
    return turned(mean, scale.min, scale.max)


def _withheld(stats: ItemStats) -> ItemStats:
    """The statistics with everything but n blanked (no distribution either)."""
    return ItemStats(stats.n, None, None, None, None, None, (), False)


def _dimensions(exercise: Exercise, items: Sequence[ItemSummary], lang: str) -> tuple[DimensionProfile, ...]:
    """Per dimension: the mean of its items' oriented means, and per K/K/C column (shown items only)."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import DimensionProfile

    means = {i.id: i.stats.mean if i.shown else None for i in items}
    found = dimension_means(exercise, means)
    return tuple(
        DimensionProfile(
            id=dim.id,
            label=dim.label.get(lang),
            definition=dim.definition.get(lang) if dim.definition else "",
            mean=found[dim.id].mean,
            produced=found[dim.id].produced,
            not_produced=found[dim.id].not_produced,
            produced_label=dim.produced.get(lang) if dim.produced else "",
            not_produced_label=dim.not_produced.get(lang) if dim.not_produced else "",
        )
        for dim in exercise.dimensions
    )


def scores_of(
    answers: ExerciseAnswers,
    item_id: str,
    labels: dict[str, str],
    distribution: Sequence[tuple[int, int]] | None = None,
) -> tuple[Score, ...]:
    """Every score (or a vote's dots) for an item.

    With ``labels`` (a named export) each score has its participant's name, in name
    order; without them (anonymous) the scores have no label and are sorted by value,
    so their order and labels say nothing about who gave them.

    ``distribution``: the item's (score, count) pairs as ``stats.describe`` counted them from
    the same scores (``values_for``), when the caller has them. The scores sorted by value are
    then those pairs spelled out, instead of the row sorted again (a 400-person item has 400).
    """
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import ANONYMOUS_LABEL, TALLY_LABEL, Score

    tally = answers.counted_mode == "tally"
    if distribution is not None and (tally or not labels):
        label = TALLY_LABEL if tally else ANONYMOUS_LABEL
        spelled = [repeat(Score(label, value), count) for value, count in distribution if count]
        return tuple(chain.from_iterable(spelled))
    if tally:
        return _same_label(TALLY_LABEL, answers.values_for(item_id))
    row = answers.scores.get(item_id, {})
    if not labels:
        return _same_label(ANONYMOUS_LABEL, sorted(row.values()))
    scores = [Score(labels.get(pid, pid.upper()), value) for pid, value in row.items()]
    return tuple(sorted(scores, key=lambda s: label_key(s.label)))


def _same_label(label: str, values: Iterable[int]) -> tuple[Score, ...]:
    """A score per value, all with one label: equal scores are one (frozen) object, made once,
    instead of one object per person (400 people answer 44 items in a large seminar)."""
    from workshop_tui.core.results.summary_model import Score  # see scores_of

    values = list(values)
    made = {value: Score(label, value) for value in set(values)}
    return tuple(map(made.__getitem__, values))


def label_key(label: str) -> tuple[int, str]:
    """Sort P2 before P10; names alphabetically after P-labels.

    A name is typed or read from a file: "P²" passes ``isdigit`` but not ``int``, and "P" with
    5,000 digits passes both checks but not ``int`` (4,300 digits at most); both are names.
    """
    number = label[1:]
    if label[:1] == "P" and number.isascii() and number.isdigit() and len(number) < 10:
        return (int(number), "")
    return (1 << 30, label.lower())
