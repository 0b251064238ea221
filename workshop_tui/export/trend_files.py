"""Which sessions a trend reads, and writing the trend report (all formats at once, or none).

``workshop trend`` names one session (its whole series is read) or several (those, grouped
by series). A session of the series that is missing or cannot be read is reported, file and
fix named, and the trend is made of the sessions that can be read; it never stops the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.results.trends import Trend, build_trend
from workshop_tui.core.storage.errors import FileProblems, Problem
from workshop_tui.core.storage.sessions import slugify
from workshop_tui.export.files import short_id, write_all
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown
from workshop_tui.export.trend_html import render_trend_html


@dataclass(frozen=True)
class TrendSessions:
    """The sessions of a trend: its series, other leader groups' series, and what could not be read."""

    series: tuple[Session, ...] = ()
    others: tuple[tuple[Session, ...], ...] = ()
    problems: tuple[Problem, ...] = ()


def trend_sessions(paths: Sequence[Path]) -> TrendSessions:
    """Load the sessions named (their files found by the command).

    Raises:
        FileProblems: a session named on the command line cannot be read.
    """
    from workshop_tui.core.storage.sessions import load_session

    return TrendSessions(series=tuple(_unique(load_session(path) for path in paths)))


def _unique(sessions: Iterable[Session]) -> list[Session]:
    """Each session once (named twice, or named and in the series)."""
    seen: dict[str, Session] = {}
    for session in sessions:
        seen.setdefault(session.id, session)
    return list(seen.values())


def _load_all(paths: Iterable[Path]) -> tuple[list[Session], list[Problem]]:
    """Every session that can be read, and the problems of those that cannot."""
    from workshop_tui.core.storage.sessions import load_session

    found, problems = [], []
    for path in paths:
        try:
            found.append(load_session(path))
        except FileProblems as error:
            problems += error.problems
    return found, problems


def trend_name(trend: Trend, fmt: str) -> str:
    """``udvikling-<latest title>-<first date>-<last date>-<hash>.html``: unique per set of sessions."""
    prefix = t("trend.file", trend.language)
    first, last = trend.sessions[0], trend.sessions[-1]
    key = short_id("\0".join(s.id for s in trend.sessions))
    parts = (prefix, slugify(last.title), slugify(first.date), slugify(last.date), key)
    return f"{'-'.join(p for p in parts if p)}.{fmt}"


def render_trend(trend: Trend, fmt: str) -> str:
    """The trend in one format."""
    if fmt == "md":
        return render_trend_markdown(trend)
    if fmt == "html":
        return render_trend_html(trend)
    if fmt == "csv":
        return render_trend_csv(trend)
    raise ValueError(f"unknown trend format {fmt!r}; use md, html or csv")


def export_trend(
    series: Sequence[Session],
    others: Sequence[Sequence[Session]],
    formats: Iterable[str],
    folder: Path,
    *,
    lang: str = "da",
) -> tuple[Trend, list[Path]]:
    """Build the trend and write it in every format asked for (all or nothing).

    Raises:
        ExportError: the folder cannot be written; nothing was written.
    """
    trend = build_trend(series, others)
    outputs = [(folder / trend_name(trend, f), render_trend(trend, f)) for f in formats]
    return trend, write_all(outputs, lang)
