"""What voting shows and what it needs: the screens' view of an open vote, and the open session.

``VotingInfo`` is what the status line, the F10 panel and the projector draw while voting is
open (``VotingController.info``); ``OpenSession`` is what the controller asks of the session it
belongs to. Apart from ``voting_link`` (which starts the server and follows the room), so a
screen that only draws voting reads its shape here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.dom import DOMNode

from workshop_tui.core.i18n import t
from workshop_tui.core.keeper import Edit, SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.text_safety import shown_name
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.messages import Change

if TYPE_CHECKING:
    from workshop_tui.voting.desk import Progress
    from workshop_tui.voting.roll_place import RollPlace


@dataclass(frozen=True)
class VotingInfo:
    """What the screens show while voting is open."""

    url: str
    """The short address to type, e.g. ``http://192.168.1.20:8765``."""
    join_url: str
    """The address in the QR code: the short one with the code, so scanning joins at once."""
    code: str
    progress: Progress
    max_participants: int
    round_open: bool
    participants: int = 0
    """The session's participants: the places phones can take."""
    writing: str = ""
    """"group" while the groups write the exercise on show on devices, "open" for open answers."""


class OpenSession(Protocol):
    """What voting needs of the open session (its ``SessionController``)."""

    keeper: SessionKeeper
    current: str

    @property
    def host(self) -> WorkshopScreen:
        """The session screen, whose timers and messages voting uses."""

    @property
    def session(self) -> Session:
        """The session as shown."""

    @property
    def lang(self) -> str:
        """The interface language."""

    def request(self, edit: Edit, *, undoable: bool = True) -> None:
        """Ask for an edit, applied after the ones on their way."""

    def publish(self, change: Change) -> None:
        """Tell every screen that shows the session."""

    def subscribe(self, node: DOMNode, callback: Callable[[Change], None]) -> None:
        """Call ``callback`` with every change while ``node`` is mounted."""

    def unsubscribe(self, node: DOMNode) -> None:
        """Stop calling ``node``'s callbacks (a screen over the session's that closes)."""


def spaced(code: str) -> str:
    """A join code in groups of three (``246 810``), easier to read off a wall."""
    return " ".join(code[i : i + 3] for i in range(0, len(code), 3))


def roll_note(place: RollPlace, lang: str) -> str | None:
    """The words for a roll kept apart from another file's with the same id, or moved to this file."""
    if place.shared_with is not None:
        return t("tui.voting.roll_apart", lang, file=shown_name(place.shared_with))
    if place.moved_from is not None:
        return t("tui.voting.roll_moved", lang, file=shown_name(place.moved_from))
    return None
