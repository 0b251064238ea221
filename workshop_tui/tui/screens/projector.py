"""The projector view: large, high-contrast and minimal, for the back of the room.

It shows the question while the group works, with how many have answered, and the
results once they are visible (not blind, or revealed): the summary's figures, the
same as the exports'. The groups' texts and agreed actions appear as they are written.
It never shows participant names, the source or the facilitator's notes. It draws
from the session's controller whenever that publishes a change, and its keys are
calls on the controller, which the session screen underneath hears as well.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Digits, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.results.figures import answered
from workshop_tui.core.results.summary import exercise_summary
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.commands import PROJECTOR_COMMANDS, bindings, key_line
from workshop_tui.tui.controller import SessionController
from workshop_tui.tui.messages import Change
from workshop_tui.tui.screens.projector_kinds import kind_question, kind_results
from workshop_tui.tui.screens.projector_scores import scored_results
from workshop_tui.tui.screens.projector_texts import agreed_actions, sheet_answers, table_rows
from workshop_tui.tui.voting_link import VoteBoard
from workshop_tui.tui.widgets.timer import clock

SCORE_KINDS = frozenset({"rating_grid", "scale", "statement_diagnostic"})
"""Kinds drawn from the summary's figures by ``projector_scores``; the others by their own charts."""


def projected(session: Session, exercise: Exercise, lang: str, width: int, height: int) -> RenderableType:
    """What the wall shows for the current exercise: results when there are any to show, else the question.

    Scored kinds say how many have answered while the answers come in; the kinds groups
    write in show the groups' texts as they are written.
    """
    answers = session.answers_for(exercise.id)
    summary = exercise_summary(session, exercise.id, lang)
    shown: RenderableType | None = None
    if exercise.is_scored:
        progress = _progress(session, exercise, lang)
        if answers.results_visible and not answers.is_empty:
            if summary.scored is not None and exercise.kind in SCORE_KINDS:
                return Group(progress, Text(""), scored_results(summary.scored, lang, width, height - 2))
            special = kind_results(session, exercise, lang, width, height - 2)
            if special is not None:
                return Group(progress, Text(""), special, Text(""), symbol_legend(special, lang))
        hidden = (
            Text(t("tui.proj.hidden", lang), style="bold reverse")
            if not answers.results_visible
            else Text("")
        )
        return Group(question_text(exercise, lang), Text(""), progress, hidden)
    if summary.reflection is not None:
        shown = sheet_answers(summary.reflection)
    elif summary.actions is not None:
        shown = agreed_actions(summary.actions, lang)
    elif summary.table is not None:
        shown = table_rows(summary.table)
    return shown if shown is not None else question_text(exercise, lang)


def _progress(session: Session, exercise: Exercise, lang: str) -> Text:
    """ "9 af 14 har svaret" (anonymous: a count, never who)."""
    n, total = answered(session, exercise.id)
    return Text(t("tui.proj.answered", lang, n=n, total=total), style="bold #FFD700")


def symbol_legend(shown: Text, lang: str) -> Text:
    """What each symbol in a newer kind's chart means (only the symbols it shows)."""
    out = Text()
    for symbol, key in (
        ("▲", "tui.legend.most"),
        ("●", "tui.legend.dot"),
        ("⚡", "tui.legend.split"),
        ("↺", "tui.legend.reverse"),
    ):
        if symbol in shown.plain:
            out.append(f"{symbol}  ", style="bold")
            out.append(t(key, lang) + "\n")
    out.rstrip()
    return out


def question_text(exercise: Exercise, lang: str) -> Text:
    """What the group is asked: prompt, items, scale; or the sheet's questions."""
    special = kind_question(exercise, lang)
    if special is not None:
        return special
    text = Text()
    for part in (exercise.prompt, exercise.question):
        if part is not None:
            text.append(part.get(lang) + "\n\n", style="bold")
    if exercise.is_scored and exercise.scale is not None:
        if exercise.kind != "scale":
            for number, item in enumerate(exercise.scored_items, start=1):
                text.append(f"{number:>2}. {item.text.get(lang)}\n")
        s = exercise.scale
        text.append(f"\n{s.min} = {s.min_label.get(lang)}    {s.max} = {s.max_label.get(lang)}", style="bold")
    for box in exercise.boxes:
        text.append(f"{box.number}. {box.title.get(lang)}\n", style="bold")
        if box.question is not None:
            text.append(f"   {box.question.get(lang)}\n")
        for sub in box.subquestions:
            text.append(f"      {sub.letter}) {sub.text.get(lang)}\n")
        text.append("\n")
    if exercise.challenge_prompt is not None:
        text.append(exercise.challenge_prompt.get(lang) + "\n", style="bold")
    for instruction in exercise.instructions:
        text.append(f"• {instruction.get(lang)}\n")
    text.rstrip()
    return text


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
        self.controller.toggle_blind()

    def action_next(self) -> None:
        self.controller.step(1)

    def action_previous(self) -> None:
        self.controller.step(-1)

    def action_timer(self) -> None:
        self.controller.toggle_timer()
