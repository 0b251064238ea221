"""One way a text becomes HTML or SVG text: control characters out, then escaped.

Every text in the printed summary, the trend page and their drawings may come from a
mailed session file or a phone. ``html.escape`` alone left escape sequences and bells
(ESC, BEL) in the page: invisible in a browser, but they reach a terminal when the file
is shown with ``cat`` or ``less``, and they are not valid XML in an SVG. The same filter
that guards the screen (``core.text_safety.for_terminal``, line breaks and tabs kept)
runs first, so the page shows exactly what the screen shows.
"""

from __future__ import annotations

import re

from workshop_tui.core.text_safety import for_terminal

_ESCAPED: dict[str, str] = {}
"""Each text made HTML once: a page repeats most of its texts (a 90-exercise summary asks 9,372
times for 1,832 texts: labels, counts, scale ends). Bounded, as the app exports from a long run."""
_KEEP = 8192


def e(text: object) -> str:
    """``text`` as HTML/SVG text or attribute value: no control characters, every <, >, &, " and ' escaped."""
    key = text if type(text) is str else str(text)
    escaped = _ESCAPED.get(key)
    if escaped is None:
        if len(_ESCAPED) >= _KEEP:
            _ESCAPED.clear()
        escaped = _ESCAPED[key] = escape(for_terminal(key, multiline=True))
    return escaped


_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*[a-z0-9]")
"""A command-line option as the catalogue's sentences name one (``--named``, ``--min-answers``)."""


def said(text: object) -> str:
    """A sentence of the app's as HTML (``e``), each command-line option in it kept on one line.

    "Eksportér med navne (--named)" broke after the "--" (a line break is allowed after a
    hyphen): "(--" ended a line and "named)" began the next, on screen and on paper, and the
    option could not be typed back as read. Each option is a ``<code class="flag">``, which
    the stylesheet keeps whole (``white-space: nowrap``) in the page's own font.
    """
    return _FLAG.sub(lambda found: f'<code class="flag">{found.group()}</code>', e(text))


def escape(text: str) -> str:
    """``html.escape(text, quote=True)``, the same five replacements in the same order.

    Written out here: the ``html`` module builds its table of 2,231 named characters and an
    expression for ``unescape`` when imported (~4 ms of each HTML export's start), and only
    these five lines of it are used.
    """
    text = text.replace("&", "&amp;")  # first: the others bring in ampersands
    text = text.replace("<", "&lt;")
    text = text.replace(">", "&gt;")
    text = text.replace('"', "&quot;")
    return text.replace("'", "&#x27;")


def css_string(text: str) -> str:
    """Text as a CSS string literal (the page footer) that cannot end the string or the style element."""
    cleaned = " ".join(for_terminal(text).split()).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + cleaned.replace("<", "\\3C ").replace(">", "\\3E ") + '"'


def scroll_box(table: str, label: str) -> str:
    """A table in a box of its own that scrolls sideways when the screen is narrower (a phone).

    The page itself scrolled sideways on a phone (686 px at 360-500): a table's columns do
    not fit. The box takes the keyboard (Tab, then the arrows), so it is named for the screen
    reader that lands on it (axe's rules); ``label`` is escaped text. Only a screen narrower
    than 600 px scrolls (``.scrolls`` in ``html_style``): print is unchanged. Here, beside
    the escaping, so the summary, compare and trend pages box their tables with one helper.
    """
    return f'<div class="scrolls" tabindex="0" role="region" aria-label="{label}">{table}</div>'
