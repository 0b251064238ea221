"""An exercise no session of the series answered is named once, not drawn as figures.

A follow-up made from a day where the group skipped two exercises listed both with a table of
"ingen svar | ingen svar | –" per item and dimension (pages in the HTML), as if there were
figures to follow. Now Markdown, HTML and the terminal name them in one line, "Uden svar i
alle sessioner: …", and draw only what has answers; the CSV keeps their ``empty`` rows.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.csv import delimiter
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown, render_trend_text
from workshop_tui.export.trend_html import render_trend_html

VOTE = "challenges-dot-vote"
IDS = ["resistance", "tension-fields", "sheet-42", VOTE]


def _session(library: Library, date: str, scores: list[int], lang: str) -> Session:
    session = new_session(
        title="Fjordby",
        date=date,
        participants=4,
        groups=["Bord 1"],
        exercises=[library.exercises[i] for i in IDS],
        language=lang,
    )
    for participant, score in zip(session.participants, scores, strict=False):
        session = session.with_score("resistance", "trust", participant.id, score)
    return session


@pytest.mark.parametrize("lang", ["da", "en"])
def test_exercises_without_answers_anywhere_are_one_line(library: Library, lang: str) -> None:
    series = (_session(library, "2026-10-14", [4, 3, 5], lang), _session(library, "2027-01-20", [], lang))
    trend = build_trend(series, lang=lang)
    titles = {x.id: x.title for x in trend.exercises}
    rating = titles["tension-fields"]
    sheet = next(x.label for x in trend.written if x.id == "sheet-42")
    vote = next(x.label for x in trend.votes if x.id == VOTE)
    line = t("trend.unanswered", lang, exercises=f"{rating}; {sheet}; {vote}")
    resistance = titles["resistance"]  # answered in one session: its trend stays, "ingen svar" and all
    for text in (render_trend_markdown(trend), render_trend_html(trend), render_trend_text(trend)):
        assert text.count(line) == 1, text
        assert resistance in text
        assert text.count(rating) == 1 and text.count(vote) == 1  # in the line only: no table, no list
        assert text.count(sheet) == 1
    written = render_trend_csv(trend).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(written), delimiter=delimiter(lang)))
    assert {r["status"] for r in rows if r["exercise_id"] == "tension-fields"} == {"empty"}  # data stays


def test_nothing_unanswered_says_nothing(library: Library) -> None:
    series = (_session(library, "2026-10-14", [4, 3, 5], "da"), _session(library, "2027-01-20", [2, 3], "da"))
    series = tuple(
        s.with_score("tension-fields", s.exercise("tension-fields").items[0].id, "p1", 4)
        .with_text("sheet-42", "g1", "1", "Vi ringer")
        .with_score(VOTE, s.exercise(VOTE).items[0].id, "p1", 1)
        for s in series
    )
    trend = build_trend(series)
    for text in (render_trend_markdown(trend), render_trend_html(trend), render_trend_text(trend)):
        assert "Uden svar i alle sessioner" not in text


def test_the_terminal_says_it_too(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``workshop trend`` tells the facilitator, as it says "no scored exercise recurs"."""
    assert main(["new", "--title", "Dag 1", "--participants", "3", "--date", "2026-09-01", "--no-open"]) == 0
    (first,) = (data_dir / "sessions").glob("*.toml")
    assert main(["new", "--follows", first.name, "--date", "2026-12-01", "--no-open"]) == 0
    capsys.readouterr()
    assert main(["trend", first.stem, "--format", "md", "-o", str(data_dir / "out")]) == 0
    (said,) = [line for line in capsys.readouterr().err.splitlines() if "Uden svar i alle sessioner" in line]
    assert "Kurs, koordinering og commitment;" in said
