"""Action dates: typed the Danish way or ISO, stored ISO; anything else refused with the fix."""

from __future__ import annotations

from datetime import date

import pytest

from workshop_tui.core.model import Action, Session
from workshop_tui.core.model.dates import normalise_date
from workshop_tui.core.model.refusal import Refused, refusal_text

SEMINAR = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("2027-01-20", "2027-01-20"),
        ("2027-1-5", "2027-01-05"),
        ("20.1.2027", "2027-01-20"),
        ("20.01.27", "2027-01-20"),
        ("20/1", "2027-01-20"),  # no year: the next 20 January after the seminar
        ("1/12", "2026-12-01"),
        ("23.11", "2026-11-23"),
        ("29/2", "2028-02-29"),
        (" 20-1-2027 ", "2027-01-20"),
        ("", ""),
    ],
)
def test_dates_are_made_iso(typed: str, iso: str) -> None:
    assert normalise_date(typed, SEMINAR) == iso


@pytest.mark.parametrize(
    "typed", ["næste uge", "uge 12", "32.1.2027", "2027-13-01", "20/1 eller 21/1", "x" * 200]
)
def test_other_text_is_refused_with_the_fix(typed: str) -> None:
    with pytest.raises(Refused) as refused:
        normalise_date(typed, SEMINAR)
    assert refused.value.code == "date.invalid"
    assert "20.1.2027" in refusal_text(refused.value, "da") and "er ikke en dato" in refusal_text(
        refused.value, "da"
    )
    assert "is not a date" in refusal_text(refused.value, "en")


def test_the_session_stores_actions_with_iso_dates(small_session: Session) -> None:
    session = small_session.with_action("sheet-45", "g1", 0, Action("Skyggedag", "Bo", "20.1.2027"))
    [action] = session.answers_for("sheet-45").actions["g1"]
    assert action.due == "2027-01-20"
    with pytest.raises(Refused, match="'næste uge' is not a date"):
        small_session.with_action("sheet-45", "g1", 0, Action("Skyggedag", "Bo", "næste uge"))


def test_words_left_in_a_date_are_kept_as_written_when_asked(small_session: Session) -> None:
    """The date field left holding "næste fredag": kept as written (``due_as_written``), never
    dropped; once saved, editing the action's text keeps it rather than refusing it (an old
    file's "uge 12" made every edit of its action's text refused)."""
    session = small_session.with_action(
        "sheet-45", "g1", 0, Action("Skyggedag", "Bo", "næste fredag"), due_as_written=True
    )
    assert session.answers_for("sheet-45").actions["g1"][0].due == "næste fredag"
    session = session.with_action("sheet-45", "g1", 0, Action("Skyggedag i Vejle", "Bo", "næste fredag"))
    assert session.answers_for("sheet-45").actions["g1"] == (
        Action("Skyggedag i Vejle", "Bo", "næste fredag"),
    )
    with pytest.raises(Refused):  # other words than the saved ones are still refused unless asked
        session.with_action("sheet-45", "g1", 0, Action("Skyggedag", "Bo", "næste uge"))
    dated = session.with_action("sheet-45", "g1", 0, Action("Skyggedag", "Bo", "20/1"), due_as_written=True)
    assert dated.answers_for("sheet-45").actions["g1"][0].due == "2027-01-20"  # a date is still made ISO


@pytest.mark.parametrize("typed", ["20.1.2027\u200b", "\ufeff2027-01-20", "20\u2060/1", " 20.1.27\u200b "])
def test_invisible_characters_pasted_with_a_date_are_not_part_of_it(typed: str) -> None:
    """A date pasted from a web page or a mail carries a zero-width space or a BOM (audit17): it
    was refused though it looked exactly like a date the rule takes."""
    assert normalise_date(typed, date(2026, 11, 23)) == "2027-01-20"
