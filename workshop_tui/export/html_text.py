"""One way a text becomes HTML or SVG text: control characters out, then escaped.

Every text in the printed summary, the trend page and their drawings may come from a
mailed session file or a phone. ``html.escape`` alone left escape sequences and bells
(ESC, BEL) in the page: invisible in a browser, but they reach a terminal when the file
is shown with ``cat`` or ``less``, and they are not valid XML in an SVG. The same filter
that guards the screen (``core.text_safety.for_terminal``, line breaks and tabs kept)
runs first, so the page shows exactly what the screen shows.
"""

from __future__ import annotations

from html import escape

from workshop_tui.core.text_safety import for_terminal


def e(text: object) -> str:
    """``text`` as HTML/SVG text or attribute value: no control characters, every <, >, &, " and ' escaped."""
    return escape(for_terminal(str(text), multiline=True), quote=True)


def css_string(text: str) -> str:
    """Text as a CSS string literal (the page footer) that cannot end the string or the style element."""
    cleaned = " ".join(for_terminal(text).split()).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + cleaned.replace("<", "\\3C ").replace(">", "\\3E ") + '"'
