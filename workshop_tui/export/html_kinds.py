"""The HTML of the older kinds: scored parts (with their charts), reflection sheets, action lists.

Reached only through the renderer table (``part_table``), which wraps these in a
``Drawn`` block; a new kind draws itself from the generic blocks instead. All text is escaped.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import action_text
from workshop_tui.core.results.summary_model import ActionPart, ItemSummary, ReflectionPart, ScoredPart
from workshop_tui.export import svg, svg_mini
from workshop_tui.export.common import (
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
from workshop_tui.export.html_parts import cards, kind_chart, reverse_html
from workshop_tui.export.html_text import e, scroll_box
from workshop_tui.export.strings import number


def scored_html(part: ScoredPart, lang: str, *, named: bool) -> str:
    """A scored part: scale, the kind's chart or the profile, the items, highlights, notes, closing."""
    scale = scale_line(part, lang)
    out = [f'<p class="scale">{e(scale)}<br>{e(" ".join(mode_lines(part, lang)))}</p>']
    special = kind_chart(part, lang)
    if special is not None:
        out.append(special)
    if len(part.items) == 1:
        out.append(_single(part, lang))
    else:
        out.append(_charts(part, lang) if special is None else "")
        out.append(_table(part, lang))
    out.append(reverse_html(part, lang))
    out.append(_highlights(part, lang))
    noted = [i for i in part.items if i.note and i.id not in part.top + part.bottom]
    if noted:
        out.append(f"<h3>{e(t('export.notes.title', lang))}</h3>")
        if part.note_prompt:
            out.append(f'<p class="prompt">{e(part.note_prompt)}</p>')
        out.append("<ul>" + "".join(f"<li><b>{e(i.text)}:</b> {e(i.note)}</li>" for i in noted) + "</ul>")
    if part.closing:
        heading = part.closing_question or t("export.closing.title", lang)
        out.append(f"<h3>{e(heading)}</h3>" + cards(part.closing))
    if named:
        out.append(_named(part, lang))
    return "".join(out)


def _charts(part: ScoredPart, lang: str) -> str:
    """The K/K/C profile, the dimension means, or the item profile, as fits the exercise."""
    if not any(i.shown for i in part.items):
        return ""  # nothing to draw; the table says why for each item
    low, high = part.scale.min, part.scale.max
    polar = any(d.produced is not None or d.not_produced is not None for d in part.dimensions)
    missing = t("export.status.empty", lang)
    if polar:
        groups = [
            svg.BarGroup(
                d.label,
                (
                    (d.produced, number(d.produced, lang) if d.produced is not None else missing),
                    (d.not_produced, number(d.not_produced, lang) if d.not_produced is not None else missing),
                ),
            )
            for d in part.dimensions
        ]
        series = [t("export.col.produced", lang), t("export.col.not_produced", lang)]
        chart = svg.bar_chart(groups, low=low, high=high, series=series, title=t("export.kkc.title", lang))
        return (
            f'<h3>{e(t("export.kkc.title", lang))}</h3><div class="figure">{chart}'
            f'<p class="caption">{e(t("export.kkc.explain", lang))}</p></div>'
        )
    if part.dimensions:
        groups = [svg.BarGroup(d.label, ((d.mean, number(d.mean, lang)),)) for d in part.dimensions]
        chart = svg.bar_chart(
            groups,
            low=low,
            high=high,
            series=[t("export.col.mean", lang)],
            title=t("export.dims.title", lang),
        )
        return f'<h3>{e(t("export.dims.title", lang))}</h3><div class="figure">{chart}</div>'
    order = [part.item(i) for i in part.ranking]
    turn = low + high  # a reverse-scored item is drawn turned round, as it counts in the ranking
    rows = [
        svg.ProfileRow(
            label=f"↺ {i.text}" if i.reverse else i.text,
            mean=i.aligned_mean,
            low=turn - i.stats.maximum if i.reverse and i.stats.maximum is not None else i.stats.minimum,
            high=turn - i.stats.minimum if i.reverse and i.stats.minimum is not None else i.stats.maximum,
            value_text=number(i.aligned_mean, lang),
            split=i.stats.split,
            missing_text=status_text(i, lang),
        )
        for i in order
    ]
    caption = t("export.profile.explain", lang)
    if any(i.reverse for i in order):
        caption += " " + t("export.reverse.caption", lang, sum=turn)
    chart = svg.profile_chart(
        rows,
        low=low,
        high=high,
        title=t("export.profile.title", lang),
        low_label=part.scale.min_label,
        high_label=part.scale.max_label,
        split_text=t("export.split", lang),
    )
    return (
        f'<h3>{e(t("export.profile.title", lang))}</h3><div class="figure">{chart}'
        f'<p class="caption">{e(caption)}</p></div>'
    )


def _flag(item: ItemSummary, lang: str) -> str:
    if item.stats.split:
        return f'<span class="badge">⚡ {e(t("export.split", lang))}</span>'
    text = status_text(item, lang)
    return f'<span class="muted">{e(text)}</span>' if text else ""


def _table(part: ScoredPart, lang: str) -> str:
    """Every item's figures; the distribution cell also carries the ⚡ flag or why there are no figures."""
    h = figure_headers(lang)
    heads = (
        f'<th class="num">{e(h[0])}</th><th>{e(t("export.col.item", lang))}</th>'
        + "".join(f'<th class="num">{e(x)}</th>' for x in h[1:6])
        + f"<th>{e(t('export.col.distribution', lang))}</th>"
    )
    body = []
    for group in item_groups(part):
        if group.heading:
            body.append(f'<tr class="group"><th colspan="8">{e(group.heading)}</th></tr>')
        for item in group.items:
            rank, n, mean, median, span, sd, _ = figures(item, lang)
            dist = ""
            if item.shown:
                dist = svg_mini.mini_distribution(
                    item.stats.distribution,
                    split=item.stats.split,
                    title=f"{t('export.col.distribution', lang)}: {item.text}",
                )
            text = f"↺ {item.text}" if item.reverse else item.text
            body.append(
                f'<tr><td class="num">{e(rank)}</td><td class="item">{e(text)}</td>'
                f'<td class="num">{e(n)}</td><td class="num mean">{e(mean)}</td>'
                f'<td class="num">{e(median)}</td><td class="num">{e(span)}</td>'
                f'<td class="num">{e(sd)}</td><td class="dist">{dist}{_flag(item, lang)}</td></tr>'
            )
    # On a phone the eight columns are wider than the screen: the table scrolls in its own box.
    title = e(t("export.items.title", lang))
    table = f'<table class="items"><thead><tr>{heads}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    return f"<h3>{title}</h3>" + scroll_box(table, title)


def _single(part: ScoredPart, lang: str) -> str:
    item = part.items[0]
    if not item.shown:
        return f'<p class="muted">{e(status_text(item, lang))}</p>'
    heads = figure_headers(lang)[1:6]
    values = figures(item, lang)[1:6]
    stats = "".join(
        f'<div class="stat"><span>{e(h)}</span><b>{e(v)}</b></div>'
        for h, v in zip(heads, values, strict=True)
    )
    mean = f"{t('export.col.mean', lang).lower()} {number(item.stats.mean, lang)}"
    axis = f"{part.scale.min} = {part.scale.min_label} · {part.scale.max} = {part.scale.max_label}"
    if part.bipolar:
        axis = ""  # the poles stand beside the chart above; the scale's end labels are in the heading
    chart = svg.distribution_chart(
        item.stats.distribution,
        mean=item.stats.mean,
        mean_text=mean,
        title=f"{t('export.col.distribution', lang)}: {item.text}",
        axis_label=axis,
    )
    flag = f"<p>{_flag(item, lang)}</p>" if item.stats.split else ""
    return f'<div class="stats">{stats}</div>{flag}<div class="figure">{chart}</div>'


def _highlights(part: ScoredPart, lang: str) -> str:
    """The best and the weakest items, side by side when the page is wide enough."""
    lists = []
    for found in highlight_lists(part, lang):
        items = []
        for item in found.items:
            note = f'<div class="note">{e(item.note)}</div>' if item.note else ""
            text = list_text(item, part, lang)
            items.append(
                f'<li><span class="no">{e(item.rank)}</span>'
                f'<span class="txt"><b>{e(text)}</b>{note}</span>'
                f'<span class="val">{e(mean_text(item, lang))}</span></li>'
            )
        tied = f'<p class="caption">{e(found.note)}</p>' if found.note else ""
        lists.append(f'<div class="top"><h3>{e(found.title)}</h3>{tied}<ol>{"".join(items)}</ol></div>')
    return f'<div class="tops">{"".join(lists)}</div>' if lists else ""


def _named(part: ScoredPart, lang: str) -> str:
    rows = "".join(
        f"<tr><td>{e(i.text)}</td><td>"
        + ", ".join(f"{e(s.label)}&nbsp;{s.value}" for s in i.scores)
        + "</td></tr>"
        for i in part.items
        if i.scores
    )
    if not rows:
        return ""
    title = e(t("export.named.title", lang))
    return f"<h3>{title}</h3>" + scroll_box(
        f"<table><thead><tr><th>{e(t('export.col.item', lang))}</th><th>{e(t('export.col.score', lang))}</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>",
        title,
    )


def reflection_html(part: ReflectionPart, lang: str) -> str:
    """Each box's question with the groups' answers as cards."""
    out = []
    for box in part.boxes:
        subs = "".join(f"<li>{e(q)}</li>" for q in box.subquestions)
        out.append(
            f'<div class="box"><div class="keep"><h3>{e(box.number)}. {e(box.title)}</h3>'
            + (f'<p class="q">{e(box.question)}</p>' if box.question else "")
            + (f"<ul>{subs}</ul>" if subs else "")
            + "</div>"
            + cards(box.answers, t("export.no_answer", lang))
            + "</div>"
        )
    return "".join(out)


def actions_html(part: ActionPart, lang: str) -> str:
    """Each group's challenge and its actions as a table; due dates that are no date listed below."""
    label = part.action_label or t("export.action", lang)
    out = []
    if part.challenge_prompt:
        out.append(f'<p class="scale">{e(part.challenge_prompt)}</p>')
    for group in part.groups:
        out.append(f"<h3>{e(group.group)}</h3>")
        if group.challenge:
            out.append(
                f'<p class="challenge"><b>{e(t("export.challenge", lang))}:</b> {e(group.challenge)}</p>'
            )
        if not group.actions:
            out.append(f'<p class="muted">{e(t("export.no_actions", lang))}</p>')
            continue
        # An edition without owners (``results.edition``) has no owner column at all.
        owners = part.owners_shown
        rows = "".join(
            f'<tr><td class="num">{i}</td><td>{e(action_text(a.text, lang))}</td>'
            + (f"<td>{e(a.owner or '–')}</td>" if owners else "")
            + f'<td class="num">{e(due_text(a, lang))}</td></tr>'
            for i, a in enumerate(group.actions, start=1)
        )
        owner_head = f"<th>{e(t('export.owner', lang))}</th>" if owners else ""
        table = (
            f'<table><thead><tr><th class="num">#</th><th>{e(label)}</th>'
            f'{owner_head}<th class="num">{e(t("export.due", lang))}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        out.append(scroll_box(table, e(group.group)))
        loose = undated(group.actions)
        if loose:
            lines = "".join(f"<li>{e(label)} {n}: {e(text)}</li>" for n, text in loose)
            out.append(
                f'<p class="caption">{e(t("export.due.not_date", lang))}</p><ul class="loose">{lines}</ul>'
            )
    return "".join(out)
