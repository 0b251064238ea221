"""Last time's actions reviewed (``core/kinds/action_review.py``): the first step of a follow-up day.

One block per action of the earlier session: what, who, by when and which group, marked
⚠ when overdue and ↻ once carried over; under it a status to pick and a short note.
Ctrl+O carries the action whose fields have the cursor over into today's action list
(one edit, undone with Ctrl+Z). The field the key lands in says which action: Ctrl+O is
no priority key, so it reaches the view's binding only after the keys typed before it, and
by then a Tab typed after it may have moved the cursor to the next action. The view only
asks for edits; every rule (which status, what is overdue, where a carried action goes) is
the kind's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Group, OverflowMethod, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import action_facts, action_text, long_date
from workshop_tui.core.kinds.action_review import (
    STATUSES,
    ReviewBody,
    ReviewedAction,
    carry_group,
    carry_over,
    carry_target,
    given,
    overdue,
    with_review,
)
from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.model.refusal import Refused, refusal_text
from workshop_tui.core.results.summary_model import ExerciseSummary, ReviewPart
from workshop_tui.export.part_table import review_status
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.screens.projector_fit import Entry, fit_entries, measure
from workshop_tui.tui.screens.projector_kinds import Piece
from workshop_tui.tui.screens.projector_scores import COMPACT_LINES
from workshop_tui.tui.views.base import ExerciseView
from workshop_tui.tui.widgets.entry import EntryInput, EntrySelect, FieldEdited, FieldKey

CARRY_KEY = "ctrl+o"
"""Carries the action whose field has the cursor over into today's action list."""

OVERDUE = "bold #FF6B6B"
"""Overdue actions stand out in red (with ⚠, so the mark does not rest on colour alone)."""


def action_line(action: ReviewedAction, number: int, status: str, carried: bool, on: str, lang: str) -> Text:
    """One action as the view heads it: number, text, owner · due · group, then its status."""
    late = overdue(action.due, status, on)
    line = Text(f"{number}. ", style="bold")
    line.append(action_text(action.text, lang), style=OVERDUE if late else "bold")
    facts = action_facts(action.owner, action.due, action.group, lang)
    if facts:
        line.append(f"  {facts}", style="dim")
    line.append(f"  {review_status(status, late, carried, lang)}", style=OVERDUE if late else "italic")
    return line


@dataclass
class CarryRequested(Message):
    """Ctrl+O typed in a review field: carry that field's action over (its id)."""

    action_id: str


async def _carry_key(field: FieldKey | None, widget: Widget, event: events.Key) -> None:
    """Ctrl+O in an action's field asks for *that* action, in the order the keys were typed."""
    if event.key == CARRY_KEY and field is not None and field[0] == "review":
        event.stop()
        event.prevent_default()
        widget.post_message(CarryRequested(field[1]))


class ReviewStatus(EntrySelect):
    """An action's status; Ctrl+O here (or in its open list) carries this action over."""

    async def _on_key(self, event: events.Key) -> None:
        await _carry_key(self.field, self, event)


class ReviewNote(EntryInput):
    """An action's note; Ctrl+O here carries this action over, after the keys typed before it."""

    async def _on_key(self, event: events.Key) -> None:
        await _carry_key(self.field, self, event)


class View(ExerciseView):
    """The actions under review, each with a status and a note; Ctrl+O carries one over."""

    BINDINGS = [Binding(CARRY_KEY, "carry_over", "tui.key.carry", show=False, id="carry")]

    DEFAULT_CSS = """
    View #review-head { height: auto; padding: 0 1; }
    View #review-body { height: 1fr; padding: 0 1; }
    View .review-action { height: auto; padding: 1 0 0 0; }
    View .review-row { height: auto; }
    View .review-status { width: 24; }
    View .review-note { width: 1fr; }
    """

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._current = 0
        """The index of the action whose fields last had the cursor (what Ctrl+O carries)."""

    @property
    def actions(self) -> tuple[ReviewedAction, ...]:
        """The actions under review, in the exercise's order."""
        return self.exercise.body_as(ReviewBody).actions

    def compose(self) -> ComposeResult:
        lang = self.lang
        options = [(t(f"series.review.status.{s}", lang), s) for s in STATUSES]
        yield Static(id="review-head")
        with VerticalScroll(id="review-body", can_focus=False):
            if not self.actions:
                yield Static(t("series.review.empty", lang))
            for index, _ in enumerate(self.actions):
                yield Static(id=f"action-{index}", classes="review-action")
                with Horizontal(classes="review-row"):
                    yield ReviewStatus(
                        options,
                        prompt=t("series.review.status.open", lang),
                        id=f"status-{index}",
                        classes="review-status",
                    )
                    yield ReviewNote(
                        id=f"note-{index}",
                        classes="review-note",
                        placeholder=t("series.review.note_placeholder", lang),
                    )

    def focus_main(self) -> None:
        if self.ready and self.actions:
            self.take_keyboard(self.query_one(f"#status-{self._current}", EntrySelect))

    def show(self, session: Session) -> None:
        super().show(session)
        if not self.ready:
            return
        lang, exercise = self.lang, self.exercise
        head = Text()
        for instruction in exercise.body_as(ReviewBody).instructions:
            head.append(f"• {instruction.get(lang)}\n")
        part = _part(session, exercise, lang)
        if part is not None and part.rows:
            head.append(_counts(part, lang) + "\n", style="bold")
        head.append(t("series.review.keys", lang), style="dim")
        self.query_one("#review-head", Static).update(head)
        for index, action in enumerate(self.actions):
            status = given(session, exercise.id, action.id, "status")
            carried = bool(given(session, exercise.id, action.id, "carried"))
            line = action_line(action, index + 1, status, carried, session.date, lang)
            self.query_one(f"#action-{index}", Static).update(line)

    def load(self, session: Session) -> None:
        self.show(session)
        if not self.ready:
            return
        for index, action in enumerate(self.actions):
            status = given(session, self.exercise.id, action.id, "status")
            self.query_one(f"#status-{index}", EntrySelect).load(("review", action.id, "status"), status)
            note = given(session, self.exercise.id, action.id, "note")
            self.query_one(f"#note-{index}", EntryInput).load(("review", action.id, "note"), note)

    def on_descendant_focus(self, event: object) -> None:
        """Remember which action's fields have the cursor (what Ctrl+O carries over)."""
        focused = self.app.focused
        name = focused.id if focused is not None and focused.id else ""
        prefix, _, number = name.rpartition("-")
        if prefix in ("status", "note") and number.isdigit():
            self._current = int(number)

    @on(FieldEdited)
    def _changed(self, event: FieldEdited) -> None:
        event.stop()
        kind, action_id, part = event.field
        if kind != "review":
            return
        exercise_id, value = self.exercise.id, event.value

        def edit(session: Session) -> Session:
            return with_review(session, exercise_id, action_id, part, value)

        self.request_edit(EditRequested(edit, merge=f"review:{exercise_id}:{action_id}:{part}"))

    @on(CarryRequested)
    def _carry_requested(self, event: CarryRequested) -> None:
        event.stop()
        index = next((i for i, a in enumerate(self.actions) if a.id == event.action_id), None)
        if index is not None:
            self.carry(index)

    def action_carry_over(self) -> None:
        """Ctrl+O with the cursor outside the fields: the action whose fields had it last."""
        if self.actions:
            self.carry(self._current)

    def carry(self, index: int) -> None:
        """Carry action ``index`` over into today's action list (refusals are shown by the screen)."""
        session = self.session
        if session is None:
            return
        exercise_id, action_id = self.exercise.id, self.actions[index].id
        try:
            carry_over(session, exercise_id, action_id)  # said now, not after the edit is queued
        except Refused as refused:
            self.notify(refusal_text(refused, self.lang), severity="warning")
            return

        def edit(current: Session) -> Session:
            return carry_over(current, exercise_id, action_id)

        self.request_edit(EditRequested(edit))
        target = carry_target(session) or ""
        lang = self.lang
        title = session.exercises[target].title.get(lang) if target else ""
        # Which group's list it went to: a group renamed since the earlier session has no group
        # of the action's group name, and the action went silently to the first group's list.
        action = self.actions[index]
        group_id = carry_group(session, action)
        group = next((g.label(lang) for g in session.groups if g.id == group_id), "")
        key = (
            "series.review.carried_to"
            if any(g.name == action.group for g in session.groups) or not action.group
            else "series.review.carried_to_other"
        )
        self.notify(t(key, lang, number=index + 1, exercise=title, group=group, was=action.group))


def _part(session: Session, exercise: Exercise, lang: str) -> ReviewPart | None:
    from workshop_tui.core.results.summary import exercise_summary

    part = exercise_summary(session, exercise.id, lang).part
    return part if isinstance(part, ReviewPart) else None


def _counts(part: ReviewPart, lang: str) -> str:
    return t(
        "series.review.counts",
        lang,
        done=part.count("done"),
        partly=part.count("partly"),
        not_started=part.count("not_started"),
        dropped=part.count("dropped"),
        open=part.count(""),
        overdue=part.overdue,
    )


def _question(exercise: Exercise, lang: str) -> Text:
    """The title's question on the wall: the instructions, then the actions to review."""
    text = Text()
    for instruction in exercise.body_as(ReviewBody).instructions:
        text.append(f"{instruction.get(lang)}\n", style="bold")
    actions = exercise.body_as(ReviewBody).actions
    if not actions:
        text.append(t("series.review.empty", lang), style="dim")
    for number, action in enumerate(actions, start=1):
        text.append(f"\n{number}. {action_text(action.text, lang)}")
    return text


def _results(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    """Each action with its due date and status, overdue ones in red with ⚠; no notes on the wall."""
    part = summary.part
    if (
        not isinstance(part, ReviewPart)
        or not part.rows
        or all(not r.status and not r.carried for r in part.rows)
    ):
        return None
    due_width = min(18, max(10, max((len(long_date(r.due, lang)) for r in part.rows), default=0)))
    counts = Text(_counts(part, lang), style="bold")
    # Wrapped where it fits; at a laptop's 24 rows each action's text on one line (cut with …)
    # before its status is: cut at once, "⚠ forfalden" was the word cut away, rows left empty.
    tiers = ((False, False), (True, False), (True, True)) if height < COMPACT_LINES else ((False, False),)
    for cut_text, cut_status in tiers:
        make = _table(part, lang, due_width, counts, cut_text=cut_text, cut_status=cut_status)
        if (cut_text, cut_status) == tiers[-1] or measure(make(len(part.rows)), width) <= height:
            return fit_entries([Entry(make, len(part.rows))], width, height, lang)
    raise AssertionError("the last tier is always taken")  # pragma: no cover


def _table(
    part: ReviewPart, lang: str, due_width: int, counts: Text, *, cut_text: bool, cut_status: bool
) -> Callable[[int], Group]:
    """The review's first k actions as the wall's table; each text and status on one line or wrapped."""

    def overflow(cut: bool) -> OverflowMethod:
        return "ellipsis" if cut else "fold"

    def make(k: int) -> Group:
        table = Table(expand=True, show_edge=False, pad_edge=False, box=None, header_style="bold")
        table.add_column("", width=3, no_wrap=True)
        table.add_column(
            t("series.review.col.action", lang), ratio=5, overflow=overflow(cut_text), no_wrap=cut_text
        )
        table.add_column(t("series.review.col.due", lang), width=due_width, no_wrap=True)
        table.add_column(
            t("series.review.col.status", lang), ratio=3, overflow=overflow(cut_status), no_wrap=cut_status
        )
        for row in part.rows[:k]:
            style = OVERDUE if row.overdue else ""
            table.add_row(
                Text(f"{row.number}.", style="bold"),
                Text(action_text(row.text, lang), style=style),
                Text(long_date(row.due, lang), style=style),
                Text(review_status(row.status, row.overdue, row.carried, lang), style=style or "bold"),
            )
        return Group(table, Text(""), counts)

    return make


PIECE = Piece(_question, _results)
"""The actions to review, then each one's status as the group gives it; overdue ones stand out."""
