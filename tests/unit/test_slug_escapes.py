"""A file name's slug drops a terminal escape sequence whole, as the screen does (``text_safety``).

``slugify`` kept the inside of a sequence: a title "\\x1b[31mRed" (from a mailed file) became
"31mred", a name with the colour code's digits in it. The one rule of what an escape sequence is
(``text_safety.for_terminal``) decides; the slug does not write a second one.
"""

from __future__ import annotations

from workshop_tui.core.storage.sessions import slugify


def test_an_escape_sequence_is_dropped_whole_from_a_slug() -> None:
    assert slugify("\x1b[31mRed") == "red"
    assert slugify("Før \x1b[1;31mmøde\x1b[0m i dag") == "foer-moede-i-dag"
    assert slugify("\x1b]0;title\x07Fjordby") == "fjordby"  # an OSC with its payload
    assert slugify("\x9b31mRød") == "roed"  # an 8-bit CSI


def test_a_title_without_escapes_is_slugged_as_before() -> None:
    assert slugify("Ledelse på tværs – 2026") == "ledelse-paa-tvaers-2026"
    assert slugify("\x1b[31m") == "session"
