"""The session screen: runs one seminar, exercise by exercise.

It owns the session (through a ``SessionKeeper``), shows the current exercise in
the view for its kind, and turns the views' requests into saved edits. Every
edit is written to disk before the screen shows it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Position, Session
from workshop_tui.core.model.answers import Mode
from workshop_tui.core.results.rules import mode_switch
from workshop_tui.core.storage.lock import LockInfo, SessionLock
from workshop_tui.core.text_safety import ShownCopies
from workshop_tui.tui.exercise_timers import ExerciseTimers
from workshop_tui.tui.messages import EditRequested, PositionChanged
from workshop_tui.tui.saving import SaveGuard, SaveStatus
from workshop_tui.tui.screens.in_order import InOrderScreen
from workshop_tui.tui.strings import refusal, session_help
from workshop_tui.tui.views import view_for
from workshop_tui.tui.views.base import ExerciseView
from workshop_tui.tui.voting_link import VotingController, VotingStatus
from workshop_tui.tui.widgets.agenda import Agenda
from workshop_tui.tui.widgets.timer import TimerDisplay

POSITION_SAVE_DELAY = 0.6
"""Cursor moves are saved after this pause, so holding an arrow key does not write per row."""
DEFAULT_TIMER = 10 * 60


DRAW_DELAY = 0.001
"""Seconds from a saved edit to drawing it: time for the changed widgets to report to the screen."""


class SessionScreen(InOrderScreen):
    """Runs one session: agenda, the current exercise, timer and notes."""

    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("ctrl+n", "next", "tui.key.next_short", id="next_short", priority=True),
        # The footer shows what fits at 120 columns; Ctrl+B, Esc, undo and redo are in F1 and the palette.
        Binding("ctrl+b", "previous", "tui.key.prev", id="prev", priority=True, show=False),
        Binding("f2", "projector", "tui.key.projector", id="projector"),
        Binding("f3", "blind", "tui.key.blind", id="blind", priority=True),
        Binding("f4", "mode", "tui.key.mode", id="mode", priority=True),
        Binding("f5", "timer", "tui.key.timer", id="timer"),
        Binding("f6", "set_timer", "tui.key.timer_set", id="timer_set", show=False),
        Binding("f7", "notes", "tui.key.note", id="note"),
        Binding("f8", "export", "tui.key.export", id="export"),
        Binding("f9", "agenda", "tui.key.agenda", id="agenda", show=False),
        Binding("f10", "voting", "tui.key.voting", id="voting"),
        Binding("ctrl+g", "next_group", "tui.key.group_short", id="group_short", priority=True),
        Binding("ctrl+r", "groups", "tui.key.groups", id="groups", show=False),
        Binding("ctrl+z", "undo", "tui.key.undo", id="undo", show=False),
        Binding("ctrl+y", "redo", "tui.key.redo", id="redo", show=False),
        Binding("escape", "home", "tui.key.home", id="home", show=False),
        Binding("tab", "next_field", show=False, priority=True),
        Binding("shift+tab", "previous_field", show=False, priority=True),
    ]

    def __init__(
        self,
        session: Session,
        path: Path,
        *,
        lock: SessionLock | None = None,
        read_only: bool = False,
        holder: LockInfo | None = None,
    ) -> None:
        super().__init__()
        self.keeper = SessionKeeper(session, path, lock=lock, read_only=read_only)
        self.guard = SaveGuard(self, holder)
        """Shows what is not saved (or that the session is read-only) and retries failed saves."""
        self._shown = ShownCopies()
        self._inputs_at_open = 0
        """The app's count of keys and clicks when the screen opened (see ``remember_position``)."""
        start = session.position.exercise
        self.current = start if start in session.agenda else (session.agenda[0] if session.agenda else "")
        self.view: ExerciseView | None = None
        self._views: dict[str, ExerciseView] = {}
        """One view per exercise visited, kept (hidden) after the facilitator moves on."""
        self._pending_position: Position | None = None
        self._position_timer: Timer | None = None
        self.timers = ExerciseTimers()
        self.voting = VotingController(self)
        """Voting from phones; its server runs only while the facilitator has it open."""

    @property
    def session(self) -> Session:
        """The session as it is now (saved), as the screens show it.

        Every text in it has passed ``text_safety.for_terminal`` (the boundary between the
        model and the widgets): a title, a name or an answer from a colleague's file can
        carry escape sequences, and nothing here may send them to the terminal. Edits are
        made on ``keeper.session`` (the file's own texts), so nothing is changed on disk
        that the facilitator did not edit.
        """
        return self._shown(self.keeper.session)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=self.workshop.show_clock)
        yield SaveStatus(id="save-status")
        with Horizontal(id="body"):
            yield Agenda(id="agenda")
            with Vertical(id="main"):
                with Horizontal(id="title-row"):
                    yield Static(id="exercise-title")
                    yield TimerDisplay(id="timer")
                yield Vertical(id="view-slot")
                yield VotingStatus(id="voting-status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._inputs_at_open = self.workshop.inputs
        title = self.session.title
        self.title = t("tui.readonly.title", self.lang, title=title) if self.keeper.read_only else title
        stored = self.keeper.session.position.exercise
        if stored and stored not in self.keeper.session.agenda:
            named = self.session.position.exercise[:40]  # any text: the position is not checked as an id
            self.notify(t("tui.position.unknown", self.lang, exercise=named), timeout=10, markup=False)
        self.set_interval(1.0, self._tick)
        self.guard.start()
        self.query_one("#agenda").display = self.app.size.width >= 150
        self._show_exercise(restore=True)

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

    def _show_exercise(self, *, restore: bool) -> None:
        """Show the current exercise's view: made and mounted on the first visit, shown again after.

        Views are never removed on the way (only hidden), so no key, message or refill
        still on its way to a view can find its widgets gone.
        """
        if self.focused is not None and self.view is not None and self.view in self.focused.ancestors:
            self.set_focus(None)  # no key goes to a field that is being hidden
        for kept in self._views.values():
            kept.display = False
        if not self.current:
            self.view = None
            return
        view = self._views.get(self.current)
        if view is None:
            view = self._views[self.current] = view_for(self.session.exercise(self.current), self.lang)
            self.query_one("#view-slot", Vertical).mount(view)
        view.display = True
        self.view = view
        self.hold_keys_until_ready(view)
        position = self.session.position
        view.start(self.session, position if restore and position.exercise == self.current else None)
        if self.keeper.read_only:
            view.call_after_refresh(self.guard.freeze, view)
        self._show_frame()

    def _show_frame(self) -> None:
        session, lang = self.session, self.lang
        exercise = session.exercise(self.current)
        number = session.agenda.index(self.current) + 1
        self.sub_title = f"{number}/{len(session.agenda)} · {exercise.title.get(lang)}"
        # The wall sees this screen unless F2 is on: the source citation and the private note
        # are shown only on demand (F1 help, F7 notes), never here.
        title = Text(exercise.title.get(lang), style="bold")
        title.append(f"  {number}/{len(session.agenda)}", style="dim")
        self.query_one("#exercise-title", Static).update(title)
        self.show_help_text(session_help(lang, exercise.source.cite()))
        self.query_one("#agenda", Agenda).show(session, self.current, lang)
        self._show_timer()

    @on(EditRequested)
    def apply_edit(self, event: EditRequested) -> None:
        """Apply a view's edit, save it, then show the result."""
        event.stop()
        if self._restates_shown(event.edit):
            return
        try:
            # The widgets are updated while the file is written; the frame is drawn after both.
            self.keeper.apply_and_show(
                event.edit, self._show_session, undoable=event.undoable, merge=event.merge
            )
        except (ValueError, KeyError) as error:
            self.notify(refusal(error, self.lang), severity="warning")
            return
        self._report_save_error()
        self._draw_now()

    def _restates_shown(self, edit: Callable[[Session], Session]) -> bool:
        """Whether ``edit`` only writes back what the screen shows (a field being filled in).

        A view filling its fields hears its own change a moment later and sends it as an
        edit. Where the shown copy differs from the file (a text whose control characters
        were taken out, see ``session``), that would write the cleaned text to disk though
        nobody typed anything; such an edit is dropped. A session without control
        characters is shown as itself, and this costs nothing.
        """
        shown = self.session
        if shown is self.keeper.session:
            return False
        try:
            return edit(shown) == shown
        except (ValueError, KeyError):
            return False

    def _draw_now(self) -> None:
        """Put a saved edit on the screen in this frame, not at the update timer's next tick.

        Textual draws from a timer that, after an idle moment, next fires one to two frame
        periods later (17-33 ms at 60 fps): a typed score would wait longer for its frame
        than for the disk. The screen's own update step is called at once instead (it is
        what the timer calls; without it the timer still draws the change a little later),
        a moment after this handler, when the changed widgets have told the screen.
        """
        draw = getattr(self, "_on_timer_update", None)
        if callable(draw):
            self.set_timer(DRAW_DELAY, draw)

    def show_changes(self, *, reload: bool = False) -> None:
        """Show edits that arrived without a key press (votes from phones, already saved).

        ``reload`` also refills text fields: a read-only window taking the writer's saves.
        """
        self._after_change(reload=reload)

    async def action_voting(self) -> None:
        """Open voting from phones on this exercise (showing the QR code), or close it."""
        await self.voting.toggle()

    def _after_change(self, *, reload: bool = False) -> None:
        self._report_save_error()
        self._show_session(reload=reload)

    def _report_save_error(self) -> None:
        self.guard.report()

    def rescue_session(self) -> bool:
        """Save what is not on disk yet because the app is stopping on an error; never raises."""
        with contextlib.suppress(Exception):  # the app is stopping on an error already
            self._save_position()
        saved = self.keeper.rescue()
        self.keeper.close()
        return saved

    def _show_session(self, *, reload: bool = False) -> None:
        """Update every widget to the keeper's session (drawn at the next frame).

        Text fields are filled again only with ``reload`` (undo, redo): after a typed edit
        the field already holds that text, or a newer one whose edit is still on its way.
        """
        if self.view is not None and self.view.ready:
            if reload:
                self.view.load(self.session)
            else:
                self.view.show(self.session)
        self.query_one("#agenda", Agenda).show(self.session, self.current, self.lang)
        self._refresh_projector()

    @on(PositionChanged)
    def remember_position(self, event: PositionChanged) -> None:
        """Save where the facilitator is, after a short pause in the movement.

        Not before the facilitator has pressed a key or clicked: a view reports where its
        cursor starts, and a file whose position names an exercise, row or group it does not
        have would otherwise be rewritten just by being opened.
        """
        event.stop()
        if self.workshop.inputs == self._inputs_at_open:
            return
        self._pending_position = event.position
        # One timer, restarted by each move: a burst of moves (typing along a row) is saved
        # once, after it, instead of once per move beside the scores' own saves.
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_SAVE_DELAY, self._save_position)

    def _save_position(self) -> None:
        position = self._pending_position
        if position is None:
            return
        self._pending_position = None
        self.keeper.apply(lambda s: s.with_position(position), undoable=False)

    async def on_unmount(self) -> None:
        self._save_position()
        await self.voting.close()
        self.keeper.close()

    @on(OptionList.OptionSelected, "#agenda")
    def jump_from_agenda(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go_to(event.option.id)

    def go_to(self, exercise_id: str) -> None:
        """Show another exercise of the agenda and remember it."""
        if exercise_id not in self.session.agenda or exercise_id == self.current:
            return
        self._save_position()
        self.current = exercise_id
        self.keeper.apply(lambda s: s.with_position(Position(exercise=exercise_id)), undoable=False)
        self._show_exercise(restore=False)
        self.voting.follow(exercise_id)
        self._refresh_projector()

    def action_next(self) -> None:
        """Go to the next exercise on the agenda (after the keys typed before Ctrl+N)."""
        self._after_typed_keys(lambda: self._step(1))

    def action_previous(self) -> None:
        """Go to the previous exercise on the agenda (after the keys typed before Ctrl+B)."""
        self._after_typed_keys(lambda: self._step(-1))

    def _step(self, direction: int) -> None:
        agenda = self.session.agenda
        index = agenda.index(self.current) + direction
        if 0 <= index < len(agenda):
            self.go_to(agenda[index])

    def action_blind(self) -> None:
        """Hide the current results (blind mode), or reveal them (after the keys typed before)."""
        self._after_typed_keys(self._blind)

    def _blind(self) -> None:
        exercise = self.session.exercise(self.current)
        if not exercise.is_scored:
            return
        visible = self.session.answers_for(self.current).results_visible
        current = self.current
        if visible:
            self.post_message(EditRequested(lambda s: s.with_blind(current, True)))
        else:
            self.post_message(EditRequested(lambda s: s.with_revealed(current, True)))

    def action_mode(self) -> None:
        """Switch the grid between scores per participant and tallies (after the keys typed before)."""
        self._after_typed_keys(self._mode)

    def _mode(self) -> None:
        if not self.session.exercise(self.current).is_scored:
            return
        current = self.current
        mode: Mode = "participant" if self.session.answers_for(current).mode == "tally" else "tally"
        change = mode_switch(self.session.exercise(current), self.session.answers_for(current))

        def switch(confirmed: bool | None = True) -> None:
            if confirmed:
                self.post_message(EditRequested(lambda s: s.with_mode(current, mode)))

        if change is None:
            switch()
            return
        from workshop_tui.tui.screens.mode_switch import ModeSwitchModal

        self.app.push_screen(ModeSwitchModal(change), switch)

    def action_undo(self) -> None:
        """Undo the last change to the answers."""
        if self.keeper.undo():
            self.notify(t("tui.undo.done", self.lang), timeout=1.5)
            self._after_change(reload=True)
        else:
            self.notify(t("tui.undo.none", self.lang), timeout=1.5)

    def action_redo(self) -> None:
        """Redo the last undone change."""
        if self.keeper.redo():
            self.notify(t("tui.redo.done", self.lang), timeout=1.5)
            self._after_change(reload=True)
        else:
            self.notify(t("tui.redo.none", self.lang), timeout=1.5)

    def action_next_group(self) -> None:
        """Switch the group whose texts are shown (after the keys typed into this one's fields)."""
        next_group = getattr(self.view, "next_group", None)
        if not callable(next_group):
            self.notify(t("tui.groups.none_here", self.lang), timeout=3)
        elif len(self.session.groups) < 2:
            self.notify(t("tui.groups.only_one", self.lang), timeout=5)
        else:
            self._after_typed_keys(next_group)

    def action_groups(self) -> None:
        """Rename the groups or add new ones (saved as one edit, undoable)."""
        from workshop_tui.tui.screens.groups import ask_for_groups

        ask_for_groups(self)

    def action_agenda(self) -> None:
        """Show or hide the programme overview."""
        agenda = self.query_one("#agenda")
        agenda.display = not agenda.display

    def action_notes(self) -> None:
        """Edit the facilitator's private note for this exercise."""
        from workshop_tui.tui.screens.modals import NotesModal

        current = self.current

        def save(text: str | None) -> None:
            if text is not None:
                try:
                    self.keeper.apply(lambda s: s.with_facilitator_note(current, text.strip()))
                except ValueError as error:  # too long, or the session is read-only here
                    self.notify(refusal(error, self.lang), severity="warning")
                self._report_save_error()

        source = self.session.exercise(current).source.cite()
        self.app.push_screen(NotesModal(self.session.notes.get(current, ""), source), save)

    def action_projector(self) -> None:
        """Show the large, minimal projector view of the current exercise."""
        from workshop_tui.tui.screens.projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen(self))

    def _refresh_projector(self) -> None:
        from workshop_tui.tui.screens.projector import ProjectorScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ProjectorScreen):
                screen.redraw()

    def action_export(self) -> None:
        """Export the summary (Markdown, HTML, CSV) and show where the files went."""
        from workshop_tui.core.storage.locations import data_dir
        from workshop_tui.tui.screens.export import ExportChoice, ExportModal, write_export

        def write(choice: ExportChoice | None) -> None:
            if choice is not None:
                message, failed = write_export(self.keeper.session, choice, self.lang)
                self.notify(
                    message, severity="error" if failed else "information", timeout=15 if failed else 20
                )

        self.app.push_screen(ExportModal(data_dir() / "exports"), write)

    def action_home(self) -> None:
        """Back to the list of sessions: at once when everything is saved, else after asking."""
        self._save_position()
        self.guard.confirm_leave(self.workshop.show_home)

    def action_set_timer(self) -> None:
        """Set the timer for this exercise."""
        from workshop_tui.tui.screens.modals import TimerModal

        current = self.current
        seconds = self.session.timers.get(current, DEFAULT_TIMER)

        def set_(value: int | None) -> None:
            if value is None:
                return
            try:
                self.keeper.apply(lambda s: s.with_timer(current, value), undoable=False)
            except ValueError as error:  # the session is read-only here
                self.notify(refusal(error, self.lang), severity="warning")
                return
            self._report_save_error()
            self.timers.set(current, value)
            self._show_timer()

        self.app.push_screen(TimerModal(seconds / 60), set_)

    def action_timer(self) -> None:
        """Start or pause this exercise's timer (starting a new one pauses any other)."""
        current = self.current
        self.timers.toggle(current, self.session.timers.get(current, DEFAULT_TIMER))
        self._show_timer()

    def timer_state(self) -> tuple[int | None, bool]:
        """(seconds left, running) for the current exercise, for this and the projector view."""
        return self.timers.state(self.current, self.session.timers)

    def _show_timer(self) -> None:
        remaining, running = self.timer_state()
        display = self.query_one("#timer", TimerDisplay)
        display.remaining = remaining
        display.running = running

    def _tick(self) -> None:
        if self.timers.running is None:
            return
        finished = self.timers.tick()
        if finished is not None:
            self.app.bell()
            title = self.session.exercise(finished).title.get(self.lang)
            self.notify(title, title=t("tui.timer.done", self.lang), severity="warning", timeout=20)
        self._show_timer()
        self._refresh_projector()
