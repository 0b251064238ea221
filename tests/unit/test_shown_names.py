"""A file whose name holds escape codes or invisible characters is named so it can be found.

``for_terminal`` drops an escape sequence, so ``bad\\x1b[31mname.toml`` was listed as
``badname.toml`` (a file that does not exist) in ``workshop exercises``, ``--check``,
``workshop sessions`` and the TUI. ``text_safety.shown_name`` is the one rule: each hidden
character written out, each backslash doubled when any is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.errors import file_problem, problem_lines
from workshop_tui.core.storage.listing import SessionListing
from workshop_tui.core.text_safety import for_terminal, shown_name
from workshop_tui.tui.screens.home_rows import session_row

from .hostile import session_with
from .test_hostile_files import run

ESCAPED = "bad\x1b[31mname.toml"
SHOWN = "bad\\x1b[31mname.toml"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (ESCAPED, SHOWN),
        ("bro\u200bken.toml", "bro\\u200bken.toml"),
        ("a\tb\n.toml", "a\\x09b\\x0a.toml"),
        ("x\udcff.toml", "x\\udcff.toml"),  # a byte that is not UTF-8 (printing it raised)
        ("C:\\Users\\a\x07.toml", "C:\\\\Users\\\\a\\x07.toml"),  # then every backslash doubled
        ("C:\\Users\\a.toml", "C:\\Users\\a.toml"),  # else shown as it is
        ("Møde æøå.toml", "Møde æøå.toml"),
    ],
)
def test_a_name_is_shown_with_its_hidden_characters_written_out(name: str, shown: str) -> None:
    assert shown_name(name) == shown
    assert for_terminal(shown) == shown  # nothing left for the terminal filter to take


def test_two_names_that_look_alike_are_shown_apart() -> None:
    assert shown_name("anne.toml") != shown_name("an\u200bne.toml")
    assert shown_name("a\\x1b.toml") != shown_name("a\x1b.toml")


def test_a_problem_and_its_count_name_the_real_file(tmp_path: Path) -> None:
    path = tmp_path / ESCAPED
    problems = [file_problem(path, f"k{i}", "problems.what.missing") for i in range(12)]
    lines = problem_lines(problems, "en", limit=2)
    assert lines[0].startswith(f"{tmp_path}/{SHOWN}:"), lines[0]
    assert SHOWN in lines[-1], lines[-1]


def test_check_and_the_library_name_the_real_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ex"
    folder.mkdir()
    (folder / ESCAPED).write_text('id = "x"\n', encoding="utf-8")
    code, text = run(capsys, "exercises", "--check", str(folder))
    assert code == 1 and SHOWN in text and "badname" not in text, text
    code, text = run(capsys, "--exercises", str(folder), "exercises")
    assert code == 1 and SHOWN in text and "badname" not in text


def test_sessions_name_the_real_file(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = data_dir / "sessions"
    session_with(folder, "good\x1b[2Jone.toml", id="good")
    (folder / ESCAPED).write_text("not = = toml\n", encoding="utf-8")
    code, text = run(capsys, "sessions")
    assert code == 0, text
    assert "good\\x1b[2Jone.toml" in text, text
    assert SHOWN in text and "badname" not in text, text


def test_the_home_list_names_a_broken_file_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / ESCAPED
    cells = session_row(SessionListing(path, None, (file_problem(path, "", "problems.what.missing"),)), "en")
    assert SHOWN in cells[0].plain
