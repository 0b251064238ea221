"""The Markdown of the older kinds: scored parts, reflection sheets and action lists.

Reached only through the renderer table (``part_table``), which wraps these in a
``Drawn`` block; a new kind draws itself from the generic blocks instead.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import action_text
from workshop_tui.core.results.summary_model import ActionPart, ReflectionPart, ScoredPart
from workshop_tui.export.common import (
    distribution_text,
    due_text,
    figure_headers,
    figures,
    highlight_lists,
    item_groups,
    list_text,
    mean_text,
    mode_lines,
    scale_line,
    status_text,
    undated,
)
from workshop_tui.export.markdown_parts import pairs_md, placement_md, poles_md, quote, reverse_md, table
from workshop_tui.export.strings import number


def scored_md(part: ScoredPart, lang: str, *, named: bool) -> list[str]:
    """A scored part: scale, profiles, the kind's own table, the items, highlights, notes, closing."""
    out = [scale_line(part, lang), ""]
    out += [" ".join(mode_lines(part, lang)), ""]
    if any(d.produced is not None or d.not_produced is not None for d in part.dimensions):
        out += [f"### {t('export.kkc.title', lang)}", "", t("export.kkc.explain", lang), ""]
        rows = [[d.label, number(d.produced, lang), number(d.not_produced, lang)] for d in part.dimensions]
        heads = ["dimension", "produced", "not_produced"]
        out += table([t(f"export.col.{h}", lang) for h in heads], rows, {1, 2}) + [""]
    elif part.dimensions:
        out += [f"### {t('export.dims.title', lang)}", ""]
        rows = [[d.label, number(d.mean, lang)] for d in part.dimensions]
        heads = [t("export.col.dimension", lang), t("export.col.mean", lang)]
        out += table(heads, rows, {1}) + [""]
    if part.bipolar:
        out += poles_md(part, lang)
    out += pairs_md(part, lang)
    if part.placement is not None:
        out += placement_md(part.placement, lang)
    if len(part.items) == 1:
        out += _single(part, lang)
    else:
        out += _items(part, lang)
    out += reverse_md(part, lang)
    for found in highlight_lists(part, lang):
        out += [f"### {found.title}", ""]
        if found.note:
            out += [f"*{found.note}*", ""]
        for item in found.items:
            text = list_text(item, part, lang)
            out.append(
                f"{item.rank}. **{text}** ({t('export.col.mean', lang).lower()} {mean_text(item, lang)})"
            )
            if item.note:
                out.append(f"   {item.note}")
        out.append("")
    noted = [i for i in part.items if i.note and i.id not in part.top + part.bottom]
    if noted:
        out += [f"### {t('export.notes.title', lang)}", ""]
        if part.note_prompt:
            out += [f"*{part.note_prompt}*", ""]
        out += [f"- **{i.text}:** {' '.join(i.note.split())}" for i in noted] + [""]
    if part.closing:
        out += [f"### {part.closing_question or t('export.closing.title', lang)}", ""]
        for answer in part.closing:
            out += [f"**{answer.group}**", ""] + quote(answer.text) + [""]
    if named:
        out += _named(part, lang)
    return out


def _items(part: ScoredPart, lang: str) -> list[str]:
    out = [f"### {t('export.items.title', lang)}", ""]
    scale = f"{part.scale.min}→{part.scale.max}"
    h = figure_headers(lang)
    dist_head = f"{t('export.col.distribution', lang)} ({scale})"
    heads = [h[0], t("export.col.item", lang), *h[1:6], dist_head, h[6]]
    for group in item_groups(part):
        if group.heading:
            out += [f"**{group.heading}**", ""]
        rows = []
        for item in group.items:
            rank, n, mean, median, span, sd, flag = figures(item, lang)
            dist = distribution_text(item) if item.shown else ""
            text = f"↺ {item.text}" if item.reverse else item.text
            rows.append([rank, text, n, mean, median, span, sd, dist, flag])
        out += table(heads, rows, {0, 2, 3, 4, 5, 6}) + [""]
    return out


def _single(part: ScoredPart, lang: str) -> list[str]:
    """A one-question scale (commitment): its figures and its distribution, across."""
    item = part.items[0]
    if not item.shown:
        return [status_text(item, lang), ""]
    heads = figure_headers(lang)
    values = figures(item, lang)
    pairs = [f"{h}: {v}" for h, v in zip(heads[1:], values[1:], strict=True) if v]
    out = [" · ".join(pairs), ""]
    scores = [str(score) for score, _ in item.stats.distribution]
    counts = [str(count) for _, count in item.stats.distribution]
    columns = set(range(len(scores) + 1))
    out += table([t("export.col.score", lang), *scores], [[t("export.col.count", lang), *counts]], columns)
    return out + [""]


def _named(part: ScoredPart, lang: str) -> list[str]:
    """Each item's scores with the participants' labels; nothing when no item has a score.

    An exercise without scores printed the heading over nothing in the named edition
    (found by hand: three empty "Scores by participant" headings), where the HTML left it out.
    """
    lines = [
        f"- **{item.text}:** " + ", ".join(f"{s.label} {s.value}" for s in item.scores)
        for item in part.items
        if item.scores
    ]
    return [f"### {t('export.named.title', lang)}", "", *lines, ""] if lines else []


def reflection_md(part: ReflectionPart, lang: str) -> list[str]:
    """Each box's question and every group's answer as a block quote."""
    out: list[str] = []
    for box in part.boxes:
        out += [f"### {box.number}. {box.title}", ""]
        if box.question:
            out += [f"*{box.question}*", ""]
        if box.subquestions:
            out += [f"- {q}" for q in box.subquestions] + [""]
        for answer in box.answers:
            out += [f"**{answer.group}**", ""]
            out += (quote(answer.text) if answer.text else [t("export.no_answer", lang)]) + [""]
    return out


def actions_md(part: ActionPart, lang: str) -> list[str]:
    """Each group's challenge and its actions as a table; due dates that are no date listed below."""
    out: list[str] = []
    label = part.action_label or t("export.action", lang)
    for group in part.groups:
        out += [f"### {group.group}", ""]
        if group.challenge:
            out += [f"**{t('export.challenge', lang)}:** {' '.join(group.challenge.split())}", ""]
        if not group.actions:
            out += [t("export.no_actions", lang), ""]
            continue
        # An edition without owners (``results.edition``) has no owner column at all.
        heads = ["#", label, *([t("export.owner", lang)] if part.owners_shown else []), t("export.due", lang)]
        rows = [
            [
                str(i),
                action_text(a.text, lang),
                *([a.owner or "–"] if part.owners_shown else []),
                due_text(a, lang),
            ]
            for i, a in enumerate(group.actions, start=1)
        ]
        out += table(heads, rows, {0}) + [""]
        loose = undated(group.actions)
        if loose:
            out += [f"*{t('export.due.not_date', lang)}*", ""]
            out += [f"- {label} {number_}: {text}" for number_, text in loose] + [""]
    return out
