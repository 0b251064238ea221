"""Build the summary of a session that every export and comparison reads.

This is the one place where a session's answers become figures; the renderers
in :mod:`workshop_tui.export` only format what is here, so Markdown, HTML and CSV
can never disagree. The statistics themselves come from :mod:`workshop_tui.core.results.stats`
(population sd, the disagreement rule, the anonymity threshold), not from here.

Rules applied on top of the statistics, so that the summary is safe to send out:

- **Anonymity.** An item with 1 or 2 answers (fewer than ``stats.MIN_ANONYMOUS``;
  the rule is ``results.status_of``) keeps only its n: mean, median, min–max, sd,
  distribution, rank and the individual scores are withheld, because with two
  scores the mean and the spread give both values away. ``named=True``
  (``--named``) lifts this: the facilitator has then chosen to show who gave what.
- **No line-up across items.** Unless ``named``, the individual scores an export
  lists (the CSV's score rows) carry no participant label and are sorted by value,
  item by item, so nobody can line one person's answers up across items or
  exercises; the figures are unchanged. ``named`` shows each score's name.
- **Blind exercises** whose results were never revealed in the room are exported
  without figures (status ``blind``).
- **Facilitator notes** are included only with ``include_notes=True``.
- **Polarity.** Ranks, the best and weakest items and dimension means read each
  item's mean *oriented* by its polarity (``results``): a negative item's mean is
  turned round (``min + max − mean``), so that higher is better for every item.
  Reverse-scored items are also drawn turned in the profile and the index.
- **Mode.** The scores of the mode that counts (``ExerciseAnswers.counted_mode``)
  are used, and the part says which, and whether the other mode holds scores too.
- **Votes and placements** are withheld as a whole below ``MIN_ANONYMOUS`` voters
  (see :mod:`workshop_tui.core.results.summary_kinds`, which builds the newer kinds' parts).

This module is part of the pure core: it never imports textual or rich.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.core.model import Exercise, ExerciseAnswers, Item, Session
from workshop_tui.core.model.answers import MODES
from workshop_tui.core.results.figures import aligned, index_value, item_stats
from workshop_tui.core.results.rules import (
    dimension_means,
    exercise_highlights,
    oriented,
    polarity_of,
    status_of,
)
from workshop_tui.core.results.stats import ItemStats, rank
from workshop_tui.core.results.summary_kinds import (
    pairs_part,
    placement_part,
    scores_of,
    table_part,
    text_of,
    votes_part,
)
from workshop_tui.core.results.summary_model import (
    ActionPart,
    BoxSummary,
    DimensionProfile,
    ExerciseSummary,
    GroupActions,
    GroupText,
    ItemSummary,
    ReflectionPart,
    ScaleInfo,
    ScoredPart,
    Summary,
    SummaryPart,
)


def build_summary(session: Session, *, include_notes: bool = False, named: bool = False) -> Summary:
    """Summarise every exercise of the session's agenda, in agenda order.

    Args:
        session: the session to summarise (it is not changed).
        include_notes: include the facilitator's private notes.
        named: show participants' names with their scores and lift the
            too-few-answers rule (the facilitator's explicit choice).
    """
    lang = session.language
    labels = participant_labels(session, named=named)
    exercises = []
    for exercise_id in session.agenda:
        exercise = session.exercises.get(exercise_id)
        if exercise is None:
            continue
        note = session.notes.get(exercise_id, "").strip() if include_notes else ""
        exercises.append(_exercise(session, exercise, lang, labels, named=named, note=note))
    return Summary(
        session_id=session.id,
        title=session.title,
        date=session.date,
        language=lang,
        organisation=session.organisation,
        facilitator=session.facilitator,
        participants=len(session.participants),
        groups=tuple(g.label(lang) for g in session.groups),
        exercises=tuple(exercises),
        named=named,
        include_notes=include_notes,
    )


def participant_labels(session: Session, *, named: bool) -> dict[str, str]:
    """Participant id -> the label an export shows beside a score.

    Named: the participant's own label (name, or P-id). Anonymous: no labels at all
    (empty), because any label kept across items would let one person's answers be
    lined up across them.
    """
    if named:
        return {p.id: p.label for p in session.participants}
    return {}


def _exercise(
    session: Session,
    exercise: Exercise,
    lang: str,
    labels: dict[str, str],
    *,
    named: bool,
    note: str,
) -> ExerciseSummary:
    answers = session.answers_for(exercise.id)
    part: SummaryPart
    if exercise.is_vote:
        part = votes_part(exercise, answers, lang, labels, named=named)
    elif exercise.is_scored:
        part = _scored(session, exercise, answers, lang, labels, named=named)
    elif exercise.kind == "table":
        part = table_part(session, exercise, answers, lang)
    elif exercise.kind == "reflection_sheet":
        part = _reflection(session, exercise, answers, lang)
    else:
        part = _actions(session, exercise, answers, lang)
    return ExerciseSummary(
        id=exercise.id,
        kind=exercise.kind,
        title=exercise.title.get(lang),
        part=part,
        prompt=text_of(exercise.prompt, lang),
        question=text_of(exercise.question, lang),
        facilitator_note=note,
    )


def _scored(
    session: Session,
    exercise: Exercise,
    answers: ExerciseAnswers,
    lang: str,
    labels: dict[str, str],
    *,
    named: bool,
) -> ScoredPart:
    scale = exercise.scale
    assert scale is not None, "a scored exercise always has a scale (checked on load)"
    stats = item_stats(exercise, answers)
    found = exercise_highlights(exercise, answers, stats)
    items = [
        _item(
            exercise, item, answers, stats[item.id], lang, labels, named=named, rank=found.ranks.get(item.id)
        )
        for item in exercise.scored_items
    ]
    # The profile is drawn in the order of the means as drawn (reversed items turned).
    ranking = rank({i.id: i.aligned_mean if i.shown else None for i in items})
    closing = tuple(
        GroupText(g.label(lang), answers.closing[g.id].strip())
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
        dimensions=_dimensions(exercise, items, lang),
        note_prompt=text_of(exercise.note_prompt, lang),
        closing_question=text_of(exercise.closing_question, lang),
        closing=closing,
        index=index_value([i.aligned_mean for i in items if i.shown]) if exercise.has_reverse else None,
        pairs=pairs_part(exercise, items, lang) if exercise.kind == "paired_rating" else None,
        placement=placement_part(exercise, answers, lang, named=named)
        if exercise.kind == "two_axis"
        else None,
        kind=exercise.kind,
    )


def _item(
    exercise: Exercise,
    item: Item,
    answers: ExerciseAnswers,
    stats: ItemStats,
    lang: str,
    labels: dict[str, str],
    *,
    named: bool,
    rank: int | None,
) -> ItemSummary:
    """One item's figures, withheld (all but n) unless the status is ``shown``."""
    scale = exercise.scale
    assert scale is not None
    status = status_of(answers.results_visible, stats.n, named=named)
    shown = status == "shown"
    direction = polarity_of(exercise, item)
    return ItemSummary(
        id=item.id,
        text=item.text.get(lang),
        stats=stats if shown else _withheld(stats),
        status=status,
        dimension=item.dimension or "",
        polarity=item.polarity or "",
        direction=direction,
        rank=rank if shown else None,
        note=answers.notes.get(item.id, "").strip(),
        scores=scores_of(answers, item.id, labels) if shown else (),
        left=text_of(item.left, lang),
        right=text_of(item.right, lang),
        reverse=item.reverse,
        aligned_mean=aligned(stats.mean, scale, item.reverse) if shown else None,
        oriented_mean=oriented(stats.mean, scale, direction) if shown else None,
    )


def _withheld(stats: ItemStats) -> ItemStats:
    """The statistics with everything but n blanked (no distribution either)."""
    return ItemStats(stats.n, None, None, None, None, None, (), False)


def _dimensions(exercise: Exercise, items: Sequence[ItemSummary], lang: str) -> tuple[DimensionProfile, ...]:
    """Per dimension: the mean of its items' oriented means, and per K/K/C column (shown items only)."""
    means = {i.id: i.stats.mean if i.shown else None for i in items}
    found = dimension_means(exercise, means)
    return tuple(
        DimensionProfile(
            id=dim.id,
            label=dim.label.get(lang),
            definition=text_of(dim.definition, lang),
            mean=found[dim.id].mean,
            produced=found[dim.id].produced,
            not_produced=found[dim.id].not_produced,
            produced_label=text_of(dim.produced, lang),
            not_produced_label=text_of(dim.not_produced, lang),
        )
        for dim in exercise.dimensions
    )


def _reflection(session: Session, exercise: Exercise, answers: ExerciseAnswers, lang: str) -> ReflectionPart:
    boxes = tuple(
        BoxSummary(
            number=box.number,
            title=box.title.get(lang),
            question=text_of(box.question, lang),
            subquestions=tuple(f"{q.letter}) {q.text.get(lang)}" for q in box.subquestions),
            answers=tuple(
                GroupText(g.label(lang), answers.texts.get(g.id, {}).get(box.key, "").strip())
                for g in session.groups
            ),
        )
        for box in exercise.boxes
    )
    return ReflectionPart(heading=text_of(exercise.heading, lang), boxes=boxes)


def _actions(session: Session, exercise: Exercise, answers: ExerciseAnswers, lang: str) -> ActionPart:
    groups = tuple(
        GroupActions(
            group=g.label(lang),
            challenge=answers.challenge.get(g.id, "").strip(),
            actions=tuple(a for a in answers.actions.get(g.id, ()) if not a.is_empty),
        )
        for g in session.groups
    )
    return ActionPart(
        action_label=text_of(exercise.action_label, lang),
        challenge_prompt=text_of(exercise.challenge_prompt, lang),
        instructions=tuple(t.get(lang) for t in exercise.instructions),
        groups=groups,
    )


def exercise_summary(session: Session, exercise_id: str, lang: str) -> ExerciseSummary:
    """One exercise as the room may see it, in ``lang``: anonymous, no notes (for the projector).

    The same figures and rules as the exports (withheld when blind or too few answered,
    the top items, the split flag, the dimension profile), so wall and report agree.
    """
    labels = participant_labels(session, named=False)
    return _exercise(session, session.exercise(exercise_id), lang, labels, named=False, note="")
