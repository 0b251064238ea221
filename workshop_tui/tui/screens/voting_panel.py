"""The voting panel: the QR code large, the address and code, answers so far.

Esc hides the panel and voting stays open (the status line and the projector keep
showing the code; F10 on the session screen shows the panel again); F10 here closes
voting. Phones take the session's participants as their places, so + adds a
participant (a place for one more phone) and − takes the last one away again while it
is unused; N makes a new join code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.base import WorkshopModal
from workshop_tui.tui.voting_link import VoteBoard

if TYPE_CHECKING:
    from workshop_tui.tui.voting_link import VotingController


class VotingModal(WorkshopModal):
    """Shows how to join; returns "close" when the facilitator closes voting, else None."""

    DEFAULT_CSS = """
    VotingModal {
        align: center middle;
    }
    VotingModal > VerticalScroll {
        width: 64;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 2;
    }
    VotingModal VoteBoard {
        width: 100%;
    }
    VotingModal #voting-keys {
        width: 100%;
        color: $text-muted;
        text-align: center;
    }
    """
    BINDINGS = [
        Binding("escape", "hide", "tui.key.voting_hide", id="voting_hide"),
        Binding("f10", "close_voting", "tui.key.voting_close", id="voting_close"),
        Binding("plus,equals_sign", "more", "tui.key.voting_more", id="voting_more", show=False),
        Binding("minus", "fewer", "tui.key.voting_fewer", id="voting_fewer", show=False),
        Binding("n", "new_code", "tui.key.voting_new_code", id="voting_new_code", show=False),
    ]

    def __init__(self, controller: VotingController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield VoteBoard(show_max=True, id="voting-board")
            yield Static(t("tui.voting.keys", self.lang), id="voting-keys")

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw the board from the controller's current state."""
        self.query_one(VoteBoard).show(self.controller.info(), self.lang)

    def action_hide(self) -> None:
        self.dismiss(None)

    def action_close_voting(self) -> None:
        self.dismiss("close")

    def action_more(self) -> None:
        """Add a participant: a place for one more phone."""
        self.controller.add_place()
        self.call_after_refresh(self.controller.refresh)

    def action_fewer(self) -> None:
        """Take the last participant away, if it is unused."""
        self.controller.remove_place()
        self.call_after_refresh(self.controller.refresh)

    def action_new_code(self) -> None:
        """A new join code; the QR code and the code on the wall change at once."""
        self.controller.new_code()
