"""Messages that carry the facilitator's intent from views up to the session screen,
and the changes the session's controller publishes to the screens that show it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from textual.message import Message

from workshop_tui.core.model import Position, Session


@dataclass
class EditRequested(Message):
    """A view asks for a change to the session; the screen applies and saves it."""

    edit: Callable[[Session], Session]
    """A pure function from the current session to the changed one."""
    undoable: bool = True
    merge: str | None = None
    """Consecutive edits with the same merge key (typing in one text) undo as one."""
    before: str | None = None
    """For typing in a text a device may also write: the text this edit was typed over."""
    retyped: Callable[[str], Callable[[Session], Session]] | None = None
    """The same typing as an edit typed over another text (see ``can_replace``)."""
    then: Callable[[Session], None] | None = None
    """Told the session once this edit is applied (a typed field shows what a device merged in)."""

    def can_replace(self, message: Message) -> bool:
        """A waiting edit with the same merge key sets the same whole text anew: this one can go.

        Typed faster than the disk takes a save, a field's edits queue up here; each holds
        the field's whole text, so only the newest of a run needs saving. That one is then
        typed over what this one was typed over (this one never reaches the session).
        """
        if (
            isinstance(message, EditRequested)
            and self.merge is not None
            and message.merge == self.merge
            and message.undoable == self.undoable
        ):
            if self.before is not None and message.retyped is not None:
                message.before = self.before
                message.edit = message.retyped(self.before)
            return True
        return False


@dataclass
class PositionChanged(Message):
    """The facilitator moved within an exercise (cursor, group); remembered for resuming."""

    position: Position


class Change(Enum):
    """What changed, so each observer redraws only what shows it."""

    SESSION = "session"
    """An edit is being saved: figures and marks change (drawn while the file is written)."""
    ARRIVED = "arrived"
    """Changes saved without a key press (votes from phones): shown, and the save reported."""
    RELOAD = "reload"
    """Changed beyond what was typed (undo, redo, another window's save): refill the text fields too."""
    EXERCISE = "exercise"
    """Another exercise is on show."""
    TIMER = "timer"
    """A timer was started, paused, set, or ticked."""
    VOTING = "voting"
    """Voting opened, closed or moved; phones joined; a new code."""
    LAST_TIME = "last_time"
    """"Last time" beside "now" was turned on or off (Ctrl+L)."""
