"""The participants typed for a new session: one rule for ``--participants`` and the app's form."""

from __future__ import annotations

import pytest

from workshop_tui.core.model.people import parse_participants
from workshop_tui.core.model.refusal import Refused, refusal_text


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        (" 12 ", 12),
        ("500", 500),
        ("Anne, Bo ,, Cecilie", ["Anne", "Bo", "Cecilie"]),
        ("Anne; Bo", ["Anne", "Bo"]),
        ("Anne\nBo\n", ["Anne", "Bo"]),  # a column pasted from a spreadsheet
        ("²", ["²"]),  # a digit to Python, not a count: the form stopped on int("²")
        ("\ufeffAnne\n\u200bBo\x1b[31m", ["Anne", "Bo"]),  # what shows no sign of itself is no part of a name
        ("Anne\u3164, \uffa0Bo, \u3164, 민\u1160준", ["Anne", "Bo", "민준"]),  # Hangul fillers: drawn blank
        (
            "Anne, \u2800, Bo\u2800",
            ["Anne", "Bo"],
        ),  # a blank Braille cell alone is no name, at an edge no part of one
    ],
)
def test_a_count_or_names(raw: str, parsed: int | list[str]) -> None:
    assert parse_participants(raw) == parsed


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("0", "skriv et antal fra 1 til 500, eller navne adskilt af komma"),
        ("-3", "skriv et antal fra 1 til 500, eller navne adskilt af komma"),
        ("501", "skriv et antal fra 1 til 500, eller navne adskilt af komma"),
        (" , ", "skriv et antal fra 1 til 500, eller navne adskilt af komma"),
        ("Anne, Bo, ANNE", "'ANNE' står to gange; skriv navnene, så de kan skelnes (fx ANNE H. og ANNE K.)"),
        ("Ib, I\u200bb", "'Ib' står to gange; skriv navnene, så de kan skelnes (fx Ib H. og Ib K.)"),
        ("Ib, Ib\u3164", "'Ib' står to gange; skriv navnene, så de kan skelnes (fx Ib H. og Ib K.)"),
        ("\u3164, \uffa0", "skriv et antal fra 1 til 500, eller navne adskilt af komma"),
        ("\u2800, \u2800\ufe0f", "skriv et antal fra 1 til 500, eller navne adskilt af komma"),
        (", ".join(f"N{n}" for n in range(501)), "en session kan højst have 500 deltagere"),
    ],
)
def test_what_is_refused_says_what_to_write(raw: str, said: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_participants(raw)
    assert refusal_text(refused.value, "da") == said
    assert refusal_text(refused.value, "en") != said


def test_hangul_fillers_are_not_shown_anywhere() -> None:
    """Letters to Python (``isprintable``) drawn as blanks: every screen and export leaves them out."""
    from workshop_tui.core.model import Participant
    from workshop_tui.core.text_safety import ShownCopies, for_terminal

    assert for_terminal("Anne\u3164") == "Anne"
    assert for_terminal("\uffa0Bo\n" + "x" * 200 + "\u1160", multiline=True) == "Bo\n" + "x" * 200
    assert for_terminal("한국어 이름 민준") == "한국어 이름 민준"  # Korean itself is kept
    assert for_terminal("Søren Ærø") == "Søren Ærø"
    shown = ShownCopies()((Participant("p1", "\u3164"), Participant("p2", "Bo\u3164")))
    assert [p.label for p in shown] == ["P1", "Bo"]


@pytest.mark.parametrize("typed", ["12\u200b", "\ufeff12", "1\u20602", " \u200b12 "])
def test_a_count_with_invisible_characters_is_a_count(typed: str) -> None:
    """A count pasted with a zero-width space or a BOM (a web page, Windows' clipboard) made a
    session of one participant named "12" (audit17): it looks like 12 and is 12."""
    assert parse_participants(typed) == 12
