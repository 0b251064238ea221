"""A session summary as CSV: one row per score and one per written answer.

UTF-8 with a byte-order mark, so that Excel shows æøå correctly, and CRLF line
ends as in RFC 4180. The separator follows the session's language: a semicolon
for Danish (Danish Excel splits columns on ";" when a file is double-clicked)
and a comma for English. The columns are the same for every row; ``type`` says what
a row is, so a spreadsheet can filter the scores out of the texts:

``score``  one score: exercise, item, participant, score. Anonymous (the default):
           the participant cell is empty and an item's scores are sorted by value,
           item by item, so one person's answers cannot be lined up across items.
           Named (``--named``): the participant's name. Tallied scores carry the
           participant label ``tally``.
``withheld`` an item whose scores are not shown (too few answers, or a blind
           exercise never revealed); the reason is in ``text``, no score.
``note``, ``closing``, ``reflection``, ``challenge``, ``action``,
``facilitator_note``  written answers, with the group where there is one;
           actions have their owner and due date in their own columns (the due
           column holds only an ISO date such as 2027-01-20).
``due_text`` an action's due written as text, not as a date ("uge 14"), as text.
``total``  a vote's dots on one option (each person's dots are ``score`` rows).
``zone``   how many people placed themselves in a zone of a two-axis exercise.
``gap``    a paired item's gap (left − right) as text, e.g. ``+1,25``.
``cell``   one cell of a table: the cell as ``row.column``, the group, the text
           (a choice as its label).
``review`` one of last time's actions on a follow-up day: the action as the item, its
           group, owner and due date, and in ``text`` its status (⚠ when overdue, ↻ when
           carried over) and the group's note.

Only what the Summary holds is written, so the CSV shows exactly what the
Markdown and HTML show.
"""

from __future__ import annotations

import csv
import io
import re

from workshop_tui.core.i18n import t
from workshop_tui.core.results.summary_model import ExerciseSummary, Summary
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.export.blocks import Reader, Record
from workshop_tui.export.part_table import part_document

BOM = "\ufeff"
DELIMITERS = {"da": ";", "en": ","}
COLUMNS = (
    "type",
    "exercise_id",
    "exercise",
    "item_id",
    "item",
    "participant",
    "group",
    "score",
    "text",
    "owner",
    "due",
)
"""Column keys; the header row shows them in the session's language."""

Row = Record


def render_csv(summary: Summary) -> str:
    """The whole summary as CSV text, starting with the byte-order mark."""
    lang = summary.language
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        fieldnames=COLUMNS,
        delimiter=delimiter(lang),
        lineterminator="\r\n",
        extrasaction="raise",
    )
    writer.writerow({c: header(c, lang) for c in COLUMNS})
    for exercise in summary.exercises:
        for row in rows(exercise, lang):
            writer.writerow({c: spreadsheet_safe(row.get(c, "")) for c in COLUMNS})
    return BOM + buffer.getvalue()


_FORMULA_START = re.compile(r"\s*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]")
"""What a spreadsheet may read as the start of a formula (OWASP's list, after leading blanks,
and the full-width forms some spreadsheets accept as well)."""
_PLAIN_NUMBER = re.compile(r"[+\-\u2212]?[0-9]+(?:[.,][0-9]+)?")


def spreadsheet_safe(value: str | int) -> str | int:
    """A cell that a spreadsheet shows as text, never runs as a formula (CSV injection).

    Names, group names and answers come from the room; ``=HYPERLINK(…)`` or ``@SUM(…)``
    written as they are would run when the file is opened in Excel. As OWASP recommends, a
    text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (also after
    leading blanks) gets a single quote in front. Numbers stay numbers: whole numbers are
    written as such, and a text that is just a signed number (a gap such as ``-1,25``) is no
    formula, so it is left alone. Escape sequences and other control characters are taken
    out (``text_safety.for_terminal``): a CSV file is also read with ``cat``.
    """
    if isinstance(value, str):
        value = for_terminal(value, multiline=True)
    if not isinstance(value, str) or not _FORMULA_START.match(value) or _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def delimiter(lang: str) -> str:
    """The column separator a spreadsheet in that language expects."""
    return DELIMITERS.get(lang, ",")


def header(column: str, lang: str) -> str:
    """The heading of a column in the session's language."""
    return t(f"export.csv.{column}", lang)


def rows(exercise: ExerciseSummary, lang: str) -> list[Row]:
    """Every row of one exercise, scores first, then texts, in the summary's order."""
    base: Row = {"exercise_id": exercise.id, "exercise": exercise.title}
    out = [{**base, **record} for record in part_document(exercise.part, Reader(lang)).records]
    if exercise.facilitator_note:
        out.append({**base, "type": "facilitator_note", "text": exercise.facilitator_note})
    return out
