"""The projector view: large, high-contrast and minimal, for the back of the room.

It shows the question while the group works, with how many have answered, and the
results once they are visible (not blind, or revealed): the summary's figures, the
same as the exports'. The groups' texts and agreed actions appear as they are written.
It never shows participant names, the source or the facilitator's notes. It draws
from the session's controller whenever that publishes a change, and its keys are
calls on the controller, which the session screen underneath hears as well.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Digits, Static

from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.commands import PROJECTOR_COMMANDS, bindings, key_line
from workshop_tui.tui.controller import SessionController
from workshop_tui.tui.messages import Change
from workshop_tui.tui.screens.projector_kinds import projected
from workshop_tui.tui.voting_link import VoteBoard
from workshop_tui.tui.widgets.last_time import last_time_wall
from workshop_tui.tui.widgets.timer import clock

COMPACT_HEIGHT = 30
"""Below this many rows the projector drops its margins, so a long list still fits."""


class ProjectorScreen(WorkshopScreen):
    """Full screen, black on white-on-black, nothing but the exercise and the timer."""

    CSS_PATH = "projector.tcss"
    BINDINGS = bindings(PROJECTOR_COMMANDS)

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        yield VoteBoard(id="proj-vote")
        with Horizontal(id="proj-top"):
            yield Static(id="proj-title")
            yield Digits("", id="proj-timer")
        with VerticalScroll(id="proj-body"):
            yield Static(id="proj-content")

    def on_mount(self) -> None:
        self.show_help_text(key_line(PROJECTOR_COMMANDS, self.lang))
        self.controller.subscribe(self, self._changed)
        self.redraw()

    def _changed(self, change: Change) -> None:
        self.redraw()

    def on_resize(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw the current exercise from the session's state."""
        if not self.is_mounted:
            return
        state, lang = self.controller, self.lang
        # A small screen (a laptop's 80x24) gives the margins to the results.
        self.set_class(self.size.height < COMPACT_HEIGHT, "compact")
        session = state.session
        exercise = session.exercise(state.current)
        self.query_one("#proj-title", Static).update(Text(exercise.title.get(lang), style="bold"))
        remaining, running = state.timer_state()
        timer = self.query_one("#proj-timer", Digits)
        timer.update(clock(remaining) if remaining is not None else "")
        timer.set_class(remaining == 0, "done")
        board = self.query_one("#proj-vote", VoteBoard)
        voting = state.voting.info()
        board.show(voting, lang)
        width = max(40, self.size.width - 8 - (board.width_needed if voting else 0))
        height = max(10, self.size.height - (6 if self.has_class("compact") else 9))
        content = projected(session, exercise, lang, width, height)
        if state.show_last and exercise.is_scored:
            content = last_time_wall(*state.last_time(), lang)
        self.query_one("#proj-content", Static).update(content)

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
        self.controller.toggle_blind()

    def action_next(self) -> None:
        self.controller.step(1)

    def action_previous(self) -> None:
        self.controller.step(-1)

    def action_timer(self) -> None:
        self.controller.toggle_timer()

    def action_last_time(self) -> None:
        self.controller.toggle_last_time()
