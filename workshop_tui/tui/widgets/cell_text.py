"""Cell texts of the line table: fitted to a column, and compared as they look.

Kept apart from the table so the table's module is about drawing and cursor only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

EMPTY = Text("")
"""What an empty cell shows."""


@dataclass(frozen=True)
class Column:
    """One column: its key, its header and its width in terminal cells."""

    key: str
    label: Text
    width: int


def columns_in_view(edges: list[int], left: int, right: int) -> tuple[int, int]:
    """The columns after the fixed first one that lie (partly) between cells ``left`` and ``right``.

    ``edges`` says where each column ends, from the table's left edge (the first, fixed
    column ends at ``edges[0]``). The answer is a range, first and last + 1: the part of a
    row that is scrolled into view, so only those cells are drawn.
    """
    first = bisect_right(edges, left, 1)  # the first column that ends after ``left``
    last = bisect_left(edges, right, first) + 1  # up to the column that reaches ``right``
    return first, min(last, len(edges))


def fit(text: Text, width: int) -> Text:
    """The text cut or padded to exactly ``width`` cells, aligned as the text asks."""
    text = text.copy()
    text.no_wrap = True
    length = text.cell_len
    if length > width:
        text.truncate(width, overflow="ellipsis")
        return text
    space = width - length
    if text.justify == "right":
        return Text(" " * space) + text
    if text.justify == "center":
        left = space // 2
        return Text(" " * left) + text + Text(" " * (space - left))
    text.pad_right(space)
    return text


def same_look(old: Text | None, new: Text) -> bool:
    """Whether two cell texts look the same (rich's ``==`` ignores the base style and alignment)."""
    return (
        old is not None
        and old.plain == new.plain
        and old.style == new.style
        and old.justify == new.justify
        and old.spans == new.spans
    )


def padded(text: Text, width: int, base: Style, on_top: Style | None) -> list[Segment]:
    """A one-style text padded to ``width`` cells as it asks to be aligned, as rich would draw it."""
    blank = base + on_top if on_top is not None else base
    own = text.style if isinstance(text.style, Style) else Style.parse(text.style)
    body = Segment(text.plain, blank + own if on_top is None else base + own + on_top)
    space = width - cell_len(text.plain)
    left = space if text.justify == "right" else space // 2 if text.justify == "center" else 0
    pieces = [Segment(" " * left, blank)] if left else []
    pieces.append(body)
    if space - left:
        pieces.append(Segment(" " * (space - left), blank))
    return pieces


@dataclass(frozen=True)
class RowLooks:
    """The styles a table row is drawn in: plain and even rows, the fixed column, the cursor."""

    base: Style
    even: Style
    fixed: Style
    cursor: Style
    cursor_row: Style


def cell_segments(
    text: Text, width: int, style: Style, on_top: Style | None, console: Console
) -> list[Segment]:
    """A cell's text fitted to its column's ``width``, in the row's style with ``on_top`` over it."""
    if text.spans or text.cell_len > width:
        return list(Segment.apply_style(fit(text, width).render(console), style, on_top))
    # Nearly every cell is a score, a dot or a figure in one style: pad it by hand, far
    # quicker than rich's general rendering, which the rest still goes through.
    return padded(text, width, style, on_top)


ALIKE_LIMIT = 4096
"""Fitted cells kept by look before the table starts again (new figures' texts come with each edit)."""


class AlikeCells:
    """Fitted cells by what they show: the same text object in the same width and styles.

    A 40-person grid draws about 450 cells in its first frame, and most are the same few
    score, dot and blank texts (the grid makes one text per score shown): 29 different
    cells at opening. Each is fitted once and its segments are reused for the others
    (a row's strip copies them), and a typed score's cell is usually one fitted before.
    The text is compared by identity: a cell's text is replaced, never changed in place.
    """

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int, Style, Style | None], tuple[Text, list[Segment]]] = {}

    def fitted(
        self, text: Text, width: int, style: Style, on_top: Style | None, console: Console
    ) -> list[Segment]:
        """``cell_segments`` of these, made once per look."""
        key = (id(text), width, style, on_top)
        kept = self._cells.get(key)
        if kept is not None and kept[0] is text:
            return kept[1]
        if len(self._cells) >= ALIKE_LIMIT:
            self._cells.clear()
        segments = cell_segments(text, width, style, on_top, console)
        self._cells[key] = (text, segments)
        return segments

    def clear(self) -> None:
        """Forget every cell (the styles or widths changed)."""
        self._cells.clear()


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, shortened after a whole word with an ellipsis.

    Labels that must fit a column are cut deliberately: "Opfatter ikke det tværgående som…"
    rather than "Opfatter ikke det tvær…", so two items that start alike stay apart.
    """
    if len(text) <= width:
        return text
    cut = text[: max(1, width - 1)]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"


def shorten_apart(text: str, width: int, others: Iterable[str]) -> str:
    """``shorten``, unless another label of the same column would shorten to the same words.

    Then the label keeps its last words too ("Opfatter ikke det… som muligt"), so two
    items that start alike ("Opfatter ikke det tværgående arbejde som nødvendig" and
    "Opfatter ikke det tværgående som muligt") never read the same on the wall.
    """
    short = shorten(text, width)
    if short == text or not any(o != text and shorten(o, width) == short for o in others):
        return short
    words = text.split()
    tail: list[str] = []
    for word in reversed(words[1:]):
        if len(" ".join([word, *tail])) > width // 2:
            break
        tail.insert(0, word)
    if not tail:
        return short
    ending = " ".join(tail)
    head = shorten(" ".join(words[: len(words) - len(tail)]), max(2, width - len(ending) - 1))
    return f"{head if head.endswith('…') else head + '…'} {ending}"[: max(1, width)]
