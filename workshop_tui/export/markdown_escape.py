"""Text from a session made to render as text in Markdown: the one escape of the Markdown exports.

A title, a group name or an answer is written by anyone who had the file. Put into
Markdown as it is, ``<script>`` is live HTML, ``[click](javascript:…)`` after a blank
line is a link, a ``|`` splits a table cell and a ``#`` at the start of a line makes a
heading. ``md_text`` escapes one string; ``markdown_safe`` escapes every text of a
summary (or a comparison) once, before it is rendered, so no part of the renderer can
forget one. Ids and the summary's own codes (kinds, statuses, modes, the language and
the date) are left as they are: the renderer looks them up, and their shape is checked
when the file is read.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from workshop_tui.core.text_safety import for_terminal

T = TypeVar("T")

KEEP = frozenset(
    {"id", "session_id", "exercise_id", "item_id", "kind", "mode", "status", "language", "date"}
    | {"ranking", "top", "bottom", "dimension", "polarity", "direction", "option_id"}
)
"""Fields that hold ids or codes, not text (``dimension`` and ``polarity`` name a profile;
``direction`` is an item's polarity code, ``top``/``bottom`` the highlight lists' item ids)."""
MULTILINE = frozenset({("GroupText", "text"), ("ItemSummary", "note"), ("GroupActions", "challenge")})
MULTILINE_FIELDS = frozenset({"facilitator_note"})
"""Texts whose line breaks are kept (answers and notes, shown as block quotes)."""

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"[\\`*_\[\]|~&<>]")
"""Backslash, code, emphasis, links, table pipes, strike-through; and HTML's &, < and >."""
_LINE_START = re.compile(r"^([ \t]*)(#|=|-|\+|[0-9]+(?=[.)]))")
"""What makes the start of a one-line text a heading, an underline, a rule or a list item."""
_LINE_STARTS = re.compile(r"^([ \t]*)(#|=|[-+](?![ \t]))", re.MULTILINE)
"""The same for each line of an answer, where a list the person typed ("- a", "1. b") stays a list:
a list is only layout, while a heading or an underline (``---`` under a line) would outrank the
report's own headings."""


def md_text(text: str, *, multiline: bool = False) -> str:
    """``text`` escaped so that Markdown shows it as the same text, and nothing else.

    Args:
        multiline: keep the line breaks (each line is escaped as the start of a line).
            Without it the text is put on one line, so it stays inside its heading,
            list item or table cell.
    """
    text = for_terminal(text, multiline=True)  # a Markdown file is read in terminals too
    lines = [line.rstrip() for line in text.splitlines()] if multiline else [" ".join(text.split())]
    text = "\n".join(lines)
    text = _INLINE.sub(lambda m: _HTML.get(m.group(), "\\" + m.group()), text)
    return (_LINE_STARTS if multiline else _LINE_START).sub(_line_start, text)


def _line_start(match: re.Match[str]) -> str:
    blank, mark = match.group(1), match.group(2)
    if mark.isdigit():  # "1." or "1)" would number a list: escape the dot, after the digits
        return f"{blank}{mark}\\"
    return f"{blank}\\{mark}"


def markdown_safe(value: T) -> T:
    """A copy of a summary (or comparison) with every text escaped by ``md_text``."""
    return _walk(value, "", "")  # type: ignore[no-any-return]


def _walk(value: Any, owner: str, name: str) -> Any:
    if isinstance(value, str):
        if name in KEEP:
            return value
        return md_text(value, multiline=(owner, name) in MULTILINE or name in MULTILINE_FIELDS)
    if isinstance(value, tuple):
        return tuple(_walk(v, owner, name) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value).__name__
        changes = {
            f.name: _walk(getattr(value, f.name), kind, f.name)
            for f in dataclasses.fields(value)
            if f.init and f.name not in KEEP
        }
        return dataclasses.replace(value, **changes)
    return value
