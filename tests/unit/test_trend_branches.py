"""A series that branches: two follow-ups of one day are two lines, never one time line.

Found by hand (series17): ``workshop demo``, then ``workshop new --follows <first day>`` twice
("Hold B", "Hold C"). ``workshop trend <the demo's follow-up>`` listed all four sessions in
date order as one line, so "change since last" compared the demo's follow-up with Hold C's
day, another leader group; ``workshop sessions`` listed the four under one heading in date
order. Now a trend follows one line (first day -> the session named -> its unique
continuation), the other branches are heatmap rows named as the heatmap names groups, and
the list shows the shared day, then each branch under its name.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model import Session
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.branches import line_of, lines, trunk
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.series import series_of, series_places
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.core.storage.trend_sessions import trend_sessions
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown, render_trend_text
from workshop_tui.export.trend_html import render_trend_html


def _scored(session: Session, score: int) -> Session:
    for participant in session.participants:
        session = session.with_score("resistance", "trust", participant.id, score)
    return session


def _saved(session: Session) -> Session:
    save_session(session, session_path(session))
    return session


def _branched(library: Library) -> tuple[Session, Session, Session, Session]:
    """A shared first day (4), Hold A's follow-up (3) and its next day (2), Hold B's follow-up (1).

    Hold B's day falls between Hold A's two days, as two groups' dates do.
    """
    first = new_session(
        title="Fjordby ledere",
        date="2026-10-14",
        participants=4,
        organisation="Fjordby Kommune",
        exercises=[library.exercises["resistance"]],
    )
    first = _saved(_scored(first, 4))
    a = _saved(_scored(follow_up(first, title="Hold A", date="2027-01-14"), 3))
    b = _saved(_scored(follow_up(first, title="Hold B", date="2027-01-20"), 1))
    a2 = _saved(_scored(follow_up(a, title="Hold A igen", date="2027-05-01"), 2))
    return first, a, b, a2


def _ids(sessions: tuple[Session, ...]) -> list[str]:
    return [s.id for s in sessions]


def test_a_branch_s_trend_is_its_own_line_through_the_shared_day(library: Library, data_dir: Path) -> None:
    first, a, b, a2 = _branched(library)
    of_a = trend_sessions([a])  # Hold A's day: its line goes on to Hold A's next day
    assert _ids(of_a.series) == [first.id, a.id, a2.id]
    assert [_ids(x) for x in of_a.branches] == [[b.id]] and not of_a.forks
    of_b = trend_sessions([b])
    assert _ids(of_b.series) == [first.id, b.id]
    assert [_ids(x) for x in of_b.branches] == [[a.id, a2.id]]  # from where it leaves Hold B's line
    assert not [p for p in of_b.problems if not p.warning]


def test_change_since_last_never_crosses_branches(library: Library, data_dir: Path) -> None:
    """Hold A's latest (2) against Hold A's day before (3), not Hold B's day (1) between them."""
    _, a, _, _ = _branched(library)
    found = trend_sessions([a])
    trend = build_trend(found.series, found.others, branches=found.branches, forks=found.forks)
    (exercise,) = trend.exercises
    trust = next(x for x in exercise.items if x.id == "trust")
    assert [p.mean if p else None for p in trust.points] == [4.0, 3.0, 2.0]
    assert trust.change == -1.0 and trust.since_first == -2.0
    assert [row.label for row in exercise.heat] == ["Hold A igen", "Hold B"]  # the branch is a group
    assert trend.branches == ("Hold B",) and not trend.forks


def test_every_format_says_which_branch_it_follows(library: Library, data_dir: Path) -> None:
    _, _, b, _ = _branched(library)
    found = trend_sessions([b])
    trend = build_trend(found.series, found.others, branches=found.branches, forks=found.forks)
    for text in (render_trend_markdown(trend), render_trend_html(trend), render_trend_text(trend)):
        assert "Serien deler sig" in text and "Hold A igen" in text
    heat = [row for row in render_trend_csv(trend).splitlines() if ";heat;" in row]
    assert heat and {row.rsplit(";", 1)[1] for row in heat} == {"Hold B", "Hold A igen"}


def test_a_session_followed_twice_has_the_days_up_to_the_fork_and_says_so(
    library: Library, data_dir: Path
) -> None:
    first, a, b, a2 = _branched(library)
    found = trend_sessions([first])
    assert _ids(found.series) == [first.id] and found.forks
    assert [_ids(x) for x in found.branches] == [[b.id], [a.id, a2.id]]  # by their latest days
    (warning,) = found.problems
    assert warning.warning and a2.id in warning.text("da") and b.id in warning.text("da")
    trend = build_trend(found.series, found.others, branches=found.branches, forks=found.forks)
    assert trend.forks and "Serien deler sig efter" in render_trend_markdown(trend)


def test_sessions_named_from_two_branches_are_two_groups(library: Library, data_dir: Path) -> None:
    first, a, b, _ = _branched(library)
    found = trend_sessions([a, first, b])
    assert _ids(found.series) == [first.id, a.id]
    assert [_ids(x) for x in found.others] == [[b.id]]


def test_lines_of_a_series(library: Library, data_dir: Path) -> None:
    first, a, b, a2 = _branched(library)
    series = series_of(a.id, list_sessions())
    found = lines(series)
    assert [[x.path.stem for x in line] for line in found] == [[first.id, b.id], [first.id, a.id, a2.id]]
    assert [x.path.stem for x in trunk(found)] == [first.id]
    assert [x.path.stem for x in line_of(series, a2.id).line] == [first.id, a.id, a2.id]


def test_a_series_without_a_fork_is_one_line_as_before(library: Library, data_dir: Path) -> None:
    first = new_session(
        title="Ét hold", date="2026-10-14", participants=4, exercises=[library.exercises["resistance"]]
    )
    first = _saved(_scored(first, 4))
    second = _saved(_scored(follow_up(first, title="Ét hold igen", date="2027-01-14"), 3))
    series = series_of(first.id, list_sessions())
    assert lines(series) == (series.sessions,)
    found = trend_sessions([first])
    assert _ids(found.series) == [first.id, second.id] and not found.branches and not found.problems
    assert build_trend(found.series).branches == ()


def test_the_list_shows_the_shared_day_then_each_branch_under_its_name(
    library: Library, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _branched(library)
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Serie: Fjordby ledere (4 sessioner i 2 grene)"
    assert out[1].startswith("  Fjordby ledere")
    branches = [line for line in out if line.startswith("  Gren: ")]
    assert branches == ["  Gren: Hold B", "  Gren: Hold A igen"]
    hold_a = out.index("  Gren: Hold A igen")
    assert out[hold_a + 1].startswith("    Hold A ·") and out[hold_a + 3].startswith("    Hold A igen ·")
    assert main(["--lang", "en", "sessions"]) == 0
    assert "  Branch: Hold B" in capsys.readouterr().out


def test_the_home_list_places_a_session_on_its_own_line(library: Library, data_dir: Path) -> None:
    """By date Hold A's second day read "3 af 4": Hold B's day fell between them."""
    first, a, b, a2 = _branched(library)
    places = {key: (n, total) for key, (n, total, _) in series_places(list_sessions()).items()}
    assert places == {first.id: (1, 3), a.id: (2, 3), a2.id: (3, 3), b.id: (2, 2)}


def test_a_fork_s_warning_counts_and_names_only_the_branches_that_follow_it(
    library: Library, data_dir: Path
) -> None:
    """Found by hand: Hold B followed twice in a series with two more branches said "4 grene"."""
    _, _, b, a2 = _branched(library)
    b1 = _saved(_scored(follow_up(b, title="Hold B1", date="2027-03-01"), 2))
    b2 = _saved(_scored(follow_up(b, title="Hold B2", date="2027-03-05"), 2))
    found = trend_sessions([b])
    assert found.forks and len(found.branches) == 3  # Hold A's line too: a heatmap row
    (warning,) = found.problems
    text = warning.text("da")
    assert "følges op af 2 grene" in text and b1.id in text and b2.id in text and a2.id not in text


def test_a_loop_with_two_branches_after_it_is_listed_once_and_ends(
    small_session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hand-edited or hostile files: a and b follow each other, c and d both follow a."""
    for session_id, follows, date in (("a", "b", "2026-01-01"), ("b", "a", "2026-02-01")):
        _saved(replace(small_session, id=session_id, follows=follows, title=f"Loop {session_id}", date=date))
    for session_id, date in (("c", "2026-03-01"), ("d", "2026-04-01")):
        _saved(replace(small_session, id=session_id, follows="a", title=f"After {session_id}", date=date))
    series = series_of("c", list_sessions())
    assert [[x.path.stem for x in line] for line in lines(series)] == [["b", "a", "c"], ["b", "a", "d"]]
    found = trend_sessions([load_session(session_path(replace(small_session, id="c", date="2026-03-01")))])
    assert [s.id for s in found.series] == ["a", "b", "c"] and [_ids(x) for x in found.branches] == [["d"]]
    assert main(["--lang", "en", "sessions"]) == 0
    printed = capsys.readouterr().out
    assert [printed.count(f"{x} ·") for x in ("Loop a", "Loop b", "After c", "After d")] == [1, 1, 1, 1]


def test_a_second_follow_up_of_one_day_is_said_to_start_a_branch(
    library: Library, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``new --follows`` of a day followed up already: a new leader group, or a mistake for the next day."""
    first = _saved(new_session(title="Alene", date="2026-10-14", participants=4, exercises=[]))
    assert main(["new", "--follows", first.id, "--date", "2027-01-14", "--no-open"]) == 0
    assert "gren" not in capsys.readouterr().out  # the first follow-up is no branch
    _, _, b, a2 = _branched(library)
    assert main(["new", "--follows", "Fjordby ledere", "--date", "2027-06-01", "--no-open"]) == 0
    out = capsys.readouterr().out
    assert "bliver en ny gren af serien" in out and a2.id in out and b.id in out
