"""A session's bare file name (``2026-09-01-dag-1.toml``) finds it in the sessions folder.

``workshop sessions`` prints each session's path; a facilitator who typed the file name alone
back to ``new --follows``, ``export``, ``trend`` or ``compare`` was told no such session
existed unless the shell stood in the sessions folder. One resolver (``find_session``) now
looks there too; a name with a folder part stays a path and never reaches the sessions folder,
and a bare name that is a file both here and there is named twice, not guessed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.i18n import t
from workshop_tui.core.storage.listing import find_session, not_found


def _made(title: str, date: str) -> Path:
    assert main(["new", "--title", title, "--participants", "3", "--date", date, "--no-open"]) == 0
    (path,) = [
        p
        for p in (Path(os.environ["WORKSHOP_TUI_DATA_DIR"]) / "sessions").glob("*.toml")
        if title_of(p) == title
    ]
    return path


def title_of(path: Path) -> str:
    from workshop_tui.core.storage.sessions import load_session

    return load_session(path).title


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shell stands in another folder than the sessions folder, as a facilitator's does."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_a_bare_file_name_is_found_in_the_sessions_folder(data_dir: Path, elsewhere: Path) -> None:
    path = _made("Dag 1", "2026-09-01")
    assert find_session(path.name) == path
    assert find_session(path.name, data_dir / "sessions") == path


def test_every_command_takes_the_bare_file_name(
    data_dir: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _made("Dag 1", "2026-09-01")
    capsys.readouterr()
    assert main(["new", "--follows", first.name, "--date", "2026-12-01", "--no-open"]) == 0
    (later,) = [p for p in (data_dir / "sessions").glob("*.toml") if p != first]
    out = elsewhere / "out"
    assert main(["export", later.name, "--format", "md", "-o", str(out)]) == 0
    assert main(["trend", later.name, "--format", "md", "-o", str(out)]) == 0
    assert main(["compare", first.name, later.name, "--format", "md", "-o", str(out)]) == 0
    assert "Fandt ingen" not in capsys.readouterr().err


def test_a_name_with_a_folder_part_is_a_path_and_stays_one(data_dir: Path, elsewhere: Path) -> None:
    from workshop_tui.core.storage.listing import bare_file_name

    path = _made("Dag 1", "2026-09-01")
    assert not bare_file_name(f"./{path.name}") and not bare_file_name(f"../{path.name}")
    assert not bare_file_name("..") and not bare_file_name(path.stem)
    assert find_session(f"./{path.name}") is None  # not in the working folder
    assert find_session(f"../{path.name}") is None
    assert main(["export", f"sessions/../{path.name}", "--format", "md"]) == 1


def test_the_same_name_here_and_in_the_sessions_folder_is_named_not_guessed(
    data_dir: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _made("Dag 1", "2026-09-01")
    copy = elsewhere / path.name
    shutil.copyfile(path, copy)
    assert find_session(path.name) is None
    for lang in ("da", "en"):
        said = not_found(path.name, lang)
        assert said == t("cli.error.same_file_name", lang, name=path.name, n=2, paths=f"{copy}, {path}")
    capsys.readouterr()
    assert main(["new", "--follows", path.name, "--date", "2026-12-01", "--no-open"]) == 1
    assert str(copy) in capsys.readouterr().err
    assert find_session(f"./{path.name}") == Path(path.name)  # a path: the one here
    assert find_session(str(path)) == path


def test_standing_in_the_sessions_folder_the_name_is_one_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _made("Dag 1", "2026-09-01")
    monkeypatch.chdir(path.parent)
    found = find_session(path.name)  # one file seen from two folders: not "two files"
    assert found is not None and found.resolve() == path.resolve()
