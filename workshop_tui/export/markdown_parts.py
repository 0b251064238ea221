"""Markdown building blocks (pipe tables, quotes) and the Markdown of votes, tables, poles,
pairs, placements and reversed items.

``markdown`` draws the document and the generic blocks with the helpers here; the
renderer table (``part_table``) reaches the kinds' drawings here and in
``markdown_kinds``. Wording shared with HTML comes from ``common``.
"""

from __future__ import annotations

import re

from workshop_tui.core.i18n import t
from workshop_tui.core.results.summary_model import PlacementPart, ScoredPart, TablePart, VotePart
from workshop_tui.export.common import share_text, track, vote_count, vote_order, vote_rule
from workshop_tui.export.strings import number, signed

_BARE_PIPE = re.compile(r"(?<!\\)\|")


def cell(text: str) -> str:
    """Text made safe for one table cell: no unescaped pipes, no line breaks.

    Texts from the session arrive escaped (``markdown_escape``), their pipes as ``\\|``;
    only the renderer's own pipes are escaped here, so none is escaped twice.
    """
    if "|" in text:  # most cells hold none: the expression is not run for them
        text = _BARE_PIPE.sub(r"\\|", text)
    return " ".join(text.split())


def quote(text: str) -> list[str]:
    """Text as a block quote, keeping its lines (and its blank lines).

    A line followed by another in the same paragraph ends in a backslash, Markdown's hard line
    break: without it every viewer joins the lines into one, so a group's list ("Anne", "Bo",
    "Carl" on three lines) read "Anne Bo Carl", and the merge marks two writers leave between
    their texts ran into the texts. A backslash rather than two trailing spaces: editors and
    mail strip those. A line ending in an escaped backslash (``\\``) stays right: the third
    backslash is the break.
    """
    lines = [f"> {line}".rstrip() for line in text.strip().splitlines()]
    return [
        line + "\\" if line != ">" and after != ">" else line
        for line, after in zip(lines, lines[1:], strict=False)
    ] + lines[-1:]


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    """A pipe table; the columns in ``right`` are right-aligned (numbers)."""
    right = right or set()
    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = [headers, rule, *rows]
    return ["| " + " | ".join(cell(c) for c in line) + " |" for line in lines]


def votes_md(part: VotePart, lang: str, *, named: bool) -> list[str]:
    """The rule, the count, a table of options by votes and (single choice) the winners' response."""
    out = [vote_rule(part, lang), "", vote_count(part, lang), ""]
    responses = any(o.response for o in part.options)
    heads = [
        "#",
        t("export.col.option", lang),
        t("export.col.votes" if part.single else "export.col.dots", lang),
    ]
    heads += [t("export.col.share", lang)] + ([] if part.single else [t("export.col.people", lang)])
    heads += [t("export.vote.response", lang)] if responses else []
    rows = []
    for option in vote_order(part):
        row = [
            "–" if option.rank is None else str(option.rank),
            ("▲ " if option.winner else "") + option.text,
        ]
        row += [str(option.dots) if part.shown else "–", share_text(option.share)]
        row += [] if part.single else [str(option.people) if part.shown else "–"]
        row += [option.response] if responses else []
        rows.append(row)
    out += table(heads, rows, {0, 2, 3, 4} if not part.single else {0, 2, 3}) + [""]
    for winner in part.winners:
        line = f"**{t('export.vote.top', lang)}:** {winner.text}"
        out += [line + (f" → *{winner.response}*" if winner.response else ""), ""]
    lines = [
        f"- **{option.text}:** " + ", ".join(f"{s.label} {s.value}" for s in option.scores)
        for option in (part.options if named and part.shown else ())
        if option.scores
    ]
    if lines:  # as the HTML: no heading over an empty list
        out += [f"### {t('export.named.title', lang)}", "", *lines, ""]
    return out


def reverse_md(part: ScoredPart, lang: str) -> list[str]:
    """What the ↺ means, the index, and the reversed items' raw and turned means."""
    if part.index is None and not any(i.reverse for i in part.items):
        return []
    scale = part.scale
    out = [
        f"### {t('export.reverse.title', lang)}",
        "",
        t("export.reverse.explain", lang, sum=scale.min + scale.max),
        "",
    ]
    out += [f"**{t('export.reverse.index', lang)}:** {number(part.index, lang)}", ""]
    heads = [t("export.col.item", lang), t("export.col.mean", lang), t("export.col.aligned", lang)]
    rows = [
        [f"↺ {i.text}", number(i.stats.mean, lang), number(i.aligned_mean, lang)]
        for i in part.items
        if i.reverse
    ]
    return out + table(heads, rows, {1, 2}) + [""]


def poles_md(part: ScoredPart, lang: str) -> list[str]:
    """Each pair of poles with the group's mean on a text track between them."""
    low, high = part.scale.min, part.scale.max
    heads = [
        t("export.col.low_pole", lang, n=low),
        t("export.col.position", lang),
        t("export.col.low_pole", lang, n=high),
    ]
    heads += [t("export.col.mean", lang), "n", t("export.col.flag", lang)]
    rows = []
    for item in part.items:
        flag = t("export.split", lang) if item.stats.split else ""
        rows.append(
            [
                item.left,
                track(item.stats.mean, low, high),
                item.right,
                number(item.stats.mean, lang),
                str(item.stats.n),
                flag,
            ]
        )
    return [f"### {t('export.poles.title', lang)}", "", *table(heads, rows, {3, 4}), ""]


def pairs_md(part: ScoredPart, lang: str) -> list[str]:
    """Per item: the left side's mean, the right side's and the gap between them."""
    pairs = part.pairs
    if pairs is None:
        return []
    out = [f"### {t('export.pairs.title', lang)}", ""]
    out += [t("export.pairs.explain", lang, left=pairs.left_label, right=pairs.right_label), ""]
    heads = [t("export.col.dimension", lang), pairs.left_label, pairs.right_label, t("export.col.gap", lang)]
    rows = [[r.text, number(r.left, lang), number(r.right, lang), signed(r.gap, lang)] for r in pairs.rows]
    return out + table(heads, rows, {1, 2, 3}) + [""]


def placement_md(part: PlacementPart, lang: str) -> list[str]:
    """The zones' counts, the centroid and a grid of how many chose each (x, y)."""
    out = [f"### {t('export.place.title', lang)}", ""]
    if part.status != "shown":
        reason = (
            t("export.status.too_few", lang, n=part.n)
            if part.status == "too_few"
            else t(f"export.status.{part.status}", lang)
        )
        return out + [reason, ""]
    out += [t("export.place.n", lang, n=part.n), ""]
    if part.centroid is not None:
        x, y = part.centroid
        out += [f"**{t('export.place.centroid', lang)}:** {number(x, lang)} · {number(y, lang)}", ""]
    if part.zones:
        out += table(
            [t("export.col.zone", lang), t("export.col.count", lang)],
            [[z.label, str(z.count)] for z in part.zones],
            {1},
        )
        out.append("")
        if part.on_line:
            out += [t("export.place.on_line", lang, n=part.on_line), ""]
    counts = {(x, y): n for x, y, n in part.points}
    values = range(part.low, part.high + 1)
    heads = [f"{part.y_label} ↓ / {part.x_label} →", *map(str, values)]
    rows = [[str(y), *(str(counts.get((x, y), "")) for x in values)] for y in reversed(values)]
    return out + [
        f"**{t('export.place.grid', lang)}**",
        "",
        *table(heads, rows, set(range(1, len(heads)))),
        "",
    ]


def table_md(part: TablePart, lang: str) -> list[str]:
    """Each group's filled-in rows, its check count and its matrix."""
    out: list[str] = []
    if part.heading:
        out += [f"*{part.heading}*", ""]
    if part.instructions:
        # One paragraph with hard line breaks: the instructions carry their own numbers.
        out += [f"{line}  " for line in part.instructions[:-1]] + [part.instructions[-1], ""]
    heads = ["#", *(c.label for c in part.columns)] + (
        [t("export.table.checks", lang)] if part.checkable else []
    )
    for group in part.groups:
        out += [f"### {group.group}", ""]
        if not group.rows:
            out += [t("export.table.empty", lang), ""]
            continue
        rows = [
            [str(r.number), *(c or "–" for c in r.cells)]
            + ([f"{r.checks}/{part.checkable}"] if part.checkable else [])
            for r in group.rows
        ]
        out += table(heads, rows, {0}) + [""]
        matrix = group.matrix
        if matrix is not None:
            out += [
                f"**{t('export.table.matrix', lang, rows=matrix.row_label, columns=matrix.column_label)}**",
                "",
            ]
            grid = [
                [label, *(", ".join(names) or "–" for names in line)]
                for label, line in zip(matrix.row_options, matrix.cells, strict=True)
            ]
            out += table(["", *matrix.column_options], grid) + [""]
    return out
