"""The ``workshop export``, ``workshop compare`` and ``workshop trend`` sub-commands.

``register`` adds both to the CLI's sub-parsers and ``run`` executes them; the
CLI only has to call the two. Like the rest of the CLI this module parses,
calls the core and prints: summaries and files come from ``export.files``.

Exit status: 0 done, 1 a session could not be found or read or a file could
not be written (each problem on stderr, nothing half-written), 2 a usage error
(argparse's own, e.g. an unknown ``--format``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.errors import FileProblems, printable, problem_lines
from workshop_tui.export import FORMATS

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.core.results.summary_model import Summary
    from workshop_tui.core.storage.errors import Problem

TREND_FORMATS = ("md", "html", "csv")
"""The formats of ``workshop trend``."""
COMMAND = "_export_command"
"""The attribute ``register`` sets on the parsed arguments, whatever the CLI's ``dest``."""
WHOLE_PROCESS = "whole_process"
"""The attribute ``workshop`` sets (True) when the command is all its process does (``run``)."""


def register(subparsers: Any, lang: str) -> None:
    """Add ``export`` and ``compare`` to an argparse sub-parsers object.

    Args:
        subparsers: what ``ArgumentParser.add_subparsers()`` returned.
        lang: the UI language of the help texts.
    """
    export = subparsers.add_parser(
        "export", help=t("export.cmd.export", lang), description=t("export.cmd.export", lang)
    )
    export.add_argument("session", metavar="SESSION", help=t("export.cmd.session", lang))
    export.add_argument(
        "--format",
        choices=[*FORMATS, "all"],
        default="all",
        help=t("export.cmd.format_all", lang, what=t("export.cmd.format", lang)),
    )
    export.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help=t("export.cmd.output", lang)
    )
    export.add_argument("--named", action="store_true", help=t("export.cmd.named", lang))
    export.add_argument("--notes", action="store_true", help=t("export.cmd.notes", lang))
    export.set_defaults(**{COMMAND: "export"})

    compare = subparsers.add_parser(
        "compare", help=t("export.cmd.compare", lang), description=t("export.cmd.compare", lang)
    )
    compare.add_argument("before", metavar="BEFORE", help=t("export.cmd.session", lang))
    compare.add_argument("after", metavar="AFTER", help=t("export.cmd.session", lang))
    compare.add_argument(
        "--format", choices=["md", "html"], default=None, help=t("export.cmd.format", lang) + " (md, html)"
    )
    compare.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help=t("export.cmd.output", lang)
    )
    compare.add_argument("--all", action="store_true", dest="show_all", help=t("export.cmd.all", lang))
    compare.set_defaults(**{COMMAND: "compare"})

    trend = subparsers.add_parser(
        "trend", help=t("trend.cmd.help", lang), description=t("trend.cmd.help", lang)
    )
    trend.add_argument("sessions", nargs="+", metavar="SESSION", help=t("trend.cmd.sessions", lang))
    trend.add_argument(
        "--format",
        choices=[*TREND_FORMATS, "all"],
        default="html",
        help=t("trend.cmd.format", lang),
    )
    trend.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help=t("export.cmd.output", lang)
    )
    trend.set_defaults(**{COMMAND: "trend"})


def run(args: argparse.Namespace, lang: str) -> int:
    """Execute ``export``, ``compare`` or ``trend``; returns the exit status (messages in ``lang``).

    When the command is the whole process (``args.whole_process``, set by ``workshop`` itself,
    never by a caller that goes on), the process ends here once the files are written: see
    :func:`end_process`.
    """
    # One command, then the process ends: the modules it imports and what it builds (the
    # session, the summary, the text) live until it is written, so the collector's passes over
    # them find nothing (~5-10 ms of a large export; the imports alone made a dozen passes).
    # Paused for the command, and turned back on for a caller that goes on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        status = _run(args, lang)
    finally:
        if collecting:
            gc.enable()
    if getattr(args, WHOLE_PROCESS, False):
        end_process(status)
    return status


def end_process(status: int) -> NoReturn:
    """Leave at once: the exit handlers run and the output is flushed, then ``os._exit``.

    An export builds a session, a summary and a text of some hundred thousand objects, and
    Python's own ending takes the interpreter down object by object and module by module
    (about 28 M instructions, ~6 ms, after a 90-exercise export) for a process whose files
    are already written, fsynced and renamed into place. The exit handlers (the kept
    dataclass and expression code, ``core/kept_files``) and the flush of stdout and stderr
    are what that ending does that matters, so they are done first.
    """
    import atexit
    import os

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone (`| head`) or a closed stream
            stream.flush()
    os._exit(status)


def _run(args: argparse.Namespace, lang: str) -> int:
    # The exporters are imported only when a command runs them, so that building the parser
    # (which every ``workshop`` start does, the app included) does not load them. Their
    # regular expressions (and the reader's) are compiled from the kept engine code.
    from workshop_tui.core.regex_code import install

    install()
    from workshop_tui.export.files import ExportError

    command = getattr(args, COMMAND, None) or getattr(args, "command", None)
    try:
        if command == "export":
            return _export(args, lang)
        if command == "compare":
            return _compare(args, lang)
        if command == "trend":
            return _trend(args, lang)
    except FileProblems as error:
        for line in problem_lines(error.problems, lang):
            print(line, file=sys.stderr)
        return 1
    except ExportError as error:
        message = t("export.cmd.not_written", lang, path=error.path, reason=error.reason)
        print(printable(message), file=sys.stderr)
        return 1
    print(f"workshop: unknown command {command!r}", file=sys.stderr)
    return 2


def resolve(name: str) -> Path | None:
    """A session file from a path (any existing file), a file name, an id or an exact title."""
    candidate = Path(name).expanduser()
    # A path as given, without loading the listing's modules (and tempfile, threading with them)
    # for it; a bare x.toml (``listing.bare_file_name``) may be in the sessions folder too.
    if candidate.is_file() and (name != candidate.name or candidate.suffix != ".toml"):
        return candidate
    from workshop_tui.core.storage.listing import find_session

    return find_session(name)


def _load_file(name: str, lang: str) -> tuple[Path, Session] | None:
    """A session and the file it was read from, or None after printing why not."""
    path = resolve(name)
    if path is None:
        from workshop_tui.core.storage.listing import not_found

        print(printable(not_found(name, lang)), file=sys.stderr)
        return None
    from workshop_tui.core.storage.sessions import load_session

    return path, load_session(path, keep_parsed=True)  # an export of the same file again skips its TOML


def _export(args: argparse.Namespace, lang: str) -> int:
    """Export one session; from the second export of an unchanged file, its kept summary.

    The file's bytes are read once: the kept summary is looked up by them, and without one
    the session is read from the same bytes, and its summary kept for them (``core.kept_summary``).
    """
    from workshop_tui.core import kept_summary
    from workshop_tui.core.storage.tomlio import file_bytes
    from workshop_tui.export.files import export_summary

    path = resolve(args.session)
    if path is None:
        from workshop_tui.core.storage.listing import not_found

        print(printable(not_found(args.session, lang)), file=sys.stderr)
        return 1
    raw = file_bytes(path)
    flags = {"named": args.named, "include_notes": args.notes}
    language = _asked_language(args) or ""  # an edition in another language is kept apart
    summary = kept_summary.read(raw, **flags, language=language)
    if summary is None:
        from workshop_tui.core.results.summary import build_summary
        from workshop_tui.core.storage.sessions import load_session

        session = load_session(path, keep_parsed=True, raw=raw)  # an export again skips its TOML
        summary = build_summary(in_asked_language(session, args), **flags)
        kept_summary.keep(raw, summary, language=language)
    for line in problem_lines(_twice_named(summary, path), lang):
        print(line, file=sys.stderr)
    formats = FORMATS if args.format == "all" else (args.format,)
    replaced: list[Path] = []
    paths = export_summary(summary, formats, args.output, lang=lang, source=path, replaced=replaced)
    for path in paths:
        said = "export.cmd.replaced" if path in replaced else "export.cmd.written"
        print(printable(t(said, lang, path=path)))  # -o is the user's: any text
    return 0


def _twice_named(summary: Summary, path: Path) -> list[Problem]:
    """Warnings for two names in ``path`` that are one name (``Summary.same_participants``,
    ``same_groups``): the file, the names spelled so the difference shows, and the fix.

    The app says so when the file opens (``tui.name_notices``); ``workshop export --named``
    wrote "Bo" twice with nothing said, and the reader took two people for one.
    """
    from workshop_tui.core.model.roster import listed_apart
    from workshop_tui.core.storage.errors import file_problem

    said = []
    people = ("participants", "problems.what.names.participants", "problems.fix.names.participants")
    groups = ("groups", "problems.what.names.groups", "problems.fix.names.groups")
    for sets, (kind, what, fix) in ((summary.same_participants, people), (summary.same_groups, groups)):
        if sets:
            said.append(file_problem(path, kind, what, fix, warning=True, names=listed_apart(sets)))
    return said


def _compare(args: argparse.Namespace, lang: str) -> int:
    from workshop_tui.export.compare import compare_sessions
    from workshop_tui.export.compare_text import render_text
    from workshop_tui.export.files import export_comparison

    first = _load_file(args.before, lang)
    second = _load_file(args.after, lang) if first is not None else None
    if first is None or second is None:
        return 1
    before, after = in_asked_language(first[1], args), in_asked_language(second[1], args)
    show_all = bool(getattr(args, "show_all", False))
    if args.format is None:
        print(printable(render_text(compare_sessions(before, after, show_all=show_all))), end="")
        return 0
    replaced: list[Path] = []
    comparison, path = export_comparison(
        before,
        after,
        args.format,
        args.output,
        lang=lang,
        show_all=show_all,
        sources=(first[0], second[0]),
        replaced=replaced,
    )
    print(printable(render_text(comparison)), end="")
    said = "export.cmd.compare_replaced" if path in replaced else "export.cmd.written"
    print(printable(t(said, lang, path=path)))  # -o is the user's: any text
    return 0


def in_asked_language(session: Session, args: argparse.Namespace) -> Session:
    """The session with the language ``--lang`` asks for, when it asks: its labels then follow.

    A file is written in its session's language, so ``workshop --lang en export`` of a Danish
    session wrote Danish headings for the English colleague it was meant for. Given ``--lang``
    (not merely an English ``LANG``) the export says its labels, and the library's texts that
    have a translation, in that language; what was written in the session (its title, notes,
    answers) stays as written, and every figure is the same.
    """
    asked = _asked_language(args)
    if asked is None or asked == session.language:
        return session
    from dataclasses import replace

    return replace(session, language=asked)


def _asked_language(args: argparse.Namespace) -> str | None:
    """The language ``--lang`` named, or None (an English ``LANG`` alone does not change a file)."""
    asked = getattr(args, "explicit_lang", None)
    return asked if isinstance(asked, str) else None


def _trend(args: argparse.Namespace, lang: str) -> int:
    """Write the trend report of the sessions named (one session: its whole series)."""
    from workshop_tui.core.storage.trend_sessions import trend_sessions
    from workshop_tui.export.trend import unanswered_lines
    from workshop_tui.export.trend_files import export_trend

    named: list[Session] = []
    files: dict[str, Path] = {}
    for name in args.sessions:
        found_file = _load_file(name, lang)
        if found_file is None:
            return 1
        path, session = found_file
        named.append(session)
        files.setdefault(session.id, path)
    found = trend_sessions(named, files=files)
    for line in problem_lines(found.problems, lang):
        print(line, file=sys.stderr)
    formats = TREND_FORMATS if args.format == "all" else (args.format,)
    replaced: list[Path] = []
    trend, written = export_trend(
        found.series,
        found.others,
        formats,
        args.output,
        lang=lang,
        branches=found.branches,
        forks=found.forks,
        report_lang=_asked_language(args),
        files=found.files,
        replaced=replaced,
    )
    if not trend.exercises:
        print(t("trend.none", lang), file=sys.stderr)  # said to the facilitator, as every line here
    for line in unanswered_lines(trend):  # in the report too, where it says what it compares
        print(printable(line), file=sys.stderr)
    for path in written:
        said = "trend.cmd.replaced" if path in replaced else "export.cmd.written"
        print(printable(t(said, lang, path=path)))  # -o is the user's: any text
    return 0
