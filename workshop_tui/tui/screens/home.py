"""The home screen: recent sessions, a new session, the demo."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowKey
from textual.worker import get_current_worker

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.errors import FileProblems, SessionWriteError, in_line_order
from workshop_tui.core.storage.listing import SessionListing, list_sessions, quick_listing_is_cheap
from workshop_tui.tui import line_compositor
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.commands import HOME_COMMANDS, Command, bindings, key_help
from workshop_tui.tui.screens.home_rows import Layout, session_layout
from workshop_tui.tui.widgets.footer import KeysFooter
from workshop_tui.tui.widgets.header import SafeHeader

HOME_PADDING = 4
"""The list's padding left and right (``#home`` in app.tcss)."""

ROWS_A_TURN = 250
"""Rows put in the table in one turn of the screen's loop (~20 ms; see ``HomeScreen._show``)."""


def empty_hint(lang: str) -> Text:
    """What to do when there are no sessions: a key per line, each as the footer and F1 write it
    (``N``, ``D``; the key works with and without Caps Lock, ``Command.bound_keys``)."""
    keys = {command.id: command.shown_keys[0] for command in HOME_COMMANDS}
    out = Text(t("tui.home.empty", lang) + "\n")
    for command, words in (("new", "tui.home.empty_new"), ("demo", "tui.home.empty_demo")):
        line = t(words, lang, letter=keys[command])
        key, _, rest = line.partition(" ")
        out.append("\n  ")
        out.append(key, style="bold reverse")
        out.append(" " + rest)
    return out


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
        self._back_to: str | None = None
        """The file name of the session just left, for the cursor once the list is read again."""
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
            # Back from a session: the cursor goes to it (Enter opened the list's first row, a
            # newer session, instead of the one just left; found by hand, explore17).
            self._back_to = self.workshop.settings.last_session or None
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
        """The rows and columns that show ``listings`` (built in the loading worker's thread)."""
        return session_layout(listings, self.lang, self.workshop.settings.last_session, self._room())

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
        back = next((x.path for x in layout.listings if x.path.name == self._back_to), None)
        if back is not None:
            wanted, self._back_to = back, None
        at = next((n for n, x in enumerate(layout.listings) if x.path == wanted), None)
        self._cursor_to = None if same or at is None else wanted
        self._put_rows(self._generation, layout.rows, 0, None if same else at)
        if same and back is not None and at is not None:
            table.move_cursor(row=at)
        lang = self.lang
        hint = self.query_one("#home-hint", Static)
        # No sessions: the empty table (its headings over a blank screen) gives way, and what
        # to do stands under the title, where the eye is, not below 30 empty lines.
        table.display = bool(layout.listings)
        hint.update(
            empty_hint(lang)
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
            # Read again: the file may have been repaired since the list read it (restored from
            # its .bak, a sync finished). Enter said "cannot be opened" from the list's old
            # reading, and the row and its series kept their ⚠ until the list was read again.
            from workshop_tui.core.storage.sessions import load_session

            try:
                session = load_session(listing.path)
            except FileProblems as error:
                problem = in_line_order(error.problems or listing.problems)[0].text(self.lang)
                self.notify(
                    t("tui.home.broken_hint", self.lang, problem=problem), severity="error", timeout=15
                )
                return
            self.load()  # its row and the series it belongs to, as they are now
            self.workshop.open_session(listing.path, session)
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

    def palette_commands(self) -> Sequence[Command]:
        """The commands the palette offers beside the app's own (``AppWords.get_system_commands``)."""
        return HOME_COMMANDS

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
