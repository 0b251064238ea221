"""The voting panel: the QR code large, the address and code, answers so far.

Esc hides the panel and voting stays open (the status line and the projector keep
showing the code; F10 on the session screen shows the panel again); F10 here closes
voting. Phones take the session's participants as their places, so + adds a
participant (a place for one more phone) and − takes the last one away again while it
is unused; N makes a new join code.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.core.text_safety import shown_name
from workshop_tui.tui.base import WorkshopModal
from workshop_tui.tui.commands import VOTING_COMMANDS, bindings, key_line
from workshop_tui.tui.messages import Change
from workshop_tui.tui.plain import plain
from workshop_tui.tui.voting_board import VoteBoard
from workshop_tui.tui.voting_link import VotingController

SIDE_BELOW = 30
"""Rows under which the panel puts its words beside the QR code (``VoteBoard.show``'s ``side``).

Under it the code (17 rows), the seven lines below it and the frame took 28 rows: at 80x24
the counts ("telefoner: … · skrivetelefoner: N") were below the frame, found by hand.
"""
SIDE_WIDTH = 76
"""The panel's width with the words beside the code (33 columns of code, 33 of words), or the
terminal's less a column each side; from ``SIDE_FROM`` columns down the words are too narrow."""
SIDE_FROM = 66
PANEL_WIDTH = 64
"""The panel's width with the words below the code (its stylesheet's)."""
NOTICE_MARGIN = 27
"""Columns beside the panel from which notices go there (26 wide), not over it."""


async def open_voting(voting: VotingController) -> None:
    """F10: open voting on the current exercise, or show its panel again; F10 there closes it.

    The panel is where places are added (+) and a new code made (N), so F10 brings it
    back while voting is open instead of closing voting (and changing the code) at once.
    """
    screen, lang = voting.owner.host, voting.owner.lang
    if not voting.is_open:
        problem = await voting.open()
        if problem is not None:
            screen.notify(t("tui.voting.failed", lang, reason=problem), severity="error", timeout=15)
            return
        if voting.unsaved_roll is not None:
            unsaved = t("tui.voting.roll_unsaved", lang, file=shown_name(voting.unsaved_roll))
            screen.notify(plain(unsaved, one_line=True).plain, severity="warning", timeout=20, markup=False)
        if voting.roll_note is not None:
            screen.notify(
                plain(voting.roll_note, one_line=True).plain, severity="warning", timeout=15, markup=False
            )
    voting.refresh()

    async def from_panel(choice: str | None) -> None:
        if choice == "close" and voting.is_open:
            writing = voting.writing_now()
            await voting.close()
            voting.refresh()
            if writing:
                closed = t("tui.voting.closed_writing", lang, who=", ".join(writing))
                screen.notify(
                    plain(closed, one_line=True).plain, severity="warning", timeout=12, markup=False
                )
            else:
                screen.notify(t("tui.voting.closed", lang), timeout=4)

    screen.app.push_screen(VotingModal(voting), from_panel)


class VotingModal(WorkshopModal):
    """Shows how to join; returns "close" when the facilitator closes voting, else None."""

    DEFAULT_CSS = """
    VotingModal {
        align: center middle;
    }
    VotingModal > VerticalScroll {
        width: 64;  /* PANEL_WIDTH */
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
    VotingModal.-side ToastRack, VotingModal.-margin ToastRack {
        dock: top;
        align: right top;
        margin-bottom: 0;
    }
    VotingModal.-margin Toast {
        width: 26;
        max-width: 26;
    }
    """
    """Where its notices go, so that they cover neither the QR code nor the line of keys: at the
    bottom right (Textual's place, which the panel kept by its own ``DEFAULT_CSS``) "the results
    are hidden while the room votes" covered the keys (Esc, F10) at 80x24 for 8 seconds. With
    the words beside the code (``-side``, a low screen) the top right is empty; on a screen with
    room beside the panel (``-margin``) they go narrow into that margin; in between they stay
    at the bottom, over the keys (which F1 lists), never over the code the room scans. On
    Textual's own layer, above the panel, so a notice never moves or shrinks it."""
    BINDINGS = bindings(VOTING_COMMANDS)

    def __init__(self, controller: VotingController) -> None:
        super().__init__()
        self.controller = controller
        self._side_width: int | None = None
        """The panel's width while its words are beside the code (None: the stylesheet's)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield VoteBoard(show_max=True, id="voting-board")
            yield Static(key_line(VOTING_COMMANDS, self.lang), id="voting-keys")

    def on_mount(self) -> None:
        self.controller.owner.subscribe(self, self._changed)
        self.redraw()
        self.call_after_refresh(self._keys_in_view)

    def on_unmount(self) -> None:
        self.controller.owner.unsubscribe(self)  # closed: nothing keeps it alive (see controller)

    def on_resize(self) -> None:
        self.redraw()
        self.call_after_refresh(self._keys_in_view)

    def _keys_in_view(self) -> None:
        """Esc and F10 in the panel's frame while its text is cut below (80x24: the QR code
        and the code take the height, and the line of keys was out of sight, found by hand)."""
        if not self.is_attached:
            return
        panel = self.query_one(VerticalScroll)
        cut = panel.max_scroll_y > 0
        if cut != bool(panel.border_subtitle):
            panel.border_subtitle = (
                plain(key_line(VOTING_COMMANDS[:2], self.lang), one_line=True) if cut else None
            )

    def _changed(self, change: Change) -> None:
        if change is Change.VOTING:
            self.redraw()

    def redraw(self) -> None:
        """Draw the board from the controller's current state, its words beside the code when low."""
        size = self.app.size
        side = size.height < SIDE_BELOW and size.width >= SIDE_FROM
        width = min(SIDE_WIDTH, size.width - 2) if side else None
        margin = not side and (size.width - PANEL_WIDTH) // 2 >= NOTICE_MARGIN
        if self.has_class("-side") != side or self.has_class("-margin") != margin:
            self.set_class(side, "-side")
            self.set_class(margin, "-margin")
        if width != self._side_width:  # a style set again lays the screen out again
            self._side_width = width
            self.query_one(VerticalScroll).styles.width = width  # None: the stylesheet's width
        self.query_one(VoteBoard).show(self.controller.info(), self.lang, side=side)

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
