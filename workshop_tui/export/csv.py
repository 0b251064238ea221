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

Only what the Summary holds is written, so the CSV shows exactly what the
Markdown and HTML show.
"""

from __future__ import annotations

import csv
import io
import re

from workshop_tui.core.i18n import t
from workshop_tui.core.results.rules import iso_date
from workshop_tui.core.results.summary_model import ExerciseSummary, ScoredPart, Summary, TablePart, VotePart
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.export.common import status_text, undated, vote_count
from workshop_tui.export.strings import signed

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

Row = dict[str, str | int]


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
    out: list[Row] = []
    if exercise.scored is not None:
        part = exercise.scored
        for item in part.items:
            where = {**base, "item_id": item.id, "item": item.text}
            if item.status in ("too_few", "blind"):
                out.append({**where, "type": "withheld", "text": status_text(item, lang)})
            out += [{**where, "type": "score", "participant": s.label, "score": s.value} for s in item.scores]
        for item in part.items:
            if item.note:
                out.append({**base, "type": "note", "item_id": item.id, "item": item.text, "text": item.note})
        out += [
            {
                **base,
                "type": "closing",
                "item_id": "closing",
                "item": part.closing_question or t("export.csv.closing", lang),
                "group": answer.group,
                "text": answer.text,
            }
            for answer in part.closing
        ]
    if exercise.reflection is not None:
        out += [
            {
                **base,
                "type": "reflection",
                "item_id": str(box.number),
                "item": box.title,
                "group": answer.group,
                "text": answer.text,
            }
            for box in exercise.reflection.boxes
            for answer in box.answers
            if answer.text
        ]
    if exercise.actions is not None:
        part_a = exercise.actions
        label = part_a.action_label or t("export.action", lang)
        for group in part_a.groups:
            if group.challenge:
                out.append(
                    {
                        **base,
                        "type": "challenge",
                        "item_id": "challenge",
                        "item": part_a.challenge_prompt or t("export.challenge", lang),
                        "group": group.group,
                        "text": group.challenge,
                    }
                )
            out += [
                {
                    **base,
                    "type": "action",
                    "item_id": f"action-{i}",
                    "item": f"{label} {i}",
                    "group": group.group,
                    "text": a.text,
                    "owner": a.owner,
                    "due": day.isoformat() if (day := iso_date(a.due)) else "",
                }
                for i, a in enumerate(group.actions, start=1)
            ]
            out += [
                {
                    **base,
                    "type": "due_text",
                    "item_id": f"action-{i}",
                    "item": f"{label} {i}",
                    "group": group.group,
                    "text": text,
                }
                for i, text in undated(group.actions)
            ]
    if exercise.scored is not None:
        out += _scored_extras(exercise.scored, base, lang)
    if exercise.votes is not None:
        out += _votes(exercise.votes, base, lang)
    if exercise.table is not None:
        out += _table(exercise.table, base)
    if exercise.facilitator_note:
        out.append({**base, "type": "facilitator_note", "text": exercise.facilitator_note})
    return out


def _scored_extras(part: ScoredPart, base: Row, lang: str) -> list[Row]:
    """A paired rating's gaps and a placement's zone counts."""
    out: list[Row] = []
    if part.pairs is not None:
        for pair in part.pairs.rows:
            if pair.gap is not None:
                row: Row = {**base, "type": "gap", "item_id": pair.id, "item": pair.text}
                out.append({**row, "text": signed(pair.gap, lang)})
    placement = part.placement
    if placement is not None and placement.status == "shown":
        for zone in placement.zones:
            out.append({**base, "type": "zone", "item_id": zone.id, "item": zone.label, "score": zone.count})
    return out


def _votes(part: VotePart, base: Row, lang: str) -> list[Row]:
    """Each person's dots per option (score rows) and each option's total, or why they are withheld."""
    out: list[Row] = []
    for option in part.options:
        where = {**base, "item_id": option.id, "item": option.text}
        if part.status in ("too_few", "blind"):
            out.append({**where, "type": "withheld", "text": vote_count(part, lang)})
            continue
        out += [{**where, "type": "score", "participant": s.label, "score": s.value} for s in option.scores]
        if part.shown:
            out.append({**where, "type": "total", "score": option.dots})
    return out


def _table(part: TablePart, base: Row) -> list[Row]:
    """One row per filled-in cell, in group, row and column order."""
    out: list[Row] = []
    for group in part.groups:
        for row in group.rows:
            for column, text in zip(part.columns, row.cells, strict=True):
                if text:
                    key = f"{row.number}.{column.id}"
                    cell: Row = {**base, "type": "cell", "item_id": key, "item": column.label}
                    out.append({**cell, "group": group.group, "text": text})
    return out
