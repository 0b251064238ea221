"""The cell cursor of a line table: where it is, the keys and clicks that move it, and scrolling it into view.

Kept apart from ``line_table`` (its content, drawing and per-row strip cache) as the part a
facilitator steers: it knows the columns' widths and the row count, and tells the table
which rows to draw again (the one the cursor left and the one it entered) through
``_forget_row``. ``line_pins`` holds the pinned columns' geometry both use.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView

from workshop_tui.tui.widgets.cell_text import Column
from workshop_tui.tui.widgets.line_pins import table_x


class CursorTable(ScrollView):
    """The cursor half of ``LineTable``; the table supplies its columns, rows and drawing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "cursor_home", "tui.key.first_column", id="first_column", show=False),
        Binding("end", "cursor_end", "tui.key.last_column", id="last_column", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+home", "cursor_top", "tui.key.first_row", id="first_row", show=False),
        Binding("ctrl+end", "cursor_bottom", "tui.key.last_row", id="last_row", show=False),
    ]

    # Named in the ``line_table`` namespace, so its owners' handlers stay
    # ``on_line_table_cell_highlighted`` as when the message was defined on ``LineTable``.
    class CellHighlighted(Message, namespace="line_table"):
        """The cursor moved to another cell."""

        def __init__(self, table: CursorTable, coordinate: Coordinate) -> None:
            super().__init__()
            self.table = table
            self.coordinate = coordinate

        @property
        def control(self) -> CursorTable:
            """The table, so ``@on(LineTable.CellHighlighted, "#id")`` can select it."""
            return self.table

    columns: list[Column]
    """The table's columns, the fixed one first (``LineTable``)."""
    pinned: int
    """How many of the last columns stay on the right while the others scroll (``LineTable``)."""

    def __init__(self, **kwargs: str | None) -> None:
        """Arguments as for any widget: ``name``, ``id``, ``classes``."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._cursor = Coordinate(0, 0)
        self.row_moved: Callable[[int], None] | None = None
        """Told the cursor's new row in the call that moved it, before ``CellHighlighted``
        (which its owner takes a turn of this table's queue and of its own later)."""

    # --- what the table supplies ---------------------------------------------------------

    @property
    @abstractmethod
    def row_count(self) -> int:
        """How many rows the table has (the header not counted)."""

    @property
    @abstractmethod
    def fixed_width(self) -> int:
        """The width of the fixed first column, which stays put when scrolling sideways."""

    @abstractmethod
    def pinned_width(self, width: int) -> int:
        """The width of the columns pinned on the right in a view ``width`` cells wide."""

    @abstractmethod
    def _total_width(self) -> int:
        """The width of every column together (the virtual width to scroll over)."""

    @abstractmethod
    def _forget_row(self, row: int) -> None:
        """``row`` changed: drop its kept drawing (and ask for a redraw if it is on screen)."""

    # --- the cursor ----------------------------------------------------------------------

    @property
    def cursor_coordinate(self) -> Coordinate:
        """The highlighted cell (row, column)."""
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, wanted: Coordinate) -> None:
        row = max(0, min(wanted.row, self.row_count - 1))
        column = max(0, min(wanted.column, len(self.columns) - 1))
        moved = Coordinate(row, column)
        if moved == self._cursor:
            return
        old = self._cursor
        self._cursor = moved
        self._forget_row(old.row)
        self._forget_row(moved.row)
        self._scroll_cursor_into_view()
        if moved.row != old.row and self.row_moved is not None:
            self.row_moved(moved.row)
        self.post_message(self.CellHighlighted(self, moved))

    @property
    def cursor_row(self) -> int:
        """The row of the highlighted cell."""
        return self._cursor.row

    def action_cursor_up(self) -> None:
        """Move the cursor one row up."""
        self.cursor_coordinate = self._cursor.up()

    def action_cursor_down(self) -> None:
        """Move the cursor one row down."""
        self.cursor_coordinate = self._cursor.down()

    def action_cursor_left(self) -> None:
        """Move the cursor one column left."""
        self.cursor_coordinate = self._cursor.left()

    def action_cursor_right(self) -> None:
        """Move the cursor one column right."""
        self.cursor_coordinate = self._cursor.right()

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful of rows up (-1) or down (1)."""
        step = max(1, self.scrollable_content_region.height - 2)
        self.cursor_coordinate = self._cursor._replace(row=self._cursor.row + direction * step)

    def action_cursor_home(self) -> None:
        """Move the cursor to the row's first column after the fixed one."""
        self.cursor_coordinate = self._cursor._replace(column=self.home_column())

    def action_cursor_end(self) -> None:
        """Move the cursor to the row's last column that takes input."""
        self.cursor_coordinate = self._cursor._replace(column=self.end_column())

    def action_cursor_top(self) -> None:
        """Move the cursor to the first row."""
        self.cursor_coordinate = self._cursor._replace(row=0)

    def action_cursor_bottom(self) -> None:
        """Move the cursor to the last row."""
        self.cursor_coordinate = self._cursor._replace(row=self.row_count - 1)

    def home_column(self) -> int:
        """Where Home goes: the first column after the fixed one."""
        return 1 if len(self.columns) > 1 else 0

    def end_column(self) -> int:
        """Where End goes: the last column."""
        return len(self.columns) - 1

    def _column_x(self, column: int) -> int:
        return sum(c.width for c in self.columns[:column])

    def _scroll_cursor_into_view(self) -> None:
        if not self.columns or not self.is_mounted:
            return
        row, column = self._cursor
        right = self.pinned_width(self.scrollable_content_region.width)
        if right and column >= len(self.columns) - self.pinned:
            # A pinned column is always in view: only the row may need scrolling to.
            region = Region(self.scroll_offset.x + self.fixed_width, row + 1, 1, 1)
        else:
            region = Region(self._column_x(column), row + 1, self.columns[column].width, 1)
        left = self.fixed_width if column > 0 else 0
        self.scroll_to_region(
            region, animate=False, spacing=Spacing(1, right, 0, left), force=True, immediate=True
        )

    async def _on_click(self, event: events.Click) -> None:
        """A click on a cell moves the cursor there (the header and the blank below do nothing)."""
        row = event.y + self.scroll_offset.y - 1
        width = self.scrollable_content_region.width
        right, scroll_x = self.pinned_width(width), self.scroll_offset.x
        x = table_x(event.x, width, self.fixed_width, right, scroll_x, self._total_width())
        edges = [sum(c.width for c in self.columns[: n + 1]) for n in range(len(self.columns))]
        column = next((n for n, edge in enumerate(edges) if x < edge), None)
        if event.y >= 1 and 0 <= row < self.row_count and column is not None:
            self.cursor_coordinate = Coordinate(row, column)
