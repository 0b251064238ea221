"""What the session screen's keys do: next and previous, blind, undo, notes, timer, export and the rest.

Kept apart from the screen itself (``session.py``: its layout, how it shows the session
and applies the views' edits), so that each reads as one thing. Every command here is a
call on the session's controller, or a modal whose answer becomes one; the keys, footer,
palette and F1 help that lead here are declared once in ``tui/commands.py``.
"""

from __future__ import annotations

from time import monotonic

from textual import events

from workshop_tui.core.i18n import t
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.tui.controller import SessionController
from workshop_tui.tui.escape_keys import AT_ONCE
from workshop_tui.tui.exercise_timers import ExerciseTimers
from workshop_tui.tui.leaving import Leaving
from workshop_tui.tui.saving import SaveGuard
from workshop_tui.tui.screens.in_order import InOrderScreen
from workshop_tui.tui.strings import refusal
from workshop_tui.tui.voting_link import VotingController


class SessionActions(InOrderScreen):
    """The session screen's commands, on the controller it is given (``SessionScreen``)."""

    controller: SessionController
    """The session's state (keeper, current exercise, timers, voting), which the screens observe."""
    guard: SaveGuard
    """Shows what is not saved (or that the session is read-only) and retries failed saves."""
    leaving: Leaving
    """The way out (Esc, quitting): asks about open voting, then about unsaved edits."""
    _first_presses: dict[str, float]
    """Command id -> when a command declared ``twice`` (Esc) was first pressed (``_second_press``)."""
    _esc_at_once = False
    """The last Esc came in one read with the key after it (``escape_keys.AT_ONCE``): an Alt+key."""

    @property
    def keeper(self) -> SessionKeeper:
        """The session's keeper (the controller's)."""
        return self.controller.keeper

    @property
    def current(self) -> str:
        """The exercise on show."""
        return self.controller.current

    @property
    def timers(self) -> ExerciseTimers:
        """The exercises' timers (the controller's)."""
        return self.controller.timers

    @property
    def voting(self) -> VotingController:
        """Voting from phones (the controller's)."""
        return self.controller.voting

    @property
    def session(self) -> Session:
        """The session as the screens show it (see ``SessionController.session``)."""
        return self.controller.session

    def action_voting(self) -> None:
        """F10: open voting on the current exercise and show its panel (F10 there closes it).

        A priority key: the keys typed after it wait for the panel, however long the
        server takes to start (``_after_typed_keys_then``).
        """
        from workshop_tui.tui.screens.voting_panel import open_voting

        self._after_typed_keys_then(lambda: open_voting(self.voting))

    def go_to(self, exercise_id: str) -> None:
        """Show another exercise of the agenda and remember it."""
        self.controller.go_to(exercise_id)

    def action_next(self) -> None:
        """Go to the next exercise on the agenda (after the keys typed before Ctrl+N)."""
        self._after_typed_keys(lambda: self._step(1))

    def action_previous(self) -> None:
        """Go to the previous exercise on the agenda (after the keys typed before Ctrl+B)."""
        self._after_typed_keys(lambda: self._step(-1))

    def _step(self, direction: int) -> None:
        """One step along the agenda; where there is none, the exercise stays and gets its view.

        A burst of steps makes no view for an exercise it only passes; a step that could
        not move (past either end) must not leave the exercise it stops on without one.
        """
        self.controller.step(direction)
        self.show_unmade_view()

    def show_unmade_view(self) -> None:
        """Make the current exercise's view if a burst of steps left it unmade (the screen's)."""

    def action_blind(self) -> None:
        """Hide the current results (blind mode), or reveal them (after the keys typed before)."""
        self._after_typed_keys(self._blind)

    def _blind(self) -> None:
        if self._takes_scores("F3"):
            self.controller.toggle_blind()

    def action_mode(self) -> None:
        """Switch the grid between scores per participant and tallies (after the keys typed before)."""
        self._after_typed_keys(self._mode)

    def _takes_scores(self, key: str) -> bool:
        """Whether the exercise on show has scores; if not, say so: the footer shows F3 and F4
        on every exercise, and on a sheet or an action list they did nothing without a word."""
        exercise = self.session.exercise(self.current)
        if exercise.is_scored:
            return True
        title = exercise.title.get(self.lang)
        self.notify(t("tui.no_scores_key", self.lang, keys=key, exercise=title), timeout=3, markup=False)
        return False

    def _mode(self) -> None:
        from workshop_tui.tui.screens.mode_switch import ModeSwitchModal

        if not self._takes_scores("F4"):
            return
        self.controller.toggle_mode(
            lambda change, switch: self.app.push_screen(ModeSwitchModal(change), switch)
        )

    def action_undo(self) -> None:
        """Undo the last change to the answers, once the keys typed before Ctrl+Z are applied.

        Ctrl+Z is a priority key (it works from every field), handled on arrival: undone at
        once, it would undo the edit before the letters typed just ahead of it
        (``_after_typed_edits``). Only a change the screen shows is undone (``_undo_or_redo``).
        """
        self._after_typed_edits(lambda: self._undo_or_redo(redo=False))

    def action_redo(self) -> None:
        """Redo the last undone change (after the keys typed before it, as ``action_undo``)."""
        self._after_typed_edits(lambda: self._undo_or_redo(redo=True))

    def _undo_or_redo(self, *, redo: bool) -> None:
        """Undo (redo) when the change is on the screen; else say where it is, and change nothing.

        The history is the whole session's: Ctrl+Z may take back a word in another group's
        sheet or a score on another exercise. Undone out of sight, the screen showed nothing
        changing and a second Ctrl+Z undid more. The keeper says where the change would be
        (``next_undo``) and ``changed.shown_on`` whether this screen shows it.
        """
        from workshop_tui.core.model.changed import shown_on

        lang = self.lang
        go_there, done, none = (
            ("tui.redo.go_there", "tui.redo.done", "tui.redo.none")
            if redo
            else ("tui.undo.go_there", "tui.undo.done", "tui.undo.none")
        )
        place = self.controller.keeper.next_undo(redo=redo)
        # A view without Ctrl+G (the grid, the review: every group's part at once, the review's
        # answers kept under the first group) shows every group's part of its exercise.
        one_group = callable(getattr(self.view, "next_group", None))
        shown_group: str | None = getattr(self.view, "_group", "") if one_group else None
        if place is not None and not shown_on(place, self.current, shown_group):
            self.notify(t(go_there, lang, place=self._place_words(place)), timeout=5)
            return
        before = self.controller.keeper.session
        if self.controller.redo() if redo else self.controller.undo():
            self._follow(before)
            self._undo_notice(t(done, lang))
        else:
            self._undo_notice(t(none, lang))

    def _undo_notice(self, message: str) -> None:
        """Say "Fortrudt" (or "Gentaget", or that there is nothing) in place of the one before.

        Each Ctrl+Z added a notice of its own: twelve in a row stacked twelve "Fortrudt" down
        the right half of an 80x24 screen, over the scores being undone.
        """
        keys = ("tui.undo.done", "tui.undo.none", "tui.redo.done", "tui.redo.none")
        said = {t(key, self.lang) for key in keys}
        for shown in [n for n in self.app._notifications if n.message in said]:
            self.app._unnotify(shown, refresh=False)
        self.notify(message, timeout=1.5)

    def _follow(self, before: Session) -> None:
        """The view's cursor to what the undo or redo changed, where it shows it (the grid)."""
        follow = getattr(self.view, "follow_change", None)
        if callable(follow):
            follow(before, self.controller.keeper.session)

    def _place_words(self, place: tuple[str, str]) -> str:
        """«Exercise» or «Exercise», Group: where an undo would change, as the toast names it."""
        lang = self.lang
        exercise_id, group_id = place
        session = self.controller.session  # the shown copy: its texts are fit for the terminal
        where = session.exercise(exercise_id).title.get(lang)
        group = next((g for g in session.groups if g.id == group_id), None)
        if group is not None:
            return t("tui.undo.place_group", lang, exercise=where, group=group.label(lang))
        return t("tui.undo.place", lang, exercise=where)

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

        self._after_typed_keys(lambda: ask_for_groups(self.controller))

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
                self.guard.report()

        exercise = self.session.exercise(current)
        guide = exercise.guide.get(self.lang) if exercise.guide is not None else ""
        note = self.session.notes.get(current, "")
        self.app.push_screen(NotesModal(note, exercise.source.cite(), guide), save)

    def action_projector(self) -> None:
        """Show the large, minimal projector view of the current exercise."""
        from workshop_tui.tui.screens.projector import ProjectorScreen

        self._after_typed_keys(lambda: self.app.push_screen(ProjectorScreen(self.controller)))

    def action_export(self) -> None:
        """Export the summary (Markdown, HTML, CSV) and show where the files went."""
        from workshop_tui.core.storage.locations import data_dir
        from workshop_tui.tui.screens.export import ExportChoice, ExportModal, write_export

        def write(choice: ExportChoice | None) -> None:
            if choice is not None:
                message, failed = write_export(self.keeper.session, choice, self.lang, self.keeper.path)
                self.notify(
                    message, severity="error" if failed else "information", timeout=15 if failed else 20
                )

        self._after_typed_keys(lambda: self.app.push_screen(ExportModal(data_dir() / "exports"), write))

    def action_home(self) -> None:
        """Back to the list of sessions: at once when everything is saved and no phone is cut off.

        With voting open and phones joined, or changes not on disk, it asks first, one
        question at a time (``tui/leaving.py``).

        With the F1 help open, Esc closes the help and stays: the help is a panel beside the
        grid, and Esc, which closes every dialog here, took the facilitator out of the session
        to the list of every session (titles and organisations of other clients) instead.
        """
        if self.query("HelpPanel"):
            self.app.action_hide_help_panel()
            return
        at_once, self._esc_at_once = self._esc_at_once, False
        if not self._second_press("home", may_start=not at_once):
            return
        self.controller.save_position()
        self.leaving.confirm_leave(self.workshop.show_home)

    def on_key(self, event: events.Key) -> None:
        """Note whether an Esc on its way to the bindings (``action_home``) is an Alt+key's."""
        if event.key == "escape":
            self._esc_at_once = bool(getattr(event, AT_ONCE, False))

    def _second_press(self, command_id: str, *, may_start: bool = True) -> bool:
        """Whether this press of a command declared ``twice`` is the second within its window.

        The first press only shows a hint (``tui.leave.again``), for as long as the window
        lasts: one stray Esc does not take the facilitator out of the session. A press that
        may not start a window (``may_start``: the Esc of an Alt+key, which a terminal sends
        as Esc and the key in one piece) does nothing unless it is the second.
        """
        from workshop_tui.tui.commands import SESSION_COMMANDS

        window = next(c.twice for c in SESSION_COMMANDS if c.id == command_id)
        now = monotonic()
        first = self._first_presses.get(command_id)
        if window and (first is None or now - first > window):
            if not may_start:
                return False
            self._first_presses[command_id] = now
            self.notify(t("tui.leave.again", self.lang, seconds=f"{window:g}"), timeout=window)
            return False
        self._first_presses.pop(command_id, None)
        return True

    def action_set_timer(self) -> None:
        """Set the timer for this exercise."""
        from workshop_tui.tui.screens.modals import TimerModal

        current = self.current

        def set_(value: int | None) -> None:
            if value is None:
                return
            try:
                self.controller.set_timer(current, value)
            except ValueError as error:  # the session is read-only here
                self.notify(refusal(error, self.lang), severity="warning")
                return
            self.guard.report()

        self.app.push_screen(TimerModal(self.controller.timer_set_seconds() / 60), set_)

    def action_timer(self) -> None:
        """Start or pause this exercise's timer (starting a new one pauses any other)."""
        self.controller.toggle_timer()

    def action_last_time(self) -> None:
        """Ctrl+L: show or hide last time beside now for this exercise (here and on the wall)."""
        self.controller.toggle_last_time()

    def action_min_answers(self) -> None:
        """Ctrl+U: the session's minimum of answers, below which no figure is shown anywhere."""
        from workshop_tui.tui.screens.min_answers import MinAnswersModal

        def set_(value: int | None) -> None:
            if value is not None:
                self.controller.request(lambda s: s.with_min_answers(value))
                self.notify(t("tui.min.set", self.lang, n=value))

        self.app.push_screen(MinAnswersModal(self.session.min_answers), set_)
