"""Ctrl+L shows last time beside now (grid and projector); Ctrl+U sets the session's minimum of answers."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.model import Session
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.screens.min_answers import MinAnswersModal
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.last_time import LastTimePanel

from .conftest import REVIEW, SIZE, app_for, follow_up_day


def _scored(session: Session, item: str, scores: list[int]) -> Session:
    for index, score in enumerate(scores, start=1):
        session = session.with_score("resistance", item, f"p{index}", score)
    return session


def _series(library: Library) -> tuple[Path, Path]:
    first = new_session(
        title="Første gang",
        date="2026-10-14",
        exercises=[library.exercises["resistance"]],
        participants=4,
        session_id="first",
    )
    first = _scored(first, "trust", [4, 4, 5, 5])
    second = follow_up(first, title="Anden gang", date="2027-01-14", session_id="second")
    second = _scored(second, "trust", [2, 2, 3, 3])
    paths = []
    for session in (first, second):
        paths.append(session_path(session))
        save_session(session, paths[-1])
    return paths[0], paths[1]


def _text(app: object, widget: LastTimePanel) -> str:
    return " ".join(str(line.text) for line in widget.render_lines(widget.region.reset_offset))


async def test_ctrl_l_shows_last_time_beside_now_on_the_grid_and_the_wall(
    library: Library, data_dir: Path
) -> None:
    _, second = _series(library)
    app = app_for(second)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        panel = screen.query_one(LastTimePanel)
        assert not panel.display
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert panel.display
        shown = " ".join(_text(app, panel).split())
        assert "Sidst 14. oktober 2026" in shown and "Nu 14. januar 2027" in shown
        assert "4,50" in shown and "2,50" in shown and "bedre" in shown  # less resistance is better
        await pilot.press("f2")
        assert isinstance(app.screen, ProjectorScreen)
        assert "Sidste gang og nu" in app.screen.content_text()  # Ctrl+L is on for the session
        await pilot.press("ctrl+l")
        assert "Sidste gang og nu" not in app.screen.content_text()
        await pilot.press("escape")
        assert not panel.display


async def test_without_an_earlier_session_last_time_says_why(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        panel = app.screen.query_one(LastTimePanel)
        assert "følger ikke op på en tidligere session" in " ".join(_text(app, panel).split())


async def test_ctrl_u_sets_the_minimum_of_answers(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+u")
        assert isinstance(app.screen, MinAnswersModal)
        await pilot.press("backspace", "0", "enter")  # 0 is refused, the modal stays
        assert isinstance(app.screen, MinAnswersModal)
        await pilot.press("backspace", "5", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.min_answers == 5
    assert load_session(room).min_answers == 5


async def test_last_time_at_80_columns_shows_every_item_on_one_line(library: Library, data_dir: Path) -> None:
    """The figures' columns left the labels ten columns: the first item's words, one or two a
    line, filled the panel and the other items were out of sight (found by hand at 80x24)."""
    _, second = _series(library)
    app = app_for(second)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        panel = screen.query_one(LastTimePanel)
        lines = [str(line.text).strip() for line in panel.render_lines(panel.region.reset_offset)]
        items = screen.session.exercise("resistance").scored_items
        header = next(n for n, line in enumerate(lines) if line.startswith("Punkter"))
        rows = [line for line in lines[header + 1 :] if line and not line.startswith("•")]
        assert len(rows) >= min(len(items), panel.region.height - 3), lines
        assert any("4,50" in row and "2,50" in row for row in rows), lines
        assert all("…" in row or "–" in row or "," in row for row in rows), lines


async def test_last_time_on_an_exercise_without_means_says_so_not_that_it_was_not_run(
    library: Library, data_dir: Path
) -> None:
    """Ctrl+L on a follow-up's action list said "the exercise was not run in «day 1»", though day 1
    wrote its actions there (found by hand, explore24): a written exercise has no means to set
    beside now. The review of last time's actions, new on the follow-up, is still "not run"."""
    later = follow_up_day(library)
    save_session(later, session_path(later))
    app = app_for(session_path(later))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.current == REVIEW
        await pilot.press("ctrl+l")
        await pilot.pause()
        shown = " ".join(_text(app, screen.query_one(LastTimePanel)).split())
        assert "øvelsen blev ikke kørt i «Ældreområdet»" in shown, shown
        while screen.current != "sheet-45":
            await pilot.press("ctrl+n")
            await pilot.pause()
        await pilot.pause()
        shown = " ".join(_text(app, screen.query_one(LastTimePanel)).split())
        assert "øvelsen blev kørt i «Ældreområdet»" in shown and "ikke kørt" not in shown, shown
