"""The trend report as Markdown and CSV, and the words both share with the HTML.

Only formatting: every figure is the core's (:mod:`workshop_tui.core.results.trends`), which
reads each session's own export figures. A held-back figure says why ("for få svar til at
vise"); a change that cannot be made (another scale, another polarity) says so in the
exercise's notes and shows ``–``.
"""

from __future__ import annotations

import csv
import io

from workshop_tui.core.i18n import t
from workshop_tui.core.results.held_back import HeldBack
from workshop_tui.core.results.numbers import written_change
from workshop_tui.core.results.trends import (
    ExerciseTrend,
    Line,
    Point,
    RanOnce,
    ReviewAgain,
    ReviewRun,
    SessionRef,
    Trend,
    VoteAgain,
    VoteRun,
    WrittenAgain,
)
from workshop_tui.core.results.trends_unanswered import answered, unanswered
from workshop_tui.export.common import held_back_line
from workshop_tui.export.csv import BOM, delimiter, spreadsheet_safe
from workshop_tui.export.markdown_escape import markdown_safe
from workshop_tui.export.markdown_parts import table
from workshop_tui.export.strings import long_date, number


def point_text(point: Point | None, lang: str) -> str:
    """``3,42`` or why there is none: not asked, too few answers, blind, none."""
    if point is None:
        return t("trend.not_asked", lang)
    if point.mean is not None:
        return number(point.mean, lang)
    status = point.status if point.status in ("too_few", "blind") else "empty"
    return t(f"export.status.{status}", lang, n=point.n)


def change_text(line: Line, lang: str) -> str:
    """``+0,40 ↑ bedre`` (since the session before), or ``–``: the core's words (``written_change``)."""
    return written_change(line.change, line.verdict, lang)


def first_text(line: Line, lang: str) -> str:
    """The change since the first session, as ``change_text``."""
    return written_change(line.since_first, line.verdict_since_first, lang)


def written_line(written: WrittenAgain, lang: str) -> str:
    """``Handlingsplan — 2026-10-14: 6 svar · 2027-01-14: 4 svar``: a written exercise run again."""
    counts = (
        t("trend.written_count", lang, date=long_date(s.date, lang), n=n)
        for s, n in zip(written.sessions, written.answers, strict=True)
    )
    return f"{written.label} — {' · '.join(counts)}"


def vote_runs(vote: VoteAgain, lang: str) -> tuple[str, ...]:
    """``2026-10-14: ▲ Tid (7), Ro (5)``, ``2027-01-20: for få svar til at vise (n = 2)``: one
    line per session, listed under the vote's label.

    On one line with the label (words15's form) a vote whose options are sentences made a line
    of several hundred characters, where each session's date was hard to find.
    """
    return tuple(f"{long_date(r.session.date, lang)}: {_top(r, lang)}" for r in vote.runs)


def _top(run: VoteRun, lang: str) -> str:
    """A session's top options (▲ on the winners, as the wall), or why the vote is held back."""
    if run.status != "shown" or not run.options:
        status = run.status if run.status in ("too_few", "blind") else "empty"
        return t(f"export.status.{status}", lang, n=run.voters)
    return ", ".join(
        ("▲ " if o.winner else "") + t("trend.vote_top", lang, text=o.text, n=o.count) for o in run.options
    )


def review_count(run: ReviewRun, lang: str) -> str:
    """``2027-01-20: 3 gennemført, 1 delvist, 0 ikke startet, 1 droppet, 1 ikke gennemgået, 1 videreført
    (af 6)``: each status in the review's own words, none lumped, each word in its count's form
    (``trend.review_status.*``: "1 gennemført", "2 gennemførte", as the review screen counts)."""
    statuses = ", ".join(t(f"trend.review_status.{code}", lang, n=n) for code, n in run.statuses)
    return t(
        "trend.review_count",
        lang,
        date=long_date(run.session.date, lang),
        statuses=statuses,
        carried=run.carried,
        n=run.actions,
    )


def review_line(review: ReviewAgain, lang: str) -> str:
    """``Sidste gangs handlinger — 2027-01-20: 3 gennemført, 2 ikke gennemført, … (af 6) · …``."""
    return f"{review.label} — {' · '.join(review_count(r, lang) for r in review.runs)}"


def once_line(once: RanOnce, lang: str) -> str:
    """An exercise run in one session, as every format lists it: its label, and a review's counts
    (``Sidste gangs handlinger — 2027-01-20: 3 gennemført, …``), as a review run again shows them."""
    if once.review is None:
        return once.label
    return f"{once.label} — {review_count(once.review, lang)}"


Listed = tuple[str, tuple[str, ...]]
"""A line of ``again_sections`` and the lines listed under it (a vote's sessions; else none)."""


def again_sections(trend: Trend) -> list[tuple[str, list[Listed]]]:
    """The lists of exercises run again without means (written, votes, reviews): heading, lines.

    Every format prints these same lines (a vote's sessions as a list under its label); only
    an empty list is left out.
    """
    lang = trend.language
    found: list[tuple[str, list[Listed]]] = [
        ("trend.written", [(written_line(x, lang), ()) for x in trend.written]),
        ("trend.votes", [(x.label, vote_runs(x, lang)) for x in trend.votes]),
        ("trend.reviews", [(review_line(x, lang), ()) for x in trend.reviews]),
    ]
    return [(t(key, lang), lines) for key, lines in found if lines]


def unanswered_lines(trend: Trend) -> list[str]:
    """ "Uden svar i alle sessioner: …" (the exercises ``answered`` leaves out), or nothing.

    Said where the report says whether anything recurs ("trend.none"): in every format the
    first thing after how to read it, so no reader looks for their figures further down.
    """
    missing = unanswered(trend)
    return [t("trend.unanswered", trend.language, exercises="; ".join(missing))] if missing else []


def session_heading(session: SessionRef, lang: str) -> str:
    """``Opfølgning (14. januar 2027)``."""
    return f"{session.title} ({long_date(session.date, lang)})"


def headers(exercise: ExerciseTrend, lang: str, first: str) -> list[str]:
    """The change table's header: the line, one column per session, the changes, the spread."""
    out = [first, *(long_date(s.date, lang) for s in exercise.sessions), t("trend.col.change", lang)]
    if len(exercise.sessions) > 2:
        out.append(t("trend.col.since_first", lang))
    return [*out, t("trend.col.spread", lang)]


def row(line: Line, exercise: ExerciseTrend, lang: str) -> list[str]:
    """One line of the change table."""
    out = [line.label, *(point_text(p, lang) for p in line.points), change_text(line, lang)]
    if len(exercise.sessions) > 2:
        out.append(first_text(line, lang))
    return [*out, number(line.spread, lang)]


def about_lines(trend: Trend) -> list[str]:
    """How to read the report, what is compared, and what is held back and why."""
    lang = trend.language
    minimums = sorted({s.min_answers for s in trend.sessions})
    lines = [*branch_lines(trend)]
    lines += [
        t("trend.about.figures", lang),
        t("trend.about.change", lang),
        t("trend.about.min", lang, min="/".join(str(m) for m in minimums)),
    ]
    for session, found in trend.held_back:
        lines.append(f"{session_heading(session, lang)}: {_held(found, session.min_answers, lang)}")
    return lines


def branch_lines(trend: Trend) -> list[str]:
    """Which line of a branched series the report follows, and its other branches (else none).

    First in every format's words on reading it: without it a reader takes the sessions for
    the whole series, and the heatmap's branch rows for other leader groups.
    """
    if not trend.branches or not trend.sessions:
        return []
    last = trend.sessions[-1]
    key = "trend.about.fork" if trend.forks else "trend.about.branches"
    names = ", ".join(trend.branches)
    return [t(key, trend.language, last=session_heading(last, trend.language), branches=names)]


def _held(found: tuple[HeldBack, ...], minimum: int, lang: str) -> str:
    return held_back_line(found, minimum, lang)


def render_trend_markdown(trend: Trend) -> str:
    """The whole trend report as Markdown (tables of means and changes; the charts are the HTML's)."""
    trend = markdown_safe(trend)  # every text from a session renders as text
    lang = trend.language
    out = [f"# {t('trend.title', lang)}", ""]
    out += [f"- {session_heading(s, lang)}" for s in trend.sessions]
    out += ["", f"## {t('export.about', lang)}", ""]
    for line in about_lines(trend):
        out += [line, ""]
    if not trend.exercises:
        out += [t("trend.none", lang), ""]
    out += [x for line in unanswered_lines(trend) for x in (line, "")]
    trend = answered(trend)
    for exercise in trend.exercises:
        out += [f"## {exercise.title}", "", t("trend.scale", lang, low=exercise.low, high=exercise.high), ""]
        out += [f"> {note}" for note in exercise.notes] + ([""] if exercise.notes else [])
        for key, lines in (("trend.dimensions", exercise.dimensions), ("trend.items", exercise.items)):
            if lines:
                head = headers(exercise, lang, t(key, lang))
                rows = [row(x, exercise, lang) for x in lines]
                out += [f"### {t(key, lang)}", "", *table(head, rows, set(range(1, len(head)))), ""]
        if exercise.heat:
            head = [t("trend.group", lang), *exercise.columns]
            rows = [[h.label, *(number(v, lang) for v in h.values)] for h in exercise.heat]
            out += [f"### {t('trend.heatmap', lang)}", "", *table(head, rows, set(range(1, len(head)))), ""]
    for heading, listed in again_sections(trend):
        out += [f"## {heading}", ""]
        for line, under in listed:
            out += [f"- {line}", *(f"  - {u}" for u in under)]
        out.append("")
    if trend.once:
        out += [f"## {t('trend.once', lang)}", "", *(f"- {once_line(x, lang)}" for x in trend.once), ""]
    return "\n".join(out).rstrip() + "\n"


CSV_COLUMNS = (
    "exercise_id",
    "exercise",
    "line",
    "line_id",
    "label",
    "direction",
    "session_id",
    "date",
    "n",
    "mean",
    "status",
    "comparable",
    "change_from_previous",
    "verdict",
    "group",
)
"""The trend CSV's columns (English codes, for spreadsheets and scripts).

A heatmap row is ``line`` = ``heat``, one row per column (``line_id``, ``label``) and
leader group (``group``, named as the heatmap names it); ``direction`` = ``oriented`` when
its values are turned by polarity (higher = better). An exercise run in one session only
is one ``line`` = ``once`` row: its ``label`` as the report lists it, its session, no figures;
an action review run once has six more ``once`` rows, its counts as a review run again.
A written exercise run in two or more sessions is one ``line`` = ``written`` row per session:
its ``label``, the session, and in ``n`` what was written there (``trends.written_answers``).
A vote run again is ``line`` = ``vote``: per session its top options (``line_id`` the rank,
``label`` the option, ``n`` its dots, ``verdict`` = ``winner``), or one row whose ``status``
says why it is held back (``n`` = who voted). An action review run again is ``line`` =
``review``: per session a row per review status (``line_id`` ``done``, ``partly``,
``not_started``, ``dropped``, then ``open``: not reviewed; together every action) and one
``carried`` (carried over, whatever the status), the count in ``n`` (``ReviewRun.counted``).
"""


def render_trend_csv(trend: Trend) -> str:
    """One row per exercise, line (dimension or item) and session: n, mean, status, change.

    A held-back mean is empty and its status says why (``too_few``); the change and its
    verdict stand on the latest session's row. Text cells never run as formulas.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter(trend.language), lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for exercise in trend.exercises:
        for kind, lines in (("dimension", exercise.dimensions), ("item", exercise.items)):
            for line in lines:
                for index, (session, point) in enumerate(zip(exercise.sessions, line.points, strict=True)):
                    last = index == len(exercise.sessions) - 1
                    cells: list[str | int] = [
                        exercise.id,
                        exercise.title,
                        kind,
                        line.id,
                        line.label,
                        line.direction,
                        session.id,
                        session.date,
                        "" if point is None else point.n,
                        "" if point is None or point.mean is None else f"{point.mean:.4f}",
                        "not_asked" if point is None else point.status,
                        "" if point is None else str(point.comparable).lower(),
                        f"{line.change:.4f}" if last and line.change is not None else "",
                        (line.verdict or "") if last else "",
                        "",
                    ]
                    writer.writerow([spreadsheet_safe(c) for c in cells])
        for cells in _heat_rows(exercise):
            writer.writerow([spreadsheet_safe(c) for c in cells])
    for w in trend.written:  # written again: per session what was written, no figures
        for session, n in zip(w.sessions, w.answers, strict=True):
            again: list[str | int] = [w.id, w.title, "written", "", w.label, "", session.id, session.date, n]
            writer.writerow([spreadsheet_safe(c) for c in again + [""] * (len(CSV_COLUMNS) - len(again))])
    for cells in _again_rows(trend):
        writer.writerow([spreadsheet_safe(c) for c in cells + [""] * (len(CSV_COLUMNS) - len(cells))])
    for x in trend.once:  # run in one session only: where and what it is called, no figures
        once = [x.id, x.title, "once", "", x.label, "", x.session.id, x.session.date]
        writer.writerow([spreadsheet_safe(c) for c in once + [""] * (len(CSV_COLUMNS) - len(once))])
        for key, n in x.review.counted if x.review else ():  # a review: its counts, as run again
            counted: list[str | int] = [*once[:3], key, *once[4:], n]
            writer.writerow([spreadsheet_safe(c) for c in counted + [""] * (len(CSV_COLUMNS) - len(counted))])
    return BOM + buffer.getvalue()


def _heat_rows(exercise: ExerciseTrend) -> list[list[str | int]]:
    """The heatmap in CSV rows: per leader group and column its value (as the HTML's cells)."""
    ids = [x.id for x in exercise.dimensions or exercise.items]
    direction = "oriented" if exercise.oriented else ""
    return [
        [
            exercise.id,
            exercise.title,
            "heat",
            line_id,
            column,
            direction,
            row.session.id,
            row.session.date,
            "",
            "" if value is None else f"{value:.4f}",
            "not_shown" if value is None else "shown",
            "",
            "",
            "",
            row.label,
        ]
        for row in exercise.heat
        for line_id, column, value in zip(ids, exercise.columns, row.values, strict=True)
    ]


def _again_rows(trend: Trend) -> list[list[str | int]]:
    """Votes and reviews run again: a vote's top options per session (``line`` = ``vote``, the
    option in ``label``, its dots in ``n``, ``verdict`` = ``winner`` on the winners; a held-back
    session one row with its ``status``), a review's counts per session (``line`` = ``review``)."""
    rows: list[list[str | int]] = []
    for v in trend.votes:
        for r in v.runs:
            head: list[str | int] = [v.id, v.title, "vote"]
            if not r.options:
                rows.append([*head, "", v.label, "", r.session.id, r.session.date, r.voters, "", r.status])
            for o in r.options:
                cells = [*head, o.rank, o.text, "", r.session.id, r.session.date, o.count, "", "shown"]
                rows.append([*cells, "", "", "winner" if o.winner else ""])
    for x in trend.reviews:
        for run in x.runs:
            for key, n in run.counted:
                rows.append([x.id, x.title, "review", key, x.label, "", run.session.id, run.session.date, n])
    return rows


def render_trend_text(trend: Trend) -> str:
    """A short terminal summary: per exercise the dimensions' (else items') change."""
    lang = trend.language
    out = [t("trend.title", lang)]
    out += [f"  {session_heading(s, lang)}" for s in trend.sessions]
    out += [f"  {line}" for line in branch_lines(trend)]
    out += [f"  {line}" for line in unanswered_lines(trend)]
    trend = answered(trend)
    for exercise in trend.exercises:
        out += ["", exercise.title]
        for line in exercise.dimensions or exercise.items:
            means = " → ".join(point_text(p, lang) for p in line.points)
            out.append(f"  {line.label}: {means}   {change_text(line, lang)}")
    for heading, listed in again_sections(trend):
        out += ["", heading]
        for entry, under in listed:
            out += [f"  {entry}", *(f"    {u}" for u in under)]
    if trend.once:
        out += ["", t("trend.once", lang), *(f"  {once_line(x, lang)}" for x in trend.once)]
    return "\n".join(out) + "\n"
