"""Text from files made safe to show on a terminal: the one filter every screen and print uses.

Titles, names, notes and answers come from files anyone may have written. Printed raw,
``ESC ] 52 ; c ; … BEL`` sets the clipboard, ``ESC ] 0 ; … BEL`` renames the window and
``ESC [ 2 J`` blanks a projected screen. ``for_terminal`` removes whole escape sequences
(CSI, OSC, DCS and the like, 7-bit and 8-bit), every other C0 and C1 control character,
DEL, and the Unicode bidi overrides and isolates that make a text read in another order
than it is stored. The data itself is never changed: this is applied to a copy at the
moment it is shown.
"""

from __future__ import annotations

import re

_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?     # CSI … final byte (ED, SGR, cursor moves)
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                # OSC, DCS, SOS, PM, APC …
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?                  # … up to BEL or ST
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                           # any other escape (ESC c resets)
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls but tab and line feed, DEL, and the bidi marks, embeddings, overrides, isolates."""
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BLANKS = re.compile(r"[ \t]*[\n\t][ \t\n]*")


def for_terminal(text: str, *, multiline: bool = False) -> str:
    """``text`` without escape sequences or control characters, fit to show on a terminal.

    Args:
        multiline: keep line breaks (as ``\\n``) and tabs, for texts shown as paragraphs
            (answers, notes, exercise texts). Without it, each run of line breaks and tabs
            becomes one space, so a title, a name or a table cell stays on one line.
    """
    if text.isprintable():  # nearly every text: nothing to do (false for \n and \t as well)
        return text
    text = _SEQUENCE.sub("", _LINE_BREAKS.sub("\n", text))
    if not multiline:
        text = _BLANKS.sub(" ", text)
    return _CONTROL.sub("", text)
