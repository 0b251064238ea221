"""The keys an exercise's guide tells the facilitator to press are the keys the app binds.

The guides are content (``exercises/*.toml``) and the bindings code: a key renamed in one
and not the other leaves the facilitator pressing a key that does nothing. The follow-up
day's guide said "carry it over with V" while the review bound Ctrl+O.
"""

from __future__ import annotations

import re

import pytest

from workshop_tui.core.storage.library import load_library
from workshop_tui.tui.commands import SESSION_COMMANDS, key_name
from workshop_tui.tui.views.action_review import View as ActionReviewView

KEY_IN_TEXT = re.compile(r"\b(?:Ctrl\+[A-Z]|F[0-9]{1,2})\b")


def _guides() -> list[tuple[str, str, str]]:
    """(exercise id, language, guide) for every built-in exercise with a guide."""
    library = load_library(include_user=False)
    return [
        (exercise.id, lang, exercise.guide.get(lang))
        for exercise in library.exercises.values()
        if exercise.guide is not None
        for lang in ("da", "en")
    ]


def _carry_over_key() -> str:
    (binding,) = [b for b in ActionReviewView.BINDINGS if getattr(b, "action", "") == "carry_over"]
    return key_name(binding.key)  # type: ignore[union-attr]


def test_every_key_a_guide_names_is_bound_on_the_session_screen_or_by_a_view() -> None:
    bound = {key_name(key) for command in SESSION_COMMANDS for key in command.keys.split(",")}
    bound.add(_carry_over_key())
    named = {(exercise_id, key) for exercise_id, _, guide in _guides() for key in KEY_IN_TEXT.findall(guide)}
    assert named, "no guide names a key: the pattern is wrong"
    assert {(exercise_id, key) for exercise_id, key in named if key not in bound} == set()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_follow_up_guide_names_the_key_that_carries_an_action_over(lang: str) -> None:
    (guide,) = [
        text
        for exercise_id, language, text in _guides()
        if exercise_id == "action-review" and language == lang
    ]
    assert _carry_over_key() in guide
