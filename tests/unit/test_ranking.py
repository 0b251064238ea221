"""The ranking kind: one place per item and person, mean rank and distribution, in every export."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workshop_tui.core.kinds.ranking import RankingBody
from workshop_tui.core.model import Session
from workshop_tui.core.model.rules import ScoreError
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.exercise_codec import exercise_to_dict
from workshop_tui.core.storage.library import Library, check_path
from workshop_tui.core.storage.locations import builtin_exercises_dir
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.export.csv import render_csv
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown

RANKING = "challenges-ranking"
ORDERS = {  # person -> items from first to last place (the first three of the seven)
    "p1": ("silo", "structure", "resources"),
    "p2": ("structure", "silo", "resources"),
    "p3": ("silo", "resources", "structure"),
}


def ranked(library: Library, orders: dict[str, tuple[str, ...]] = ORDERS) -> Session:
    session = new_session(
        title="Rangordning",
        date="2026-12-02",
        exercises=[library.exercises[RANKING]],
        participants=3,
        timestamp="2026-12-02T09:00:00+00:00",
    )
    for person, order in orders.items():
        for place, item in enumerate(order, start=1):
            session = session.with_score(RANKING, item, person, place)
    return session


def test_a_ranking_is_read_with_a_place_per_item_and_written_back(library: Library) -> None:
    exercise = library.exercises[RANKING]
    assert exercise.kind == "ranking" and len(exercise.items) == 7
    assert exercise.scale is not None and (exercise.scale.min, exercise.scale.max) == (1, 7)
    assert exercise.polarity == "negative"  # a higher place number is a worse place
    assert exercise.question is not None and exercise.question.da.startswith("Sæt udfordringerne")
    data = exercise_to_dict(exercise)
    assert "scale" not in data and data["polarity"] == "negative" and len(data["items"]) == 7


def test_a_ranking_that_says_a_high_place_is_good_is_refused(tmp_path: Path) -> None:
    source = (builtin_exercises_dir() / f"{RANKING}.toml").read_text(encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(source.replace('polarity = "negative"', 'polarity = "positive"'), encoding="utf-8")
    problems = check_path(path)
    assert any("polarity" in str(p) and "place 1 of a ranking is the best" in str(p) for p in problems)


def test_giving_a_taken_place_moves_it_from_the_other_item(library: Library) -> None:
    session = ranked(library)
    session = session.with_score(RANKING, "value-chain", "p1", 1)
    scores = session.answers_for(RANKING).scores
    assert scores["value-chain"] == {"p1": 1}
    assert "p1" not in scores.get("silo", {})  # silo lost p1's first place
    assert scores["silo"] == {"p2": 2, "p3": 1}
    # Other people's places are untouched, and a place off the scale is refused.
    assert scores["structure"] == {"p1": 2, "p2": 1, "p3": 3}
    with pytest.raises(ScoreError):
        session.with_score(RANKING, "silo", "p1", 8)


def test_many_places_at_once_follow_the_same_rule(library: Library) -> None:
    session = ranked(library, {})
    session = session.with_scores(RANKING, {"silo": {"p1": 1}, "structure": {"p1": 1}})
    scores = session.answers_for(RANKING).scores
    assert scores == {"structure": {"p1": 1}}


def test_a_hand_edited_file_with_one_place_twice_is_reported(library: Library) -> None:
    exercise = library.exercises[RANKING]
    body = exercise.body_as(RankingBody)
    answers = ranked(library).answers_for(RANKING).with_score("competencies", "p2", 1)
    problems = [
        (who, what.words("en"), fix.words("en")) for who, what, fix in body.problems(exercise, answers)
    ]
    assert problems == [
        ("p2", "gave place 1 to 2 items (structure, competencies)", "give each place to one item")
    ]
    danish = [(who, what.words("da"), fix.words("da")) for who, what, fix in body.problems(exercise, answers)]
    assert danish == [
        ("p2", "gav plads 1 til 2 punkter (structure, competencies)", "giv hver plads til ét punkt")
    ]


def test_done_when_everyone_has_placed_every_item(library: Library) -> None:
    session = ranked(library)
    assert session.status(RANKING) == "in_progress"
    items = [i.id for i in library.exercises[RANKING].items]
    for person in ("p1", "p2", "p3"):
        for place, item in enumerate(items, start=1):
            session = session.with_score(RANKING, item, person, place)
    assert session.status(RANKING) == "done"


def test_the_summary_gives_the_mean_rank_and_the_distribution_of_ranks(library: Library) -> None:
    part = build_summary(ranked(library)).exercise(RANKING).scored
    assert part is not None and part.kind == "ranking"
    items = {i.id: i for i in part.items}
    assert items["silo"].stats.mean == pytest.approx((1 + 2 + 1) / 3)
    assert items["structure"].stats.mean == pytest.approx((2 + 1 + 3) / 3)
    assert items["resources"].stats.mean == pytest.approx((3 + 3 + 2) / 3)
    distribution = dict(items["silo"].stats.distribution)
    assert distribution[1] == 2 and distribution[2] == 1 and distribution[3] == 0
    # The lowest mean rank is the first priority (polarity negative: the rank reads it turned).
    assert [items[i].rank for i in ("silo", "structure", "resources")] == [1, 2, 3]
    assert items["competencies"].stats.n == 0


def test_every_export_shows_the_mean_ranks(library: Library) -> None:
    summary = build_summary(ranked(library))
    md = render_markdown(summary)
    assert "HVAD ER UDFORDRINGEN?" in md and "1. HVAD ER UDFORDRINGEN? *(rangordning)*" in md
    assert "| 1 | Vi har tendens til ”silo-tænkning”. Hvordan kan vi undgå suboptimering? | 3 | 1,33 |" in md
    assert "| 2 · 1 · 0 · 0 · 0 · 0 · 0 |" in md  # silo's ranks: two first places, one second
    html = render_html(summary)
    assert "1,33" in html and "Sæt udfordringerne i rækkefølge" in html
    rows = list(csv.DictReader(io.StringIO(render_csv(summary)[1:]), delimiter=";"))
    silo = [r["score"] for r in rows if r["øvelse_id"] == RANKING and r["punkt_id"] == "silo"]
    assert silo == ["1", "1", "2"]  # each rank given, anonymous and sorted


def test_a_ranking_survives_its_session_file(library: Library, tmp_path: Path) -> None:
    session = ranked(library)
    path = tmp_path / "ranking.toml"
    save_session(session, path)
    assert load_session(path).answers_for(RANKING) == session.answers_for(RANKING)
