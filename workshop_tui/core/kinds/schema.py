"""The pieces of the exercise schema that several kinds share: ids, texts, items, scales.

Each kind module reads (and writes back) its own keys with these, so a key that means
the same in two kinds is read, checked and reported the same way. The keys every
exercise has (id, version, kind, title, source, prompt, guide) are read by
:mod:`workshop_tui.core.storage.exercise_codec`.
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.i18n import phrase
from workshop_tui.core.model import Dimension, Exercise, Item, Scale, Text
from workshop_tui.core.model.exercise import POLARITIES, Polarity
from workshop_tui.core.storage.reader import Reader, check_id, duplicates

MAX_ITEMS = 200
MAX_SCALE_STEPS = 20


def text_table(text: Text) -> dict[str, str]:
    """A Text as a TOML table (English left out when empty)."""
    return {"da": text.da, "en": text.en} if text.en else {"da": text.da}


def put_texts(out: dict[str, Any], **texts: Text | None) -> dict[str, Any]:
    """Add each text that is set to ``out`` as a TOML table (the unset ones stay out)."""
    for name, value in texts.items():
        if value is not None:
            out[name] = text_table(value)
    return out


def poles_text(left: Text, right: Text) -> Text:
    """A bipolar item's name when it has none of its own: ``left ↔ right``."""
    return Text(f"{left.da} ↔ {right.da}", f"{left.get('en')} ↔ {right.get('en')}")


def read_items(
    reader: Reader,
    dimensions: tuple[Dimension, ...] = (),
    *,
    diagnostic: bool = False,
    extras: frozenset[str] = frozenset(),
    poles: bool = False,
    minimum: int = 1,
    maximum: int = MAX_ITEMS,
    what: str = "problems.things.items",
) -> tuple[Item, ...]:
    """The ``[[items]]`` of any scored kind.

    Args:
        extras: the optional item keys this kind takes (``reverse``, ``response``,
            ``left``, ``right``, ``polarity``); any other is an unknown key.
        poles: bipolar items need ``left`` and ``right``, and their ``text`` may be
            left out (it is then ``left ↔ right``).
        minimum, maximum: how many items the kind needs; ``what`` names them in messages
            (a ``problems.things.*`` key).
    """
    known = {d.id for d in dimensions}
    tables = reader.tables("items")
    if len(tables) > maximum or (tables and len(tables) < minimum):
        if minimum == maximum:
            fix = "problems.fix.exactly_items"
        elif len(tables) > maximum:
            fix = "problems.fix.at_most"
        else:
            fix = "problems.fix.items_at_least"
        count = len(tables)
        things = phrase(what)
        reader.problems.add(
            reader.key("items"),
            "problems.what.count",
            fix,
            n=str(count),
            things=things,
            low=str(minimum),
            high=str(maximum),
        )
        return ()
    found = []
    for sub in tables:
        item_id = sub.string("id")
        check_id(sub, "id", item_id)
        dimension = sub.string("dimension", required=diagnostic or bool(known)) or None
        if dimension is not None and dimension not in known:
            sub.problems.add(
                sub.key("dimension"),
                "problems.what.unknown_dimension",
                "problems.fix.use_one_of" if known else "problems.fix.declare_dimension",
                value=repr(dimension[:60]),
                choices=", ".join(sorted(known)),
            )
        polarity: str | None = None
        if diagnostic:
            polarity = sub.string("polarity")
            if polarity and polarity not in ("produced", "not_produced"):
                sub.problems.add(
                    sub.key("polarity"),
                    "problems.what.unknown_polarity",
                    "problems.fix.produced",
                    value=repr(polarity[:40]),
                )
        elif "polarity" in extras:
            polarity = sub.string("polarity", required=False) or None
            if polarity is not None and polarity not in POLARITIES:
                sub.problems.add(
                    sub.key("polarity"),
                    "problems.what.unknown_polarity",
                    "problems.fix.polarity",
                    value=repr(polarity[:40]),
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
            reader.key("items"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.item"),
        )
    return tuple(found)


def item_dict(item: Item, *, poles: bool = False) -> dict[str, Any]:
    """An item as its TOML table (with ``poles``, a bipolar item's derived name left out)."""
    out: dict[str, Any] = {"id": item.id}
    derived = (
        item.left is not None and item.right is not None and item.text == poles_text(item.left, item.right)
    )
    if not (poles and derived):
        out["text"] = text_table(item.text)
    for name in ("dimension", "polarity"):
        value = getattr(item, name)
        if value is not None:
            out[name] = value
    put_texts(out, left=item.left, right=item.right, response=item.response)
    if item.reverse:
        out["reverse"] = True
    return out


def items_dict(exercise: Exercise, *, poles: bool = False) -> dict[str, Any]:
    """``[[items]]`` of an exercise (nothing when it has none)."""
    return {"items": [item_dict(i, poles=poles) for i in exercise.items]} if exercise.items else {}


def read_polarity(reader: Reader) -> Polarity:
    """The exercise's ``polarity`` (what a higher score means), ``neutral`` when not given."""
    polarity = reader.string("polarity", required=False) or "neutral"
    if polarity not in POLARITIES:
        reader.problems.add(
            reader.key("polarity"),
            "problems.what.unknown_polarity",
            "problems.fix.polarity",
            value=repr(polarity[:40]),
        )
    return polarity  # type: ignore[return-value]


def read_scale(reader: Reader | None) -> Scale | None:
    """The ``[scale]`` table of a scored kind (None, with a problem, when it is missing)."""
    if reader is None:
        return None
    low = reader.integer("min")
    high = reader.integer("max")
    if reader.has("min") and reader.has("max") and low >= high:
        reader.problems.add(
            reader.key("min"), "problems.what.min_max", "problems.fix.min_max", low=str(low), high=str(high)
        )
    elif high - low > MAX_SCALE_STEPS:
        reader.problems.add(
            reader.key("max"),
            "problems.what.steps",
            "problems.fix.at_most",
            n=str(high - low + 1),
            high=str(MAX_SCALE_STEPS + 1),
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


def scale_dict(exercise: Exercise) -> dict[str, Any]:
    """``[scale]`` and ``polarity`` of a scored exercise, as ``read_scale``/``read_polarity`` read them."""
    out: dict[str, Any] = {}
    s = exercise.scale
    if s is not None:
        scale: dict[str, Any] = {
            "min": s.min,
            "max": s.max,
            "inferred": s.inferred,
            "min_label": text_table(s.min_label),
            "max_label": text_table(s.max_label),
        }
        if s.inferred_note:
            scale["inferred_note"] = s.inferred_note
        out["scale"] = scale
    if exercise.polarity != "neutral":
        out["polarity"] = exercise.polarity
    return out


def read_instructions(reader: Reader) -> tuple[Text, ...]:
    """``[[instructions]]``: working instructions shown beside the answers."""
    found = []
    for sub in reader.tables("instructions", required=False):
        text = sub.text("text")
        sub.finish()
        if text is not None:
            found.append(text)
    return tuple(found)


def instructions_dict(instructions: tuple[Text, ...]) -> dict[str, Any]:
    """``[[instructions]]`` as ``read_instructions`` reads them (nothing when there are none)."""
    return {"instructions": [{"text": text_table(t)} for t in instructions]} if instructions else {}
