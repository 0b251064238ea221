"""argparse's own words ("usage:", "options:", its error messages) in the CLI's language.

argparse writes its headings and errors in English through ``gettext``. While the
``workshop`` parser is built and used, ``argparse_in(lang)`` has argparse look its
words up here instead, so ``workshop --help`` in Danish is Danish all through.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ARGPARSE_DA: dict[str, str] = {
    "usage: ": "brug: ",
    "options": "tilvalg",
    "positional arguments": "argumenter",
    "show this help message and exit": "vis denne hjælp og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan være %(matches)s"
    ),
    "expected at least one argument": "forventede mindst én værdi",
    "expected at most one argument": "forventede højst én værdi",
    "expected one argument": "forventede én værdi",
    "ignored explicit argument %r": "ignorerede værdien %r",
    "invalid %(type)s value: %(value)r": "ugyldig %(type)s-værdi: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af tilvalgene %s skal angives",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "unexpected option string: %s": "uventet tilvalg: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan ikke åbne '%(filename)s': %(error)s",
    "expected %s argument": "forventede %s værdi",
    "expected %s arguments": "forventede %s værdier",
}
"""argparse's English message -> Danish (the English is argparse's own)."""

VERSION_HELP = {"da": "vis versionen og afslut", "en": "show program's version number and exit"}


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """While inside, argparse speaks ``lang`` (English is argparse's own)."""
    if lang != "da":
        yield
        return
    module = vars(argparse)
    saved: tuple[Callable[..., str], Callable[..., str]] = (module["_"], module["ngettext"])

    def danish(message: str) -> str:
        return ARGPARSE_DA.get(message, message)

    def danish_n(singular: str, plural: str, n: int) -> str:
        return danish(singular if n == 1 else plural)

    module["_"], module["ngettext"] = danish, danish_n
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
