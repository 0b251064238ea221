"""Columns pinned on the right of a line table: where they go and how a line is cut around them.

The score grid's figures (n / mean / median …) must stay in view while the participants'
columns scroll sideways (at 80x24 a grid of 13 or more people pushed them off the screen).
A line is then three parts: the fixed first column, the scrolled columns wholly in view,
and the pinned columns at the right edge. Kept apart from ``line_table`` (its drawing and
caching) as plain arithmetic on widths and strips.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip


class View(NamedTuple):
    """Where a pinned line's parts are, in cells: the view's width, the fixed column's width,
    the pinned columns' width, the scrolled part's first cell and where the pinned columns
    begin (both from the table's left edge)."""

    width: int
    fixed: int
    right: int
    left: int
    pinned_at: int


def pinned_width(edges: list[int], pinned: int, width: int) -> int:
    """The width of the last ``pinned`` columns in a view ``width`` cells wide; 0 when they are not pinned.

    ``edges`` says where each column ends, from the table's left edge. Only a table wider than
    its view pins them (one that fits is drawn as it is), and only when at least one scrolled
    cell is left between the first column and the pinned ones.
    """
    if not pinned or len(edges) <= pinned + 1 or edges[-1] <= width:
        return 0
    right = edges[-1] - edges[-pinned - 1]
    return right if edges[0] + right < width else 0


def whole_columns(edges: list[int], view: View) -> tuple[int, int]:
    """The first and last column edge of the scrolled part in view: its whole columns lie between.

    ``edges`` says where each column ends, from the table's left edge (``edges[0]``: the fixed one).
    """
    stop = edges.index(view.pinned_at) + 1
    low = bisect_left(edges, view.left, 0, stop)
    high = bisect_right(edges, view.left + view.width - view.fixed - view.right, 0, stop) - 1
    first = edges[min(low, stop - 1)]
    return first, max(first, edges[high] if high >= 0 else first)


def pinned_cut(full: Strip, shift: int, view: View, whole: tuple[int, int], blank: Style) -> Strip:
    """One line from ``full``: the fixed first column, the whole scrolled columns in view, the pinned ones.

    ``full`` holds the table's cell ``x`` at ``x - shift`` (its first ``fixed`` cells are the
    fixed column); ``whole`` are the edges of the scrolled columns wholly in view
    (``whole_columns``). A column cut by either edge of the scrolled part is left blank
    (``blank``): cut, a "10" read as "1", and the last one stood against n as a figure would.
    """
    middle = view.width - view.fixed - view.right
    start, end = whole
    head, scrolled = full.crop(0, view.fixed), full.crop(start - shift, end - shift)
    pinned = full.crop(view.pinned_at - shift, view.pinned_at - shift + view.right)
    before = max(0, start - view.left)  # a column cut on the left: blank
    after = max(0, middle - before - scrolled.cell_length)  # and one cut on the right
    # Joined by hand: ``Strip.join`` counts every segment's cells again (a third of a key's line).
    segments = list(head)
    if before:
        segments.append(Segment(" " * before, blank))
    segments.extend(scrolled)
    if after:
        segments.append(Segment(" " * after, blank))
    segments.extend(pinned)
    length = head.cell_length + before + scrolled.cell_length + after + pinned.cell_length
    line = Strip(segments, length)
    return line if length == view.width else line.extend_cell_length(view.width, blank).crop(0, view.width)


def table_x(x: int, width: int, fixed: int, right: int, scroll_x: int, total: int) -> int:
    """Where a click ``x`` cells from the view's left edge lies in the whole table."""
    if x < fixed:
        return x
    if right and x >= width - right:
        return total - (width - x)  # in the pinned columns
    return x + scroll_x
