"""The projector view: large, high-contrast and minimal, for the back of the room.

It shows the question while the group works, with how many have answered, and the
results once they are visible (not blind, or revealed): the summary's figures, the
same as the exports'. The groups' texts and agreed actions appear as they are written.
It never shows participant names, the source or the facilitator's notes.

The wall itself is one widget, :class:`ProjectorFrame`, drawn from a :class:`Wall` (the
session, the exercise on show, its timer and the voting board). Two screens show it:
the F2 :class:`ProjectorScreen` of the main app, which draws from the session's
controller whenever that publishes a change (its keys are calls on the controller), and
the second window of ``workshop present`` (``tui/present.py``), which draws from what
the main app saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Static

from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.results.trends_model import ExerciseTrend
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.commands import PROJECTOR_COMMANDS, bindings, key_line
from workshop_tui.tui.controller import SessionController
from workshop_tui.tui.messages import Change
from workshop_tui.tui.screens.projector_fit import fit_lines
from workshop_tui.tui.screens.projector_kinds import answered_text, projected
from workshop_tui.tui.voting_board import VoteBoard
from workshop_tui.tui.voting_link import VotingInfo
from workshop_tui.tui.widgets.last_time import last_time_wall
from workshop_tui.tui.widgets.timer import clock

COMPACT_HEIGHT = 30
"""Below this many rows the projector drops its margins, so a long list still fits."""


@dataclass(frozen=True)
class Wall:
    """Everything the wall shows, wherever it comes from (the controller, or the saved files)."""

    session: Session
    exercise_id: str
    """The exercise on show ("" for an empty agenda: the session's title alone)."""
    timer: int | None
    """Seconds left on its timer (None: no timer set)."""
    voting: VotingInfo | None
    """The QR board while voting from phones is open."""
    instead: RenderableType | None = None
    """Shown in place of the exercise's question or results (Ctrl+L: last time beside now)."""


class ProjectorFrame(Vertical):
    """The wall: title and timer, the voting board on the right, the exercise's question or results."""

    def compose(self) -> ComposeResult:
        yield VoteBoard(id="proj-vote")
        with Horizontal(id="proj-top"):
            yield Static(id="proj-title")
            yield Digits("", id="proj-timer")
        with VerticalScroll(id="proj-body"):
            yield Static(id="proj-content")

    def draw(self, wall: Wall, lang: str) -> None:
        """Draw ``wall`` at this frame's size (the screen's: the frame fills it)."""
        if not self.is_mounted:
            return
        size = self.screen.size
        # A small screen (a laptop's 80x24) gives the margins to the results.
        self.set_class(size.height < COMPACT_HEIGHT, "compact")
        session = wall.session
        exercise = session.exercise(wall.exercise_id) if wall.exercise_id in session.agenda else None
        title = exercise.title.get(lang) if exercise is not None else session.title
        self.query_one("#proj-title", Static).update(Text(title, style="bold"))
        timer = self.query_one("#proj-timer", Digits)
        timer.update(clock(wall.timer) if wall.timer is not None else "")
        timer.set_class(wall.timer == 0, "done")
        board = self.query_one("#proj-vote", VoteBoard)
        board.show(
            wall.voting, lang, compact=self.has_class("compact"), room=self._board_count(wall, exercise, lang)
        )
        # The board as wide as its QR code: a line under it ("grupperne skriver på deres
        # telefoner …") wraps there rather than widening the board; at 80 columns it took 61
        # and left the exercise 9, its words broken mid-word on the wall.
        board.styles.max_width = board.width_needed + 2  # its padding 2 a side (projector.tcss)
        # The results are laid out at the width they get beside the board: laid out wider (40)
        # than the 35 left at 80 columns, a table's columns were squeezed and folded mid-word.
        width = max(24, self._width(size.width) - 8 - (board.width_needed + 2 if wall.voting else 0))
        height = self._body_height(size.height)
        self._drawn = (wall, lang, height, self.size.width)
        if wall.instead is not None:
            content: RenderableType = fit_lines(wall.instead, width, height, lang)
        else:
            content = projected(session, exercise, lang, width, height) if exercise is not None else Text("")
        self.query_one("#proj-content", Static).update(content)

    @staticmethod
    def _board_count(wall: Wall, exercise: Exercise | None, lang: str) -> str | None:
        """The count of answers on the wall's QR board: once on the wall, never the phones'.

        The board's count is the wall's own (the room's, from the core), not the phones that
        joined: two populations on one wall read as two answers (room25). A scored exercise's
        body says "n af N har svaret" under its question, with the ticks, and is never cut
        there, so the board leaves it out: it stood twice, word for word (counts26).
        """
        if exercise is None or wall.voting is None:
            return None
        said_below = exercise.is_scored and wall.instead is None  # Ctrl+L's last time shows no count
        return "" if said_below else answered_text(wall.session, exercise.id, lang)

    def _width(self, screen_width: int) -> int:
        """The columns the wall has: its own as laid out (F1's help beside it takes a third),
        the screen's before the first layout.

        Laid out at the screen's width with the help open, a table's columns were folded
        mid-word ("Ans/var/lig") on the wall (wall25, 80x24).
        """
        return self.size.width or screen_width

    def _body_height(self, screen_height: int) -> int:
        """The rows the results get: the body's, as laid out; before the first layout, its CSS's.

        The guess alone (the screen less 6 or 9) was 3 rows short at 80x24 and 120x36, and
        a wall drawn to it left rows empty while a diagnostic's items ran out of sight.
        """
        body = self.query_one("#proj-body", VerticalScroll)
        laid_out = body.content_region.height
        if laid_out > 0:
            return laid_out
        # The title row and the timer's digits (3 rows) side by side; the margins above and around.
        compact = self.has_class("compact")
        return max(4, screen_height - (3 if compact else 4 + 2))

    def on_resize(self) -> None:
        """Laid out anew: draw again if the body's height or the frame's width is not the last drawn to."""
        self.call_after_refresh(self._check_height)

    def _check_height(self) -> None:
        drawn = getattr(self, "_drawn", None)
        if drawn is None or not self.is_mounted:
            return
        wall, lang, height, width = drawn
        laid_out = self.query_one("#proj-body", VerticalScroll).content_region.height
        if (laid_out > 0 and laid_out != height) or self.size.width != width:
            self.draw(wall, lang)
        else:
            # Drawn while the screen was being laid out anew (a terminal made larger), the content
            # kept the height of the draw before: its last rows stayed blank until the next change.
            self.query_one("#proj-content", Static).refresh(layout=True)

    def content_text(self) -> str:
        """The projected content as plain text, laid out at the screen's width (for checks and tests)."""
        content = self.query_one("#proj-content", Static)
        console = self.app.console
        options = console.options.update_width(max(20, content.size.width or self.screen.size.width))
        renderable = content.content
        if isinstance(renderable, str):
            return renderable
        lines = console.render_lines(cast("RenderableType", renderable), options, pad=False)
        return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)


class ProjectorScreen(WorkshopScreen):
    """Full screen, black on white-on-black, nothing but the exercise and the timer."""

    CSS_PATH = "projector.tcss"
    BINDINGS = bindings(PROJECTOR_COMMANDS)
    is_wall = True
    """The room reads this screen: no notice's words while it is up (``tui/wall_notices.py``)."""

    def __init__(self, controller: SessionController) -> None:
        super().__init__()
        self.controller = controller

    def compose(self) -> ComposeResult:
        yield ProjectorFrame()

    def on_mount(self) -> None:
        self.show_help_text(key_line(PROJECTOR_COMMANDS, self.lang))
        self.controller.subscribe(self, self._changed)
        self.redraw()

    def on_unmount(self) -> None:
        self.controller.unsubscribe(self)  # closed (Esc): nothing keeps it and what it drew alive

    def _changed(self, change: Change) -> None:
        self.redraw()

    def on_resize(self) -> None:
        self.redraw()

    def _last_time(self) -> tuple[ExerciseTrend | None, str]:
        """Ctrl+L's last time for the wall: an item tallied over the room held back (``held_on_wall``)."""
        from workshop_tui.tui.last_time_rule import held_on_wall

        found, why = self.controller.last_time()
        return held_on_wall(found, self.controller.session, self.controller.current), why

    def redraw(self) -> None:
        """Draw the current exercise from the session's state."""
        if not self.is_mounted:
            return
        state = self.controller
        remaining, _ = state.timer_state()
        exercise = state.session.exercise(state.current)
        shown_instead = (
            last_time_wall(*self._last_time(), self.lang) if state.show_last and exercise.is_scored else None
        )
        wall = Wall(state.session, state.current, remaining, state.voting.info(), shown_instead)
        self.query_one(ProjectorFrame).draw(wall, self.lang)

    def content_text(self) -> str:
        """The projected content as plain text, laid out at the screen's width (for checks and tests)."""
        return self.query_one(ProjectorFrame).content_text()

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
