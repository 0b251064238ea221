"""Pilot tests of the newer kinds: votes, poles, pairs, a placement and a table, each in its view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session, save_session, session_path
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.table import TableView
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


@pytest.fixture
def kinds_room(kinds_blank: Session, data_dir: Path) -> Path:
    """``kinds_blank`` saved: one unanswered exercise of each newer kind, 4 people in 2 groups."""
    path = session_path(kinds_blank)
    save_session(kinds_blank, path)
    return path


def _screen(app: object) -> SessionScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SessionScreen)
    return screen


def _panel(app: object) -> str:
    return str(_screen(app).view.query_one("#profile", Static).render())  # type: ignore[union-attr]


async def test_a_dot_vote_takes_dots_and_refuses_a_fourth(kinds_room: Path) -> None:
    app = app_for(kinds_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        assert screen.current == "challenges-dot-vote"
        await pilot.press("1", "down", "left", "1", "down", "left", "1", "down", "left", "1")
        scores = screen.session.answers_for("challenges-dot-vote").scores
        assert sum(row.get("p1", 0) for row in scores.values()) == 3
        assert "structure" not in scores  # the fourth dot was refused
        messages = [n.message for n in app._notifications]
        assert any("Anne har 0 af 3 prikker tilbage" in m for m in messages), messages
        assert "3 prik" not in _panel(app) and "1 har stemt" in _panel(app)
        assert load_session(kinds_room).answers_for("challenges-dot-vote").scores == scores


async def test_a_single_choice_moves_votes_hides_them_blind_and_shows_the_response(kinds_room: Path) -> None:
    app = app_for(kinds_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        screen.go_to("grint-problem-types")
        await pilot.pause()
        await pilot.press("f3", "3", "2", "3", "left", "left", "3")
        answers = screen.session.answers_for("grint-problem-types")
        assert answers.scores == {"wicked": {"p1": 1, "p3": 1, "p2": 1}}
        grid = screen.view.query_one(ScoreGrid)  # type: ignore[union-attr]
        assert str(grid.get_cell("wicked", "p1")) == "·" and str(grid.get_cell("wicked", "n")) == "·"
        await pilot.press("f3", "f2")
        assert isinstance(app.screen, ProjectorScreen)
        shown = app.screen.content_text()
        assert "→ Stil spørgsmål og i jeres ledelse er i undersøgende" in shown and "Anne" not in shown


async def test_poles_pairs_and_a_placement_score_in_the_grid(kinds_room: Path) -> None:
    app = app_for(kinds_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        screen.go_to("us-and-them")
        await pilot.pause()
        await pilot.press("2", "4")
        assert screen.session.answers_for("us-and-them").scores == {"us-them": {"p1": 2, "p2": 4}}
        assert "Selvcentreret fokus" in _panel(app) and "3,0" in _panel(app)
        screen.go_to("ecosystem-mirror")
        await pilot.pause()
        await pilot.press("4", "down", "left", "2")
        assert screen.session.answers_for("ecosystem-mirror").scores == {
            "strategy:left": {"p1": 4},
            "strategy:right": {"p1": 2},
        }
        assert "forskel +2,0" in _panel(app)
        screen.go_to("psych-safety-zones")
        await pilot.pause()
        await pilot.press("f4", "4", "down", "left", "5")
        answers = screen.session.answers_for("psych-safety-zones")
        assert answers.mode == "participant" and answers.scores == {"demands": {"p1": 4}, "safety": {"p1": 5}}
        assert "LÆRINGS-ZONE 1" in _panel(app)


async def test_a_table_keeps_text_and_choices_per_group(kinds_room: Path) -> None:
    app = app_for(kinds_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        screen.go_to("stakeholder-analysis")
        await pilot.pause()
        view = screen.view
        assert isinstance(view, TableView)
        assert app.focused is view.query_one("#cell-1-0", Input)
        await pilot.press(*"Råd")
        view.query_one("#cell-1-1", Select).value = "stor"
        await pilot.pause()
        texts = screen.session.answers_for("stakeholder-analysis").texts
        assert texts == {"g1": {"1.stakeholder": "Råd", "1.importance": "stor"}}
        await pilot.press("ctrl+g")
        assert view.query_one("#cell-1-0", Input).value == ""
        assert view.query_one("#cell-1-1", Select).value is Select.NULL
        await pilot.press("ctrl+g")
        assert view.query_one("#cell-1-0", Input).value == "Råd"
        assert load_session(kinds_room).answers_for("stakeholder-analysis").texts == texts


async def test_a_field_that_holds_text_takes_new_text_at_its_end_and_a_refill_is_never_saved_back(
    kinds_room: Path,
) -> None:
    app = app_for(kinds_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        screen.go_to("stakeholder-analysis")
        await pilot.pause()
        await pilot.press(*"Råd", "tab", "tab", "tab", "tab", *"Vi", "shift+tab", "shift+tab")
        await pilot.press("shift+tab", "shift+tab", *" og by")
        texts = screen.session.answers_for("stakeholder-analysis").texts["g1"]
        assert texts["1.stakeholder"] == "Råd og by"
        assert texts["1.handling"] == "Vi"
        await pilot.press("ctrl+g", *"B2", "ctrl+g", "end", "x")
        texts = load_session(kinds_room).answers_for("stakeholder-analysis").texts
        assert texts["g1"]["1.stakeholder"] == "Råd og byx" and texts["g2"]["1.stakeholder"] == "B2"
