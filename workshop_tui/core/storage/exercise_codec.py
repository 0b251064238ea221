"""Exercise definitions to and from TOML tables, validating every key.

The same parser reads the built-in files, the facilitator's own files and the
copies of exercises kept inside session files, so all three are held to one schema
(documented in ``exercises/README.md``).
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.model import (
    KINDS,
    SCORED_KINDS,
    VOTE_KINDS,
    Box,
    Dimension,
    Exercise,
    Scale,
    Source,
    SubQuestion,
    Text,
)
from workshop_tui.core.model.exercise import POLARITIES
from workshop_tui.core.model.ids import ID as ID_PATTERN
from workshop_tui.core.storage.exercise_kinds import (
    check_id,
    check_ids,
    instructions,
    item_dict,
    kind_to_dict,
    parse_items,
    parse_kind,
    text_table,
)
from workshop_tui.core.storage.reader import Reader, duplicates

__all__ = ["ID_PATTERN", "exercise_to_dict", "parse_exercise", "text_table"]

MAX_SCALE_STEPS = 20


def parse_exercise(reader: Reader) -> Exercise | None:
    """Build an Exercise from a table, recording every problem on ``reader.problems``.

    Returns None when the table has errors (the problems say which).
    """
    before = reader.problems.error_count
    exercise_id = reader.string("id")
    check_id(reader, "id", exercise_id)
    version = reader.integer("version", minimum=1)
    kind = reader.string("kind")
    if kind and kind not in KINDS:
        import difflib

        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(KINDS)}"
        reader.problems.add(reader.key("kind"), f"unknown kind {kind!r}", hint)
    title = reader.text("title")
    source = _source(reader.table("source"))
    common: dict[str, Any] = {
        "prompt": reader.text("prompt", required=False),
        "guide": reader.text("guide", required=False),
    }
    scale = None
    if kind in SCORED_KINDS and kind not in VOTE_KINDS:
        scale = _scale(reader.table("scale"))
        common["polarity"] = _polarity(reader)
    if kind == "rating_grid":
        common["dimensions"] = _dimensions(reader, required=False, diagnostic=False)
        common["items"] = parse_items(reader, common["dimensions"], extras=frozenset({"reverse", "polarity"}))
        common["note_prompt"] = reader.text("note_prompt", required=False)
        common["closing_question"] = reader.text("closing_question", required=False)
    elif kind == "statement_diagnostic":
        common["dimensions"] = _dimensions(reader, required=True, diagnostic=True)
        common["items"] = parse_items(reader, common["dimensions"], diagnostic=True)
        common["closing_question"] = reader.text("closing_question", required=False)
    elif kind == "scale":
        common["question"] = reader.text("question")
    elif kind == "reflection_sheet":
        common["heading"] = reader.text("heading", required=False)
        common["boxes"] = _boxes(reader)
    elif kind == "action_list":
        common["count"] = reader.integer("count", minimum=1, maximum=20)
        common["action_label"] = reader.text("action_label")
        common["challenge_prompt"] = reader.text("challenge_prompt", required=False)
        common["challenge_from"] = tuple(
            check_ids(reader, "challenge_from", reader.strings("challenge_from", required=False))
        )
        common["instructions"] = instructions(reader)
    else:
        common.update(parse_kind(reader, kind, scale))
        scale = common.pop("scale", scale)
    reader.finish()
    if reader.problems.error_count > before or title is None or source is None:
        return None
    return Exercise(
        id=exercise_id,
        version=version,
        kind=kind,  # type: ignore[arg-type]
        title=title,
        source=source,
        scale=scale,
        **common,
    )


def _polarity(reader: Reader) -> str:
    """The exercise's ``polarity`` (what a higher score means), ``neutral`` when not given."""
    polarity = reader.string("polarity", required=False) or "neutral"
    if polarity not in POLARITIES:
        reader.problems.add(
            reader.key("polarity"),
            f"unknown polarity {polarity!r}",
            'use "positive" (a high score is good), "negative" (a high score is bad) or "neutral"',
        )
    return polarity


def _source(reader: Reader | None) -> Source | None:
    if reader is None:
        return None
    source = Source(
        file=reader.string("file"),
        lines=reader.string("lines"),
        slide=reader.integer("slide", required=False, minimum=1) if reader.has("slide") else None,
        note=reader.string("note", required=False),
    )
    reader.finish()
    return source


def _scale(reader: Reader | None) -> Scale | None:
    if reader is None:
        return None
    low = reader.integer("min")
    high = reader.integer("max")
    if reader.has("min") and reader.has("max") and low >= high:
        reader.problems.add(
            reader.key("min"), f"min ({low}) is not below max ({high})", "make min smaller than max"
        )
    elif high - low > MAX_SCALE_STEPS:
        reader.problems.add(
            reader.key("max"), f"the scale has {high - low + 1} steps", f"use at most {MAX_SCALE_STEPS + 1}"
        )
    scale = Scale(
        min=low,
        max=high,
        min_label=reader.text("min_label") or Text(""),
        max_label=reader.text("max_label") or Text(""),
        inferred=reader.boolean("inferred"),
        inferred_note=reader.string("inferred_note", required=False),
    )
    reader.finish()
    return scale


def _dimensions(reader: Reader, *, required: bool, diagnostic: bool) -> tuple[Dimension, ...]:
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
            reader.key("dimensions"), f"dimension id {dup!r} is used twice", "give each dimension its own id"
        )
    return tuple(found)


def _boxes(reader: Reader) -> tuple[Box, ...]:
    found = []
    for sub in reader.tables("boxes"):
        subquestions = []
        for q in sub.tables("subquestions", required=False):
            subquestions.append(SubQuestion(letter=q.string("letter"), text=q.text("text") or Text("")))
            q.finish()
        found.append(
            Box(
                number=sub.integer("number", minimum=1, maximum=99),
                title=sub.text("title") or Text(""),
                question=sub.text("question", required=False),
                subquestions=tuple(subquestions),
            )
        )
        sub.finish()
    for dup in duplicates(b.key for b in found):
        reader.problems.add(
            reader.key("boxes"), f"box number {dup} is used twice", "number the boxes 1, 2, 3 …"
        )
    return tuple(found)


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The TOML table for an exercise; ``parse_exercise`` reads it back unchanged."""
    data: dict[str, Any] = {
        "id": exercise.id,
        "version": exercise.version,
        "kind": exercise.kind,
        "title": text_table(exercise.title),
    }
    source: dict[str, Any] = {"file": exercise.source.file, "lines": exercise.source.lines}
    if exercise.source.slide is not None:
        source["slide"] = exercise.source.slide
    if exercise.source.note:
        source["note"] = exercise.source.note
    data["source"] = source
    for name in (
        "prompt",
        "guide",
        "note_prompt",
        "closing_question",
        "question",
        "heading",
        "action_label",
        "challenge_prompt",
    ):
        value = getattr(exercise, name)
        if value is not None:
            data[name] = text_table(value)
    if exercise.scale is not None and not exercise.is_vote:
        s = exercise.scale
        scale: dict[str, Any] = {
            "min": s.min,
            "max": s.max,
            "inferred": s.inferred,
            "min_label": text_table(s.min_label),
            "max_label": text_table(s.max_label),
        }
        if s.inferred_note:
            scale["inferred_note"] = s.inferred_note
        data["scale"] = scale
    if exercise.polarity != "neutral":
        data["polarity"] = exercise.polarity
    if exercise.dimensions:
        data["dimensions"] = [_dimension_dict(d) for d in exercise.dimensions]
    if exercise.items:
        data["items"] = [item_dict(exercise, i) for i in exercise.items]
    if exercise.boxes:
        data["boxes"] = [_box_dict(b) for b in exercise.boxes]
    if exercise.kind == "action_list":
        data["count"] = exercise.count
        if exercise.challenge_from:
            data["challenge_from"] = list(exercise.challenge_from)
    if exercise.instructions:
        data["instructions"] = [{"text": text_table(t)} for t in exercise.instructions]
    data.update(kind_to_dict(exercise))
    return data


def _dimension_dict(d: Dimension) -> dict[str, Any]:
    out: dict[str, Any] = {"id": d.id, "label": text_table(d.label)}
    for name in ("definition", "produced", "not_produced"):
        value = getattr(d, name)
        if value is not None:
            out[name] = text_table(value)
    return out


def _box_dict(b: Box) -> dict[str, Any]:
    out: dict[str, Any] = {"number": b.number, "title": text_table(b.title)}
    if b.question is not None:
        out["question"] = text_table(b.question)
    if b.subquestions:
        out["subquestions"] = [{"letter": q.letter, "text": text_table(q.text)} for q in b.subquestions]
    return out
