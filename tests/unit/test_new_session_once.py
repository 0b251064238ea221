"""A new session names each group and each exercise once, from the command line and the form.

``workshop new --exercise resistance --exercise resistance`` wrote a file that ``workshop
open`` refused ("agenda names 'resistance' twice"), and ``--groups "A,A,B"`` made two tables
called A (found by hand: both CLI runs exited 0).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model.refusal import Refused, refusal_text
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.locations import sessions_dir
from workshop_tui.core.storage.sessions import new_session


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--groups", "Bord A, bord a, Bord B"], "the group 'bord a' is there twice"),
        (["--exercise", "resistance"] * 2, "the exercise 'resistance' is there twice"),
    ],
)
def test_workshop_new_refuses_a_group_or_an_exercise_given_twice_and_writes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], option: list[str], said: str
) -> None:
    argv = ["--lang", "en", "new", "--title", "x", "--participants", "3", "--no-open", *option]
    assert main(argv) == 2
    assert said in capsys.readouterr().err
    assert not list(sessions_dir().glob("*.toml"))


def test_new_session_refuses_them_in_the_readers_language(library: Library) -> None:
    with pytest.raises(Refused) as refused:
        new_session(
            title="x",
            date="2026-03-01",
            exercises=[library.exercises["resistance"]],
            participants=3,
            groups=["Bord 1", "Bord 1"],
        )
    said = refusal_text(refused.value, "da")
    assert said == "gruppen 'Bord 1' er der to gange; giv hver gruppe sit eget navn"


def test_an_unknown_programme_is_called_a_programme(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--programme nope`` said "Unknown exercise 'nope'" (found by hand)."""
    argv = ["--lang", "en", "new", "--title", "x", "--participants", "3", "--no-open", "--programme", "nope"]
    assert main(argv) == 2
    assert "Unknown programme 'nope'" in capsys.readouterr().err
