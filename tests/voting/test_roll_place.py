"""One roll of phones per session FILE (``voting/roll_place.py``).

A copy mailed back under another name holds the session's id: both files shared
``voting/<id>.toml``, so two windows wrote one roll and one file's phones and typed-over marks
landed in the other. Each file now has its own roll; the session's own file keeps the old name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from workshop_tui.core.storage.locations import sessions_dir
from workshop_tui.voting.roll import roll_path
from workshop_tui.voting.roll_place import roll_place, settled_place


def _session_file(base: Path, name: str = "demo-1") -> Path:
    folder = sessions_dir(base)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text('id = "demo-1"\n')
    return path


def test_the_sessions_own_file_keeps_its_roll(tmp_path: Path) -> None:
    own = _session_file(tmp_path)
    assert roll_place("demo-1", own, tmp_path).path == roll_path("demo-1", tmp_path)


def test_a_copy_under_another_name_has_a_roll_of_its_own_and_is_told(tmp_path: Path) -> None:
    own = _session_file(tmp_path)
    copy = own.with_name("mailed-back.toml")
    shutil.copy(own, copy)
    elsewhere = tmp_path / "stick" / "demo-1.toml"
    elsewhere.parent.mkdir()
    shutil.copy(own, elsewhere)
    legacy = roll_path("demo-1", tmp_path)
    legacy.parent.mkdir(parents=True)
    legacy.write_text("[devices]\n")
    places = [roll_place("demo-1", path, tmp_path) for path in (copy, elsewhere)]
    paths = {place.path for place in places}
    assert len(paths) == 2 and legacy not in paths
    for place in places:
        assert place.path.parent == legacy.parent and place.path.name.startswith("demo-1--")
        assert place.shared_with == own and place.moved_from is None
    assert legacy.read_text() == "[devices]\n"  # the session's own file keeps its phones
    assert roll_place("demo-1", copy, tmp_path) == places[0]  # the same file, the same roll


def test_a_roll_whose_own_file_is_gone_moves_to_the_renamed_file_once(tmp_path: Path) -> None:
    renamed = _session_file(tmp_path, "renamed")
    second = _session_file(tmp_path, "second")
    legacy = roll_path("demo-1", tmp_path)
    legacy.parent.mkdir(parents=True)
    legacy.write_text("[devices]\n")
    first = roll_place("demo-1", renamed, tmp_path)
    assert first.moved_from == legacy and first.path.read_text() == "[devices]\n"
    assert not legacy.exists()
    assert roll_place("demo-1", renamed, tmp_path) == type(first)(first.path)  # moved once, said once
    other = roll_place("demo-1", second, tmp_path)
    assert other.moved_from is None and not other.path.exists()  # a second file cannot take it too


def test_a_long_id_still_makes_a_safe_name(tmp_path: Path) -> None:
    long_id = "a" * 80
    copy = _session_file(tmp_path, "copy")
    place = roll_place(long_id, copy, tmp_path)
    assert len(place.path.stem) <= 80 and place.path.parent == tmp_path / "voting"


def test_the_place_asked_before_a_key_is_the_same_and_moves_nothing(tmp_path: Path) -> None:
    """``settled_place`` (asked after opening, ``voting_marks.prepare``) is ``roll_place``'s answer,
    except where that would move a roll of the old name: then it says nothing and moves nothing."""
    own = _session_file(tmp_path)
    copy = own.with_name("mailed-back.toml")
    shutil.copy(own, copy)
    for path in (own, copy):
        assert settled_place("demo-1", path, tmp_path) == roll_place("demo-1", path, tmp_path)
    renamed = _session_file(tmp_path, "renamed")
    own.unlink()
    legacy = roll_path("demo-1", tmp_path)
    legacy.parent.mkdir(parents=True)
    legacy.write_text("[devices]\n")
    assert settled_place("demo-1", renamed, tmp_path) is None
    assert sorted(p.name for p in legacy.parent.iterdir()) == [legacy.name]
    moved = roll_place("demo-1", renamed, tmp_path)
    assert moved.moved_from == legacy
    assert settled_place("demo-1", renamed, tmp_path) == type(moved)(moved.path)  # once moved, found
