"""A score key's edit: one copy of the session for the score and the cursor; a stamp made once a second."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Position, Session
from workshop_tui.core.model import session as session_module
from workshop_tui.core.storage import sessions
from workshop_tui.core.storage.sessions import SecondStamp, load_session, now_iso
from workshop_tui.tui.views.grid_edits import score_edit


def test_a_score_key_copies_the_session_once_for_the_score_and_the_cursor(
    small_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    after = Position("resistance", 0, 2, "")
    chained = small_session.with_score("resistance", "trust", "p1", 4).with_position(after)
    copies: list[type] = []
    real_replace, real_copied = dataclasses.replace, session_module.copied

    def counted(obj: Any, /, **changes: Any) -> Any:
        copies.append(type(obj))
        return real_replace(obj, **changes)

    def counted_copy(
        obj: Any, /, **changes: Any
    ) -> Any:  # an edit's copy without __init__ (Session._changed)
        copies.append(type(obj))
        return real_copied(obj, **changes)

    monkeypatch.setattr(session_module, "replace", counted)
    monkeypatch.setattr(session_module, "copied", counted_copy)
    edited = score_edit("resistance", "trust", "p1", 4, after)(small_session)
    assert edited == chained and edited.position == after
    assert copies.count(Session) == 1


def test_the_score_keeps_refusing_what_the_model_refuses_with_a_position(small_session: Session) -> None:
    with pytest.raises(ValueError):
        small_session.with_score("resistance", "trust", "p1", 99, position=Position("resistance", 0, 1, ""))


def test_the_keepers_stamp_is_now_iso_made_once_a_second(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert SecondStamp()() in {now_iso(), now_iso()}  # the same text as now_iso (a second may turn between)
    now = [1_800_000_000.2]
    monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: now[0]))
    stamp = SecondStamp()
    first = stamp()
    assert first == "2027-01-15T08:00:00+00:00"
    now[0] = 1_800_000_000.9
    assert stamp() is first  # the same second: the same text, not made again
    now[0] = 1_800_000_001.0
    assert stamp() == "2027-01-15T08:00:01+00:00"
    keeper = SessionKeeper(small_session, tmp_path / "s.toml")  # the keeper's default clock
    try:
        keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    finally:
        keeper.close()
    assert keeper.session.updated == "2027-01-15T08:00:01+00:00"
    assert load_session(tmp_path / "s.toml").updated == keeper.session.updated
