"""The phone page draws shapes, not kinds: each kind declares its control in the core.

A phone gets an exercise when its kind declares a control (``Body.control``): a shape of
``core.model.control.Shape`` and the shape's parameters. The page's ``SHAPES`` must hold
exactly those shapes, every kind whose answers are scores must declare one, and the page
must not name or check a kind anywhere, so a new kind with an existing shape touches no
page code.
"""

from __future__ import annotations

import re
from importlib import resources

from workshop_tui.core.kinds.registry import SCORED_KINDS
from workshop_tui.core.model import KINDS
from workshop_tui.core.model.control import SHAPES
from workshop_tui.core.storage.library import Library
from workshop_tui.voting.votes import exercise_json

PAGE = resources.files("workshop_tui.voting").joinpath("page.js").read_text(encoding="utf-8")


def shapes() -> set[str]:
    """The keys of ``const SHAPES = {...};`` in page.js (its entries are one per line)."""
    found = re.search(r"^const SHAPES = \{\n(.*?)^\};", PAGE, re.MULTILINE | re.DOTALL)
    assert found, "page.js has no SHAPES table"
    return set(re.findall(r"^  ([a-z_]+):", found.group(1), re.MULTILINE))


def test_the_page_draws_exactly_the_shapes_the_core_declares() -> None:
    assert shapes() == set(SHAPES)


def test_every_kind_a_phone_is_asked_declares_a_shape_the_page_draws(library: Library) -> None:
    declared: dict[str, set[str]] = {}
    for exercise in library.exercises.values():
        control = exercise.body.control(exercise)
        assert control is not None or not exercise.is_scored, exercise.id
        if control is not None:
            declared.setdefault(exercise.kind, set()).add(control.shape)
            sent = exercise_json(exercise, "da")["control"]
            assert sent["shape"] == control.shape and sent["shape"] in shapes()
    # The built-in library has an exercise of every kind phones answer.
    assert set(declared) >= set(SCORED_KINDS)
    assert declared["dot_vote"] == {"dots"} and declared["single_choice"] == {"choose_one"}
    assert declared["ranking"] == {"order"} and declared["rating_grid"] == {"rate"}


def test_the_page_names_no_kind() -> None:
    for kind in KINDS:
        assert f'"{kind}"' not in PAGE and f"'{kind}'" not in PAGE, kind
        assert re.search(rf"^\s*{kind}:", PAGE, re.MULTILINE) is None, kind
    assert "kind ===" not in PAGE and "kind !==" not in PAGE and ".kind" not in PAGE
