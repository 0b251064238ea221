"""What the room sees of voting: the status line under the exercise and the join board.

Apart from :mod:`workshop_tui.tui.voting_link` (which runs the server and follows the room)
so each reads on its own: these widgets only draw a :class:`VotingInfo` they are given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.messages import Change
from workshop_tui.tui.voting_link import VotingInfo, spaced
from workshop_tui.tui.widgets.text_panel import show_text
from workshop_tui.voting.qr import qr_lines

if TYPE_CHECKING:
    from workshop_tui.tui.voting_link import VotingController

QR_STYLE = "#000000 on #ffffff"
"""Dark modules on light, whatever the theme: scanners expect a dark code on a light ground."""


def progress_text(info: VotingInfo, lang: str, room: str | None = None) -> str:
    """``svar 3 af 5 tilsluttede (2 komplette)``, or that no round is open.

    ``room``, the wall's own count of answers (``projector_kinds.answered_text``), stands in
    for the phones' count on the wall: one population there, not two. ``""`` (the wall says
    it under the question) leaves the count out: the board repeated it word for word.
    """
    if info.writing == "group":
        return t("tui.voting.writing_groups", lang)
    if info.writing == "open":
        return t("tui.voting.writing_open", lang)
    if not info.round_open:
        return t("tui.voting.no_round", lang)
    if room is not None:
        return room
    p = info.progress
    return t("tui.voting.answered", lang, answered=p.answered, joined=p.joined, complete=p.complete)


def scan_text(info: VotingInfo, lang: str) -> str:
    """What scanning the code is for now: writing the group's sheet, answering, or voting.

    The board said "Scan for at stemme" while the groups wrote their sheets on their phones
    (explore16): the same words as the phone page's heading, which now says what it does.
    """
    if info.writing == "group":
        return t("phones16.scan.group", lang)
    if info.writing == "open":
        return t("phones16.scan.open", lang)
    return t("tui.voting.scan", lang)


def places_text(info: VotingInfo, lang: str) -> str:
    """``telefoner: 3 (2 tilsluttet nu) · deltagere: 14 …``, and what the facilitator should know:
    no place, a lock."""
    p = info.progress
    # Beside each count of the roll (every device that ever joined), the phones heard from lately:
    # the same count the question before leaving gives (``Progress.present``).
    places = info.participants
    parts = [t("tui.voting.places", lang, phones=p.joined, present=p.present, places=places, free=p.places)]
    if p.writers:
        parts.append(t("tui.voting.writers", lang, n=p.writers, present=p.present_writers))
    if p.turned_away:
        parts.append(t("tui.voting.turned_away", lang, n=p.turned_away))
    if p.locked_for:
        parts.append(t("tui.voting.locked", lang, seconds=max(1, round(p.locked_for))))
    return "  ·  ".join(parts)


class VotingStatus(Static):
    """One line under the exercise while voting is open: address, code, answers."""

    DEFAULT_CSS = """
    VotingStatus {
        height: auto;
        padding: 0 1;
        background: $success 25%;
        display: none;
    }
    """

    def observe(self, voting: VotingController) -> None:
        """Show ``voting`` from now on, redrawn whenever it changes (call once mounted)."""

        def changed(change: Change) -> None:
            if change is Change.VOTING:
                self.show(voting.info(), voting.owner.lang)

        voting.owner.subscribe(self, changed)

    def show(self, info: VotingInfo | None, lang: str) -> None:
        """Show ``info``, or hide the line when voting is closed."""
        self.display = info is not None
        if info is None:
            self._lift_notices()
            return
        text = Text("● " + t("tui.voting.open", lang), style="bold")
        text.append(f"  {info.url}  ·  {t('tui.voting.code', lang)} ")
        text.append(spaced(info.code), style="bold")
        text.append(f"  ·  {progress_text(info, lang)}  ·  ")
        notes = info.progress.turned_away or info.progress.locked_for
        text.append(places_text(info, lang), style="bold" if notes else "")
        show_text(self, text)  # a batch of writes that changed no count lays nothing out again

    def on_resize(self) -> None:
        """The line's height changed (it wraps at 80 columns): the notices go above it again."""
        self._lift_notices()

    def _lift_notices(self) -> None:
        """Keep the notices (Textual's toasts, docked at the bottom over the footer) above this line.

        At 80x24 the line wraps to three rows and a notice covered its address and join code for
        its 8 seconds, just as the room was reading them off the screen (found by hand). Set only
        when it changes: each setting lays the rack out again.
        """
        lift = 1 + (self.outer_size.height if self.display else 0)  # 1: Textual's own, the footer's row
        for rack in self.screen.query("#textual-toastrack"):
            if rack.styles.margin.bottom != lift:
                rack.styles.margin = (0, 0, lift, 0)


class VoteBoard(Static):
    """The QR code, the short address and the join code, large enough to read off a wall."""

    DEFAULT_CSS = """
    VoteBoard {
        width: auto;
        height: auto;
        padding: 0 1;
        text-align: center;
        display: none;
    }
    """

    def __init__(self, *, show_max: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.show_max = show_max
        """Also show the maximum number of devices (on the facilitator's panel, not the wall)."""

    def show(
        self,
        info: VotingInfo | None,
        lang: str,
        *,
        compact: bool = False,
        side: bool = False,
        room: str | None = None,
    ) -> None:
        """Draw the board for ``info``, or hide it while voting is closed.

        ``compact`` (a wall under 30 rows) leaves out the blank line before the answers: at
        80x24 the board was a line taller than the screen and its last line was cut.
        ``side`` puts the words beside the QR code instead of under it: the facilitator's
        panel at 80x24 had its counts below the frame (the code takes 17 of 22 rows).
        ``room``: the wall's count of answers, shown instead of the phones' (``progress_text``);
        ``""`` when the wall shows that count itself, so the board leaves it out.
        """
        self.display = info is not None
        if info is None:
            return
        code = Text()
        for line in qr_lines(info.join_url):
            code.append(line, style=QR_STYLE)
            code.append("\n")
        words = self._words(info, lang, "\n\n" if side or not compact else "\n", room)
        if not side:
            self.update(code + Text("\n") + words)
            return
        from rich.align import Align  # only the panel on a low terminal lays out a grid
        from rich.table import Table

        code.rstrip()
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(vertical="middle")
        grid.add_row(code, words)
        self.update(Align.center(grid))

    def _words(self, info: VotingInfo, lang: str, gap: str, room: str | None = None) -> Text:
        """What goes with the QR code: how to join, the address, the code, and how far the room is."""
        text = Text()
        text.append(scan_text(info, lang) + "\n", style="bold")
        text.append(info.url + "\n", style="bold")
        text.append(f"{t('tui.voting.code', lang)}: ")
        text.append(spaced(info.code), style="bold reverse")
        line = progress_text(info, lang, room)
        if line:  # "": the wall says the count under its question, once (counts26)
            text.append(gap + line)
        if self.show_max:
            notes = info.progress.turned_away or info.progress.locked_for
            text.append("\n" + places_text(info, lang), style="bold" if notes else "dim")
        return text

    @property
    def width_needed(self) -> int:
        """Columns the board takes when shown (the QR code's width plus padding)."""
        return len(qr_lines("http://255.255.255.255:65535/#c=000000")[0]) + 2
