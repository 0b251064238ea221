"""The state of one open session, which the screens observe instead of being pushed.

One ``SessionController`` per open session owns what the facilitator is doing: the
session's keeper (every edit is saved before it is shown), the exercise on show, where
the cursor is (saved after a pause), blind and reveal, the exercise timers and voting
from phones. Each change is published on ``changed`` (a Textual ``Signal``): the session
screen and its agenda, timer and voting line, the projector and the voting panel
subscribe and draw from the controller. Nothing has to find the screens that show the
session, and no screen drives another: the projector's F3 or Ctrl+N is a call here,
which every screen then hears.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.signal import Signal
from textual.timer import Timer

from workshop_tui.core.keeper import Edit, SessionKeeper
from workshop_tui.core.model import Position, Session
from workshop_tui.core.model.answers import Mode
from workshop_tui.core.results.rules import ModeSwitch, mode_switch
from workshop_tui.core.storage.lock import SessionLock
from workshop_tui.core.text_safety import ShownCopies
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.exercise_timers import ExerciseTimers
from workshop_tui.tui.live_writer import LiveWriter, live_state
from workshop_tui.tui.messages import Change, EditRequested
from workshop_tui.tui.voting_link import VotingController

if TYPE_CHECKING:
    from workshop_tui.core.results.trends import ExerciseTrend

POSITION_SAVE_DELAY = 0.6
"""Cursor moves are saved after this pause, so holding an arrow key does not write per row."""
DEFAULT_TIMER = 10 * 60


def _raise(error: Exception) -> None:
    """Raise an observer's error again in its node's queue, where Textual stops the app on it."""
    raise error


class SessionController:
    """One open session: its keeper, the current exercise, timers and voting; publishes every change."""

    def __init__(
        self,
        host: WorkshopScreen,
        session: Session,
        path: Path,
        *,
        lock: SessionLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.host = host
        """The session screen: the controller's timers and messages run on it."""
        self.keeper = SessionKeeper(session, path, lock=lock, read_only=read_only)
        self._shown = ShownCopies()
        start = session.position.exercise
        self.current = start if start in session.agenda else (session.agenda[0] if session.agenda else "")
        """The exercise on show (an id of the agenda, or "" for an empty agenda)."""
        self.timers = ExerciseTimers()
        self.voting = VotingController(self)
        """Voting from phones; its server runs only while the facilitator has it open."""
        self.changed: Signal[Change] = Signal(host, "session-changed")
        self.pending_position: Position | None = None
        """A cursor move not saved yet (see ``remember_position``)."""
        self._position_timer: Timer | None = None
        self.live = LiveWriter(path, enabled=not read_only, node=host)
        """What ``workshop present`` needs beyond the session file (written only when it changes)."""
        self.show_last = False
        """Whether "last time" is shown beside "now" (Ctrl+L, on the grid and the projector)."""
        self._previous: tuple[Session | None] | None = None
        """The series' session before this one, once looked for (None inside: there is none)."""
        if not read_only and session.with_rounds_settled() is not session:
            # A voting round a crash (or a kill) left open: what it hid is given back when nothing
            # came in it, as closing voting would have done (``ExerciseAnswers.with_round_settled``).
            self.request(lambda s: s.with_rounds_settled(), undoable=False)

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

    @property
    def lang(self) -> str:
        """The interface language."""
        return self.host.lang

    def subscribe(self, node: DOMNode, callback: Callable[[Change], None]) -> None:
        """Call ``callback`` with every change while ``node`` is mounted (call it from ``on_mount``).

        Delivered at once, so an edit's widgets are updated while its file is written. Textual's
        signal would only log a failing observer; its error is raised again in ``node``'s own
        queue instead, where the app reports it (and rescues the session) like any other.
        """

        def deliver(change: Change) -> None:
            try:
                callback(change)
            except Exception as error:  # noqa: BLE001 - raised again below, where Textual handles it
                node.call_next(_raise, error)

        self.changed.subscribe(node, deliver, immediate=True)

    def unsubscribe(self, node: DOMNode) -> None:
        """Stop calling ``node``'s callbacks (from ``on_unmount`` of a screen shown over the session's).

        Textual's signal holds its subscribers by weak reference, but the callbacks it keeps
        for them hold the node itself: a closed projector (F2, Esc) stayed alive, with all it
        drew, until the next change was published (``Signal.publish`` drops nodes no longer
        running). Going to the projector and back ten times without a change kept ten of them
        (about 0.6 MiB each on the large seminar).
        """
        self.changed.unsubscribe(node)

    def publish(self, change: Change) -> None:
        """Tell every observer, then the second window (``workshop present``) if its part changed."""
        self.changed.publish(change)
        self.publish_live()

    def publish_live(self) -> None:
        """Save the wall's state beside the session when it changed (a comparison otherwise)."""
        voting = self.voting.info() if self.voting.is_open else None
        self.live.note(live_state(self.current, self.lang, self.timer_state(), voting, last=self.show_last))

    # Edits

    def request(self, edit: Edit, *, undoable: bool = True) -> None:
        """Ask for an edit as a view does: applied after the keys and edits already on their way."""
        self.host.post_message(EditRequested(edit, undoable=undoable))

    def apply_edit(self, edit: Edit, *, undoable: bool = True, merge: str | None = None) -> None:
        """Apply and save an edit; the observers draw it while the file is written.

        Raises:
            ValueError/KeyError: the model refused the edit; nothing changed.
        """
        self.keeper.apply_and_show(edit, lambda: self.publish(Change.SESSION), undoable=undoable, merge=merge)

    def apply_unseen(self, edit: Edit, *, merge: str | None = None) -> None:
        """Apply and save an edit while the session closes: nothing is drawn any more.

        Raises:
            ValueError/KeyError: the model refused the edit; nothing changed.
        """
        self.keeper.apply_and_show(edit, lambda: None, merge=merge)

    def restates_shown(self, edit: Edit) -> bool:
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

    def undo(self) -> bool:
        """Undo the last change to the answers; False when there is none."""
        before = self.keeper.session
        if not self.keeper.undo():
            return False
        self.voting.undone(before)  # a phone's answer typed over and put back is its own again
        self.publish(Change.RELOAD)
        return True

    def redo(self) -> bool:
        """Redo the last undone change; False when there is none."""
        before = self.keeper.session
        if not self.keeper.redo():
            return False
        self.voting.undone(before)  # a phone's answer typed over again is marked again
        self.publish(Change.RELOAD)
        return True

    # Moving

    def remember_position(self, position: Position) -> None:
        """Save where the facilitator is after a short pause in the movement.

        One timer, restarted by each move: a burst of moves (typing along a row) is saved
        once, after it, instead of once per move beside the scores' own saves.
        """
        self.pending_position = position
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.host.set_timer(POSITION_SAVE_DELAY, self.save_position)

    def save_position(self) -> None:
        """Save a cursor move still waiting for its pause (before moving on, or closing)."""
        position = self.pending_position
        if position is None:
            return
        self.pending_position = None
        self.keeper.apply(lambda s: s.with_position(position), undoable=False)

    def go_to(self, exercise_id: str) -> None:
        """Show another exercise of the agenda and remember it; voting's round moves along."""
        if exercise_id not in self.session.agenda or exercise_id == self.current:
            return
        self.save_position()
        self.current = exercise_id
        self.keeper.apply(lambda s: s.with_position(Position(exercise=exercise_id)), undoable=False)
        self.publish(Change.EXERCISE)
        self.voting.follow(exercise_id)

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) exercise on the agenda, if there is one."""
        agenda = self.session.agenda
        index = agenda.index(self.current) + direction
        if 0 <= index < len(agenda):
            self.go_to(agenda[index])

    # Blind and reveal

    def toggle_blind(self) -> None:
        """Hide the current exercise's results (blind), or reveal them; only scored kinds have results."""
        current = self.current
        if not self.session.exercise(current).is_scored:
            return
        self.voting.hidden_notice_gone()  # "… F3 reveals them": done (grid or wall), or hidden on purpose
        # Not undoable: Ctrl+Z takes back an answer, never what the wall shows (a blind
        # round's results came up on the projector with the undo of a typed score).
        if self.session.answers_for(current).results_visible:
            self.request(lambda s: s.with_blind(current, True), undoable=False)
        else:
            self.request(lambda s: s.with_revealed(current, True), undoable=False)

    def toggle_mode(self, ask: Callable[[ModeSwitch, Callable[[bool | None], None]], None]) -> None:
        """Switch the grid between scores per participant and tallies (scored kinds only).

        When the switch changes which scores the figures use, ``ask`` shows the facilitator
        what changes and calls back True to switch (the rule is the core's ``mode_switch``).
        """
        current = self.current
        exercise, answers = self.session.exercise(current), self.session.answers_for(current)
        if not exercise.is_scored:
            return
        mode: Mode = "participant" if answers.mode == "tally" else "tally"

        def switch(confirmed: bool | None = True) -> None:
            if confirmed:
                self.request(lambda s: s.with_mode(current, mode))

        change = mode_switch(exercise, answers)
        if change is None:
            switch()
        else:
            ask(change, switch)

    # Last time

    def toggle_last_time(self) -> None:
        """Show or hide "last time" beside "now" for the exercise on show (grid and projector)."""
        self.show_last = not self.show_last
        self.publish(Change.LAST_TIME)

    def previous_session(self) -> Session | None:
        """The session of this one's series held just before it, looked for once (the folder's list)."""
        if self._previous is None:
            from workshop_tui.core.storage.trend_sessions import previous_session

            found = previous_session(self.keeper.session)
            self._previous = (ShownCopies()(found) if found is not None else None,)
        return self._previous[0]

    def last_time(self) -> tuple[ExerciseTrend | None, str]:
        """The current exercise last time and now (the core's figures), or why there is none."""
        from workshop_tui.tui.last_time_rule import last_time_of

        return last_time_of(self.previous_session(), self.session, self.current, self.lang)

    # Timers

    def timer_state(self) -> tuple[int | None, bool]:
        """(seconds left, running) for the current exercise."""
        return self.timers.state(self.current, self.session.timers)

    def toggle_timer(self) -> None:
        """Start or pause this exercise's timer (starting a new one pauses any other)."""
        current = self.current
        self.timers.toggle(current, self.session.timers.get(current, DEFAULT_TIMER))
        self.publish(Change.TIMER)

    def timer_set_seconds(self) -> int:
        """The current exercise's set time (the saved one, or the default)."""
        return self.session.timers.get(self.current, DEFAULT_TIMER)

    def set_timer(self, exercise_id: str, seconds: int) -> None:
        """Set (and save) an exercise's time; it is what is left now.

        Raises:
            ValueError: the session is read-only here.
        """
        self.keeper.apply(lambda s: s.with_timer(exercise_id, seconds), undoable=False)
        self.timers.set(exercise_id, seconds)
        self.publish(Change.TIMER)

    def tick(self) -> str | None:
        """One second passed: returns the exercise whose timer just ran out, if one did."""
        if self.timers.running is None:
            return None
        finished = self.timers.tick()
        self.publish(Change.TIMER)
        return finished

    @property
    def path(self) -> Path:
        """The session file."""
        return self.keeper.path

    def rescue(self) -> bool:
        """Save what is not on disk yet because the app is stopping on an error; never raises.

        Called before ``close`` gives the lock back, so the rescue is written under it.
        """
        with contextlib.suppress(Exception):  # the app is stopping on an error already
            self.save_position()
        return self.keeper.rescue()

    async def close(self) -> None:
        """The session closes: save the cursor, stop voting, give the lock back."""
        self.save_position()
        await self.voting.close()
        self.live.close()
        self.keeper.close()
