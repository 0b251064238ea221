"""What the projector shows for the kinds groups write in: sheets 42–44, actions, tables.

The groups' answers appear as they are written (they are on the facilitator's screen,
which is on the wall, anyway): under each question, each group's answer with the
group's name; the agreed actions as a table of action, owner and date per group; a
table kind's rows per group. Texts wrap at word boundaries, never cut mid-word; each
kind gives its parts as entries (``projector_fit``), so a wall lower than them shows
what fits and says how many answers, actions or rows are left out. Before anyone has
written, these return None and the projector shows the question.
"""

from __future__ import annotations

import re
import textwrap

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import action_text, long_date
from workshop_tui.core.model import Action
from workshop_tui.core.results.summary_model import ActionPart, ReflectionPart, TablePart, TableRow
from workshop_tui.core.results.summary_written import GroupText
from workshop_tui.tui.plain import plain_text
from workshop_tui.tui.screens.projector_fit import Entry, hang_lines

HEADING = "bold #FFD700"
GROUP = "bold #000000 on #FFD700"


def sheet_answers(part: ReflectionPart) -> RenderableType | None:
    """Each box's question and every group's answer to it; None while nothing is written."""
    entries = sheet_entries(part)
    return None if entries is None else whole(entries)


def sheet_entries(part: ReflectionPart) -> list[Entry] | None:
    """Per box its question and the groups' answers, as entries the wall cuts to its height."""
    if not any(answer.text for box in part.boxes for answer in box.answers):
        return None
    entries: list[Entry] = []
    for box in part.boxes:
        # Heading and sub-questions hang ("1. Roller – … mellem" / "   stole – og hvordan?").
        asked = Text.assemble((f"{box.number}. {box.title}", HEADING))
        if box.question:
            asked.append(f"\n{box.question}", style="bold")
        for sub in box.subquestions:
            asked.append(f"\n   {sub}")
        head = hang_lines(asked)
        written = [answer for answer in box.answers if answer.text]

        def make(k: int, head: Group = head, written: list[GroupText] = written) -> RenderableType:
            blocks: list[RenderableType] = [head]
            for answer in written[:k]:
                blocks.append(Text(f"▸ {answer.group}", style="bold"))
                blocks.append(Padding(Text(answer.text), (0, 0, 0, 2)))
            return Group(*blocks, Text(""))

        entries.append(Entry(make, len(written)))
    return entries


def whole(entries: list[Entry]) -> RenderableType:
    """Every entry whole (a wall tall enough, or a check of what the kind shows)."""
    return Group(*(entry.make(entry.total) for entry in entries))


NARROW_ACTIONS = 56
"""Below this width an action's owner and date go on a line under its text: in four columns
the owner got 6 and "Louise Dahl" and the heading "Ansvarlig" were cut mid-word on the wall."""


def agreed_actions(part: ActionPart, lang: str, width: int = 80) -> RenderableType | None:
    """Per group: the challenge and the actions with owner and date; None while nothing is written.

    ``width`` is the room the wall gives them (at 80 columns with the voting board, about 35).
    """
    entries = action_entries(part, lang, width)
    return None if entries is None else whole(entries)


def action_entries(part: ActionPart, lang: str, width: int = 80) -> list[Entry] | None:
    """Per group its challenge and actions, as entries the wall cuts to its height."""
    if not any(group.challenge or group.actions for group in part.groups):
        return None
    label = part.action_label or t("tui.actions.text", lang)
    entries: list[Entry] = []
    for group in part.groups:
        head: list[RenderableType] = [Text(f" {group.group} ", style=GROUP)]
        if group.challenge:
            challenge = Text(f"{t('tui.actions.challenge', lang)}: ", style="bold")
            challenge.append(group.challenge, style="")
            head.append(challenge)

        def make(
            k: int, head: list[RenderableType] = head, actions: tuple[Action, ...] = group.actions
        ) -> Group:
            if not actions:
                return Group(*head, Text(t("tui.proj.no_actions", lang), style="dim"), Text(""))
            if width < NARROW_ACTIONS:
                return Group(*head, *_stacked_actions(actions[:k], lang), Text(""))
            return Group(*head, _action_table(actions, k, label, lang), Text(""))

        entries.append(Entry(make, len(group.actions)))
    return entries


def _action_table(actions: tuple[Action, ...], k: int, label: str, lang: str) -> Table:
    """The first ``k`` of a group's actions under the headings: action, owner, date."""
    table = Table(expand=True, show_edge=False, pad_edge=False, header_style=HEADING, box=None)
    table.add_column("", width=3, no_wrap=True)
    table.add_column(plain_text(label), ratio=5, overflow="fold")
    table.add_column(t("tui.actions.owner", lang), ratio=2, overflow="fold")
    due_width = max((len(long_date(a.due, lang)) for a in actions), default=0)
    table.add_column(t("tui.proj.due", lang), width=min(18, max(10, due_width)), no_wrap=True)
    for number, action in enumerate(actions[:k], start=1):
        table.add_row(
            Text(f"{number}.", style="bold"),
            plain_text(action_text(action.text, lang)),
            plain_text(action.owner),
            Text(long_date(action.due, lang), style="bold"),
        )
    return table


def _stacked_actions(actions: tuple[Action, ...], lang: str) -> list[RenderableType]:
    """Each action's text, and owner · date on the line under it, both indented past its number."""
    grid = Table.grid(expand=True)
    grid.add_column(width=len(f"{len(actions)}. "), no_wrap=True)
    grid.add_column(ratio=1)
    for number, action in enumerate(actions, start=1):
        who = Text.assemble(plain_text(action.owner), (" · " if action.owner and action.due else ""))
        who.append(long_date(action.due, lang), style="bold")
        text = plain_text(action_text(action.text, lang))
        grid.add_row(Text(f"{number}.", style="bold"), Group(text, who) if who.plain else text)
    return [grid]


def table_rows(part: TablePart, width: int = 80) -> RenderableType | None:
    """Per group its filled-in rows under the column headings; None while every table is empty.

    ``width`` is the room the wall gives them. Every heading stays whole: a column is at least
    as wide as its heading's longest word (a slash ends a word, so "Positiv/negativ" may go on
    two lines after the slash), and when the columns cannot all get that much, each row is
    stacked as heading: text lines. Rich ignores a column's minimum width when it has a ratio,
    and in equal ratios "Positiv/negativ" broke as "Positiv/nega" / "tiv" at 80 columns.
    """
    entries = table_entries(part, width)
    return None if entries is None else whole(entries)


def table_entries(part: TablePart, width: int = 80) -> list[Entry] | None:
    """Per group its rows under the headings, as entries the wall cuts to its height (``table_rows``)."""
    if not any(group.rows for group in part.groups):
        return None
    labels = [plain_text(column.label).plain for column in part.columns]
    rows = [[plain_text(cell).plain for cell in row.cells] for group in part.groups for row in group.rows]
    widths = _column_widths(labels, rows, width)
    entries: list[Entry] = []
    for group in part.groups:
        if not group.rows:
            continue
        heading = Text(f" {group.group} ", style=GROUP)

        def make(k: int, heading: Text = heading, group_rows: tuple[TableRow, ...] = group.rows) -> Group:
            if widths is None:
                return Group(heading, *_stacked_rows(labels, group_rows[:k]), Text(""))
            table = Table(show_edge=False, pad_edge=False, header_style=HEADING, box=None)
            for label, column_width in zip(labels, widths, strict=True):
                head = label if len(label) <= column_width else label.replace("/", "/\n")
                table.add_column(Text(head), width=column_width, overflow="fold")
            for row in group_rows[:k]:
                table.add_row(*(plain_text(cell) for cell in row.cells))
            return Group(heading, table, Text(""))

        entries.append(Entry(make, len(group.rows)))
    return entries


def _heading_words(label: str) -> list[str]:
    """The pieces a heading may wrap between: at spaces, and after a slash."""
    return [piece for word in label.split() for piece in re.findall(r"[^/]*/|[^/]+", word)]


def _column_widths(labels: list[str], rows: list[list[str]], width: int) -> list[int] | None:
    """Each column's width, its heading's longest word at least; None if the headings don't fit.

    ``rows`` holds every group's rows, so the groups' tables line up. Of the layouts that
    fit (each heading whole; each column's longest word; each heading's longest word), the
    one whose tables take the fewest lines, whole headings first on a tie. Within a layout,
    what is left goes to the columns by how much more their longest line needs: the choice
    columns ("stor", "aktiv") stay narrow and the written ones get the room. Columns are
    one space apart on each side (Rich's padding, no edge), so ``width`` less 2 per gap is shared.
    """
    if not labels:
        return None
    room = width - 2 * (len(labels) - 1)
    heads = [max((len(word) for word in _heading_words(label)), default=1) for label in labels]
    if sum(heads) > room:
        return None
    columns = [[row[i] for row in rows if i < len(row)] for i in range(len(labels))]
    words = [
        max([head, *(len(w) for text in texts for w in text.split())])
        for head, texts in zip(heads, columns, strict=True)
    ]
    whole = [max(len(label), least) for label, least in zip(labels, words, strict=True)]
    most = [
        max([len(label), *(len(line) for text in texts for line in text.splitlines())])
        for label, texts in zip(labels, columns, strict=True)
    ]
    layouts = [_shared(least, most, room) for least in (whole, words, heads) if sum(least) <= room]
    return min(layouts, key=lambda widths: _lines(labels, rows, widths))


def _shared(least: list[int], most: list[int], room: int) -> list[int]:
    """``least`` each, the rest of ``room`` by how much more each column's longest line needs."""
    wants = [max(0, m - low) for m, low in zip(most, least, strict=True)]
    spare = room - sum(least)
    if sum(wants) <= spare:  # every line fits: the rest evenly
        share, over = divmod(spare - sum(wants), len(least))
        return [
            low + want + share + (i < over) for i, (low, want) in enumerate(zip(least, wants, strict=True))
        ]
    widths = [low + spare * want // sum(wants) for low, want in zip(least, wants, strict=True)]
    for i in sorted(range(len(least)), key=lambda i: -wants[i])[: room - sum(widths)]:
        widths[i] += 1
    return widths


def _lines(labels: list[str], rows: list[list[str]], widths: list[int]) -> int:
    """About how many lines the headings and rows take at ``widths`` (words wrapped as Rich does)."""
    head = max(1 if len(label) <= w else 2 for label, w in zip(labels, widths, strict=True))
    body = sum(
        max([1, *(len(textwrap.wrap(cell, w)) for cell, w in zip(row, widths, strict=False))]) for row in rows
    )
    return head + body


def _stacked_rows(labels: list[str], rows: tuple[TableRow, ...]) -> list[RenderableType]:
    """Each row as its numbered heading: text lines, for a wall too narrow for the columns."""
    grid = Table.grid(expand=True)
    grid.add_column(width=len(f"{len(rows)}. "), no_wrap=True)
    grid.add_column(ratio=1)
    for number, row in enumerate(rows, start=1):
        lines = [
            Text.assemble((f"{label}: ", "bold"), plain_text(cell))
            for label, cell in zip(labels, row.cells, strict=False)
            if cell
        ]
        grid.add_row(Text(f"{number}.", style="bold"), Group(*lines))
    return [grid]
