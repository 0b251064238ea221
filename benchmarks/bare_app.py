"""The reference: a bare Textual app, a DataTable and a Footer, started the way workshop is.

``python benchmarks/bare_app.py`` shows a small table (the cold-start reference);
``--grid`` shows a score table as large as the big session's (18 items x 40 people plus
six statistics columns) where a digit writes the highlighted cell and moves on, with no
saving: the floor Textual itself sets for key -> next frame.
"""

from __future__ import annotations

import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer

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


if __name__ == "__main__":
    BareApp(grid="--grid" in sys.argv).run()
