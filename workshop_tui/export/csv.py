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
``open``   one open answer from a device (anonymous), not hidden by the facilitator;
           its most frequent words are ``total`` rows (the word as the item).
``cell``   one cell of a table: the cell as ``row.column``, the group, the text
           (a choice as its label).
``review`` one of last time's actions on a follow-up day: the action as the item, its
           group, owner and due date, and in ``text`` its status (⚠ when overdue, ↻ when
           carried over) and the group's note.
``warning`` figures of the exercise not to take as they stand: an item tallied to more
           answers than the room holds, rankings made only in part; the warning in ``text``.
``left_out`` what an anonymous edition left out of the exercise (``results.edition``):
           ``owners`` or ``review_notes`` as the item, how many actions as the score, and
           in ``text`` how to put it back (``--named``, ``--notes``). The owner and note
           cells of those actions are then empty on purpose.

Only what the Summary holds is written, so the CSV shows exactly what the
Markdown and HTML show.
"""

from __future__ import annotations

import re

from workshop_tui.core.i18n import t
from workshop_tui.core.results.summary_model import ExerciseSummary, Summary
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.export.blocks import Reader, Record
from workshop_tui.export.common import left_out_line, over_room_lines
from workshop_tui.export.part_table import part_document
from workshop_tui.export.strings import CSV_COLUMNS

BOM = "\ufeff"
DELIMITERS = {"da": ";", "en": ","}
COLUMNS = CSV_COLUMNS
"""Column keys; the header row shows them in the session's language (``export.csv.<key>``)."""

Row = Record


def csv_lines(summary: Summary) -> list[str]:
    """The whole summary as CSV lines, the first the byte-order mark (``render_csv`` joins them).

    Every cell passes ``spreadsheet_safe``; a 400-person summary has some 200,000 cells
    but few distinct texts (an item's text stands on each of its score rows), so each
    distinct cell is made safe once. Rows repeat as well (anonymous scores are sorted by
    value, so an item's rows differ only where the score does): each distinct row is
    written by the ``csv`` module once and its line reused: a repeated line is the same
    ``str`` each time it stands in the list.
    """
    lang = summary.language
    line = _Lines(delimiter(lang))
    out = [BOM, line.of(tuple(header(c, lang) for c in COLUMNS), safe=False)]
    columns = frozenset(COLUMNS)
    for exercise in summary.exercises:
        defaults = tuple({"exercise_id": exercise.id, "exercise": exercise.title}.get(c, "") for c in COLUMNS)
        rows = records(exercise, lang) + left_out_records(summary, exercise.id)
        written: dict[int, str] = {}  # by the id of a record (``rows`` keeps each alive): a shared one
        for record in rows:
            text = written.get(id(record))
            if text is None:
                if not columns.issuperset(record):  # as DictWriter's extrasaction="raise" did
                    extra = sorted(set(record) - columns)
                    raise ValueError(f"dict contains fields not in fieldnames: {extra}")
                text = written[id(record)] = line.of(tuple(map(record.get, COLUMNS, defaults)))
            out.append(text)
    return out


def render_csv(summary: Summary) -> str:
    """The whole summary as CSV text, starting with the byte-order mark."""
    return "".join(csv_lines(summary))


def encode_csv(summary: Summary) -> bytes:
    """``render_csv(summary)`` as UTF-8, each distinct line encoded once.

    What a file gets (``files.export_summary``). Encoding the joined text went through every
    character of 2.5 MB for 400 people (the byte-order mark made the whole text two bytes a
    character, and the writer's pieces were narrowed again before they were encoded: ~30 M
    instructions); the lines repeat (an item's text on each of its score lines), so each
    distinct one is encoded once and the bytes joined. The same bytes (a test compares them).
    """
    lines = csv_lines(summary)
    encoded = {line: line.encode("utf-8") for line in dict.fromkeys(lines)}
    return b"".join(map(encoded.__getitem__, lines))


class _Lines:
    """Each distinct row written once as a CSV line (its cells made safe), then reused.

    A line is written as ``csv.writer`` writes it (RFC 4180, minimal quoting, quotes doubled,
    CRLF): each distinct cell is made safe and quoted once (``_QuotedCells``), and a line is
    their join. The ``csv`` module went through every character of every line it wrote, and an
    item's long text stands on each of its lines (16 of the 24 ms of a 90-exercise CSV).
    """

    def __init__(self, separator: str) -> None:
        self._separator = separator
        self._safe = _QuotedCells(separator, safe=True)
        self._plain = _QuotedCells(separator, safe=False)
        self._lines: dict[tuple[str | int, ...], str] = {}

    def of(self, cells: tuple[str | int, ...], *, safe: bool = True) -> str:
        """The line of one row (``safe``: each cell through ``spreadsheet_safe`` first)."""
        text = self._lines.get(cells) if safe else None
        if text is None:
            quoted = self._safe if safe else self._plain
            if len(cells) == 1 and quoted[cells[0]] == "":
                text = '""\r\n'  # as csv.writer writes a row of one empty cell (a bare line break is no row)
            else:
                text = self._separator.join(map(quoted.__getitem__, cells)) + "\r\n"
            if safe:
                self._lines[cells] = text
        return text


class _QuotedCells(dict[str | int, str]):
    """Each cell value as it stands in a line (made safe first when ``safe``), worked out once."""

    def __init__(self, separator: str, *, safe: bool) -> None:
        super().__init__()
        self._specials = (separator, '"', "\r", "\n")
        self._make_safe = safe

    def __missing__(self, value: str | int) -> str:
        cell = spreadsheet_safe(value) if self._make_safe else value
        text = cell if isinstance(cell, str) else str(cell)
        # csv.writer's minimal quoting: a cell holding the separator, a quote or a line break is
        # quoted, its quotes doubled.
        if any(special in text for special in self._specials):
            text = '"' + text.replace('"', '""') + '"'
        self[value] = text
        return text


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


def left_out_records(summary: Summary, exercise_id: str) -> list[Row]:
    """A ``left_out`` row for each thing the edition left out of the exercise (never a silent
    empty cell): what (``owners``, ``review_notes``) as the item, how many as the score, and
    the same sentence as "About the figures" as the text, with its warning that free text may
    still name people (a CSV has no such section)."""
    lang = summary.language
    warning = t("export.about.free_text", lang)
    return [
        {
            "type": "left_out",
            "item_id": item.what,
            "item": item.what,
            "score": item.count,
            "text": f"{left_out_line(item, lang)} {warning}",
        }
        for item in summary.left_out
        if item.exercise_id == exercise_id
    ]


def records(exercise: ExerciseSummary, lang: str) -> list[Row]:
    """Every row of one exercise without its id and title (the renderer adds them): scores
    first, then texts, in the summary's order."""
    out = list(part_document(exercise.part, Reader(lang)).make_records())
    scored = exercise.scored
    if scored is not None:  # what "Om tallene" warns of, as Markdown and HTML do (room25)
        out += [{"type": "warning", "text": line} for line in over_room_lines(scored, lang)]
    if exercise.facilitator_note:
        out.append({"type": "facilitator_note", "text": exercise.facilitator_note})
    return out
