"""The exports' renderer table: every kind's part becomes blocks and records, and the blocks draw.

The Markdown and HTML renderers only know blocks; these tests pin what each block looks
like, so a new kind built from them reads like the rest of the export. Strict mypy is
run on a renderer that misses a part, to show that the union makes it an error.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workshop_tui.core.model import KINDS
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.summary_model import GroupText
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.blocks import Answers, Bar, Bars, Bullets, Heading, Paragraph, Reader, Table
from workshop_tui.export.html import html_block
from workshop_tui.export.markdown import markdown_block
from workshop_tui.export.part_table import part_document

REPO = Path(__file__).resolve().parents[2]


def test_every_kind_has_a_document_in_the_table(library: Library) -> None:
    session = new_session(
        title="Alle",
        date="2026-11-24",
        exercises=list(library.exercises.values()),
        participants=["Anne", "Bo"],
        groups=["G1"],
        timestamp="2026-11-24T09:00:00+00:00",
    )
    summary = build_summary(session)
    assert {x.kind for x in summary.exercises} == set(KINDS)
    for exercise in summary.exercises:
        document = part_document(exercise.part, Reader("da"))
        assert document.blocks, exercise.kind
        assert all(markdown_block(b) for b in document.blocks), exercise.kind
        assert all(html_block(b) for b in document.blocks), exercise.kind


def test_each_generic_block_as_markdown() -> None:
    assert markdown_block(Heading("Rangorden")) == ["### Rangorden", ""]
    assert markdown_block(Paragraph("Sæt dem i rækkefølge", "prompt")) == ["*Sæt dem i rækkefølge*", ""]
    assert markdown_block(Paragraph("Ingen svar endnu", "muted")) == ["Ingen svar endnu", ""]
    table = Table(("Punkt", "Gns. plads"), (("A|B", "1,50"),), frozenset({1}))
    assert markdown_block(table) == ["| Punkt | Gns. plads |", "| --- | ---: |", "| A\\|B | 1,50 |", ""]
    bars = Bars("Fordeling", (Bar("A", 3, "3 · 75 %", highlight=True), Bar("B", 1, "1 · 25 %")))
    assert markdown_block(bars) == ["**Fordeling**", "", "- A: 3 · 75 %", "- B: 1 · 25 %", ""]
    assert markdown_block(Bullets(("en", "to"))) == ["- en", "- to", ""]
    answers = Answers((GroupText("Bord 1", "Ja\nog nej"), GroupText("Bord 2", "")), empty="(intet svar)")
    assert markdown_block(answers) == [
        "**Bord 1**",
        "",
        "> Ja\\",  # a hard line break: Markdown would join the two lines into one
        "> og nej",
        "",
        "**Bord 2**",
        "",
        "(intet svar)",
        "",
    ]


def test_each_generic_block_as_html_escapes_every_text() -> None:
    assert html_block(Heading("<b>")) == "<h3>&lt;b&gt;</h3>"
    assert html_block(Paragraph("x & y")) == "<p>x &amp; y</p>"
    assert html_block(Paragraph("tom", "muted")) == '<p class="muted">tom</p>'
    table = html_block(Table(("Punkt", "Gns."), (("<i>", "1,50"),), frozenset({1})))
    assert table == (  # in a box that scrolls sideways on a phone, named by its headings
        '<div class="scrolls" tabindex="0" role="region" aria-label="Punkt, Gns.">'
        '<table><thead><tr><th>Punkt</th><th class="num">Gns.</th></tr></thead>'
        '<tbody><tr><td>&lt;i&gt;</td><td class="num">1,50</td></tr></tbody></table></div>'
    )
    chart = html_block(Bars("Fordeling", (Bar("A", 3, "3 · 75 %", highlight=True), Bar("B", 1, "1"))))
    assert chart.startswith('<div class="figure"><svg class="chart"') and "<title>Fordeling</title>" in chart
    assert chart.endswith('</svg><p class="caption">Fordeling</p></div>')
    assert html_block(Bullets(("<en>",))) == "<ul><li>&lt;en&gt;</li></ul>"
    cards = html_block(Answers((GroupText("Bord 1", "Ja"),)))
    assert cards == '<div class="cards"><div class="card"><h4>Bord 1</h4><p class="answer">Ja</p></div></div>'


MISSES_A_PART = """
from typing import assert_never

from workshop_tui.core.results.summary_model import (
    ActionPart, OpenAnswersPart, ReflectionPart, ReviewPart, ScoredPart, SummaryPart, TablePart,
    VotePart,
)


def draw(part: SummaryPart) -> str:
    match part:
        case ScoredPart():
            return "scored"
        case ReflectionPart():
            return "sheet"
        case ActionPart():
            return "actions"
        case VotePart():
            return "votes"
        case OpenAnswersPart():
            return "open"
        case ReviewPart():
            return "review"
{table_case}
        case _:
            assert_never(part)
"""
TABLE_CASE = """        case TablePart():
            return "table"
"""


def test_strict_mypy_flags_a_renderer_that_misses_a_part(tmp_path: Path) -> None:
    missing = tmp_path / "missing.py"
    missing.write_text(MISSES_A_PART.format(table_case=""))
    complete = tmp_path / "complete.py"
    complete.write_text(MISSES_A_PART.format(table_case=TABLE_CASE))
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary"]
        + ["--cache-dir", str(tmp_path / "cache"), str(missing), str(complete)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, run.stdout + run.stderr
    assert errors[0].startswith(str(missing))
    assert '"assert_never" has incompatible type "TablePart"' in errors[0]
