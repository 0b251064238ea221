"""``ESC`` followed at once by a key is Esc and that key; longer escape codes are left to Textual.

Textual's parser read ``ESC n`` (Esc then N typed quickly, or typed ahead in one read on a
busy laptop) as Alt+N, and ``ESC Enter``/``ESC Ctrl+N`` as Enter/Ctrl+N: the Esc was lost.
"""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser
from textual.message import Message

from workshop_tui.tui.escape_keys import AT_ONCE, EscapeKeyParser


def _keys(parser: XTermParser, data: str) -> list[str]:
    found = [*parser.feed(data), *parser.feed("")]
    return [event.key if isinstance(event, events.Key) else type(event).__name__ for event in found]


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        ("\x1bn", ["escape", "n"]),
        ("\x1bq", ["escape", "q"]),
        ("\x1b4", ["escape", "4"]),
        ("\x1b\r", ["escape", "enter"]),
        ("\x1b\x0e", ["escape", "ctrl+n"]),
        ("\x1bæ", ["escape", "æ"]),
        ("x\x1b\x1bn", ["x", "escape", "escape", "n"]),
    ],
)
def test_esc_then_a_key_in_one_read_is_both_keys(data: str, keys: list[str]) -> None:
    assert _keys(EscapeKeyParser(), data) == keys
    assert _keys(XTermParser(), data) != keys, "Textual's own parser reads it otherwise"


@pytest.mark.parametrize(
    ("data", "keys"),
    [
        ("\x1b[A", ["up"]),
        ("\x1bOP", ["f1"]),
        ("\x1b[21~", ["f10"]),
        ("\x1b", ["escape"]),
        ("\x1b\x1b", ["escape", "escape"]),
        ("\x1b\x1b[21~7", ["escape", "f10", "7"]),
        ("\x1b[200~a\tb\x1b[201~", ["Paste"]),
        ("\x1b[27u", ["escape"]),  # the kitty keyboard protocol's Esc
    ],
)
def test_escape_codes_and_a_lone_esc_are_read_as_textual_reads_them(data: str, keys: list[str]) -> None:
    assert _keys(EscapeKeyParser(), data) == keys == _keys(XTermParser(), data)


def _events(parser: XTermParser, *reads: str) -> list[Message]:
    return [event for data in (*reads, "") for event in parser.feed(data)]


@pytest.mark.parametrize(
    "reads",
    [
        ("\x1b[200~rød\x1b[31m tekst\x07 slut\x1b[201~",),
        ("\x1b[200~rød\x1b[31m tek", "st\x07 slut\x1b[201~"),
        ("\x1b[200~rød\x1b[31m tekst\x07 slut", "\x1b[201~"),
        ("\x1b[200~r\x00ød\x1b]52;c;aGk=\x07 tekst\x0e slut\x1b[201~",),
        ("\x1b[20", "0~rød\x1b[31m tekst\x07 slut\x1b[20", "1~"),  # markers cut by the reads
        ("\x1b[200~rød\x1b[31m tekst\x07 slut\x1b", "[201~"),
        # an escape code cut by the reads inside the paste: its tail was typed as text ("1m")
        ("\x1b[200~rød\x1b[3", "1m tekst\x07 slut\x1b[201~"),
        ("\x1b[200~rød\x1b", "[31m tekst\x07 slut\x1b[201~"),
        ("\x1b[200~rød\x1b[", "31m tekst", "\x07 slut\x1b[201~"),
        ("\x1b[200~rød\x1b]52;c;a", "Gk=\x07 tekst slut\x1b[201~"),
        ("\x1b[200~rød\x1b]0;titel\x1b", "\\ tekst slut\x1b[201~"),
        ("\x1b[200~rød\x1b[3", "1m tekst slut\x1b[201", "~"),
    ],
)
def test_a_paste_with_control_characters_is_one_paste_of_its_text_and_no_keys(reads: tuple[str, ...]) -> None:
    """Text copied from a coloured terminal or a chat app can hold ESC codes and control characters.

    Textual's parser gave up on an escape code inside a paste and typed its characters as keys:
    ``^[31m`` went into the field before the paste, and the BEL that ended it was Ctrl+G, the
    next group, so the pasted text landed in another group's field than the one in focus.
    """
    found = _events(EscapeKeyParser(), *reads)
    assert [type(event).__name__ for event in found] == ["Paste"], found
    paste = found[0]
    assert isinstance(paste, events.Paste)
    assert paste.text == "rød tekst slut"


def test_line_breaks_and_tabs_of_a_paste_are_kept_and_keys_after_it_are_keys() -> None:
    found = _events(EscapeKeyParser(), "\x1b[200~a\tb\r\nc\nd\x1b[201~x\x07", "\x1b")
    assert [getattr(event, "key", type(event).__name__) for event in found] == [
        "Paste",
        "x",
        "ctrl+g",
        "escape",
    ]
    paste = found[0]
    assert isinstance(paste, events.Paste)
    assert paste.text.splitlines() == ["a\tb", "c", "d"]


@pytest.mark.parametrize(
    ("reads", "marks"),
    [
        (("\x1bn",), [True]),  # an Alt+N: Esc and N in one read
        (("\x1b", "n"), [False]),  # Esc typed, then N: two reads
        (("\x1b", "\x1bn"), [None, True]),  # Esc alone, then an Alt+N
        (("x\x1b", "n\x1by"), [False, True]),
        (("\x1b\x1b",), [None, None]),  # Esc twice at once: Textual's own Esc keys, no Alt
    ],
)
def test_an_esc_read_with_its_next_key_is_marked_at_once(
    reads: tuple[str, ...], marks: list[bool | None]
) -> None:
    """The session's "Esc twice to leave" tells an Alt+key's Esc from a typed one (``AT_ONCE``)."""
    found = [e for e in _events(EscapeKeyParser(), *reads) if isinstance(e, events.Key) and e.key == "escape"]
    assert [getattr(e, AT_ONCE, None) for e in found] == marks
