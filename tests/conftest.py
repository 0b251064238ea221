"""Shared fixtures: every test gets its own data dir, so none touches real user data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_tui.model import Session
from workshop_tui.storage.library import Library, load_library
from workshop_tui.storage.locations import DATA_DIR_ENV, builtin_sessions_dir
from workshop_tui.storage.sessions import DEMO_FILE, load_session, new_session

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app's data dir at a fresh temporary folder for every test."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    yield folder


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in library (loaded once; it is immutable)."""
    return load_library(include_user=False)


@pytest.fixture(scope="session")
def demo() -> Session:
    """The shipped demo seminar."""
    return load_session(builtin_sessions_dir() / DEMO_FILE)


@pytest.fixture
def small_session(library: Library) -> Session:
    """A fresh session: 4 named participants, 2 groups, the default programme."""
    programme = library.default_programme()
    assert programme is not None
    return new_session(
        title="Prøve på tværs",
        date="2026-11-23",
        exercises=[library.exercises[e] for e in programme.exercises],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1", "Bord 2"],
        organisation="Fjordby Kommune",
        timestamp="2026-11-23T09:00:00+00:00",
    )
