"""An answer the facilitator types over a phone's stands as typed, on the phone and in the file.

Before, the phone kept "its" answer: a later send from its page (made on the page as it was)
silently put the old score back over the facilitator's correction. Now the desk notes the
item as typed over (in the roll, so it holds after a restart), the phone is shown the typed
score marked as set by the facilitator, and a change from the phone is refused with 409
``typed_over`` and words on the page; the same answer sent again passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.voting.desk import Desk, Refused
from workshop_tui.voting.page import page_html
from workshop_tui.voting.roll import Roll

from .conftest import CODE


def _voted(desk: Desk, session: Session) -> tuple[Session, str]:
    """One phone (p1) voted trust = 3 and possibility = 4 on resistance."""
    _, pid, _ = desk.join(session, {"code": CODE}, "10.9.9.9")
    desk.follow(session, "resistance")
    ballot = desk.ballot(session, pid, {"exercise": "resistance", "scores": {"trust": 3, "possibility": 4}})
    desk.roll.mark_voted(pid, "resistance")
    return ballot.edit(session), pid


def test_a_typed_over_answer_stands_and_the_phone_is_refused(desk: Desk, room_session: Session) -> None:
    session, pid = _voted(desk, room_session)
    version = desk.version
    session = session.with_score("resistance", "trust", pid, 5)  # the facilitator's correction
    assert desk.type_over(session, pid, "resistance", "trust")
    assert not desk.type_over(session, pid, "resistance", "trust")  # said once, not per key
    assert desk.version > version  # a waiting phone looks again
    state = desk.state(session, pid)
    assert state["mine"]["trust"] == 5 and state["typed"] == ["trust"]
    with pytest.raises(Refused) as refused:
        desk.ballot(session, pid, {"exercise": "resistance", "scores": {"trust": 3, "possibility": 4}})
    assert (refused.value.status, refused.value.reason) == (409, "typed_over")
    again = desk.ballot(session, pid, {"exercise": "resistance", "scores": {"trust": 5, "possibility": 2}})
    assert again.edit(session).answers_for("resistance").scores["trust"][pid] == 5
    assert desk.ballot(session, pid, {"exercise": "resistance", "scores": {"possibility": 1}})  # others free


def test_an_answer_typed_for_a_place_without_a_phone_is_no_phones(desk: Desk, room_session: Session) -> None:
    desk.follow(room_session, "resistance")
    assert not desk.type_over(room_session, "p2", "resistance", "trust")


def test_the_typed_over_answers_are_kept_in_the_roll(
    desk: Desk, room_session: Session, tmp_path: Path
) -> None:
    session, pid = _voted(desk, room_session)
    desk.type_over(session.with_score("resistance", "trust", pid, 5), pid, "resistance", "trust")
    path = tmp_path / "roll.toml"
    desk.roll.save(path)
    roll, problem = Roll.load(path)
    assert problem is None and roll.typed_items(pid, "resistance") == {"trust"}
    path.write_text('[typed]\n"p9" = ["x/../y"]\n', encoding="utf-8")
    assert Roll.load(path)[1] is not None  # a hostile entry: the roll is set aside, as any damage


def test_the_page_has_the_words() -> None:
    for lang in ("da", "en"):
        page = page_html(lang).decode()
        assert "refused_typed_over" in page and t("phone.typed_note", lang) in page


def test_an_undo_that_puts_the_phones_answer_back_takes_the_mark_off(
    desk: Desk, room_session: Session
) -> None:
    """Ctrl+Z after typing over a phone's answer put its score back and kept the mark: the phone
    could no longer change its own answer (409 ``typed_over``)."""
    session, pid = _voted(desk, room_session)
    assert desk.type_over(session, pid, "resistance", "trust")  # as the grid: before the edit
    typed = session.with_score("resistance", "trust", pid, 5)
    retyped = typed.with_score("resistance", "trust", pid, 2)
    assert not desk.roll.unmark(retyped, typed)  # undone to an earlier typed score: still typed
    assert desk.roll.typed_items(pid, "resistance") == {"trust"}
    assert desk.roll.unmark(typed, session)  # undone to the phone's 3
    assert desk.roll.typed_items(pid, "resistance") == set()
    assert desk.roll.unmark(session, typed)  # redone: the typed 5 is marked again
    assert desk.roll.typed_items(pid, "resistance") == {"trust"}
    assert desk.roll.unmark(typed, session)
    voted = session.with_score("resistance", "trust", pid, 1)  # the phone's own change after the undo
    assert not desk.roll.unmark(voted, voted.with_score("resistance", "trust", pid, 2))  # not typed over
    assert desk.roll.typed_items(pid, "resistance") == set()
    again = desk.ballot(session, pid, {"exercise": "resistance", "scores": {"trust": 1, "possibility": 4}})
    assert again.edit(session).answers_for("resistance").scores["trust"][pid] == 1
