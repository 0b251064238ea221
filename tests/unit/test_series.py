"""A series of sessions: the follows field, the series found from the listing, a follow-up made."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model import Participant, Session
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.series import series_of, series_problems, series_roots
from workshop_tui.core.storage.sessions import load_session, save_session, session_path


def _save(session: Session) -> Path:
    path = session_path(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_session(session, path)
    return path


def _three(small_session: Session) -> tuple[Session, Session, Session]:
    first = replace(small_session, id="day-1", date="2026-03-01")
    first = first.with_score(first.agenda[0], first.exercise(first.agenda[0]).items[0].id, "p1", 3)
    second = follow_up(first, title="Opfølgning", date="2026-06-01", session_id="day-2")
    third = follow_up(second, title="Anden opfølgning", date="2026-09-01", session_id="day-3")
    return first, second, third


def test_a_follow_up_takes_the_room_and_programme_but_no_answers(small_session: Session) -> None:
    first, second, _ = _three(small_session)
    assert second.follows == "day-1"
    assert (second.id, second.date, second.title) == ("day-2", "2026-06-01", "Opfølgning")
    assert second.participants == first.participants
    assert second.groups == first.groups
    assert second.agenda == first.agenda
    assert dict(second.exercises) == dict(first.exercises)
    assert first.answers and not second.answers
    assert second.organisation == first.organisation


def test_phones_of_the_earlier_day_are_not_carried_over(small_session: Session) -> None:
    earlier = small_session.with_participant(Participant("v1"))
    assert [p.id for p in follow_up(earlier, title="x", date="2027-01-01").participants] == [
        "p1",
        "p2",
        "p3",
        "p4",
    ]


def test_follows_survives_a_save_and_the_listing(small_session: Session) -> None:
    for session in _three(small_session):
        _save(session)
    assert load_session(session_path(_three(small_session)[1])).follows == "day-1"
    listed = {x.summary.id: x.summary.follows for x in list_sessions() if x.summary}
    assert listed == {"day-1": "", "day-2": "day-1", "day-3": "day-2"}
    # the listing again, from its index, and from the headers alone
    assert {x.summary.id: x.summary.follows for x in list_sessions() if x.summary} == listed
    quick = {x.summary.id: x.summary.follows for x in list_sessions(validate=False) if x.summary}
    assert quick == listed


def test_the_series_in_date_order_from_any_of_its_sessions(small_session: Session) -> None:
    first, second, third = _three(small_session)
    for session in (third, first, second):
        _save(session)
    _save(replace(small_session, id="other", date="2026-05-01"))
    listings = list_sessions()
    for member in ("day-1", "day-2", "day-3"):
        series = series_of(member, listings)
        assert series.ids == ("day-1", "day-2", "day-3")
        assert series.problems == ()
    assert series_of("day-3", listings).before("day-3") == series_of("day-3", listings).sessions[:2]
    assert series_of("other", listings).ids == ("other",)
    roots = series_roots(listings)
    assert roots == {"day-1": "day-1", "day-2": "day-1", "day-3": "day-1", "other": "other"}


def test_a_missing_earlier_session_is_named_with_its_fix(small_session: Session) -> None:
    _, second, third = _three(small_session)
    _save(second)
    path = _save(third)
    series = series_of("day-3", list_sessions())
    assert series.ids == ("day-2", "day-3")
    (problem,) = series.problems
    assert problem.file == path.parent / "day-2.toml"
    assert problem.key == "follows"
    assert (
        "day-1" in problem.what_in("en")
        and "day-1.toml" in problem.what_in("en")
        and "does not exist" in problem.what_in("en")
    )
    assert "copy the earlier session's file" in problem.fix_in("en")
    assert series_problems(list_sessions()) == (problem,)


def test_an_unreadable_earlier_session_is_named_with_its_own_problem(small_session: Session) -> None:
    first, second, _ = _three(small_session)
    broken = _save(first)
    broken.write_text(broken.read_text(encoding="utf-8").replace('date = "2026-03-01"', 'date = "marts"'))
    _save(second)
    (problem,) = series_of("day-2", list_sessions()).problems
    assert problem.file == broken
    assert (
        "Opfølgning" in problem.what_in("en")
        and "cannot be read" in problem.what_in("en")
        and "'marts' is not a date" in problem.what_in("en")
    )
    assert "YYYY-MM-DD" in problem.fix_in("en")


def test_a_loop_of_sessions_is_reported_not_followed_for_ever(small_session: Session) -> None:
    _save(replace(small_session, id="a", follows="b"))
    _save(replace(small_session, id="b", follows="a"))
    series = series_of("a", list_sessions())
    assert set(series.ids) == {"a", "b"}
    assert "loop" in series.problems[0].what_in("en")


def test_a_loop_and_a_session_after_it_are_one_series_in_every_list(
    small_session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    """The roots of a loop were each other (a's b, b's a): ``workshop sessions`` printed b in
    the series of a and c, and again alone; the home list showed a series of two and b alone."""
    _save(replace(small_session, id="a", follows="b", title="Loop A"))
    _save(replace(small_session, id="b", follows="a", title="Loop B"))
    _save(replace(small_session, id="c", follows="a", title="After C"))
    listings = list_sessions()
    assert set(series_roots(listings).values()) == {"a"}
    assert set(series_of("c", listings).ids) == {"a", "b", "c"}
    assert main(["--lang", "en", "sessions"]) == 0
    printed = capsys.readouterr().out
    assert [printed.count(f"Loop {x} ·") for x in "AB"] == [1, 1] and printed.count("After C ·") == 1


@pytest.mark.parametrize(
    ("value", "what"),
    [("../etc/passwd", "is not a session id"), ("self", "names the session itself")],
)
def test_follows_is_read_as_an_id(small_session: Session, value: str, what: str) -> None:
    path = _save(replace(small_session, id="self"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "', f'follows = "{value}"\ntitle = "', 1), encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_session(path)
    (problem,) = caught.value.problems
    assert problem.key == "follows" and what in problem.what_in("en")
    assert problem.line is not None
    assert list_sessions()[0].problems  # the list shows it broken too, though the seal is intact


def test_workshop_sessions_finds_the_series_once_not_once_per_series(
    small_session: Session, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Per series the listing was built again (quadratic): 1,000 demo copies took 11 s to list."""
    import workshop_tui.core.storage.series as series_module
    from workshop_tui.cli.series import print_sessions

    for number in range(12):
        first = replace(small_session, id=f"a{number:02d}", title=f"Hold {number:02d}", date="2026-03-01")
        _save(first)
        _save(follow_up(first, title=f"Igen {number:02d}", date="2026-06-01", session_id=f"b{number:02d}"))
    built = 0
    readable = series_module._readable

    def counted(listings: object) -> object:
        nonlocal built
        built += 1
        return readable(listings)  # type: ignore[arg-type]

    monkeypatch.setattr(series_module, "_readable", counted)
    assert print_sessions("da") == 0
    out = capsys.readouterr().out
    assert built <= 2  # series_roots and the tables of every series, each once
    for number in range(12):
        assert out.count(f"Hold {number:02d}") == 3  # the series line, its first day, and "follows"
        assert f"Igen {number:02d}" in out


def test_sessions_cut_off_from_their_series_are_found_with_one_lookup_each(tmp_path: Path) -> None:
    """The home screen's ⚠ column compared each follows with every known id (quadratic in sessions)."""
    from workshop_tui.core.storage.headers import ListedSession
    from workshop_tui.core.storage.listing import SessionListing
    from workshop_tui.core.storage.series import cut_off

    compared = 0

    class Counted(str):
        __hash__ = str.__hash__

        def __eq__(self, other: object) -> bool:
            nonlocal compared
            compared += 1
            return str.__eq__(self, other)

    def listing(number: int, follows: str) -> SessionListing:
        summary = ListedSession(f"s{number}", "T", "2026-01-01", "", "", (0, 1), Counted(follows))
        return SessionListing(tmp_path / f"s{number}.toml", summary)

    listings = [listing(n, f"s{n - 1}" if n % 10 else "gone") for n in range(1, 301)]
    listings.append(SessionListing(tmp_path / "loose.toml", ListedSession("loose", "T", "", "", "", None)))
    assert cut_off(listings) == {f"s{n}" for n in range(10, 301, 10)} | {"s1"}
    assert compared <= 2 * len(listings)
