"""The newer kinds in the model, the session file and the summary: rules, round trips, figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.kinds.placements import placement
from workshop_tui.core.model import Session
from workshop_tui.core.model.rules import ScoreError
from workshop_tui.core.results.figures import item_stats, vote_totals
from workshop_tui.core.results.rules import oriented_values
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.session_codec import session_to_dict
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.tui.views.actions import challenge_options


def test_a_single_choice_moves_the_vote_and_a_dot_vote_counts_dots(kinds_session: Session) -> None:
    s = kinds_session.with_score("grint-problem-types", "critical", "p3", 1)
    scores = s.answers_for("grint-problem-types").scores
    assert scores["critical"] == {"p3": 1} and "p3" not in scores.get("tame", {})
    with pytest.raises(ScoreError, match="P1 has 0 of 3 dots left"):  # p1 has two of three placed
        kinds_session.with_scores("challenges-dot-vote", {"resources": {"p1": 1}, "competencies": {"p1": 1}})
    with pytest.raises(ScoreError, match="off the scale"):
        kinds_session.with_score("challenges-dot-vote", "competencies", "p4", 2)  # at most 1 per item
    s = kinds_session.with_score("challenges-dot-vote", "silo", "p1", None)
    assert s.with_score("challenges-dot-vote", "competencies", "p1", 1)  # a dot taken off frees one


def test_two_axis_refuses_tallies_and_a_table_refuses_unknown_options(kinds_session: Session) -> None:
    with pytest.raises(ScoreError, match="cannot be tallied"):
        kinds_session.with_mode("psych-safety-zones", "tally")
    assert (
        kinds_session.with_mode("challenges-dot-vote", "tally").answers_for("challenges-dot-vote").mode
        == "tally"
    )
    with pytest.raises(ScoreError, match="not an option of column 'activity'"):
        kinds_session.with_cell("stakeholder-analysis", "g1", 1, "activity", "active")
    with pytest.raises(ScoreError, match="no cell '6.stakeholder'"):
        kinds_session.with_cell("stakeholder-analysis", "g1", 6, "stakeholder", "Borgerne")
    cleared = kinds_session.with_cell("stakeholder-analysis", "g1", 1, "activity", "")
    assert "1.activity" not in cleared.answers_for("stakeholder-analysis").texts["g1"]


def test_status_of_votes_and_tables(kinds_session: Session) -> None:
    assert kinds_session.status("challenges-dot-vote") == "done"  # all four voted
    assert kinds_session.status("stakeholder-analysis") == "in_progress"  # table 2 is empty
    s = kinds_session.with_cell("stakeholder-analysis", "g2", 1, "stakeholder", "Borgerne")
    assert s.status("stakeholder-analysis") == "done"


def test_every_kind_survives_the_session_file(kinds_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "kinds.toml"
    save_session(kinds_session, path)
    assert load_session(path) == kinds_session


def _second_choice(data: dict[str, Any]) -> None:
    data["answers"]["grint-problem-types"]["scores"]["critical"] = {"p1": 1}


def _fourth_dot(data: dict[str, Any]) -> None:
    data["answers"]["challenges-dot-vote"]["scores"]["competencies"] = {"p1": 1}
    data["answers"]["challenges-dot-vote"]["scores"]["conflicting-goals"] = {"p1": 1}


def _bad_option(data: dict[str, Any]) -> None:
    data["answers"]["stakeholder-analysis"]["texts"]["g1"]["1.activity"] = "active"


def _bad_row(data: dict[str, Any]) -> None:
    data["answers"]["stakeholder-analysis"]["texts"]["g1"]["9.activity"] = "aktiv"


def _tallied_placement(data: dict[str, Any]) -> None:
    data["answers"]["psych-safety-zones"]["mode"] = "tally"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_second_choice, "p1 chose 2 options"),
        (_fourth_dot, "p1 placed 4 dots, more than the 3"),
        (_bad_option, "not an option of column 'activity'"),
        (_bad_row, "rows 1 to 5"),
        (_tallied_placement, "cannot be tallied"),
    ],
)
def test_a_hand_edited_session_breaking_a_kind_rule_is_refused(
    kinds_session: Session, tmp_path: Path, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    data = session_to_dict(kinds_session)
    change(data)
    path = tmp_path / "broken.toml"
    path.write_text(dumps(data), encoding="utf-8")
    with pytest.raises(FileProblems) as error:
        load_session(path)
    messages = "\n".join(str(p) for p in error.value.problems)
    assert expected in messages and f"{path}:" in messages and " — " in messages


def test_figures_of_votes_placements_pairs_and_reversed_items(kinds_session: Session) -> None:
    s = kinds_session
    totals = {
        t.item_id: (t.people, t.dots)
        for t in vote_totals(s.exercise("challenges-dot-vote"), s.answers_for("challenges-dot-vote"))
    }
    assert totals["silo"] == (3, 3) and totals["resources"] == (2, 2) and totals["structure"] == (1, 1)
    found = placement(s.exercise("psych-safety-zones"), s.answers_for("psych-safety-zones"))
    assert found.zones == {"comfort": 0, "learning": 2, "stress": 0, "apathy": 1} and found.on_line == 1
    assert found.centroid == (3.25, 3.75)
    edmondson = s.exercise("psych-safety-statements")
    values = oriented_values(edmondson, item_stats(edmondson, s.answers_for("psych-safety-statements")))
    assert values["mistake-held-against"] == pytest.approx(6 - 2.25)  # reversed: 1 <-> 5


def test_summary_of_each_kind(kinds_session: Session) -> None:
    summary = build_summary(kinds_session)
    grint = summary.exercise("grint-problem-types").votes
    assert grint is not None and grint.single and grint.shown and grint.voters == 4
    assert [o.id for o in grint.winners] == ["wicked"]
    assert grint.winners[0].response == "Stil spørgsmål og i jeres ledelse er i undersøgende"
    dots = summary.exercise("challenges-dot-vote").votes
    assert dots is not None and dots.total == 6 and dots.ranking[:3] == ("silo", "resources", "structure")
    edmondson = summary.exercise("psych-safety-statements").scored
    assert edmondson is not None and edmondson.index == pytest.approx((3 * 4.5 + 3 * 3.75 + 3.75) / 7)
    first = edmondson.item("mistake-held-against")
    assert first.reverse and first.stats.mean == 2.25 and first.aligned_mean == 3.75
    assert edmondson.ranking[:3] == ("raise-problems", "safe-to-risk", "no-undermining")
    pairs = summary.exercise("ecosystem-mirror").scored
    assert pairs is not None and pairs.pairs is not None
    assert [(r.left, r.right, r.gap) for r in pairs.pairs.rows][0] == (4.0, 2.0, 2.0)
    poles = summary.exercise("us-and-them").scored
    assert poles is not None and poles.items[0].left.startswith("Selvcentreret")
    table = summary.exercise("stakeholder-analysis").table
    assert table is not None and table.groups[0].matrix is not None
    assert table.groups[0].matrix.cells == ((("Borgerne",), ()), (("Hjemmeplejen",), ("Økonomiafdelingen",)))
    smart = summary.exercise("smart-goals").table
    assert smart is not None and smart.checkable == 5 and smart.groups[1].rows[0].checks == 3


def test_too_few_voters_or_a_blind_vote_are_withheld(library: Library) -> None:
    s = new_session(
        title="To",
        date="2026-11-24",
        exercises=[library.exercises["grint-problem-types"], library.exercises["psych-safety-zones"]],
        participants=3,
    )
    s = s.with_score("grint-problem-types", "tame", "p1", 1).with_score(
        "grint-problem-types", "wicked", "p2", 1
    )
    s = s.with_score("psych-safety-zones", "demands", "p1", 4).with_score(
        "psych-safety-zones", "safety", "p1", 4
    )
    summary = build_summary(s)
    votes = summary.exercise("grint-problem-types").votes
    assert (
        votes is not None
        and votes.status == "too_few"
        and all(o.dots == 0 and not o.scores for o in votes.options)
    )
    placed = summary.exercise("psych-safety-zones").scored
    assert placed is not None and placed.placement is not None and placed.placement.status == "too_few"
    assert placed.placement.points == ()
    assert build_summary(s, named=True).exercise("grint-problem-types").votes.shown  # type: ignore[union-attr]
    blind = s.with_score("grint-problem-types", "tame", "p3", 1).with_blind("grint-problem-types", True)
    assert build_summary(blind).exercise("grint-problem-types").votes.status == "blind"  # type: ignore[union-attr]


def test_the_dot_votes_top_items_feed_sheet_45(library: Library, kinds_session: Session) -> None:
    sheet = library.exercises["sheet-45"]
    s = replace(kinds_session, exercises={**kinds_session.exercises, "sheet-45": sheet})
    options = challenge_options(s, sheet, "da")
    assert options[0].startswith("Vi har tendens til ”silo-tænkning”.") and "3 prikker" in options[0]
    assert len(options) == 3
