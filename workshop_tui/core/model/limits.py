"""Limits the session file format sets, kept here so the model and the reader never disagree.

The storage reader refuses a file holding a longer text, so the model refuses to take one:
otherwise a session could be saved that then could not be opened again.
"""

from __future__ import annotations

from workshop_tui.core.model.refusal import Refused

MAX_TEXT = 100_000
"""The longest text accepted in any field; anything longer is a damaged or hostile file."""


class TextTooLong(Refused):
    """A text longer than a session file holds; carries the figures so a UI can say it in its language."""

    def __init__(self, what: str, length: int) -> None:
        self.what = what
        self.length = length
        self.limit = MAX_TEXT
        super().__init__("too_long", what=what, limit=MAX_TEXT, n=length)


def check_text(text: object, what: str = "a text") -> None:
    """Refuse a text longer than ``MAX_TEXT`` characters.

    Raises:
        TextTooLong: the text is too long; the message names the limit and the fix.
    """
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise TextTooLong(what, len(text))
