"""The view for tables (e.g. the stakeholder analysis): rows of cells, one table per group.

A text column is an input, a choice column a select of its options; every cell is
saved as it changes, under the group's texts as ``row.column`` (the same store
the reflection sheets use). Ctrl+G switches group.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.tables import TableBody
from workshop_tui.core.model import Session
from workshop_tui.core.model.exercise import cell_key
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.plain import plain, plain_text
from workshop_tui.tui.views.base import GroupTextsView, session_edit, typing
from workshop_tui.tui.views.group_line import append_group
from workshop_tui.tui.widgets.entry import EntryInput, EntrySelect, FieldEdited
from workshop_tui.tui.widgets.text_panel import show_text

HEADING_INDENT = 3
"""Cells before a column heading: where the text starts in the field below it (border and padding)."""


class Heading(Label):
    """A column heading that keeps its whole words: broken after "/", then without the indent.

    At 80 columns the headings were cut to their cells ("Stakehold", "Active/passiv",
    "Positive/negati"). A heading that does not fit goes onto two lines after its "/"
    ("Active/" "passive"); one that still does not fit loses its indent (3 cells, there to
    line it up with the text in the field below). Wide, they read on one line as before.
    Fitted on every resize of its own (the table's scrollbar coming narrows it, too).
    """

    def __init__(self, text: str, **kwargs: object) -> None:
        super().__init__(Content(text), **kwargs)  # type: ignore[arg-type]
        self.heading = text

    def on_resize(self, event: events.Resize) -> None:
        room = self.outer_size.width - HEADING_INDENT
        if room <= 0:
            return
        text = self.heading
        lines = text.replace("/", "/\n").split("\n") if len(text) > room else [text]
        indent = HEADING_INDENT if max(len(line) for line in lines) <= room else 1
        if self.styles.padding.left != indent:
            self.styles.padding = (0, 0, 0, indent)
        shown = "\n".join(lines)
        if str(self.content) != shown:
            self.update(Content(shown))


class TableView(GroupTextsView):
    """Instructions on top, then a header and one line of cells per row, per group."""

    DEFAULT_CSS = """
    TableView #table-head { height: auto; padding: 0 1; }
    TableView #table-body { height: 1fr; padding: 0 1; }
    TableView .table-row { height: auto; }
    TableView .table-row Label { width: 4; padding: 1 1 0 0; }
    TableView .table-header { height: auto; color: $accent; text-style: bold; }
    TableView .table-header Label { padding: 0 0 0 3; }
    TableView .table-header .row-number { width: 4; padding: 0 1 0 0; }
    TableView .text-cell { width: 2fr; }
    TableView .choice-cell { width: 1fr; min-width: 16; }
    """

    @property
    def table(self) -> TableBody:
        """The exercise's columns, rows and instructions."""
        return self.exercise.body_as(TableBody)

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(id="table-head")
        with VerticalScroll(id="table-body", can_focus=False):
            with Horizontal(classes="table-header"):
                yield Label("#", classes="row-number")
                for column in self.table.columns:
                    css = "choice-cell" if column.is_choice else "text-cell"
                    yield Heading(plain(column.label.get(lang), one_line=True).plain, classes=css)
            for row in range(1, self.table.rows + 1):
                with Horizontal(classes="table-row"):
                    yield Label(f"{row}.")
                    for index in range(len(self.table.columns)):
                        yield self._cell(row, index)

    def _cell(self, row: int, index: int) -> Widget:
        column = self.table.columns[index]
        cell_id = f"cell-{row}-{index}"
        if column.is_choice:
            options = [(plain_text(o.label.get(self.lang), one_line=True), o.id) for o in column.options]
            return EntrySelect(
                options, prompt=t("tui.table.pick", self.lang), id=cell_id, classes="choice-cell"
            )
        return EntryInput(id=cell_id, classes="text-cell", placeholder=column.label.get(self.lang))

    def focus_main(self) -> None:
        if self.ready and self.table.rows and self.table.columns:
            self.take_keyboard(self.query_one("#cell-1-0"))

    def _fill_head(self, session: Session) -> None:
        lang, exercise, table = self.lang, self.exercise, self.table
        group = next((g for g in session.groups if g.id == self._group), None)
        head = Text()
        if exercise.prompt is not None:
            head.append(exercise.prompt.get(lang) + "\n", style="bold")
        for instruction in table.instructions:
            head.append(f"{instruction.get(lang)}\n", style="dim")
        if group is not None:
            width = self.query_one("#table-head", Static).content_region.width
            append_group(head, group.label(lang), lang, more_groups=len(session.groups) > 1, width=width)
        elsewhere = self.writing_elsewhere(session)
        if elsewhere is not None:
            head.append("   ")
            head.append_text(elsewhere)
        show_text(self.query_one("#table-head", Static), head)

    def _fill_fields(self, session: Session) -> None:
        exercise, table, group = self.exercise, self.table, self._group
        texts = session.answers_for(exercise.id).texts.get(group, {})
        for row in range(1, table.rows + 1):
            for index, column in enumerate(table.columns):
                field = ("cell", group, str(row), column.id)
                value = texts.get(cell_key(row, column.id), "")
                if column.is_choice:
                    self.query_one(f"#cell-{row}-{index}", EntrySelect).load(
                        field, value, gently=self._gently
                    )
                else:
                    self.query_one(f"#cell-{row}-{index}", EntryInput).load(field, value, gently=self._gently)

    @on(FieldEdited)
    def _changed(self, event: FieldEdited) -> None:
        event.stop()
        kind, group, row, column = event.field
        if kind != "cell" or not group:
            return
        merge = f"cell:{self.exercise.id}:{group}:{row}:{column}"
        if next(c for c in self.table.columns if c.id == column).is_choice:
            # A choice is picked, not typed: the last pick holds.
            edit = session_edit(Session.with_cell, self.exercise.id, group, int(row), column, event.value)
            self.request_edit(EditRequested(edit, merge=merge))
        else:  # typed over ``event.before``: words a device wrote there meanwhile are kept
            key = f"t:{cell_key(int(row), column)}"
            self.request_edit(typing(self.exercise.id, group, key, event, merge))
