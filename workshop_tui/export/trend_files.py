"""Writing the trend report: its file names, and every format asked for at once (or none).

Which sessions a trend reads is ``core.storage.trend_sessions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.results.trends import Trend, build_trend
from workshop_tui.core.storage.slugs import slugify
from workshop_tui.export.files import FILE_PART, file_part, short_id, write_all
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown
from workshop_tui.export.trend_html import render_trend_html


def trend_name(trend: Trend, fmt: str, files_key: str = "") -> str:
    """``udvikling-<latest title>-<first date>-<last date>-<hash>.html``: unique per set of sessions,
    and per set of files when ``files_key`` (``files_part``) is given."""
    prefix = t("trend.file", trend.language)
    first, last = trend.sessions[0], trend.sessions[-1]
    key = short_id("\0".join(s.id for s in trend.sessions))
    parts = (prefix, slugify(last.title), slugify(first.date), slugify(last.date), key, files_key)
    return f"{'-'.join(p for p in parts if p)}.{fmt}"


def files_part(files: Mapping[str, Path] | None) -> str:
    """``""`` when every session was read from its own file (or no file is named); else 6 hex
    digits of the files that are not (``files.file_part``).

    ``files``: session id -> the file it was read from (``TrendSessions.files``). A trend of a
    copy of a session (same id, another file: mailed back with other answers) wrote the
    original's names, and each run replaced the other's report; the own files keep the names
    they always had, as an export's do.
    """
    copies = sorted(
        f"{session_id}\0{part}"
        for session_id, path in (files or {}).items()
        if (part := file_part(session_id, path))
    )
    return short_id("\0".join(copies))[:FILE_PART] if copies else ""


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
    branches: Sequence[Sequence[Session]] = (),
    forks: bool = False,
    report_lang: str | None = None,
    files: Mapping[str, Path] | None = None,
    replaced: list[Path] | None = None,
) -> tuple[Trend, list[Path]]:
    """Build the trend and write it in every format asked for (all or nothing).

    ``branches`` and ``forks``: the series' other branches (``core.storage.trend_sessions``).
    ``report_lang``: the report's language when ``--lang`` asked for one (else the latest
    session's); ``lang`` is the language of error messages. ``files``: the file each session
    was read from (names: ``files_part``); the files already there (an earlier report of the
    same files, the one overwrite there is) are added to ``replaced``.

    Raises:
        ExportError: the folder cannot be written; nothing was written.
    """
    trend = build_trend(series, others, lang=report_lang, branches=branches, forks=forks)
    files_key = files_part(files)  # once: each file is looked at (its real path, the data folder)
    outputs = [(folder / trend_name(trend, f, files_key), render_trend(trend, f)) for f in formats]
    if replaced is not None:
        replaced.extend(path for path, _ in outputs if path.exists())
    return trend, write_all(outputs, lang)
