"""Build the summary of a session that every export and comparison reads.

This is the one place where a session's answers become figures; the renderers
in :mod:`workshop_tui.export` only format what is here, so Markdown, HTML and CSV
can never disagree. The statistics themselves come from :mod:`workshop_tui.stats`
(population sd, the disagreement rule, the anonymity threshold), not from here.

Rules applied on top of the statistics, so that the summary is safe to send out:

- **Anonymity.** An item with 1 or 2 answers (fewer than ``stats.MIN_ANONYMOUS``)
  keeps only its n: mean, median, min–max, sd, distribution, rank and the
  individual scores are withheld, because with two scores the mean and the spread
  give both values away. ``named=True`` (``--named``) lifts this: the facilitator
  has then chosen to show who gave what.
- **Participant labels.** Unless ``named``, scores are labelled P1…Pn in an order
  drawn from the session id, not the order of the participant list, so a label
  cannot be matched to the n-th name on the invitation (labels stay the same
  across the exercises of one export, and between exports of the same session).
- **Blind exercises** whose results were never revealed in the room are exported
  without figures (status ``blind``).
- **Facilitator notes** are included only with ``include_notes=True``.
- **Reverse-scored items** (negatively worded) keep their own figures, but rank,
  count in dimension means and in the exercise's index by their *aligned* mean
  (``min + max − mean``), so that "high" means the same for every item.
- **Votes and placements** are withheld as a whole below ``MIN_ANONYMOUS`` voters
  (see :mod:`workshop_tui.summary_kinds`, which builds the newer kinds' parts).

This module is part of the pure core: it never imports textual or rich.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from workshop_tui.figures import aligned, index_value
from workshop_tui.model import Exercise, ExerciseAnswers, Item, Session
from workshop_tui.stats import MIN_ANONYMOUS, ItemStats, competition_ranks, describe, rank
from workshop_tui.summary_kinds import pairs_part, placement_part, scores_of, table_part, text_of, votes_part
from workshop_tui.summary_model import (
    ActionPart,
    BoxSummary,
    DimensionProfile,
    ExerciseSummary,
    GroupActions,
    GroupText,
    ItemStatus,
    ItemSummary,
    ReflectionPart,
    ScaleInfo,
    ScoredPart,
    Summary,
)

TOP_COUNT = 3
"""How many items a rating grid's "top" list holds (more when tied for third)."""


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
        groups=tuple(g.name for g in session.groups),
        exercises=tuple(exercises),
        named=named,
        include_notes=include_notes,
    )


def participant_labels(session: Session, *, named: bool) -> dict[str, str]:
    """Participant id -> the label an export shows.

    Named: the participant's own label (name, or P-id). Anonymous: P1…Pn in an
    order fixed by a hash of the session id and the participant id, so the
    labels do not follow the order in which people were entered.
    """
    if named:
        return {p.id: p.label for p in session.participants}

    def key(participant_id: str) -> str:
        return hashlib.sha256(f"{session.id}\0{participant_id}".encode()).hexdigest()

    shuffled = sorted((p.id for p in session.participants), key=key)
    return {pid: f"P{i}" for i, pid in enumerate(shuffled, start=1)}


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
    base = ExerciseSummary(
        id=exercise.id,
        kind=exercise.kind,
        title=exercise.title.get(lang),
        prompt=text_of(exercise.prompt, lang),
        question=text_of(exercise.question, lang),
        facilitator_note=note,
    )
    if exercise.is_vote:
        return replace(base, votes=votes_part(exercise, answers, lang, labels, named=named))
    if exercise.is_scored:
        part = _scored(session, exercise, answers, lang, labels, named=named)
        return replace(base, scored=part)
    if exercise.kind == "table":
        return replace(base, table=table_part(session, exercise, answers, lang))
    if exercise.kind == "reflection_sheet":
        return replace(base, reflection=_reflection(session, exercise, answers, lang))
    return replace(base, actions=_actions(session, exercise, answers, lang))


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
    items = [_item(exercise, item, answers, lang, labels, named=named) for item in exercise.scored_items]
    # Reverse-scored items rank (and count in dimension means) by their aligned mean.
    ranking = rank({i.id: i.aligned_mean if i.shown else None for i in items})
    ranks = competition_ranks(ranking, {i.id: i.aligned_mean for i in items if i.shown})
    items = [replace(i, rank=ranks.get(i.id)) for i in items]
    by_id = {i.id: i for i in items}
    ranked = [by_id[r] for r in ranking if by_id[r].shown]
    top = _top(ranked) if exercise.kind == "rating_grid" else []
    closing = tuple(
        GroupText(g.name, answers.closing[g.id].strip())
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
        mode=answers.mode,
        items=tuple(items),
        ranking=tuple(ranking),
        top=tuple(i.id for i in top),
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
    lang: str,
    labels: dict[str, str],
    *,
    named: bool,
) -> ItemSummary:
    """One item's figures, withheld (all but n) unless the status is ``shown``."""
    scale = exercise.scale
    assert scale is not None
    stats = describe(answers.values_for(item.id), scale.min, scale.max)
    status: ItemStatus
    if not answers.results_visible:
        status = "blind"
    elif stats.n == 0:
        status = "empty"
    elif stats.n < MIN_ANONYMOUS and not named:
        status = "too_few"
    else:
        status = "shown"
    shown = status == "shown"
    return ItemSummary(
        id=item.id,
        text=item.text.get(lang),
        stats=stats if shown else _withheld(stats),
        status=status,
        dimension=item.dimension or "",
        polarity=item.polarity or "",
        note=answers.notes.get(item.id, "").strip(),
        scores=scores_of(answers, item.id, labels) if shown else (),
        left=text_of(item.left, lang),
        right=text_of(item.right, lang),
        reverse=item.reverse,
        aligned_mean=aligned(stats.mean, scale, item.reverse) if shown else None,
    )


def _withheld(stats: ItemStats) -> ItemStats:
    """The statistics with everything but n blanked (no distribution either)."""
    return ItemStats(stats.n, None, None, None, None, None, (), False)


def _top(ranked: Sequence[ItemSummary]) -> list[ItemSummary]:
    """The first ``TOP_COUNT`` items, plus any tied with the last of them."""
    top = list(ranked[:TOP_COUNT])
    if len(top) == TOP_COUNT:
        last = top[-1].rank
        top += [i for i in ranked[TOP_COUNT:] if i.rank == last]
    return top


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _dimensions(exercise: Exercise, items: Sequence[ItemSummary], lang: str) -> tuple[DimensionProfile, ...]:
    """Per dimension: the mean of its items' means, and per polarity for statements."""
    profiles = []
    for dim in exercise.dimensions:
        mine = [i for i in items if i.dimension == dim.id and i.shown]

        def means(polarity: str | None, mine: list[ItemSummary] = mine) -> list[float]:
            return [
                i.aligned_mean
                for i in mine
                if i.aligned_mean is not None and (polarity is None or i.polarity == polarity)
            ]

        profiles.append(
            DimensionProfile(
                id=dim.id,
                label=dim.label.get(lang),
                definition=text_of(dim.definition, lang),
                mean=_mean(means(None)),
                produced=_mean(means("produced")),
                not_produced=_mean(means("not_produced")),
                produced_label=text_of(dim.produced, lang),
                not_produced_label=text_of(dim.not_produced, lang),
            )
        )
    return tuple(profiles)


def _reflection(session: Session, exercise: Exercise, answers: ExerciseAnswers, lang: str) -> ReflectionPart:
    boxes = tuple(
        BoxSummary(
            number=box.number,
            title=box.title.get(lang),
            question=text_of(box.question, lang),
            subquestions=tuple(f"{q.letter}) {q.text.get(lang)}" for q in box.subquestions),
            answers=tuple(
                GroupText(g.name, answers.texts.get(g.id, {}).get(box.key, "").strip())
                for g in session.groups
            ),
        )
        for box in exercise.boxes
    )
    return ReflectionPart(heading=text_of(exercise.heading, lang), boxes=boxes)


def _actions(session: Session, exercise: Exercise, answers: ExerciseAnswers, lang: str) -> ActionPart:
    groups = tuple(
        GroupActions(
            group=g.name,
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
