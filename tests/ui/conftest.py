"""Fixtures for driving the app with Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.app import WorkshopApp, make_app
from workshop_tui.tui.settings import Settings

SIZE = (120, 36)


@pytest.fixture
def room(library: Library, data_dir: Path) -> Path:
    """A saved session for 4 people in 2 groups with one exercise of each kind."""
    exercises = ["resistance", "tension-fields", "commitment", "sheet-42", "sheet-45"]
    session = new_session(
        title="Prøverum",
        date="2026-11-23",
        exercises=[library.exercises[e] for e in exercises],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="proeverum",
    )
    path = session_path(session)
    save_session(session, path)
    return path


def app_for(path: Path | None, lang: str = "da") -> WorkshopApp:
    """The app as the CLI builds it, without the clock (tests must not depend on the time)."""
    return make_app(lang=lang, session_path=path, settings=Settings(lang=lang), show_clock=False)
