"""A blank session title is refused by one rule (``people.parse_title``) wherever a title is set.

``workshop new --title " "`` made a session listed as a blank line that no title could open,
the app's form took a zero-width space, and a mailed file with ``title = ""`` was read as it
was. The command line, the form (tests/ui/test_blank_title_form.py), a new session in the
core and a file read all say the same now.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.model.people import parse_title
from workshop_tui.core.model.refusal import Refused
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.sessions import load_session, new_session, save_session


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "\u200b",
        "\ufeff \t",
        "\x1b[2J",
        # Drawn as an empty cell, yet letters to Python: the blank Braille cell, the Hangul
        # fillers, a variation selector and a soft hyphen alone (text_safety.looks_blank).
        "\u2800",
        "\u2800 \u2800",
        "\u3164",
        "\u115f\u1160",
        "\uffa0",
        "\ufe0f\u00ad",
        "\x1b[2J\u2800",
    ],
)
def test_blank_titles_are_refused(raw: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_title(raw)
    assert refused.value.code == "title.blank"
    with pytest.raises(Refused):
        new_session(title=raw, date="2026-12-04", participants=3, exercises=[])


def test_a_title_is_trimmed() -> None:
    assert parse_title("  Dag 1 ") == "Dag 1"


@pytest.mark.parametrize("raw", ["Dag\u28001", "\u2800Dag 1", "\u2764\ufe0f", "\u3164민"])
def test_blank_drawn_characters_beside_letters_are_kept(raw: str) -> None:
    assert parse_title(raw) == raw


def test_the_command_line_refuses_a_blank_title(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--title", "  ", "--participants", "3", "--no-open"]) == 2
    assert t("refusal.title.blank", "da") in capsys.readouterr().err
    assert not list((data_dir / "sessions").glob("*.toml"))


def test_a_file_with_a_blank_title_is_a_problem(small_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "mailed.toml"
    save_session(small_session, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'title = "{small_session.title}"', 'title = "  "', 1), encoding="utf-8")
    with pytest.raises(FileProblems) as problems:
        load_session(path)
    assert any(p.key == "title" and "blank_title" in str(p.what) for p in problems.value.problems)
