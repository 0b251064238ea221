"""The one map from each kind to the module that declares it.

Reading an exercise file, writing it back and summarising its answers all look the
kind up here. The map is gathered from the family modules of this package: every
module that lists ``SPECS`` is a family, so a new kind's module is found without a
line here. A test checks that the map covers exactly the ``Kind`` type.

A session uses a few families (the default programme four of nine), and opening one
should not build the others' classes: ``spec_of`` imports a kind's family when the kind
is first looked up, by ``HOMES``; the whole map (``SPECS``, ``FAMILIES``, the derived
sets) imports every family when first asked for. A kind missing from ``HOMES`` is still
found, by looking through every family (a test checks ``HOMES`` against the families).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING, cast

import workshop_tui.core.kinds as package
from workshop_tui.core.kinds.spec import KindSpec

HOMES: Mapping[str, str] = {
    "action_review": "action_review",
    "action_list": "actions",
    "rating_grid": "grids",
    "scale": "grids",
    "statement_diagnostic": "grids",
    "bipolar": "grids",
    "paired_rating": "grids",
    "open_answers": "open_answers",
    "two_axis": "placements",
    "ranking": "ranking",
    "reflection_sheet": "sheets",
    "table": "tables",
    "single_choice": "votes",
    "dot_vote": "votes",
}
"""kind -> the family module that declares it, so that looking a kind up imports one family."""

_FOUND: dict[str, KindSpec] = {}
"""The kinds of the families imported so far."""

if TYPE_CHECKING:
    FAMILIES: tuple[ModuleType, ...]
    """One module per kind family; each lists its kinds in ``SPECS``."""
    SPECS: Mapping[str, KindSpec]
    """kind -> what it declares."""
    SCORED_KINDS: frozenset[str]
    """The kinds whose answers live in the score grid (and that phones can answer)."""
    VOTE_KINDS: frozenset[str]
    """The kinds whose items are options people put dots on."""


def _family(name: str) -> ModuleType:
    module = importlib.import_module(f"{package.__name__}.{name}")
    for spec in vars(module).get("SPECS", ()):  # not getattr: this module's own map is made on demand
        _FOUND.setdefault(spec.kind, spec)
    return module


def _families() -> tuple[ModuleType, ...]:
    """The modules of this package that declare kinds (``SPECS``), in name order."""
    import pkgutil  # here: only the whole map needs it (~3 ms at start)

    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = _family(info.name)
        if "SPECS" in vars(module) and module.__name__ != __name__:
            found.append(module)
    return tuple(found)


def __getattr__(name: str) -> object:
    """The whole map and what follows from it, made (with every family imported) when first asked for."""
    if name not in ("FAMILIES", "SPECS", "SCORED_KINDS", "VOTE_KINDS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    families = _families()
    specs = {spec.kind: spec for family in families for spec in family.SPECS}
    made: dict[str, object] = {
        "FAMILIES": families,
        "SPECS": specs,
        "SCORED_KINDS": frozenset(kind for kind, spec in specs.items() if spec.body.scored),
        "VOTE_KINDS": frozenset(kind for kind, spec in specs.items() if spec.body.vote),
    }
    globals().update(made)
    return made[name]


def spec_of(kind: str) -> KindSpec:
    """What ``kind`` declares (its family is imported the first time).

    Raises:
        KeyError: no such kind (an exercise is checked on load, so only a caller's mistake).
    """
    spec = _FOUND.get(kind)
    if spec is None:
        home = HOMES.get(kind)
        if home is not None:
            _family(home)
        spec = _FOUND.get(kind)
    if spec is None:
        spec = cast("Mapping[str, KindSpec]", __getattr__("SPECS"))[kind]
    return spec
