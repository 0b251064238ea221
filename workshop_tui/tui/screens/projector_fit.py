"""The wall shows what fits its height and says how many more: nothing is hidden in silence.

The wall's body scrolls with its scrollbar hidden (a projector shows no scrollbar), so
whatever was taller than the screen was simply not there: at 80x24 the groups' sheets
42-45 ran on below the last row, and nobody in the room knew. Each writing kind now
gives its results as :class:`Entry` values (a box and its answers, a group and its
actions or rows); :func:`fit_entries` takes them in order while they fit and ends with
"+ N more" for the answers, actions or rows left out. :func:`fit_lines` does the same by
lines for anything else (a long question).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.text import Text

from workshop_tui.core.i18n import t

MORE = "bold #FFD700"


@dataclass(frozen=True)
class Entry:
    """A part of the wall showing ``total`` things (answers, actions, rows); ``make(k)`` shows the first k."""

    make: Callable[[int], RenderableType]
    total: int


def measure(renderable: RenderableType, width: int) -> int:
    """How many lines ``renderable`` takes at ``width`` (laid out as the wall lays it out)."""
    return len(_rendered(renderable, width))


def _rendered(renderable: RenderableType, width: int) -> list[list[Segment]]:
    console = Console(width=max(1, width), file=io.StringIO(), color_system="truecolor", legacy_windows=False)
    return console.render_lines(renderable, console.options.update_width(max(1, width)), pad=False)


def _texts(rendered: list[list[Segment]]) -> list[Text]:
    """Rendered lines as texts, their styles kept."""
    return [Text.assemble(*((s.text, s.style or "") for s in line if not s.control)) for line in rendered]


def more_note(hidden: int, lang: str) -> Text:
    """``+ 4 mere – ikke plads på skærmen``: the words under a wall that could not show all."""
    return Text(t("tui.proj.more", lang, n=hidden), style=MORE)


def fit_entries(entries: Sequence[Entry], width: int, height: int, lang: str) -> RenderableType:
    """The entries that fit in ``height`` lines at ``width``, the last one cut where it must.

    When something is left out, the last line says how many things: the room sees that
    the list goes on, and the facilitator that a larger window (or the export) shows it.
    """
    whole = [entry.make(entry.total) for entry in entries]
    if sum(measure(x, width) for x in whole) <= height:
        return Group(*whole)
    # The note's own lines: at 80 columns beside the voting board it wraps to two, and a
    # budget of one line put its second below the wall's last row.
    note_lines = max(measure(more_note(n, lang), width) for n in (1, sum(e.total for e in entries)))
    budget, kept, used = height - note_lines, [], 0
    for index, entry in enumerate(entries):
        lines = measure(whole[index], width)
        if used + lines <= budget:
            kept.append(whole[index])
            used += lines
            continue
        shown = _most_that_fit(entry, width, budget - used)
        if shown:
            kept.append(entry.make(shown))
        hidden = entry.total - shown + sum(e.total for e in entries[index + 1 :])
        return Group(*kept, more_note(hidden, lang)) if hidden else Group(*kept)
    return Group(*kept)


def _most_that_fit(entry: Entry, width: int, room: int) -> int:
    """The most of ``entry``'s things (fewer than all) whose lines fit in ``room``: 0 if not one.

    Searched by halves: more things never take fewer lines, and a group of a hundred
    answers measured one count at a time took a second to draw.
    """
    low, high = 0, entry.total - 1
    while low < high:
        middle = (low + high + 1) // 2
        if measure(entry.make(middle), width) <= room:
            low = middle
        else:
            high = middle - 1
    return low


def fit_lines(renderable: RenderableType, width: int, height: int, lang: str) -> RenderableType:
    """``renderable`` cut to ``height`` lines, its last line saying how many lines more."""
    rendered = _rendered(renderable, width)  # laid out once: the wall redraws on every save
    total = len(rendered)
    if total <= height:
        return renderable
    note_lines = 1
    while True:  # the note may wrap (a narrow wall): the lines it takes are not the content's
        kept = _texts(rendered[: max(0, height - note_lines)])
        note = Text(t("tui.proj.more_lines", lang, n=total - len(kept)), style=MORE)
        needed = measure(note, width)
        if needed <= note_lines or note_lines >= height:
            return Group(*kept, note)
        note_lines = needed


MARK = re.compile(r"\s*(?:(?:\d{1,3}\.|[A-Za-zÆØÅæøå]\))\s+|[•▸]\s+)?")
"""A line's margin and marker: " 5. ", "   a) ", "• ", or only spaces ("   Hvad er …")."""


class Hanging:
    """One line whose wrapped lines start under its text, past its margin and marker.

    Wrapped back to the margin, " 5. Opfatter … mod egne værdier" went on with "og idealer"
    level with the numbers, read from the back of the room as an item of its own (wallfit26).
    Wrapped at the width it is drawn at, so a wall narrower than measured still hangs.
    """

    def __init__(self, line: Text, indent: int) -> None:
        self.line = line
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = options.max_width
        if self.indent > width // 2:  # too narrow to hang: as the line wraps by itself
            yield self.line
            return
        head, body = self.line.divide([self.indent])
        for number, part in enumerate(body.wrap(console, width - self.indent)):
            margin = head if number == 0 else Text(" " * self.indent)
            yield Text.assemble(margin, part, no_wrap=True, overflow="crop")


def hang_lines(text: Text) -> Group:
    """``text`` line by line, each numbered item, sub-question or indented line as a :class:`Hanging`.

    The one place the wall gives a list's items their hanging indent: every kind's question
    (``projector_kinds.asked``) and a sheet's headings and sub-questions (``projector_texts``).
    """
    parts: list[RenderableType] = []
    plain: list[Text] = []  # a run of lines that need no hanging: kept one text, as drawn before
    for line in text.split("\n", allow_blank=True):
        found = MARK.match(line.plain)
        indent = found.end() if found else 0
        if 0 < indent < len(line.plain):
            if plain:
                parts.append(Text("\n").join(plain))
                plain = []
            parts.append(Hanging(line, indent))
        else:
            plain.append(line)
    if plain:
        parts.append(Text("\n").join(plain))
    return Group(*parts)
