"""Where an undo changed the answers: the exercise and, for a group's sheet, the group."""

from __future__ import annotations

from workshop_tui.core.model import Session
from workshop_tui.core.model.answers import Action
from workshop_tui.core.model.changed import changed_place


def test_a_score_is_found_on_its_exercise_without_a_group(small_session: Session) -> None:
    after = small_session.with_score("resistance", "trust", "p1", 4)
    assert changed_place(small_session, after) == ("resistance", "")
    assert changed_place(after, small_session) == ("resistance", "")


def test_a_group_s_text_or_action_is_found_with_its_group(small_session: Session) -> None:
    second = small_session.groups[1].id
    after = small_session.with_text("sheet-42", second, "1", "Bord to skriver")
    assert changed_place(small_session, after) == ("sheet-42", second)
    later = after.with_action("sheet-45", second, 0, Action(text="Ring til sygehuset"))
    assert changed_place(after, later) == ("sheet-45", second)


def test_nothing_changed_but_the_place_is_none(small_session: Session) -> None:
    assert changed_place(small_session, small_session.with_position(small_session.position)) is None
