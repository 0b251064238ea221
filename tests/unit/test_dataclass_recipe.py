"""Kept recipes (:mod:`workshop_tui.core.dataclass_recipe`) make the classes ``dataclasses`` makes."""

from __future__ import annotations

import dataclasses
import inspect
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core import dataclass_code, dataclass_recipe

pytestmark = pytest.mark.skipif(
    not dataclass_recipe.ENABLED, reason="recipes follow CPython 3.11's dataclasses"
)

SOURCE = '''
from __future__ import annotations
from dataclasses import dataclass, field
from typing import ClassVar

@dataclass(frozen=True)
class Point:
    """A point."""
    x: int
    label: str = "p"
    tags: tuple[str, ...] = field(default_factory=tuple)
    size: int = field(default=3)

@dataclass(frozen=True)
class Checked:
    self: int
    names: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.self < 0:
            raise ValueError("negative")

@dataclass(frozen=True)
class Shown:
    """Its own repr."""
    value: str

    def __repr__(self) -> str:
        return "shown"

@dataclass(frozen=True)
class Counted:
    """A ClassVar: made by ``dataclasses`` as always."""
    total: ClassVar[int] = 0
    value: int = 1

@dataclass
class Loose:
    """Not frozen: as always."""
    value: int = 1
'''
NAMES = ("Point", "Checked", "Shown", "Counted", "Loose")


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and no codes or recipes remembered from this process."""
    monkeypatch.setattr(dataclass_code, "CACHE_DIR", tmp_path / "codes")
    monkeypatch.setattr(dataclass_code, "_cached", {})
    monkeypatch.setattr(dataclass_code, "_used", {})
    monkeypatch.setattr(dataclass_code, "_dirty", set())
    monkeypatch.setattr(dataclass_code, "_read_files", set())
    return tmp_path / "codes"


def make(name: str) -> dict[str, Any]:
    """The classes of ``SOURCE`` defined in a fresh module ``name`` (as an import defines them)."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(SOURCE, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return {each: module.__dict__[each] for each in NAMES}


def described(cls: Any) -> tuple[object, ...]:
    """All a class's users can see of what ``dataclasses`` made, in plain values."""
    fields = [
        (
            f.name,
            f.type,
            f.default,
            f.default_factory,
            f.init,
            f.repr,
            f.hash,
            f.compare,
            dict(f.metadata),
            f.kw_only,
        )
        for f in dataclasses.fields(cls)
    ]
    init = cls.__init__
    return (
        fields,
        repr(cls.__dataclass_params__),
        str(inspect.signature(cls)),
        init.__qualname__,
        init.__defaults__,
        init.__kwdefaults__,
        init.__annotations__,
        cls.__repr__.__qualname__,
        cls.__eq__.__qualname__,
        getattr(cls.__hash__, "__qualname__", cls.__hash__),
        getattr(cls, "__match_args__", None),
        cls.__doc__,
        sorted(name for name in vars(cls) if not name.startswith("__")),
    )


def behaviour(classes: dict[str, Any]) -> tuple[object, ...]:
    """What the made methods do."""
    point, checked, shown = classes["Point"], classes["Checked"], classes["Shown"]
    one, same, other = point(1, tags=("a",)), point(1, tags=("a",)), point(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.x = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        del one.label
    with pytest.raises(ValueError, match="negative"):
        checked(-1)
    first, second = checked(1), checked(1)
    return (
        repr(one),
        one == same,
        one == other,
        one == (1, "p", ("a",), 3),
        hash(one) == hash(same),
        repr(dataclasses.replace(one, label="q")),
        repr(first),
        first.names is not second.names,
        repr(shown("x")),
        classes["Counted"]().total,
        repr(classes["Loose"](2)),
    )


def test_a_kept_recipe_makes_the_same_classes_without_dataclasses(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = {name: (described(cls), cls) for name, cls in make("probe_plain_recipes").items()}
    plain_behaviour = behaviour({name: cls for name, (_, cls) in plain.items()})
    recorded = make("workshop_tui.probe_recipes")  # recorded: made by dataclasses, then checked
    assert dataclass_code._dirty == {"workshop_tui.probe_recipes"}
    dataclass_code._write()
    dataclass_code._cached.clear()
    dataclass_code._used.clear()
    dataclass_code._dirty.clear()
    made_by_dataclasses: list[str] = []
    real = dataclass_recipe._real

    def counted(cls: type, *options: object) -> type:
        made_by_dataclasses.append(cls.__name__)
        return real(cls, *options)  # type: ignore[no-any-return]

    monkeypatch.setattr(dataclass_recipe, "_real", counted)
    kept = make("workshop_tui.probe_recipes")  # a new run: from the recipes
    assert made_by_dataclasses == ["Counted", "Loose"]  # (not kept: a ClassVar, not frozen)
    assert dataclass_code._dirty == set()
    for name in NAMES:
        assert described(kept[name]) == described(recorded[name]) == plain[name][0], name
    assert behaviour(kept) == behaviour(recorded) == plain_behaviour


def test_a_class_of_another_module_or_a_changed_class_is_made_as_always(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make("workshop_tui.probe_changed")
    kept = dict(dataclass_code._used["workshop_tui.probe_changed"])
    assert sum(isinstance(key, tuple) for key in kept) == 3  # Point, Checked, Shown
    dataclass_code._write()
    dataclass_code._cached.clear()
    dataclass_code._dirty.clear()
    made_by_dataclasses: list[str] = []
    real = dataclass_recipe._real

    def counted(cls: type, *options: object) -> type:
        made_by_dataclasses.append(cls.__name__)
        return real(cls, *options)  # type: ignore[no-any-return]

    monkeypatch.setattr(dataclass_recipe, "_real", counted)
    make("probe_library_recipes")  # a library's classes: never from a recipe
    assert made_by_dataclasses == list(NAMES)
    made_by_dataclasses.clear()
    monkeypatch.setattr(
        sys.modules[__name__],
        "SOURCE",
        SOURCE.replace('label: str = "p"', 'label: str = "p"\n    z: int = 0'),
    )
    changed = make("workshop_tui.probe_changed")  # a field more in Point: its key is another
    assert made_by_dataclasses == ["Point", "Counted", "Loose"]
    assert [f.name for f in dataclasses.fields(changed["Point"])] == ["x", "label", "z", "tags", "size"]
