"""The compiled-method cache of :mod:`workshop_tui.core.dataclass_code` makes the same classes."""

from __future__ import annotations

import dataclasses
import sys
import types
from pathlib import Path

import pytest

from workshop_tui.core import dataclass_code

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
