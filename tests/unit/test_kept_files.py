"""What runs keep in ``__pycache__`` (parsed CSS, dataclass code): sealed, bounded, never an error."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from workshop_tui.core.kept_files import (
    LEFT_TEMPORARY_SECONDS,
    prune,
    read_sealed,
    seal,
    unseal,
    write_sealed,
)

KIND = b"TEST"


def test_a_sealed_file_is_read_only_whole_of_its_kind_and_stamp(tmp_path: Path) -> None:
    data = seal(KIND, "py 3.11", b"content " * 100)
    assert unseal(KIND, "py 3.11", data) == b"content " * 100
    assert unseal(KIND, "py 3.12", data) is None, "made by another version"
    assert unseal(b"ELSE", "py 3.11", data) is None
    assert unseal(KIND, "py 3.11", data[:-1]) is None, "cut short"
    assert unseal(KIND, "py 3.11", data[:10]) is None
    changed = data.replace(b"content", b"CONTENT", 1)
    assert len(changed) == len(data) and unseal(KIND, "py 3.11", changed) is None, "changed on disk"
    path = tmp_path / "deep" / "x.bin"
    assert write_sealed(path, KIND, "s", b"abc") and read_sealed(path, KIND, "s") == b"abc"
    assert read_sealed(tmp_path / "missing", KIND, "s") is None
    assert [p.name for p in path.parent.iterdir()] == ["x.bin"], "no temporary file left"


def test_writing_where_nothing_can_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    assert write_sealed(tmp_path / "x.bin", KIND, "s", b"abc") is False
    assert list(tmp_path.iterdir()) == [], "the temporary file is taken away"
    monkeypatch.setattr(Path, "mkdir", refuse)
    assert write_sealed(tmp_path / "sub" / "x.bin", KIND, "s", b"abc") is False
    monkeypatch.setattr(os, "unlink", refuse)
    (tmp_path / "old-x.bin").write_bytes(b"")
    assert prune(tmp_path, lambda name: name.split("-")[0], used=(), generations=0, files=0) == []
    assert prune(tmp_path / "no such folder", lambda name: "g", used=(), generations=1, files=1) == []


def _file(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_pruning_keeps_the_newest_generations_and_files_and_never_what_this_run_used(tmp_path: Path) -> None:
    def generation(name: str) -> str | None:
        return name.split("-")[0] if name.endswith(".kept") else None

    old_python = [_file(tmp_path, f"py39-{n}.kept", 3000 + n) for n in range(3)]
    other_theme = [_file(tmp_path, f"light-{n}.kept", 2000 + n) for n in range(3)]
    current = [_file(tmp_path, f"py311-{n}.kept", 100 * n) for n in range(6)]
    used_long_ago = _file(tmp_path, "py311-used.kept", 9000)
    left = _file(tmp_path, ".py311-0.kept.123.tmp", LEFT_TEMPORARY_SECONDS + 60)
    writing = _file(tmp_path, ".py311-1.kept.456.tmp", 1)
    gone = prune(tmp_path, generation, used=[used_long_ago], generations=2, files=8)
    assert set(gone) == {*old_python, other_theme[1], other_theme[2], left}
    assert {p.name for p in tmp_path.iterdir()} == {
        *(p.name for p in current),
        other_theme[0].name,
        used_long_ago.name,  # the oldest file of all, but this run read it
        writing.name,  # another run's, being written now
    }
    gone = prune(tmp_path, generation, used=[used_long_ago], generations=1, files=3)
    assert {p.name for p in tmp_path.glob("*.kept")} == {current[0].name, current[1].name, used_long_ago.name}
    assert set(gone) == {other_theme[0], *current[2:]}
