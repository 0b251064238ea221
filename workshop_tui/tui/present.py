"""``workshop present``: a second window that shows only the wall, following the main app.

The facilitator drags this window to the projector and keeps notes, names and the full
grid on the laptop. It draws the same :class:`ProjectorFrame` as the main app's F2 view,
from what the main app saves (the session file and its live side file, read by the
:class:`Follower`); it never writes and never takes the session's lock, so it cannot get
in the way of the one writer. A file it cannot use keeps the last good frame on the
wall, with a line saying why.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import RenderableType
from rich.text import Text
from textual.app import App, ComposeResult
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.widgets import Static

from workshop_tui.core.i18n import LANGUAGES, detect_language, t
from workshop_tui.core.model import Session
from workshop_tui.core.storage.live import LiveVoting
from workshop_tui.core.text_safety import ShownCopies
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.commands import APP_COMMANDS, PRESENT_COMMANDS, bindings, key_line
from workshop_tui.tui.present_follow import POLL_SECONDS, Follower
from workshop_tui.tui.screens.projector import ProjectorFrame, Wall
from workshop_tui.tui.signals import stop_on_signals
from workshop_tui.tui.terminal_driver import terminal_driver
from workshop_tui.tui.terminal_guard import ControlCharacters
from workshop_tui.tui.voting_link import VotingInfo
from workshop_tui.voting.presence import Progress


class PresentScreen(WorkshopScreen):
    """The wall alone, and a line under it while the main app cannot be followed."""

    CSS_PATH = "screens/projector.tcss"
    BINDINGS = bindings(PRESENT_COMMANDS)
    DEFAULT_CSS = """
    #present-status {
        dock: bottom;
        height: auto;
        padding: 0 1;
        background: #000000;
        color: #FFB000;
        display: none;
    }
    """

    def __init__(self, follower: Follower) -> None:
        super().__init__()
        self.follower = follower
        self._previous: tuple[str, Session | None] | None = None
        """The session before the one followed (by its id), for last time beside now."""

    def compose(self) -> ComposeResult:
        yield ProjectorFrame()
        yield Static(id="present-status")

    def on_mount(self) -> None:
        self.show_help_text(t("present.help", self.lang, keys=key_line(PRESENT_COMMANDS, self.lang)))
        self.follower.poll()
        self.redraw()
        self.set_interval(POLL_SECONDS, self._poll)

    def on_resize(self) -> None:
        self.redraw()

    def _poll(self) -> None:
        if self.follower.poll():
            self.redraw()

    @property
    def lang(self) -> str:
        """The main app's language (unless ``--lang`` was given), else this app's."""
        app, lang = self.app, self.follower.lang
        if isinstance(app, PresentApp) and app.fixed_lang is None and lang in LANGUAGES:
            return str(lang)
        return super().lang

    def redraw(self) -> None:
        """Draw the newest good state, and say what keeps the wall from being newer."""
        if not self.is_mounted:
            return
        follower, lang = self.follower, self.lang
        session, live = follower.session, follower.live
        frame = self.query_one(ProjectorFrame)
        if session is not None:
            voting = _voting_info(live.voting) if live is not None and live.voting is not None else None
            exercise_id = follower.exercise_id
            instead = self._last_time(session, exercise_id, lang) if live is not None and live.last else None
            frame.draw(Wall(session, exercise_id, follower.timer, voting, instead), lang)
        message = ""
        if follower.problems:
            message = "\n".join(problem.text(lang) for problem in follower.problems)
        elif follower.path is None:
            message = t("present.waiting.none", lang)
        elif live is None and not follower.main_runs:
            message = t("present.waiting.main", lang, file=follower.path.name)
        status = self.query_one("#present-status", Static)
        status.display = bool(message)
        status.update(Text(message))

    def _last_time(self, session: Session, exercise_id: str, lang: str) -> RenderableType | None:
        """Last time beside now, as F2 shows it while the facilitator has Ctrl+L on: the second
        window left the question up. The earlier session is looked for once per session id."""
        if exercise_id not in session.exercises or not session.exercise(exercise_id).is_scored:
            return None
        from workshop_tui.core.storage.trend_sessions import previous_session
        from workshop_tui.tui.last_time_rule import held_on_wall, last_time_of
        from workshop_tui.tui.widgets.last_time import last_time_wall

        if self._previous is None or self._previous[0] != session.id:
            found = previous_session(session)
            self._previous = (session.id, ShownCopies()(found) if found is not None else None)
        trend, why = last_time_of(self._previous[1], session, exercise_id, lang)
        return last_time_wall(held_on_wall(trend, session, exercise_id), why, lang)

    def content_text(self) -> str:
        """The projected content as plain text (for checks and tests)."""
        return self.query_one(ProjectorFrame).content_text()

    def action_quit(self) -> None:
        self.app.exit(0)


def _voting_info(board: LiveVoting) -> VotingInfo:
    """The voting board as the main app showed it, from the side file."""
    return VotingInfo(
        url=board.url,
        join_url=board.join_url,
        code=board.code,
        progress=Progress(board.joined, board.answered, board.complete),
        max_participants=board.max_participants,
        round_open=board.round_open,
        participants=board.participants,
        writing=board.writing,
    )


class PresentApp(App[int]):
    """The second window: one screen, the wall, following the session the main app runs."""

    TITLE = "workshop-tui"
    BINDINGS = bindings(APP_COMMANDS)

    def __init__(self, session_file: Path | None, *, lang: str | None = None) -> None:
        super().__init__()
        self.fixed_lang = lang
        """``--lang``: the wall's language whatever the main app speaks."""
        self.lang = detect_language(lang)
        self.show_clock = False
        self.inputs = 0
        self.follower = Follower(session_file)
        self._terminal_guard = ControlCharacters()

    stops_on_signals = False
    """SIGTERM and SIGHUP close the window and give the terminal back (set by ``run_present``)."""

    def on_mount(self) -> None:
        if self.stops_on_signals:
            stop_on_signals(self)
        self.push_screen(PresentScreen(self.follower))

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and the terminal guard on every line (as in the main app)."""
        return [*super().get_line_filters(), self._terminal_guard]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """No notice in this window: it is the room's, and its own problems have the status line.

        Textual's own (Ctrl+C's "Do you want to quit? Press q", in English) showed on the
        projector (wall25); whatever else may one day call this is dropped here, in one place.
        """

    def action_help_quit(self) -> None:
        """Ctrl+C closes this window as Q does: it writes nothing, so there is nothing to ask."""
        self.exit(0)

    def action_toggle_help(self) -> None:
        """F1: what this window is and its one key."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()


def run_present(session_file: Path | None, *, lang: str | None) -> int:
    """Run the second window until it is closed; returns the exit status."""
    app = PresentApp(session_file, lang=lang)
    app.stops_on_signals = True
    app.driver_class = terminal_driver()  # a terminal gone must not hang the close
    return app.run() or app.return_code or 0
