"""The few generic pieces an exercise's results are drawn from, in every export.

The renderer table (:mod:`workshop_tui.export.part_table`) turns each summary part into
*blocks* (a heading, a paragraph, a table, a bar chart, a list, the groups' answers)
and *records* (the CSV's rows). The Markdown and HTML renderers draw blocks, never
kinds, so a new kind of exercise is drawn by adding one case to the table and
nothing to the renderers. Each renderer takes a block apart with ``match`` and
``assert_never``: a new block type is flagged by ``mypy --strict`` in every renderer
that does not draw it yet.

Texts in blocks are plain text in the session's language; each renderer escapes them
for its format (the Markdown export escapes the whole summary before it is turned
into blocks, see ``markdown_escape``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from workshop_tui.core.results.summary_model import GroupText

ParagraphStyle = Literal["plain", "prompt", "muted", "caption"]
"""How a paragraph reads: ``prompt`` a question or rule (italic in Markdown), ``muted`` a
"nothing here" line, ``caption`` a line under a figure (italic in Markdown)."""


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside an exercise (the exercise's own title is drawn by the renderer)."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text."""

    text: str
    style: ParagraphStyle = "plain"


@dataclass(frozen=True)
class Table:
    """A table of text cells; the columns in ``numeric`` hold numbers (right-aligned)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Bar:
    """One bar of a bar chart: its label, its length, the figure written beside it."""

    label: str
    value: float
    text: str
    highlight: bool = False
    """Drawn stronger (e.g. the most chosen option)."""


@dataclass(frozen=True)
class Bars:
    """A horizontal bar chart (HTML draws it; Markdown writes one line per bar)."""

    title: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Bullets:
    """A list of short lines."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Answers:
    """The groups' written answers, one per group; ``empty`` stands for an empty answer."""

    answers: tuple[GroupText, ...]
    empty: str = ""


@dataclass(frozen=True)
class Drawn:
    """A part drawn by hand for each format (the older kinds, with charts of their own).

    Use the generic blocks above for a new kind; this exists so that the exports of the
    kinds that predate the blocks read exactly as before.
    """

    markdown: Callable[[], list[str]]
    """The Markdown lines (each block ends with an empty line)."""
    html: Callable[[], str]


Block = Heading | Paragraph | Table | Bars | Bullets | Answers | Drawn

Record = dict[str, str | int]
"""One CSV row of a part: ``type`` and the columns it fills (``csv.COLUMNS``); the
exercise's id and title are added by the CSV renderer."""


def _no_records() -> list[Record]:
    return []


@dataclass(frozen=True)
class PartDocument:
    """An exercise's results as blocks (Markdown, HTML) and records (CSV).

    The records are made when asked for: a Markdown or HTML export does not need the
    CSV's row per score (17,000 of them for 400 people).
    """

    blocks: tuple[Block, ...]
    make_records: Callable[[], list[Record]] = _no_records
    """Builds the CSV records (see :attr:`records`)."""

    @property
    def records(self) -> tuple[Record, ...]:
        """The CSV records, in order."""
        return tuple(self.make_records())


@dataclass(frozen=True)
class Reader:
    """What a part's drawing depends on besides the part: the language, and names or not."""

    lang: str
    named: bool = False
