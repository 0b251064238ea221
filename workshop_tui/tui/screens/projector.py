"""The projector view: large, high-contrast and minimal, for the back of the room.

It shows the question while the group works and the results once they are
visible (not blind, or revealed). It never shows participant names or the
facilitator's notes. Its keys drive the session screen underneath.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Digits, Static

from workshop_tui.model import Exercise, Session
from workshop_tui.results import exercise_highlights
from workshop_tui.stats import describe
from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.screens.projector_kinds import kind_question, kind_results
from workshop_tui.tui.strings import tr
from workshop_tui.tui.voting import VoteBoard
from workshop_tui.tui.widgets.charts import distribution_bars, fit, fmt, localise, profile_bars
from workshop_tui.tui.widgets.timer import clock

if TYPE_CHECKING:
    from workshop_tui.tui.screens.session import SessionScreen


def results_text(session: Session, exercise: Exercise, lang: str, width: int, height: int = 20) -> Text:
    """The results of a scored exercise as big bars, highest items marked (no names)."""
    special = kind_results(session, exercise, lang, width, height)
    if special is not None:
        return special
    scale = exercise.scale
    assert scale is not None
    answers = session.answers_for(exercise.id)
    stats = {i.id: describe(answers.values_for(i.id), scale.min, scale.max) for i in exercise.scored_items}
    if len(exercise.scored_items) == 1:
        item = exercise.scored_items[0]
        s = stats[item.id]
        thickness, gap = fit(len(scale.values), height - 3)
        text = distribution_bars(
            s, scale.min, scale.max, max(10, width - 12), lang, thickness=thickness, gap=gap
        )
        text.append(f"\n\nn = {s.n}    {tr('stat.mean', lang)} {localise(fmt(s.mean), lang)}", style="bold")
        text.append(f"    {tr('stat.median', lang)} {localise(fmt(s.median), lang)}", style="bold")
        return text
    found = exercise_highlights(exercise, answers, stats)
    label_width = max(20, min(70, width // 2))
    rows = []
    for item in exercise.scored_items:
        mark = f"{found.mark(item.id) or ' '} "
        rows.append((mark + item.text.get(lang), stats[item.id].mean, stats[item.id].split))
    bar_width = max(10, width - label_width - 10)
    thickness, gap = fit(len(rows), height)
    text = profile_bars(
        rows, scale.min, scale.max, label_width, bar_width, lang, thickness=thickness, gap=gap
    )
    text.append(
        f"\n\n{scale.min} = {scale.min_label.get(lang)}    {scale.max} = {scale.max_label.get(lang)}",
        style="dim",
    )
    return text


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
    HELP = "F2/Esc: tilbage (back) · F3: vis/skjul resultater (reveal) · Ctrl+N/B: næste/forrige"
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
        answers = session.answers_for(exercise.id)
        board = self.query_one("#proj-vote", VoteBoard)
        voting = owner.voting.info()
        board.show(voting, lang)
        width = max(40, self.size.width - 8 - (board.width_needed if voting else 0))
        height = max(10, self.size.height - (6 if self.has_class("compact") else 9))
        shows_results = exercise.is_scored or exercise.kind == "table"
        has_results = shows_results and answers.results_visible and not answers.is_empty
        if has_results:
            content = results_text(session, exercise, lang, width, height)
        else:
            content = question_text(exercise, lang)
        self.query_one("#proj-content", Static).update(content)

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
