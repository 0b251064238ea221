"""The summary parts of the kinds groups write in: reflection sheets, action lists, tables.

Frozen dataclasses, no logic; :mod:`workshop_tui.core.results.summary_model` holds the rest
of a summary and re-exports these, so readers import every part from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.model import Action


@dataclass(frozen=True)
class GroupText:
    """A group's (or table's) written answer."""

    group: str
    text: str


@dataclass(frozen=True)
class BoxSummary:
    """One reflection box: its question and every group's answer."""

    number: int
    title: str
    question: str
    subquestions: tuple[str, ...]
    """``"a) …"`` lines."""
    answers: tuple[GroupText, ...]
    """One per group, in group order; the text is empty when the group wrote nothing."""


@dataclass(frozen=True)
class ReflectionPart:
    """The answers to a ``reflection_sheet``."""

    heading: str
    boxes: tuple[BoxSummary, ...]


@dataclass(frozen=True)
class GroupActions:
    """A group's chosen challenge and its (non-empty) trial actions."""

    group: str
    challenge: str
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class ActionPart:
    """The answers to an ``action_list``."""

    action_label: str
    challenge_prompt: str
    instructions: tuple[str, ...]
    groups: tuple[GroupActions, ...]
    owners_shown: bool = True
    """False when the edition leaves owners out (``results.edition``): no owner column."""
    owners_left_out: int = 0
    """How many actions had an owner that this edition leaves out."""


@dataclass(frozen=True)
class TableColumn:
    """A column of a table exercise."""

    id: str
    label: str
    choice: bool = False
    checkable: bool = False
    """Its options include one that counts as a check."""


@dataclass(frozen=True)
class TableRow:
    """One filled-in row of a group's table, cells in column order (choices as labels)."""

    number: int
    cells: tuple[str, ...]
    checks: int | None = None
    """How many cells hold a checking option (None when the table has none)."""


@dataclass(frozen=True)
class MatrixPart:
    """A group's rows cross-tabulated by two choice columns, listing their labels per cell."""

    row_label: str
    column_label: str
    row_options: tuple[str, ...]
    column_options: tuple[str, ...]
    cells: tuple[tuple[tuple[str, ...], ...], ...]
    """cells[r][c] = the labels of the rows with row option r and column option c."""


@dataclass(frozen=True)
class GroupTable:
    """One group's table."""

    group: str
    rows: tuple[TableRow, ...]
    matrix: MatrixPart | None = None


@dataclass(frozen=True)
class TablePart:
    """The answers to a ``table``: one table per group."""

    heading: str
    instructions: tuple[str, ...]
    columns: tuple[TableColumn, ...]
    groups: tuple[GroupTable, ...]
    checkable: int = 0
    """How many columns can hold a check (the denominator of a row's check count)."""


@dataclass(frozen=True)
class OpenAnswer:
    """One open answer from a device: its text and where it stands (``new``, ``shown``, ``hidden``)."""

    text: str
    state: str


@dataclass(frozen=True)
class OpenAnswersPart:
    """The room's open answers ("Hvad tager du med hjem?"), anonymous, in the order they came.

    ``answers`` holds every answer the facilitator has not hidden (new and shown); the
    wall shows only ``shown`` ones and ``wall_words``; the exports list ``answers`` and
    ``words`` and say how many were hidden, never their text.
    """

    question: str
    answers: tuple[OpenAnswer, ...]
    hidden: int
    words: tuple[tuple[str, int], ...]
    """The most frequent words of ``answers`` (``core.results.words``), with how many answers use each."""
    wall_words: tuple[tuple[str, int], ...]
    """The same, of the shown answers only: what the wall may show."""

    @property
    def shown(self) -> tuple[str, ...]:
        """The texts the facilitator has put on the wall."""
        return tuple(a.text for a in self.answers if a.state == "shown")
