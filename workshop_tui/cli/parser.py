"""The ``workshop`` argument parser, with its help in the UI language.

Every start of the app parses its arguments, and most starts name no command (the list
of sessions) or one (``open``, ``demo``). So each sub-command's own arguments are added
only when that sub-command is parsed or its help is shown (``LazyParser``): the top-level
help still lists every command, and ``workshop open --help`` shows all of ``open``'s
options, but a plain start does not build the other eight parsers.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date as Date
from pathlib import Path
from typing import Any

from workshop_tui import __version__
from workshop_tui.core.i18n import LANGUAGES, t
from workshop_tui.export import commands as export_commands
from workshop_tui.voting.network import DEFAULT_PER_ADDRESS, DEFAULT_PORT, parse_host, parse_port

Build = Callable[[argparse.ArgumentParser, str], None]
"""Adds a sub-command's own arguments to its parser, in a language."""


class LazyParser(argparse.ArgumentParser):
    """A sub-command's parser whose arguments are added the first time it is used.

    argparse hands the rest of the command line to the chosen sub-command's parser with
    ``parse_known_args``, and help is printed through ``format_help``/``format_usage``:
    each of them adds the arguments first (once).
    """

    _build: tuple[Build, str] | None = None

    def defer(self, build: Build, lang: str) -> None:
        """Have ``build(self, lang)`` add the arguments when the parser is first used."""
        self._build = (build, lang)

    def _built(self) -> None:
        if self._build is not None:
            build, lang = self._build
            self._build = None
            build(self, lang)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._built()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._built()
        return super().format_help()

    def format_usage(self) -> str:
        self._built()
        return super().format_usage()


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The argument parser, with help in the UI language."""
    parser = argparse.ArgumentParser(prog="workshop", description=t("cli.description", lang))
    parser.add_argument(
        "--version", action="version", version=f"workshop-tui {__version__}", help=t("cli.help.version", lang)
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang", lang))
    parser.add_argument(
        "--exercises",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help=t("cli.help.exercises_dir", lang),
    )
    _add_voting_options(parser, lang, sub=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=LazyParser)

    def command(name: str, help_key: str, build: Build) -> None:
        made = sub.add_parser(name, help=t(help_key, lang))
        assert isinstance(made, LazyParser)
        made.defer(build, lang)

    command("demo", "cli.help.demo", _demo)
    command("new", "cli.help.new", _new)
    command("sessions", "cli.help.sessions", lambda parser, lang: None)
    command("exercises", "cli.help.exercises", _exercises)
    export_commands.register(sub, lang)
    command("open", "cli.help.open", _open)
    command("present", "present.cli.help", _present)
    return parser


def _demo(demo: argparse.ArgumentParser, lang: str) -> None:
    demo.add_argument("--no-open", action="store_true", help=t("cli.help.demo.no_open", lang))
    _add_voting_options(demo, lang, sub=True)


def _new(new: argparse.ArgumentParser, lang: str) -> None:
    new.add_argument("--title", help=t("cli.help.new.title", lang))
    new.add_argument("--participants", help=t("cli.help.new.participants", lang))
    new.add_argument("--groups", help=t("cli.help.new.groups", lang))
    new.add_argument("--date", default=Date.today().isoformat(), help=t("cli.help.new.date", lang))
    new.add_argument("--organisation", default="", help=t("cli.help.new.organisation", lang))
    new.add_argument("--facilitator", default="", help=t("cli.help.new.facilitator", lang))
    new.add_argument("--programme", help=t("cli.help.new.programme", lang))
    new.add_argument(
        "--exercise", action="append", default=[], metavar="ID", help=t("cli.help.new.exercise", lang)
    )
    new.add_argument("--no-open", action="store_true", help=t("cli.help.new.no_open", lang))
    new.add_argument("--follows", metavar="SESSION", help=t("series.cli.follows", lang))
    new.add_argument(
        "--min-answers",
        type=_min_answers(lang),
        default=None,
        metavar="N",
        help=t("trend.cli.min_answers", lang),
    )
    _add_voting_options(new, lang, sub=True)


def _exercises(exercises: argparse.ArgumentParser, lang: str) -> None:
    exercises.add_argument("--check", type=Path, metavar="PATH", help=t("cli.help.exercises.check", lang))


def _open(open_: argparse.ArgumentParser, lang: str) -> None:
    open_.add_argument("session")
    _add_voting_options(open_, lang, sub=True)


def _present(present: argparse.ArgumentParser, lang: str) -> None:
    present.add_argument("session", nargs="?", help=t("present.cli.session", lang))


def _add_voting_options(parser: argparse.ArgumentParser, lang: str, *, sub: bool) -> None:
    """--vote-host, --vote-port, --vote-max and --vote-per-address, before the command or after it."""
    # After a command, a missing option must not overwrite the one given before it.
    default: Any = argparse.SUPPRESS if sub else None

    def checked(parse: Callable[[str], object], name: str) -> Callable[[str], object]:
        """``parse``, with its refusal said in the CLI's language (``cli.bad.<name>``)."""

        def convert(text: str) -> object:
            try:
                return parse(text)
            except ValueError:
                raise argparse.ArgumentTypeError(t(f"cli.bad.{name}", lang, text=text)) from None

        return convert

    parser.add_argument(
        "--vote-host",
        type=checked(parse_host, "vote_host"),
        default=default,
        metavar="ADDRESS",
        help=t("cli.help.vote_host", lang),
    )
    parser.add_argument(
        "--vote-port",
        type=checked(parse_port, "vote_port"),
        default=default,
        metavar="PORT",
        help=t("cli.help.vote_port", lang, port=DEFAULT_PORT),
    )
    parser.add_argument(
        "--vote-max",
        type=checked(participant_count, "vote_max"),
        default=default,
        metavar="N",
        help=t("cli.help.vote_max", lang),
    )
    parser.add_argument(
        "--vote-per-address",
        type=checked(participant_count, "vote_per_address"),
        default=default,
        metavar="N",
        help=t("cli.help.vote_per_address", lang, n=DEFAULT_PER_ADDRESS),
    )


def _min_answers(lang: str) -> Callable[[str], int]:
    """``--min-answers``: a whole number from 1 to the model's highest minimum, refused in ``lang``."""

    def convert(text: str) -> int:
        from workshop_tui.core.model.session import MAX_MIN_ANSWERS  # only when the option is given

        if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_MIN_ANSWERS):
            raise argparse.ArgumentTypeError(t("trend.cli.bad_min", lang, text=text, max=MAX_MIN_ANSWERS))
        return int(text)

    return convert


def participant_count(text: str) -> int:
    """A number of participants from 1 to 500 (``--vote-max``, ``--vote-per-address``)."""
    count = int(text)
    if not 1 <= count <= 500:
        raise ValueError(f"{count}: use 1 to 500")
    return count
