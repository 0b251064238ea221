"""The view for scored exercises: rating grids, statement diagnostics and scales.

Digits typed on the grid score the highlighted cell and move on, so a room's
scores go in as fast as they are called out. Tally mode takes counts instead.
Statistics are computed by the core (``stats``); this view only lays them out.
"""

from __future__ import annotations

import time
from functools import partial

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, Static, TextArea

from workshop_tui.model import Exercise, Position, Session
from workshop_tui.stats import describe
from workshop_tui.tui.messages import EditRequested, PositionChanged
from workshop_tui.tui.strings import tr
from workshop_tui.tui.views.base import ExerciseView
from workshop_tui.tui.widgets.charts import distribution_bars, profile_bars, summary_line
from workshop_tui.tui.widgets.score_grid import ScoreGrid, item_tag

TALLY_APPEND_SECONDS = 1.5
"""A second digit typed within this time extends a tally count (1 then 2 -> 12)."""


class GridView(ExerciseView):
    """Score grid, the highlighted item's distribution, a profile, notes and the closing answer."""

    DEFAULT_CSS = """
    GridView #grid-head { height: auto; padding: 0 1; }
    GridView #grid-detail { height: auto; max-height: 14; padding: 0 1; }
    GridView #item-detail { width: 1fr; height: auto; }
    GridView #profile { width: 1fr; height: auto; padding-left: 2; }
    GridView #note-row { height: auto; padding: 0 1; }
    GridView #note-row Label { padding: 0 1; color: $accent; }
    GridView #closing-box { height: auto; padding: 0 1; }
    GridView #closing { height: 5; }
    GridView #grid-keys { height: 1; padding: 0 1; color: $text-muted; }
    GridView .blind #item-detail, GridView .blind #profile { color: $text-muted; }
    GridView.compact #profile { display: none; }
    GridView.compact #note-row Label { display: none; }
    GridView.compact #closing { height: 3; }
    """

    COMPACT_HEIGHT = 32
    """Below this many terminal rows the grid keeps the space and the panels shrink."""

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._tally_buffer: tuple[tuple[int, int], str, float] | None = None
        self._group = ""
        self._filling = False

    def compose(self) -> ComposeResult:
        yield Static(id="grid-head")
        yield ScoreGrid(self.exercise, id="grid")
        with Horizontal(id="grid-detail"):
            yield Static(id="item-detail")
            yield Static(id="profile")
        if self.exercise.note_prompt is not None:
            with Vertical(id="note-row"):
                yield Label(id="note-label")
                yield Input(id="note")
        if self.exercise.closing_question is not None:
            with Vertical(id="closing-box"):
                yield Label(id="closing-label")
                yield TextArea(id="closing")
        yield Static(id="grid-keys")

    @property
    def grid(self) -> ScoreGrid:
        """The score table."""
        return self.query_one("#grid", ScoreGrid)

    def labels(self) -> dict[str, str]:
        """Column and statistics labels in the UI language."""
        lang = self.lang
        return {
            "item": tr("grid.item", lang),
            "mean": tr("stat.mean", lang),
            "median": tr("stat.median", lang),
            "range": tr("stat.range", lang),
            "dist": tr("stat.dist", lang),
            "sd": tr("stat.sd", lang),
            "split": tr("grid.split", lang),
            "none": tr("grid.no_answers", lang),
        }

    def show(self, session: Session) -> None:
        super().show(session)
        self.set_class(self.app.size.height < self.COMPACT_HEIGHT, "compact")
        self._group = (
            self._group or session.position.group or (session.groups[0].id if session.groups else "")
        )
        self.grid.show(session, self.lang, self.labels())
        self._show_head(session)
        self._show_detail()
        self._show_text_fields(session)

    def restore(self, position: Position) -> None:
        grid = self.grid
        if grid.row_count:
            row = min(position.row, grid.row_count - 1)
            columns = grid.input_columns()
            column = position.column if position.column in columns else (columns.start if columns else 0)
            grid.cursor_coordinate = grid.cursor_coordinate._replace(row=row, column=column)
        if position.group:
            self._group = position.group

    def focus_main(self) -> None:
        self.grid.focus()

    def _show_head(self, session: Session) -> None:
        exercise, lang = self.exercise, self.lang
        answers = session.answers_for(exercise.id)
        scale = exercise.scale
        assert scale is not None
        head = Text()
        compact = self.has_class("compact")
        if compact:
            pass
        elif exercise.prompt is not None:
            head.append(exercise.prompt.get(lang) + "\n")
        elif exercise.question is not None:
            head.append(exercise.question.get(lang) + "\n", style="bold")
        head.append(
            f"{scale.min} = {scale.min_label.get(lang)}   {scale.max} = {scale.max_label.get(lang)}",
            style="dim",
        )
        mode = tr(f"grid.mode.{answers.mode}", lang)
        head.append(f"   ·   {mode}", style="bold")
        if not answers.results_visible:
            head.append("\n" + tr("grid.blind_banner", lang), style="bold reverse")
        self.query_one("#grid-head", Static).update(head)
        if answers.mode == "tally":
            keys = tr("grid.help_tally", lang)
        else:
            ten = tr("grid.ten", lang) if scale.max == 10 else ""
            keys = tr("grid.help_participant", lang, low=scale.min, high=min(scale.max, 9), ten=ten)
        self.query_one("#grid-keys", Static).update(keys)
        self.set_class(not answers.results_visible, "blind")

    def _show_detail(self) -> None:
        session = self.session
        if session is None:
            return
        grid, lang, exercise = self.grid, self.lang, self.exercise
        scale = exercise.scale
        assert scale is not None
        answers = session.answers_for(exercise.id)
        detail = self.query_one("#item-detail", Static)
        profile = self.query_one("#profile", Static)
        if not grid.row_count:
            return
        item = grid.items[min(grid.cursor_row, grid.row_count - 1)]
        stats = grid.stats.get(item.id) or describe([], scale.min, scale.max)
        text = Text(item_tag(exercise, item) + item.text.get(lang) + "\n", style="bold")
        if answers.results_visible:
            if not self.has_class("compact"):
                text.append_text(distribution_bars(stats, scale.min, scale.max, 24, lang))
                text.append("\n")
            text.append_text(summary_line(stats, lang, self.labels()))
        else:
            text.append(f"n = {stats.n}   " + tr("grid.hidden", lang), style="dim")
        detail.update(text)
        if len(grid.items) < 2 or not answers.results_visible:
            profile.update("")
            return
        profile.update(self._profile_text(session))

    def _profile_text(self, session: Session) -> Text:
        exercise, lang, grid = self.exercise, self.lang, self.grid
        scale = exercise.scale
        assert scale is not None
        title = Text(tr("grid.profile", lang) + "\n", style="bold")
        if exercise.kind == "statement_diagnostic":
            rows = []
            for dimension in exercise.dimensions:
                for polarity in ("produced", "not_produced"):
                    values = [
                        v
                        for i in exercise.items
                        if i.dimension == dimension.id and i.polarity == polarity
                        for v in session.answers_for(exercise.id).values_for(i.id)
                    ]
                    stats = describe(values, scale.min, scale.max)
                    sign = "+" if polarity == "produced" else "−"
                    rows.append((f"{dimension.label.get(lang)} {sign}", stats.mean, False))
            width = max(10, self.query_one("#profile").size.width - 30)
            return title + profile_bars(rows, scale.min, scale.max, 20, width, lang)
        rows = [(i.text.get(lang), grid.stats[i.id].mean, grid.stats[i.id].split) for i in grid.items]
        rows.sort(key=lambda r: -(r[1] if r[1] is not None else -1))
        width = self.query_one("#profile").size.width
        label = max(16, min(40, width // 2))
        return title + profile_bars(rows, scale.min, scale.max, label, max(6, width - label - 10), lang)

    def on_resize(self) -> None:
        compact = self.app.size.height < self.COMPACT_HEIGHT
        changed = compact != self.has_class("compact")
        self.set_class(compact, "compact")
        if self.session is not None and (changed or self.grid.needs_rebuild()):
            self.grid.forget_layout()
            self.show(self.session)

    def _show_text_fields(self, session: Session) -> None:
        answers = session.answers_for(self.exercise.id)
        self._filling = True
        try:
            if self.exercise.note_prompt is not None and self.grid.row_count:
                item = self.grid.items[self.grid.cursor_row]
                prompt = self.exercise.note_prompt.get(self.lang)
                short = item.text.get(self.lang)
                short = short if len(short) <= 50 else short[:49] + "…"
                self.query_one("#note-label", Label).update(
                    f"{tr('grid.note', self.lang)} – {short}: {prompt}"
                )
                note = self.query_one("#note", Input)
                wanted = answers.notes.get(item.id, "")
                if note.value != wanted:
                    note.value = wanted
            if self.exercise.closing_question is not None:
                group = next((g for g in session.groups if g.id == self._group), None)
                label = self.exercise.closing_question.get(self.lang)
                if group is not None and len(session.groups) > 1:
                    label += f"   ({tr('sheet.group', self.lang)}: {group.name} · Ctrl+G)"
                self.query_one("#closing-label", Label).update(label)
                area = self.query_one("#closing", TextArea)
                wanted = answers.closing.get(self._group, "")
                if area.text != wanted:
                    area.load_text(wanted)
        finally:
            self._filling = False

    def next_group(self) -> None:
        """Show the next group's closing answer."""
        session = self.session
        if session is None or not session.groups:
            return
        ids = [g.id for g in session.groups]
        index = ids.index(self._group) if self._group in ids else -1
        self._group = ids[(index + 1) % len(ids)]
        self._show_text_fields(session)
        self._post_position()

    @on(DataTable.CellHighlighted, "#grid")
    def _moved(self) -> None:
        self._tally_buffer = None
        self._show_detail()
        if self.session is not None:
            self._show_text_fields(self.session)
        self._post_position()

    def _post_position(self) -> None:
        row, column = self.grid.cursor_coordinate
        self.post_message(PositionChanged(Position(self.exercise.id, row, column, self._group)))

    @on(Input.Changed, "#note")
    def _note_changed(self, event: Input.Changed) -> None:
        if self._filling or not self.grid.row_count:
            return
        item = self.grid.items[self.grid.cursor_row]
        edit = partial(_set_note, self.exercise.id, item.id, event.value)
        self.post_message(EditRequested(edit, merge=f"note:{self.exercise.id}:{item.id}"))

    @on(TextArea.Changed, "#closing")
    def _closing_changed(self, event: TextArea.Changed) -> None:
        if self._filling or not self._group:
            return
        edit = partial(_set_closing, self.exercise.id, self._group, event.text_area.text)
        self.post_message(EditRequested(edit, merge=f"closing:{self.exercise.id}:{self._group}"))

    def on_key(self, event: events.Key) -> None:
        if not self.grid.has_focus or self.session is None:
            return
        answers = self.session.answers_for(self.exercise.id)
        key = event.key
        if key in ("delete", "backspace"):
            event.stop()
            self._clear_cell()
        elif answers.mode == "tally" and key in ("plus", "minus", "equals_sign", "+", "-"):
            event.stop()
            self._bump_tally(1 if key in ("plus", "equals_sign", "+") else -1)
        elif event.character is not None and event.character.isdigit():
            event.stop()
            if answers.mode == "tally":
                self._type_tally(event.character)
            else:
                self._type_score(int(event.character))

    def _type_score(self, digit: int) -> None:
        scale = self.exercise.scale
        assert scale is not None
        target = self.grid.cell_target()
        if target is None:
            self.app.bell()
            return
        score = 10 if digit == 0 and scale.max == 10 else digit
        if not scale.contains(score):
            self.app.bell()
            self.notify(
                tr("refused", self.lang, reason=f"{scale.min}–{scale.max}"), severity="warning", timeout=2
            )
            return
        item, participant = target
        self.post_message(EditRequested(partial(_set_score, self.exercise.id, item.id, participant, score)))
        self._advance()

    def _advance(self) -> None:
        grid = self.grid
        row, column = grid.cursor_coordinate
        columns = grid.input_columns()
        if column + 1 in columns:
            column += 1
        elif row + 1 < grid.row_count:
            row, column = row + 1, columns.start
        grid.cursor_coordinate = grid.cursor_coordinate._replace(row=row, column=column)

    def _clear_cell(self) -> None:
        target = self.grid.cell_target()
        if target is None or self.session is None:
            return
        item, column = target
        if self.session.answers_for(self.exercise.id).mode == "tally":
            self.post_message(
                EditRequested(partial(_set_tally, self.exercise.id, item.id, int(column[1:]), 0))
            )
        else:
            self.post_message(EditRequested(partial(_set_score, self.exercise.id, item.id, column, None)))

    def _type_tally(self, digit: str) -> None:
        target = self.grid.cell_target()
        if target is None:
            self.app.bell()
            return
        item, column = target
        cell = tuple(self.grid.cursor_coordinate)
        now = time.monotonic()
        text = digit
        buffer = self._tally_buffer
        if buffer and buffer[0] == cell and now - buffer[2] < TALLY_APPEND_SECONDS and len(buffer[1]) < 2:
            text = buffer[1] + digit
        self._tally_buffer = ((cell[0], cell[1]), text, now)
        count = int(text)
        self.post_message(
            EditRequested(partial(_set_tally, self.exercise.id, item.id, int(column[1:]), count))
        )

    def _bump_tally(self, delta: int) -> None:
        target = self.grid.cell_target()
        if target is None or self.session is None:
            return
        item, column = target
        score = int(column[1:])
        current = self.session.answers_for(self.exercise.id).tallies.get(item.id, {}).get(score, 0)
        self._tally_buffer = None
        self.post_message(
            EditRequested(partial(_set_tally, self.exercise.id, item.id, score, max(0, current + delta)))
        )


def _set_score(exercise: str, item: str, participant: str, score: int | None, session: Session) -> Session:
    return session.with_score(exercise, item, participant, score)


def _set_tally(exercise: str, item: str, score: int, count: int, session: Session) -> Session:
    return session.with_tally(exercise, item, score, count)


def _set_note(exercise: str, item: str, text: str, session: Session) -> Session:
    return session.with_note(exercise, item, text)


def _set_closing(exercise: str, group: str, text: str, session: Session) -> Session:
    return session.with_closing(exercise, group, text)
