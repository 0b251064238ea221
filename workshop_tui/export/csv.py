"""A session summary as CSV: one row per score and one per written answer.

UTF-8 with a byte-order mark, so that Excel shows æøå correctly, and CRLF line
ends as in RFC 4180. The separator follows the session's language: a semicolon
for Danish (Danish Excel splits columns on ";" when a file is double-clicked)
and a comma for English. The columns are the same for every row; ``type`` says what
a row is, so a spreadsheet can filter the scores out of the texts:

``score``  one score: exercise, item, participant label, score. Labels are the
           anonymous P-labels of the summary unless it was built ``named``;
           tallied scores carry the participant label ``tally``.
``withheld`` an item whose scores are not shown (too few answers, or a blind
           exercise never revealed); the reason is in ``text``, no score.
``note``, ``closing``, ``reflection``, ``challenge``, ``action``,
``facilitator_note``  written answers, with the group where there is one;
           actions have their owner and due date in their own columns.

Only what the Summary holds is written, so the CSV shows exactly what the
Markdown and HTML show.
"""

from __future__ import annotations

import csv
import io

from workshop_tui.export.common import status_text
from workshop_tui.export.strings import tr
from workshop_tui.summary_model import ExerciseSummary, Summary

BOM = "\ufeff"
DELIMITERS = {"da": ";", "en": ","}
COLUMNS = (
    "type",
    "exercise_id",
    "exercise",
    "item_id",
    "item",
    "participant",
    "group",
    "score",
    "text",
    "owner",
    "due",
)
"""Column keys; the header row shows them in the session's language."""

Row = dict[str, str | int]


def render_csv(summary: Summary) -> str:
    """The whole summary as CSV text, starting with the byte-order mark."""
    lang = summary.language
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer,
        fieldnames=COLUMNS,
        delimiter=delimiter(lang),
        lineterminator="\r\n",
        extrasaction="raise",
    )
    writer.writerow({c: header(c, lang) for c in COLUMNS})
    for exercise in summary.exercises:
        for row in rows(exercise, lang):
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return BOM + buffer.getvalue()


def delimiter(lang: str) -> str:
    """The column separator a spreadsheet in that language expects."""
    return DELIMITERS.get(lang, ",")


def header(column: str, lang: str) -> str:
    """The heading of a column in the session's language."""
    return tr(f"csv.{column}", lang)


def rows(exercise: ExerciseSummary, lang: str) -> list[Row]:
    """Every row of one exercise, scores first, then texts, in the summary's order."""
    base: Row = {"exercise_id": exercise.id, "exercise": exercise.title}
    out: list[Row] = []
    if exercise.scored is not None:
        part = exercise.scored
        for item in part.items:
            where = {**base, "item_id": item.id, "item": item.text}
            if item.status in ("too_few", "blind"):
                out.append({**where, "type": "withheld", "text": status_text(item, lang)})
            out += [{**where, "type": "score", "participant": s.label, "score": s.value} for s in item.scores]
        for item in part.items:
            if item.note:
                out.append({**base, "type": "note", "item_id": item.id, "item": item.text, "text": item.note})
        out += [
            {
                **base,
                "type": "closing",
                "item_id": "closing",
                "item": part.closing_question or tr("csv.closing", lang),
                "group": answer.group,
                "text": answer.text,
            }
            for answer in part.closing
        ]
    if exercise.reflection is not None:
        out += [
            {
                **base,
                "type": "reflection",
                "item_id": str(box.number),
                "item": box.title,
                "group": answer.group,
                "text": answer.text,
            }
            for box in exercise.reflection.boxes
            for answer in box.answers
            if answer.text
        ]
    if exercise.actions is not None:
        part_a = exercise.actions
        label = part_a.action_label or tr("action", lang)
        for group in part_a.groups:
            if group.challenge:
                out.append(
                    {
                        **base,
                        "type": "challenge",
                        "item_id": "challenge",
                        "item": part_a.challenge_prompt or tr("challenge", lang),
                        "group": group.group,
                        "text": group.challenge,
                    }
                )
            out += [
                {
                    **base,
                    "type": "action",
                    "item_id": f"action-{i}",
                    "item": f"{label} {i}",
                    "group": group.group,
                    "text": a.text,
                    "owner": a.owner,
                    "due": a.due,
                }
                for i, a in enumerate(group.actions, start=1)
            ]
    if exercise.facilitator_note:
        out.append({**base, "type": "facilitator_note", "text": exercise.facilitator_note})
    return out
