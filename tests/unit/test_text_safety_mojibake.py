"""A lone string introducer takes out itself, not the rest of the text (audit16).

Found by the hostile series of ``test_trust_series``: ``for_terminal`` took an OSC, DCS,
SOS, PM or APC introducer to the end of the text when no terminator followed. Such a lone
byte is common in a mailed file: UTF-8 read as Latin-1 (a file passed through an old
Windows tool) turns ``”`` into ``â\\x80\\x9d``, and ``\\x9d`` is the 8-bit OSC. An option
``Vi har ”silo-tænkning”. Hvordan kan vi undgå suboptimering?`` so read ``Vi har â`` on the
wall, the grid, the phones and in every export; between a pair of such quotes the text went
too. Once every control character is out, what an 8-bit introducer would have begun is plain
text the terminal cannot act on, so it is taken out alone. A 7-bit one (``ESC ]``: no
encoding mix-up makes an ESC) still goes with what follows it up to a terminator or the end:
a paste cut by the terminal's reads ends mid-sequence (``test_escape_keys``).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_tui.core.text_safety import for_terminal

OPTION = "Vi har ”silo-tænkning”. Hvordan kan vi undgå “suboptimering”?"
INTRODUCERS = ("\x90", "\x98", "\x9d", "\x9e", "\x9f")
"""DCS, SOS, OSC, PM and APC as 8-bit controls."""
shown_text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"),
        blacklist_characters="\u115f\u1160\u3164\uffa0",
    ),
    max_size=30,
)


@pytest.mark.parametrize("multiline", [False, True])
def test_a_text_read_as_latin_1_keeps_every_letter(multiline: bool) -> None:
    mojibake = OPTION.encode("utf-8").decode("latin-1")
    assert "\x9d" in mojibake and "\x9c" in mojibake
    printable = "".join(c for c in mojibake if c.isprintable())
    assert for_terminal(mojibake, multiline=multiline) == printable
    assert for_terminal("Plan \x90 for mandag", multiline=multiline) == "Plan  for mandag"


@pytest.mark.parametrize("introducer", INTRODUCERS, ids=[repr(i) for i in INTRODUCERS])
def test_an_introducer_without_terminator_takes_out_only_itself(introducer: str) -> None:
    assert for_terminal(f"Mødet{introducer} kl. 9 i salen") == "Mødet kl. 9 i salen"


def test_a_terminated_sequence_still_goes_whole() -> None:
    assert for_terminal("A\x1b]0;PWNED\x07B\x1b]52;c;Y3Vy\x1b\\C\x1bPq#0\x9cD") == "ABCD"
    assert for_terminal("A\x1b]0;PWNED") == "A"  # 7-bit, cut off: to the end, as before


@given(shown_text, st.sampled_from(INTRODUCERS), shown_text)
def test_no_printable_character_is_lost_after_a_lone_introducer(
    before: str, introducer: str, after: str
) -> None:
    assert for_terminal(before + introducer + after) == for_terminal(before) + for_terminal(after)
