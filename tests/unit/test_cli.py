"""The ``workshop`` command line, run as a user would (without the interactive app)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui import __version__
from workshop_tui.cli.main import main
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE, load_session


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["demo"], ["new"], ["sessions"], ["exercises"], ["open"]])
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "brug: workshop" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", *command, "--help"])
    assert "usage: workshop" in capsys.readouterr().out


@pytest.mark.parametrize(
    "command", [[], ["demo"], ["new"], ["sessions"], ["exercises"], ["open"], ["export"]]
)
def test_danish_help_has_no_english_argparse_words(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "da", *command, "--help"])
    out = capsys.readouterr().out
    for english in ("usage:", "options:", "positional arguments", "show this help", "show program's"):
        assert english not in out, english
    with pytest.raises(SystemExit):
        main(["--lang", "da", "nonsense"])
    err = capsys.readouterr().err
    assert "fejl: argument COMMAND: ugyldigt valg: 'nonsense'" in err
    assert "error" not in err and "invalid choice" not in err


def test_help_is_danish_by_default_and_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "Facilitér" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "Facilitate" in capsys.readouterr().out


def test_exercises_lists_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises"]) == 0
    out = capsys.readouterr().out
    assert "resistance" in out and "9 KILDER TIL MODSTAND" in out.upper()
    assert "ledelse-paa-tvaers" in out


def test_exercises_check_reports_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nversion = 0\nkind = "scale"\n', encoding="utf-8")
    assert main(["--lang", "en", "exercises", "--check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:2: version: is 0, out of range — use a number ≥ 1" in out
    assert "title: is missing" in out
    # Danish is the default: the same problems in the facilitator's language.
    assert main(["exercises", "--check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:2: version: er 0, uden for det tilladte — brug et tal ≥ 1" in out
    assert "title: mangler — tilføj title = { … }" in out
    repo_exercises = Path(__file__).resolve().parents[2] / "exercises"
    assert main(["exercises", "--check", str(repo_exercises)]) == 0


def test_demo_then_sessions(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--no-open"]) == 0
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    done = len(load_session(builtin_sessions_dir() / DEMO_FILE).agenda)  # the demo is complete
    assert f"{done}/{done}" in out
    assert str(data_dir / "sessions") in out


def test_new_with_names_and_groups(data_dir: Path) -> None:
    code = main(
        [
            "new",
            "--title",
            "Ældreområdet på tværs",
            "--participants",
            "Anne, Bo, Cecilie",
            "--groups",
            "Bord 1, Bord 2",
            "--date",
            "2026-12-01",
            "--organisation",
            "Fjordby",
            "--no-open",
        ]
    )
    assert code == 0
    [listing] = list_sessions()
    assert listing.session is not None
    session = load_session(listing.path)
    assert [p.label for p in session.participants] == ["Anne", "Bo", "Cecilie"]
    assert [g.name for g in session.groups] == ["Bord 1", "Bord 2"]
    assert session.date == "2026-12-01"
    assert session.agenda[0] == "kkc-indicators"


def test_new_anonymous_count_and_chosen_exercises(data_dir: Path) -> None:
    assert (
        main(
            [
                "new",
                "--title",
                "Kort",
                "--participants",
                "12",
                "--exercise",
                "resistance",
                "--exercise",
                "commitment",
                "--no-open",
            ]
        )
        == 0
    )
    [listing] = list_sessions()
    assert listing.session is not None
    assert listing.session.agenda == ("resistance", "commitment")
    assert listing.session.participants[-1].label == "P12"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--participants", "0"], "antal"),
        (["--participants", "-3"], "--participants: skriv et antal fra 1 til 500"),  # was one person "-3"
        (["--participants", "Anne, Bo, anne"], "'anne' står to gange"),  # was two Annes, not told apart
        (["--participants", "3", "--exercise", "nope"], "Ukendt øvelse 'nope'"),
        (["--participants", "3", "--date", "23/11"], "ÅÅÅÅ-MM-DD"),
    ],
)
def test_new_refuses_bad_input(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--title", "X", "--no-open", *args]) == 2
    assert message in capsys.readouterr().err
    assert list_sessions() == []


def test_new_without_a_terminal_asks_for_options(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "new", "--no-open"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "--title" in result.stderr


def test_sessions_names_a_broken_file_without_a_traceback(data_dir: Path) -> None:
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('schema_version = 1\ntitle = "x', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "--lang", "en", "sessions"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "broken.toml:2: is not valid TOML" in result.stdout
    danish = subprocess.run(
        [sys.executable, "-m", "workshop_tui", "sessions"], capture_output=True, text=True
    )
    assert "broken.toml:2: er ikke gyldig TOML" in danish.stdout and "Traceback" not in danish.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_new_with_an_exercise_whose_file_did_not_load_names_the_file_and_the_fix(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A colleague's file with a mistake is not just an "unknown exercise": the file and the fix are named."""
    folder = data_dir / "exercises"
    folder.mkdir(parents=True)
    broken = folder / "min-oevelse.toml"
    text = 'schema_version = 1\nid = "min-oevelse"\nkind = "scale"\ntitle = "Min"\n'
    broken.write_text(text, encoding="utf-8")
    assert main(["new", "--title", "X", "--no-open", "--participants", "3", "--exercise", "min-oevelse"]) == 2
    err = capsys.readouterr().err
    assert "Ukendt øvelse 'min-oevelse'" in err
    assert "1 øvelsesfil kunne ikke læses" in err
    assert f"{broken}:" in err and "version" in err  # the file, and what is missing from it
    assert list_sessions() == []


def test_new_with_an_unknown_exercise_and_a_clean_library_says_no_more(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["new", "--title", "X", "--no-open", "--participants", "3", "--exercise", "nope"]) == 2
    assert "kunne ikke læses" not in capsys.readouterr().err


def test_new_with_a_missing_exercises_folder_names_the_folder_not_a_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped ``--exercises`` was "1 øvelsesfil(er) kunne ikke læses" (explore16): the folder is named."""
    missing = tmp_path / "kollegas-oevelser"
    args = ["--exercises", str(missing), "new", "--title", "X", "--no-open", "--participants", "3"]
    assert main([*args, "--exercise", "kollega-oevelse"]) == 2
    err = capsys.readouterr().err
    assert f"Øvelsesmappen {missing} findes ikke, så ingen af dens øvelser blev læst" in err
    assert "kunne ikke læses" not in err and "nedenfor" not in err
