"""A before/after comparison as Markdown and as self-contained HTML.

Both read a :class:`~workshop_tui.export.compare.Comparison`; the HTML uses the
same stylesheet and document shell as the summary export. A change is shown
with its sign, an arrow for the way it moved and a word for what it means by the
item's polarity (better/worse, or higher/lower when neutral). The HTML also
colours the word and the line between before and after, colour-blind-safe
(Okabe–Ito blue = better, orange = worse, grey = neither); before and after are
a hollow grey ring and a filled dark dot, told apart by shape and lightness.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.export import svg
from workshop_tui.export.compare import Comparison, ExerciseChange
from workshop_tui.export.compare_text import counts, mean_text, side_text
from workshop_tui.export.html import page
from workshop_tui.export.html_text import css_string, e, said, scroll_box
from workshop_tui.export.markdown_escape import markdown_safe
from workshop_tui.export.markdown_parts import table
from workshop_tui.export.strings import long_date


def _headers(lang: str) -> list[str]:
    before, after = t("export.cmp.before", lang), t("export.cmp.after", lang)
    return [
        t("export.col.item", lang),
        f"n {before.lower()}",
        f"n {after.lower()}",
        f"{t('export.col.mean', lang)} {before.lower()}",
        f"{t('export.col.mean', lang)} {after.lower()}",
        t("export.cmp.change", lang),
        f"{t('export.col.distribution', lang)} {before.lower()}",
        f"{t('export.col.distribution', lang)} {after.lower()}",
    ]


def render_compare_markdown(comparison: Comparison) -> str:
    """The comparison as one Markdown document."""
    comparison = markdown_safe(comparison)  # every text from the sessions renders as text
    lang = comparison.language
    b, a = comparison.before, comparison.after
    out = [
        f"# {t('export.cmp.title', lang)}: {a.title}",
        "",
        f"- **{t('export.cmp.before', lang)}:** {b.title} · {long_date(b.date, lang)}",
        f"- **{t('export.cmp.after', lang)}:** {a.title} · {long_date(a.date, lang)}",
        "",
        t("export.cmp.explain", lang),
        "",
        f"## {t('export.cmp.moved', lang)}",
        "",
    ]
    if comparison.moved:
        heads = [
            t("export.cmp.change", lang),
            t("export.col.exercise", lang),
            t("export.col.item", lang),
            t("export.cmp.before", lang),
            t("export.cmp.after", lang),
        ]
        rows = [
            [
                i.change_text(lang),
                i.exercise,
                i.text,
                side_text(i.before, lang),
                side_text(i.after, lang),
            ]
            for i in comparison.moved
        ]
        out += table(heads, rows, {0}) + [""]
    else:
        out += [comparison.none_moved_text(), ""]
    for exercise in comparison.exercises:
        out += _exercise_md(exercise, lang)
    for key, texts in (
        ("export.cmp.only_before", comparison.only_before),
        ("export.cmp.only_after", comparison.only_after),
        ("export.cmp.not_compared", comparison.text_shared),
    ):
        out += [f"## {t(key, lang)}", ""]
        out += [f"- {text}" for text in texts] or [t("export.cmp.nothing", lang)]
        out.append("")
    if comparison.unanswered:  # only with something left out: ``--all`` shows them in full
        out += [f"## {t('export.cmp.unanswered_list', lang)}", ""]
        out += [f"- {text}" for text in comparison.unanswered] + [""]
    return "\n".join(out).rstrip() + "\n"


def _exercise_md(exercise: ExerciseChange, lang: str) -> list[str]:
    if exercise.is_vote:
        return _vote_md(exercise, lang)
    out = [f"## {exercise.title}", "", f"{t('export.scale', lang)} {exercise.scale}", ""]
    if exercise.scale_changed:
        out += [f"**{exercise.scale_changed}**", ""]
    out += _renamed_md(exercise)
    rows = [
        [
            i.text,
            str(i.before.n),
            str(i.after.n),
            mean_text(i.before, lang),
            mean_text(i.after, lang),
            i.change_text(lang),
            counts(i.before.distribution),
            counts(i.after.distribution),
        ]
        for i in exercise.items
    ]
    if rows:
        out += table(_headers(lang), rows, {1, 2, 3, 4}) + [""]
    return out + _tail_md(exercise, lang)


def _vote_md(exercise: ExerciseChange, lang: str) -> list[str]:
    """A vote's options: share (single choice) or dots before and after."""
    out = [f"## {exercise.title}", ""]
    if exercise.options:  # all hidden as unchanged: no figures to introduce (``hidden_text`` says so)
        out += [t("export.cmp.by_share" if exercise.single else "export.cmp.by_dots", lang), ""]
    out += _renamed_md(exercise)
    heads = [
        t("export.col.option", lang),
        t("export.cmp.before", lang),
        t("export.cmp.after", lang),
        t("export.cmp.change", lang),
    ]
    rows = [
        [
            o.text,
            o.value_text(o.before, lang),
            o.value_text(o.after, lang),
            o.change_text(lang),
        ]
        for o in exercise.options
    ]
    if rows:
        out += table(heads, rows, {1, 2, 3}) + [""]
    return out + _tail_md(exercise, lang)


def _renamed_md(exercise: ExerciseChange) -> list[str]:
    """Each reworded item's or option's note (escaped with every text by ``markdown_safe``)."""
    return [line for note in exercise.renamed for line in (f"*{note}*", "")]


def _tail_md(exercise: ExerciseChange, lang: str) -> list[str]:
    out = []
    if exercise.hidden or exercise.unanswered:
        out += [f"*{exercise.hidden_text(lang)}*", ""]
    for key, texts in (
        ("export.cmp.only_before", exercise.only_before),
        ("export.cmp.only_after", exercise.only_after),
    ):
        if texts:
            out += [f"**{t(key, lang)}:** " + "; ".join(texts), ""]
    return out


def render_compare_html(comparison: Comparison) -> str:
    """The comparison as one self-contained HTML document."""
    lang = comparison.language
    b, a = comparison.before, comparison.after
    title = f"{t('export.cmp.title', lang)}: {a.title}"
    meta = "".join(
        f"<dt>{e(label)}</dt><dd>{e(s.title)} · {e(long_date(s.date, lang))}</dd>"
        for label, s in ((t("export.cmp.before", lang), b), (t("export.cmp.after", lang), a))
    )
    parts = [
        '<section class="page cover"><div class="band"></div>'
        f'<p class="kicker">{e(t("export.cmp.title", lang))}</p><h1>{e(a.title)}</h1>'
        f'<dl class="meta">{meta}</dl><p class="caption">{e(t("export.cmp.explain", lang))}</p>'
        f"{_moved_html(comparison)}"
        f"{_only_html(comparison)}</section>\n"
    ]
    parts += [_exercise_html(x, comparison) for x in comparison.exercises]
    footer = f"{title} · {long_date(b.date, lang)} → {long_date(a.date, lang)}"
    page_rule = "@page { @bottom-left { content: " + css_string(footer) + "; } }"
    return page(title, lang, f"{b.session_id} {a.session_id}", parts, page_rule, footer)


def _moved_html(comparison: Comparison) -> str:
    lang = comparison.language
    out = f"<h3>{e(t('export.cmp.moved', lang))}</h3>"
    if not comparison.moved:
        return out + f'<p class="muted">{e(comparison.none_moved_text())}</p>'
    rows = "".join(
        f'<tr><td class="num mean">{_verdict_html(i.verdict, i.change_text(lang))}</td>'
        f'<td>{e(i.text)}<br><span class="muted">{e(i.exercise)}</span></td>'
        f'<td class="num">{e(side_text(i.before, lang))}</td>'
        f'<td class="num">{e(side_text(i.after, lang))}</td></tr>'
        for i in comparison.moved
    )
    # On a phone each table scrolls in its own box (``scroll_box``), as the summary's do.
    table = (
        f'<table><thead><tr><th class="num">{e(t("export.cmp.change", lang))}</th>'
        f'<th>{e(t("export.col.item", lang))}</th><th class="num">{e(t("export.cmp.before", lang))}</th>'
        f'<th class="num">{e(t("export.cmp.after", lang))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    return out + scroll_box(table, e(t("export.cmp.moved", lang)))


def _verdict_html(verdict: str | None, words: str) -> str:
    """The change in the core's words, coloured by its meaning (better / worse / neutral).

    Never by colour alone: the words say it (``−1,75 ↓ bedre``); a change not made (``–``)
    is plain.
    """
    if verdict is None:
        return e(words)
    return f'<span class="verdict {e(verdict)}">{e(words)}</span>'


def _only_html(comparison: Comparison) -> str:
    lang = comparison.language
    out = []
    for key, texts in (
        ("export.cmp.only_before", comparison.only_before),
        ("export.cmp.only_after", comparison.only_after),
        ("export.cmp.not_compared", comparison.text_shared),
    ):
        items = "".join(f"<li>{e(text)}</li>" for text in texts)
        body = f"<ul>{items}</ul>" if items else f'<p class="muted">{e(t("export.cmp.nothing", lang))}</p>'
        out.append(f"<h3>{e(t(key, lang))}</h3>{body}")
    if comparison.unanswered:  # only with something left out: ``--all`` shows them in full
        items = "".join(f"<li>{e(text)}</li>" for text in comparison.unanswered)
        out.append(f"<h3>{said(t('export.cmp.unanswered_list', lang))}</h3><ul>{items}</ul>")
    return "".join(out)


def _exercise_html(exercise: ExerciseChange, comparison: Comparison) -> str:
    lang = comparison.language
    out = [f'<section class="page exercise"><h2>{e(exercise.title)}</h2>']
    if exercise.is_vote:
        out.append(_vote_html(exercise, lang))
    else:
        out.append(_items_html(exercise, lang))
    if exercise.hidden or exercise.unanswered:
        out.append(f'<p class="muted">{said(exercise.hidden_text(lang))}</p>')
    for key, texts in (
        ("export.cmp.only_before", exercise.only_before),
        ("export.cmp.only_after", exercise.only_after),
    ):
        if texts:
            out.append(f"<p><b>{e(t(key, lang))}:</b> {e('; '.join(texts))}</p>")
    out.append("</section>\n")
    return "".join(out)


def _items_html(exercise: ExerciseChange, lang: str) -> str:
    out = [f'<p class="scale">{e(t("export.scale", lang))} {e(exercise.scale)}</p>']
    if exercise.scale_changed:
        out.append(f'<p><span class="badge">{e(exercise.scale_changed)}</span></p>')
    out.append(_renamed_html(exercise))
    pairs = [
        svg.Move(
            i.text,
            i.before.mean,
            i.after.mean,
            i.change_text(lang),
            i.verdict or "same",
        )
        for i in exercise.items
        if i.mean_change is not None and i.before.mean is not None and i.after.mean is not None
    ]
    if pairs:
        chart = svg.dumbbell_chart(
            pairs,
            low=exercise.low,
            high=exercise.high,
            title=exercise.title,
            before_label=t("export.cmp.before", lang),
            after_label=t("export.cmp.after", lang),
        )
        out.append(f'<div class="figure">{chart}</div>')
    if not exercise.items:
        return "".join(out)
    heads = _headers(lang)
    head = f"<th>{e(heads[0])}</th>" + "".join(f'<th class="num">{e(h)}</th>' for h in heads[1:6])
    head += f"<th>{e(t('export.col.distribution', lang))}</th>"
    rows = []
    for i in exercise.items:
        dist = ""
        if i.comparable and i.before.distribution and i.after.distribution:
            dist = svg.paired_distribution(
                i.before.distribution,
                i.after.distribution,
                title=f"{t('export.col.distribution', lang)}: {i.text}",
            )
        rows.append(
            f'<tr><td>{e(i.text)}</td><td class="num">{i.before.n}</td>'
            f'<td class="num">{i.after.n}</td>'
            f'<td class="num">{e(mean_text(i.before, lang))}</td>'
            f'<td class="num">{e(mean_text(i.after, lang))}</td>'
            f'<td class="num mean">{_verdict_html(i.verdict, i.change_text(lang))}</td>'
            f'<td class="dist">{dist}</td></tr>'
        )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    out.append(scroll_box(table, e(exercise.title)))
    return "".join(out)


def _vote_html(exercise: ExerciseChange, lang: str) -> str:
    """A vote's options, before and after, by share (single choice) or dots."""
    heads = [t("export.cmp.before", lang), t("export.cmp.after", lang), t("export.cmp.change", lang)]
    head = f"<th>{e(t('export.col.option', lang))}</th>" + "".join(
        f'<th class="num">{e(h)}</th>' for h in heads
    )
    rows = "".join(
        f'<tr><td>{e(o.text)}</td><td class="num">{e(o.value_text(o.before, lang))}</td>'
        f'<td class="num">{e(o.value_text(o.after, lang))}</td>'
        f'<td class="num mean">{_verdict_html(o.verdict, o.change_text(lang))}</td></tr>'
        for o in exercise.options
    )
    rule = t("export.cmp.by_share" if exercise.single else "export.cmp.by_dots", lang)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if not rows:  # all hidden as unchanged: no figures to introduce (``hidden_text`` says so)
        return _renamed_html(exercise)
    return f'<p class="scale">{e(rule)}</p>{_renamed_html(exercise)}{scroll_box(table, e(exercise.title))}'


def _renamed_html(exercise: ExerciseChange) -> str:
    """Each reworded item's or option's note, escaped."""
    return "".join(f'<p class="muted">{e(note)}</p>' for note in exercise.renamed)
