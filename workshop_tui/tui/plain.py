"""Text from a file, a phone or a path, made into something a widget shows exactly as written.

Textual and Rich read a plain ``str`` as markup almost everywhere text is shown: ``Static``
and ``Label`` (and their ``update``), ``OptionList`` options, ``Select`` prompts, border
titles, notifications, the command palette's hits, and the cells of a Rich ``Table``. A
session mailed by a colleague, an exercise file, a follow-up, a file's name or a phone's
answer may hold ``[/]`` (MarkupError: the screen crashes at its first frame),
``[@click=app.quit]…[/]`` (a link that runs an action when clicked) or
``[link=https://…]`` (a hyperlink). Such a text goes to the screen through this module
only: as a Textual ``Content`` or a Rich ``Text``, which are never parsed, with the control
characters and escape sequences removed by ``text_safety.for_terminal`` (the one filter for
the terminal). Our own catalogue holds no markup either (its brackets are literal: "remove
the [open] table"), so a catalogue sentence with a file's value in it is made plain as a
whole: nothing in it is markup to keep. The F1 help is Markdown: a text from a file goes
into it as a code span (``markdown_literal``). Notifications are plain in
``WorkshopApp.notify``.
"""

from __future__ import annotations

import re

from rich.style import StyleType
from rich.text import Text
from textual.content import Content
from textual.fuzzy import Matcher

from workshop_tui.core.text_safety import for_terminal

__all__ = ["markdown_literal", "plain", "plain_highlighted", "plain_text"]


def plain(text: str, *, one_line: bool = False) -> Content:
    """``text`` as Textual content shown as written: never read as markup.

    Args:
        one_line: line breaks and tabs become spaces (a title, a name, a list's entry).
            Without it, line breaks are kept: the session's texts reach the screens already
            cleaned with the right choice per field, and a paragraph stays a paragraph.
    """
    return Content(for_terminal(text, multiline=not one_line))


def plain_text(text: str, style: StyleType = "", *, one_line: bool = False) -> Text:
    """``text`` as a Rich ``Text`` (for Rich tables and groups), shown as written.

    A ``str`` handed to a Rich ``Table`` cell, ``Group`` or ``Padding`` is read as markup
    when drawn; a ``Text`` is not.
    """
    return Text(for_terminal(text, multiline=not one_line), style=style)


def plain_highlighted(text: str, matcher: Matcher) -> Content:
    """``text`` as a command palette's hit, the letters matching the search marked.

    Textual's ``Matcher.highlight`` reads the text as markup; an exercise's title is not.
    """
    content = plain(text, one_line=True)
    shown = content.plain
    score, offsets = matcher.fuzzy_search.match(matcher.query, shown)
    if not score:
        return content
    for offset in offsets:
        if not shown[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


_TICKS = re.compile(r"`+")


def markdown_literal(text: str) -> str:
    """``text`` as a Markdown code span, for the F1 help (which Textual shows as Markdown).

    In a code span nothing is markup: no link, emphasis or HTML, and the text itself is
    kept as written (a file name such as ``004_8e00….txt`` keeps its underscore). The fence
    is one backtick longer than the longest run of backticks in the text.
    """
    text = for_terminal(text, multiline=False).strip()
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _TICKS.findall(text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"
