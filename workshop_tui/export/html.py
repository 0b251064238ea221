"""A session summary as one self-contained, print-ready HTML file.

Everything the page needs is inside the file: the stylesheet (``html_style``)
and the charts (``svg``) are inlined, fonts are the reader's own, and there are
no scripts, images or links to anywhere but the page itself, so the summary can
be mailed, opened offline and printed to PDF on A4 (in as few pages as the
content needs: no forced page breaks, nothing split that belongs together).
All text is escaped; a session's texts are never trusted as markup.
"""

from __future__ import annotations

from typing import assert_never

from workshop_tui.core.i18n import t
from workshop_tui.core.results.summary_model import ExerciseSummary, Summary
from workshop_tui.export import svg_kinds
from workshop_tui.export.blocks import Answers, Bars, Block, Bullets, Drawn, Heading, Paragraph, Reader, Table
from workshop_tui.export.common import about_lines, meta_lines
from workshop_tui.export.html_parts import cards, html_table
from workshop_tui.export.html_style import CSS
from workshop_tui.export.html_text import css_string, e, said
from workshop_tui.export.part_table import part_document
from workshop_tui.export.strings import long_date


def render_html(summary: Summary, *, title: str = "") -> str:
    """The whole summary as an HTML document in the session's language."""
    return "".join(_document(summary, title))


def encode_html(summary: Summary) -> bytes:
    """``render_html(summary)`` as UTF-8, each section encoded by itself (what a file gets).

    A sign such as ⚡ anywhere made the joined page two bytes a character, which the writer
    narrowed again piece by piece before encoding (90 exercises: ~1.9 ms against ~0.7 ms for
    the 91 sections encoded apart; the same bytes, a test compares them).
    """
    return b"".join([part.encode("utf-8") for part in _document(summary, "")])


def _document(summary: Summary, title: str) -> list[str]:
    lang = summary.language
    footer = t("export.footer", lang, title=summary.title, date=long_date(summary.date, lang))
    page_rule = "@page { @bottom-left { content: " + css_string(footer) + "; } }"
    parts = [_cover(summary)]
    for index, exercise in enumerate(summary.exercises, start=1):
        parts.append(_exercise(index, exercise, summary))
    return page_parts(title or summary.title, lang, summary.session_id, parts, page_rule, footer)


def page(title: str, lang: str, session_id: str, parts: list[str], extra_css: str, footer: str) -> str:
    """The document shell shared with the comparison export.

    One join of the shell and the parts: the parts joined first and then put into the shell
    made the whole page twice (about 1 MB each for 90 exercises, fresh memory: page faults).
    """
    return "".join(page_parts(title, lang, session_id, parts, extra_css, footer))


def page_parts(
    title: str, lang: str, session_id: str, parts: list[str], extra_css: str, footer: str
) -> list[str]:
    """``page``'s shell and parts in order, not joined."""
    head = (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="workshop-tui">\n'
        f'<meta name="workshop-session" content="{e(session_id)}">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}\n{extra_css}</style>\n</head>\n<body>\n"
        "<main>\n"
    )
    tail = f"\n<footer>{e(footer)}</footer>\n</main>\n</body>\n</html>\n"
    return [head, *parts, tail]


def _cover(summary: Summary) -> str:
    lang = summary.language
    meta = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in meta_lines(summary))
    toc = "".join(
        f'<li><a href="#ex-{e(x.id)}">{e(x.title)}</a> '
        f'<span class="kind">· {e(t("kind." + x.kind, lang))}</span></li>'
        for x in summary.exercises
    )
    about = "".join(f"<p>{said(line)}</p>" for line in about_lines(summary))
    return (
        '<section class="page cover"><div class="band"></div>'
        f'<p class="kicker">{e(t("export.subtitle", lang))}</p><h1>{e(summary.title)}</h1>'
        f'<dl class="meta">{meta}</dl>'
        f'<nav class="toc"><h2>{e(t("export.contents", lang))}</h2><ol>{toc}</ol></nav>'
        f'<aside class="about"><h2>{e(t("export.about", lang))}</h2>{about}</aside></section>\n'
    )


def _exercise(index: int, exercise: ExerciseSummary, summary: Summary) -> str:
    lang = summary.language
    kicker = f"{index} · {t('kind.' + exercise.kind, lang)}"
    out = [
        f'<section class="page exercise" id="ex-{e(exercise.id)}">',
        f'<p class="kicker">{e(kicker)}</p><h2>{e(exercise.title)}</h2>',
    ]
    for text in (exercise.prompt, exercise.question):
        if text:
            out.append(f'<p class="prompt">{e(" ".join(text.split()))}</p>')
    document = part_document(exercise.part, Reader(lang, named=summary.named))
    out += [html_block(block) for block in document.blocks]
    if exercise.facilitator_note:
        out.append(
            f'<aside class="note-box"><h4>{e(t("export.facilitator_note", lang))}</h4>'
            f'<p class="answer">{e(exercise.facilitator_note)}</p></aside>'
        )
    out.append("</section>\n")
    return "".join(out)


def html_block(block: Block) -> str:
    """One block as HTML; every text is escaped here."""
    match block:
        case Heading(text):
            return f"<h3>{e(text)}</h3>"
        case Paragraph(text, style):
            return f"<p>{e(text)}</p>" if style == "plain" else f'<p class="{style}">{e(text)}</p>'
        case Table(headers, rows, numeric):
            return html_table([e(h) for h in headers], [[e(c) for c in row] for row in rows], set(numeric))
        case Bars(title, bars):
            drawn = [svg_kinds.VoteBar(b.label, b.value, b.text, b.highlight) for b in bars]
            chart = svg_kinds.vote_chart(drawn, title=title)
            return f'<div class="figure">{chart}<p class="caption">{e(title)}</p></div>'
        case Bullets(items):
            return "<ul>" + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>"
        case Answers(answers, empty):
            return cards(answers, empty)
        case Drawn():
            return block.html()
        case _:
            assert_never(block)
