"""Messages that carry the facilitator's intent from views up to the session screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message

from workshop_tui.model import Position, Session


@dataclass
class EditRequested(Message):
    """A view asks for a change to the session; the screen applies and saves it."""

    edit: Callable[[Session], Session]
    """A pure function from the current session to the changed one."""
    undoable: bool = True
    merge: str | None = None
    """Consecutive edits with the same merge key (typing in one text) undo as one."""


@dataclass
class PositionChanged(Message):
    """The facilitator moved within an exercise (cursor, group); remembered for resuming."""

    position: Position
