"""Leaving a session (Esc) or quitting (Ctrl+Q) while voting is open: asked first, with the figures.

Leaving the session stops its voting server: every phone in the room is cut off at once,
and what a group's phone had not sent yet stays on it until voting opens again. One Esc,
even from inside a text field, did that without asking or saying so (found by hand). Now
the facilitator is asked, in plain words and with the panel's own counts (phones joined to
vote, phones joined to write, who is writing this moment), and Stay is the default (Esc).

One question at a time: this one first, and only after "leave" the save guard's question
about unsaved edits (``SaveGuard.confirm_leave``), so the two are never stacked and unsaved
edits are never left without their own question.

Voting open with no phone connected is not asked about: nobody is cut off, and a question
that protects nothing teaches the facilitator to press Leave without reading. It is said
instead, in a notice, so that the room's voting never stops unannounced. A phone counts as
connected when it was heard from in the last two minutes (``Progress.present``): the roll keeps
every phone that ever joined, so one that joined an hour ago and left was counted as cut off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal
from workshop_tui.tui.commands import LEAVE_VOTING_COMMANDS, bindings
from workshop_tui.tui.messages import Change
from workshop_tui.tui.plain import plain

if TYPE_CHECKING:
    from workshop_tui.tui.saving import SaveGuard
    from workshop_tui.tui.voting_link import VotingController
    from workshop_tui.voting.desk import Progress


class Leaving:
    """A session's way out: Esc (to the list of sessions) and quitting ask the same questions.

    The app's list of open sessions holds this (``OpenSessions.opened``), so quitting asks
    through it without knowing about voting or saving, and the screen's stack is never
    searched for a question already shown: this object knows whether it asked.
    """

    def __init__(self, voting: VotingController, guard: SaveGuard) -> None:
        self.voting = voting
        self.guard = guard
        self._asking = False
        """The voting question is on screen."""

    def confirm_quit(self, leave: Callable[[], None]) -> None:
        """Quit after asking (``confirm_leave``), said as quitting."""
        self.confirm_leave(leave, quitting=True)

    def confirm_leave(self, leave: Callable[[], None], *, quitting: bool = False) -> None:
        """Run ``leave`` after asking about open voting (phones joined), then about unsaved edits.

        While one of the two questions is on screen, asking again (Ctrl+Q pressed on it, or
        the palette's Quit) asks nothing more: the question shown answers it, and two stacked
        dialogs left one behind the other's answer (found with a Pilot probe).
        """
        voting, guard = self.voting, self.guard
        if self._asking or guard.asking:
            return
        host, lang = voting.owner.host, voting.owner.lang
        info = voting.info()
        if info is None:
            guard.confirm_leave(leave)
            return
        p = info.progress
        if not (p.present or p.present_writers or voting.writing_now()):

            def stopped() -> None:
                if not quitting:  # quitting: the window goes, and voting with it, as the key says
                    host.app.notify(t("tui.leave.stopped_empty", lang, minutes=_minutes(p)), timeout=6)
                leave()

            guard.confirm_leave(stopped)
            return

        def answer(choice: str | None) -> None:
            self._asking = False
            if choice == "leave":
                guard.confirm_leave(leave)

        self._asking = True
        host.app.push_screen(LeaveVotingModal(voting, quitting=quitting), answer)


def _minutes(progress: Progress) -> int:
    return round(progress.present_seconds / 60)


def leave_text(voting: VotingController, lang: str, *, quitting: bool) -> str:
    """What the question says: the counts the voting panel shows, who writes now, what happens."""
    info = voting.info()
    lines = []
    if info is not None:
        p = info.progress
        # The phones connected now, to vote and to write (the panel's two kinds); one that is 0
        # is left out ("0 phones connected to vote" in a room of writing groups reads like a fault).
        if p.present and p.present_writers:
            figures = "tui.leave.figures"
        else:
            figures = "tui.leave.figures_vote" if p.present else "tui.leave.figures_write"
        lines.append(t(figures, lang, phones=p.present, writers=p.present_writers, minutes=_minutes(p)))
        writing = voting.writing_now()
        if writing:
            lines.append(t("tui.leave.writing_now", lang, n=len(writing), who=", ".join(writing)))
    lines.append(t("tui.leave.quit_effect" if quitting else "tui.leave.effect", lang))
    return "\n\n".join(lines)


class LeaveVotingModal(WorkshopModal):
    """Asks before leaving the session stops voting: "leave", or None (stay, the default)."""

    DEFAULT_CSS = MODAL_CSS.format(name="LeaveVotingModal")
    BINDINGS = bindings(LEAVE_VOTING_COMMANDS)
    KEYS = LEAVE_VOTING_COMMANDS

    def __init__(self, voting: VotingController, *, quitting: bool = False) -> None:
        super().__init__()
        self.voting = voting
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Label(
                t("tui.leave.quit_title" if self.quitting else "tui.leave.title", lang), classes="heading"
            )
            yield Static(self._text(), id="leave-figures")
            with Horizontal():
                yield Button(t("tui.leave.stay", lang), variant="primary", id="stay")
                leave = "tui.leave.quit" if self.quitting else "tui.leave.leave"
                yield Button(t(leave, lang), variant="error", id="leave")

    def _text(self) -> Content:
        # The places are the session's participants' labels (typed by the facilitator, or a
        # phone's anonymous P5): control characters out, never read as markup.
        return plain(leave_text(self.voting, self.lang, quitting=self.quitting))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#stay", Button), scroll_visible=False)  # see GroupsModal.on_mount
        self.voting.owner.subscribe(self, self._changed)  # the counts move while the question waits

    def on_unmount(self) -> None:
        self.voting.owner.unsubscribe(self)

    def _changed(self, change: Change) -> None:
        if change is Change.VOTING and self.is_attached:
            self.query_one("#leave-figures", Static).update(self._text())

    @on(Button.Pressed)
    def choose(self, event: Button.Pressed) -> None:
        self.dismiss("leave" if event.button.id == "leave" else None)

    def action_stay(self) -> None:
        self.dismiss(None)
