"""Every newer kind in every export: Markdown, HTML (with its charts), CSV and the comparison."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.csv import BOM, render_csv
from workshop_tui.export.files import export_session
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown

from .test_export import assert_self_contained


def test_markdown_shows_each_kinds_figures(kinds_session: Session) -> None:
    md = render_markdown(build_summary(kinds_session))
    assert "Hver deltager havde 3 prikker, højst 1 pr. punkt." in md
    assert "4 har stemt; 6 prikker i alt." in md
    assert (
        "| 1 | ▲ Vi har tendens til ”silo-tænkning”. Hvordan kan vi undgå suboptimering? | 3 | 50 % | 3 |"
        in md
    )
    assert (
        "**Flest stemmer:** Komplekst problem – vi kender ikke svaret og har ingen simple løsninger → "
        "*Stil spørgsmål og i jeres ledelse er i undersøgende*"
    ) in md
    assert "**Indeks (alle udsagn, vendte regnet om):** 4,07" in md
    assert "| ↺ Hvis du laver en fejl, holdes det ofte imod dig | 2,25 | 3,75 |" in md
    assert "| Strategi, målsætninger og KPI’er | 4,00 | 2,00 | +2,00 |" in md
    assert "| Selvcentreret fokus, os/dem, vinde/tabe | ├" in md
    assert "| LÆRINGS-ZONE | 2 |" in md and "1 ligger på en midterlinje" in md
    assert "| negativ | Hjemmeplejen | Økonomiafdelingen |" in md
    assert "| 1 | Færre genindlæggelser inden 1. juni | ja | ja | delvist | – | ja | 3/5 |" in md


def test_html_draws_each_kind_and_stays_self_contained(kinds_session: Session) -> None:
    html = render_html(build_summary(kinds_session))
    page = assert_self_contained(html)
    assert page.lang == "da"
    charts = html.count('<svg class="chart"')
    # two votes, the reversed profile, poles, the mirror, the placement (+ the single item's distribution)
    assert charts >= 6
    assert "Spejlet" in html and "LÆRINGS-ZONE: 2" in html and "→ Stil spørgsmål" in html
    assert "↺ = negativt formuleret, vist vendt (6 − score)." in html
    assert "<h4>Positiv/negativ × Aktiv/passiv</h4>" in html


def test_csv_has_a_row_type_for_each_kinds_figures(kinds_session: Session) -> None:
    text = render_csv(build_summary(kinds_session))
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    kinds = {(r["type"], r["øvelse_id"]) for r in rows}
    assert ("total", "challenges-dot-vote") in kinds and ("score", "grint-problem-types") in kinds
    assert ("gap", "ecosystem-mirror") in kinds and ("zone", "psych-safety-zones") in kinds
    assert ("cell", "stakeholder-analysis") in kinds and ("score", "us-and-them") in kinds
    cell = next(r for r in rows if r["type"] == "cell" and r["punkt_id"] == "2.attitude")
    assert (cell["gruppe"], cell["tekst"]) == ("Bord 1", "negativ")
    wicked = next(r for r in rows if r["type"] == "total" and r["punkt_id"] == "wicked")
    assert wicked["score"] == "3"


def test_english_exports_of_each_kind(kinds_session: Session) -> None:
    summary = build_summary(Session(**{**kinds_session.__dict__, "language": "en"}))
    md = render_markdown(summary)
    assert "Each participant had 3 dots, at most 1 per item." in md
    assert "Most votes" in md and "Index (all statements, reversed ones turned)" in md
    assert_self_contained(render_html(summary))
    assert render_csv(summary).splitlines()[0].startswith(BOM + "type,")


def test_compare_covers_every_scored_kind_and_votes_but_not_tables(kinds_session: Session) -> None:
    after = kinds_session.with_score("us-and-them", "us-them", "p1", 5)
    comparison = compare_sessions(kinds_session, after)
    compared = {x.id for x in comparison.exercises}
    assert {"us-and-them", "ecosystem-mirror", "psych-safety-zones", "psych-safety-statements"} <= compared
    assert {"grint-problem-types", "challenges-dot-vote"} <= compared
    assert "INTERESSENTANALYSE" in comparison.text_shared  # a table's texts are not compared
    assert "HVAD ER UDFORDRINGEN?" not in comparison.text_shared  # the dot vote is
    assert comparison.moved[0].item_id == "us-them"


@pytest.mark.parametrize("named", [False, True])
def test_all_formats_are_written(kinds_session: Session, tmp_path: Path, named: bool) -> None:
    paths = export_session(kinds_session, ("md", "html", "csv"), tmp_path, named=named)
    assert sorted(p.suffix for p in paths) == [".csv", ".html", ".md"]
    md = next(p for p in paths if p.suffix == ".md").read_text(encoding="utf-8")
    assert ("Anne 1" in md) is named  # ballots by name only when the facilitator asks for it
