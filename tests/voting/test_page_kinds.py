"""The phone page's table of controls keyed by kind holds every kind a phone can be asked.

A phone gets an exercise only when its answers are scores (``Exercise.is_scored``): the
page's ``CONTROLS`` must name exactly those kinds, and the page must not check a kind
anywhere else.
"""

from __future__ import annotations

import re
from importlib import resources

from workshop_tui.core.model import KINDS, SCORED_KINDS

PAGE = resources.files("workshop_tui.voting").joinpath("page.js").read_text(encoding="utf-8")


def controls() -> set[str]:
    """The keys of ``const CONTROLS = {...};`` in page.js (its entries are one per line)."""
    found = re.search(r"^const CONTROLS = \{\n(.*?)^\};", PAGE, re.MULTILINE | re.DOTALL)
    assert found, "page.js has no CONTROLS table"
    return set(re.findall(r"^  ([a-z_]+):", found.group(1), re.MULTILINE))


def test_the_page_has_a_control_for_every_kind_a_phone_is_asked() -> None:
    keys = controls()
    assert keys <= set(KINDS)
    assert keys == set(SCORED_KINDS)
    assert keys | (set(KINDS) - set(SCORED_KINDS)) == set(KINDS)


def test_the_page_checks_no_kind_outside_its_table() -> None:
    outside = re.sub(r"^const CONTROLS = \{\n.*?^\};", "", PAGE, flags=re.MULTILINE | re.DOTALL)
    for kind in KINDS:
        assert f'"{kind}"' not in outside and f"'{kind}'" not in outside, kind
    assert "kind ===" not in outside and "kind !==" not in outside
