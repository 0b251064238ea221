"""A session summary as Markdown: readable as plain text, and renders well.

Tables are GitHub-style pipe tables (each line stands on its own in a plain-text
mail); written answers are block quotes so that line breaks survive rendering.
"""

from __future__ import annotations

from typing import assert_never

from workshop_tui.core.i18n import t
from workshop_tui.core.results.summary_model import ExerciseSummary, Summary
from workshop_tui.export.blocks import Answers, Bars, Block, Bullets, Drawn, Heading, Paragraph, Reader, Table
from workshop_tui.export.common import about_lines, meta_lines
from workshop_tui.export.markdown_escape import markdown_safe
from workshop_tui.export.markdown_parts import quote, table
from workshop_tui.export.part_table import part_document


def render_markdown(summary: Summary) -> str:
    """The whole summary as one Markdown document (ends with a newline)."""
    summary = markdown_safe(summary)  # every text from the session renders as text
    lang = summary.language
    out = [f"# {summary.title}", "", f"**{t('export.subtitle', lang)}**", ""]
    out += [f"- **{label}:** {value}" for label, value in meta_lines(summary)]
    out += ["", f"## {t('export.contents', lang)}", ""]
    for number_, exercise in enumerate(summary.exercises, start=1):
        kind = t(f"kind.{exercise.kind}", lang)
        out.append(f"{number_}. {exercise.title} *({kind})*")
    out += ["", f"## {t('export.about', lang)}", ""]
    for line in about_lines(summary):
        out += [line, ""]
    for number_, exercise in enumerate(summary.exercises, start=1):
        out += ["---", ""] + _exercise(number_, exercise, summary)
    return _document(out)


def _document(lines: list[str]) -> str:
    """``"\\n".join(lines).rstrip() + "\\n"``, made once: the lines that are only blanks at the
    end dropped and the last one stripped first, so the ~0.8 MB text of 90 exercises is not
    copied twice more (by ``rstrip`` and by ``+``: fresh memory, page faults)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if end == 0:
        return "\n"
    return "\n".join([*lines[: end - 1], lines[end - 1].rstrip(), ""])


def _exercise(number_: int, exercise: ExerciseSummary, summary: Summary) -> list[str]:
    lang = summary.language
    out = [f"## {number_}. {exercise.title}", ""]
    for text in (exercise.prompt, exercise.question):
        if text:
            out += [f"*{' '.join(text.split())}*", ""]
    document = part_document(exercise.part, Reader(lang, named=summary.named))
    for block in document.blocks:
        out += markdown_block(block)
    if exercise.facilitator_note:
        out += [f"**{t('export.facilitator_note', lang)}:**", ""]
        out += quote(exercise.facilitator_note) + [""]
    return out


def markdown_block(block: Block) -> list[str]:
    """One block as Markdown lines, ending with an empty line (texts arrive escaped)."""
    match block:
        case Heading(text):
            return [f"### {text}", ""]
        case Paragraph(text, style):
            return [f"*{text}*" if style in ("prompt", "caption") else text, ""]
        case Table(headers, rows, numeric):
            return table(list(headers), [list(row) for row in rows], set(numeric)) + [""]
        case Bars(title, bars):
            return [f"**{title}**", "", *(f"- {bar.label}: {bar.text}" for bar in bars), ""]
        case Bullets(items):
            return [*(f"- {item}" for item in items), ""]
        case Answers(answers, empty):
            out: list[str] = []
            for answer in answers:
                out += [f"**{answer.group}**", ""]
                out += (quote(answer.text) if answer.text else [empty]) + [""]
            return out
        case Drawn():
            return block.markdown()
        case _:
            assert_never(block)
