"""A before/after comparison as Markdown and as self-contained HTML.

Both read a :class:`~workshop_tui.export.compare.Comparison`; the HTML uses the
same stylesheet and document shell as the summary export. A change is shown
with its sign and never coloured good or bad: whether a higher score is better
depends on the exercise (more resistance is worse, more commitment better).
"""

from __future__ import annotations

from workshop_tui.export import svg
from workshop_tui.export.compare import (
    Comparison,
    ExerciseChange,
    counts,
    mean_text,
    side_text,
)
from workshop_tui.export.html import css_string, e, page
from workshop_tui.export.markdown_escape import markdown_safe
from workshop_tui.export.markdown_parts import table
from workshop_tui.export.strings import long_date, signed, tr


def _headers(lang: str) -> list[str]:
    before, after = tr("cmp.before", lang), tr("cmp.after", lang)
    return [
        tr("col.item", lang),
        f"n {before.lower()}",
        f"n {after.lower()}",
        f"{tr('col.mean', lang)} {before.lower()}",
        f"{tr('col.mean', lang)} {after.lower()}",
        tr("cmp.change", lang),
        f"{tr('col.distribution', lang)} {before.lower()}",
        f"{tr('col.distribution', lang)} {after.lower()}",
    ]


def render_compare_markdown(comparison: Comparison) -> str:
    """The comparison as one Markdown document."""
    comparison = markdown_safe(comparison)  # every text from the sessions renders as text
    lang = comparison.language
    b, a = comparison.before, comparison.after
    out = [
        f"# {tr('cmp.title', lang)}: {a.title}",
        "",
        f"- **{tr('cmp.before', lang)}:** {b.title} · {long_date(b.date, lang)}",
        f"- **{tr('cmp.after', lang)}:** {a.title} · {long_date(a.date, lang)}",
        "",
        f"## {tr('cmp.moved', lang)}",
        "",
    ]
    if comparison.moved:
        heads = [
            tr("cmp.change", lang),
            tr("col.exercise", lang),
            tr("col.item", lang),
            tr("cmp.before", lang),
            tr("cmp.after", lang),
        ]
        rows = [
            [
                signed(i.mean_change, lang),
                i.exercise,
                i.text,
                side_text(i.before, lang),
                side_text(i.after, lang),
            ]
            for i in comparison.moved
        ]
        out += table(heads, rows, {0}) + [""]
    else:
        out += [tr("cmp.none_moved", lang), ""]
    for exercise in comparison.exercises:
        out += _exercise_md(exercise, lang)
    for key, texts in (
        ("cmp.only_before", comparison.only_before),
        ("cmp.only_after", comparison.only_after),
        ("cmp.not_compared", comparison.text_shared),
    ):
        out += [f"## {tr(key, lang)}", ""]
        out += [f"- {t}" for t in texts] or [tr("cmp.nothing", lang)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _exercise_md(exercise: ExerciseChange, lang: str) -> list[str]:
    out = [f"## {exercise.title}", "", f"{tr('scale', lang)} {exercise.scale}", ""]
    if exercise.scale_changed:
        out += [f"**{exercise.scale_changed}**", ""]
    rows = [
        [
            i.text,
            str(i.before.n),
            str(i.after.n),
            mean_text(i.before, lang),
            mean_text(i.after, lang),
            signed(i.mean_change, lang),
            counts(i.before.distribution),
            counts(i.after.distribution),
        ]
        for i in exercise.items
    ]
    out += table(_headers(lang), rows, {1, 2, 3, 4, 5}) + [""]
    for key, texts in (("cmp.only_before", exercise.only_before), ("cmp.only_after", exercise.only_after)):
        if texts:
            out += [f"**{tr(key, lang)}:** " + "; ".join(texts), ""]
    return out


def render_compare_html(comparison: Comparison) -> str:
    """The comparison as one self-contained HTML document."""
    lang = comparison.language
    b, a = comparison.before, comparison.after
    title = f"{tr('cmp.title', lang)}: {a.title}"
    meta = "".join(
        f"<dt>{e(label)}</dt><dd>{e(s.title)} · {e(long_date(s.date, lang))}</dd>"
        for label, s in ((tr("cmp.before", lang), b), (tr("cmp.after", lang), a))
    )
    parts = [
        '<section class="page cover"><div class="band"></div>'
        f'<p class="kicker">{e(tr("cmp.title", lang))}</p><h1>{e(a.title)}</h1>'
        f'<dl class="meta">{meta}</dl>{_moved_html(comparison)}'
        f"{_only_html(comparison)}</section>\n"
    ]
    parts += [_exercise_html(x, comparison) for x in comparison.exercises]
    footer = f"{title} · {long_date(b.date, lang)} → {long_date(a.date, lang)}"
    page_rule = "@page { @bottom-left { content: " + css_string(footer) + "; } }"
    return page(title, lang, f"{b.session_id} {a.session_id}", parts, page_rule, footer)


def _moved_html(comparison: Comparison) -> str:
    lang = comparison.language
    out = f"<h3>{e(tr('cmp.moved', lang))}</h3>"
    if not comparison.moved:
        return out + f'<p class="muted">{e(tr("cmp.none_moved", lang))}</p>'
    rows = "".join(
        f'<tr><td class="num mean">{e(signed(i.mean_change, lang))}</td>'
        f'<td>{e(i.text)}<br><span class="muted">{e(i.exercise)}</span></td>'
        f'<td class="num">{e(side_text(i.before, lang))}</td>'
        f'<td class="num">{e(side_text(i.after, lang))}</td></tr>'
        for i in comparison.moved
    )
    return (
        f'{out}<table><thead><tr><th class="num">{e(tr("cmp.change", lang))}</th>'
        f'<th>{e(tr("col.item", lang))}</th><th class="num">{e(tr("cmp.before", lang))}</th>'
        f'<th class="num">{e(tr("cmp.after", lang))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _only_html(comparison: Comparison) -> str:
    lang = comparison.language
    out = []
    for key, texts in (
        ("cmp.only_before", comparison.only_before),
        ("cmp.only_after", comparison.only_after),
        ("cmp.not_compared", comparison.text_shared),
    ):
        items = "".join(f"<li>{e(t)}</li>" for t in texts)
        body = f"<ul>{items}</ul>" if items else f'<p class="muted">{e(tr("cmp.nothing", lang))}</p>'
        out.append(f"<h3>{e(tr(key, lang))}</h3>{body}")
    return "".join(out)


def _exercise_html(exercise: ExerciseChange, comparison: Comparison) -> str:
    lang = comparison.language
    out = [
        f'<section class="page exercise"><h2>{e(exercise.title)}</h2>',
        f'<p class="scale">{e(tr("scale", lang))} {e(exercise.scale)}</p>',
    ]
    if exercise.scale_changed:
        out.append(f'<p><span class="badge">{e(exercise.scale_changed)}</span></p>')
    pairs = [
        (i.text, i.before.mean, i.after.mean, signed(i.mean_change, lang))
        for i in exercise.items
        if i.mean_change is not None and i.before.mean is not None and i.after.mean is not None
    ]
    if pairs:
        chart = svg.dumbbell_chart(
            pairs,
            low=exercise.low,
            high=exercise.high,
            title=exercise.title,
            before_label=tr("cmp.before", lang),
            after_label=tr("cmp.after", lang),
        )
        out.append(f'<div class="figure">{chart}</div>')
    heads = _headers(lang)
    head = f"<th>{e(heads[0])}</th>" + "".join(f'<th class="num">{e(h)}</th>' for h in heads[1:6])
    head += f"<th>{e(tr('col.distribution', lang))}</th>"
    rows = []
    for i in exercise.items:
        dist = ""
        if i.comparable and i.before.distribution and i.after.distribution:
            dist = svg.paired_distribution(
                i.before.distribution, i.after.distribution, title=f"{tr('col.distribution', lang)}: {i.text}"
            )
        rows.append(
            f'<tr><td>{e(i.text)}</td><td class="num">{i.before.n}</td>'
            f'<td class="num">{i.after.n}</td>'
            f'<td class="num">{e(mean_text(i.before, lang))}</td>'
            f'<td class="num">{e(mean_text(i.after, lang))}</td>'
            f'<td class="num mean">{e(signed(i.mean_change, lang))}</td>'
            f'<td class="dist">{dist}</td></tr>'
        )
    out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    for key, texts in (("cmp.only_before", exercise.only_before), ("cmp.only_after", exercise.only_after)):
        if texts:
            out.append(f"<p><b>{e(tr(key, lang))}:</b> {e('; '.join(texts))}</p>")
    out.append("</section>\n")
    return "".join(out)
