"""A table drawn line by line that redraws only the rows that changed.

Textual's DataTable renders every visible cell again whenever any cell changes (its line
cache is keyed on a table-wide update counter). On a 40-person grid that is about a
thousand cells per keystroke, far more than one frame. This table keeps one rendered
strip per row (of the columns in view) and throws away only the strips of rows whose cells
changed, or that the cursor entered or left; a score keystroke therefore renders two rows,
and everything else on the screen is a copy of what was already there.

It is deliberately small: a header line, one fixed column on the left (the item), the last
``pinned`` columns fixed on the right when the table is wider than its view (the grid's
n / mean / median: the room must see the figures while the participants scroll), cell
cursor (its keys, clicks and scrolling into view in ``line_cursor``), zebra stripes and
scrolling in both directions. The owning widget fills it with ``add_column``/``add_row``/``update_cell``.
"""

from __future__ import annotations

from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip

from workshop_tui.tui.widgets.cell_text import (
    EMPTY,
    AlikeCells,
    Column,
    RowLooks,
    columns_in_view,
    fit,
    same_look,
)
from workshop_tui.tui.widgets.line_cursor import CursorTable
from workshop_tui.tui.widgets.line_pins import View, pinned_cut, pinned_width, whole_columns

CellValue = Text
"""What a cell holds: rich text, so a cell can carry colour and alignment."""


class LineTable(CursorTable, can_focus=True):
    """A cell-cursor table with a fixed first column, rendered and cached per row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header",
        "line-table--fixed",
        "line-table--even-row",
        "line-table--cursor",
        "line-table--cursor-row",
    }

    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        & > .line-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .line-table--fixed { background: $secondary-muted; color: $foreground; }
        & > .line-table--even-row { background: $surface-lighten-1 50%; }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .line-table--cursor-row { text-style: bold; }
        &:dark > .line-table--even-row { background: $surface-darken-1 40%; }
        &:focus {
            background-tint: $foreground 5%;
            & > .line-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .line-table--cursor-row { background: $block-cursor-blurred-background; }
        }
    }
    """

    def __init__(self, **kwargs: str | None) -> None:
        """Arguments as for any widget: ``name``, ``id``, ``classes``."""
        super().__init__(**kwargs)
        self.columns: list[Column] = []
        self._row_keys: list[str] = []
        self._row_index: dict[str, int] = {}
        self._cells: dict[str, dict[str, CellValue]] = {}
        self._strips: dict[int, tuple[tuple[int | None, int, int, int], Strip]] = {}
        """Row index -> ((the cursor column it was drawn with or None, and the columns drawn), its strip)."""
        self._edges: list[int] = []
        """Where each column ends, from the table's left edge; [] until a row is drawn."""
        self._header: Strip | None = None
        self._header_style = Style()
        """The header's style, worked out with the header (``_header_strip``)."""
        self._pinned_header: tuple[tuple[Strip, View, tuple[int, int]], Strip] | None = None
        """The header line cut around pinned columns, and what it was cut from (``_pinned_line``)."""
        self._alike = AlikeCells()
        """Fitted cells by text (compared by identity), width and styles: most cells look like others."""
        self._looks: RowLooks | None = None
        """The styles rows are drawn in, from the CSS: worked out once per change of it."""
        self._drawn_for = Size(0, 0)
        """The size of the scrolled area the lines were last drawn for (``render_line``)."""
        self._scrollbars_for: tuple[object, ...] = ()
        """What the scrollbars were last fitted to (``_scroll_update``)."""
        self.pinned = 0
        """How many of the last columns stay on the right while the others scroll (``pinned_width``)."""

    # --- content -------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the table has (the header not counted)."""
        return len(self._row_keys)

    @property
    def fixed_width(self) -> int:
        """The width of the fixed first column, which stays put when scrolling sideways."""
        return self.columns[0].width if self.columns else 0

    def clear(self) -> None:
        """Remove every row and column."""
        self.columns.clear()
        self._row_keys.clear()
        self._row_index.clear()
        self._cells.clear()
        self._forget_rendering()
        self._update_virtual_size()

    def add_column(self, label: str | Text, *, key: str, width: int) -> None:
        """Add a column at the right; every existing row gets an empty cell in it."""
        header = label if isinstance(label, Text) else Text(label)
        self.columns.append(Column(key, header, width))
        self._forget_rendering()
        self._update_virtual_size()

    def add_row(self, *cells: CellValue, key: str) -> None:
        """Add a row at the bottom, one cell per column in order."""
        self._row_index[key] = len(self._row_keys)
        self._row_keys.append(key)
        self._cells[key] = {column.key: cell for column, cell in zip(self.columns, cells, strict=False)}
        self._update_virtual_size()

    def get_cell(self, row_key: str, column_key: str) -> CellValue:
        """The value of one cell (an empty text where nothing was put)."""
        return self._cells[row_key].get(column_key, Text(""))

    def update_cell(self, row_key: str, column_key: str, value: CellValue) -> None:
        """Change one cell; only its row is drawn again."""
        row = self._cells[row_key]
        old = row.get(column_key)
        if old is value or same_look(old, value):
            return
        row[column_key] = value
        self._forget_row(self._row_index[row_key])

    def pinned_width(self, width: int) -> int:
        """The width of the columns pinned on the right in a view ``width`` cells wide (``line_pins``).

        Asked for every line drawn: a table without pinned columns answers at once, and the
        widths come from the kept column edges.
        """
        if not self.pinned or not self.columns:
            return 0
        edges = self._edges = self._edges or list(accumulate(column.width for column in self.columns))
        return pinned_width(edges, self.pinned, width)

    # --- rendering -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Colours come from the CSS (theme, focus): a change of them redraws everything."""
        super().notify_style_update()
        self._forget_rendering()

    def on_resize(self) -> None:
        # The first resize comes just after the first frame, which drew every line at this size
        # already: drawn again, the whole table went to the terminal twice on opening.
        if self._drawn_for != self.scrollable_content_region.size:
            self._header = None
            self.refresh()

    def _scroll_update(self, virtual_size: Size) -> None:
        # Textual fits (and redraws) a scroll view's scrollbars at each layout of the screen
        # in which the view's container size seems to change; it compares a size with and
        # one without the scrollbars, so that is every layout. On opening, the layout Textual
        # always makes just after the first frame redrew the table's scrollbars, the one
        # output after that frame. Fitted again only when what they show can have changed.
        fitted = (virtual_size, self.container_size, self.size, self.scroll_offset)
        if fitted != self._scrollbars_for:
            super()._scroll_update(virtual_size)
            self._scrollbars_for = (virtual_size, self.container_size, self.size, self.scroll_offset)

    def _forget_rendering(self) -> None:
        self._strips.clear()
        self._edges = []
        self._alike.clear()
        self._header = None
        self._looks = None
        self.refresh()

    def _forget_row(self, row: int) -> None:
        # A row with no strip is either not drawn yet or already waiting to be drawn again:
        # only a row whose strip is on the screen needs a refresh (filling a whole new table
        # would otherwise ask for one per cell).
        if self._strips.pop(row, None) is not None:
            self.refresh_line(row + 1)

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._total_width(), self.row_count + 1)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _row_looks(self) -> RowLooks:
        """The widget's styles for rows, worked out from the CSS once (each walks the ancestors).

        Forgotten with the rendering when the styles change (theme, focus): a keystroke's
        row is drawn without asking the CSS again.
        """
        if self._looks is None:
            base = self.rich_style
            self._looks = RowLooks(
                base=base,
                even=base + self._style("line-table--even-row"),
                fixed=base + self._style("line-table--fixed"),
                cursor=self._style("line-table--cursor"),
                cursor_row=self._style("line-table--cursor-row"),
            )
        return self._looks

    def _cell_segments(self, column: int, text: Text, style: Style, on_top: Style | None) -> list[Segment]:
        """One cell fitted to its column, kept until the styles or widths change (``AlikeCells``)."""
        return self._alike.fitted(text, self.columns[column].width, style, on_top, self.app.console)

    def _header_strip(self) -> Strip:
        if self._header is None:
            style = self.rich_style + self._style("line-table--header")
            segments = [
                segment
                for column in self.columns
                for segment in fit(column.label, column.width).render(self.app.console)
            ]
            self._header = Strip(Segment.apply_style(segments, style), self._total_width())
            self._header_style = style
        return self._header

    def _row_strip(self, row: int, first: int, last: int, pinned: int = 0) -> Strip:
        """The row's fixed column, its columns ``first`` to ``last`` - 1 (those scrolled into view)
        and the last ``pinned`` columns.

        At 120 cells about 25 of a 40-person grid's 47 columns: the others are drawn when scrolled to.
        """
        cursor_column = self._cursor.column if row == self._cursor.row else None
        drawn = (cursor_column, first, last, pinned)
        cached = self._strips.get(row)
        if cached is not None and cached[0] == drawn:
            return cached[1]
        values = self._cells[self._row_keys[row]]
        looks = self._row_looks()
        background = looks.even if row % 2 else looks.base
        fixed, cursor = looks.fixed, looks.cursor
        row_mark = looks.cursor_row if cursor_column is not None else None
        columns, segments = self.columns, []
        right = range(len(columns) - pinned, len(columns)) if pinned else range(0)
        for index in (0, *range(first, last), *right):
            text = values.get(columns[index].key) or EMPTY
            on_top = cursor if index == cursor_column else (row_mark if index == 0 else None)
            style = fixed if index == 0 else background
            segments.extend(self._cell_segments(index, text, style, on_top))
        width = self.fixed_width + sum(columns[index].width for index in (*range(first, last), *right))
        strip = Strip(segments, width)
        self._strips[row] = (drawn, strip)
        return strip

    def _total_width(self) -> int:
        return sum(column.width for column in self.columns)

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the widget: the header, or a row scrolled into view."""
        area = self._drawn_for = self.scrollable_content_region.size
        width = area.width
        scroll_x, scroll_y = self.scroll_offset
        base = self._row_looks().base
        fixed = self.fixed_width
        left = fixed + scroll_x  # the scrolled part's first cell, from the table's left edge
        right = self.pinned_width(width)
        if right:
            return self._pinned_line(y, width, left, right)
        if y == 0:
            full = self._header_strip()
        else:
            row = scroll_y + y - 1
            if not 0 <= row < self.row_count or not self.columns:
                return Strip.blank(width, base)
            self._edges = self._edges or list(accumulate(column.width for column in self.columns))
            first, last = columns_in_view(self._edges, left, left + width - fixed)
            full = self._row_strip(row, first, last)
            left = fixed + left - self._edges[first - 1]  # where ``left`` lies in the drawn part
        line = Strip.join([full.crop(0, fixed), full.crop(left, left + width - fixed)])
        return line.extend_cell_length(width, base).crop(0, width)

    def _pinned_line(self, y: int, width: int, left: int, right: int) -> Strip:
        """Line ``y`` with the last columns pinned on the right: fixed | scrolled | pinned."""
        looks = self._row_looks()
        edges = self._edges = self._edges or list(accumulate(column.width for column in self.columns))
        stop = len(self.columns) - self.pinned
        view = View(width, self.fixed_width, right, left, edges[stop - 1])
        whole = whole_columns(edges, view)
        if y == 0:
            # The header is cut once per scroll and width, not on every key (the cursor's row
            # and the header are the lines a keystroke draws).
            strip = self._header_strip()
            kept = self._pinned_header
            if kept is None or kept[0][0] is not strip or kept[0][1:] != (view, whole):
                line = pinned_cut(strip, 0, view, whole, self._header_style)
                kept = self._pinned_header = ((strip, view, whole), line)
            return kept[1]
        row = self.scroll_offset.y + y - 1
        if not 0 <= row < self.row_count:
            return Strip.blank(width, looks.base)
        first, last = columns_in_view(edges, left, left + width - view.fixed - right)
        last = max(first, min(last, stop))
        full = self._row_strip(row, first, last, self.pinned)
        shift = edges[first - 1] - view.fixed  # the table's cell x is at x - shift in ``full``
        drawn = view._replace(pinned_at=edges[last - 1])  # where ``full`` has the pinned columns
        return pinned_cut(full, shift, drawn, whole, looks.even if row % 2 else looks.base)
