"""``workshop new --follows`` and the series in ``workshop sessions``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.kinds.action_review import ReviewBody
from workshop_tui.core.model import Action
from workshop_tui.core.storage.sessions import load_session, save_session


def _first(data_dir: Path) -> Path:
    assert (
        main(
            [
                "new",
                "--title",
                "Ældreområdet på tværs",
                "--participants",
                "Anne, Bo",
                "--groups",
                "Bord 1, Bord 2",
                "--date",
                "2026-09-01",
                "--organisation",
                "Fjordby Kommune",
                "--no-open",
            ]
        )
        == 0
    )
    (path,) = (data_dir / "sessions").glob("*.toml")
    session = load_session(path)
    session = session.with_action("sheet-45", "g2", 0, Action("Fælles tavlemøde", "Bo", "2026-10-15"))
    save_session(session, path)
    return path


def test_new_follows_takes_the_room_and_reviews_last_times_actions(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = load_session(_first(data_dir))
    capsys.readouterr()
    assert main(["new", "--follows", "Ældreområdet på tværs", "--date", "2026-12-01", "--no-open"]) == 0
    out = capsys.readouterr().out
    assert (
        'Følger op på "Ældreområdet på tværs" (1. september 2026): 1 handling fra sidste gang skal gennemgås.'
        in out
    )
    (path,) = [p for p in (data_dir / "sessions").glob("*.toml") if p.stem != first.id]
    later = load_session(path)
    assert later.follows == first.id and later.date == "2026-12-01"
    assert later.title == "Ældreområdet på tværs – opfølgning" and later.organisation == "Fjordby Kommune"
    assert later.participants == first.participants and later.groups == first.groups
    assert later.agenda == ("action-review", *first.agenda) and not later.answers
    (action,) = later.exercise("action-review").body_as(ReviewBody).actions
    assert (action.text, action.owner, action.due, action.group) == (
        "Fælles tavlemøde",
        "Bo",
        "2026-10-15",
        "Bord 2",
    )
    assert main(["sessions"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "Serie: Ældreområdet på tværs (2 sessioner)"
    assert listed[1].startswith("  Ældreområdet på tværs · Fjordby Kommune  1. september 2026")
    assert listed[2].startswith(
        "  Ældreområdet på tværs – opfølgning · Fjordby Kommune  1. december 2026  0/"
    )
    assert listed[3] == "      ↳ følger Ældreområdet på tværs"


def test_a_follow_up_of_nothing_or_with_its_own_room_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _first(data_dir)
    assert main(["new", "--follows", "ingen-saadan", "--no-open"]) == 1
    assert "Fandt ingen session 'ingen-saadan' at følge op på" in capsys.readouterr().err
    assert main(["new", "--follows", "Ældreområdet på tværs", "--participants", "3", "--no-open"]) == 2
    assert "--participants kan ikke bruges med --follows" in capsys.readouterr().err


def test_an_unreadable_earlier_session_is_named_with_its_fix(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _first(data_dir)
    assert main(["new", "--follows", "Ældreområdet på tværs", "--date", "2026-12-01", "--no-open"]) == 0
    path.write_text(path.read_text(encoding="utf-8").replace('date = "2026-09-01"', 'date = "sept"'))
    capsys.readouterr()
    assert main(["new", "--follows", str(path), "--no-open"]) == 1
    assert f"{path}:" in capsys.readouterr().err
    assert main(["--lang", "en", "sessions"]) == 0
    out = capsys.readouterr().out
    assert f"{path}:" in out and "cannot be read, and 'Ældreområdet på tværs – opfølgning' follows it" in out
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert f"{path}:" in out and "kan ikke læses, og 'Ældreområdet på tværs – opfølgning' følger den" in out
    path.unlink()
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert f"men {path} findes ikke — kopiér den tidligere sessions fil ind i sessionsmappen" in out
    assert main(["--lang", "en", "sessions"]) == 0
    out = capsys.readouterr().out
    assert f"but {path} does not exist — copy the earlier session's file into the sessions folder" in out


def test_files_sharing_an_id_are_each_listed_once(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _first(data_dir)
    assert main(["new", "--follows", str(path), "--date", "2026-12-01", "--no-open"]) == 0
    twin = path.with_name("twin.toml")
    twin.write_bytes(path.read_bytes().replace("Ældreområdet på tværs".encode(), b"Tvilling", 1))
    capsys.readouterr()
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert out.count(str(path)) == 1 and out.count(str(twin)) == 1
    assert out.count("(2 sessioner)") == 1  # the series holds one of the two files with its id


def test_a_mailed_file_s_very_long_title_is_cut_in_the_list(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 3,000-character title (a file mailed in) filled the terminal for a screen with each of
    its lines (found by hand); the line shows 80 characters of it and the path whole."""
    path = _first(data_dir)
    long = "Ældreområdet " + "x" * 3000
    path.write_bytes(path.read_bytes().replace("Ældreområdet på tværs".encode(), long.encode(), 1))
    assert main(["new", "--follows", str(path), "--date", "2026-12-01", "--no-open"]) == 0
    capsys.readouterr()
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert "x" * 200 not in out and "Ældreområdet " + "x" * 66 + "…" in out
    assert str(path) in out


def test_a_follow_ups_default_title_is_in_the_sessions_language_not_the_apps(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Danish session followed up from an app run in English keeps a Danish title.

    Found by hand: ``workshop --lang en new --follows`` of the Danish demo day gave the
    Danish session (language da, its wall and exports in Danish) the title
    "Ledelse på tværs – … – follow-up". The follow-up keeps the earlier session's language,
    so its default title is written in that language too.
    """
    first = load_session(_first(data_dir))
    assert first.language == "da"
    assert main(["--lang", "en", "new", "--follows", first.id, "--date", "2026-12-01", "--no-open"]) == 0
    assert "Follows up" in capsys.readouterr().out  # the message itself is in the app's language
    (path,) = [p for p in (data_dir / "sessions").glob("*.toml") if p.stem != first.id]
    later = load_session(path)
    assert later.language == "da" and later.title == "Ældreområdet på tværs – opfølgning"


def test_a_follow_up_of_a_mailed_file_brings_the_earlier_session_into_the_folder(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``new --follows /mail/colleague.toml``: the series holds, as ``workshop sessions`` shows.

    Found by hand: a follow-up of a colleague's mailed session file (outside the sessions
    folder) was made, and ``workshop sessions`` then said under it that the earlier session
    "does not exist — copy the earlier session's file into the sessions folder": the series
    was broken from the start, and the trend and "last time" had no earlier day. The earlier
    file is copied in as it is (never over a session of the folder with its id), and the
    command says where.
    """
    first = _first(data_dir)
    mail = tmp_path / "mail"
    mail.mkdir()
    mailed = mail / "kollegaens dag.toml"
    session = load_session(first)
    save_session(replace(session, id="kollega-dag"), mailed)
    capsys.readouterr()
    assert main(["new", "--follows", str(mailed), "--date", "2026-12-01", "--no-open"]) == 0
    copied = data_dir / "sessions" / "kollega-dag.toml"
    assert copied.read_bytes() == mailed.read_bytes()
    assert str(copied) in capsys.readouterr().out
    assert main(["sessions"]) == 0
    listed = capsys.readouterr().out
    assert "Serie: Ældreområdet på tværs (2 sessioner)" in listed and "findes ikke" not in listed
    again = mail / "igen.toml"  # the same id again: the folder's file is kept, nothing copied
    save_session(replace(session, id="kollega-dag", title="Ændret"), again)
    assert main(["new", "--follows", str(again), "--date", "2026-12-02", "--no-open"]) == 0
    assert copied.read_bytes() == mailed.read_bytes()


@pytest.mark.parametrize("device", ["con", "NUL", "com1", "aux.x"])
def test_a_mailed_earlier_session_with_a_device_name_is_not_copied_to_that_name(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], device: str
) -> None:
    """Its id is a valid id, but ``con.toml`` is the console on Windows (audit17): the copy went
    by ``sessions_dir() / f"{id}.toml"``, not through ``file_for``, the one rule for names from a
    file. The follow-up is made; the copy is said to be impossible and nothing is written."""
    first = _first(data_dir)
    mail = tmp_path / "mail"
    mail.mkdir()
    mailed = mail / "device.toml"
    save_session(replace(load_session(first), id=device), mailed)
    capsys.readouterr()
    assert main(["--lang", "en", "new", "--follows", str(mailed), "--date", "2026-12-01", "--no-open"]) == 0
    out = capsys.readouterr().out
    assert "could not be copied" in out and "Windows reserves it" in out, out
    assert not (data_dir / "sessions" / f"{device}.toml").exists()


def test_a_follow_up_dated_before_the_day_it_follows_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """explore21: ``new --follows`` of the demo's follow-up (20 January 2027) took today's date
    (4 December 2026): the new day was listed, and trended, before the day it follows up, and
    "change since last" read backwards. A follow-up may be on the same day, never before."""
    path = _first(data_dir)
    assert main(["new", "--follows", str(path), "--date", "2026-08-31", "--no-open"]) == 2
    said = capsys.readouterr().err
    assert "ikke ligge før" in said and "2026-09-01" in said, said
    assert len(list((data_dir / "sessions").glob("*.toml"))) == 1
    assert main(["new", "--follows", str(path), "--date", "2026-09-01", "--no-open"]) == 0


def test_sessions_names_a_broken_file_s_first_problem_by_line_as_opening_does(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """explore21: a hand-edited file with a bad date (line 5) and a score off its scale further
    down: ``workshop sessions`` named the score, while ``workshop open`` and the home screen
    start with the date; the facilitator who fixed the one listed met the other on opening."""
    path = _first(data_dir)
    text = path.read_text(encoding="utf-8").replace('date = "2026-09-01"', 'date = "1/9-2026"', 1)
    text += "\n[answers.resistance.scores.trust]\np1 = 9\n"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["sessions"]) == 0
    listed = capsys.readouterr().out
    assert main(["open", str(path)]) == 1
    opened = capsys.readouterr().err
    first = next(line.strip() for line in opened.splitlines() if str(path.name) in line)
    assert "date" in first and first in listed, (listed, opened)
