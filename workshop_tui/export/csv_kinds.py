"""The CSV rows of each kind family's part (see ``csv`` for what each row type means).

Reached through the renderer table (``part_table``); the CSV renderer adds the
exercise's id and title to every record.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.core.results.rules import iso_date
from workshop_tui.core.results.summary_model import (
    ActionPart,
    ReflectionPart,
    Score,
    ScoredPart,
    TablePart,
    VotePart,
)
from workshop_tui.export.blocks import Record
from workshop_tui.export.common import status_text, undated, vote_count
from workshop_tui.export.strings import signed


def scored_records(part: ScoredPart, lang: str) -> list[Record]:
    """Each score (or why the item's scores are withheld), the notes, the closing answers, then
    a paired rating's gaps and a placement's zone counts."""
    out: list[Record] = []
    for item in part.items:
        where: Record = {"item_id": item.id, "item": item.text}
        if item.status in ("too_few", "blind"):
            out.append({**where, "type": "withheld", "text": status_text(item, lang)})
        out += _score_records(where, item.scores)
    for item in part.items:
        if item.note:
            out.append({"type": "note", "item_id": item.id, "item": item.text, "text": item.note})
    out += [
        {
            "type": "closing",
            "item_id": "closing",
            "item": part.closing_question or t("export.csv.closing", lang),
            "group": answer.group,
            "text": answer.text,
        }
        for answer in part.closing
    ]
    return out + _scored_extras(part, lang)


def _score_records(where: Record, scores: tuple[Score, ...]) -> list[Record]:
    """A ``score`` record per score; equal scores share one record (an anonymous item of 400
    people has a handful of distinct ones), which the CSV renderer then writes once."""
    made: dict[tuple[str, int], Record] = {}
    out = []
    for score in scores:
        key = (score.label, score.value)
        record = made.get(key)
        if record is None:
            record = made[key] = {**where, "type": "score", "participant": score.label, "score": score.value}
        out.append(record)
    return out


def reflection_records(part: ReflectionPart) -> list[Record]:
    """Every group's non-empty answer to every box."""
    out: list[Record] = []
    out += [
        {
            "type": "reflection",
            "item_id": str(box.number),
            "item": box.title,
            "group": answer.group,
            "text": answer.text,
        }
        for box in part.boxes
        for answer in box.answers
        if answer.text
    ]
    return out


def action_records(part: ActionPart, lang: str) -> list[Record]:
    """Each group's challenge, its actions, and the due dates written as text."""
    out: list[Record] = []
    label = part.action_label or t("export.action", lang)
    for group in part.groups:
        if group.challenge:
            out.append(
                {
                    "type": "challenge",
                    "item_id": "challenge",
                    "item": part.challenge_prompt or t("export.challenge", lang),
                    "group": group.group,
                    "text": group.challenge,
                }
            )
        out += [
            {
                "type": "action",
                "item_id": f"action-{i}",
                "item": f"{label} {i}",
                "group": group.group,
                "text": a.text,
                "owner": a.owner,
                "due": day.isoformat() if (day := iso_date(a.due)) else "",
            }
            for i, a in enumerate(group.actions, start=1)
        ]
        out += [
            {
                "type": "due_text",
                "item_id": f"action-{i}",
                "item": f"{label} {i}",
                "group": group.group,
                "text": text,
            }
            for i, text in undated(group.actions)
        ]
    return out


def _scored_extras(part: ScoredPart, lang: str) -> list[Record]:
    """A paired rating's gaps and a placement's zone counts."""
    out: list[Record] = []
    if part.pairs is not None:
        for pair in part.pairs.rows:
            if pair.gap is not None:
                row: Record = {"type": "gap", "item_id": pair.id, "item": pair.text}
                out.append({**row, "text": signed(pair.gap, lang)})
    placement = part.placement
    if placement is not None and placement.status == "shown":
        for zone in placement.zones:
            out.append({"type": "zone", "item_id": zone.id, "item": zone.label, "score": zone.count})
    return out


def vote_records(part: VotePart, lang: str) -> list[Record]:
    """Each person's dots per option (score rows) and each option's total, or why they are withheld."""
    out: list[Record] = []
    for option in part.options:
        where = {"item_id": option.id, "item": option.text}
        if part.status in ("too_few", "blind"):
            out.append({**where, "type": "withheld", "text": vote_count(part, lang)})
            continue
        out += [{**where, "type": "score", "participant": s.label, "score": s.value} for s in option.scores]
        if part.shown:
            out.append({**where, "type": "total", "score": option.dots})
    return out


def table_records(part: TablePart) -> list[Record]:
    """One row per filled-in cell, in group, row and column order."""
    out: list[Record] = []
    for group in part.groups:
        for row in group.rows:
            for column, text in zip(part.columns, row.cells, strict=True):
                if text:
                    key = f"{row.number}.{column.id}"
                    cell: Record = {"type": "cell", "item_id": key, "item": column.label}
                    out.append({**cell, "group": group.group, "text": text})
    return out
