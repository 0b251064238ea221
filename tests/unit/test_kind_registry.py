"""The kind registry: every kind of the ``Kind`` type has exactly one home."""

from __future__ import annotations

from typing import get_args

from workshop_tui.core.kinds import registry
from workshop_tui.core.kinds.placements import side
from workshop_tui.core.model import Scale, Text
from workshop_tui.core.model.exercise import Kind
from workshop_tui.core.storage.exercise_codec import exercise_to_dict
from workshop_tui.core.storage.library import Library


def test_the_registry_covers_exactly_the_kind_type() -> None:
    assert set(registry.SPECS) == set(get_args(Kind))
    assert all(spec.kind == kind for kind, spec in registry.SPECS.items())


def test_no_kind_is_declared_by_two_families() -> None:
    declared = [spec.kind for family in registry.FAMILIES for spec in family.SPECS]
    assert len(declared) == len(set(declared))


def test_every_kind_in_the_library_is_written_back_by_its_own_module(library: Library) -> None:
    """Each built-in exercise's own keys come from its kind's ``write``, and nothing else adds any."""
    seen = set()
    for exercise in library.exercises.values():
        spec = registry.spec_of(exercise.kind)
        written = exercise_to_dict(exercise)
        assert type(exercise.body) is spec.body, exercise.id
        own = spec.write(exercise)
        assert {k: written[k] for k in own} == own, exercise.id
        common = {"id", "version", "kind", "title", "source", "prompt", "guide"}
        assert set(written) - common == set(own), exercise.id
        seen.add(exercise.kind)
    assert seen == set(get_args(Kind))


def test_the_scored_and_vote_kinds_follow_from_the_bodies() -> None:
    assert {"single_choice", "dot_vote"} == registry.VOTE_KINDS
    unscored = {"reflection_sheet", "action_list", "table", "open_answers", "action_review"}
    assert set(get_args(Kind)) - unscored == registry.SCORED_KINDS


def test_side_of_a_score_on_a_placement_axis() -> None:
    """Which half of an axis a score is in (a two-axis zone); None on an odd scale's middle."""
    odd = Scale(1, 5, Text("a"), Text("b"), inferred=False)
    assert [side(v, odd) for v in odd.values] == ["low", "low", None, "high", "high"]
    even = Scale(1, 4, Text("a"), Text("b"), inferred=False)
    assert [side(v, even) for v in even.values] == ["low", "low", "high", "high"]


def test_each_kind_s_home_is_the_family_that_declares_it() -> None:
    """``HOMES`` lets a lookup import one family; it must name the family that declares the kind."""
    declared = {
        spec.kind: family.__name__.rsplit(".", 1)[1] for family in registry.FAMILIES for spec in family.SPECS
    }
    assert dict(registry.HOMES) == declared
