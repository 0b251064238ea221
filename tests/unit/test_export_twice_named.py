"""``workshop export`` warns of two names in the file that are one name (copies23).

The app says so when such a file opens (``tui.name_notices``, trust22); ``workshop export
--named`` wrote "Bo" and "Bo" + a blank Braille cell as two rows reading "Bo", with nothing
said, and the reader took two people for one. The warning names the file, the names spelled so
the difference shows, and the fix; participants in a named edition (an anonymous one shows no
names), groups in every edition (every edition shows them).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core import kept_summary
from workshop_tui.core.model import Group, Participant
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.parsed_cache import CACHE_DIR_ENV
from workshop_tui.core.storage.sessions import new_session, save_session


def _file(library: Library, tmp_path: Path) -> Path:
    """A file an older version wrote: participants and groups that are one name to the eye."""
    session = new_session(
        title="Fjordby", date="2026-03-01", exercises=[library.exercises["resistance"]], participants=3
    )
    people = (Participant("p1", "Bo"), Participant("p2", "Bo\u2800"), Participant("p3", "A\u030ase"))
    people += (Participant("p4", "\u00c5se"),)
    groups = (Group("g1", "Bord 1"), Group("g2", "bord 1 "))
    path = tmp_path / "fjordby.toml"
    save_session(replace(session, participants=people, groups=groups), path)
    return path


def test_a_named_export_names_the_file_the_names_and_the_fix(
    library: Library,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    path = _file(library, tmp_path)
    argv = ["--lang", "en", "export", str(path), "--named", "--format", "md", "-o", str(tmp_path / "out")]
    for _ in range(2):  # the second export is answered by the kept summary: it warns as well
        assert main(argv) == 0
        said = capsys.readouterr()
        people, groups = said.err.splitlines()
        assert people.startswith(f"{path}: participants: warning: the participants ")
        assert "“Bo”, “Bo<U+2800>”; “A<U+030A>se”, “Åse”" in people
        assert "give one of them another name in the file" in people
        assert groups.startswith(f"{path}: groups: warning: the groups “Bord 1”, “bord 1 ”")
        assert "Ctrl+R" in groups
        assert said.out.count("Written") == 1
    assert kept_summary.read(path.read_bytes(), named=True, include_notes=False, language="en") is not None


def test_an_anonymous_export_warns_of_the_groups_only(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(library, tmp_path)
    assert main(["export", str(path), "--format", "md", "-o", str(tmp_path / "out")]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{path}: groups: advarsel: grupperne “Bord 1”, “bord 1 ”")
    assert "Ctrl+R" in line


def test_a_file_with_names_apart_says_nothing(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = new_session(
        title="Fjordby",
        date="2026-03-01",
        exercises=[library.exercises["resistance"]],
        participants=["Bo", "Åse"],
    )
    save_session(session, tmp_path / "apart.toml")
    assert main(["export", str(tmp_path / "apart.toml"), "--named", "-o", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == ""
