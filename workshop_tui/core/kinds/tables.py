"""Tables: table, rows each group fills in, with free-text and choice columns.

A cell is a group text keyed ``row.column`` (``cell_key``); a choice cell holds one of
its column's option ids. A matrix (e.g. aktiv/passiv × positiv/negativ in a
stakeholder analysis) crosses two choice columns and lists a text column in each
cell. A table is done when every group has written at least one cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_tui.core.i18n import Phrase, phrase, t
from workshop_tui.core.kinds.schema import (
    instructions_dict,
    put_texts,
    read_instructions,
    text_table,
)
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Text
from workshop_tui.core.model.exercise import Body, WriteField, cell_key
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.storage.reader import Reader, check_id, duplicates

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import (
        MatrixPart,
        TablePart,
        TableRow,
    )

MAX_ROWS = 50


@dataclass(frozen=True)
class Option:
    """One answer a choice column of a table offers (e.g. ``aktiv``)."""

    id: str
    label: Text
    check: bool = False
    """Counts as a tick in the row's check count (e.g. ``ja`` in a SMART check)."""


@dataclass(frozen=True)
class Column:
    """One column of a table: free text, or a choice among ``options``."""

    id: str
    label: Text
    options: tuple[Option, ...] = ()

    @property
    def is_choice(self) -> bool:
        """Whether the cell is picked from ``options`` rather than typed."""
        return bool(self.options)

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Matrix:
    """A cross-table of two choice columns listing the rows' ``label`` column in each cell.

    The stakeholder analysis uses it for aktiv/passiv × positiv/negativ.
    """

    rows: str
    columns: str
    label: str


@dataclass(frozen=True)
class TableBody(Body):
    """A table: at most ``rows`` rows of ``columns``, an optional matrix, heading and instructions."""

    scored = False
    rows: int
    columns: tuple[Column, ...]
    heading: Text | None = None
    matrix: Matrix | None = None
    instructions: tuple[Text, ...] = ()

    def text_keys(self, exercise: Exercise) -> frozenset[str]:
        """Every cell, ``row.column``."""
        return frozenset(cell_key(row, c.id) for row in range(1, self.rows + 1) for c in self.columns)

    def write_fields(self, exercise: Exercise) -> tuple[WriteField, ...]:
        """Every cell, row by row: a choice column as its options, any other as a line."""
        return tuple(
            WriteField(
                key=f"t:{cell_key(row, column.id)}",
                label=column.label,
                shape="choice" if column.is_choice else "line",
                options=tuple((o.id, o.label) for o in column.options),
                section=Text(t("phone.write.row", "da", n=row), t("phone.write.row", "en", n=row))
                if index == 0
                else None,
            )
            for row in range(1, self.rows + 1)
            for index, column in enumerate(self.columns)
        )

    def check_text(self, exercise: Exercise, key: str, text: str) -> None:
        """Refuse a cell outside the table or a choice that is not one of the column's options.

        Raises:
            ScoreError: an unknown cell or option.
        """
        if key not in self.text_keys(exercise):
            raise ScoreError("cell.unknown", exercise=exercise.id, cell=key)
        if not text:
            return
        column_id = key.partition(".")[2]
        column = next(c for c in self.columns if c.id == column_id)
        if column.is_choice and column.option(text) is None:
            choices = ", ".join(o.id for o in column.options)
            raise ScoreError("cell.option", text=text, column=column_id, choices=choices)

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Every group has written at least one cell."""
        return all(any(t.strip() for t in answers.texts.get(group, {}).values()) for group in groups)

    def text_key_rule(self, exercise: Exercise) -> Phrase:
        """What a cell key looks like in this table, for a session file's problem."""
        columns = ", ".join(c.id for c in self.columns)
        return phrase("problems.fix.table_cell", rows=self.rows, columns=columns)


def read_table(reader: Reader) -> Read:
    """The heading, the most rows, the columns (with their options), the matrix, the instructions."""
    heading = reader.text("heading", required=False)
    rows = reader.integer("rows", minimum=1, maximum=MAX_ROWS)
    columns = _columns(reader)
    matrix = _matrix(reader, columns)
    body = TableBody(rows, columns, heading, matrix, read_instructions(reader))
    return Read(body)


def _columns(reader: Reader) -> tuple[Column, ...]:
    found = []
    for sub in reader.tables("columns"):
        column_id = sub.string("id")
        check_id(sub, "id", column_id)
        options = []
        for opt in sub.tables("options", required=False):
            option_id = opt.string("id")
            check_id(opt, "id", option_id)
            options.append(
                Option(option_id, opt.text("label") or Text(""), opt.boolean("check", required=False))
            )
            opt.finish()
        if len(options) == 1:
            sub.problems.add(sub.key("options"), "problems.what.one_option", "problems.fix.two_options")
        for dup in duplicates(o.id for o in options):
            sub.problems.add(
                sub.key("options"),
                "problems.what.id_twice",
                "problems.fix.own_id",
                value=repr(dup),
                noun=phrase("problems.noun.option"),
            )
        found.append(Column(column_id, sub.text("label") or Text(""), tuple(options)))
        sub.finish()
    for dup in duplicates(c.id for c in found):
        reader.problems.add(
            reader.key("columns"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.column"),
        )
    return tuple(found)


def _matrix(reader: Reader, columns: tuple[Column, ...]) -> Matrix | None:
    sub = reader.table("matrix", required=False)
    if sub is None:
        return None
    by_id = {c.id: c for c in columns}
    choices = ", ".join(c.id for c in columns if c.is_choice) or "(none)"
    texts = ", ".join(c.id for c in columns if not c.is_choice) or "(none)"
    matrix = Matrix(sub.string("rows"), sub.string("columns"), sub.string("label"))
    for name in ("rows", "columns"):
        value = getattr(matrix, name)
        column = by_id.get(value)
        if value and (column is None or not column.is_choice):
            sub.problems.add(
                sub.key(name),
                "problems.what.not_choice",
                "problems.fix.use_one_of",
                value=repr(value),
                choices=choices,
            )
    if matrix.rows and matrix.rows == matrix.columns:
        sub.problems.add(sub.key("columns"), "problems.what.same_column", "problems.fix.two_columns")
    label = by_id.get(matrix.label)
    if matrix.label and (label is None or label.is_choice):
        sub.problems.add(
            sub.key("label"),
            "problems.what.not_text",
            "problems.fix.use_one_of",
            value=repr(matrix.label),
            choices=texts,
        )
    sub.finish()
    return matrix


def write_table(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_table`` reads."""
    body = exercise.body_as(TableBody)
    out = put_texts({}, heading=body.heading) | instructions_dict(body.instructions)
    out["rows"] = body.rows
    out["columns"] = [_column_dict(c) for c in body.columns]
    if body.matrix is not None:
        m = body.matrix
        out["matrix"] = {"rows": m.rows, "columns": m.columns, "label": m.label}
    return out


def _column_dict(column: Column) -> dict[str, Any]:
    out: dict[str, Any] = {"id": column.id, "label": text_table(column.label)}
    if column.options:
        out["options"] = [
            {"id": o.id, "label": text_table(o.label), **({"check": True} if o.check else {})}
            for o in column.options
        ]
    return out


def table_summary(given: SummaryInput) -> TablePart:
    """Each group's filled-in rows (choices as their labels) and, if asked for, its matrix."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import GroupTable, TableColumn, TablePart, TableRow

    body, lang = given.exercise.body_as(TableBody), given.lang
    columns = tuple(
        TableColumn(c.id, c.label.get(lang), c.is_choice, any(o.check for o in c.options))
        for c in body.columns
    )
    checkable = sum(1 for c in columns if c.checkable)
    groups = []
    for group in given.session.groups:
        texts = given.answers.texts.get(group.id, {})
        rows = []
        for number in range(1, body.rows + 1):
            raw = [texts.get(cell_key(number, c.id), "").strip() for c in body.columns]
            if not any(raw):
                continue
            cells = []
            checks = 0
            for column, value in zip(body.columns, raw, strict=True):
                option = column.option(value) if column.is_choice else None
                cells.append(option.label.get(lang) if option is not None else value)
                checks += 1 if option is not None and option.check else 0
            rows.append(TableRow(number, tuple(cells), checks if checkable else None))
        groups.append(GroupTable(group.label(lang), tuple(rows), _matrix_part(body, texts, rows, lang)))
    return TablePart(
        heading=given.text(body.heading),
        instructions=tuple(t.get(lang) for t in body.instructions),
        columns=columns,
        groups=tuple(groups),
        checkable=checkable,
    )


def _matrix_part(
    body: TableBody, texts: Mapping[str, str], rows: Sequence[TableRow], lang: str
) -> MatrixPart | None:
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import MatrixPart

    matrix = body.matrix
    if matrix is None:
        return None
    by_id = {c.id: c for c in body.columns}
    across, down, label = by_id[matrix.columns], by_id[matrix.rows], by_id[matrix.label]
    cells: list[list[list[str]]] = [[[] for _ in across.options] for _ in down.options]
    for row in rows:
        r = _option_index(down.options, texts.get(cell_key(row.number, down.id), ""))
        c = _option_index(across.options, texts.get(cell_key(row.number, across.id), ""))
        name = texts.get(cell_key(row.number, label.id), "").strip()
        if r is not None and c is not None and name:
            cells[r][c].append(name)
    return MatrixPart(
        row_label=down.label.get(lang),
        column_label=across.label.get(lang),
        row_options=tuple(o.label.get(lang) for o in down.options),
        column_options=tuple(o.label.get(lang) for o in across.options),
        cells=tuple(tuple(tuple(names) for names in line) for line in cells),
    )


def _option_index(options: Sequence[Option], value: str) -> int | None:
    return next((i for i, o in enumerate(options) if o.id == value), None)


SPECS = (KindSpec("table", TableBody, read_table, write_table, table_summary),)
"""The kinds of this family, for the registry."""
