"""The one map from each kind to the module that declares it.

Reading an exercise file, writing it back and summarising its answers all look the
kind up here. The map is gathered from the family modules of this package: every
module that lists ``SPECS`` is a family, so a new kind's module is found without a
line here. A test checks that the map covers exactly the ``Kind`` type.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import ModuleType

import workshop_tui.core.kinds as package
from workshop_tui.core.kinds.spec import KindSpec


def _families() -> tuple[ModuleType, ...]:
    """The modules of this package that declare kinds (``SPECS``), in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(module, "SPECS"):
            found.append(module)
    return tuple(found)


FAMILIES = _families()
"""One module per kind family; each lists its kinds in ``SPECS``."""

SPECS: Mapping[str, KindSpec] = {spec.kind: spec for family in FAMILIES for spec in family.SPECS}
"""kind -> what it declares."""

SCORED_KINDS = frozenset(kind for kind, spec in SPECS.items() if spec.body.scored)
"""The kinds whose answers live in the score grid (and that phones can answer)."""
VOTE_KINDS = frozenset(kind for kind, spec in SPECS.items() if spec.body.vote)
"""The kinds whose items are options people put dots on."""


def spec_of(kind: str) -> KindSpec:
    """What ``kind`` declares.

    Raises:
        KeyError: no such kind (an exercise is checked on load, so only a caller's mistake).
    """
    return SPECS[kind]
