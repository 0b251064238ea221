"""The session screen: runs one seminar, exercise by exercise.

The session's state lives in its ``SessionController`` (keeper, current exercise,
timers, voting); this screen shows the current exercise in the view for its kind
(which view, and what it shows: ``session_views.py``; what its keys do: ``session_actions.py``),
turns keys and the views' requests into calls on the controller, and redraws when
the controller says something changed. Every edit is written to disk before the
screen shows it.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import OptionList, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.storage.links import OtherNames
from workshop_tui.core.storage.lock import LockInfo, SessionLock
from workshop_tui.tui import line_compositor
from workshop_tui.tui.after_frame import AfterFrame
from workshop_tui.tui.collector import IdleCollector
from workshop_tui.tui.commands import SESSION_COMMANDS, Command, bindings
from workshop_tui.tui.controller import SessionController
from workshop_tui.tui.frame_timer import FrameTimer
from workshop_tui.tui.leaving import Leaving
from workshop_tui.tui.messages import Change, EditRequested, PositionChanged
from workshop_tui.tui.saving import PREPARE_SECONDS, SaveGuard
from workshop_tui.tui.screens.session_views import ExerciseViews
from workshop_tui.tui.strings import refusal
from workshop_tui.tui.views import view_for
from workshop_tui.tui.views.base import ExerciseView
from workshop_tui.tui.voting_board import VotingStatus
from workshop_tui.tui.widgets.agenda import Agenda
from workshop_tui.tui.widgets.footer import KeysFooter
from workshop_tui.tui.widgets.header import SafeHeader
from workshop_tui.tui.widgets.last_time import LastTimePanel
from workshop_tui.tui.widgets.timer import TimerDisplay

FREEZE_SECONDS = 0.5
"""After opening, when the objects made so far are handed out of the garbage collector's sight."""
SWITCH_INTERVAL = 0.0005
"""How long another thread (Textual's input and output) may wait for the interpreter, at most."""


def _freeze() -> None:
    """``gc.freeze``, as a Python function: Textual reads a callback's parameters by ``inspect.signature``.

    For a built-in function that parses its text signature with ``tokenize``, whose expression
    is built from a set of string prefixes, so it differs with each process's hash seed. Compiled
    during the start, it was new to the start's kept expressions on every opening, and
    ``regex_code`` wrote their 747 KB file again 3 s after each start, among the first keys
    typed; the next key's fsync then wrote that file's data too (ext4, ordered mode). Seen by
    strace of ``workshop open`` in a pty: once per opening, four openings in a row.
    """
    gc.freeze()


class SessionScreen(ExerciseViews):
    """Runs one session: agenda, the current exercise, timer and notes."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's own, without its repaint of the whole screen on each focus move.

    The fields that lose and gain focus restyle and redraw themselves; the whole-screen
    repaint only drew everything else again: once more at start (the view takes the
    keyboard just after the first frame) and on every Tab between fields.
    """
    BINDINGS = [
        *bindings(SESSION_COMMANDS),
        # Textual's own words for its focus keys, in the interface language ("Næste felt"): F1
        # listed "tab" and "shift+tab" with nothing beside them. No id: no command of ours.
        Binding("tab", "next_field", "Focus Next", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Focus Previous", show=False, priority=True),
    ]

    def __init__(
        self,
        session: Session,
        path: Path,
        *,
        lock: SessionLock | None = None,
        read_only: bool = False,
        holder: LockInfo | None = None,
        linked: OtherNames | None = None,
    ) -> None:
        super().__init__()
        line_compositor.install(self)  # a typed score renders one line of each widget under it
        self.controller = SessionController(self, session, path, lock=lock, read_only=read_only)
        """The session's state (keeper, current exercise, timers, voting), which the screens observe."""
        self._first_presses: dict[str, float] = {}
        """Command id -> when a command declared ``twice`` (Esc) was first pressed."""
        self.guard = SaveGuard(self, self.controller.keeper, self._reloaded, holder, linked)
        self.leaving = Leaving(self.controller.voting, self.guard)
        """Shows what is not saved (or that the session is read-only) and retries failed saves."""
        self._inputs_at_open = 0
        """The app's count of keys and clicks when the screen opened (see ``remember_position``)."""
        self.view: ExerciseView | None = None
        self._views: dict[str, ExerciseView] = {}
        """One view per exercise visited, kept (hidden) after the facilitator moves on."""
        self._switch_interval = sys.getswitchinterval()
        """The interpreter's switch interval before this screen shortened it (given back on closing)."""
        self.collector = IdleCollector(self)
        """Makes the garbage collector's runs while nothing waits (``tui/collector.py``)."""
        self._collect_later = AfterFrame(self, self.collector.after_frame)
        """After the frame that shows an edit: the collection it made due, if any."""
        self._resumed = False
        """Whether the screen has been shown (resumed) once."""

    _frame_timer: FrameTimer | None = None

    @property
    def _update_timer(self) -> Timer:
        """Textual's timer that draws the screen's changes, as a ``FrameTimer`` (``tui/frame_timer.py``).

        Textual's own keeps a 60-a-second beat and held a key's frame for the next beat
        (up to 33 ms) when the key came just after another frame.
        """
        timer = self._frame_timer
        if timer is None:
            made = super()._update_timer  # Textual's (paused, its task not run yet), replaced at once
            timer = self._frame_timer = FrameTimer.instead_of(made)
            self._timers.discard(made)
            self._timers.add(timer)
        return timer

    def compose(self) -> ComposeResult:
        yield SafeHeader(show_clock=self.workshop.show_clock)
        yield self.guard.bar
        with Horizontal(id="body"):
            agenda = Agenda(id="agenda")
            # Shown on a wide screen only (F9 shows it anyway), and hidden from the start: it is
            # then not the widget Textual gives the keyboard first (``Agenda.allow_focus``).
            agenda.display = self.app.size.width >= 150
            yield agenda
            with Vertical(id="main"):
                with Horizontal(id="title-row"):
                    yield Static(id="exercise-title")
                    yield TimerDisplay(id="timer")
                with Vertical(id="view-slot"):
                    # Shown while a view is being made (or a burst passes an exercise), so the
                    # area below the title is never blank; hidden again when the view is up.
                    pending = Static(id="view-pending")
                    pending.display = False
                    yield pending
                    # The first exercise's view is part of the screen's first layout: mounted
                    # later, it would arrive after the first frame and draw the screen again.
                    if self.current:
                        view = view_for(self.session.exercise(self.current), self.lang)
                        self._views[self.current] = view
                        yield view
                yield LastTimePanel(id="last-time")
                yield VotingStatus(id="voting-status")
        yield KeysFooter(compact=True, show_command_palette=False, with_screen=True)

    def _say_twice_named(self) -> None:
        """Two names in the file that are one name: say which, and the fix (``tui.name_notices``)."""
        from workshop_tui.tui.name_notices import twice_named

        for message in twice_named(self.keeper.session, self.keeper.path, self.lang):
            self.notify(message, severity="warning", timeout=30, markup=False)

    def on_mount(self) -> None:
        # What the view's first fill redraws is queued behind Textual's first frame of the
        # screen; held in one batch, both go out as that first frame instead of two. The
        # batch also holds the first frame until the app's resizes at start have been laid
        # out, and until Textual's own full repaint of a screen that comes up is asked for:
        # that frame then draws everything once, and nothing is left to draw after it
        # (``LineCompositor.render_update``).
        batch = self.app.batch_update()
        batch.__enter__()
        self.call_later(batch.__exit__, None, None, None)
        self._inputs_at_open = self.workshop.inputs
        self.workshop.sessions.opened(
            self.controller, self.leaving
        )  # quit asks its way out, rescue the controller
        title = self.session.title
        self.title = t("tui.readonly.title", self.lang, title=title) if self.keeper.read_only else title
        stored = self.keeper.session.position.exercise
        if stored and stored not in self.keeper.session.agenda:
            named = self.session.position.exercise[:40]  # any text: the position is not checked as an id
            self.notify(t("tui.position.unknown", self.lang, exercise=named), timeout=10, markup=False)
        self.call_after_refresh(self._say_twice_named)
        self.set_interval(1.0, self._tick)
        # Textual reads keys and writes frames in threads of their own, which wait for the
        # interpreter while this one works: at Python's default (5 ms) a frame could leave
        # that much later than it was made.
        # Given back when the screen closes: the setting is the whole interpreter's.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
        # Everything made to open the session lives as long as it does: out of the collector's
        # way, a full collection no longer walks it (125 ms at 40 people, seen while opening;
        # one while typing would hold that key's frame up as long). Unfrozen on closing.
        self.set_timer(FREEZE_SECONDS, _freeze)
        # Collections wait for the moments nothing else does (after a key's frame, see collector).
        self.collector.start()
        self.guard.start()
        # What the first typed score would do alone (the closed roll of phones, ``voting_marks``),
        # made once the first frame is out, as the save's first render is (``PREPARE_SECONDS``).
        self.call_after_refresh(self.set_timer, PREPARE_SECONDS, self.voting.prepare)
        # Textual hides its (empty) rack of notifications once the screen is up, by an inline
        # style; hidden already by its CSS, that style still asked for a new layout of the
        # whole screen and a frame drawn again just after the first. Set before the first
        # layout, the later hiding changes nothing and asks for nothing.
        for rack in self.query("#textual-toastrack"):  # none when notifications are turned off
            rack.display = False
        self.controller.subscribe(self, self._changed)
        self.query_one(Agenda).observe(self.controller)
        self.query_one(TimerDisplay).observe(self.controller)
        self.query_one(LastTimePanel).observe(self.controller)
        self.query_one(VotingStatus).observe(self.voting)
        self._show_exercise(restore=True)
        # `workshop present` (no session named) follows this session from the start; the side
        # file waits for the wall's first change, so opening writes nothing beside the session.
        self.call_after_refresh(self.controller.live.mark)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the screen comes up, Textual's own handler (next) does not restyle it.

        Each of its widgets was styled as it was mounted, just before; Textual restyles a
        screen that comes up again because classes, focus or the theme may have changed
        while it was covered. Done at the first, it styled all 34 widgets a second time
        before the first frame. Later resumes (a dialog or the projector closed) restyle.
        """
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def _changed(self, change: Change) -> None:
        """Redraw what ``change`` touched (the agenda, timer and voting line observe it themselves)."""
        if change is Change.EXERCISE:
            self._show_exercise(restore=False)
        elif change is Change.SESSION:
            self._show_session()
        elif change is Change.ARRIVED or change is Change.RELOAD:
            self.guard.report()
            self._show_session(reload=change is Change.RELOAD, arrived=change is Change.ARRIVED)
        elif change is Change.VOTING:
            self._show_writers()

    def on_resize(self) -> None:
        if self.app.size.width < 90:
            self.query_one("#agenda").display = False

    def relabel(self) -> None:
        super().relabel()
        views, self._views, self.view = list(self._views.values()), {}, None
        for view in views:  # made again in the new language
            view.retire()
            view.remove()
        self._show_exercise(restore=False)
        self.query_one(Agenda).show(self.session, self.current, self.lang)
        self.controller.publish_live()  # the second window speaks the new language too

    @on(EditRequested)
    def apply_edit(self, event: EditRequested) -> None:
        """Apply a view's edit, save it, then show the result."""
        event.stop()
        if self.controller.restates_shown(event.edit):
            return
        try:
            # The widgets are updated while the file is written; the frame is drawn after both.
            self.controller.apply_edit(event.edit, undoable=event.undoable, merge=event.merge)
        except (ValueError, KeyError) as error:
            self.notify(refusal(error, self.lang), severity="warning")
            return
        if event.then is not None:
            event.then(self.keeper.session)
        self.guard.report()
        self._collect_later()

    def _reloaded(self) -> None:
        """The writer's saves, taken by a read-only window: refill the fields (nothing typed here)."""
        self.controller.publish(Change.RELOAD)

    @on(PositionChanged)
    def remember_position(self, event: PositionChanged) -> None:
        """Save where the facilitator is, after a short pause in the movement.

        Not before the facilitator has pressed a key or clicked: a view reports where its
        cursor starts, and a file whose position names an exercise, row or group it does not
        have would otherwise be rewritten just by being opened.
        """
        event.stop()
        if self.workshop.inputs != self._inputs_at_open:
            self.controller.remember_position(event.position)

    async def on_unmount(self) -> None:
        # The app is closing its screens: on a normal close, or because Textual stops it on an
        # unhandled error (then ``return_code`` is already 1); the latter rescues the session
        # before the lock is given back.
        if self.view is not None and self.app.return_code != 1 and not self.keeper.read_only:
            for edit in self.view.closing_edits():  # a field the close leaves (a date holding no date)
                with contextlib.suppress(ValueError, KeyError):
                    self.controller.apply_unseen(edit.edit, merge=edit.merge)
        self.workshop.sessions.closing(self.controller, stopped=self.app.return_code == 1)
        await self.controller.close()
        sys.setswitchinterval(self._switch_interval)
        self.collector.stop()
        self.workshop.unfreeze_collector()  # what was frozen at opening can be collected once it is garbage

    @on(OptionList.OptionSelected, "#agenda")
    def jump_from_agenda(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)

    def palette_commands(self) -> Sequence[Command]:
        """The commands the palette offers here (``commands.SessionCommands``)."""
        return SESSION_COMMANDS

    def _tick(self) -> None:
        self.controller.live.heartbeat()  # `workshop present` knows the side file is still written
        finished = self.controller.tick()
        if finished is not None:
            self.app.bell()
            title = self.session.exercise(finished).title.get(self.lang)
            self.notify(title, title=t("tui.timer.done", self.lang), severity="warning", timeout=20)
