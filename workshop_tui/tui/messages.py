"""Messages that carry the facilitator's intent from views up to the session screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

    def can_replace(self, message: Message) -> bool:
        """A waiting edit with the same merge key sets the same whole text anew: this one can go.

        Typed faster than the disk takes a save, a field's edits queue up here; each holds
        the field's whole text, so only the newest of a run needs saving.
        """
        return (
            isinstance(message, EditRequested)
            and self.merge is not None
            and message.merge == self.merge
            and message.undoable == self.undoable
        )


@dataclass
class PositionChanged(Message):
    """The facilitator moved within an exercise (cursor, group); remembered for resuming."""

    position: Position
