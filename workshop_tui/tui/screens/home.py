"""The home screen: recent sessions, a new session, the demo."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowKey
from textual.worker import get_current_worker

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.listing import SessionListing, list_sessions, quick_listing_is_cheap
from workshop_tui.core.storage.series import cut_off as series_cut_off
from workshop_tui.core.storage.series import grouped, series_places
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.tui import line_compositor
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.commands import HOME_COMMANDS, bindings, key_help
from workshop_tui.tui.widgets.footer import KeysFooter
from workshop_tui.tui.widgets.header import SafeHeader

ORGANISATION_WIDTH = 22
"""The organisation column's width when the series column is shown (longer names are cut)."""
TITLE_WIDTH = 64
"""The title column's widest (a mailed file's title may be one 300-character word: the date,
organisation and progress would be pushed off the screen; the cut title ends in …)."""
TITLE_NARROWEST = 16
"""The title column is not cut below this, however narrow the window (the rest then scrolls)."""


CELL_PADDING = 1
"""Textual's table pads each cell by one column each side (``DataTable.cell_padding``)."""
HOME_PADDING = 4
"""The list's padding left and right (``#home`` in app.tcss)."""

ROWS_A_TURN = 250
"""Rows put in the table in one turn of the screen's loop (~20 ms; see ``HomeScreen._show``)."""


@dataclass(frozen=True)
class Layout:
    """What the table shows for one list: its sessions in order, columns, cells."""

    listings: list[SessionListing]
    columns: tuple[tuple[str, ...], tuple[int, ...]]
    """The headings and their widths."""
    rows: list[list[Text]]
    marked: bool
    """Whether the session opened last is in the list (then the hint says what ● means)."""
    room: int
    """The table's width the title column was fitted to (see ``HomeScreen._room``)."""


class SessionTable(DataTable[Text]):
    """The list of sessions: every column has a width set by the screen, every row one line.

    Textual's table measures each cell of each new row when it is next idle, to widen its
    columns and to find rows taller than a line; neither applies here, and for 4,000 rows
    that measuring froze the screen for 0.7 s (1,000 rows: 0.18 s). Only the table's size
    is worked out (from the columns' set widths and the row count). The measuring is
    ``DataTable._update_dimensions``, a Textual internal (see pyproject).
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(())

    def on_resize(self) -> None:
        """A new width (the window's, or F1's help beside the list): the title column fitted again."""
        screen = self.screen
        if isinstance(screen, HomeScreen):
            screen.refit()


class HomeScreen(WorkshopScreen):
    """Lists the sessions in the data dir by date and title, the last opened marked ●."""

    BINDINGS = bindings(HOME_COMMANDS)

    def __init__(self) -> None:
        super().__init__()
        line_compositor.install(self)  # a frame of the whole screen settles the repaints asked before it
        self.listings: list[SessionListing] = []
        self._columns: tuple[tuple[str, ...], tuple[int, ...]] | None = None
        self._fitted_to = 0
        """The table's width the title column was last fitted to (``Layout.room``)."""
        """The headings and widths the table was last built with (see ``_show``)."""
        self._generation = 0
        self._cursor_to: Path | None = None
        """The session the cursor goes to once its row is put in (a list being built in parts)."""
        """Counts the lists shown: the rows of an older one stop being put in (``_put_rows``)."""
        self._resumed = False

    def compose(self) -> ComposeResult:
        yield SafeHeader(show_clock=self.workshop.show_clock)
        with Vertical(id="home"):
            yield Static(id="home-title", classes="heading")
            yield SessionTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-hint", classes="muted")
        # The footer is mounted in ``on_mount``, once the table has the keyboard (see there).

    async def on_mount(self) -> None:
        # One frame for the whole screen, as the session screen draws its own: the first frame
        # is held in a batch until the app's resizes at start are laid out and Textual's
        # repaint of a screen that comes up is asked for, so nothing is drawn again after it.
        batch = self.app.batch_update()
        batch.__enter__()
        self.call_later(batch.__exit__, None, None, None)
        # Textual hides its empty rack of notifications once the screen is up, by a style that
        # asks for a new layout and a frame: hidden before the first layout, it asks for none.
        for rack in self.query("#textual-toastrack"):  # none when notifications are turned off
            rack.display = False
        self.relabel(first=True)
        # The footer shows the keys of the table, which has the keyboard now (Textual's footer
        # waited for the first frame, then mounted its keys and laid them out twice: three more
        # frames). Built now, it is part of the first frame and its later check finds no change.
        await self.mount(KeysFooter(with_screen=True))

    def on_screen_resume(self) -> None:
        # The first resume follows on_mount, whose relabel has just started a load; a second
        # read of the folder alongside it would only slow both down (a thousand files).
        if self._resumed:
            self.load()
        self._resumed = True

    def relabel(self, *, first: bool = False) -> None:
        """Fill in the texts in the current language and reload the list."""
        super().relabel()
        self.title = "workshop-tui"
        self.sub_title = t("tui.home.title", self.lang)
        self.show_help_text(t("tui.help.home", self.lang, keys=key_help(HOME_COMMANDS, self.lang)))
        self.query_one("#home-title", Static).update(t("tui.home.title", self.lang))
        self.load(first=first)

    def load(self, *, first: bool = False) -> None:
        """Read the sessions folder (in a worker, so a big folder never blocks keys).

        The first time, when the folder's index exists (or the folder is small), the quick
        list is read here so that the screen's first frame already shows it; the worker then
        only completes what the index did not know.
        """
        if first and quick_listing_is_cheap():
            listings = list_sessions(validate=False)
            self._show(listings)
            if not any(listing.pending for listing in listings):
                return
        self._load()

    @work(thread=True, exclusive=True, group="home-load")
    def _load(self) -> None:
        # First what the folder's index knows and the headers of files it does not, so even
        # a thousand sessions show at once; then those files are read fully, which fills in
        # their progress and shows which are broken. A worker replaced by a newer load
        # (exclusive) still runs to its end, and must not show its older list over the new one.
        worker = get_current_worker()
        listings = list_sessions(validate=False)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, self._layout(listings))
        if any(listing.pending for listing in listings) and not worker.is_cancelled:
            # Reading files fully holds the interpreter for seconds: paint the list first.
            painted = threading.Event()
            self.app.call_from_thread(self.call_after_refresh, painted.set)
            painted.wait(timeout=2)
            # All in worker processes; a quit or a newer load stops the reads.
            listings = list_sessions(background=True, stop=lambda: worker.is_cancelled)
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show, self._layout(listings))

    def _layout(self, listings: list[SessionListing]) -> Layout:
        """The rows and columns that show ``listings``: built by the loading worker's thread,
        so the screen's thread only puts them in the table (4,000 rows' cells take ~0.15 s)."""
        places = series_places(listings)
        cut_off = series_cut_off(listings)
        if places:
            listings = grouped(listings)
        lang = self.lang
        last = self.workshop.settings.last_session
        rows = [self._row(listing, lang, last=listing.path.name == last) for listing in listings]
        keys = [
            "tui.home.col.title",
            "tui.home.col.date",
            "tui.home.col.org",
            "tui.home.col.progress",
            "tui.home.col.updated",
        ]
        if places or cut_off:  # a column only when some session is part of a series
            keys.insert(1, "series.home.series")
            for listing, row in zip(listings, rows, strict=True):
                row.insert(1, self._series_cell(listing, places, cut_off, lang))
        headers = [t(key, lang) for key in keys]
        # Widths are set here rather than measured by the table when it is next idle: that
        # measuring was sometimes skipped when the list was shown twice in quick succession
        # (quick list, then complete list), leaving every column as narrow as its heading.
        widths = []
        for number, header in enumerate(headers):
            width = max([cell_len(header), *(row[number].cell_len for row in rows)])
            if keys[number] == "tui.home.col.title":
                width = min(width, TITLE_WIDTH)
            if (places or cut_off) and keys[number] == "tui.home.col.org":
                width = min(width, ORGANISATION_WIDTH)  # room for the series column at 120 columns
            widths.append(width)
        # The date whole in view, the title cut with … to make room: at 80 columns the title's
        # 64 left the date as "2027-" (and the series' place before it); the columns after the
        # date are reached by scrolling, as before.
        room = self._room()
        date_at = keys.index("tui.home.col.date")
        beside = sum(width + 2 * CELL_PADDING for width in widths[1 : date_at + 1])
        widths[0] = min(widths[0], max(TITLE_NARROWEST, room - beside - 2 * CELL_PADDING))
        marked = any(listing.path.name == last for listing in listings)
        return Layout(listings, (tuple(headers), tuple(widths)), rows, marked, room)

    def _room(self) -> int:
        """The columns the table has for its cells (its scrollbar's kept aside, shown or not).

        Before the table is laid out, the window's width less the list's padding.
        Read by the loading worker's thread too: only sizes, which are plain values.
        """
        table = self.query_one("#sessions", DataTable)
        width = table.size.width or self.app.size.width - HOME_PADDING
        return width - table.styles.scrollbar_size_vertical

    def refit(self) -> None:
        """The table has a new width: the title column fitted again, so the dates stay whole."""
        if self._columns is not None and self._room() != self._fitted_to:
            self._show(self.listings)

    def _show(self, shown: list[SessionListing] | Layout) -> None:
        """Put a list in the table: the cells that changed, or else every row, a part a turn.

        The same files in the same order (the progress filled in) change only their cells;
        another list is built again. Either way a few hundred rows at a time, each part in
        its own frame, so a key is answered between them (4,000 rows
        added at once held the screen for 0.3 s, updated at once ~0.1 s).
        """
        layout = shown if isinstance(shown, Layout) else self._layout(shown)
        selected = self._selected()
        wanted = self._cursor_to or (selected.path if selected is not None else None)
        table = self.query_one("#sessions", DataTable)
        same = (
            layout.columns == self._columns
            and table.row_count == len(self.listings) == len(layout.listings)
            and all(a.path == b.path for a, b in zip(self.listings, layout.listings, strict=True))
        )
        self.listings = layout.listings
        self._fitted_to = layout.room
        self._generation += 1
        if not same:
            self._columns = layout.columns
            table.clear(columns=True)
            for header, width in zip(*layout.columns, strict=True):
                table.add_column(header, width=width)
        at = next((n for n, x in enumerate(layout.listings) if x.path == wanted), None)
        self._cursor_to = None if same or at is None else wanted
        self._put_rows(self._generation, layout.rows, 0, None if same else at)
        lang = self.lang
        hint = self.query_one("#home-hint", Static)
        hint.update(
            t("tui.home.empty", lang)
            if not layout.listings
            else t("tui.home.last_hint", lang)
            if layout.marked
            else ""
        )
        self.set_focus(table)

    def _put_rows(self, generation: int, rows: list[list[Text]], start: int, cursor: int | None) -> None:
        """Add (or update) rows ``start`` to ``start + ROWS_A_TURN``, then the rest in a later turn.

        A newer list (another ``_show``) stops the parts of an older one. A changed cell of a
        fixed-width column needs no measuring (see ``SessionTable``).
        """
        if generation != self._generation:
            return
        table = self.query_one("#sessions", DataTable)
        end = min(start + ROWS_A_TURN, len(rows))
        columns = table.ordered_columns
        for index in range(start, end):
            row, row_key = rows[index], str(index)
            if index >= table.row_count:
                table.add_row(*row, key=row_key)
                continue
            for column, cell in zip(columns, row, strict=True):
                if table.get_cell(row_key, column.key) != cell:
                    table.update_cell(row_key, column.key, cell)
        if cursor is not None and start <= cursor < end:
            table.move_cursor(row=cursor)
            self._cursor_to = None
        if end < len(rows):
            self.call_after_refresh(self._put_rows, generation, rows, end, cursor)  # a frame between parts

    @staticmethod
    def _row(listing: SessionListing, lang: str, *, last: bool = False) -> list[Text]:
        """The cells of one session's row: title, date, organisation, progress, last change.

        The session opened last is marked ● (the list's order never follows use).

        Cells are Text, not str: the table reads a str as markup, so a title such as
        "Budget [/]" would stop the app and "[red]" would colour it. Each passes
        ``for_terminal``: the list is read from the files' headers, before any screen's
        copy of a session exists, and a title may carry escape sequences or line breaks.
        """
        session = listing.summary
        if session is None:
            state = "…" if listing.pending else t("tui.home.broken", lang)
            mark = "" if listing.pending else "⚠ "
            cells = [f"{mark}{listing.path.name}", "", "", state, ""]
        else:
            progress = "{}/{}".format(*session.progress) if session.progress else "…"
            updated = session.updated.replace("T", " ")[:16]
            title = ("● " if last else "  ") + session.title
            cells = [title, session.date, session.organisation, progress, updated]
        row = [Text(for_terminal(cell), no_wrap=True, end="") for cell in cells]
        row[0].overflow = "ellipsis"  # a title wider than TITLE_WIDTH is cut with …
        return row

    @staticmethod
    def _series_cell(
        listing: SessionListing, places: dict[str, tuple[int, int, str]], cut_off: set[str], lang: str
    ) -> Text:
        """A session's place in its series ("2 af 3"), or ⚠ when the session it follows is missing.

        A series' sessions stand together in the list; ``workshop sessions`` names the
        missing or unreadable file and the fix.
        """
        session_id = listing.summary.id if listing.summary is not None else ""
        if session_id in cut_off:
            return Text(t("series.home.missing", lang), style="bold", no_wrap=True, end="")
        place = places.get(session_id)
        if place is None:
            return Text("", end="")
        number, total, _ = place
        cell = t("series.home.series_of", lang, n=number, total=total)
        return Text(for_terminal(cell), no_wrap=True, end="")

    def _selected(self) -> SessionListing | None:
        table = self.query_one("#sessions", DataTable)
        if not self.listings or table.cursor_row < 0 or table.cursor_row >= len(self.listings):
            return None
        return self.listings[table.cursor_row]

    @on(DataTable.RowSelected, "#sessions")
    def open_selected_row(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted session (or say why it cannot be opened)."""
        listing = self._selected()
        if listing is None:
            return
        if listing.problems:
            problem = listing.problems[0].text(self.lang)
            self.notify(t("tui.home.broken_hint", self.lang, problem=problem), severity="error", timeout=15)
            return
        if not self.workshop.open_session(listing.path):
            # The file broke after the list read it (an editor, a sync): its row says so now,
            # and its reason is the one Enter gives, instead of a row that looks openable.
            self.load()

    def action_demo(self) -> None:
        """Copy the demo seminar and open the copy."""
        from workshop_tui.core.storage.sessions import copy_demo

        try:
            path = copy_demo()
        except SessionWriteError as error:
            self.notify(t("tui.saved.error", self.lang, reason=error.reason), severity="error")
            return
        self.workshop.open_session(path)

    def action_new(self) -> None:
        """Ask for the new session's details, then create and open it."""
        from workshop_tui.tui.screens.new_session import NewSessionScreen

        self.app.push_screen(NewSessionScreen(self.listings), self._create)

    def _create(self, result: object) -> None:
        from workshop_tui.core.model import Session
        from workshop_tui.core.storage.sessions import save_session, session_path

        if not isinstance(result, Session):
            return
        path: Path = session_path(result)
        try:
            save_session(result, path)
        except SessionWriteError as error:
            self.notify(t("tui.saved.error", self.lang, reason=error.reason), severity="error")
            return
        self.workshop.open_session(path)

    def action_language(self) -> None:
        """Switch between Danish and English."""
        self.workshop.set_language("en" if self.lang == "da" else "da")
        self.relabel()

    async def action_quit(self) -> None:
        """Leave the app."""
        self.app.exit(0)
