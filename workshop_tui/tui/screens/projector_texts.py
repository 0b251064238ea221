"""What the projector shows for the kinds groups write in: sheets 42–44, actions, tables.

The groups' answers appear as they are written (they are on the facilitator's screen,
which is on the wall, anyway): under each question, each group's answer with the
group's name; the agreed actions as a table of action, owner and date per group; a
table kind's rows per group. Texts wrap at word boundaries; nothing is cut off.
Before anyone has written, these return None and the projector shows the question.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Action
from workshop_tui.core.results.summary_model import ActionPart, ReflectionPart, TablePart
from workshop_tui.tui.plain import plain_text

HEADING = "bold #FFD700"
GROUP = "bold #000000 on #FFD700"


def sheet_answers(part: ReflectionPart) -> RenderableType | None:
    """Each box's question and every group's answer to it; None while nothing is written."""
    if not any(answer.text for box in part.boxes for answer in box.answers):
        return None
    blocks: list[RenderableType] = []
    for box in part.boxes:
        head = Text(f"{box.number}. {box.title}", style=HEADING)
        if box.question:
            head.append(f"\n{box.question}", style="bold")
        for sub in box.subquestions:
            head.append(f"\n   {sub}")
        blocks.append(head)
        for answer in box.answers:
            if answer.text:
                blocks.append(Text(f"▸ {answer.group}", style="bold"))
                blocks.append(Padding(Text(answer.text), (0, 0, 0, 2)))
        blocks.append(Text(""))
    return Group(*blocks)


NARROW_ACTIONS = 56
"""Below this width an action's owner and date go on a line under its text: in four columns
the owner got 6 and "Louise Dahl" and the heading "Ansvarlig" were cut mid-word on the wall."""


def agreed_actions(part: ActionPart, lang: str, width: int = 80) -> RenderableType | None:
    """Per group: the challenge and the actions with owner and date; None while nothing is written.

    ``width`` is the room the wall gives them (at 80 columns with the voting board, about 35).
    """
    if not any(group.challenge or group.actions for group in part.groups):
        return None
    label = part.action_label or t("tui.actions.text", lang)
    blocks: list[RenderableType] = []
    for group in part.groups:
        blocks.append(Text(f" {group.group} ", style=GROUP))
        if group.challenge:
            challenge = Text(f"{t('tui.actions.challenge', lang)}: ", style="bold")
            challenge.append(group.challenge, style="")
            blocks.append(challenge)
        if not group.actions:
            blocks += [Text(t("tui.proj.no_actions", lang), style="dim"), Text("")]
            continue
        if width < NARROW_ACTIONS:
            blocks += [*_stacked_actions(group.actions), Text("")]
            continue
        table = Table(expand=True, show_edge=False, pad_edge=False, header_style=HEADING, box=None)
        table.add_column("", width=3, no_wrap=True)
        table.add_column(plain_text(label), ratio=5, overflow="fold")
        table.add_column(t("tui.actions.owner", lang), ratio=2, overflow="fold")
        table.add_column(t("tui.proj.due", lang), width=10, no_wrap=True)
        for number, action in enumerate(group.actions, start=1):
            table.add_row(
                Text(f"{number}.", style="bold"),
                plain_text(action.text),
                plain_text(action.owner),
                Text(action.due, style="bold"),
            )
        blocks += [table, Text("")]
    return Group(*blocks)


def _stacked_actions(actions: tuple[Action, ...]) -> list[RenderableType]:
    """Each action's text, and owner · date on the line under it, both indented past its number."""
    grid = Table.grid(expand=True)
    grid.add_column(width=len(f"{len(actions)}. "), no_wrap=True)
    grid.add_column(ratio=1)
    for number, action in enumerate(actions, start=1):
        who = Text.assemble(plain_text(action.owner), (" · " if action.owner and action.due else ""))
        who.append(action.due, style="bold")
        text = plain_text(action.text)
        grid.add_row(Text(f"{number}.", style="bold"), Group(text, who) if who.plain else text)
    return [grid]


def table_rows(part: TablePart) -> RenderableType | None:
    """Per group its filled-in rows under the column headings; None while every table is empty."""
    if not any(group.rows for group in part.groups):
        return None
    blocks: list[RenderableType] = []
    for group in part.groups:
        if not group.rows:
            continue
        blocks.append(Text(f" {group.group} ", style=GROUP))
        table = Table(expand=True, show_edge=False, pad_edge=False, header_style=HEADING, box=None)
        for column in part.columns:
            table.add_column(plain_text(column.label), ratio=1, overflow="fold")
        for row in group.rows:
            table.add_row(*(plain_text(cell) for cell in row.cells))
        blocks += [table, Text("")]
    return Group(*blocks)
