"""The demo is a series: two leader groups of one area, each with a seminar and a follow-up day."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.kinds.action_review import ReviewBody
from workshop_tui.core.model import KINDS, Session
from workshop_tui.core.results.figures import item_stats
from workshop_tui.core.storage import headers, sessions
from workshop_tui.core.storage.demo import DEMO_SERIES
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.series import series_of
from workshop_tui.core.storage.sessions import DEMO_FILE, copy_demo, load_session


def _demo() -> dict[str, Session]:
    folder = builtin_sessions_dir()
    return {s.id: s for s in (load_session(folder / name) for name in (DEMO_FILE, *DEMO_SERIES))}


def test_every_kind_is_answered_somewhere_in_the_demo() -> None:
    answered = {s.exercise(e).kind for s in _demo().values() for e in s.agenda if s.status(e) == "done"}
    assert answered == set(KINDS)


def test_each_day_is_complete_and_has_the_closing_rating() -> None:
    for session in _demo().values():
        assert session.progress == (len(session.agenda), len(session.agenda)), session.id
        assert "closing-rating" in session.agenda, session.id
    assert _demo()["demo-aeldreomraadet"].agenda[-2:] == ("closing-rating", "sheet-45")


def test_two_leader_groups_of_one_organisation_each_met_twice() -> None:
    demo = _demo()
    assert {s.organisation for s in demo.values()} == {"Fjordby Kommune, Sundhed og Ældre"}
    assert demo["demo-aeldreomraadet-2"].follows == "demo-aeldreomraadet"
    assert demo["demo-rehabilitering-2"].follows == "demo-rehabilitering"
    first, later = demo["demo-aeldreomraadet"], demo["demo-aeldreomraadet-2"]
    assert (first.date, later.date) == ("2026-10-14", "2027-01-20")  # three months later
    shared = {"kkc-indicators", "resistance", "commitment", "closing-rating"}
    assert all(shared <= set(s.agenda) for s in demo.values())


def test_the_follow_up_reviewed_last_times_actions_and_moved_both_ways() -> None:
    first, later = _demo()["demo-aeldreomraadet"], _demo()["demo-aeldreomraadet-2"]
    review = later.exercise("action-review").body_as(ReviewBody)
    written = [a.text for g in first.groups for a in first.answers_for("sheet-45").actions[g.id]]
    assert [a.text for a in review.actions] == written
    texts = later.answers_for("action-review").texts["g1"]
    assert {texts[f"{a.id}.status"] for a in review.actions} == {"done", "partly", "not_started", "dropped"}
    assert any(key.endswith(".carried") for key in texts)
    before = item_stats(first.exercise("resistance"), first.answers_for("resistance"))
    after = item_stats(later.exercise("resistance"), later.answers_for("resistance"))
    changes = [(after[i].mean or 0) - (before[i].mean or 0) for i in before]
    assert min(changes) < 0 < max(changes)  # some sources of resistance weaker, some stronger


def test_workshop_demo_copies_the_series_and_lists_it_from_the_seals(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_demo(timestamp="2026-12-02T09:00:00+00:00")
    folder = path.parent
    assert len(list(folder.glob("*.toml"))) == 4
    monkeypatch.setattr(sessions, "load_session", _refuse)  # the copies are listed from their seals
    listings = list_sessions()
    assert all(x.summary is not None and x.summary.progress is not None for x in listings)
    series = series_of(path.stem, listings)
    assert series.ids == (path.stem, f"{path.stem}-2") and series.problems == ()
    other = series_of(f"{path.stem}-3", listings)
    assert other.ids == (f"{path.stem}-3", f"{path.stem}-4")
    assert all(x.summary.updated == "2026-12-02T09:00:00+00:00" for x in listings if x.summary)
    monkeypatch.undo()
    assert load_session(folder / f"{path.stem}-2.toml").follows == path.stem
    assert headers.read_sealed(folder / f"{path.stem}-4.toml") is not None


def _refuse(path: Path) -> Session:
    raise AssertionError(f"{path} was read fully")
