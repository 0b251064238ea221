"""HTML of the newer kinds: votes, tables, poles, mirrored pairs, placements, reversed items.

Reached through the renderer table (``part_table``) and ``html_kinds``; ``html`` draws
the generic blocks with ``html_table`` and ``cards`` from here. The wording is shared
with the Markdown through ``common``, the charts come from ``svg_kinds``. All text is
escaped.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.core.results.summary_model import GroupText, PlacementPart, ScoredPart, TablePart, VotePart
from workshop_tui.export import svg_kinds
from workshop_tui.export.common import share_text, status_text, vote_count, vote_order, vote_rule
from workshop_tui.export.html_text import e, scroll_box
from workshop_tui.export.strings import number, signed


def html_table(heads: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    """A table whose cells are already HTML; ``numeric`` columns are right-aligned.

    In a box that scrolls on a phone (``scroll_box``), named by its column headings.
    """
    head = "".join(
        f'<th class="num">{h}</th>' if i in numeric else f"<th>{h}</th>" for i, h in enumerate(heads)
    )
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    label = ", ".join(h for h in heads if h)
    return scroll_box(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>", label)


def votes_html(part: VotePart, lang: str, *, named: bool) -> str:
    """The rule, a bar per option, the table and (single choice) the winners' responses."""
    out = [f'<p class="scale">{e(vote_rule(part, lang))}</p>', f"<p>{e(vote_count(part, lang))}</p>"]
    order = vote_order(part)
    if part.shown:
        bars = [
            svg_kinds.VoteBar(o.text, o.dots, f"{o.dots} · {share_text(o.share)}", o.winner) for o in order
        ]
        out.append(f'<div class="figure">{svg_kinds.vote_chart(bars, title=t("kind.dot_vote", lang))}</div>')
    responses = any(o.response for o in part.options)
    heads = [
        "#",
        t("export.col.option", lang),
        t("export.col.votes" if part.single else "export.col.dots", lang),
        t("export.col.share", lang),
    ]
    heads += [] if part.single else [t("export.col.people", lang)]
    heads += [t("export.vote.response", lang)] if responses else []
    rows = []
    for o in order:
        text = f"<b>{e(o.text)}</b>" if o.winner else e(o.text)
        row = [e(o.rank or "–"), text, e(o.dots if part.shown else "–"), e(share_text(o.share))]
        row += [] if part.single else [e(o.people if part.shown else "–")]
        row += [e(o.response)] if responses else []
        rows.append(row)
    out.append(html_table([e(h) for h in heads], rows, {0, 2, 3} if part.single else {0, 2, 3, 4}))
    for winner in part.winners:
        if winner.response:
            out.append(
                f'<div class="top"><h3>{e(t("export.vote.top", lang))}</h3><ol><li><span class="no">▲</span>'
                f'<span class="txt"><b>{e(winner.text)}</b><div class="note">→ {e(winner.response)}</div>'
                "</span></li></ol></div>"
            )
    if named and part.shown:
        lines = "".join(
            f"<tr><td>{e(o.text)}</td><td>"
            + ", ".join(f"{e(s.label)}&nbsp;{s.value}" for s in o.scores)
            + "</td></tr>"
            for o in part.options
            if o.scores
        )
        if lines:
            out.append(
                f"<h3>{e(t('export.named.title', lang))}</h3>"
                + scroll_box(
                    f"<table><thead><tr><th>{e(t('export.col.option', lang))}</th>"
                    f"<th>{e(t('export.col.dots', lang))}</th></tr></thead><tbody>{lines}</tbody></table>",
                    e(t("export.named.title", lang)),
                )
            )
    return "".join(out)


def kind_chart(part: ScoredPart, lang: str) -> str | None:
    """The chart that replaces the item profile for bipolar, paired and two-axis parts; else None."""
    if part.bipolar:
        return _poles(part, lang)
    if part.pairs is not None:
        return _pairs(part, lang)
    if part.placement is not None:
        return _placement(part.placement, lang)
    return None


def _poles(part: ScoredPart, lang: str) -> str:
    rows = [
        svg_kinds.PoleRow(
            i.left,
            i.right,
            i.stats.mean,
            i.stats.minimum,
            i.stats.maximum,
            number(i.stats.mean, lang) if i.shown else status_text(i, lang),
            i.stats.split,
        )
        for i in part.items
    ]
    chart = svg_kinds.bipolar_chart(
        rows, low=part.scale.min, high=part.scale.max, title=t("export.poles.title", lang)
    )
    return f'<h3>{e(t("export.poles.title", lang))}</h3><div class="figure">{chart}</div>'


def _pairs(part: ScoredPart, lang: str) -> str:
    pairs = part.pairs
    assert pairs is not None
    rows = [
        svg_kinds.MirrorRow(
            r.text, r.left, r.right, number(r.left, lang), number(r.right, lang), signed(r.gap, lang)
        )
        for r in pairs.rows
    ]
    chart = svg_kinds.mirror_chart(
        rows,
        low=part.scale.min,
        high=part.scale.max,
        left_label=pairs.left_label,
        right_label=pairs.right_label,
        divider=pairs.divider,
        title=t("export.pairs.title", lang),
    )
    heads = [t("export.col.dimension", lang), pairs.left_label, pairs.right_label, t("export.col.gap", lang)]
    table_rows = []
    for r in pairs.rows:
        prompts = "".join(
            f'<div class="note">{label}: {e(text)}</div>'
            for label, text in (("◧", r.left_prompt), ("◨", r.right_prompt))
            if text
        )
        table_rows.append(
            [
                f"<b>{e(r.text)}</b>{prompts}",
                e(number(r.left, lang)),
                e(number(r.right, lang)),
                e(signed(r.gap, lang)),
            ]
        )
    explain = t("export.pairs.explain", lang, left=pairs.left_label, right=pairs.right_label)
    return (
        f'<h3>{e(t("export.pairs.title", lang))}</h3><div class="figure">{chart}'
        f'<p class="caption">{e(explain)}</p></div>'
        + html_table([e(h) for h in heads], table_rows, {1, 2, 3})
    )


def _placement(part: PlacementPart, lang: str) -> str:
    title = f"<h3>{e(t('export.place.title', lang))}</h3>"
    if part.status != "shown":
        reason = (
            t("export.status.too_few", lang, n=part.n)
            if part.status == "too_few"
            else t(f"export.status.{part.status}", lang)
        )
        return title + f'<p class="muted">{e(reason)}</p>'
    zones = [svg_kinds.ZoneLabel(z.label, z.x, z.y, z.count) for z in part.zones]
    chart = svg_kinds.placement_chart(
        part.points,
        low=part.low,
        high=part.high,
        x_label=part.x_label,
        y_label=part.y_label,
        zones=zones,
        centroid=part.centroid,
        title=t("export.place.title", lang),
    )
    lines = [t("export.place.n", lang, n=part.n)]
    if part.centroid is not None:
        x, y = part.centroid
        lines.append(f"{t('export.place.centroid', lang)}: {number(x, lang)} · {number(y, lang)} (+)")
    if part.on_line:
        lines.append(t("export.place.on_line", lang, n=part.on_line))
    captions = "".join(f'<p class="caption">{e(line)}</p>' for line in lines)
    return title + f'<div class="figure">{chart}{captions}</div>'


def reverse_html(part: ScoredPart, lang: str) -> str:
    """The index and the reversed items' raw and turned means, with what ↺ means."""
    if part.index is None and not any(i.reverse for i in part.items):
        return ""
    scale = part.scale
    rows = [
        [f"↺ {e(i.text)}", e(number(i.stats.mean, lang)), e(number(i.aligned_mean, lang))]
        for i in part.items
        if i.reverse
    ]
    heads = [e(t("export.col.item", lang)), e(t("export.col.mean", lang)), e(t("export.col.aligned", lang))]
    return (
        f"<h3>{e(t('export.reverse.title', lang))}</h3>"
        f"<p>{e(t('export.reverse.explain', lang, sum=scale.min + scale.max))}</p>"
        f'<div class="stats"><div class="stat"><span>{e(t("export.reverse.index", lang))}</span>'
        f"<b>{e(number(part.index, lang))}</b></div></div>" + html_table(heads, rows, {1, 2})
    )


def table_html(part: TablePart, lang: str) -> str:
    """Each group's rows (with the check count) and its matrix."""
    out = []
    if part.heading:
        out.append(f'<p class="scale">{e(part.heading)}</p>')
    if part.instructions:
        out.append('<p class="prompt">' + "<br>".join(e(line) for line in part.instructions) + "</p>")
    heads = ["#", *(c.label for c in part.columns)] + (
        [t("export.table.checks", lang)] if part.checkable else []
    )
    for group in part.groups:
        out.append(f"<h3>{e(group.group)}</h3>")
        if not group.rows:
            out.append(f'<p class="muted">{e(t("export.table.empty", lang))}</p>')
            continue
        rows = [
            [e(r.number), *(e(c or "–") for c in r.cells)]
            + ([e(f"{r.checks}/{part.checkable}")] if part.checkable else [])
            for r in group.rows
        ]
        out.append(html_table([e(h) for h in heads], rows, {0}))
        matrix = group.matrix
        if matrix is not None:
            title = t("export.table.matrix", lang, rows=matrix.row_label, columns=matrix.column_label)
            grid = [
                [f"<b>{e(label)}</b>", *(e(", ".join(names) or "–") for names in line)]
                for label, line in zip(matrix.row_options, matrix.cells, strict=True)
            ]
            out.append(
                f"<h4>{e(title)}</h4>" + html_table(["", *(e(o) for o in matrix.column_options)], grid, set())
            )
    return "".join(out)


def cards(answers: tuple[GroupText, ...], empty: str = "") -> str:
    """The groups' answers as cards side by side; ``empty`` stands for an empty answer."""
    cards = []
    for answer in answers:
        text = (
            f'<p class="answer">{e(answer.text)}</p>' if answer.text else f'<p class="muted">{e(empty)}</p>'
        )
        cards.append(f'<div class="card"><h4>{e(answer.group)}</h4>{text}</div>')
    return f'<div class="cards">{"".join(cards)}</div>'
