"""Rating grids and scales: rating_grid, scale, statement_diagnostic, bipolar, paired_rating.

Every person scores every row on one scale. The kinds differ in their rows (a scale
has one, a paired rating two per item), in the keys their items take, and in what
their summary adds (dimension profile, closing answers, the two sides of a pair).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from workshop_tui.core.i18n import phrase
from workshop_tui.core.kinds.schema import (
    items_dict,
    put_texts,
    read_items,
    read_polarity,
    read_scale,
    scale_dict,
    text_table,
)
from workshop_tui.core.kinds.scored import scored_part
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Dimension, Exercise, Item, Scale, Text
from workshop_tui.core.model.exercise import (
    PAIR_SIDES,
    SCALE_ITEM_ID,
    AnswerPart,
    Body,
    Chart,
    Polarity,
    pair_of,
    pair_row_id,
)
from workshop_tui.core.results.figures import pair_gaps
from workshop_tui.core.storage.reader import Reader, check_id, duplicates

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import ScoredPart


@dataclass(frozen=True)
class GridBody(Body):
    """A rating grid or statement diagnostic: items grouped by dimension, notes, a closing question.

    The best and weakest items are listed (``highlights``).
    """

    highlights = True
    dimensions: tuple[Dimension, ...] = ()
    note_prompt: Text | None = None
    closing_question: Text | None = None

    def profile(self) -> tuple[Dimension, ...]:
        """The dimensions the items are grouped by."""
        return self.dimensions

    @property
    def chart(self) -> Chart:
        """A diagnostic (its dimensions have produced/not produced headings) is drawn per dimension."""
        return "dimensions" if any(d.produced is not None for d in self.dimensions) else "profile"

    def check_answer(self, exercise: Exercise, part: AnswerPart, index: int = 0) -> None:
        """Take notes when the grid asks for them and closing answers when it has the question."""
        if (part == "note" and self.note_prompt is not None) or (
            part == "closing" and self.closing_question is not None
        ):
            return
        super().check_answer(exercise, part, index)


@dataclass(frozen=True)
class PolesBody(Body):
    """Bipolar placements: each item carries its two poles; nothing beside the items."""

    @property
    def chart(self) -> Chart:
        """Each item is drawn as a track between its poles."""
        return "poles"


@dataclass(frozen=True)
class ScaleBody(Body):
    """A single scale: one question, scored as a grid of one row."""

    question_text: Text

    def question(self) -> Text | None:
        """The question the scale asks."""
        return self.question_text

    def score_rows(self, exercise: Exercise) -> tuple[Item, ...]:
        """One row, ``value``, named by the question."""
        return (Item(id=SCALE_ITEM_ID, text=self.question_text),)


@dataclass(frozen=True)
class PairBody(Body):
    """A paired rating: each item scored once on its left side and once on its right."""

    left_label: Text
    """What the left side rates (e.g. Organisationens indre verden)."""
    right_label: Text
    divider: Text | None = None
    """The line between the sides (e.g. "Spejlet")."""

    @property
    def chart(self) -> Chart:
        """The two sides are drawn as mirrored bars."""
        return "mirror"

    def score_rows(self, exercise: Exercise) -> tuple[Item, ...]:
        """Two rows per item, one per side, so both sides are scored (and stored) like any item."""
        rows = []
        for item in exercise.items:
            for side, name in zip(PAIR_SIDES, (self.left_label, self.right_label), strict=True):
                text = Text(f"{item.text.da} – {name.da}", f"{item.text.get('en')} – {name.get('en')}")
                prompt = item.left if side == "left" else item.right
                rows.append(Item(id=pair_row_id(item.id, side), text=text, left=prompt))
        return tuple(rows)

    def source_item(self, exercise: Exercise, row: Item) -> Item:
        """The paired item a side's row belongs to (it takes that item's polarity)."""
        item_id, _ = pair_of(row.id)
        return next((i for i in exercise.items if i.id == item_id and i.id != row.id), row)


def read_scored(reader: Reader) -> tuple[Scale | None, Polarity]:
    """``[scale]`` and ``polarity``, read first as every scored kind's file has them."""
    return read_scale(reader.table("scale")), read_polarity(reader)


def read_grid(reader: Reader) -> Read:
    """A rating grid: optional dimensions, items that may be reversed or polar, notes, closing."""
    scale, polarity = read_scored(reader)
    dimensions = read_dimensions(reader, required=False, diagnostic=False)
    items = read_items(reader, dimensions, extras=frozenset({"reverse", "polarity"}))
    body = GridBody(
        dimensions=dimensions,
        note_prompt=reader.text("note_prompt", required=False),
        closing_question=reader.text("closing_question", required=False),
    )
    return Read(body, items, scale, polarity)


def read_diagnostic(reader: Reader) -> Read:
    """A statement diagnostic: dimensions with both headings, items in a produced/not produced column."""
    scale, polarity = read_scored(reader)
    dimensions = read_dimensions(reader, required=True, diagnostic=True)
    items = read_items(reader, dimensions, diagnostic=True)
    body = GridBody(dimensions=dimensions, closing_question=reader.text("closing_question", required=False))
    return Read(body, items, scale, polarity)


def read_scale_kind(reader: Reader) -> Read:
    """A single scale: the question and the scale."""
    scale, polarity = read_scored(reader)
    return Read(ScaleBody(reader.text("question") or Text("")), (), scale, polarity)


def read_bipolar(reader: Reader) -> Read:
    """Bipolar placements: items with a left and a right pole."""
    scale, polarity = read_scored(reader)
    return Read(PolesBody(), read_items(reader, poles=True, what="problems.things.poles"), scale, polarity)


def read_paired(reader: Reader) -> Read:
    """A paired rating: the two sides' labels, the divider, items with a prompt per side."""
    scale, polarity = read_scored(reader)
    body = PairBody(
        left_label=reader.text("left_label") or Text(""),
        right_label=reader.text("right_label") or Text(""),
        divider=reader.text("divider", required=False),
    )
    items = read_items(reader, extras=frozenset({"polarity", "left", "right"}))
    return Read(body, items, scale, polarity)


def read_dimensions(reader: Reader, *, required: bool, diagnostic: bool) -> tuple[Dimension, ...]:
    """``[[dimensions]]``; a diagnostic's need their ``produced`` and ``not_produced`` headings."""
    found = []
    for sub in reader.tables("dimensions", required=required):
        dimension_id = sub.string("id")
        check_id(sub, "id", dimension_id)
        dim = Dimension(
            id=dimension_id,
            label=sub.text("label") or Text(""),
            definition=sub.text("definition", required=False),
            produced=sub.text("produced", required=diagnostic),
            not_produced=sub.text("not_produced", required=diagnostic),
        )
        sub.finish()
        found.append(dim)
    for dup in duplicates(d.id for d in found):
        reader.problems.add(
            reader.key("dimensions"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.dimension"),
        )
    return tuple(found)


def _dimension_dict(d: Dimension) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "label": text_table(d.label)}
    return put_texts(out, definition=d.definition, produced=d.produced, not_produced=d.not_produced)


def write_grid(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_grid`` and ``read_diagnostic`` read."""
    body = exercise.body_as(GridBody)
    out = put_texts({}, note_prompt=body.note_prompt, closing_question=body.closing_question)
    out.update(scale_dict(exercise))
    if body.dimensions:
        out["dimensions"] = [_dimension_dict(d) for d in body.dimensions]
    return out | items_dict(exercise)


def write_scale(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_scale_kind`` reads."""
    return {"question": text_table(exercise.body_as(ScaleBody).question_text)} | scale_dict(exercise)


def write_bipolar(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_bipolar`` reads (an item's derived ``left ↔ right`` name left out)."""
    return scale_dict(exercise) | items_dict(exercise, poles=True)


def write_paired(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_paired`` reads."""
    body = exercise.body_as(PairBody)
    out = scale_dict(exercise) | items_dict(exercise)
    return put_texts(out, left_label=body.left_label, right_label=body.right_label, divider=body.divider)


def grid_summary(given: SummaryInput) -> ScoredPart:
    """The scored part, with the grid's note prompt and closing question."""
    body = given.exercise.body_as(GridBody)
    return scored_part(
        given, note_prompt=given.text(body.note_prompt), closing_question=given.text(body.closing_question)
    )


def paired_summary(given: SummaryInput) -> ScoredPart:
    """The scored part and each paired item's two side means (of the rows shown) and their gap."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import PairPart, PairRow

    part = scored_part(given)
    exercise, body = given.exercise, given.exercise.body_as(PairBody)
    means = {i.id: i.stats.mean if i.shown else None for i in part.items}
    rows = tuple(
        PairRow(
            id=gap.item_id,
            text=item.text.get(given.lang),
            left=gap.left,
            right=gap.right,
            gap=gap.gap,
            left_prompt=given.text(item.left),
            right_prompt=given.text(item.right),
        )
        for item, gap in zip(exercise.items, pair_gaps(exercise, means), strict=True)
    )
    pairs = PairPart(
        left_label=given.text(body.left_label),
        right_label=given.text(body.right_label),
        divider=given.text(body.divider),
        rows=rows,
    )
    return replace(part, pairs=pairs)


SPECS = (
    KindSpec("rating_grid", GridBody, read_grid, write_grid, grid_summary),
    KindSpec("scale", ScaleBody, read_scale_kind, write_scale, scored_part),
    KindSpec("statement_diagnostic", GridBody, read_diagnostic, write_grid, grid_summary),
    KindSpec("bipolar", PolesBody, read_bipolar, write_bipolar, scored_part),
    KindSpec("paired_rating", PairBody, read_paired, write_paired, paired_summary),
)
"""The kinds of this family, for the registry."""
