"""The line table under the score grid: cursor, scrolling, and redrawing only changed rows."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.strip import Strip

from workshop_tui.tui.widgets.line_table import LineTable

ROWS, PEOPLE = 30, 40


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.moves: list[Coordinate] = []

    def compose(self) -> ComposeResult:
        yield LineTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(LineTable)
        table.add_column("Item", key="item", width=20)
        for person in range(PEOPLE):
            table.add_column(Text(f"P{person}", justify="center"), key=f"p{person}", width=5)
        for row in range(ROWS):
            table.add_row(Text(f"Item {row}"), *[Text("·", justify="center")] * PEOPLE, key=f"i{row}")
        table.focus()

    def on_line_table_cell_highlighted(self, event: LineTable.CellHighlighted) -> None:
        self.moves.append(event.coordinate)


def _text(app: App[object], y: int) -> str:
    return "".join(segment.text for segment in app.query_one(LineTable).render_line(y))


async def test_cells_show_and_only_the_changed_row_is_drawn_again() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        assert _text(app, 0).startswith("Item") and "P0" in _text(app, 0)
        assert _text(app, 2).startswith("Item 1")
        for y in range(1, 10):
            table.render_line(y)
        drawn = dict(table._strips)
        table.update_cell("i3", "p0", Text("4", justify="center"))
        assert str(table.get_cell("i3", "p0")) == "4"
        assert 3 not in table._strips, "the changed row is drawn again"
        assert all(table._strips[row] is drawn[row] for row in drawn if row != 3), "the others are kept"
        assert "  4  " in _text(app, 4)


async def test_the_cursor_moves_clamps_and_scrolls_into_view() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        table.cursor_coordinate = Coordinate(0, 1)
        await pilot.press("end")
        assert table.cursor_coordinate == Coordinate(0, PEOPLE)
        await pilot.pause()
        assert table.scroll_offset.x > 0, "scrolled right to show the last person"
        assert _text(app, 0).startswith("Item"), "the item column stays put"
        await pilot.press("home", "ctrl+end")
        assert table.cursor_coordinate == Coordinate(ROWS - 1, 1)
        await pilot.pause()
        assert table.scroll_offset.y > 0 and _text(app, 0).startswith("Item"), "the header stays put"
        table.cursor_coordinate = Coordinate(ROWS + 5, PEOPLE + 5)
        assert table.cursor_coordinate == Coordinate(ROWS - 1, PEOPLE)
        await pilot.pause()
        assert app.moves and app.moves[-1] == Coordinate(ROWS - 1, PEOPLE)


async def test_a_click_moves_the_cursor_to_the_cell() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        await pilot.click(LineTable, offset=(20 + 5 * 2 + 2, 3))
        assert table.cursor_coordinate == Coordinate(2, 3)


def test_a_diagnostic_items_tag_is_in_the_interface_language(library: object) -> None:
    from workshop_tui.tui.widgets.score_grid import item_tag

    exercise = library.exercises["kkc-indicators"]  # type: ignore[attr-defined]
    item = exercise.items[0]
    assert item_tag(exercise, item, "da").startswith("Kurs")
    assert item_tag(exercise, item, "en").startswith("Direc")


async def test_a_text_panel_takes_a_change_of_style_alone() -> None:
    """rich's ``Text ==`` ignores the base style; a panel must not keep the old look."""
    from textual.widgets import Static

    from workshop_tui.tui.widgets.text_panel import show_text

    class PanelApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(id="panel")

    app = PanelApp()
    async with app.run_test(size=(40, 5)) as pilot:
        panel = app.query_one(Static)
        show_text(panel, Text("n = 3", style="dim"))
        await pilot.pause()
        show_text(panel, Text("n = 3", style="bold"))
        assert isinstance(panel.content, Text) and str(panel.content.style) == "bold"
        same = panel.content
        show_text(panel, Text("n = 3", style="bold"))
        assert panel.content is same, "an identical text is not set again"


async def test_a_row_drawn_from_the_columns_in_view_is_the_whole_row_cut_there() -> None:
    """Only the columns scrolled into view are drawn; each line is what the whole row shows there.

    Scrolled by every offset (also through the middle of a column), with the cursor on a row,
    every line equals the same part of the row drawn with all its columns.
    """
    app = TableApp()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        table.cursor_coordinate = Coordinate(2, 7)
        await pilot.pause()
        width, fixed = table.scrollable_content_region.width, table.fixed_width
        base = table._row_looks().base
        for scroll_x in range(table.max_scroll_x + 1):
            table.scroll_to(x=scroll_x, animate=False, immediate=True)
            assert table.scroll_offset.x == scroll_x
            for y in range(1, 6):
                row = table.scroll_offset.y + y - 1
                whole = table._row_strip(row, 1, len(table.columns))
                cut = Strip.join([whole.crop(0, fixed), whole.crop(fixed + scroll_x, scroll_x + width)])
                expected = cut.extend_cell_length(width, base).crop(0, width)
                drawn = table.render_line(y)
                assert list(drawn) == list(expected), (scroll_x, y)
                assert table._strips[row][1].cell_length < whole.cell_length, "drawn: the columns in view"


def test_a_texts_height_is_the_number_of_lines_rich_wraps_it_to() -> None:
    """``text_height`` counts on the plain text what ``Text.wrap`` makes, line for line.

    Random texts with Danish letters, wide characters, emoji, runs of spaces and newlines,
    cut or folded, without wrapping and with tabs, at narrow and wide widths.
    """
    import random

    from rich.console import Console

    from workshop_tui.tui.widgets.text_panel import text_height

    console = Console(width=200)
    rng = random.Random(15)
    letters = "ab cdæøå  xyz\n€漢字😀-—.,\t"
    for _ in range(2000):
        plain = "".join(rng.choice(letters) for _ in range(rng.randint(0, 120)))
        for width in (1, 2, 5, 13, 30, 59):
            for text in (Text(plain), Text(plain, overflow="ellipsis"), Text(plain, no_wrap=True)):
                wrapped = len(text.wrap(console, width)) if plain else 0
                assert text_height(text, width, console) == wrapped, (plain, width, text.overflow)


class PinnedApp(TableApp):
    """The table above with its last three columns pinned on the right (the grid's figures)."""

    def on_mount(self) -> None:
        # Textual calls each class's ``on_mount`` in turn: TableApp's fills the table.
        self.query_one(LineTable).pinned = 3


async def test_pinned_columns_stay_on_the_right_at_every_scroll_and_take_clicks() -> None:
    """Every line is the fixed column, the people wholly in view, then the pinned columns.

    Scrolled by every offset, the last three columns (P37-P39) are drawn at the right edge and
    never twice, a person's column cut by the scrolled part's edges is blank (a cut "10" reads
    "1"), the cursor on a pinned column does not scroll sideways and a click there takes it.
    """
    app = PinnedApp()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        width, fixed = table.scrollable_content_region.width, table.fixed_width
        right = table.pinned_width(width)
        assert right == 15
        middle, stop = width - fixed - right, len(table.columns) - 3
        for person in range(PEOPLE):
            table.update_cell("i1", f"p{person}", Text(f"{person + 10}", justify="center"))
        starts = [fixed + 5 * n for n in range(stop - 1)]  # where each person's column begins
        for scroll_x in range(table.max_scroll_x + 1):
            table.scroll_to(x=scroll_x, animate=False, immediate=True)
            assert table.scroll_offset.x == scroll_x
            left = fixed + scroll_x
            shown = [n for n, at in enumerate(starts) if left <= at and at + 5 <= left + middle]
            header = "".join(segment.text for segment in table.render_line(0))
            assert header.endswith(" P37  P38  P39 "), (scroll_x, header)
            people = " ".join(header[fixed : width - right].split())
            assert people == " ".join(f"P{n}" for n in shown), (scroll_x, header)
            line = "".join(segment.text for segment in table.render_line(2))
            assert line.startswith("Item 1") and line.endswith("  47   48   49  ")
            assert " ".join(line[fixed : width - right].split()) == " ".join(str(n + 10) for n in shown)
        table.scroll_to(x=0, animate=False, immediate=True)
        table.cursor_coordinate = Coordinate(0, len(table.columns) - 1)
        await pilot.pause()
        assert table.scroll_offset.x == 0, "a pinned column is in view without scrolling"
        table.cursor_coordinate = Coordinate(0, stop - 1)
        await pilot.pause()
        assert table.scroll_offset.x == table.max_scroll_x, "the last person scrolled to, left of the pinned"
        await pilot.click(LineTable, offset=(width - right + 6, 3))
        assert table.cursor_coordinate == Coordinate(2, stop + 1)
