"""Written exercises that ran in two or more sessions of a series are listed in the trend.

Found by the last sessions: a sheet, an action list or a table run at the first seminar and
again at the follow-up appeared nowhere in ``workshop trend`` (only scored exercises have a
trend, and "run only once" lists the others run once). A facilitator meeting the group
again wants to see them: each is listed, in every format, with what each session wrote.
"""

from __future__ import annotations

import csv
import io

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.model.answers import Action
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown, render_trend_text
from workshop_tui.export.trend_html import render_trend_html

WRITTEN = ["sheet-42", "sheet-45", "stakeholder-analysis", "take-home"]


def _session(library: Library, date: str, ids: list[str]) -> Session:
    return new_session(
        title="Fjordby",
        date=date,
        participants=4,
        groups=["Bord 1", "Bord 2"],
        exercises=[library.exercises[i] for i in ids],
    )


@pytest.fixture
def series(library: Library) -> tuple[Session, Session, Session]:
    first = _session(library, "2026-10-14", ["resistance", *WRITTEN])
    first = first.with_text("sheet-42", "g1", "1", "Vi ringer").with_text("sheet-42", "g2", "1", "Vi skriver")
    first = first.with_action("sheet-45", "g1", 0, Action(text="Fredagsmøde"))
    first = first.with_cell("stakeholder-analysis", "g1", 1, "stakeholder", "Kommunen")
    first = first.with_open("take-home", "a1", "Tid").with_open("take-home", "a2", "Ro")
    second = _session(library, "2027-01-14", ["resistance", "sheet-45", "sheet-42"])
    second = second.with_text("sheet-42", "g1", "1", "Igen")
    for n, text in enumerate(("Skyggedag", "Fælles tavle", "Ring op")):
        second = second.with_action("sheet-45", "g2" if n else "g1", n // 2, Action(text=text))
    third = _session(library, "2027-04-14", ["closing-rating"])  # none of them: not counted there
    return first, second, third


def test_a_written_exercise_run_again_is_listed_with_what_each_session_wrote(
    series: tuple[Session, Session, Session],
) -> None:
    trend = build_trend(series)
    assert [x.id for x in trend.exercises] == ["resistance"]
    found = {x.id: x for x in trend.written}
    assert list(found) == ["sheet-42", "sheet-45"]  # in the order the series first ran them
    assert found["sheet-42"].answers == (2, 1) and found["sheet-45"].answers == (1, 3)
    assert [s.date for s in found["sheet-45"].sessions] == ["2026-10-14", "2027-01-14"]
    assert {x.id for x in trend.once} >= {"stakeholder-analysis", "take-home"}  # once: as before
    sheet = series[0].exercise("sheet-45").title.get("da")
    line = f"{sheet} — 14. oktober 2026: 1 svar · 14. januar 2027: 3 svar"
    for text in (render_trend_markdown(trend), render_trend_text(trend), render_trend_html(trend)):
        assert "Skrevet i flere sessioner" in text and line in text, text
    rows = list(csv.DictReader(io.StringIO(render_trend_csv(trend).lstrip("\ufeff")), delimiter=";"))
    written = [(r["exercise_id"], r["date"], r["n"]) for r in rows if r["line"] == "written"]
    assert written == [
        ("sheet-42", "2026-10-14", "2"),
        ("sheet-42", "2027-01-14", "1"),
        ("sheet-45", "2026-10-14", "1"),
        ("sheet-45", "2027-01-14", "3"),
    ]


def test_open_answers_and_tables_run_again_count_their_answers_and_rows(library: Library) -> None:
    ids = ["stakeholder-analysis", "take-home"]
    first = _session(library, "2026-10-14", ids).with_open("take-home", "a1", "Tid")
    first = first.with_cell("stakeholder-analysis", "g1", 1, "stakeholder", "Kommunen")
    first = first.with_cell("stakeholder-analysis", "g2", 2, "stakeholder", "Sygehuset")
    second = (
        _session(library, "2027-01-14", ids)
        .with_open("take-home", "a1", "Ro")
        .with_open("take-home", "a2", "")
    )
    found = {x.id: x.answers for x in build_trend([first, second], lang="en").written}
    assert found == {"stakeholder-analysis": (2, 0), "take-home": (1, 1)}
    english = render_trend_markdown(build_trend([first, second], lang="en"))
    assert "Written in several sessions" in english and ": 2 answers" in english
