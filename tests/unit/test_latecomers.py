"""A participant added for a late phone does not make the exercises done before it incomplete."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.model import Session
from workshop_tui.core.results.figures import answered
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.voting.places import late_place


def _room(library: Library) -> Session:
    """Three people; the first exercise answered by all, the second by one."""
    first, second = library.exercises["resistance"], library.exercises["closing-rating"]
    session = new_session(title="Sen", date="2026-12-04", exercises=[first, second], participants=3)
    everyone = {item.id: {p.id: 3 for p in session.participants} for item in first.scored_items}
    session = session.with_scores(first.id, everyone)
    one = {item.id: {"p1": 3} for item in second.scored_items}
    return session.with_scores(second.id, one)


def test_a_late_place_keeps_the_exercises_done_before_it_done(library: Library) -> None:
    session = _room(library)
    first, second = session.agenda
    assert session.progress == (1, 2)
    later = session.with_participant(late_place(session))
    assert later.participants[-1].id == "p4" and later.participants[-1].late_for == {first}
    assert later.status(first) == "done" and later.progress == (1, 2)
    assert answered(later, first) == (3, 3)  # the wall: "3 af 3", not "3 af 4"
    # The exercise still going when the phone came counts the latecomer.
    assert later.status(second) == "in_progress" and answered(later, second) == (1, 4)


def test_a_latecomer_who_answers_an_earlier_exercise_counts_there(library: Library) -> None:
    session = _room(library)
    first = session.agenda[0]
    later = session.with_participant(late_place(session))
    exercise = later.exercise(first)
    item = exercise.scored_items[0]
    started = later.with_score(first, item.id, "p4", 4)
    assert answered(started, first) == (4, 4)
    assert started.status(first) == "in_progress"  # p4 answered one item of several
    whole = started.with_scores(first, {i.id: {"p4": 4} for i in exercise.scored_items})
    assert whole.status(first) == "done"


def test_the_late_place_is_kept_in_the_file_and_the_listing(library: Library, tmp_path: Path) -> None:
    session = _room(library)
    later = session.with_participant(late_place(session))
    path = tmp_path / "sen.toml"
    save_session(later, path)
    assert "late_for = [" in path.read_text(encoding="utf-8")
    loaded = load_session(path)
    assert loaded.participants == later.participants
    assert loaded.progress == (1, 2)
    [listed] = list_sessions(tmp_path)
    assert listed.summary is not None and listed.summary.progress == (1, 2)


def test_a_follow_up_counts_last_times_latecomer_from_the_start(library: Library) -> None:
    from workshop_tui.core.storage.follow_up import follow_up

    session = _room(library)
    later = session.with_participant(late_place(session))
    again = follow_up(later, title="Igen", date="2027-03-04")
    assert [p.late_for for p in again.participants] == [frozenset()] * 4
    first = again.exercise(again.agenda[0])
    everyone_but_p4 = {item.id: {f"p{n}": 3 for n in (1, 2, 3)} for item in first.scored_items}
    assert again.with_scores(first.id, everyone_but_p4).status(first.id) == "in_progress"


def test_a_latecomers_table_is_read_plainly_and_a_bad_one_is_reported(
    library: Library, tmp_path: Path
) -> None:
    import pytest

    from workshop_tui.core.storage.errors import FileProblems
    from workshop_tui.core.storage.people_codec import _plain_participants

    session = _room(library)
    later = session.with_participant(late_place(session))
    tables = [{"id": "p1", "name": ""}, {"id": "p4", "name": "", "late_for": ["resistance"]}]
    plain = _plain_participants(tables)
    assert plain is not None and plain[1].late_for == {"resistance"}
    assert _plain_participants([{"id": "p4", "name": "", "late_for": ["not an id"]}]) is None
    path = tmp_path / "sen.toml"
    save_session(later, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('late_for = [\n    "resistance",', 'late_for = [\n    "not an id",'), encoding="utf-8"
    )
    with pytest.raises(FileProblems, match="late_for"):
        load_session(path)


def test_the_grids_vote_count_leaves_a_latecomer_out_of_a_vote_done_before(library: Library) -> None:
    from workshop_tui.tui.views.grid_panels import _progress

    vote = library.exercises["grint-problem-types"]
    session = new_session(title="Valg", date="2026-12-04", exercises=[vote], participants=3)
    option = vote.scored_items[0].id
    session = session.with_scores(vote.id, {option: {"p1": 1, "p2": 1, "p3": 1}})
    assert session.status(vote.id) == "done"
    later = session.with_participant(late_place(session))
    assert later.status(vote.id) == "done"
    assert _progress(vote, later, "da") == "Har stemt: 3 af 3"  # not "3 af 4  (mangler: P4)"
