"""The view for scored exercises: rating grids, statement diagnostics and scales.

Digits typed on the grid score the highlighted cell and move on, so a room's
scores go in as fast as they are called out. Tally mode takes counts instead.
Statistics are computed by the core (``stats``); this view only lays them out.
"""

from __future__ import annotations

import time

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.grids import GridBody
from workshop_tui.core.kinds.votes import is_single
from workshop_tui.core.model import Exercise, Position, Session
from workshop_tui.tui.messages import EditRequested, PositionChanged
from workshop_tui.tui.views.base import ExerciseView, session_edit
from workshop_tui.tui.views.grid_edits import dots_edit, score_edit, tally_edit
from workshop_tui.tui.views.grid_panels import detail_text, head_text, profile_text
from workshop_tui.tui.widgets.entry import EntryArea, EntryInput, FieldEdited
from workshop_tui.tui.widgets.score_grid import ScoreGrid
from workshop_tui.tui.widgets.text_panel import show_text, text_height

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
        self._detail_row = -1
        """The grid row the detail panel shows."""
        self._detail_width: tuple[int, bool] | None = None
        """The width (and compact state) the detail panel's height was fitted to."""

    @property
    def extras(self) -> GridBody:
        """The grid's note prompt and closing question (empty for the other scored kinds)."""
        return self.exercise.body_if(GridBody) or GridBody()

    def compose(self) -> ComposeResult:
        yield Static(id="grid-head")
        yield ScoreGrid(self.exercise, id="grid")
        with Horizontal(id="grid-detail"):
            yield Static(id="item-detail")
            yield Static(id="profile")
        if self.extras.note_prompt is not None:
            with Vertical(id="note-row"):
                yield Label(id="note-label")
                yield EntryInput(id="note")
        if self.extras.closing_question is not None:
            with Vertical(id="closing-box"):
                yield Label(id="closing-label")
                yield EntryArea(id="closing")
        yield Static(id="grid-keys")

    @property
    def grid(self) -> ScoreGrid:
        """The score table."""
        return self.query_one("#grid", ScoreGrid)

    def labels(self) -> dict[str, str]:
        """Column and statistics labels in the UI language."""
        lang = self.lang
        return {
            "item": t("tui.grid.item", lang),
            "mean": t("tui.stat.mean", lang),
            "median": t("tui.stat.median", lang),
            "range": t("tui.stat.range", lang),
            "dist": t("tui.stat.dist", lang),
            "dist_short": t("tui.stat.dist_short", lang),
            "sd": t("tui.stat.sd", lang),
            "split": t("tui.grid.split", lang),
            "none": t("tui.grid.no_answers", lang),
            "dots": t("tui.vote.col.votes" if is_single(self.exercise) else "tui.vote.col.dots", lang),
            "share": t("tui.vote.col.share", lang),
        }

    def show(self, session: Session) -> None:
        super().show(session)
        if not self.ready:
            return
        self.set_class(self.app.size.height < self.COMPACT_HEIGHT, "compact")
        self._group = (
            self._group or session.position.group or (session.groups[0].id if session.groups else "")
        )
        self.grid.show(session, self.lang, self.labels())
        self._show_head(session)
        self._show_detail()

    def load(self, session: Session) -> None:
        self.show(session)
        if self.ready:
            self._show_text_fields(session)

    def restore(self, position: Position) -> None:
        if not self.ready:
            return
        grid = self.grid
        if grid.row_count:
            row = min(position.row, grid.row_count - 1)
            columns = grid.input_columns()
            column = position.column if position.column in columns else (columns.start if columns else 0)
            grid.cursor_coordinate = grid.cursor_coordinate._replace(row=row, column=column)
        if position.group:
            self._group = position.group

    def focus_main(self) -> None:
        if self.ready:
            self.grid.focus()
            self._post_position()  # coming back to a kept view: its cursor is where it was left

    def _show_head(self, session: Session) -> None:
        answers = session.answers_for(self.exercise.id)
        head, keys = head_text(self.exercise, session, self.lang, compact=self.has_class("compact"))
        show_text(self.query_one("#grid-head", Static), head)
        show_text(self.query_one("#grid-keys", Static), keys)
        self.set_class(not answers.results_visible, "blind")

    def _show_detail(self) -> None:
        session = self.session
        if session is None or not self.grid.row_count:
            return
        grid = self.grid
        self._detail_row = min(grid.cursor_row, grid.row_count - 1)
        item = grid.items[self._detail_row]
        compact = self.has_class("compact")
        labels = self.labels()
        detail = self.query_one("#item-detail", Static)
        self._hold_detail_height(detail, session, labels, compact)
        text = detail_text(
            self.exercise, session, item, grid.stats.get(item.id), self.lang, labels, compact=compact
        )
        show_text(detail, text)
        width = self.query_one("#profile").size.width
        profile = profile_text(self.exercise, session, grid.stats, self.lang, width)
        show_text(self.query_one("#profile", Static), profile or "")

    def _hold_detail_height(
        self, detail: Static, session: Session, labels: dict[str, str], compact: bool
    ) -> None:
        """Give the detail panel the height of its tallest item, once per width.

        Moving the cursor to an item whose text wraps to one line more would otherwise
        shrink the grid by a line and lay out the whole screen again, on every move.
        """
        width = detail.content_region.width
        if width <= 0 or self._detail_width == (width, compact):
            return
        self._detail_width = (width, compact)
        grid, console = self.grid, self.app.console
        tallest = max(
            (
                text_height(
                    detail_text(
                        self.exercise, session, i, grid.stats.get(i.id), self.lang, labels, compact=compact
                    ),
                    width,
                    console,
                )
                for i in grid.items
            ),
            default=0,
        )
        detail.styles.min_height = tallest

    def on_resize(self) -> None:
        compact = self.app.size.height < self.COMPACT_HEIGHT
        changed = compact != self.has_class("compact")
        self.set_class(compact, "compact")
        if self.ready and self.session is not None and (changed or self.grid.needs_rebuild()):
            self.grid.forget_layout()
            self.show(self.session)
        elif self.ready and self._detail_width is None:
            self._show_detail()  # the first layout: the detail panel's height can be held now

    def _show_text_fields(self, session: Session) -> None:
        """Load the highlighted item's note and the shown group's closing answer into their fields."""
        answers = session.answers_for(self.exercise.id)
        if self.extras.note_prompt is not None and self.grid.row_count:
            item = self.grid.items[self.grid.cursor_row]
            prompt = self.extras.note_prompt.get(self.lang)
            short = item.text.get(self.lang)
            short = short if len(short) <= 50 else short[:49] + "…"
            label = f"{t('tui.grid.note', self.lang)} – {short}: {prompt}"
            show_text(self.query_one("#note-label", Label), label)
            self.query_one("#note", EntryInput).load(("note", item.id), answers.notes.get(item.id, ""))
        if self.extras.closing_question is not None:
            group = next((g for g in session.groups if g.id == self._group), None)
            label = self.extras.closing_question.get(self.lang)
            if group is not None and len(session.groups) > 1:
                label += f"   ({t('tui.sheet.group', self.lang)}: {group.label(self.lang)} · Ctrl+G)"
            show_text(self.query_one("#closing-label", Label), label)
            area = self.query_one("#closing", EntryArea)
            area.load(("closing", self._group), answers.closing.get(self._group, ""))

    def next_group(self) -> None:
        """Show the next group's closing answer."""
        session = self.session
        if not self.ready or session is None or not self.advance_group():
            return
        self._show_text_fields(session)
        self._post_position()

    @on(ScoreGrid.CellHighlighted, "#grid")
    def _moved(self, event: ScoreGrid.CellHighlighted) -> None:
        if not self.ready:
            return
        self._tally_buffer = None
        # The panels below describe the row: a move along it (typing a row of scores) leaves them.
        if event.coordinate.row != self._detail_row:
            self._show_detail()
            if self.session is not None:
                self._show_text_fields(self.session)
        self._post_position()

    def _post_position(self) -> None:
        row, column = self.grid.cursor_coordinate
        self.post_message(PositionChanged(Position(self.exercise.id, row, column, self._group)))

    @on(FieldEdited)
    def _text_edited(self, event: FieldEdited) -> None:
        event.stop()
        kind, key = event.field
        exercise_id = self.exercise.id
        if kind == "note":
            edit = session_edit(Session.with_note, exercise_id, key, event.value)
        elif kind == "closing" and key:
            edit = session_edit(Session.with_closing, exercise_id, key, event.value)
        else:
            return
        self.request_edit(EditRequested(edit, merge=f"{kind}:{exercise_id}:{key}"))

    def on_key(self, event: events.Key) -> None:
        if not self.ready or not self.grid.has_focus or self.session is None:
            return
        answers = self.session.answers_for(self.exercise.id)
        key = event.key
        if key in ("up", "down", "left", "right"):
            # Handled here, not by the table's bindings: a binding runs only once the key has
            # bubbled up to the app, so a digit typed right after an arrow would overtake it
            # and score the cell the cursor was leaving (found by scripts/crash_test.py).
            event.stop()
            getattr(self.grid, f"action_cursor_{key}")()
        elif key in ("delete", "backspace"):
            event.stop()
            self._clear_cell()
        elif key == "space" and answers.mode == "participant" and is_single(self.exercise):
            event.stop()
            self._pick_row()
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
        if self.exercise.is_vote:
            self._type_vote(digit, target[1])
            return
        score = 10 if digit == 0 and scale.max == 10 else digit
        if not scale.contains(score):
            self.app.bell()
            self.notify(
                t("tui.refused", self.lang, reason=f"{scale.min}–{scale.max}"), severity="warning", timeout=2
            )
            return
        item, participant = target
        self.request_edit(
            EditRequested(score_edit(self.exercise.id, item.id, participant, score, self._next()))
        )
        self._advance()

    def _type_vote(self, digit: int, participant: str) -> None:
        """A single choice: digit k chooses option k. A dot vote: the digit is the dots on this option."""
        exercise = self.exercise
        if is_single(exercise):
            if not 1 <= digit <= len(exercise.items):
                self.app.bell()
                return
            edit = score_edit(exercise.id, exercise.items[digit - 1].id, participant, 1, self._next())
        else:
            item_id = self.grid.items[self.grid.cursor_row].id
            edit = dots_edit(exercise, item_id, participant, digit or None, self._next(), self.lang)
        self.request_edit(EditRequested(edit))
        self._advance()

    def _pick_row(self) -> None:
        """Space on a single choice: the highlighted option becomes the participant's choice."""
        target = self.grid.cell_target()
        if target is None:
            self.app.bell()
            return
        item, participant = target
        self.request_edit(EditRequested(score_edit(self.exercise.id, item.id, participant, 1, self._next())))
        self._advance()

    def _next(self) -> Position:
        """Where the cursor goes after a score: the next participant, or the next row's first."""
        grid = self.grid
        row, column = grid.cursor_coordinate
        columns = grid.input_columns()
        if column + 1 in columns:
            column += 1
        elif row + 1 < grid.row_count:
            row, column = row + 1, columns.start
        return Position(self.exercise.id, row, column, self._group)

    def _advance(self) -> None:
        after = self._next()
        self.grid.cursor_coordinate = self.grid.cursor_coordinate._replace(row=after.row, column=after.column)

    def _clear_cell(self) -> None:
        target = self.grid.cell_target()
        if target is None or self.session is None:
            return
        item, column = target
        if self.session.answers_for(self.exercise.id).mode == "tally":
            self.request_edit(
                EditRequested(session_edit(Session.with_tally, self.exercise.id, item.id, int(column[1:]), 0))
            )
        else:
            if is_single(self.exercise):
                # Del clears the participant's choice, whichever option row the cursor is on.
                scores = self.session.answers_for(self.exercise.id).scores
                item = next((i for i in self.exercise.items if column in scores.get(i.id, {})), item)
            self.request_edit(
                EditRequested(session_edit(Session.with_score, self.exercise.id, item.id, column, None))
            )

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
        edit = tally_edit(self.exercise.id, item.id, int(column[1:]), self.lang, count=int(text))
        self.request_edit(EditRequested(edit))

    def _bump_tally(self, delta: int) -> None:
        target = self.grid.cell_target()
        if target is None:
            return
        item, column = target
        self._tally_buffer = None
        self.request_edit(
            EditRequested(tally_edit(self.exercise.id, item.id, int(column[1:]), self.lang, delta=delta))
        )
