"""The projector view: large, high-contrast and minimal, for the back of the room.

It shows the question while the group works, with how many have answered, and the
results once they are visible (not blind, or revealed): the summary's figures, the
same as the exports'. The groups' texts and agreed actions appear as they are written.
It never shows participant names, the source or the facilitator's notes. Its keys
drive the session screen underneath.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Digits, Static

from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.screens.projector_kinds import projected
from workshop_tui.tui.strings import tr
from workshop_tui.tui.voting_link import VoteBoard
from workshop_tui.tui.widgets.timer import clock

if TYPE_CHECKING:
    from workshop_tui.tui.screens.session import SessionScreen


COMPACT_HEIGHT = 30
"""Below this many rows the projector drops its margins, so a long list still fits."""


class ProjectorScreen(WorkshopScreen):
    """Full screen, black on white-on-black, nothing but the exercise and the timer."""

    CSS_PATH = "projector.tcss"
    BINDINGS = [
        Binding("f2", "close", "Tilbage", id="back"),
        Binding("escape", "close", "Tilbage", id="back", show=False),
        Binding("f3", "reveal", "Skjul/vis", id="blind"),
        Binding("ctrl+n", "next", "Næste øvelse", id="next", priority=True),
        Binding("ctrl+b", "previous", "Forrige øvelse", id="prev", priority=True),
        Binding("f5", "timer", "Timer", id="timer"),
    ]

    def __init__(self, owner: SessionScreen) -> None:
        super().__init__()
        self.owner = owner

    def compose(self) -> ComposeResult:
        yield VoteBoard(id="proj-vote")
        with Horizontal(id="proj-top"):
            yield Static(id="proj-title")
            yield Digits("", id="proj-timer")
        with VerticalScroll(id="proj-body"):
            yield Static(id="proj-content")

    def on_mount(self) -> None:
        self.show_help_text(tr("help.projector", self.lang))
        self.redraw()

    def on_resize(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw the current exercise from the session screen's state."""
        if not self.is_mounted:
            return
        owner, lang = self.owner, self.lang
        # A small screen (a laptop's 80x24) gives the margins to the results.
        self.set_class(self.size.height < COMPACT_HEIGHT, "compact")
        session = owner.session
        exercise = session.exercise(owner.current)
        self.query_one("#proj-title", Static).update(Text(exercise.title.get(lang), style="bold"))
        remaining, running = owner.timer_state()
        timer = self.query_one("#proj-timer", Digits)
        timer.update(clock(remaining) if remaining is not None else "")
        timer.set_class(remaining == 0, "done")
        board = self.query_one("#proj-vote", VoteBoard)
        voting = owner.voting.info()
        board.show(voting, lang)
        width = max(40, self.size.width - 8 - (board.width_needed if voting else 0))
        height = max(10, self.size.height - (6 if self.has_class("compact") else 9))
        self.query_one("#proj-content", Static).update(projected(session, exercise, lang, width, height))

    def content_text(self) -> str:
        """The projected content as plain text, laid out at the screen's width (for checks and tests)."""
        content = self.query_one("#proj-content", Static)
        console = self.app.console
        options = console.options.update_width(max(20, content.size.width or self.size.width))
        renderable = content.content
        if isinstance(renderable, str):
            return renderable
        lines = console.render_lines(renderable, options, pad=False)
        return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_reveal(self) -> None:
        self.owner.action_blind()

    def action_next(self) -> None:
        self.owner.action_next()
        self.redraw()

    def action_previous(self) -> None:
        self.owner.action_previous()
        self.redraw()

    def action_timer(self) -> None:
        self.owner.action_timer()
        self.redraw()
