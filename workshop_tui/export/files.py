"""Writing exports to disk: safe names, all-or-nothing, clear errors.

- **Names** come from the session: ``<slug of the title>-<date>-<8 hex of the
  session id>.<ext>``. The hash part differs between any two sessions, so
  exporting one session never overwrites another's files, even with the same
  title and date. One session id may be in two files (a copy mailed back under
  another name, or in another folder): only the session's own file
  (``sessions/<id>.toml``) has that name; any other file adds ``-<6 hex of the id
  and its real path>`` (``file_part``), so two files never write over each
  other's exports. Exporting the same file again replaces the files its own
  earlier export wrote (that is the one overwrite there is).
- **All or nothing.** Every file of one export is first written to a temporary
  file in the target folder, flushed and fsynced; only when all of them are
  complete are they moved into place with ``os.replace`` (atomic per file). A
  failure on the way removes the temporaries, so no half-written file and no
  partial set is left behind.
- **Errors** are :class:`ExportError`, naming the path and the reason in words.

The app calls :func:`export_session` and :func:`export_comparison`; the CLI
(``commands``) calls the same two.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.slugs import slugify
from workshop_tui.core.storage.staging import new_file
from workshop_tui.export import FORMATS

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.core.results.summary_model import Summary
    from workshop_tui.export.compare import Comparison

# Each renderer is imported when its format is asked for: ``workshop export --format csv``
# starts in a fresh process, and the HTML, SVG and comparison modules it does not use
# took longer to import than the CSV took to write.


class ExportError(Exception):
    """An export could not be written; nothing of it was left behind."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def short_id(session_id: str) -> str:
    """8 hex digits that differ between sessions (a hash of the session id)."""
    return str(_sha256()(session_id.encode("utf-8")).hexdigest())[:8]


def _sha256() -> Any:
    """SHA-256 from CPython's own module where it has one: ``hashlib`` loads OpenSSL for it,
    ~3 ms of each export's start. The same digest either way (a test compares them)."""
    try:
        return importlib.import_module("_sha256").sha256
    except ImportError:  # another Python, or 3.12's _sha2
        import hashlib

        return hashlib.sha256


def base_name(title: str, date: str, session_id: str, source: Path | None = None) -> str:
    """``ledelse-paa-tvaers-2026-10-14-1a2b3c4d``: readable, and unique per session file
    (``file_part`` of ``source``, the file the session was read from, when it is not its own)."""
    parts = [
        slugify(title),
        slugify(date) if date else "",
        short_id(session_id),
        file_part(session_id, source),
    ]
    return "-".join(p for p in parts if p)


FILE_PART = 6
"""Hex digits that tell apart two files with one session id (24 bits: a facilitator's copies)."""


def file_part(session_id: str, source: Path | None) -> str:
    """``""`` for the session's own file (``sessions/<id>.toml``), or when no file is named;
    for any other file, hex digits of the id and the file's real path.

    Two files with one id (a copy mailed back, renamed or in another folder) and the same
    title and date wrote the same export names, and each export replaced the other file's. The
    own file keeps the names it always had; a copy's are its own. A link to a file (a linked
    folder) is the file it leads to, so it writes that file's exports.
    """
    if source is None or _is_own_file(session_id, source):
        return ""
    real = str(source.resolve()).encode("utf-8", "surrogateescape")
    return str(_sha256()(session_id.encode("utf-8") + b"\0" + real).hexdigest())[:FILE_PART]


def _is_own_file(session_id: str, source: Path) -> bool:
    """Whether ``source`` is the file the app keeps the session in (``sessions/<id>.toml``).

    Only a file of that name is compared with the data folder: finding the folder may load
    ``platformdirs`` (~10 ms of a cold export).
    """
    if source.name != f"{session_id}.toml":
        return False
    from workshop_tui.core.storage.locations import UnsafeName, file_for, sessions_dir

    try:
        own = file_for(sessions_dir(), session_id, ".toml")
    except UnsafeName:
        return False
    try:
        return os.path.samefile(source, own)
    except OSError:
        return source.resolve() == own.resolve()


def summary_name(summary: Summary, fmt: str, source: Path | None = None) -> str:
    """The file name of one export format of a summary read from ``source`` (see ``file_part``).

    Editions with names or facilitator notes get their own suffix, so that they
    never replace the anonymous file that is meant to be sent out.
    """
    lang = summary.language
    suffix = f"-{t('export.file.named', lang)}" if summary.named else ""
    suffix += f"-{t('export.file.notes', lang)}" if summary.include_notes else ""
    return f"{base_name(summary.title, summary.date, summary.session_id, source)}{suffix}.{fmt}"


def comparison_name(
    comparison: Comparison, fmt: str, sources: tuple[Path | None, Path | None] = (None, None)
) -> str:
    """The file name of a comparison: both sessions' names, so no two pairs collide.

    ``sources`` are the two files read (before, after): a file other than its session's own
    (``file_part``) adds 6 hex digits of both, so comparing a copy never replaces the
    comparison of the file it was copied from.

    Every part that comes from a session file is a slug (``[a-z0-9-]``): a date such as
    ``2026-10-14/../../elsewhere`` can never put the file outside the output folder.
    """
    before, after = comparison.before, comparison.after
    prefix = t("export.file.comparison", comparison.language)
    pair = short_id(f"{before.session_id}\0{after.session_id}")
    parts = [prefix, slugify(after.title), slugify(before.date), slugify(after.date), pair]
    files = file_part(before.session_id, sources[0]) + "\0" + file_part(after.session_id, sources[1])
    if files != "\0":
        parts.append(short_id(files)[:FILE_PART])
    return f"{'-'.join(parts)}.{fmt}"


def render(summary: Summary, fmt: str) -> str:
    """One summary rendered in one format."""
    if fmt == "md":
        from workshop_tui.export.markdown import render_markdown

        return render_markdown(summary)
    if fmt == "html":
        from workshop_tui.export.html import render_html

        return render_html(summary)
    if fmt == "csv":
        from workshop_tui.export.csv import render_csv

        return render_csv(summary)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_session(
    session: Session,
    formats: Iterable[str],
    folder: Path,
    *,
    named: bool = False,
    include_notes: bool = False,
    lang: str = "da",
    source: Path | None = None,
    replaced: list[Path] | None = None,
) -> list[Path]:
    """Summarise a session and write it in every format asked for.

    The files are in the session's language; ``lang`` is the language of error
    messages (the UI's). ``source`` is the file the session was read from: a file other than
    the session's own gets names of its own (``file_part``); an earlier export of the same
    file is replaced, and its paths are added to ``replaced`` (to say so).

    Returns:
        The paths written, in the order of ``formats``.

    Raises:
        ExportError: the folder cannot be written; nothing was written.
    """
    from workshop_tui.core.results.summary import build_summary

    summary = build_summary(session, include_notes=include_notes, named=named)
    return export_summary(summary, formats, folder, lang=lang, source=source, replaced=replaced)


def export_summary(
    summary: Summary,
    formats: Iterable[str],
    folder: Path,
    *,
    lang: str = "da",
    source: Path | None = None,
    replaced: list[Path] | None = None,
) -> list[Path]:
    """Write a summary already made (``export_session``, or one kept by ``core.kept_summary``)
    from the file ``source`` (names: ``summary_name``); the files already there (an earlier
    export of the same file, the one overwrite there is) are added to ``replaced``.

    Raises:
        ExportError: the folder cannot be written; nothing was written.
    """
    outputs = [(folder / summary_name(summary, f, source), _file_content(summary, f)) for f in formats]
    if replaced is not None:
        replaced.extend(path for path, _ in outputs if path.exists())
    return write_all(outputs, lang)


def _file_content(summary: Summary, fmt: str) -> str | bytes:
    """What a file of ``fmt`` holds: ``render``'s text, the CSV and HTML already encoded
    (``encode_csv``, ``encode_html``: the same bytes, with less work)."""
    if fmt == "csv":
        from workshop_tui.export.csv import encode_csv

        return encode_csv(summary)
    if fmt == "html":
        from workshop_tui.export.html import encode_html

        return encode_html(summary)
    return render(summary, fmt)


def export_comparison(
    before: Session,
    after: Session,
    fmt: str,
    folder: Path,
    *,
    lang: str = "da",
    show_all: bool = False,
    sources: tuple[Path | None, Path | None] = (None, None),
    replaced: list[Path] | None = None,
) -> tuple[Comparison, Path]:
    """Compare two sessions (read from the files ``sources``) and write the comparison as ``md`` or ``html``.

    A file already there (an earlier comparison of the same two files, the one overwrite
    there is: ``comparison_name``) is added to ``replaced``, so the command can say so, as
    export and trend do; it replaced it silently.

    Raises:
        ExportError: the folder cannot be written; nothing was written.
    """
    from workshop_tui.export.compare import compare_sessions
    from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown

    comparison = compare_sessions(before, after, show_all=show_all)
    if fmt == "md":
        text = render_compare_markdown(comparison)
    elif fmt == "html":
        text = render_compare_html(comparison)
    else:
        raise ValueError(f"unknown comparison format {fmt!r}; use md or html")
    path = folder / comparison_name(comparison, fmt, sources)
    if replaced is not None and path.exists():
        replaced.append(path)
    return comparison, write_all([(path, text)], lang)[0]


def write_all(outputs: Sequence[tuple[Path, str | bytes]], lang: str = "en") -> list[Path]:
    """Write every (path, text) as UTF-8 (bytes as they are), all or nothing (see the module docstring).

    Raises:
        ExportError: a folder is missing and cannot be made, is not a folder, is
            not writable, or the disk is full; no file was changed.
    """
    staged: list[tuple[str, Path]] = []
    current = outputs[0][0] if outputs else Path()
    try:
        for path, text in outputs:
            current = path
            _prepare_folder(path.parent, lang)
            fd, tmp = _temp_file(path)
            staged.append((tmp, path))
            if hasattr(os, "fchmod"):  # mkstemp makes 0600; an export is meant to be shared
                with contextlib.suppress(OSError):
                    os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                if isinstance(text, bytes):
                    handle.write(text)
                else:
                    # In pieces: the whole text encoded at once is a second copy of it (~1 MB of
                    # fresh memory for 90 exercises in HTML, each page of it a fault); a piece's
                    # memory is reused by the next. The same bytes: a piece ends between characters.
                    for start in range(0, len(text), _PIECE):
                        handle.write(text[start : start + _PIECE].encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, path in staged:
            current = path
            os.replace(tmp, path)
    except OSError as error:
        raise ExportError(current, _reason(error, lang)) from None
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return [path for path, _ in outputs]


_PIECE = 1 << 16
"""Characters encoded and written at a time."""


def _temp_file(path: Path) -> tuple[int, str]:
    """A new file beside ``path`` (``.<name>.<random>.tmp``, 0600), open for writing (``staging.new_file``).

    Raises:
        OSError: the folder refuses the file (read-only, full, not a folder).
    """
    return new_file(str(path.parent), f".{path.name}.")


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _prepare_folder(folder: Path, lang: str) -> None:
    """Make the folder if needed; refuse a path that is (or runs through) a file."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(folder, t("export.err.not_folder", lang, path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ExportError(folder, t("export.err.not_folder", lang, path=folder)) from None


def _reason(error: OSError, lang: str) -> str:
    if error.errno == errno.ENOSPC:
        return t("export.err.disk_full", lang)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("export.err.not_writable", lang)
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return t("export.err.not_folder", lang, path=error.filename or "")
    return error.strerror or str(error)
