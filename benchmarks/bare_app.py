"""The reference: a bare Textual app, a DataTable and a Footer, started the way workshop is.

``python benchmarks/bare_app.py`` shows a small table (the cold-start reference);
``--grid`` shows a score table as large as the big session's (18 items x 40 people plus
six statistics columns) where a digit writes the highlighted cell and moves on, with no
saving: what a stock Textual app pays from key to frame for one cell of such a table.
That is not the least Textual itself needs: a DataTable draws every visible cell again
when any cell changes (its cache is keyed on a table-wide update count; cProfile of this
app: 460 cells rendered per key, 5,520 ``_render_cell`` calls for 12 keys), about 0.2 s
per key on the test VM. ``--lines`` is the stricter reference: the same screen as one
Static per row, where a digit redraws the one row it changed (no new layout) and
nothing else: Textual's key dispatch, one widget's repaint, the compositor and the output.
"""

from __future__ import annotations

import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

PEOPLE = 40
ITEMS = 18


class BareApp(App[None]):
    """Nothing but a DataTable and a Footer."""

    BINDINGS = [("ctrl+q", "quit", "Quit"), Binding("home", "first_column", priority=True)]

    def __init__(self, grid: bool) -> None:
        super().__init__()
        self.grid = grid

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="cell" if self.grid else "row", zebra_stripes=True, cell_padding=0)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        if not self.grid:
            table.add_columns("Title", "Date", "Progress")
            for number in range(1, 13):
                table.add_row(f"Reference {number}", "2026-11-23", f"{number % 10}/9")
            return
        table.fixed_columns = 1
        table.add_column(" Item", key="item", width=24)
        for person in range(1, PEOPLE + 1):
            table.add_column(Text(f"P{person}", justify="center"), key=f"p{person}", width=5)
        for stat, width in (("n", 4), ("mean", 6), ("median", 8), ("range", 9), ("dist", 12), ("flag", 2)):
            table.add_column(stat, key=stat, width=width)
        for item in range(1, ITEMS + 1):
            cells = [Text(f" Item {item}")] + [Text("·", justify="center")] * PEOPLE + [Text("")] * 6
            table.add_row(*cells, key=f"i{item}")
        table.cursor_coordinate = table.cursor_coordinate._replace(column=1)

    def action_first_column(self) -> None:
        """As in workshop's grid: Home goes to the first participant, not the item label."""
        table = self.query_one(DataTable)
        table.cursor_coordinate = table.cursor_coordinate._replace(column=1)

    def on_key(self, event: object) -> None:
        character = getattr(event, "character", None)
        table = self.query_one(DataTable)
        if not self.grid or character is None or not character.isdigit():
            return
        row, column = table.cursor_coordinate
        table.update_cell_at(table.cursor_coordinate, Text(character, style="bold", justify="center"))
        table.cursor_coordinate = table.cursor_coordinate._replace(column=min(column + 1, PEOPLE))


LABEL = 24
CELL = 5
STATS = (("n", 4), ("mean", 6), ("median", 8), ("range", 9), ("dist", 12), ("flag", 2))


def _row(label: str, cells: list[str]) -> str:
    """One line of the grid as text: the label, a centred cell per person, the statistics."""
    line = label.ljust(LABEL) + "".join(c.center(CELL) for c in cells)
    return line + "".join(name.ljust(width) if label == " Item" else " " * width for name, width in STATS)


class LinesApp(App[None]):
    """The grid as one Static per row: a digit redraws the row it changed, and nothing else."""

    BINDINGS = [("ctrl+q", "quit", "Quit")]
    CSS = "Static { height: 1; text-wrap: nowrap; text-overflow: clip; }"

    def __init__(self) -> None:
        super().__init__()
        self.scores = [["·"] * PEOPLE for _ in range(ITEMS)]
        self.row = 0
        self.column = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_row(" Item", [f"P{p}" for p in range(1, PEOPLE + 1)]), markup=False)
            for item in range(ITEMS):
                yield Static(_row(f" Item {item + 1}", self.scores[item]), id=f"i{item}", markup=False)
        yield Footer()

    def on_key(self, event: object) -> None:
        character = getattr(event, "character", None)
        key = getattr(event, "key", "")
        if key == "down":
            self.row = min(self.row + 1, ITEMS - 1)
        elif key == "home":
            self.column = 0
        elif character is not None and character.isdigit():
            self.scores[self.row][self.column] = character
            line = _row(f" Item {self.row + 1}", self.scores[self.row])
            self.query_one(f"#i{self.row}", Static).update(line, layout=False)
            self.column = min(self.column + 1, PEOPLE - 1)


if __name__ == "__main__":
    if "--lines" in sys.argv:
        LinesApp().run()
    else:
        BareApp(grid="--grid" in sys.argv).run()
