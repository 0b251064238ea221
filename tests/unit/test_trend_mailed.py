"""A trend over a session that is not in the data folder: a colleague's mailed file, named by its path.

Found by hand: ``workshop trend first.toml /mail/colleague.toml third.toml`` (the colleague's
session follows the first) wrote a report over the first and third only: the mailed one
was not in the folder's list, so it had no series, was grouped alone and shown as another
leader group in the heatmap, with nothing anywhere saying so. Named alone, it gave "no
development to show" although the session it follows was in the folder. A named session
is now placed in its series by its own ``follows``, as if its file were in the folder.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model import Session
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.core.storage.trend_sessions import previous_session, trend_sessions


def _scored(session: Session, scores: list[int]) -> Session:
    for participant, score in zip(session.participants, scores, strict=False):
        session = session.with_score("resistance", "trust", participant.id, score)
    return session


def _days(library: Library, mail: Path) -> tuple[Session, Session, Session]:
    """The first day in the folder, a colleague's follow-up of it mailed to ``mail``, a third day after it."""
    first = new_session(
        title="Fjordby ledere",
        date="2026-10-14",
        participants=4,
        organisation="Fjordby Kommune",
        exercises=[library.exercises["resistance"]],
    )
    first = _scored(first, [4, 4, 5, 5])
    second = _scored(follow_up(first, title="Kollegaens opfølgning", date="2027-01-14"), [3, 3, 3, 3])
    third = _scored(follow_up(second, title="Tredje gang", date="2027-05-01"), [2, 2, 2, 2])
    save_session(first, session_path(first))
    save_session(third, session_path(third))
    mail.mkdir()
    save_session(second, mail / "kollega.toml")
    return first, load_session(mail / "kollega.toml"), third


def test_a_mailed_session_named_with_others_is_in_their_series(
    library: Library, data_dir: Path, tmp_path: Path
) -> None:
    first, second, third = _days(library, tmp_path / "mail")
    found = trend_sessions([first, second, third])
    assert [s.id for s in found.series] == [first.id, second.id, third.id] and not found.others
    alone = trend_sessions([second])  # named alone: the session it follows and the one after it
    assert [s.id for s in alone.series] == [first.id, second.id, third.id]


def test_the_trend_command_lists_the_mailed_session(library: Library, data_dir: Path, tmp_path: Path) -> None:
    first, _, third = _days(library, tmp_path / "mail")
    out = tmp_path / "out"
    named = [first.id, str(tmp_path / "mail" / "kollega.toml"), third.id]
    assert main(["trend", *named, "--format", "md", "-o", str(out)]) == 0
    (report,) = out.glob("*.md")
    text = report.read_text(encoding="utf-8")
    assert "- Kollegaens opfølgning (14. januar 2027)" in text


def test_a_named_session_outside_the_first_ones_series_is_said_to_be_left_out_of_the_time_line(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Named with the first day but following none of the named sessions: a warning says so and how to fix it.

    Found by hand: ``workshop trend first.toml colleague.toml`` where the colleague made
    their day with ``workshop new`` (no ``follows``) wrote a report listing the first day
    only, "no development to show", and nothing anywhere named the second file. The report
    is unchanged (several series named: the first is the trend, the others are other
    leader groups); the facilitator is told which file and what to write.
    """
    first, second, _ = _days(library, tmp_path / "mail")
    alone = tmp_path / "mail" / "alene.toml"
    save_session(replace(second, id="kollega-alene", follows=""), alone)
    out = tmp_path / "out"
    assert main(["--lang", "en", "trend", first.id, str(alone), "--format", "md", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{alone}: follows: warning: is not in the series of 'Fjordby ledere'" in err
    assert f'write follows = "{first.id}" in this file' in err
    found = trend_sessions([first, load_session(alone)], files={"kollega-alene": alone})
    assert [s.id for s in found.series] == [first.id] and [p.warning for p in found.problems] == [True]
    other_group = replace(second, id="nord-2", follows="nord-1")  # another group's series, on purpose
    assert not trend_sessions([first, other_group], files={"nord-2": alone}).problems


def test_no_trend_is_said_in_the_apps_language(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``workshop --lang en trend`` of a Danish day with nothing recurring: the message is English.

    Found by hand: "Written: …" came in English and "Ingen scorede øvelser går igen …" in
    Danish (the sessions' language, which the report itself is written in).
    """
    first, _, _ = _days(library, tmp_path / "mail")
    assert main(["--lang", "en", "trend", first.id, "--format", "md", "-o", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert "No scored exercise recurs in these sessions" in captured.err and "Written:" in captured.out


def test_last_time_is_the_session_followed_not_another_branch_of_its_series(
    library: Library, data_dir: Path, tmp_path: Path
) -> None:
    """Two follow-ups of one day (a colleague's copied in, and ours): "last time" is the one followed.

    Found by hand: our third day follows our second (2027-01-20); a colleague's follow-up of
    the first day, copied into the folder, and its own follow-up (2027-04-01) sit in the same
    series. Ctrl+L's "last time" for our third day was their 2027-04-01 day (the latest
    before it by date), not our second day, whose actions it reviews.
    """
    first, second, third = _days(library, tmp_path / "mail")
    save_session(second, session_path(second))
    ours = _scored(follow_up(first, title="Vores opfølgning", date="2027-01-20"), [1, 1, 1, 1])
    save_session(ours, session_path(ours))
    later = _scored(follow_up(ours, title="Vores tredje", date="2027-06-01"), [2, 2, 2, 2])
    save_session(later, session_path(later))
    assert third.date < later.date and third.follows == second.id  # their branch is later by date than ours
    previous = previous_session(later)
    assert previous is not None and previous.id == ours.id
    assert previous_session(third) == second
    assert previous_session(first) is None
