"""``find_session`` by id reads the id inside the files, and exactly one file must match.

A session copied or mailed back under another file name holds the same id as the original:
``workshop open ID`` then opened whichever file was named ``ID.toml``, silently, and a file
renamed by hand could not be opened by the id the app shows. Now the id inside counts as
much as the name; two files holding it are named in the message, by path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.storage.listing import find_session, not_found
from workshop_tui.core.storage.sessions import save_session


def _saved(session: Session, folder: Path) -> Path:
    path = folder / f"{session.id}.toml"
    save_session(session, path)
    return path


def test_a_renamed_file_is_found_by_the_id_inside(small_session: Session, tmp_path: Path) -> None:
    original = _saved(small_session, tmp_path)
    renamed = original.with_name("from-the-mail.toml")
    original.rename(renamed)
    assert find_session(small_session.id, tmp_path) == renamed
    assert find_session("from-the-mail", tmp_path) == renamed  # its name still opens it


def test_two_files_holding_one_id_are_named_not_guessed(small_session: Session, tmp_path: Path) -> None:
    original = _saved(small_session, tmp_path)
    copy = tmp_path / "copy.toml"
    shutil.copyfile(original, copy)
    assert find_session(small_session.id, tmp_path) is None
    for lang in ("da", "en"):
        said = not_found(small_session.id, lang, tmp_path)
        assert said == t(
            "cli.error.same_id", lang, name=small_session.id, n=2, paths=f"{original}, {copy}"
        ) or (said == t("cli.error.same_id", lang, name=small_session.id, n=2, paths=f"{copy}, {original}"))
    assert find_session("copy", tmp_path) == copy  # each still opens by its own name or path
    assert find_session(str(original), tmp_path) == original


def test_the_list_shows_the_id_of_a_renamed_file(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The hint after a miss points at ``workshop sessions`` for ids: a file whose name is not
    its id shows the id there, the one ``find_session`` now opens it by."""
    assert main(["new", "--title", "Dag 1", "--participants", "3", "--no-open"]) == 0
    (path,) = (data_dir / "sessions").glob("*.toml")
    path.rename(path.with_name("mailed.toml"))
    capsys.readouterr()
    assert main(["sessions"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.endswith(t("cli.sessions.id", "da", id=path.stem))
    assert main(["--lang", "en", "open", "no-such-thing"]) == 1
    assert "(its id)" in capsys.readouterr().err


def test_a_follow_up_of_an_id_two_files_hold_names_them(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--follows ID`` said "no session to follow up" when a copy held the same id."""
    assert main(["new", "--title", "Dag 1", "--participants", "3", "--no-open"]) == 0
    (path,) = (data_dir / "sessions").glob("*.toml")
    shutil.copyfile(path, path.with_name("copy.toml"))
    capsys.readouterr()
    assert main(["new", "--follows", path.stem, "--no-open"]) == 1
    assert str(path.with_name("copy.toml")) in capsys.readouterr().err


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\u200f", "\x1b[1m"])
def test_a_title_is_found_as_it_is_shown(small_session: Session, tmp_path: Path, hidden: str) -> None:
    """A title pasted with a bidi override, a zero-width space or an escape is listed (and shown
    on the wall) without it: that title, typed back as the list shows it, opens the session."""
    from dataclasses import replace

    from workshop_tui.core.text_safety import for_terminal

    path = _saved(replace(small_session, title=f"Ledergruppe {hidden}Øst"), tmp_path)
    shown = for_terminal(f"Ledergruppe {hidden}Øst")
    assert shown == "Ledergruppe Øst"
    assert find_session(shown, tmp_path) == path
    assert find_session("ledergruppe øst", tmp_path) == path  # case folded, as before
    assert find_session("Ledergruppe Vest", tmp_path) is None
