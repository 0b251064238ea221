"""An anonymous export names nobody: action owners and review notes are left out, and it says so.

Owners ("Hanne") and the notes a follow-up wrote on last time's actions are free text about
people; an edition without ``--named`` / ``--notes`` used to print them in every format. The
one rule is ``core.results.edition``; each format is checked here, and that it says what it
left out ("Om tallene", the CSV's ``left_out`` rows).
"""

from __future__ import annotations

import csv
import io

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.results.edition import Edition
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.export.csv import render_csv
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown

from .test_action_review import REVIEW, _reviewed

NOTE = "Kun to møder holdt"
OWNER = "Hanne"


def _render(fmt: str, session: Session, **choice: bool) -> str:
    summary = build_summary(session, **choice)
    return {"md": render_markdown, "html": render_html, "csv": render_csv}[fmt](summary)


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_an_anonymous_export_leaves_owners_and_review_notes_out(
    fmt: str, small_session: Session, library: Library
) -> None:
    text = _render(fmt, _reviewed(small_session, library))
    assert OWNER not in text and "Bo" not in text.split() and NOTE not in text
    assert "hvem der er ansvarlig for 2 handlinger" in text  # the review: Hanne and Bo
    assert "noterne til 1 gennemgået handling (" in text  # one note: the singular, not "1 handlinger"
    assert "kan stadig nævne personer ved navn" in text


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_named_puts_owners_back_and_notes_put_notes_back(
    fmt: str, small_session: Session, library: Library
) -> None:
    session = _reviewed(small_session, library)
    named = _render(fmt, session, named=True)
    assert OWNER in named and NOTE not in named and "ansvarlig for 2 handlinger" not in named
    noted = _render(fmt, session, include_notes=True)
    assert NOTE in noted and OWNER not in noted and "noterne til" not in noted
    both = _render(fmt, session, named=True, include_notes=True)
    assert OWNER in both and NOTE in both and "Udeladt" not in both


def test_the_csv_has_left_out_rows_not_silent_empty_cells(small_session: Session, library: Library) -> None:
    text = render_csv(build_summary(_reviewed(small_session, library)))
    rows = list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))
    left = [(r["øvelse_id"], r["punkt"], r["score"]) for r in rows if r["type"] == "left_out"]
    assert (REVIEW, "owners", "2") in left and (REVIEW, "review_notes", "1") in left
    assert ("sheet-45", "owners", "1") in left  # the action carried over keeps Hanne as owner
    said = {r["punkt"]: r["tekst"] for r in rows if r["type"] == "left_out" and r["øvelse_id"] == "sheet-45"}
    assert "ansvarlig for 1 handling (navne)" in said["owners"]  # read "1 handlinger" before
    assert all(r["ansvarlig"] == "" for r in rows)


def test_markdown_and_html_drop_the_owner_column_rather_than_print_dashes(
    small_session: Session, library: Library
) -> None:
    summary = build_summary(_reviewed(small_session, library))
    md = render_markdown(summary)
    assert "| # | Handling | Frist | Gruppe | Status |" in md and "Ansvarlig |" not in md
    html = render_html(summary)
    assert "<th>Ansvarlig</th>" not in html


def test_the_edition_is_the_one_rule() -> None:
    assert Edition().owner("Hanne") == "" and Edition(named=True).owner("Hanne") == "Hanne"
    assert Edition().review_note("x") == "" and Edition(notes=True).review_note("x") == "x"
