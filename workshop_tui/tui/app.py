"""The workshop app: a home screen of sessions and a screen that runs one session."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from textual.app import App
from textual.filter import LineFilter
from textual.screen import Screen

from workshop_tui.core import kept_start
from workshop_tui.core.i18n import detect_language, t
from workshop_tui.core.storage.errors import FileProblems, problem_lines
from workshop_tui.tui.app_words import AppWords
from workshop_tui.tui.commands import APP_COMMANDS, SessionCommands, bindings
from workshop_tui.tui.css_rules import KeptStylesheet, save_all
from workshop_tui.tui.key_arrival import TypedKeys
from workshop_tui.tui.keygate import KeyGate
from workshop_tui.tui.open_sessions import OpenSessions
from workshop_tui.tui.screen_keys import ScreenChangeHold, after_typed_edits
from workshop_tui.tui.settings import (
    Settings,
    load_settings,
    save_settings,
    save_settings_aside,
    settings_path,
)
from workshop_tui.tui.signals import stop_on_signals
from workshop_tui.tui.styles_colours import install as keep_no_widget_in_colours
from workshop_tui.tui.terminal_guard import ControlCharacters
from workshop_tui.tui.themes import HIGH_CONTRAST
from workshop_tui.tui.wall_notices import WallNotices
from workshop_tui.voting.network import VotingOptions

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.core.storage.library import Library, LibraryStamp
    from workshop_tui.core.storage.links import OtherNames
    from workshop_tui.core.storage.lock import LockInfo
    from workshop_tui.tui.crash_report import CrashReport


CSS_SAVE_SECONDS = 3.0
"""After the start, when the CSS rules it parsed are written for the next start (``css_rules``)."""
OWN_LOCK_TRIES = 40
"""Tries, 50 ms apart, to take a lock this app's closing session screen still holds."""


class WorkshopApp(TypedKeys, AppWords):
    """Runs on the facilitator's laptop and is projected on the wall."""

    CSS_PATH = "app.tcss"
    TITLE = "workshop-tui"
    COMMANDS = App.COMMANDS | {SessionCommands}
    BINDINGS = bindings(APP_COMMANDS)
    DEFAULT_MODE = "workshop"

    def __init__(
        self,
        *,
        lang: str | None = None,
        library: Library | None = None,
        exercise_dirs: Iterable[Path] = (),
        session_path: Path | None = None,
        session: Session | None = None,
        settings: Settings | None = None,
        show_clock: bool = True,
        voting: VotingOptions | None = None,
    ) -> None:
        super().__init__()
        self.wall_notices = WallNotices()
        keep_no_widget_in_colours()  # no colour cache keeps closed screens' lines (tui/styles_colours.py)
        self.stylesheet = KeptStylesheet(variables=self.theme_variables)
        """Textual's stylesheet, with the rules parsed by earlier runs kept (``css_rules``)."""
        self._terminal_guard = ControlCharacters()
        """No control character of any text reaches the terminal (see ``get_line_filters``)."""
        self.voting_options = voting or VotingOptions()
        """Where voting from phones is served when the facilitator opens it (F10)."""
        self.settings = settings or load_settings()
        remembered = self.settings.lang if settings_path().exists() else None
        self.lang = lang or remembered or detect_language()
        """The interface language, "da" or "en"."""
        self._library = library
        self._library_stamp: LibraryStamp | None = None if library is not None else ()
        """The library's files when it was read; None: the library was given, and is kept."""
        self._exercise_dirs = list(exercise_dirs)
        self.start_session = session_path
        self._loaded_start = session
        """The start session as the CLI already read and checked it (read again if None)."""
        self.show_clock = show_clock
        """False in tests and snapshots, which must not depend on the time of day."""
        self.sessions = OpenSessions()
        """The open sessions: quitting asks them, an error stopping the app rescues them."""
        self._crash: CrashReport | None = None
        self.error_console = Console(markup=False, highlight=False, stderr=True, record=True)
        """Textual prints its report of an error that stops the app here (as its own console
        does, to the terminal once it is restored); recorded, so the crash log can hold it."""
        self.key_gate = KeyGate(self, self._dispatch_key)
        """Holds typed keys while the keyboard moves to another field or exercise (see keygate)."""
        self._frozen_before = gc.get_freeze_count()
        """Objects frozen out of the collector's sight before the app started (see ``unfreeze_collector``)."""

    @property
    def library(self) -> Library:
        """The exercises and programmes a new session is made from, read when first needed.

        Running or reopening a session never needs it (a session file holds its own copy of
        its exercises), so the app does not spend its start-up reading 30-odd files. It is
        read again when a file in its folders changed since (``library_stamp``): a colleague's
        file dropped in while the app runs is offered, or its problems shown, at the next form.
        """
        if self._library is not None and self._library_stamp is None:
            return self._library
        from workshop_tui.core.storage.library import library_stamp, load_library

        stamp = library_stamp(self._exercise_dirs)  # before reading: a change meanwhile reads again
        if self._library is None or stamp != self._library_stamp:
            self._library = load_library(self._exercise_dirs)
            self._library_stamp = stamp
        return self._library

    def get_default_screen(self) -> Screen[object]:
        """The first screen, at the bottom of the stack: the session asked for, or the list of sessions.

        Textual's default is an empty screen under the one pushed in ``on_mount``; a screen
        under the top one is drawn behind it, and its own first layout then asks for the
        whole top screen to be drawn again, a second full frame with no key pressed. Made
        here (not as a mode's screen, which Textual mounts inside the app's own start, where
        frames are held back: its first frame was laid out and drawn for nothing, then laid
        out and drawn again after the app's first resize), it is laid out once and its first
        frame is the one shown. A session that cannot simply be opened (a damaged file, a
        lock held elsewhere) starts on an empty screen, and ``on_mount`` says why as before
        (its rules are in ``app.tcss``).
        """
        first = self._first_screen()
        return first if first is not None else Screen()

    def _first_screen(self) -> Screen[object] | None:
        if self.start_session is None:
            from workshop_tui.tui.screens.home import HomeScreen

            return HomeScreen()
        from workshop_tui.core.storage.lock import SessionLock
        from workshop_tui.core.storage.sessions import load_session
        from workshop_tui.tui.screens.session import SessionScreen

        path = self.start_session
        try:
            session = self._loaded_start or load_session(path)
        except FileProblems:
            return None  # on_mount reads it again and says what is wrong
        self._loaded_start = session
        lock = SessionLock(path)
        try:
            outcome = lock.acquire()
        except OSError:
            return None  # on_mount tries again and says why it is not locked
        if not outcome.acquired:
            return None  # held elsewhere (or by a window of this app closing): on_mount asks
        self._taken_over = outcome.taken_over
        self._started_in = path
        return SessionScreen(session, path, lock=lock)

    _started_in: Path | None = None
    """The session the first screen opened (``_first_screen``), when it opened one."""
    _taken_over: LockInfo | None = None
    """The lock of a window that ended without closing the first screen's session, if any."""

    collector_paused = False
    """The CLI paused the garbage collector for the start (``run_app``); it runs after the first frame."""
    stops_on_signals = False
    """SIGTERM and SIGHUP save and quit (``tui/signals.py``); set by ``run_app``, not in tests."""

    def on_mount(self) -> None:
        # The first screen's stack is the app's mode from now on (``show_home`` removes it);
        # its screen is made already (``get_default_screen``), so this never makes one.
        self.add_mode(self.DEFAULT_MODE, Screen)
        self._screen_hold = ScreenChangeHold(
            self, self.key_gate
        )  # keys as a dialog opens/closes (screen_keys)
        if self.stops_on_signals:
            stop_on_signals(self, self.sessions.rescue_all)
        if self.collector_paused:
            self.call_after_refresh(self._collect_again)
        # What this start parsed and compiled, kept for the next: after the first frame, when the
        # first screen is complete (the start is over: ``kept_start``), at exit (a stopped app has none).
        self.call_after_refresh(_keep_made)
        self.set_timer(CSS_SAVE_SECONDS, lambda: _keep_made(start_over=True))
        self.register_theme(HIGH_CONTRAST)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self._started_in is not None:
            self._loaded_start = None
            if self._taken_over is not None:
                self._say_taken_over(self._taken_over)
            self._remember(self._started_in)
            return
        if self.start_session is None:
            return  # the list of sessions is the first screen
        if self.open_session(self.start_session, self._loaded_start):
            # The list of sessions is made when the facilitator goes back to it: building it
            # under the opened session would only delay the session's first frame.
            self._loaded_start = None
            return
        from workshop_tui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def unfreeze_collector(self) -> None:
        """Thaw what the app froze (``_remember``, session screen, voting) once it may be garbage.

        ``gc.unfreeze`` thaws everything: a freeze made before the app started is left alone.
        """
        if self._frozen_before == 0:
            gc.unfreeze()

    def on_unmount(self) -> None:
        self.unfreeze_collector()  # the app ends (the session screen gives its switch interval back)

    def _collect_again(self) -> None:
        """After the first frame: what the start made is kept out of the collector's way, which runs again."""
        gc.freeze()
        gc.enable()
        self.collector_paused = False

    def wall_is_up(self) -> bool:
        """Is the wall (F2) in the stack, seen or under a dialog? No notice shows then (``wall_notices``)."""
        return any(getattr(screen, "is_wall", False) for screen in self.screen_stack)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and the terminal guard on every line any widget draws."""
        return [*super().get_line_filters(), self._terminal_guard]

    def watch_theme(self, theme: str) -> None:
        if theme != self.settings.theme:
            self.settings = replace(self.settings, lang=self.lang, theme=theme)
            save_settings(self.settings)

    def open_session(self, path: Path, loaded: Session | None = None, *, attempt: int = 0) -> bool:
        """Open a session file on the session screen; a broken file is reported, not opened.

        ``loaded`` is the file's session when the caller has just read it (the CLI checks
        the file before starting the app); reading a large file twice costs a visible moment.
        The session's lock is taken first; when another window holds it, the facilitator
        chooses between a read-only view and not opening it.
        """
        from workshop_tui.core.storage.listing import remember_full_read, stat_key
        from workshop_tui.core.storage.lock import SessionLock
        from workshop_tui.core.storage.sessions import load_session
        from workshop_tui.tui.screens.session import SessionScreen

        read_key = None if loaded is not None else stat_key(path)
        try:
            session = loaded if loaded is not None else load_session(path)
        except FileProblems as error:
            lines = "\n".join(problem_lines(error.problems, self.lang, limit=5))
            self.notify(lines, title=t("tui.home.broken", self.lang), severity="error", timeout=15)
            return False
        # The list may have shown what a forged seal said; from now on it shows this read.
        remember_full_read(path, read_key, session)
        lock = SessionLock(path)
        try:
            outcome = lock.acquire()
        except OSError as error:  # a folder we cannot write: saving will say so too
            self.notify(
                t("tui.lock.unavailable", self.lang, reason=error.strerror or error), severity="warning"
            )
            self._show_session(SessionScreen(session, path), path)
            return True
        holder = outcome.holder
        own = holder is not None and holder.here and holder.pid == os.getpid()
        if not outcome.acquired and own and attempt < OWN_LOCK_TRIES:
            # This app's own session screen, still closing (Esc, then Enter at once).
            self.set_timer(0.05, lambda: self.open_session(path, session, attempt=attempt + 1))
        elif not outcome.acquired:
            self._open_locked(session, path, holder, outcome.linked)
        else:
            if outcome.taken_over is not None:
                self._say_taken_over(outcome.taken_over)
            self._show_session(SessionScreen(session, path, lock=lock), path)
        return True

    def _say_taken_over(self, ended: LockInfo) -> None:
        message = t("tui.lock.taken_over", self.lang, pid=ended.pid, since=ended.started_local)
        self.notify(message, severity="warning", timeout=12)

    def _show_session(self, screen: Screen[object], path: Path) -> None:
        self.push_screen(screen)
        self._remember(path)

    def _remember(self, path: Path) -> None:
        """Mark ``path`` as the last session opened, and keep what is loaded out of the collector's way."""
        if self.settings.last_session != path.name:
            # Marked on the home screen (●), whose order itself never changes with use.
            self.settings = replace(self.settings, last_session=path.name)
            # After the first frame, beside the loop (``save_settings_aside``).
            self.call_after_refresh(save_settings_aside, lambda: self.settings)
        # Everything loaded so far lives as long as the session does. Freezing it keeps the
        # garbage collector's full passes from walking it again, which otherwise stalls a
        # keystroke now and then by tens of milliseconds on a large session.
        gc.freeze()

    def _open_locked(
        self, session: Session, path: Path, holder: LockInfo | None, linked: OtherNames | None = None
    ) -> None:
        """Another window writes this session, or its file has another name (``linked``, a hard
        link, which another window could write through): offer a read-only view, or go back."""
        from workshop_tui.tui.saving import LockedModal
        from workshop_tui.tui.screens.home import HomeScreen
        from workshop_tui.tui.screens.session import SessionScreen

        def answer(choice: str | None) -> None:
            if choice == "read_only":
                screen = SessionScreen(session, path, read_only=True, holder=holder, linked=linked)
                self._show_session(screen, path)
            elif not any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
                self.push_screen(HomeScreen())

        self.push_screen(LockedModal(path, holder, linked), answer)

    async def action_quit(self) -> None:
        """Ctrl+Q: quit, after asking when a session has changes not yet on disk.

        Ctrl+Q is a priority key: it runs as it arrives, while the keys typed just before it
        may still wait in the focused field's queue. The question (and the check for unsaved
        edits) comes after they are handled: "tekst" and Ctrl+Q in one burst quit without
        the text reaching the file.
        """
        after_typed_edits(self.screen, lambda: self.sessions.confirm_quit(self.exit))

    @property
    def crash(self) -> CrashReport | None:
        """What the app did when an unexpected error stopped it; None while it runs or after a quit.

        Public means only (Textual 8 has no public hook for an unhandled error): Textual
        sets ``return_code`` to 1 ("the app exited with a fatal error") before it closes the
        screens, so each session screen rescues its session as it closes
        (``OpenSessions.closing``); the report is made the first time it is asked for after
        the stop, when Textual has printed the error to ``error_console``, and its log holds
        that report (without the local variables, which may name participants).
        """
        if self._crash is None and self.return_code == 1:
            from workshop_tui.tui.crash_report import without_locals

            self._crash = self._report(without_locals(self.error_console.export_text(clear=False)))
        return self._crash

    def rescue(self, error: BaseException) -> CrashReport:
        """An error Textual did not catch (starting or stopping): rescue what is open, log ``error``."""
        self._crash = self._report(error)
        return self._crash

    def _report(self, error: BaseException | str) -> CrashReport:
        from workshop_tui.core.crashlog import write_crash_log
        from workshop_tui.tui.crash_report import CrashReport  # made only after a crash

        sessions = self.sessions.rescue_all()
        return CrashReport(write_crash_log(error, sessions), sessions)

    def show_home(self) -> None:
        """Leave the session screen for the list of sessions (made now if the app began in a session)."""
        from workshop_tui.tui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen())
        else:
            # The session is the first screen (``get_default_screen``), which Textual cannot switch
            # out: the list starts a stack of its own and the session's stack is removed.
            left = self.current_mode
            self._stacks += 1
            mode = f"{self.DEFAULT_MODE}-{self._stacks}"
            self.add_mode(mode, HomeScreen)
            self.switch_mode(mode)
            self.remove_mode(left)

    _stacks = 0
    """Stacks of screens made since the start (see ``show_home``)."""


def _keep_made(*, start_over: bool = False) -> None:
    """Write what this start parsed and compiled anew; ``start_over``: later expressions are not kept."""
    save_all()
    if start_over:
        kept_start.end()
    else:
        kept_start.save()


def make_app(**kwargs: object) -> WorkshopApp:
    """Build the app for the CLI, the tests and the snapshots alike."""
    return WorkshopApp(**kwargs)  # type: ignore[arg-type]
