"""The one map from each kind to the module that declares it.

Reading an exercise file, writing it back and summarising its answers all look the
kind up here; a test checks that the map covers exactly the ``Kind`` type.
"""

from __future__ import annotations

from collections.abc import Mapping

from workshop_tui.core.kinds import actions, grids, placements, sheets, tables, votes
from workshop_tui.core.kinds.spec import KindSpec

FAMILIES = (grids, placements, votes, sheets, actions, tables)
"""One module per kind family; each lists its kinds in ``SPECS``."""

SPECS: Mapping[str, KindSpec] = {spec.kind: spec for family in FAMILIES for spec in family.SPECS}
"""kind -> what it declares."""


def spec_of(kind: str) -> KindSpec:
    """What ``kind`` declares.

    Raises:
        KeyError: no such kind (an exercise is checked on load, so only a caller's mistake).
    """
    return SPECS[kind]
