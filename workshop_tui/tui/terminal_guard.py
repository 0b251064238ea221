"""The last line of the terminal boundary: no control character of any text reaches the terminal.

Every screen passes the texts it takes from a session or an exercise file through
``text_safety.for_terminal`` where it shows them. This guard is there for a text that a
screen, or a widget of Textual's own (a toast, a tooltip, the command palette), shows
without that: each line Textual writes is made of segments, text and style, and the
terminal's escape sequences are added from the style when the line is written. So a
control character inside a segment's *text* is never one of Textual's own sequences; it
can only have come from data. ``install`` filters such text out of each line the moment
it is first written (``Strip.render``, which every update of the screen goes through),
so an ``ESC ] 52`` in a name can never set the clipboard, whatever widget shows it.
Lines whose text is plain (all of them, in practice) cost one ``isprintable`` per segment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.segment import Segment
from textual.strip import Strip

from workshop_tui.core.text_safety import for_terminal

_INSTALLED = "_workshop_guarded"


def _clean(segment: Segment) -> Segment:
    text, style, control = segment
    if control or text.isprintable():
        return segment
    return Segment(for_terminal(text), style, control)


def install() -> None:
    """Filter control characters from the text of every line Textual writes (once per process)."""
    if getattr(Strip, _INSTALLED, False):
        return
    render: Callable[[Strip, Any], str] = Strip.render

    def guarded_render(self: Strip, console: Any) -> str:
        segments = self._segments
        if self._render_cache is None and not all(s.control or s.text.isprintable() for s in segments):
            self._segments = [_clean(s) for s in segments]
        return render(self, console)

    guarded_render.__doc__ = render.__doc__
    Strip.render = guarded_render  # type: ignore[method-assign]
    setattr(Strip, _INSTALLED, True)
