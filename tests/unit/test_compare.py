"""Comparing two sessions: changes in n, mean and distribution, and what only one has."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.core.model import Item, Session, Text
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.export.commands import register, run
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown
from workshop_tui.export.compare_text import render_text

from .test_export import assert_self_contained


def scored(session: Session, exercise: str, item: str, scores: list[int]) -> Session:
    for index, score in enumerate(scores, start=1):
        session = session.with_score(exercise, item, f"p{index}", score)
    return session


@pytest.fixture
def pair(library: Library) -> tuple[Session, Session]:
    """Before: resistance, commitment, sheet-42. After: resistance (one item swapped),
    commitment on a 0–10 scale, sheet-42, tension-fields."""
    ex = library.exercises
    before = new_session(
        title="Fjordby",
        date="2026-03-01",
        participants=5,
        exercises=[ex["resistance"], ex["commitment"], ex["sheet-42"], ex["kkc-indicators"]],
    )
    before = scored(before, "resistance", "trust", [2, 2, 3, 3])  # mean 2.5
    before = scored(before, "resistance", "control", [4, 4, 4, 4, 4])  # mean 4
    before = scored(before, "resistance", "failure", [1, 2, 3])  # mean 2
    before = scored(before, "resistance", "status", [3, 3, 3])  # shown before, too few after
    before = scored(before, "commitment", "value", [5, 6, 7])
    resistance = ex["resistance"]
    items = tuple(i for i in resistance.items if i.id != "values") + (
        Item(id="new-source", text=Text(da="Ny kilde", en="New source")),
    )
    commitment = ex["commitment"]
    assert commitment.scale is not None
    wider = replace(commitment, scale=replace(commitment.scale, min=0))
    after = new_session(
        title="Fjordby",
        date="2026-09-01",
        participants=5,
        exercises=[replace(resistance, items=items), wider, ex["sheet-42"], ex["tension-fields"]],
    )
    after = scored(after, "resistance", "trust", [4, 4, 5, 5, 5])  # mean 4.6, n 4 -> 5
    after = scored(after, "resistance", "control", [3, 3, 3, 3, 3])  # mean 3
    after = scored(after, "resistance", "failure", [2, 2, 2])  # mean 2: no change
    after = scored(after, "resistance", "status", [5, 5])  # too few to show
    after = scored(after, "commitment", "value", [8, 9, 10])
    return before, after


def test_changes_in_n_mean_and_distribution(pair: tuple[Session, Session]) -> None:
    comparison = compare_sessions(*pair)
    resistance = next(x for x in comparison.exercises if x.id == "resistance")
    trust = next(i for i in resistance.items if i.item_id == "trust")
    assert (trust.before.n, trust.after.n, trust.n_change) == (4, 5, 1)
    assert trust.mean_change == pytest.approx(4.6 - 2.5)
    assert trust.distribution_change == ((1, 0), (2, -2), (3, -2), (4, 2), (5, 3))
    status = next(i for i in resistance.items if i.item_id == "status")
    assert status.after.status == "too_few" and status.mean_change is None
    assert status.distribution_change == ()


def test_moved_most_and_only_in_one(pair: tuple[Session, Session]) -> None:
    comparison = compare_sessions(*pair)
    assert [i.item_id for i in comparison.moved] == ["trust", "control"]  # failure did not move
    resistance = next(x for x in comparison.exercises if x.id == "resistance")
    assert resistance.only_before == (
        "Opfatter det tværgående samarbejde som en trussel mod egne værdier og idealer",
    )
    assert resistance.only_after == ("Ny kilde",)
    assert comparison.only_before == ("Kurs, koordinering og commitment",)
    assert comparison.only_after == ("IDENTIFIKATION AF OPGAVENS SPÆNDNINGSNIVEAU",)
    assert comparison.text_shared == ("Etablering af den tværgående opgave",)


def test_a_changed_scale_is_not_subtracted(pair: tuple[Session, Session]) -> None:
    comparison = compare_sessions(*pair)
    commitment = next(x for x in comparison.exercises if x.id == "commitment")
    assert commitment.scale_changed and "1–10 → 0–10" in commitment.scale_changed
    (item,) = commitment.items
    assert item.before.mean == 6.0 and item.after.mean == 9.0
    assert item.mean_change is None and item.distribution_change == ()
    assert all(i.exercise_id != "commitment" for i in comparison.moved)


def test_renderings(pair: tuple[Session, Session]) -> None:
    comparison = compare_sessions(*pair)
    text = render_text(comparison)
    assert "+2,10" in text and "−1,00" in text and "Ny kilde" in text
    md = render_compare_markdown(comparison)
    assert "| +2,10 ↑ dårligere |" in md and "## Kun i før-sessionen" in md and "skalaen er ændret" in md
    html = render_compare_html(comparison)
    assert_self_contained(html)
    assert "+2,10" in html and "<svg" in html


def test_demo_compared_with_itself_moves_nothing(demo: Session) -> None:
    comparison = compare_sessions(demo, demo)
    assert comparison.moved == () and comparison.only_before == comparison.only_after == ()
    # Unchanged items are hidden by default, and counted; --all shows them as unchanged.
    assert all(i.verdict != "same" for x in comparison.exercises for i in x.items)
    assert sum(x.hidden for x in comparison.exercises) > 20
    everything = compare_sessions(demo, demo, show_all=True)
    items = [i for x in everything.exercises for i in x.items]
    assert items and all(i.mean_change == 0 and i.verdict == "same" for i in items)
    assert all(x.hidden == 0 for x in everything.exercises)


def test_changes_say_better_or_worse_by_polarity(library: Library) -> None:
    ex = library.exercises
    chosen = [ex["resistance"], ex["leadership-actions"], ex["power"], ex["grint-problem-types"]]
    chosen.append(ex["challenges-dot-vote"])
    before = new_session(title="F", date="2026-01-01", participants=5, exercises=chosen)
    after = new_session(title="F", date="2026-06-01", participants=5, exercises=chosen)
    before = scored(before, "resistance", "trust", [5, 5, 4, 4])
    after = scored(after, "resistance", "trust", [2, 3, 3, 3])  # less resistance: better
    before = scored(before, "resistance", "control", [3, 3, 3])
    after = scored(after, "resistance", "control", [3, 3, 3])  # unchanged: hidden
    first = ex["leadership-actions"].items[0].id
    before = scored(before, "leadership-actions", first, [4, 4, 4])
    after = scored(after, "leadership-actions", first, [3, 3, 3])  # doing it less: worse
    weight = ex["power"].items[0].id
    before = scored(before, "power", weight, [2, 2, 2])
    after = scored(after, "power", weight, [4, 4, 4])  # neutral: only higher
    options = [o.id for o in ex["grint-problem-types"].items]
    for n in range(1, 5):
        before = before.with_score("grint-problem-types", options[0], f"p{n}", 1)
        after = after.with_score("grint-problem-types", options[0 if n < 2 else 1], f"p{n}", 1)
    comparison = compare_sessions(before, after)
    by_id = {x.id: x for x in comparison.exercises}
    trust = next(i for i in by_id["resistance"].items if i.item_id == "trust")
    assert trust.verdict == "better" and trust.mean_change == pytest.approx(-1.75)
    assert all(i.item_id != "control" for i in by_id["resistance"].items)
    assert by_id["resistance"].hidden >= 1
    assert by_id["leadership-actions"].items[0].verdict == "worse"
    assert by_id["power"].items[0].verdict == "higher"
    vote = by_id["grint-problem-types"]
    assert vote.single and [o.verdict for o in vote.options] == ["lower", "higher"]
    assert vote.options[0].change == pytest.approx(-0.75)
    assert vote.title not in comparison.text_shared
    text = render_text(comparison)
    assert "−1,75 ↓ bedre" in text and "↓ dårligere" in text and "↑ højere" in text
    assert "−75 procentpoint" in text
    html = render_compare_html(comparison)
    assert 'class="verdict better"' in html and 'class="verdict worse"' in html
    md = render_compare_markdown(comparison)
    assert "↓ bedre" in md
    assert "1 uændret er skjult; vis den med --all" in md  # resistance's "control": read "1 uændrede"


def test_cli_compare_prints_and_writes(
    pair: tuple[Session, Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = pair
    for session in pair:
        save_session(session, session_path(session))
    parser = argparse.ArgumentParser(prog="workshop")
    register(parser.add_subparsers(dest="command"), "en")
    assert run(parser.parse_args(["compare", before.id, after.id]), "en") == 0
    out = capsys.readouterr().out
    assert "Før og efter" in out and "+2,10" in out
    assert not tmp_path.joinpath("out").exists()
    args = parser.parse_args(
        ["compare", before.id, after.id, "--format", "html", "-o", str(tmp_path / "out")]
    )
    assert run(args, "en") == 0
    written = list((tmp_path / "out").iterdir())
    assert len(written) == 1 and written[0].suffix == ".html"
    assert f"Written: {written[0]}" in capsys.readouterr().out
    assert run(parser.parse_args(["compare", before.id, "missing"]), "en") == 1
