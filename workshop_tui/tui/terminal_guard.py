"""The last line of the terminal boundary: no control character of any text reaches the terminal.

Every screen passes the texts it takes from a session or an exercise file through
``text_safety.for_terminal`` where it shows them. This guard is there for a text that a
screen, or a widget of Textual's own (a toast, a tooltip, the command palette), shows
without that: each line a widget draws is made of segments, text and style, and the
terminal's escape sequences are added from the style when the line is written. So a
control character inside a segment's *text* is never one of Textual's own sequences; it
can only have come from data.

``ControlCharacters`` is a Textual line filter (the public ``LineFilter`` that Textual's
own monochrome and dim filters are), which the app adds to every widget's lines through
``App.get_line_filters``: it filters such text out of each line as the widget draws it,
so an ``ESC ] 52`` in a name can never set the clipboard, whatever widget shows it.
Textual keeps a filtered line with the line, so a line is filtered once, and a line
whose text is plain (all of them, in practice) costs one ``isprintable`` per segment.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from workshop_tui.core.text_safety import for_terminal


def _clean(segment: Segment) -> Segment:
    text, style, control = segment
    if control or text.isprintable():
        return segment
    return Segment(for_terminal(text), style, control)


class ControlCharacters(LineFilter):
    """Takes control characters (escape sequences, bidi overrides, bells) out of the text of a line."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The line as it was, or with each segment's text made safe where it was not."""
        if all(s.control or s.text.isprintable() for s in segments):
            return segments
        return [_clean(s) for s in segments]
