"""What a kind declares instead of being named in the shells: its results' chart and phone control.

The views, the wall and the phone page ask these declarations (issue 14's gaps), so a new
kind that draws and answers like an existing one touches none of them.
"""

from __future__ import annotations

from workshop_tui.core.kinds.registry import SPECS
from workshop_tui.core.model.exercise import KINDS
from workshop_tui.core.storage.library import Library

EXPECTED = {
    # kind: (chart, phone control shape or None)
    "rating_grid": ("profile", "rate"),
    "scale": ("profile", "rate"),
    "statement_diagnostic": ("dimensions", "rate"),
    "bipolar": ("poles", "rate"),
    "paired_rating": ("mirror", "rate"),
    "two_axis": ("map", "rate"),
    "single_choice": ("votes", "choose_one"),
    "dot_vote": ("votes", "dots"),
    "ranking": ("profile", "order"),
    "reflection_sheet": ("profile", None),
    "action_list": ("profile", None),
    "table": ("profile", None),
    "open_answers": ("profile", None),
    "action_review": ("profile", None),
}


def test_every_kind_of_the_library_declares_its_chart_and_control(library: Library) -> None:
    assert set(EXPECTED) == set(KINDS) == set(SPECS)
    seen: dict[str, tuple[str, str | None]] = {}
    for exercise in library.exercises.values():
        control = exercise.body.control(exercise)
        seen.setdefault(exercise.kind, (exercise.body.chart, control.shape if control else None))
        assert seen[exercise.kind] == EXPECTED[exercise.kind], exercise.id
    assert set(seen) == set(KINDS)


def test_the_summary_part_carries_the_chart_the_wall_reads(library: Library) -> None:
    from workshop_tui.core.results.summary import build_summary
    from workshop_tui.core.results.summary_model import ScoredPart
    from workshop_tui.core.storage.sessions import new_session

    ids = ["kkc-indicators", "resistance"]
    exercises = [e for e in library.exercises.values() if e.id in ids]
    session = new_session(title="t", date="2026-12-02", exercises=exercises, participants=2)
    charts = {}
    for summary in build_summary(session).exercises:
        assert isinstance(summary.part, ScoredPart)
        charts[summary.kind] = summary.part.chart
    assert charts == {"statement_diagnostic": "dimensions", "rating_grid": "profile"}


def test_a_derived_scale_is_worded_by_the_catalogue_in_the_language_asked() -> None:
    from workshop_tui.core.i18n import catalogue
    from workshop_tui.core.kinds.ranking import places
    from workshop_tui.core.kinds.votes import Votes, vote_scale
    from workshop_tui.core.text_safety import ShownCopies

    scale = places(4)
    catalogue.cache_clear()
    assert (scale.min_label.get("da"), scale.max_label.get("da")) == ("først", "sidst")
    assert catalogue.cache_info().currsize == 1  # English is not parsed for a Danish reader
    assert (scale.min_label.get("en"), scale.max_label.en) == ("first", "last")
    dots = vote_scale(Votes(dots=5, max_per_item=3, inferred=False))
    assert (dots.min_label.da, dots.max_label.get("da"), dots.max_label.get("en")) == (
        "1 prik",
        "3 prikker",
        "3 dots",
    )
    assert ShownCopies()(scale) is scale  # the app's own words need no cleaning
    assert places(4) == scale and hash(places(4)) == hash(scale)
