"""The session's minimum of answers: an optional key (default 3), checked, and the one threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model import Session
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.results.summary import exercise_summary
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.sessions import load_session, save_session


def test_the_minimum_is_three_unless_the_session_sets_another(small_session: Session, tmp_path: Path) -> None:
    assert small_session.min_answers == 3
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    assert "min_answers" not in path.read_text(encoding="utf-8")  # optional: absent means 3
    save_session(small_session.with_min_answers(5), path)
    assert "min_answers = 5" in path.read_text(encoding="utf-8")
    assert load_session(path).min_answers == 5


@pytest.mark.parametrize("value", [0, 51])
def test_a_minimum_out_of_range_is_refused(small_session: Session, value: int) -> None:
    with pytest.raises(ScoreError, match="1 to 50"):
        small_session.with_min_answers(value)


def test_a_hand_edited_minimum_out_of_range_names_the_key_and_the_fix(
    small_session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session.with_min_answers(4), path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("min_answers = 4", "min_answers = 0"), encoding="utf-8"
    )
    with pytest.raises(FileProblems) as raised:
        load_session(path)
    problem = raised.value.problems[0]
    assert problem.key == "min_answers" and "1 to 50" in problem.fix_in("en")
    assert "1 til 50" in problem.fix_in("da")


def test_the_wall_holds_back_by_the_sessions_minimum(small_session: Session) -> None:
    session = small_session
    for n, pid in enumerate(("p1", "p2", "p3"), start=2):
        session = session.with_score("resistance", "trust", pid, n)
    assert exercise_summary(session, "resistance", "da").scored.item("trust").status == "shown"  # type: ignore[union-attr]
    stricter = session.with_min_answers(4)
    held = exercise_summary(stricter, "resistance", "da").scored
    assert (
        held is not None and held.item("trust").status == "too_few" and held.item("trust").stats.mean is None
    )


def test_workshop_new_takes_a_minimum(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--title", "Mindst", "--participants", "4", "--min-answers", "4", "--no-open"]) == 0
    (listing,) = list_sessions()
    assert load_session(listing.path).min_answers == 4
    with pytest.raises(SystemExit) as stopped:
        main(["new", "--title", "Mindst", "--participants", "4", "--min-answers", "0", "--no-open"])
    assert stopped.value.code == 2
    assert "--min-answers 0" in capsys.readouterr().err
