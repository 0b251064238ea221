"""The renderer table: each kind family's summary part as blocks and CSV records.

This is the one place in the exports that knows the kinds. The Markdown, HTML and CSV
renderers ask :func:`part_document` for an exercise's blocks and records and draw
those; they never look at a part's type. ``match`` ends in ``assert_never``, so when
a part is added to ``SummaryPart``, ``mypy --strict`` flags this function until the
part has its case here.

To draw a new kind: add a ``case NewPart():`` that returns a :class:`PartDocument`
built from the generic blocks (:mod:`workshop_tui.export.blocks`: headings, paragraphs,
tables, bar charts, lists, the groups' answers) and the CSV records of its figures.
See ``docs/kinds.md``, section "Shells". The older kinds are ``Drawn`` by hand, to
read exactly as they did before the blocks existed.
"""

from __future__ import annotations

from typing import assert_never

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import action_text, long_date
from workshop_tui.core.results.summary_model import (
    ActionPart,
    OpenAnswersPart,
    ReflectionPart,
    ReviewPart,
    ScoredPart,
    SummaryPart,
    TablePart,
    VotePart,
)
from workshop_tui.export.blocks import (
    Bullets,
    Drawn,
    Heading,
    Paragraph,
    PartDocument,
    Reader,
    Record,
    Table,
)


def part_document(part: SummaryPart, reader: Reader) -> PartDocument:
    """What the exports show of one part, for ``reader``'s language (and names, when asked)."""
    lang, named = reader.lang, reader.named
    match part:
        case ScoredPart():
            drawn = Drawn(
                lambda: _scored_md(part, lang, named),
                lambda: _scored_html(part, lang, named),
            )
            return PartDocument((drawn,), lambda: _scored_records(part, lang))
        case ReflectionPart():
            drawn = Drawn(lambda: _reflection_md(part, lang), lambda: _reflection_html(part, lang))
            return PartDocument((drawn,), lambda: _reflection_records(part))
        case ActionPart():
            drawn = Drawn(lambda: _actions_md(part, lang), lambda: _actions_html(part, lang))
            return PartDocument((drawn,), lambda: _action_records(part, lang))
        case VotePart():
            drawn = Drawn(
                lambda: _votes_md(part, lang, named),
                lambda: _votes_html(part, lang, named),
            )
            return PartDocument((drawn,), lambda: _vote_records(part, lang))
        case TablePart():
            drawn = Drawn(lambda: _table_md(part, lang), lambda: _table_html(part, lang))
            return PartDocument((drawn,), lambda: _table_records(part))
        case OpenAnswersPart():
            return _open_answers(part, reader)
        case ReviewPart():
            return _review(part, reader)
        case _:
            assert_never(part)


# The HTML drawings and their SVG charts are imported when an HTML export draws a part: a
# CSV or Markdown export, each a process of its own, never loads them. The same for the
# Markdown drawings and the CSV records: an HTML export loads neither, a CSV export no Markdown.


def _scored_md(part: ScoredPart, lang: str, named: bool) -> list[str]:
    from workshop_tui.export.markdown_kinds import scored_md

    return scored_md(part, lang, named=named)


def _reflection_md(part: ReflectionPart, lang: str) -> list[str]:
    from workshop_tui.export.markdown_kinds import reflection_md

    return reflection_md(part, lang)


def _actions_md(part: ActionPart, lang: str) -> list[str]:
    from workshop_tui.export.markdown_kinds import actions_md

    return actions_md(part, lang)


def _votes_md(part: VotePart, lang: str, named: bool) -> list[str]:
    from workshop_tui.export.markdown_parts import votes_md

    return votes_md(part, lang, named=named)


def _table_md(part: TablePart, lang: str) -> list[str]:
    from workshop_tui.export.markdown_parts import table_md

    return table_md(part, lang)


def _scored_records(part: ScoredPart, lang: str) -> list[Record]:
    from workshop_tui.export.csv_kinds import scored_records

    return scored_records(part, lang)


def _reflection_records(part: ReflectionPart) -> list[Record]:
    from workshop_tui.export.csv_kinds import reflection_records

    return reflection_records(part)


def _action_records(part: ActionPart, lang: str) -> list[Record]:
    from workshop_tui.export.csv_kinds import action_records

    return action_records(part, lang)


def _vote_records(part: VotePart, lang: str) -> list[Record]:
    from workshop_tui.export.csv_kinds import vote_records

    return vote_records(part, lang)


def _table_records(part: TablePart) -> list[Record]:
    from workshop_tui.export.csv_kinds import table_records

    return table_records(part)


def _scored_html(part: ScoredPart, lang: str, named: bool) -> str:
    from workshop_tui.export.html_kinds import scored_html

    return scored_html(part, lang, named=named)


def _reflection_html(part: ReflectionPart, lang: str) -> str:
    from workshop_tui.export.html_kinds import reflection_html

    return reflection_html(part, lang)


def _actions_html(part: ActionPart, lang: str) -> str:
    from workshop_tui.export.html_kinds import actions_html

    return actions_html(part, lang)


def _votes_html(part: VotePart, lang: str, named: bool) -> str:
    from workshop_tui.export.html_parts import votes_html

    return votes_html(part, lang, named=named)


def _table_html(part: TablePart, lang: str) -> str:
    from workshop_tui.export.html_parts import table_html

    return table_html(part, lang)


def _open_answers(part: OpenAnswersPart, reader: Reader) -> PartDocument:
    """Every answer not hidden, then the most frequent words; how many were hidden, never their text.

    CSV: an ``open`` row per answer (its text) and a ``total`` row per frequent word.
    """
    lang = reader.lang
    # The question is not printed here: the exercise's heading prints it (or the prompt that
    # stands in for it), and it stood there twice in a row.
    blocks: list[Heading | Paragraph | Table | Bullets] = []
    if part.answers:
        blocks.append(Bullets(tuple(a.text for a in part.answers)))
    else:
        blocks.append(Paragraph(t("export.open.empty", lang), "caption"))
    if part.hidden:
        blocks.append(Paragraph(t("export.open.hidden", lang, n=part.hidden), "caption"))
    if part.words:
        blocks.append(Heading(t("export.open.words", lang)))
        heads = (t("export.open.word", lang), t("export.open.answers", lang))
        blocks.append(Table(heads, tuple((word, str(n)) for word, n in part.words), frozenset({1})))
    records: list[Record] = [{"type": "open", "text": a.text} for a in part.answers]
    records += [{"type": "total", "item": word, "score": n} for word, n in part.words]
    return PartDocument(tuple(blocks), lambda: records)


def _review(part: ReviewPart, reader: Reader) -> PartDocument:
    """Last time's actions: a table with each action's status and note, overdue ones marked."""
    lang = reader.lang
    if not part.rows:
        return PartDocument((Paragraph(t("series.review.empty", lang), "muted"),))
    # An edition without owners or notes (``results.edition``) has no such column at all.
    shown = {"owner": part.owners_shown, "note": part.notes_shown}
    columns = tuple(
        c for c in ("number", "action", "owner", "due", "group", "status", "note") if shown.get(c, True)
    )
    heads = tuple(t(f"series.review.col.{c}", lang) for c in columns)
    rows = tuple(
        tuple(
            {
                "number": str(r.number),
                "action": action_text(r.text, lang),
                # "–" for none, as the action list's own table says it (its cells were blank here).
                "owner": r.owner or "–",
                "due": long_date(r.due, lang) if r.due.strip() else "–",
                "group": r.group,
                "status": review_status(r.status, r.overdue, r.carried, lang),
                "note": r.note,
            }[c]
            for c in columns
        )
        for r in part.rows
    )
    counts = {status: part.count(status) for status in ("done", "partly", "not_started", "dropped", "")}
    summary = t(
        "series.review.counts",
        lang,
        done=counts["done"],
        partly=counts["partly"],
        not_started=counts["not_started"],
        dropped=counts["dropped"],
        open=counts[""],
        overdue=part.overdue,
    )
    blocks = (
        *((Bullets(part.instructions),) if part.instructions else ()),
        Table(heads, rows, frozenset({0})),
        Paragraph(summary, "caption"),
    )
    records: list[Record] = [
        {
            "type": "review",
            "item_id": r.id,
            "item": r.text,
            "group": r.group,
            "owner": r.owner,
            "due": r.due,
            "text": " · ".join(x for x in (review_status(r.status, r.overdue, r.carried, lang), r.note) if x),
        }
        for r in part.rows
    ]
    return PartDocument(blocks, lambda: records)


def review_status(status: str, overdue: bool, carried: bool, lang: str) -> str:
    """A reviewed action's status in words, with ⚠ when it is overdue and ↻ when carried over."""
    words = [t(f"series.review.status.{status or 'open'}", lang)]
    if overdue:
        words.append(t("series.review.overdue", lang))
    if carried:
        words.append(t("series.review.carried", lang))
    return " · ".join(words)
