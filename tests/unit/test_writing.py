"""Two writers on one field never overwrite each other (core.writing, issue 17)."""

from __future__ import annotations

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.core.writing import field_text, merge, three_way, version_of, with_field, write_field


@pytest.mark.parametrize(
    ("base", "mine", "current", "both"),
    [
        ("abc", "abc XY", "abc Q", "abc XY Q"),  # both add at the end: mine first, no word lost
        ("hello world", "hello big world", "hello world!", "hello big world!"),  # apart: both made
        ("Fra telefonen", "Fra telefonen, mere", "Facilitatoren rettede", "Facilitatoren rettede, mere"),
        ("et ord her", "et andet ord her", "et ord der", "et andet ord der"),
        ("et ord", "et mod", "et nyt", None),  # the same word changed twice: no right answer
        ("tillid", "tilliden", "tilliden", "tilliden"),  # the same change by both
    ],
)
def test_three_way_makes_both_changes_unless_they_touch_the_same_words(
    base: str, mine: str, current: str, both: str | None
) -> None:
    assert three_way(base, mine, current) == both


def test_merge_keeps_both_whole_under_a_marker_naming_the_writer() -> None:
    kept = merge("Første tekst", "Anden tekst", "P4", "da")
    assert kept == "Første tekst\n——— også skrevet af P4 ———\nAnden tekst"
    assert merge("abc def", "abc", "P4", "da") == "abc def"  # one holds the other: nothing to add


def sheet(library: Library) -> Session:
    return new_session(
        title="S",
        date="2026-12-02",
        exercises=[library.exercises["sheet-42"], library.exercises["sheet-45"]],
        participants=2,
        groups=["Bord 1"],
        timestamp="2026-12-02T09:00:00+00:00",
    )


def test_a_write_over_the_text_it_saw_replaces_it_and_a_write_sent_twice_changes_nothing(
    library: Library,
) -> None:
    session, written = write_field(sheet(library), "sheet-42", "g1", "t:1", "Hej", "", "P1")
    assert written.outcome == "saved" and field_text(session, "sheet-42", "g1", "t:1") == "Hej"
    again, twice = write_field(session, "sheet-42", "g1", "t:1", "Hej", "", "P1")
    assert twice.outcome == "same" and again is session
    newer, _ = write_field(session, "sheet-42", "g1", "t:1", "Hej igen", version_of("Hej"), "P1")
    assert field_text(newer, "sheet-42", "g1", "t:1") == "Hej igen"


def test_an_unknown_base_keeps_both_texts_and_a_second_date_is_kept_in_the_text(library: Library) -> None:
    session = with_field(sheet(library), "sheet-42", "g1", "t:1", "Facilitatorens tekst")
    session, written = write_field(session, "sheet-42", "g1", "t:1", "Telefonens tekst", "old", "P2")
    assert written.outcome == "merged" and written.text.startswith("Facilitatorens tekst\n")
    assert written.text.endswith("\nTelefonens tekst")
    session = with_field(session, "sheet-45", "g1", "a:0:text", "Møde")
    session = with_field(session, "sheet-45", "g1", "a:0:due", "2027-01-20")
    session, _ = write_field(session, "sheet-45", "g1", "a:0:due", "2027-02-01", "", "P2")
    action = session.answers_for("sheet-45").actions["g1"][0]
    assert action.due == "2027-02-01" and "2027-01-20" in action.text and "P2" in action.text
