"""Summary parts of the newer kinds: votes, paired ratings, two-axis placements, tables.

Called by :mod:`workshop_tui.core.results.summary`, which owns the rules these parts follow
(anonymity, blind results, participant labels); the figures themselves come from
:mod:`workshop_tui.core.results.figures`. A vote or a placement is withheld as a whole when
fewer than ``stats.MIN_ANONYMOUS`` people took part: per-option counts are safe
on their own, but with two voters they tell each of them what the other chose.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from workshop_tui.core.model import Exercise, ExerciseAnswers, Option, Session, Text
from workshop_tui.core.model.exercise import cell_key
from workshop_tui.core.results.figures import pair_gaps, placement, vote_totals, voters, winners
from workshop_tui.core.results.rules import status_of
from workshop_tui.core.results.stats import competition_ranks, rank
from workshop_tui.core.results.summary_model import (
    ANONYMOUS_LABEL,
    TALLY_LABEL,
    GroupTable,
    ItemSummary,
    MatrixPart,
    PairPart,
    PairRow,
    PlacementPart,
    Score,
    TableColumn,
    TablePart,
    TableRow,
    VoteOption,
    VotePart,
    ZoneCount,
)


def text_of(text: Text | None, lang: str) -> str:
    """An optional text in ``lang`` (empty when the exercise does not have it)."""
    return text.get(lang) if text is not None else ""


def votes_part(
    exercise: Exercise, answers: ExerciseAnswers, lang: str, labels: dict[str, str], *, named: bool
) -> VotePart:
    """Dots, people and shares per option, ranked; the single choice's responses with them."""
    votes = exercise.votes
    assert votes is not None, "a vote kind always has votes"
    totals = vote_totals(exercise, answers)
    people = voters(answers)
    total = sum(t.dots for t in totals)
    counted = people if answers.counted_mode == "participant" else total
    status = status_of(answers.results_visible, counted, named=named)
    shown = status == "shown"
    ranking = rank({t.item_id: float(t.dots) if t.dots else None for t in totals}) if shown else []
    places = competition_ranks(ranking, {t.item_id: float(t.dots) for t in totals})
    best = set(winners(totals)) if shown else set()
    options = []
    for item, t in zip(exercise.items, totals, strict=True):
        options.append(
            VoteOption(
                id=item.id,
                text=item.text.get(lang),
                people=t.people if shown else 0,
                dots=t.dots if shown else 0,
                share=t.share if shown else None,
                rank=places.get(item.id) if shown and t.dots else None,
                winner=item.id in best,
                response=text_of(item.response, lang),
                scores=scores_of(answers, item.id, labels) if shown else (),
            )
        )
    return VotePart(
        single=exercise.kind == "single_choice",
        dots=votes.dots,
        max_per_item=votes.max_per_item,
        inferred=votes.inferred,
        mode=answers.counted_mode,
        status=status,
        voters=people,
        total=total if shown else 0,
        options=tuple(options),
        ranking=tuple(ranking),
    )


def scores_of(answers: ExerciseAnswers, item_id: str, labels: dict[str, str]) -> tuple[Score, ...]:
    """Every score (or a vote's dots) for an item.

    With ``labels`` (a named export) each score has its participant's name, in name
    order; without them (anonymous) the scores have no label and are sorted by value,
    so their order and labels say nothing about who gave them.
    """
    if answers.counted_mode == "tally":
        return tuple(Score(TALLY_LABEL, v) for v in answers.values_for(item_id))
    row = answers.scores.get(item_id, {})
    if not labels:
        return tuple(Score(ANONYMOUS_LABEL, v) for v in sorted(row.values()))
    scores = [Score(labels.get(pid, pid.upper()), value) for pid, value in row.items()]
    return tuple(sorted(scores, key=lambda s: label_key(s.label)))


def label_key(label: str) -> tuple[int, str]:
    """Sort P2 before P10; names alphabetically after P-labels."""
    if label[:1] == "P" and label[1:].isdigit():
        return (int(label[1:]), "")
    return (1 << 30, label.lower())


def pairs_part(exercise: Exercise, items: Sequence[ItemSummary], lang: str) -> PairPart:
    """Each paired item's two side means (of the rows whose figures are shown) and the gap."""
    means = {i.id: i.stats.mean if i.shown else None for i in items}
    rows = tuple(
        PairRow(
            id=gap.item_id,
            text=item.text.get(lang),
            left=gap.left,
            right=gap.right,
            gap=gap.gap,
            left_prompt=text_of(item.left, lang),
            right_prompt=text_of(item.right, lang),
        )
        for item, gap in zip(exercise.items, pair_gaps(exercise, means), strict=True)
    )
    return PairPart(
        left_label=text_of(exercise.left_label, lang),
        right_label=text_of(exercise.right_label, lang),
        divider=text_of(exercise.divider, lang),
        rows=rows,
    )


def placement_part(exercise: Exercise, answers: ExerciseAnswers, lang: str, *, named: bool) -> PlacementPart:
    """Points, zone counts and centroid of a two-axis placement (only n unless shown)."""
    scale = exercise.scale
    assert scale is not None
    found = placement(exercise, answers)
    status = status_of(answers.results_visible, found.n, named=named)
    base = PlacementPart(
        x_label=exercise.items[0].text.get(lang),
        y_label=exercise.items[1].text.get(lang),
        low=scale.min,
        high=scale.max,
        status=status,
        n=found.n,
    )
    if status != "shown":
        return base
    zones = tuple(ZoneCount(z.id, z.label.get(lang), z.x, z.y, found.zones[z.id]) for z in exercise.zones)
    return replace(
        base,
        points=tuple((x, y, count) for (x, y), count in found.points.items()),
        zones=zones,
        on_line=found.on_line,
        centroid=found.centroid,
    )


def table_part(session: Session, exercise: Exercise, answers: ExerciseAnswers, lang: str) -> TablePart:
    """Each group's filled-in rows (choices as their labels) and, if asked for, its matrix."""
    columns = tuple(
        TableColumn(c.id, c.label.get(lang), c.is_choice, any(o.check for o in c.options))
        for c in exercise.columns
    )
    checkable = sum(1 for c in columns if c.checkable)
    groups = []
    for group in session.groups:
        texts = answers.texts.get(group.id, {})
        rows = []
        for number in range(1, exercise.rows + 1):
            raw = [texts.get(cell_key(number, c.id), "").strip() for c in exercise.columns]
            if not any(raw):
                continue
            cells = []
            checks = 0
            for column, value in zip(exercise.columns, raw, strict=True):
                option = column.option(value) if column.is_choice else None
                cells.append(option.label.get(lang) if option is not None else value)
                checks += 1 if option is not None and option.check else 0
            rows.append(TableRow(number, tuple(cells), checks if checkable else None))
        groups.append(GroupTable(group.name, tuple(rows), _matrix(exercise, texts, rows, lang)))
    return TablePart(
        heading=text_of(exercise.heading, lang),
        instructions=tuple(t.get(lang) for t in exercise.instructions),
        columns=columns,
        groups=tuple(groups),
        checkable=checkable,
    )


def _matrix(
    exercise: Exercise, texts: Mapping[str, str], rows: Sequence[TableRow], lang: str
) -> MatrixPart | None:
    matrix = exercise.matrix
    if matrix is None:
        return None
    by_id = {c.id: c for c in exercise.columns}
    across, down, label = by_id[matrix.columns], by_id[matrix.rows], by_id[matrix.label]
    values = texts
    cells: list[list[list[str]]] = [[[] for _ in across.options] for _ in down.options]
    for row in rows:
        r = _option_index(down.options, values.get(cell_key(row.number, down.id), ""))
        c = _option_index(across.options, values.get(cell_key(row.number, across.id), ""))
        name = values.get(cell_key(row.number, label.id), "").strip()
        if r is not None and c is not None and name:
            cells[r][c].append(name)
    return MatrixPart(
        row_label=down.label.get(lang),
        column_label=across.label.get(lang),
        row_options=tuple(o.label.get(lang) for o in down.options),
        column_options=tuple(o.label.get(lang) for o in across.options),
        cells=tuple(tuple(tuple(names) for names in line) for line in cells),
    )


def _option_index(options: Sequence[Option], value: str) -> int | None:
    return next((i for i, o in enumerate(options) if o.id == value), None)
