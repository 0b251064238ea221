"""A file saved with a byte-order mark (Windows Notepad) reads as the same file without it (audit17).

TOML allows no BOM and ``tomllib`` refuses one. Sessions and exercises were read past it
(``tomlio.read_toml``), but the voting roll was set aside as ``.damaged`` and a new roll
started (every phone that had joined lost its place and could join again as a new person),
and the settings fell back to the defaults, to be overwritten at the next change. Every TOML
file is now read through one rule (``toml_guard.file_text``), checked here for each kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli import main as cli
from workshop_tui.core.storage import toml_guard
from workshop_tui.core.storage.headers import read_summary
from workshop_tui.core.storage.library import load_exercise_file, load_programme_file
from workshop_tui.core.storage.locations import builtin_exercises_dir
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.voting.roll import Roll, token_hash

from .hostile import session_with

BOM = "\ufeff".encode()


def _with_bom(path: Path) -> Path:
    path.write_bytes(BOM + path.read_bytes())
    return path


def test_file_text_drops_one_bom_at_the_start_only() -> None:
    assert toml_guard.file_text(BOM + b'a = "x"') == 'a = "x"'
    assert toml_guard.file_text(b'a = "\xef\xbb\xbf"') == 'a = "\ufeff"'  # inside a value it is the value's
    with pytest.raises(UnicodeDecodeError):
        toml_guard.file_text(b"\xff\xfea\x00")  # UTF-16 (Notepad's "Unicode"): refused, as before


def test_a_roll_with_a_bom_keeps_its_phones(tmp_path: Path) -> None:
    folder = tmp_path / "voting"
    folder.mkdir()
    path = folder / "s.toml"
    hashed = token_hash("a" * 24)
    path.write_bytes(BOM + dumps({"devices": {hashed: "p1"}, "voted": {"p1": ["commitment"]}}).encode())
    roll, problem = Roll.load(path)
    assert problem is None
    assert roll.devices == {hashed: "p1"} and roll.voted == {"p1": {"commitment"}}
    assert path.exists() and not path.with_name("s.toml.damaged").exists()


def test_settings_with_a_bom_are_read(data_dir: Path) -> None:
    from workshop_tui.tui.settings import Settings, load_settings, settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(BOM + b'lang = "en"\ntheme = "workshop-high-contrast"\n')
    assert load_settings() == Settings(lang="en", theme="workshop-high-contrast")


def test_a_session_with_a_bom_opens_and_is_listed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _with_bom(session_with(data_dir / "sessions", "bom.toml", id="bom", title="Med BOM"))
    assert load_session(path).title == "Med BOM"
    listed = read_summary(path)
    assert listed is not None and listed.title == "Med BOM"
    assert cli.main(["--lang", "en", "sessions"]) == 0
    out = capsys.readouterr().out
    assert "Med BOM" in out and "cannot" not in out, out


def test_an_exercise_and_a_programme_with_a_bom_load(tmp_path: Path) -> None:
    source = builtin_exercises_dir()
    exercise = tmp_path / "commitment.toml"
    exercise.write_bytes(BOM + (source / "commitment.toml").read_bytes())
    loaded, problems = load_exercise_file(exercise)
    assert loaded is not None and loaded.id == "commitment", problems
    programme = tmp_path / "p.toml"
    programme.write_bytes(BOM + next((source / "programmes").glob("*.toml")).read_bytes())
    found, problems = load_programme_file(programme)
    assert found is not None, problems


def test_settings_linked_from_elsewhere_are_still_read_and_a_loop_gives_the_defaults(
    data_dir: Path, tmp_path: Path
) -> None:
    """Reading through ``read_toml`` (which opens no link) must not lose a settings file kept in a
    dotfiles folder and linked into the data folder, as the earlier read followed the link."""
    from workshop_tui.tui.settings import Settings, load_settings, settings_path

    kept = tmp_path / "dotfiles" / "settings.toml"
    kept.parent.mkdir()
    kept.write_bytes(BOM + b'lang = "en"\n')
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().symlink_to(kept)
    assert load_settings().lang == "en"
    settings_path().unlink()
    settings_path().symlink_to(settings_path())  # a link to itself
    assert load_settings() == Settings()


def test_a_catalogue_saved_with_a_bom_reads_as_without(tmp_path: Path) -> None:
    """A translator's Notepad adds a BOM to en.toml: every start then stopped on tomllib's error."""
    from workshop_tui.core import i18n

    source = Path(i18n.__file__).with_name("en.toml")
    load_catalogue = i18n.load_catalogue
    copy = tmp_path / "en.toml"
    copy.write_bytes(BOM + source.read_bytes())
    assert load_catalogue(copy, tmp_path / "a") == load_catalogue(source, tmp_path / "b")
