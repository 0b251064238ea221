"""The faster CSV writer and Markdown escape give byte for byte what the plain ones gave.

The references below are the renderers as they were before issue 15's export work (a
``csv.writer`` row per record, each record merged with its exercise's id and title; a walk
of every value of the summary), run on the large sessions of the benchmark: 400 people
(17,000 scores) and 90 exercises of every kind, anonymous and named with notes.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Any

import pytest

from benchmarks.large_session import large_session, many_exercises
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.summary_model import Summary
from workshop_tui.export.blocks import Reader
from workshop_tui.export.common import over_room_lines
from workshop_tui.export.csv import (
    BOM,
    COLUMNS,
    delimiter,
    encode_csv,
    header,
    left_out_records,
    render_csv,
    spreadsheet_safe,
)
from workshop_tui.export.markdown_escape import KEEP, MULTILINE, MULTILINE_FIELDS, markdown_safe, md_text
from workshop_tui.export.part_table import part_document


def reference_csv(summary: Summary) -> str:
    lang = summary.language
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter(lang), lineterminator="\r\n")
    writer.writerow([header(c, lang) for c in COLUMNS])
    for exercise in summary.exercises:
        base = {"exercise_id": exercise.id, "exercise": exercise.title}
        rows = [{**base, **r} for r in part_document(exercise.part, Reader(lang)).records]
        if exercise.scored is not None:  # room25: what md/html warn of, as a row
            rows += [{**base, "type": "warning", "text": w} for w in over_room_lines(exercise.scored, lang)]
        if exercise.facilitator_note:
            rows.append({**base, "type": "facilitator_note", "text": exercise.facilitator_note})
        rows += [{**base, **r} for r in left_out_records(summary, exercise.id)]
        for row in rows:
            assert set(row) <= set(COLUMNS)
            writer.writerow([spreadsheet_safe(row.get(c, "")) for c in COLUMNS])
    return BOM + buffer.getvalue()


def reference_escape(value: Any, owner: str = "", name: str = "") -> Any:
    if isinstance(value, str):
        if name in KEEP:
            return value
        return md_text(value, multiline=(owner, name) in MULTILINE or name in MULTILINE_FIELDS)
    if isinstance(value, tuple):
        return tuple(reference_escape(v, owner, name) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value).__name__
        changes = {
            f.name: reference_escape(getattr(value, f.name), kind, f.name)
            for f in dataclasses.fields(value)
            if f.init and f.name not in KEEP
        }
        return dataclasses.replace(value, **changes)
    return value


@pytest.fixture(scope="module", params=["400 people", "90 exercises"])
def big(request: pytest.FixtureRequest) -> Any:
    if request.param == "400 people":
        return large_session(participants=400, session_id="people-400")
    return many_exercises(90)


@pytest.mark.parametrize("named", [False, True])
def test_the_csv_of_a_large_session_is_what_the_plain_writer_wrote(big: Any, named: bool) -> None:
    summary = build_summary(big, include_notes=named, named=named)
    assert render_csv(summary) == reference_csv(summary)
    assert encode_csv(summary) == reference_csv(summary).encode("utf-8")  # what the file gets


@pytest.mark.parametrize("named", [False, True])
def test_the_html_file_of_a_large_session_is_the_html_text_encoded(big: Any, named: bool) -> None:
    from workshop_tui.export.html import encode_html, render_html

    summary = build_summary(big, include_notes=named, named=named)
    assert encode_html(summary) == render_html(summary).encode("utf-8")


def test_a_csv_file_holds_what_the_csv_text_encodes(tmp_path: Any, demo: Any) -> None:
    """The files are written from ``encode_csv`` (each distinct line encoded once) and ``encode_html``
    (each section apart): the same bytes as the texts."""
    from workshop_tui.export.files import export_summary
    from workshop_tui.export.html import render_html

    summary = build_summary(demo, named=True, include_notes=True)
    (path, page) = export_summary(summary, ["csv", "html"], tmp_path)
    assert path.read_bytes() == render_csv(summary).encode("utf-8")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert page.read_bytes() == render_html(summary).encode("utf-8")


@pytest.mark.parametrize("named", [False, True])
def test_the_markdown_escape_of_a_large_summary_is_what_the_plain_walk_made(big: Any, named: bool) -> None:
    summary = build_summary(big, include_notes=named, named=named)
    assert markdown_safe(summary) == reference_escape(summary)


def test_hostile_texts_in_scores_are_still_escaped() -> None:
    """The shortcut for a tuple of plain records checks each distinct text: one that needs an
    escape sends the whole tuple through the walk."""
    session = large_session(participants=12, session_id="hostile")
    summary = build_summary(session, named=True)
    exercise = summary.exercises[0]
    part: Any = exercise.part
    item = part.items[0]
    scores = tuple(
        dataclasses.replace(s, label="<b>|x|</b>") if i == 3 else s for i, s in enumerate(item.scores)
    )
    items = (dataclasses.replace(item, scores=scores), *part.items[1:])
    hostile = dataclasses.replace(
        summary, exercises=(dataclasses.replace(exercise, part=dataclasses.replace(part, items=items)),)
    )
    escaped = markdown_safe(hostile)
    assert escaped == reference_escape(hostile)
    labels = [s.label for s in escaped.exercises[0].part.items[0].scores]  # type: ignore[union-attr]
    assert "&lt;b&gt;\\|x\\|&lt;/b&gt;" in labels


def test_the_html_escape_is_the_standard_librarys() -> None:
    """``html_text.escape`` (written out, so an export need not import ``html``) is ``html.escape``."""
    import html

    from workshop_tui.export.html_text import escape

    for text in ["", "plain", "a & b < c > d \" e ' f", "&amp;", "<<&&>>\"\"''", "æøå – \u2028 \x00"]:
        assert escape(text) == html.escape(text, quote=True)


def _plain_md_text(text: str, *, multiline: bool = False) -> str:
    """``md_text`` as it was before its shortcuts: both expressions run on every text."""
    import re

    from workshop_tui.core.text_safety import for_terminal
    from workshop_tui.export import markdown_escape as escape

    text = for_terminal(text, multiline=True)
    lines = [line.rstrip() for line in text.splitlines()] if multiline else [" ".join(text.split())]
    text = "\n".join(lines)
    text = re.sub(r"[\\`*_\[\]|~&<>]", lambda m: escape._HTML.get(m.group(), "\\" + m.group()), text)
    return (escape._LINE_STARTS if multiline else escape._LINE_START).sub(escape._line_start, text)


def test_md_text_shortcuts_give_what_both_expressions_gave() -> None:
    """The shortcuts (no inline expression without one of its characters, no line-start one
    unless a line starts with a character it acts on) change no text: random texts of the very
    characters involved, one-line and multiline."""
    import random

    pieces = [*"ab #=-+*_`[]|~&<>\\09.)", " ", "\t", "\n", "\r\n", "\u2028", "\x0b", "\x85", "- ", "1. "]
    pieces += ["  #", "\n-", "\n  +x", "æø", "\x1b[31m", "\x1b]0;x\x07"]
    rng = random.Random(15)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for multiline in (False, True):
            assert md_text(text, multiline=multiline) == _plain_md_text(text, multiline=multiline), text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_csv_line_is_what_csv_writer_writes(lang: str) -> None:
    """The renderer's own lines (each distinct cell quoted once, then joined) are ``csv.writer``'s:
    random rows of the characters that decide quoting (both separators, quotes, line breaks,
    blanks, formula starts), numbers and empty cells, and a row of one empty cell."""
    import random

    from workshop_tui.export.csv import _Lines

    pieces = [*"ab;,\"'\r\n =+-@\t|", "æø", "\u2028", "\x1b[2J", "-1,25", "=SUM(A1)", ""]
    rng = random.Random(15)
    lines = _Lines(delimiter(lang))
    for _ in range(5_000):
        row: tuple[str | int, ...] = tuple(
            rng.randint(-3, 12)
            if rng.random() < 0.2
            else "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 14))
        )
        for safe in (True, False):
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=delimiter(lang), lineterminator="\r\n").writerow(
                [spreadsheet_safe(cell) for cell in row] if safe else row
            )
            assert lines.of(row, safe=safe) == buffer.getvalue(), row
    for safe in (True, False):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter(lang), lineterminator="\r\n").writerow([""])
        assert lines.of(("",), safe=safe) == buffer.getvalue() == '""\r\n'
