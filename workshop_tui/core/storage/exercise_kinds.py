"""The parts of an exercise file that depend on its kind: items, votes, sides, zones, tables.

``exercise_codec`` reads the keys every exercise has and asks this module for the
rest, so each kind's keys are read (and its typical mistakes reported) in one
place. ``kind_to_dict`` writes the same keys back, so that reading what was
written gives the same exercise.
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.model import (
    Column,
    Dimension,
    Exercise,
    Item,
    Matrix,
    Option,
    Scale,
    Text,
    Votes,
    Zone,
)
from workshop_tui.core.model.exercise import POLARITIES
from workshop_tui.core.model.ids import ID_RULE, valid_id
from workshop_tui.core.storage.reader import Reader, duplicates

MAX_ITEMS = 200
MAX_DOTS = 20
MAX_ROWS = 50
SIDES = ("low", "high")


def text_table(text: Text) -> dict[str, str]:
    """A Text as a TOML table (English left out when empty)."""
    return {"da": text.da, "en": text.en} if text.en else {"da": text.da}


def check_id(reader: Reader, name: str, value: str) -> None:
    """Report an id that is not of the one id shape (``model.ids``): missing, empty or wrong.

    An empty id is an error too: ids name files and keys, and ``""`` names nothing.
    """
    if not valid_id(value) and (value or reader.has(name)):
        reader.problems.add(reader.key(name), f"{value[:60]!r} is not a valid id", ID_RULE)


def check_ids(reader: Reader, name: str, values: list[str]) -> list[str]:
    """Report each entry of a list of ids (an agenda, a programme) that is not of the id shape."""
    for value in values:
        if not valid_id(value):
            reader.problems.add(reader.key(name), f"{value[:60]!r} is not a valid id", ID_RULE)
    return values


def poles_text(left: Text, right: Text) -> Text:
    """A bipolar item's name when it has none of its own: ``left ↔ right``."""
    return Text(f"{left.da} ↔ {right.da}", f"{left.get('en')} ↔ {right.get('en')}")


def parse_items(
    reader: Reader,
    dimensions: tuple[Dimension, ...] = (),
    *,
    diagnostic: bool = False,
    extras: frozenset[str] = frozenset(),
    poles: bool = False,
    minimum: int = 1,
    maximum: int = MAX_ITEMS,
    what: str = "items",
) -> tuple[Item, ...]:
    """The ``[[items]]`` of any scored kind.

    Args:
        extras: the optional item keys this kind takes (``reverse``, ``response``,
            ``left``, ``right``, ``polarity``); any other is an unknown key.
        poles: bipolar items need ``left`` and ``right``, and their ``text`` may be
            left out (it is then ``left ↔ right``).
        minimum, maximum: how many items the kind needs; ``what`` names them in messages.
    """
    known = {d.id for d in dimensions}
    tables = reader.tables("items")
    if len(tables) > maximum or (tables and len(tables) < minimum):
        if minimum == maximum:
            fix = f"give exactly {minimum} [[items]] tables"
        elif len(tables) > maximum:
            fix = f"use at most {maximum}"
        else:
            fix = f"give at least {minimum} [[items]] tables"
        reader.problems.add(reader.key("items"), f"has {len(tables)} {what}", fix)
        return ()
    found = []
    for sub in tables:
        item_id = sub.string("id")
        check_id(sub, "id", item_id)
        dimension = sub.string("dimension", required=diagnostic or bool(known)) or None
        if dimension is not None and dimension not in known:
            fix = (
                f"use one of {', '.join(sorted(known))}" if known else "declare it in a [[dimensions]] table"
            )
            sub.problems.add(sub.key("dimension"), f"unknown dimension {dimension!r}", fix)
        polarity: str | None = None
        if diagnostic:
            polarity = sub.string("polarity")
            if polarity and polarity not in ("produced", "not_produced"):
                sub.problems.add(
                    sub.key("polarity"), f"unknown polarity {polarity!r}", 'use "produced" or "not_produced"'
                )
        elif "polarity" in extras:
            polarity = sub.string("polarity", required=False) or None
            if polarity is not None and polarity not in POLARITIES:
                sub.problems.add(
                    sub.key("polarity"),
                    f"unknown polarity {polarity!r}",
                    'use "positive" (high is good), "negative" (high is bad) or "neutral"',
                )
        left = sub.text("left", required=poles) if poles or "left" in extras else None
        right = sub.text("right", required=poles) if poles or "right" in extras else None
        text = sub.text("text", required=not poles)
        if text is None and poles and left is not None and right is not None:
            text = poles_text(left, right)
        found.append(
            Item(
                id=item_id,
                text=text or Text(""),
                dimension=dimension,
                polarity=polarity,  # type: ignore[arg-type]
                left=left,
                right=right,
                response=sub.text("response", required=False) if "response" in extras else None,
                reverse=sub.boolean("reverse", required=False) if "reverse" in extras else False,
            )
        )
        sub.finish()
    for dup in duplicates(i.id for i in found):
        reader.problems.add(
            reader.key("items"), f"item id {dup!r} is used twice", "give each item its own id"
        )
    return tuple(found)


def item_dict(exercise: Exercise, item: Item) -> dict[str, Any]:
    """An item as its TOML table (a bipolar item's derived name left out)."""
    out: dict[str, Any] = {"id": item.id}
    derived = (
        item.left is not None and item.right is not None and item.text == poles_text(item.left, item.right)
    )
    if not (exercise.kind == "bipolar" and derived):
        out["text"] = text_table(item.text)
    for name in ("dimension", "polarity"):
        value = getattr(item, name)
        if value is not None:
            out[name] = value
    for name in ("left", "right", "response"):
        value = getattr(item, name)
        if value is not None:
            out[name] = text_table(value)
    if item.reverse:
        out["reverse"] = True
    return out


def vote_scale(votes: Votes) -> Scale:
    """The "scale" a vote is scored on: how many dots one person puts on one option."""
    return Scale(
        min=1,
        max=votes.max_per_item,
        min_label=Text("1 prik", "1 dot"),
        max_label=Text(f"{votes.max_per_item} prikker", f"{votes.max_per_item} dots"),
        inferred=votes.inferred,
        inferred_note=votes.inferred_note,
    )


SINGLE_CHOICE = Votes(dots=1, max_per_item=1, inferred=False)
"""A single choice: one dot, given by the kind itself (nothing to infer)."""


POLAR = frozenset({"polarity"})
"""The item key of the scored kinds whose items may point another way than the exercise."""


def parse_kind(reader: Reader, kind: str, scale: Scale | None) -> dict[str, Any]:
    """The Exercise fields of one of the newer kinds, read from ``reader``."""
    if kind == "single_choice":
        return {
            "question": reader.text("question", required=False),
            "items": parse_items(reader, extras=frozenset({"response"}), minimum=2, what="options"),
            "votes": SINGLE_CHOICE,
            "scale": vote_scale(SINGLE_CHOICE),
        }
    if kind == "dot_vote":
        votes = _votes(reader.table("votes"))
        return {
            "question": reader.text("question", required=False),
            "items": parse_items(reader, minimum=2, what="options"),
            "votes": votes,
            "scale": vote_scale(votes) if votes else None,
        }
    if kind == "bipolar":
        return {"items": parse_items(reader, poles=True, what="pairs of poles"), "scale": scale}
    if kind == "paired_rating":
        return {
            "left_label": reader.text("left_label"),
            "right_label": reader.text("right_label"),
            "divider": reader.text("divider", required=False),
            "items": parse_items(reader, extras=POLAR | {"left", "right"}),
            "scale": scale,
        }
    if kind == "two_axis":
        return {
            "items": parse_items(reader, extras=POLAR, minimum=2, maximum=2, what="axes"),
            "zones": _zones(reader),
            "scale": scale,
        }
    if kind == "table":
        columns = _columns(reader)
        return {
            "heading": reader.text("heading", required=False),
            "rows": reader.integer("rows", minimum=1, maximum=MAX_ROWS),
            "columns": columns,
            "matrix": _matrix(reader, columns),
            "instructions": instructions(reader),
        }
    return {}


def instructions(reader: Reader) -> tuple[Text, ...]:
    """``[[instructions]]``: working instructions shown beside the answers."""
    found = []
    for sub in reader.tables("instructions", required=False):
        text = sub.text("text")
        sub.finish()
        if text is not None:
            found.append(text)
    return tuple(found)


def _votes(reader: Reader | None) -> Votes | None:
    if reader is None:
        return None
    dots = reader.integer("dots", minimum=1, maximum=MAX_DOTS, default=1)
    per_item = reader.integer("max_per_item", required=False, default=1, minimum=1, maximum=MAX_DOTS)
    if per_item > dots:
        reader.problems.add(
            reader.key("max_per_item"),
            f"is {per_item}, more than the {dots} dots each person has",
            f"use a number from 1 to {dots}",
        )
        per_item = dots
    votes = Votes(
        dots=dots,
        max_per_item=per_item,
        inferred=reader.boolean("inferred"),
        inferred_note=reader.string("inferred_note", required=False),
    )
    reader.finish()
    return votes


def _zones(reader: Reader) -> tuple[Zone, ...]:
    found = []
    for sub in reader.tables("zones", required=False):
        zone_id = sub.string("id")
        check_id(sub, "id", zone_id)
        sides = []
        for axis in ("x", "y"):
            side = sub.string(axis)
            if side and side not in SIDES:
                sub.problems.add(
                    sub.key(axis), f"{side!r} is not a side", f'use "low" or "high" (the {axis} axis\'s half)'
                )
            sides.append(side)
        found.append(Zone(zone_id, sides[0], sides[1], sub.text("label") or Text("")))  # type: ignore[arg-type]
        sub.finish()
    if found and len(found) != 4:
        reader.problems.add(
            reader.key("zones"), f"has {len(found)} zones", "give all four (low/high x × low/high y) or none"
        )
    for dup in duplicates(f"x = {z.x}, y = {z.y}" for z in found):
        reader.problems.add(
            reader.key("zones"), f"two zones are both at {dup}", "give each zone its own corner"
        )
    for dup in duplicates(z.id for z in found):
        reader.problems.add(
            reader.key("zones"), f"zone id {dup!r} is used twice", "give each zone its own id"
        )
    return tuple(found)


def _columns(reader: Reader) -> tuple[Column, ...]:
    found = []
    for sub in reader.tables("columns"):
        column_id = sub.string("id")
        check_id(sub, "id", column_id)
        options = []
        for opt in sub.tables("options", required=False):
            option_id = opt.string("id")
            check_id(opt, "id", option_id)
            options.append(
                Option(option_id, opt.text("label") or Text(""), opt.boolean("check", required=False))
            )
            opt.finish()
        if len(options) == 1:
            sub.problems.add(
                sub.key("options"),
                "has only one option",
                "give a choice at least two options, or none for text",
            )
        for dup in duplicates(o.id for o in options):
            sub.problems.add(sub.key("options"), f"option id {dup!r} is used twice", "give each its own id")
        found.append(Column(column_id, sub.text("label") or Text(""), tuple(options)))
        sub.finish()
    for dup in duplicates(c.id for c in found):
        reader.problems.add(
            reader.key("columns"), f"column id {dup!r} is used twice", "give each column its own id"
        )
    return tuple(found)


def _matrix(reader: Reader, columns: tuple[Column, ...]) -> Matrix | None:
    sub = reader.table("matrix", required=False)
    if sub is None:
        return None
    by_id = {c.id: c for c in columns}
    choices = ", ".join(c.id for c in columns if c.is_choice) or "(none)"
    texts = ", ".join(c.id for c in columns if not c.is_choice) or "(none)"
    matrix = Matrix(sub.string("rows"), sub.string("columns"), sub.string("label"))
    for name in ("rows", "columns"):
        value = getattr(matrix, name)
        column = by_id.get(value)
        if value and (column is None or not column.is_choice):
            sub.problems.add(sub.key(name), f"{value!r} is not a choice column", f"use one of {choices}")
    if matrix.rows and matrix.rows == matrix.columns:
        sub.problems.add(sub.key("columns"), "names the same column as rows", "cross two different columns")
    label = by_id.get(matrix.label)
    if matrix.label and (label is None or label.is_choice):
        sub.problems.add(sub.key("label"), f"{matrix.label!r} is not a text column", f"use one of {texts}")
    sub.finish()
    return matrix


def kind_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The keys of the newer kinds, for ``exercise_to_dict``."""
    out: dict[str, Any] = {}
    votes = exercise.votes
    if exercise.kind == "dot_vote" and votes is not None:
        table: dict[str, Any] = {"dots": votes.dots, "inferred": votes.inferred}
        if votes.max_per_item != 1:
            table["max_per_item"] = votes.max_per_item
        if votes.inferred_note:
            table["inferred_note"] = votes.inferred_note
        out["votes"] = table
    for name in ("left_label", "right_label", "divider"):
        value = getattr(exercise, name)
        if value is not None:
            out[name] = text_table(value)
    if exercise.zones:
        out["zones"] = [
            {"id": z.id, "x": z.x, "y": z.y, "label": text_table(z.label)} for z in exercise.zones
        ]
    if exercise.kind == "table":
        out["rows"] = exercise.rows
        out["columns"] = [_column_dict(c) for c in exercise.columns]
        if exercise.matrix is not None:
            m = exercise.matrix
            out["matrix"] = {"rows": m.rows, "columns": m.columns, "label": m.label}
    return out


def _column_dict(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {"id": column.id, "label": text_table(column.label)}
    if column.options:
        out["options"] = [
            {"id": o.id, "label": text_table(o.label), **({"check": True} if o.check else {})}
            for o in column.options
        ]
    return out
