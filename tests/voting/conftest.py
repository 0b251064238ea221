"""Fixtures for the voting tests: a saved session, a desk with a fake clock, the keeper."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.roll import Roll

CODE = "246810"


class Clock:
    """A clock the tests move by hand, so flood limits are tested without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def room_session(library: Library) -> Session:
    """Four anonymous people (p1-p4), a rating grid, a scale and a reflection sheet."""
    return new_session(
        title="Afstemning",
        date="2026-11-23",
        exercises=[library.exercises[e] for e in ("resistance", "commitment", "sheet-42")],
        participants=4,
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="afstemning",
    )


@pytest.fixture
def saved(room_session: Session, data_dir: Path) -> Path:
    path = session_path(room_session)
    save_session(room_session, path)
    return path


@pytest.fixture
def keeper(room_session: Session, saved: Path) -> SessionKeeper:
    return SessionKeeper(room_session, saved, clock=lambda: "2026-11-23T10:00:00+00:00")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(room_session: Session, clock: Clock) -> Desk:
    """A desk with the round open on the resistance grid (nine items, 1-5).

    The tests' devices all come from 127.0.0.1, so more than the default two may join from
    one address here; ``test_desk`` tests the default cap.
    """
    limits = Limits(poll_seconds=0.3, devices_per_address=10)
    made = Desk(Roll(CODE), max_participants=5, limits=limits, clock=clock)
    made.follow(room_session, "resistance")
    return made


# The headless Chromium of test_browser, for every browser test of this folder.
from .test_browser import browser  # noqa: E402, F401
