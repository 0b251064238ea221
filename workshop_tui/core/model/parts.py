"""The values an exercise is made of: texts in two languages, its source, scale, items and fields.

They are leaves: nothing here knows an exercise (``model.exercise``), so the kinds' bodies,
the file codecs and the screens can use them without the exercise's rules. The names are
also exported by ``model.exercise``, where they were first declared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from workshop_tui.core.i18n import t

Kind = Literal[
    "rating_grid",
    "scale",
    "statement_diagnostic",
    "reflection_sheet",
    "action_list",
    "single_choice",
    "dot_vote",
    "bipolar",
    "paired_rating",
    "two_axis",
    "table",
    "ranking",
    "open_answers",
    "action_review",
]
KINDS: tuple[str, ...] = get_args(Kind)
"""Every kind, in the order above (the type is the source; ``core.kinds`` maps each to its family)."""

Polarity = Literal["positive", "negative", "neutral"]
"""What a higher score means: better (``positive``), worse (``negative``, e.g. more
resistance), or neither (``neutral``, e.g. how much a form of power weighs)."""
POLARITIES: tuple[str, ...] = get_args(Polarity)
ItemPolarity = Literal["produced", "not_produced", "positive", "negative", "neutral"]
"""An item's own polarity: a statement diagnostic's column (``produced`` counts as
positive, ``not_produced`` as negative) or, on other scored kinds, a polarity that
overrides the exercise's."""

SCALE_ITEM_ID = "value"
"""The single item a ``scale`` exercise is scored on, so it shares the grid machinery."""
PAIR_SIDES: tuple[str, str] = ("left", "right")
"""The two sides of a paired rating; each item is scored once per side."""


def pair_row_id(item_id: str, side: str) -> str:
    """The score-grid row of one side of a paired item (``strategy:left``).

    Item ids cannot contain ``:``, so a row id never collides with an item id.
    """
    return f"{item_id}:{side}"


def pair_of(row_id: str) -> tuple[str, str]:
    """(item id, side) of a paired rating's row id; the side is empty for any other id."""
    item_id, _, side = row_id.partition(":")
    return item_id, side


def cell_key(row: int, column_id: str) -> str:
    """The key a table cell is stored under in a group's texts (``2.stakeholder``)."""
    return f"{row}.{column_id}"


@dataclass(frozen=True)
class Text:
    """A text in Danish and English; Danish is the source language and always present."""

    da: str
    en: str = ""

    def get(self, lang: str) -> str:
        """Return the text in ``lang``, falling back to Danish when no translation exists."""
        if lang == "en" and self.en:
            return self.en
        return self.da


class WordedText(Text):
    """A text the app words itself (a derived scale's ends, "first" / "1 dot"): a catalogue key.

    Said in a language only when asked (``get``, ``da``, ``en``), so reading a vote or a
    ranking does not parse the catalogue of a language nobody reads; it holds no text from
    a file, so the screens show it as it is (``text_safety.ShownCopies``).
    """

    shown_as_is = True
    key: str
    values: tuple[tuple[str, object], ...]

    def __init__(self, key: str, **values: object) -> None:  # noqa: D107 - see the class
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(values.items()))

    @property
    def da(self) -> str:
        """The text in Danish."""
        return t(self.key, "da", **dict(self.values))

    @property
    def en(self) -> str:
        """The text in English."""
        return t(self.key, "en", **dict(self.values))

    def get(self, lang: str) -> str:
        """The text in ``lang`` (the catalogue has every key in both languages)."""
        return t(self.key, lang, **dict(self.values))


@dataclass(frozen=True)
class Source:
    """Where an exercise comes from, so every text can be checked against its source."""

    file: str
    lines: str
    slide: int | None = None
    note: str = ""

    def cite(self) -> str:
        """A short citation such as ``004_8e00….txt, l. 429-453, slide 26``."""
        parts = [self.file, f"l. {self.lines}"]
        if self.slide is not None:
            parts.append(f"slide {self.slide}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Scale:
    """A closed integer scale with labelled ends."""

    min: int
    max: int
    min_label: Text
    max_label: Text
    inferred: bool
    """True when the source does not state this scale and it was chosen by us."""
    inferred_note: str = ""

    @property
    def values(self) -> range:
        """Every score on the scale, lowest first."""
        return range(self.min, self.max + 1)

    def contains(self, score: int) -> bool:
        """Whether ``score`` is a valid score on this scale."""
        return self.min <= score <= self.max


@dataclass(frozen=True)
class Dimension:
    """A group of items, e.g. KURS; statement diagnostics add their two polarity headings."""

    id: str
    label: Text
    definition: Text | None = None
    produced: Text | None = None
    not_produced: Text | None = None


@dataclass(frozen=True)
class Item:
    """One thing to score: a source of resistance, a tension field, a statement."""

    id: str
    text: Text
    dimension: str | None = None
    polarity: ItemPolarity | None = None
    """See :data:`ItemPolarity`; None: the exercise's polarity holds (see ``results.polarity_of``)."""
    left: Text | None = None
    """Bipolar: the pole at the low end of the scale. Paired: the prompt of the left side."""
    right: Text | None = None
    """Bipolar: the pole at the high end. Paired: the prompt of the right side."""
    response: Text | None = None
    """Single choice: what the source pairs with this option, shown once the vote is visible."""
    reverse: bool = False
    """Negatively worded: an index or a ranking reads its scores turned round (1 <-> 5)."""


FieldShape = Literal["lines", "line", "date", "choice"]
"""How a group's field is typed on a device: several lines, one line, a date, one of some options."""


@dataclass(frozen=True)
class WriteField:
    """One field a group's scribe writes on a device, as on the paper sheet.

    ``key`` says where the text lives (``core.writing`` reads and writes it): ``t:<key>``
    a group text (box ``t:2``, cell ``t:3.stakeholder``), ``challenge``, ``closing``, or
    ``a:<n>:text|owner|due`` a part of the group's action number n (0-based).
    """

    key: str
    label: Text
    shape: FieldShape = "lines"
    question: Text | None = None
    """The working question beside it."""
    sub_texts: tuple[Text, ...] = ()
    """Lettered sub-questions under it (``a) …``)."""
    options: tuple[tuple[str, Text], ...] = ()
    """For a ``choice``: (option id, label)."""
    section: Text | None = None
    """A heading above the field (a table's row, an action's number)."""


Chart = Literal["profile", "dimensions", "poles", "mirror", "map", "votes"]
"""How a kind's results are drawn beside the grid and on the wall, declared by its body so the
views ask the shape, never the kind: ``profile`` (a bar per item, the default), ``dimensions``
(a diagnostic's produced/not produced per dimension), ``poles`` (a track between each item's
two poles), ``mirror`` (a paired rating's two sides), ``map`` (a two-axis placement), ``votes``
(dots per option)."""

AnswerPart = Literal["note", "closing", "challenge", "action", "open"]
"""The answers beside the scores and texts that only some kinds take."""
