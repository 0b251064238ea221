"""The compiled-method cache of :mod:`workshop_tui.core.dataclass_code` makes the same classes."""

from __future__ import annotations

import dataclasses
import errno
import marshal
import os
import sys
import time
import types
from pathlib import Path

import pytest

from workshop_tui.core import dataclass_code
from workshop_tui.core.kept_files import HEADER_SIZE

SOURCE = '''
from __future__ import annotations
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Point:
    """A point."""
    x: int
    label: str = "p"
    tags: tuple[str, ...] = field(default_factory=tuple)
'''


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and no codes remembered from this process."""
    monkeypatch.setattr(dataclass_code, "CACHE_DIR", tmp_path / "codes")
    monkeypatch.setattr(dataclass_code, "_cached", {})
    monkeypatch.setattr(dataclass_code, "_used", {})
    monkeypatch.setattr(dataclass_code, "_dirty", set())
    monkeypatch.setattr(dataclass_code, "_read_files", set())
    return tmp_path / "codes"


def make(name: str) -> type:
    """``Point`` defined in a fresh module ``name`` (as an import would define it)."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(SOURCE, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    point: type = module.Point
    return point


def behaviour(point: type) -> tuple[object, ...]:
    """What the generated methods do, compared between a compiled and a cached class."""
    one, same, other = point(1, tags=("a",)), point(1, tags=("a",)), point(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.x = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        del one.x
    return (
        repr(one),
        one == same,
        one == other,
        hash(one) == hash(same),
        point.__init__.__annotations__,
        [(f.name, f.type) for f in dataclasses.fields(point)],
        replace_label(one),
    )


def replace_label(value: object) -> str:
    changed = dataclasses.replace(value, label="q")  # type: ignore[type-var]
    return repr(changed)


def test_cached_classes_behave_as_compiled_ones(fresh_cache: Path) -> None:
    dataclass_code.install()
    assert dataclasses.exec is dataclass_code._exec  # type: ignore[attr-defined]
    compiled = make("workshop_tui.probe_points")
    assert dataclass_code._dirty == {"workshop_tui.probe_points"}
    dataclass_code._write()
    written = dataclass_code.cache_file("workshop_tui.probe_points")
    assert written.is_file()
    # A new run: nothing compiled, every method's code taken from the file.
    dataclass_code._cached.clear()
    dataclass_code._dirty.clear()
    cached = make("workshop_tui.probe_points")
    assert dataclass_code._dirty == set()
    assert behaviour(cached) == behaviour(compiled)
    # Annotations stay objects, as plain ``dataclasses`` makes them (not this module's strings).
    assert cached.__init__.__annotations__["return"] is None  # type: ignore[misc]


def test_other_modules_and_damaged_files_compile_as_always(fresh_cache: Path) -> None:
    dataclass_code.install()
    make("probe_library")
    assert dataclass_code._dirty == set()
    assert not fresh_cache.exists()
    fresh_cache.mkdir()
    dataclass_code.cache_file("workshop_tui.probe_damaged").write_bytes(b"\x00not marshal")
    point = make("workshop_tui.probe_damaged")
    assert point(3).x == 3
    assert dataclass_code._dirty == {"workshop_tui.probe_damaged"}
    assert dataclass_code._read("workshop_tui.probe_damaged") == {}


def _written(module: str) -> Path:
    """``Point`` of ``module`` compiled, and its cache file written (as at the end of a run)."""
    dataclass_code.install()
    make(module)
    dataclass_code._write()
    dataclass_code._cached.clear()
    dataclass_code._dirty.clear()
    return dataclass_code.cache_file(module)


def test_a_changed_or_foreign_file_is_not_read_and_is_written_again(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Damaged marshal data can crash the interpreter or load as other code: the seal is checked first."""
    path = _written("workshop_tui.probe_sealed")
    assert dataclass_code._read("workshop_tui.probe_sealed")
    whole = path.read_bytes()
    changed = whole.replace(b"label", b"lAbel")  # still marshal data, holding other text
    assert changed != whole and len(changed) == len(whole)
    path.write_bytes(changed)
    assert dataclass_code._read("workshop_tui.probe_sealed") == {}
    for cut in (len(whole) // 2, 20, 3):
        path.write_bytes(whole[:cut])
        assert dataclass_code._read("workshop_tui.probe_sealed") == {}
    marshalled = marshal.dumps(marshal.loads(whole[HEADER_SIZE:]))  # the old, unsealed file
    path.write_bytes(marshalled)
    assert dataclass_code._read("workshop_tui.probe_sealed") == {}
    path.write_bytes(whole)
    with monkeypatch.context() as other_python:
        other_python.setattr(dataclass_code, "STAMP", "cpython-399 marshal 9")  # another Python's file
        assert dataclass_code._read("workshop_tui.probe_sealed") == {}
    path.write_bytes(changed)
    point = make("workshop_tui.probe_sealed")  # compiled as always …
    assert point(3).x == 3 and dataclass_code._dirty == {"workshop_tui.probe_sealed"}
    dataclass_code._write()  # … and written again, whole: sealed, and the same codes.
    # Not the same bytes: marshal marks an object it may meet again (FLAG_REF) by its
    # reference count, which depends on what else the process holds (CI saw one flag differ).
    assert dataclass_code._read("workshop_tui.probe_sealed")
    assert marshal.loads(path.read_bytes()[HEADER_SIZE:]) == marshal.loads(whole[HEADER_SIZE:])


def test_only_the_newest_pythons_files_are_kept(fresh_cache: Path) -> None:
    fresh_cache.mkdir()
    old = []
    for age, tag in enumerate(("cpython-312", "cpython-310", "cpython-39"), start=1):
        for module in ("workshop_tui.a", "workshop_tui.b"):
            path = fresh_cache / f"{module}.{tag}.marshal"
            path.write_bytes(b"")
            os.utime(path, (time.time() - 3600 * age, time.time() - 3600 * age))
            old.append(path)
    left = fresh_cache / f".workshop_tui.a.{dataclass_code.TAG}.marshal.99.tmp"
    left.write_bytes(b"")
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    path = _written("workshop_tui.probe_pruned")
    assert sorted(p.name for p in fresh_cache.iterdir()) == sorted([path.name, old[0].name, old[1].name])


def test_a_read_only_install_compiles_as_always(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "unlink", refuse)
    path = _written("workshop_tui.probe_read_only")
    assert not path.exists()
    assert make("workshop_tui.probe_read_only")(2).x == 2


def test_while_the_app_starts_a_library_s_classes_are_kept_in_the_start_s_file(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's and rich's dataclasses, made at every start, come from one file; after it, as always."""
    monkeypatch.setattr(dataclass_code, "_starting", False)
    compiled = behaviour(make("probe_library_plain"))  # (installed by ``workshop_tui.core``)
    assert dataclass_code._dirty == set()
    dataclass_code.start()
    make("probe_library_start")
    make("workshop_tui.probe_start")  # the app's own: in its module's file, as always
    assert dataclass_code._dirty == {dataclass_code.START, "workshop_tui.probe_start"}
    dataclass_code.finish()  # written as the start ends
    assert dataclass_code.cache_file(dataclass_code.START).is_file()
    assert dataclass_code.START not in dataclass_code._cached, "the start's codes are not kept in memory"
    assert dataclass_code.START not in dataclass_code._used
    make("probe_library_after")
    assert dataclass_code._dirty == set()  # after the start: compiled as always, nothing kept
    dataclass_code._cached.clear()
    dataclass_code.start()
    cached = make("another_library_start")
    assert dataclass_code._dirty == set()  # every method's code from the start's file
    assert behaviour(cached) == compiled
    dataclass_code.finish()


def test_a_library_s_class_is_made_as_dataclasses_makes_it(fresh_cache: Path) -> None:
    """Not kept, its methods are compiled as in ``dataclasses``: annotations are the types, not names."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataclasses, "exec", exec, raising=False)
        plain = behaviour(make("probe_library_without"))
    assert behaviour(make("probe_library_with")) == plain
    assert make("probe_library_types").__init__.__annotations__["x"] == "int"  # type: ignore[misc]
