"""The trend report as one self-contained, print-ready HTML file (the export's page and stylesheet).

Per exercise: small multiples per dimension (per item when the exercise has no dimensions),
the table of changes, and, when several leader groups of the organisation ran it, the
heatmap group × dimension. "Om tallene" says how to read it and which figures each session
holds back for too few answers. Every text is escaped; nothing is fetched.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.core.results.trends import ExerciseTrend, HeatRow, Line, Trend
from workshop_tui.core.results.trends_unanswered import answered
from workshop_tui.export.html import page
from workshop_tui.export.html_text import css_string, e, said, scroll_box
from workshop_tui.export.strings import long_date, number
from workshop_tui.export.trend import (
    about_lines,
    again_sections,
    headers,
    once_line,
    point_text,
    row,
    session_heading,
    unanswered_lines,
)
from workshop_tui.export.trend_svg import heat_cell, small_multiple

NUM = ' class="num"'
TREND_CSS = """
.multiples { display: flex; flex-wrap: wrap; gap: 2mm 4mm; margin: 2mm 0 3mm; }
.multiples svg { width: 50mm; height: auto; break-inside: avoid; }
.notes { margin: 0 0 3mm; padding-left: 5mm; font-size: 9pt; color: #333c48; }
td.heat { text-align: center; font-weight: 700; }
table.heat { table-layout: fixed; }
table.heat thead th:first-child { width: 38mm; }
table.heat th.num { text-align: center; text-transform: none; letter-spacing: 0; font-size: 7pt;
  white-space: normal; vertical-align: bottom; hyphens: auto; overflow-wrap: break-word; }
table.heat tbody th { text-transform: none; letter-spacing: 0; font-size: 9pt; color: var(--ink);
  border-bottom: 1px solid var(--rule); font-weight: 600; }
td.verdict-better { color: #0072B2; font-weight: 700; }
td.verdict-worse { color: #B34A00; font-weight: 700; }
@media print { .multiples svg { width: 46mm; } .trend-exercise { break-before: auto; } }
"""


def render_trend_html(trend: Trend) -> str:
    """The whole trend report as an HTML document in the trend's language."""
    lang = trend.language
    title = t("trend.title", lang)
    first, last = (trend.sessions[0], trend.sessions[-1]) if trend.sessions else (None, None)
    span = f"{long_date(first.date, lang)} → {long_date(last.date, lang)}" if first and last else ""
    footer = f"{title} · {last.title if last else ''} · {span}"
    parts = [_cover(trend, title)]
    trend = answered(trend)  # the cover names the rest (``unanswered_lines``)
    parts += [_exercise(index, x, trend) for index, x in enumerate(trend.exercises, start=1)]
    for heading, listed in again_sections(trend):
        items = "".join(f"<li>{e(line)}{_under(under)}</li>" for line, under in listed)
        parts.append(f'<section class="page"><h2>{e(heading)}</h2><ul>{items}</ul></section>\n')
    if trend.once:
        items = "".join(f"<li>{e(once_line(x, lang))}</li>" for x in trend.once)
        parts.append(f'<section class="page"><h2>{e(t("trend.once", lang))}</h2><ul>{items}</ul></section>\n')
    extra = TREND_CSS + "@page { @bottom-left { content: " + css_string(footer) + "; } }"
    ids = " ".join(s.id for s in trend.sessions)
    return page(f"{title}: {last.title if last else ''}", lang, ids, parts, extra, footer)


def _under(lines: tuple[str, ...]) -> str:
    """The lines listed under a line (a vote's sessions), as a nested list."""
    return "<ul>" + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>" if lines else ""


def _cover(trend: Trend, title: str) -> str:
    lang = trend.language
    meta = "".join(f"<dt>{e(s.date)}</dt><dd>{e(session_heading(s, lang))}</dd>" for s in trend.sessions)
    toc = "".join(f'<li><a href="#trend-{e(x.id)}">{e(x.title)}</a></li>' for x in answered(trend).exercises)
    about = "".join(f"<p>{said(line)}</p>" for line in about_lines(trend))
    organisation = next((s.organisation for s in reversed(trend.sessions) if s.organisation), "")
    heading = f"<h1>{e(organisation or (trend.sessions[-1].title if trend.sessions else title))}</h1>"
    none = "" if trend.exercises else f'<p class="muted">{e(t("trend.none", lang))}</p>'
    none += "".join(f'<p class="muted">{e(line)}</p>' for line in unanswered_lines(trend))
    return (
        '<section class="page cover"><div class="band"></div>'
        f'<p class="kicker">{e(title)}</p>{heading}<dl class="meta">{meta}</dl>{none}'
        f'<nav class="toc"><h2>{e(t("export.contents", lang))}</h2><ol>{toc}</ol></nav>'
        f'<aside class="about"><h2>{e(t("export.about", lang))}</h2>{about}</aside></section>\n'
    )


def _exercise(index: int, exercise: ExerciseTrend, trend: Trend) -> str:
    lang = trend.language
    out = [
        f'<section class="page exercise trend-exercise" id="trend-{e(exercise.id)}">',
        f'<p class="kicker">{index} · {e(t("trend.title", lang))}</p><h2>{e(exercise.title)}</h2>',
        f'<p class="scale">{e(t("trend.scale", lang, low=exercise.low, high=exercise.high))}</p>',
    ]
    if exercise.notes:
        out.append('<ul class="notes">' + "".join(f"<li>{e(n)}</li>" for n in exercise.notes) + "</ul>")
    drawn = exercise.dimensions or exercise.items
    dates = [s.date for s in exercise.sessions]
    out.append(f'<h3>{e(t("trend.multiples", lang))}</h3><div class="multiples">')
    for line in drawn:
        texts = [point_text(p, lang) for p in line.points]
        out.append(small_multiple(line, dates, exercise.low, exercise.high, texts))
    out.append(f'</div><p class="caption">{e(t("trend.multiples.how", lang))}</p>')
    for key, lines in (("trend.dimensions", exercise.dimensions), ("trend.items", exercise.items)):
        if lines:
            out.append(f"<h3>{e(t(key, lang))}</h3>{_table(exercise, lines, t(key, lang), lang)}")
    if exercise.heat:
        out.append(_heatmap(exercise, lang))
    out.append("</section>\n")
    return "".join(out)


def _table(exercise: ExerciseTrend, lines: tuple[Line, ...], first: str, lang: str) -> str:
    head = headers(exercise, lang, first)
    ths = "".join(f'<th{NUM if k else ""} scope="col">{e(h)}</th>' for k, h in enumerate(head))
    body = []
    for line in lines:
        cells = row(line, exercise, lang)
        change_at = 1 + len(exercise.sessions)
        tds = [f"<td>{e(cells[0])}</td>"]
        for k, text in enumerate(cells[1:], start=1):
            verdict = None
            if k == change_at:
                verdict = line.verdict
            elif k == change_at + 1 and len(exercise.sessions) > 2:
                verdict = line.verdict_since_first
            css = f" verdict-{verdict}" if verdict in ("better", "worse") else ""
            tds.append(f'<td class="num{css}">{e(text)}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    # On a phone each table scrolls in its own box (``scroll_box``), as the summary's do.
    table = f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return scroll_box(table, e(f"{exercise.title}: {first}"))


def _date_under(row: HeatRow, lang: str) -> str:
    """The row's session date under its name, unless the name already gives it (two rows alike)."""
    day = long_date(row.session.date, lang)
    return "" if day in row.label else f'<br><span class="muted">{e(day)}</span>'


def _heatmap(exercise: ExerciseTrend, lang: str) -> str:
    head = "".join(f'<th class="num" scope="col">{e(c)}</th>' for c in exercise.columns)
    rows = "".join(
        f'<tr><th scope="row">{e(r.label)}{_date_under(r, lang)}</th>'
        + "".join(heat_cell(v, exercise.low, exercise.high, number(v, lang)) for v in r.values)
        + "</tr>"
        for r in exercise.heat
    )
    key = "trend.heat.oriented" if exercise.oriented else "trend.heat.plain"
    table = (
        f'<table class="heat"><thead><tr><th scope="col">{e(t("trend.group", lang))}</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    box = scroll_box(table, e(f"{exercise.title}: {t('trend.heatmap', lang)}"))
    return f"<h3>{e(t('trend.heatmap', lang))}</h3>{box}" + f'<p class="caption">{e(t(key, lang))}</p>'
