"""Two writers on one field never overwrite each other (core.writing, issue 17)."""

from __future__ import annotations

import itertools

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.core.writing import field_text, merge, moved, three_way, version_of, with_field, write_field


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


@pytest.mark.parametrize(
    ("cursor", "before", "after", "now"),
    [
        (9, "Vi ringer", "Vi ringer TELEFON", 9),  # added at the cursor: the cursor stays on its word
        (9, "Vi ringer", "TELEFON Vi ringer", 17),  # added in front: the cursor moves with its text
        (3, "Vi ringer", "Vi ringer TELEFON", 3),  # added behind: nothing moves
        (9, "Vi ringer til", "Vi ringede til", 10),  # at the end of a changed word: at the new end
        (2, "Vi", "Vi\n--- P1 ---\nTelefonens ord", 2),  # a marker merge: after "Vi" still
        (10, "Vi ringer ", "Vi ringer  ", 11),  # a space typed before the cursor's space
    ],
)
def test_a_cursor_is_moved_past_what_another_writer_put_before_it(
    cursor: int, before: str, after: str, now: int
) -> None:
    assert moved(cursor, before, after) == now


def _replay(order: str, mine: str, theirs: str) -> str:
    """Two writers add ``mine`` and ``theirs`` letter by letter at the end of "Vi ringer", in ``order``.

    Each shows what the field holds after its write and keeps its cursor right after its
    own typing (``moved``), as the facilitator's field and the phone page do.
    """
    held = "Vi ringer"
    texts = {"f": [held, len(held), mine], "p": [held, len(held), theirs]}
    for who in order:
        text, cursor, rest = texts[who]
        if not rest:
            continue
        new = text[:cursor] + rest[0] + text[cursor:]
        held = new if held == text else three_way(text, new, held) or merge(held, new, who, "da")
        for other, entry in texts.items():
            shown, at, left = entry
            if other == who:
                texts[who] = [held, moved(cursor + 1, new, held), rest[1:]]
            else:
                texts[other] = [held, moved(at, shown, held), left]
    return held


def test_two_writers_typing_at_one_place_keep_their_words_whole_when_each_is_shown_the_other() -> None:
    orders = {"".join(order) for order in itertools.product("fp", repeat=9) if order.count("f") == 4}
    for order in sorted(orders):  # all 126 ways the letters of " til" and " hver" can come in
        both = _replay(order, " til", " hver")
        assert "til" in both.split() and "hver" in both.split(), (order, both)


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


def test_a_second_date_names_who_wrote_which_date(library: Library) -> None:
    """Two phones of a group set one action's date at once: the note kept in the text tells them apart.

    Found by hand (two phones via curl, sheet 45): S2 wrote 15/6/27 and S1 2027-06-01 over
    the empty date; S1's won, and the text said "(datoen 2027-06-15 blev også foreslået af
    S1)": the losing date credited to the winner. ``write_field`` knows who wrote the new
    date, not who wrote the old one, so the note says just that.
    """
    session = with_field(sheet(library), "sheet-45", "g1", "a:0:due", "2027-06-15")
    session, written = write_field(session, "sheet-45", "g1", "a:0:due", "2027-06-01", "", "S1")
    action = session.answers_for("sheet-45").actions["g1"][0]
    assert written.outcome == "merged" and action.due == "2027-06-01"
    assert action.text == "(datoen 2027-06-15 var foreslået, før S1 skrev 2027-06-01)"


def test_two_writers_starting_one_empty_field_keep_two_texts_not_one_glued_word(library: Library) -> None:
    """Two phones of a group write an empty field at once: both texts kept apart, the later one named.

    Found by hand (two phones via curl, sheet 45's challenge, both over the empty field): the
    field read "Puljen mangler en beslutningMidlertidige pladser betales af et område", the
    two answers glued into one word with nothing saying two people wrote. Over an empty field
    there is no shared text to place them in: they are two answers, kept as ``merge`` keeps
    any two texts that clash.
    """
    session, _ = write_field(sheet(library), "sheet-45", "g1", "challenge", "Puljen mangler", "", "S2")
    session, written = write_field(session, "sheet-45", "g1", "challenge", "Pladser betales", "", "S1", "")
    assert written.outcome == "merged"
    assert written.text == "Puljen mangler\n——— også skrevet af S1 ———\nPladser betales"
    assert three_way("", "Pladser betales", "Puljen mangler") is None
    assert three_way("", "tillid", "tillid") == "tillid"  # the same text by both: once
