"""Esc followed at once by another key is Esc and that key, not Alt+key.

A terminal sends Alt+N as the two bytes ``ESC n``, the same bytes as Esc pressed and then N.
Textual's parser waits 100 ms after an Esc for more and reads ``ESC`` + one character as
the Alt form of the character: ``Esc n`` typed quickly on a session (to the list of
sessions, then a new session) typed an "n" into the answer field and stayed; ``Esc 4`` in
a dialog typed "¡"; ``Esc Enter`` and ``Esc Ctrl+N`` lost the Esc altogether. Keys typed
ahead while the app waited for a busy core come in one read, so on a loaded laptop this
happened at any typing speed.

The app binds no Alt key, and Alt+letter in a field only typed the letter, so here an
``ESC`` followed by one character is always two keys: Esc, then the character's key
(a real Alt+N therefore acts as Esc then N: said in the README, under the fast-fingers test). Escape sequences
that start a longer code (``ESC [`` CSI: arrows, F5-F12, mouse, bracketed paste; ``ESC O``
SS3: F1-F4; ``ESC ]``, ``ESC P``, ``ESC _``, ``ESC ^``, ``ESC X``, ``ESC \\``: terminal
replies) are left to Textual, and so is a terminal with the kitty keyboard protocol, which
sends Esc as its own code.

An Esc read together with its next key (in one read: an Alt+key, or keys typed ahead) is
marked ``AT_ONCE`` on its event: the session's "Esc twice to leave" does not take it as a
first Esc (a real Alt+N showed "press Esc again to leave"). An Esc whose next key came in a
later read (typed by hand, however fast) is not marked.

A bracketed paste is made plain text before Textual reads it (``EscapeKeyParser.feed``).
Textual gives up on an escape code inside a paste and types its characters as keys, and a
control character in it is a key too: text copied from a coloured terminal or a chat app
typed ``^[31m`` into the field, and a BEL (Ctrl+G, the next group) sent the rest of the
paste to another group's field. Inside ``ESC[200~ … ESC[201~`` escape codes and control
characters are dropped (``core.text_safety.for_terminal``; line breaks and tabs stay), so a
paste is one ``Paste`` event of its text and never a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from textual import events
from textual._xterm_parser import XTermParser
from textual.message import Message

from workshop_tui.core.text_safety import for_terminal

ESC = "\x1b"
INTRODUCERS = frozenset("[O]P_^X\\" + ESC)
"""Second characters after ``ESC`` that begin a longer sequence (or a second Esc), not a key."""
AT_ONCE = "read_at_once"
"""The attribute set (True) on an Esc's key event read in one piece with the key after it."""
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


_UNFINISHED = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*           # CSI without its final byte yet
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*  # OSC, DCS … before BEL or ST
    | \x1b[\x20-\x2f]*                                # ESC, or ESC and intermediates
    """,
    re.VERBOSE,
)
"""An escape code the read ended in the middle of (``for_terminal`` would drop only its start)."""
HOLD_AT_MOST = 4096
"""Characters of an unfinished code held for the next read; past this (a code that never
ends) the text is made plain as it is: nothing is held without bound."""


def _partial_sequence(text: str) -> int:
    """How many characters at the end of ``text`` are an escape code not finished yet.

    Inside a paste, ``ESC [ 3`` at the end of one read and ``1m`` at the start of the next
    were made plain apart: the first lost its ``ESC [ 3``, and ``1m`` stayed in the pasted text.
    """
    start = max(text.rfind(ESC), *(text.rfind(c) for c in "\x90\x98\x9b\x9d\x9e\x9f"))
    if start < 0 or len(text) - start > HOLD_AT_MOST:
        return 0
    return len(text) - start if _UNFINISHED.fullmatch(text, start) else 0


def _partial_end(text: str) -> int:
    """How many characters at the end of ``text`` begin ``PASTE_END`` (a marker cut by the read)."""
    for size in range(min(len(text), len(PASTE_END) - 1), 0, -1):
        if text.endswith(PASTE_END[:size]):
            return size
    return 0


class EscapeKeyParser(XTermParser):
    """Textual's terminal parser, with ``ESC`` + a character read as Esc and the character's key,
    and a bracketed paste's text without escape codes or control characters."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._held = ""
        """The start of an end marker or of an escape code the last read ended with, inside a
        paste (given on the next read)."""
        self._tail = ""
        """The last characters read outside a paste: a start marker may be cut by the read."""
        self._escape_waits = False
        """The last read ended with an Esc, which waits for the next read's first character."""
        self._split = False
        """That character is being read: the Esc it follows came in another read."""

    def feed(self, data: str) -> Iterator[Message]:
        if not data:  # the end of input
            if self._held:  # a paste the input ended in: its held tail made plain as the rest
                yield from super().feed(
                    for_terminal(self._held, multiline=True) if self._pasting else self._held
                )
            yield from super().feed(data)
            return
        if not self._pasting and not self._held and "\x1b" not in data and "~" not in data:
            self._tail = data[-len(PASTE_START) :]  # a key as typed: nothing to look at
        else:
            data = self._plain_pastes(data)
        split, self._escape_waits = self._escape_waits, data.endswith(ESC)
        if split and data:
            # The first character alone: if it ends a waiting Esc, the two were read apart.
            self._split = True
            try:
                yield from super().feed(data[0])
            finally:
                self._split = False
            data = data[1:]
        if data:
            yield from super().feed(data)

    def _plain_pastes(self, data: str) -> str:
        """``data`` with the text between paste markers made plain (the markers kept as they came)."""
        text, self._held = self._held + data, ""
        out: list[str] = []
        position = 0
        if not self._pasting:
            start = (self._tail + text).find(PASTE_START)
            if 0 <= start < len(self._tail):  # the marker began in the last read
                position = start + len(PASTE_START) - len(self._tail)
                out.append(text[:position])
                self._pasting = True
        while position < len(text):
            if not self._pasting:
                start = text.find(PASTE_START, position)
                if start < 0:
                    out.append(text[position:])
                    break
                out.append(text[position : start + len(PASTE_START)])
                position = start + len(PASTE_START)
                self._pasting = True
                continue
            end = text.find(PASTE_END, position)
            if end < 0:
                rest = text[position:]
                cut = len(rest) - max(_partial_end(rest), _partial_sequence(rest))
                out.append(for_terminal(rest[:cut], multiline=True))
                self._held = rest[cut:]
                break
            out.append(for_terminal(text[position:end], multiline=True) + PASTE_END)
            position = end + len(PASTE_END)
            self._pasting = False
        if not self._pasting:
            self._tail = text[-len(PASTE_START) :]
        return "".join(out)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if len(sequence) == 2 and sequence[0] == ESC and sequence[1] not in INTRODUCERS:
            escape = events.Key("escape", ESC)
            setattr(escape, AT_ONCE, not self._split)
            yield escape
            yield from super()._sequence_to_key_events(sequence[1])
            return
        yield from super()._sequence_to_key_events(sequence, alt)
