"""The view for scored exercises: rating grids, statement diagnostics and scales.

What the keys do on the grid is in ``grid_typing.py``; this module lays the view out and
shows the session in it. Statistics are computed by the core (``stats``); the view only
places them. After a typed score the grid is drawn at once and the panels under it (the
item's detail, the profile) one frame later (``tui/after_frame.py``).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.grids import GridBody
from workshop_tui.core.kinds.votes import is_single
from workshop_tui.core.model import Exercise, Position, Session
from workshop_tui.tui.after_frame import AfterFrame
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.plain import plain_text
from workshop_tui.tui.views.base import session_edit
from workshop_tui.tui.views.grid_panels import detail_text, head_text, profile_text
from workshop_tui.tui.views.grid_typing import GridTyping
from workshop_tui.tui.views.group_line import append_group
from workshop_tui.tui.widgets.entry import EntryInput, FieldEdited
from workshop_tui.tui.widgets.score_grid import ScoreGrid
from workshop_tui.tui.widgets.text_panel import FittedPanel, show_text, text_height


class GridView(GridTyping):
    """Score grid, the highlighted item's distribution, a profile, notes and the closing answer."""

    # The panel under the grid holds the longest profile of the library: leadership-actions'
    # title, 10 items, a blank line and 3 dimensions are 15 lines (at 14, COMMITMENT was cut).
    DEFAULT_CSS = """
    GridView #grid-head { height: auto; padding: 0 1; }
    GridView #grid-detail { height: auto; max-height: 16; padding: 0 1; }
    GridView #item-detail { width: 1fr; height: auto; }
    GridView #profile { width: 1fr; height: auto; padding-left: 2; }
    GridView #note-row { height: auto; padding: 0 1; }
    GridView #note-row Label { padding: 0 1; color: $accent; }
    GridView #closing-box { height: auto; padding: 0 1; }
    GridView #closing { height: 5; }
    GridView #grid-keys { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    GridView .blind #item-detail, GridView .blind #profile { color: $text-muted; }
    GridView.compact #profile { display: none; }
    GridView.compact #note-row Label { display: none; }
    GridView.compact #closing { height: 3; }
    """

    COMPACT_HEIGHT = 32
    """Below this many terminal rows the grid keeps the space and the panels shrink."""

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._detail_row = -1
        """The grid row the detail panel shows."""
        self._detail_heights: dict[tuple[int, bool], int] = {}
        """(width, compact) -> the height of the detail panel's tallest item (``_tallest_detail``)."""
        self._panels_later = AfterFrame(self, self._show_panels)
        """The detail and profile, brought up to date after the frame that shows a typed score."""

    @property
    def extras(self) -> GridBody:
        """The grid's note prompt and closing question (empty for the other scored kinds)."""
        return self.exercise.body_if(GridBody) or GridBody()

    def compose(self) -> ComposeResult:
        yield Static(id="grid-head")
        grid = ScoreGrid(self.exercise, id="grid")
        grid.keys = self.on_key  # taken when it arrives, or in the grid's turn, never bubbling up here
        grid.row_moved = self._row_now
        self._score_grid = grid
        yield grid
        with Horizontal(id="grid-detail"):
            yield FittedPanel(id="item-detail", floor=self._tallest_detail)
            yield FittedPanel(id="profile")
        if self.extras.note_prompt is not None:
            with Vertical(id="note-row"):
                yield Label(id="note-label")
                yield EntryInput(id="note")
        if self.extras.closing_question is not None:
            from workshop_tui.tui.widgets.entry_area import EntryArea  # only grids with a closing answer

            with Vertical(id="closing-box"):
                yield Label(id="closing-label")
                yield EntryArea(id="closing")
        yield Static(id="grid-keys")

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
        if self._detail_row < 0:
            self._show_detail()  # the first fill: the panels are part of the view's first frame
        else:
            self._panels_later()

    def load(self, session: Session) -> None:
        self.show(session)
        if self.ready:
            self._show_text_fields(session)

    def _show_panels(self) -> None:
        """The deferred part of ``show``: the highlighted item's detail and the profile."""
        if self.ready and self.display:
            self._show_detail()

    def restore(self, position: Position) -> None:
        if not self.ready:
            return
        grid = self.grid
        if grid.row_count:
            row = min(position.row, grid.row_count - 1)
            columns = grid.input_columns()
            column = position.column if position.column in columns else (columns.start if columns else 0)
            grid.cursor_coordinate = grid.cursor_coordinate._replace(row=row, column=column)
            self._show_detail()  # now, as part of the opening's first frame (not one frame later)
        if position.group:
            self._group = position.group

    def follow_change(self, before: Session, after: Session) -> None:
        """Put the cursor on the score an undo or redo just changed back, as a spreadsheet does.

        The cursor stayed where it was: after Ctrl+Z on a score typed a few cells back the
        facilitator had to look for what changed. Moves only within this exercise's grid
        (the change is elsewhere: the screen says where); a tally's change moves to its row.
        """
        if not self.ready or not self.grid.row_count:
            return
        old = before.answers_for(self.exercise.id)
        new = after.answers_for(self.exercise.id)
        grid = self.grid
        keys = [str(column.key) for column in grid.columns]
        for row, item in enumerate(grid.items):
            old_scores, new_scores = old.scores.get(item.id, {}), new.scores.get(item.id, {})
            if old_scores != new_scores:
                who = [p.id for p in after.participants if old_scores.get(p.id) != new_scores.get(p.id)]
                column = keys.index(who[0]) if who and who[0] in keys else grid.cursor_coordinate.column
            elif old.tallies.get(item.id, {}) != new.tallies.get(item.id, {}):
                column = grid.cursor_coordinate.column
            else:
                continue
            grid.cursor_coordinate = grid.cursor_coordinate._replace(row=row, column=column)
            return

    def focus_main(self) -> None:
        if self.ready:
            # At once, not by ``grid.focus()``, which waits for the app's queue: on opening that
            # moved the keyboard after the first frames and drew the whole screen once more.
            self.take_keyboard(self.grid)
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
        text = detail_text(
            self.exercise, session, item, grid.stats.get(item.id), self.lang, labels, compact=compact
        )
        show_text(self.query_one("#item-detail", FittedPanel), text)
        exercise, stats, lang = self.exercise, grid.stats, self.lang
        self.query_one("#profile", FittedPanel).fit(
            lambda width: profile_text(exercise, session, stats, lang, width) or ""
        )

    def _tallest_detail(self, width: int) -> int:
        """The height of the detail panel's tallest item at ``width``, worked out once per width.

        The panel keeps it (``FittedPanel``): moving the cursor to an item whose text wraps to
        one line more would otherwise shrink the grid by a line and lay out the whole screen
        again, on every move.
        """
        session = self.session
        if session is None or not self.ready:
            return 0
        compact = self.has_class("compact")
        known = self._detail_heights.get((width, compact))
        if known is None:
            grid, labels, console, lang = self.grid, self.labels(), self.app.console, self.lang
            texts = (
                detail_text(self.exercise, session, i, grid.stats.get(i.id), lang, labels, compact=compact)
                for i in grid.items
            )
            known = max((text_height(text, width, console) for text in texts), default=0)
            self._detail_heights[(width, compact)] = known
        return known

    def on_resize(self) -> None:
        compact = self.app.size.height < self.COMPACT_HEIGHT
        changed = compact != self.has_class("compact")
        self.set_class(compact, "compact")
        if self.ready and self.session is not None and (changed or self.grid.needs_rebuild()):
            self.grid.forget_layout()
            self.show(self.session)
        if self.ready and self.session is not None and self.extras.closing_question is not None:
            self.call_after_refresh(self._refit_closing_label)  # the group's name cut to the new width

    def _refit_closing_label(self) -> None:
        if self.ready and self.session is not None:
            self._show_closing_label(self.session)

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
            self._show_closing_label(session)
            from workshop_tui.tui.widgets.entry_area import EntryArea

            area = self.query_one("#closing", EntryArea)
            area.load(("closing", self._group), answers.closing.get(self._group, ""))

    def _show_closing_label(self, session: Session) -> None:
        """The closing question and "Gruppe: <name>  (Ctrl+G)", the name cut with … to keep one line.

        A long group name (typed, or from a mailed file) wrapped the label: "Ctrl+G" went to
        a second line and the answer box moved down (``group_line``, as the other views' headings).
        """
        if self.extras.closing_question is None:
            return
        lang = self.lang
        label = plain_text(self.extras.closing_question.get(lang), one_line=True)
        group = next((g for g in session.groups if g.id == self._group), None)
        if group is not None and len(session.groups) > 1:
            width = self.query_one("#closing-box").content_region.width
            append_group(label, group.label(lang), lang, more_groups=True, width=width, lead="   ")
        show_text(self.query_one("#closing-label", Label), label)

    def next_group(self) -> None:
        """Show the next group's closing answer."""
        session = self.session
        if not self.ready or session is None or not self.advance_group():
            return
        self._show_text_fields(session)
        self._post_position()

    def _row_now(self, row: int) -> None:
        """The note follows the grid's cursor to another row in the turn that moved it.

        The grid's ``CellHighlighted`` reaches this view only a turn of the grid's queue and
        of the view's later: Down, Tab and a note typed in one burst (keys typed ahead reach
        the app together) could reach the note while it still held the row left, and the
        note went into that row's (1 of 12 bursts through the pty). Before the first fill
        (``_detail_row`` < 0) ``show`` fills the panels itself.
        """
        if self.ready and self.session is not None and 0 <= self._detail_row != row:
            self._detail_row = row
            self._panels_later()
            self._show_text_fields(self.session)

    @on(ScoreGrid.CellHighlighted, "#grid")
    def _moved(self, event: ScoreGrid.CellHighlighted) -> None:
        # Nothing above the view takes it: bubbled on, it took a turn of the event loop at
        # each container up to the screen and the app (five) on every score typed, before
        # the screen drew the score's frame.
        event.stop()
        if not self.ready:
            return
        self._tally_buffer = None
        # The panels below describe the row: a move along it (typing a row of scores) leaves them.
        if event.coordinate.row != self._detail_row:
            self._detail_row = event.coordinate.row
            self._panels_later()
            if self.session is not None:
                self._show_text_fields(self.session)
        self._post_position()

    def _post_position(self) -> None:
        row, column = self.grid.cursor_coordinate
        self.report_position(Position(self.exercise.id, row, column, self._group))

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
