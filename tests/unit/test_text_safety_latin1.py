"""``for_terminal`` looks at a Latin-1 text as bytes (``_no_controls``): the same as the expressions."""

from __future__ import annotations

import pytest

from workshop_tui.core import text_safety
from workshop_tui.core.text_safety import for_terminal

CHARACTERS = [chr(c) for c in range(0x3100)] + ["\ud800", "\udfff", "\ufeff", "\U0001f600", "\U000e0001"]
"""Latin-1 and well beyond (the bidi marks, the separators, a lone surrogate, an emoji)."""
LONG = "Et svar på flere linjer, med æøå og mellemrum. " * 3
"""Texts longer than ``text_safety._LONG`` are looked at another way when their lines are kept."""


FILLERS = "\u115f\u1160\u3164\uffa0"
"""The Hangul fillers: printable to Python, drawn blank, taken out by ``_CONTROL`` (audit13)."""


def _by_expressions(text: str, multiline: bool) -> str:
    """``for_terminal`` as it was written before ``_no_controls``: the expressions' search (a text
    holding a Hangul filler is not printable as shown, though ``isprintable`` says it is)."""
    if text.isprintable() and not any(f in text for f in FILLERS):
        return text
    if text_safety._CONTROL.search(text) is None and "\u2028" not in text and "\u2029" not in text:
        return text if multiline else text_safety._BLANKS.sub(" ", text)
    text = text_safety._SEQUENCE.sub("", text_safety._LINE_BREAKS.sub("\n", text))
    if not multiline:
        text = text_safety._BLANKS.sub(" ", text)
    return text_safety._CONTROL.sub("", text)


@pytest.mark.parametrize("multiline", [False, True])
def test_every_character_is_treated_as_the_expressions_treat_it(multiline: bool) -> None:
    for character in CHARACTERS:
        shapes = (character, f"ab{character}\n", f"æ\n{character} x", f"{character}\t", f"\x1b[2J{character}")
        for text in (*shapes, *(LONG + shape for shape in shapes), *(shape + LONG for shape in shapes)):
            assert for_terminal(text, multiline=multiline) == _by_expressions(text, multiline), repr(text)


def test_the_long_texts_are_long() -> None:
    assert len(LONG) > text_safety._LONG


def test_an_answer_of_lines_keeps_its_lines() -> None:
    answer = "Første linje\n\tanden linje med æøå\n\n- en liste"
    assert for_terminal(answer, multiline=True) == answer
    assert for_terminal(answer) == "Første linje anden linje med æøå - en liste"
    assert for_terminal(answer + "\x07\x9b31m", multiline=True) == answer


@pytest.mark.parametrize("multiline", [False, True])
def test_invisible_format_characters_are_not_shown(multiline: bool) -> None:
    """A name with a zero-width space looked exactly like another; the Arabic letter mark is a bidi
    mark like the others; annotation marks hide text. Joiners stay (emoji, scripts)."""
    for hidden in ("\u200b", "\u2060", "\ufeff", "\u061c", "\u180e", "\u206e", "\ufff9"):
        assert for_terminal(f"An{hidden}ne", multiline=multiline) == "Anne", repr(hidden)
        assert for_terminal(f"{LONG}An{hidden}ne", multiline=multiline) == f"{LONG}Anne", repr(hidden)
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert for_terminal(family, multiline=multiline) == family


def test_without_invisible_takes_out_only_what_is_drawn_as_nothing() -> None:
    """The core's rule for reading a value (a pasted score, a date): invisible characters out,
    bidi marks and controls kept so that the reader refuses them; ASCII returned as it is."""
    from workshop_tui.core.text_safety import INVISIBLE, without_invisible

    assert without_invisible("\ufeff3\u200b\u2060\u2061\u180e") == "3"
    assert without_invisible("4\u200b5") == "45"
    assert without_invisible("\u202e3\u200e\x1b") == "\u202e3\u200e\x1b"
    text = "plain 3"
    assert without_invisible(text) is text
    assert all(for_terminal(f"a{c}b") == "ab" for c in "\u180e\u200b\u2060\u2064\ufeff")
    assert "\u200b" in INVISIBLE.encode().decode("unicode_escape")
