"""Issue 12 in the app: a hostile session id never becomes a path, opening never rewrites a file."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.voting.network import VotingOptions

from .conftest import SIZE, app_for, listed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from hostile import hostile_session, session_with  # noqa: E402

PORT = 18431
"""In this helper's range of voting ports; nothing listens here unless a test opens voting."""


def _app(path: Path | None, lang: str = "en") -> WorkshopApp:
    return app_for(path, lang, voting=VotingOptions(host="127.0.0.1", port=PORT, max_participants=10))


def _digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` but the list's own cache (``.workshop-index.json``)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".workshop-index.json"
    }


@pytest.mark.parametrize("session_id", ["../sessions/victim-session", "../../../../elsewhere/victim", ""])
async def test_f10_on_a_session_with_a_hostile_id_changes_no_file(session_id: str, data_dir: Path) -> None:
    victim = session_with(data_dir / "sessions", "victim-session.toml", id="victim-session")
    path = session_with(data_dir / "sessions", "hostile.toml", id=session_id)
    before = _digests(data_dir)
    app = _app(None)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        row = next(i for i, listing in enumerate(home.listings) if listing.path == path)
        assert home.listings[row].problems, "the loader took the hostile id"
        home.query_one("#sessions").move_cursor(row=row)  # type: ignore[attr-defined]
        await pilot.press("enter")  # refused at load
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert _digests(data_dir) == before
    assert load_session(victim).id == "victim-session"
    assert not (data_dir / "voting").exists()


async def test_f10_refuses_a_hostile_id_that_got_past_the_loader(data_dir: Path) -> None:
    """Defence in depth: the voting roll's path is checked itself (``storage.locations.file_for``)."""
    victim = session_with(data_dir / "sessions", "victim-session.toml", id="victim-session")
    path = session_with(data_dir / "sessions", "mine.toml", id="mine")
    session = replace(load_session(path), id="../sessions/victim-session")
    before = hashlib.sha256(victim.read_bytes()).hexdigest()
    app = _app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(SessionScreen(session, path))
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and not screen.voting.is_open
    assert hashlib.sha256(victim.read_bytes()).hexdigest() == before
    assert not (data_dir / "voting").exists() or not any((data_dir / "voting").iterdir())


@pytest.mark.parametrize(
    "position",
    [
        {"exercise": "no-such-exercise", "row": 0, "column": 0, "group": "g1"},
        {"exercise": "kkc-indicators", "row": 99, "column": 99, "group": "no-such-group"},
        {"exercise": "", "row": 0, "column": 0, "group": ""},
    ],
)
async def test_opening_a_session_does_not_rewrite_its_file(
    position: dict[str, object], data_dir: Path
) -> None:
    """Issue 12, item 9: a position naming an unknown exercise was silently rewritten on open."""
    path = session_with(data_dir / "sessions", "s.toml", id="s", position=position)
    before = path.read_bytes()
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(1.0)  # longer than the position's save delay
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.current == "kkc-indicators"  # the named exercise, or the first when unknown
    assert path.read_bytes() == before
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "up")  # the facilitator acts: now the position is saved
        await pilot.pause(1.0)
    assert path.read_bytes() != before
    assert load_session(path).position.exercise == "kkc-indicators"


async def test_a_session_full_of_escape_sequences_opens_and_its_file_stays_as_it_was(data_dir: Path) -> None:
    """Every text is shown cleaned; filling the fields with the cleaned texts writes nothing back."""
    path = hostile_session(data_dir / "sessions")
    before = path.read_bytes()
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for _ in range(len(screen.session.agenda) + 1):
            await pilot.press("ctrl+n")
            await pilot.pause(0.1)
        await pilot.press("f2")
        await pilot.pause(0.2)
        await pilot.press("escape")
        shown = screen.session
        assert "\x1b" not in shown.title and "\x1b" not in shown.groups[0].name
        assert "\x1b" in screen.keeper.session.title  # the data itself is not changed
        await pilot.pause(1.0)
    assert path.read_bytes() == before
