"""argparse's own words ("usage:", "options:", its error messages) in the CLI's language.

argparse writes its headings and errors in English through ``gettext``. While the
``workshop`` parser is built and used, ``argparse_in(lang)`` has argparse look its
words up in the catalogue's ``argparse`` section (keyed by argparse's English), so
``workshop --help`` in Danish is Danish all through.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from workshop_tui.core.i18n import find

DYNAMIC_KEYS: dict[str, tuple[str, ...]] = {
    # Keys this shell builds from a value (``t(f"cli.…{value}", …)``): the prefix and every
    # ending it can take, so tests/unit/test_catalogue.py can check each one exists.
    "cli.bad.": ("vote_host", "vote_port", "vote_max", "vote_per_address"),
}
"""Key prefix -> the endings this shell's code may put after it (each shell declares its own)."""


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """While inside, argparse speaks ``lang`` (English is argparse's own)."""
    if lang != "da":
        yield
        return
    module = vars(argparse)
    saved: tuple[Callable[..., str], Callable[..., str]] = (module["_"], module["ngettext"])

    def danish(message: str) -> str:
        return find(f"argparse.{message}", lang) or message

    def danish_n(singular: str, plural: str, n: int) -> str:
        return danish(singular if n == 1 else plural)

    module["_"], module["ngettext"] = danish, danish_n
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
