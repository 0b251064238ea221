"""Exercise definitions: what the group is asked, on which scale, from which source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["rating_grid", "scale", "statement_diagnostic", "reflection_sheet", "action_list"]
KINDS: tuple[str, ...] = (
    "rating_grid",
    "scale",
    "statement_diagnostic",
    "reflection_sheet",
    "action_list",
)
SCORED_KINDS: frozenset[str] = frozenset({"rating_grid", "scale", "statement_diagnostic"})
"""Kinds whose answers are numbers on a scale (and so have statistics)."""

SCALE_ITEM_ID = "value"
"""The single item a ``scale`` exercise is scored on, so it shares the grid machinery."""


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
    polarity: Literal["produced", "not_produced"] | None = None


@dataclass(frozen=True)
class SubQuestion:
    """A lettered sub-question under a working question (``a)``, ``b)``)."""

    letter: str
    text: Text


@dataclass(frozen=True)
class Box:
    """A numbered answer box on a reflection sheet with its working question beside it."""

    number: int
    title: Text
    question: Text | None = None
    subquestions: tuple[SubQuestion, ...] = ()

    @property
    def key(self) -> str:
        """The key the box's answers are stored under in a session file."""
        return str(self.number)


@dataclass(frozen=True)
class Exercise:
    """One exercise of any kind; fields that a kind does not use stay empty."""

    id: str
    version: int
    kind: Kind
    title: Text
    source: Source
    prompt: Text | None = None
    guide: Text | None = None
    scale: Scale | None = None
    items: tuple[Item, ...] = ()
    dimensions: tuple[Dimension, ...] = ()
    note_prompt: Text | None = None
    closing_question: Text | None = None
    question: Text | None = None
    heading: Text | None = None
    boxes: tuple[Box, ...] = ()
    count: int = 0
    action_label: Text | None = None
    challenge_prompt: Text | None = None
    challenge_from: tuple[str, ...] = ()
    instructions: tuple[Text, ...] = field(default=())

    @property
    def is_scored(self) -> bool:
        """Whether answers are scores on a scale."""
        return self.kind in SCORED_KINDS

    @property
    def scored_items(self) -> tuple[Item, ...]:
        """The rows of the score grid; a ``scale`` exercise is a grid with one row."""
        if self.kind == "scale":
            question = self.question or self.title
            return (Item(id=SCALE_ITEM_ID, text=question),)
        return self.items

    def item(self, item_id: str) -> Item:
        """Look an item up by id.

        Raises:
            KeyError: the exercise has no such item.
        """
        for item in self.scored_items:
            if item.id == item_id:
                return item
        raise KeyError(f"exercise {self.id!r} has no item {item_id!r}")

    def dimension(self, dimension_id: str) -> Dimension | None:
        """The dimension with this id, or None."""
        return next((d for d in self.dimensions if d.id == dimension_id), None)
