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
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser

ESC = "\x1b"
INTRODUCERS = frozenset("[O]P_^X\\" + ESC)
"""Second characters after ``ESC`` that begin a longer sequence (or a second Esc), not a key."""


class EscapeKeyParser(XTermParser):
    """Textual's terminal parser, with ``ESC`` + a character read as Esc and the character's key."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        if len(sequence) == 2 and sequence[0] == ESC and sequence[1] not in INTRODUCERS:
            yield events.Key("escape", ESC)
            yield from super()._sequence_to_key_events(sequence[1])
            return
        yield from super()._sequence_to_key_events(sequence, alt)
