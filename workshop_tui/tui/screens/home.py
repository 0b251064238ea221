"""The home screen: recent sessions, a new session, the demo."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from workshop_tui.storage.errors import SessionWriteError
from workshop_tui.storage.sessions import SessionListing, copy_demo, list_sessions, save_session, session_path
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.strings import tr


class HomeScreen(WorkshopScreen):
    """Lists the sessions in the data dir, newest first."""

    CSS_PATH = "home.tcss"
    HELP = """\
## Sessioner / Sessions

Vælg en session med piletasterne og tryk **Enter** for at åbne den.
**N** opretter en ny session, **D** åbner en frisk kopi af demo-seminaret.

Choose a session with the arrow keys and press **Enter** to open it.
**N** creates a new session, **D** opens a fresh copy of the demo seminar.
"""
    BINDINGS = [
        Binding("enter", "open", "Åbn", id="open", tooltip="Åbn den valgte session"),
        Binding("n", "new", "Ny session", id="new", tooltip="Opret en ny session"),
        Binding("d", "demo", "Demo", id="demo", tooltip="Åbn en frisk kopi af demo-seminaret"),
        Binding("l", "language", "English", id="lang", tooltip="Skift sprog"),
        Binding("q", "quit", "Afslut", id="quit", tooltip="Afslut workshop-tui"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listings: list[SessionListing] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=self.workshop.show_clock)
        with Vertical(id="home"):
            yield Static(id="home-title", classes="heading")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-hint", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()

    def on_screen_resume(self) -> None:
        self.load()

    def relabel(self) -> None:
        """Fill in the texts in the current language and reload the list."""
        super().relabel()
        self.title = "workshop-tui"
        self.sub_title = tr("home.title", self.lang)
        self.query_one("#home-title", Static).update(tr("home.title", self.lang))
        self.load()

    def load(self) -> None:
        """Read the sessions folder (in a worker, so a big folder never blocks keys)."""
        self._load()

    @work(thread=True, exclusive=True, group="home-load")
    def _load(self) -> None:
        listings = list_sessions()
        self.app.call_from_thread(self._show, listings)

    def _show(self, listings: list[SessionListing]) -> None:
        self.listings = listings
        table = self.query_one("#sessions", DataTable)
        table.clear(columns=True)
        lang = self.lang
        for key in (
            "home.col.title",
            "home.col.date",
            "home.col.org",
            "home.col.progress",
            "home.col.updated",
        ):
            table.add_column(tr(key, lang))
        for index, listing in enumerate(listings):
            session = listing.session
            if session is None:
                table.add_row(f"⚠ {listing.path.name}", "", "", tr("home.broken", lang), "", key=str(index))
                continue
            done, total = session.progress
            table.add_row(
                session.title,
                session.date,
                session.organisation,
                f"{done}/{total}",
                session.updated.replace("T", " ")[:16],
                key=str(index),
            )
        hint = self.query_one("#home-hint", Static)
        hint.update(tr("home.empty", lang) if not listings else "")
        table.focus()

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
        if listing.session is None:
            problem = str(listing.problems[0]) if listing.problems else ""
            self.notify(tr("home.broken_hint", self.lang, problem=problem), severity="error", timeout=15)
            return
        self.workshop.open_session(listing.path)

    def action_demo(self) -> None:
        """Copy the demo seminar and open the copy."""
        try:
            path = copy_demo()
        except SessionWriteError as error:
            self.notify(tr("saved.error", self.lang, reason=error.reason), severity="error")
            return
        self.workshop.open_session(path)

    def action_new(self) -> None:
        """Ask for the new session's details, then create and open it."""
        from workshop_tui.tui.screens.new_session import NewSessionScreen

        self.app.push_screen(NewSessionScreen(), self._create)

    def _create(self, result: object) -> None:
        from workshop_tui.model import Session

        if not isinstance(result, Session):
            return
        path: Path = session_path(result)
        try:
            save_session(result, path)
        except SessionWriteError as error:
            self.notify(tr("saved.error", self.lang, reason=error.reason), severity="error")
            return
        self.workshop.open_session(path)

    def action_language(self) -> None:
        """Switch between Danish and English."""
        self.workshop.set_language("en" if self.lang == "da" else "da")
        self.relabel()

    async def action_quit(self) -> None:
        """Leave the app."""
        self.app.exit(0)
