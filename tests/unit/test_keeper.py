"""The session keeper: every edit saved before it is shown, undo/redo, failed saves kept in memory."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session


def _clock() -> str:
    return "2026-11-23T10:00:00+00:00"


def test_each_edit_is_on_disk_at_once(small_session: Session, tmp_path: Path) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    assert load_session(tmp_path / "s.toml") == keeper.session
    assert keeper.session.updated == _clock()


def test_undo_redo_and_a_new_edit_clears_redo(small_session: Session, tmp_path: Path) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p2", 5))
    assert keeper.undo()
    assert keeper.session.answers_for("resistance").scores == {"trust": {"p1": 4}}
    assert load_session(tmp_path / "s.toml").answers_for("resistance").scores == {"trust": {"p1": 4}}
    assert keeper.redo()
    assert keeper.session.answers_for("resistance").scores["trust"] == {"p1": 4, "p2": 5}
    keeper.undo()
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p3", 1))
    assert not keeper.redo()


def test_typing_in_one_field_undoes_as_one_step(small_session: Session, tmp_path: Path) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    for text in ("V", "Vi", "Vi s"):
        keeper.apply(lambda s, t=text: s.with_text("sheet-42", "g1", "1", t), merge="g1:1")  # type: ignore[misc]
    keeper.apply(lambda s: s.with_text("sheet-42", "g1", "2", "x"), merge="g1:2")
    keeper.undo()
    assert keeper.session.answers_for("sheet-42").texts == {"g1": {"1": "Vi s"}}
    keeper.undo()
    assert keeper.session.answers_for("sheet-42").is_empty
    assert not keeper.can_undo


def test_position_changes_are_saved_but_not_undone(small_session: Session, tmp_path: Path) -> None:
    from workshop_tui.core.model import Position

    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    keeper.apply(lambda s: s.with_position(Position("resistance", 2, 3, "g2")), undoable=False)
    keeper.undo()
    assert keeper.session.position == Position("resistance", 2, 3, "g2")
    assert keeper.session.answers_for("resistance").is_empty


def test_refused_edit_changes_nothing(small_session: Session, tmp_path: Path) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    with pytest.raises(ValueError, match="off the scale"):
        keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 6))
    assert keeper.session == small_session
    assert not keeper.can_undo


def test_failed_save_keeps_the_edit_and_retries(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path, clock=_clock)
    keeper.save()
    real_replace = os.replace

    def full(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    assert keeper.last_error is not None and "disk is full" in keeper.last_error.reason
    assert keeper.session.answers_for("resistance").scores == {"trust": {"p1": 4}}
    assert load_session(path).answers_for("resistance").is_empty
    monkeypatch.setattr(os, "replace", real_replace)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p2", 2))
    assert keeper.last_error is None
    assert load_session(path).answers_for("resistance").scores == {"trust": {"p1": 4, "p2": 2}}


def test_apply_and_show_returns_only_once_the_edit_is_on_disk(small_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path, clock=_clock)
    shown: list[Session] = []
    try:
        keeper.apply_and_show(
            lambda s: s.with_score("resistance", "trust", "p1", 4), lambda: shown.append(keeper.session)
        )
        # show saw the new session (it prepares the screen while the file is written) ...
        assert shown[0].answers_for("resistance").scores["trust"]["p1"] == 4
        # ... and by the time apply_and_show returns, the file holds it.
        assert load_session(path) == keeper.session
        assert keeper.can_undo
    finally:
        keeper.close()


def test_apply_and_show_refused_edit_shows_nothing(small_session: Session, tmp_path: Path) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    shown: list[bool] = []
    with pytest.raises(ValueError):
        keeper.apply_and_show(
            lambda s: s.with_score("resistance", "trust", "p1", 6), lambda: shown.append(True)
        )
    assert shown == [] and not (tmp_path / "s.toml").exists()
    keeper.close()


def test_apply_and_show_failed_save_is_reported_after_showing(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    shown: list[bool] = []
    keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", "p1", 4), lambda: shown.append(True))
    keeper.close()
    assert shown == [True]
    assert keeper.last_error is not None and "full" in keeper.last_error.reason
    assert keeper.unsaved and keeper.session.answers_for("resistance").scores["trust"]["p1"] == 4


def test_a_score_typed_over_the_same_score_is_no_step_of_the_undo_history(
    small_session: Session, tmp_path: Path
) -> None:
    """Typing 1 2 3 4 5 over a row that held 4 5 3 4 5 changed two scores; Ctrl+Z then took back
    three nothing-steps before the second change came back ("Fortrudt", nothing changed: found by
    hand in tmux). The cursor still moves and is saved."""
    from workshop_tui.core.model import Position

    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    moved = Position("resistance", 0, 2)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4).with_position(moved))
    assert keeper.session.position == moved
    assert load_session(tmp_path / "s.toml").position == moved
    assert keeper.undo()
    assert keeper.session.answers_for("resistance").is_empty
    assert not keeper.can_undo


def test_next_undo_says_where_without_undoing(small_session: Session, tmp_path: Path) -> None:
    """The one question the app asks before Ctrl+Z / Ctrl+Y (``tests/ui/test_undo_elsewhere.py``)."""
    from workshop_tui.core.model.changed import shown_on

    keeper = SessionKeeper(small_session, tmp_path / "s.toml", clock=_clock)
    assert keeper.next_undo() is None and keeper.next_undo(redo=True) is None
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    before = keeper.session
    assert keeper.next_undo() == ("resistance", "")
    assert keeper.session == before  # asking changes nothing
    assert shown_on(keeper.next_undo(), "resistance", None)
    assert not shown_on(keeper.next_undo(), "sheet-42", None)
    assert keeper.undo()
    assert keeper.next_undo() is None and keeper.next_undo(redo=True) == ("resistance", "")


def test_shown_on_a_group_s_sheet_is_that_group_s_part_only() -> None:
    from workshop_tui.core.model.changed import shown_on

    assert shown_on(("sheet-42", "g1"), "sheet-42", "g1")
    assert not shown_on(("sheet-42", "g1"), "sheet-42", "g2")
    assert shown_on(("sheet-42", ""), "sheet-42", "g2")
    assert shown_on(None, "anything", "g1")
