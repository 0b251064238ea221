"""The ``workshop`` command: the app, and the sub-commands around it.

The CLI only parses arguments and prints; everything it does is a call into the
core (``storage``) or, for the interactive app, into ``workshop_tui.tui``, which
is imported lazily so that ``workshop sessions`` never loads Textual.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.cli import resume as resume_collector
from workshop_tui.cli.parser import build_parser as build_parser
from workshop_tui.cli.words import argparse_in
from workshop_tui.core import kept_start
from workshop_tui.core.i18n import LANGUAGES, detect_language, t
from workshop_tui.core.storage.errors import FileProblems, SessionWriteError, problem_lines
from workshop_tui.core.text_safety import for_terminal, shown_name
from workshop_tui.export import commands as export_commands
from workshop_tui.voting.network import DEFAULT_MAX_PARTICIPANTS, DEFAULT_PER_ADDRESS, VotingOptions

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.core.storage.library import Library

# The model, the storage and the library are imported by the commands that use them: every
# start of the app builds the parser (``cli.parser``), and the first screen should not wait for them.


def _voting(args: argparse.Namespace) -> VotingOptions:
    """The voting options given on the command line."""
    return VotingOptions(
        host=args.vote_host,
        port=args.vote_port,
        max_participants=args.vote_max or DEFAULT_MAX_PARTICIPANTS,
        per_address=args.vote_per_address or DEFAULT_PER_ADDRESS,
    )


APP_COMMANDS = (None, "open", "demo", "new")
"""The commands that start the app (None: the list of sessions); ``present`` opens the wall's window."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    # The expressions and dataclass methods compiled while the app starts (Textual's, rich's,
    # Python's and ours) are read from one kept file each until its first screen is complete
    # (``kept_start``); a command that starts no app ends this once its arguments are read.
    kept_start.begin()
    try:
        return _main(argv)
    finally:
        kept_start.end()


def _main(argv_given: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv_given is None else argv_given)
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", choices=LANGUAGES)
    known, _ = pre.parse_known_args(argv)
    lang = detect_language(known.lang)
    with argparse_in(lang):
        args = build_parser(lang).parse_args(argv)
    args.explicit_lang = known.lang
    if args.command not in APP_COMMANDS:
        kept_start.end()
    resume_collector(args.command)  # paused at import only for a command that ends the process
    # ``workshop export`` (or compare, trend) as the program itself, not called by a test or a
    # caller that goes on: the process may end as soon as its files are written (export.commands).
    setattr(args, export_commands.WHOLE_PROCESS, argv_given is None)
    # A command that starts the app spends its start building objects that live as long as
    # the app (modules, classes, the session, the widgets): the garbage collector's passes
    # over them find nothing and cost a tenth of a second. It is paused until the app's first
    # screen is drawn (``WorkshopApp.collector_paused``), and never left paused here.
    paused = args.command in APP_COMMANDS and gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _dispatch(args, lang)
    except FileProblems as error:
        for line in problem_lines(error.problems, lang):
            print(line, file=sys.stderr)
        return 1
    except SessionWriteError as error:
        print(for_terminal(str(error)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `workshop sessions | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        if paused:
            gc.enable()


def _dispatch(args: argparse.Namespace, lang: str) -> int:
    command = args.command
    if command == "exercises":
        return _exercises(args, lang)
    if command == "sessions":
        return _sessions(lang)
    if command in ("export", "compare", "trend"):
        return export_commands.run(args, lang)
    if command == "demo":
        from workshop_tui.core.storage.sessions import demo_copy

        path, demo = demo_copy()
        print(for_terminal(t("cli.demo.created", lang, path=path)))
        if args.no_open:
            return 0
        # The copy was just read, checked and written: the app is handed it rather than reading it again.
        return _run_app(args.explicit_lang, args.exercises, path, _voting(args), demo)
    if command == "new":
        return _new(args, lang)
    if command == "open":
        from workshop_tui.core.storage.sessions import load_session

        found = _session_file(args.session)
        if found is None:
            print(for_terminal(_not_found(args.session, lang)), file=sys.stderr)
            return 1
        from workshop_tui.core.storage.listing import remember_full_read, stat_key

        read_key = stat_key(found)
        session = load_session(found)  # a damaged file is reported here, before the app starts
        remember_full_read(found, read_key, session)  # the list shows this read, not a forged seal
        return _run_app(args.explicit_lang, args.exercises, found, _voting(args), session)
    if command == "present":
        return _present(args, lang)
    return _run_app(args.explicit_lang, args.exercises, None, _voting(args))


def _session_file(name: str) -> Path | None:
    """The session file ``workshop open NAME`` means: a path as given, else an id or a title."""
    given = Path(name).expanduser()
    if given.suffix == ".toml" and given.is_file() and name != given.name:
        return given  # as find_session would, without loading the listing's modules for it
    # A bare file name may also be a file in the sessions folder: find_session weighs both.
    from workshop_tui.core.storage.listing import find_session

    return find_session(name)


def _not_found(name: str, lang: str) -> str:
    from workshop_tui.core.storage.listing import not_found

    return not_found(name, lang)


def _run_app(
    lang: str | None,
    extra: list[Path],
    path: Path | None,
    voting: VotingOptions,
    session: Session | None = None,
) -> int:
    if not sys.stdout.isatty():
        print(t("cli.error.no_tty", detect_language(lang)), file=sys.stderr)
        return 2
    from workshop_tui.tui.run import run_app

    return run_app(lang=lang, exercise_dirs=extra, session_path=path, session=session, voting=voting)


def _present(args: argparse.Namespace, lang: str) -> int:
    """The second window on the wall: follows SESSION, or whatever session the main app opens."""
    from workshop_tui.core.storage.listing import find_session

    found = None
    if args.session is not None:
        found = find_session(args.session)
        if found is None:
            print(for_terminal(_not_found(args.session, lang)), file=sys.stderr)
            return 1
    if not sys.stdout.isatty():
        print(t("cli.error.no_tty", lang), file=sys.stderr)
        return 2
    from workshop_tui.tui.present import run_present

    return run_present(found, lang=args.explicit_lang)


def _name_left_out(library: Library, lang: str) -> None:
    """An exercise asked for may be in a file that did not load: name those files and what to fix.

    Without this, a colleague's file with one mistake was only "unknown", and the facilitator
    had to think of ``workshop exercises`` to learn why.
    """
    from workshop_tui.core.storage.library import unread_folder_lines

    errors = [problem for problem in library.problems if not problem.warning]
    if errors:
        for line in unread_folder_lines(library, lang, form=False):
            print(line, file=sys.stderr)
        if library.left_out_files():
            print(t("cli.error.left_out", lang, n=len(library.left_out_files())), file=sys.stderr)
        for line in problem_lines(errors, lang):
            print(line, file=sys.stderr)


def _exercises(args: argparse.Namespace, lang: str) -> int:
    from workshop_tui.core.kinds.votes import VoteBody
    from workshop_tui.core.storage.library import check_path, load_library

    if args.check is not None:
        problems = check_path(args.check)
        for line in problem_lines(problems, lang):
            print(line)
        errors = [p for p in problems if not p.warning]
        if errors:
            print(t("cli.exercises.bad", lang, n=len(errors)), file=sys.stderr)
            return 1
        count = len(list(args.check.glob("*.toml"))) if args.check.is_dir() else 1
        print(t("cli.exercises.ok", lang, n=count))
        return 0
    library = load_library(args.exercises)
    print(f"{t('cli.exercises.heading', lang)} ({len(library.exercises)})")
    for exercise in sorted(library.exercises.values(), key=lambda e: e.id):
        kind = t(f"kind.{exercise.kind}", lang)
        scale = ""
        if (vote := exercise.body_if(VoteBody)) is not None:
            scale = f" {vote.votes.dots} ●"  # dots per person, not a rating scale
        elif exercise.scale is not None:
            inferred = f", {t('cli.exercises.inferred', lang)}" if exercise.scale.inferred else ""
            scale = f" {exercise.scale.min}–{exercise.scale.max}{inferred}"
        print(f"  {exercise.id:<22} v{exercise.version}  {kind}{scale}")
        print(for_terminal(f"  {'':<22}     {exercise.title.get(lang)}"))
        print(for_terminal(f"  {'':<22}     {shown_name(library.origins[exercise.id])}"))
    print(f"\n{t('cli.exercises.programmes', lang)} ({len(library.programmes)})")
    for programme in library.programmes.values():
        print(for_terminal(f"  {programme.id:<22} {programme.title.get(lang)} ({len(programme.exercises)})"))
    for line in problem_lines(library.problems, lang):
        print(line, file=sys.stderr)
    return 1 if any(not p.warning for p in library.problems) else 0


def _sessions(lang: str) -> int:
    from workshop_tui.cli.series import print_sessions

    return print_sessions(lang)


def _follow_up(args: argparse.Namespace, lang: str) -> int:
    from workshop_tui.cli.series import follow_up_command

    made = follow_up_command(args, lang)
    if isinstance(made, int):
        return made
    if args.min_answers is not None:  # the follow-up keeps the earlier minimum unless told otherwise
        from workshop_tui.core.storage.sessions import load_session, save_session

        save_session(load_session(made).with_min_answers(args.min_answers), made)
    return 0 if args.no_open else _run_app(args.explicit_lang, args.exercises, made, _voting(args))


def _ask(label: str, lang: str, option: str) -> str:
    if not sys.stdin.isatty():
        print(t("cli.error.no_stdin", lang, what=label, option=option), file=sys.stderr)
        raise SystemExit(2)
    return input(f"{label}: ").strip()


def _new(args: argparse.Namespace, lang: str) -> int:
    from workshop_tui.core.model.refusal import refusal_text
    from workshop_tui.core.model.session import DEFAULT_MIN_ANSWERS
    from workshop_tui.core.storage.library import load_library
    from workshop_tui.core.storage.sessions import new_session, save_session, session_path

    if args.follows:
        return _follow_up(args, lang)
    title = args.title or _ask(t("cli.prompt.title", lang), lang, "--title")
    raw = args.participants or _ask(t("cli.prompt.participants", lang), lang, "--participants")
    from workshop_tui.core.model.people import parse_participants, parse_title
    from workshop_tui.core.model.refusal import Refused

    try:  # the app's form has the same rule
        title = parse_title(title)
    except Refused as refused:
        print(for_terminal(f"--title: {refusal_text(refused, lang)}"), file=sys.stderr)
        return 2
    try:  # the app's form has the same rule
        participants = parse_participants(raw)
    except Refused as refused:
        print(for_terminal(f"--participants: {refusal_text(refused, lang)}"), file=sys.stderr)
        return 2
    from workshop_tui.core.model.ids import valid_date

    if not valid_date(args.date):  # the loader's own check, so the new file opens again
        print(for_terminal(f"--date: {t('cli.error.date', lang, date=args.date)}"), file=sys.stderr)
        return 2
    library = load_library(args.exercises)
    ids: list[str] = list(args.exercise)
    if not ids:
        programme = library.programmes.get(args.programme) if args.programme else library.default_programme()
        if programme is None:
            print(for_terminal(t("cli.error.unknown_programme", lang, id=args.programme)), file=sys.stderr)
            _name_left_out(library, lang)
            return 2
        ids = list(programme.exercises)
    missing = [i for i in ids if i not in library.exercises]
    if missing:
        print(for_terminal(t("cli.error.unknown_exercise", lang, id=missing[0])), file=sys.stderr)
        _name_left_out(library, lang)
        return 2
    groups = [g.strip() for g in (args.groups or "").split(",") if g.strip()]
    try:
        session = new_session(
            title=title,
            date=args.date,
            exercises=[library.exercises[i] for i in ids],
            participants=participants,
            groups=groups,
            organisation=args.organisation,
            facilitator=args.facilitator,
            language=lang,
            min_answers=args.min_answers or DEFAULT_MIN_ANSWERS,
        )
    except ValueError as error:  # a text longer than a session file holds
        print(for_terminal(refusal_text(error, lang)), file=sys.stderr)
        return 2
    path = session_path(session)
    save_session(session, path)
    print(for_terminal(t("cli.new.created", lang, path=path)))
    return 0 if args.no_open else _run_app(args.explicit_lang, args.exercises, path, _voting(args))
