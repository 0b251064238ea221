"""Text handed to ``tomllib`` is first checked for keys of very many dotted parts.

``tomllib`` builds a dotted key one part at a time (``key += (part,)``), so its time grows with
the square of the number of parts: 8,000 parts (``a.a.….b = 1``) took 0.84 s and a 1 MB header
``[a.a.….b]`` took minutes. A file mailed in, or copied into the data folder, would then hang
``workshop sessions``, an export or the home screen. No file of the app has a key of more than a
few parts, so a key or a table's header of more than ``MAX_KEY_PARTS`` is refused as a problem of
the file, with its line, before ``tomllib`` sees it.

The check runs only where text reaches ``tomllib`` (the fast readers never build such keys one
part at a time); a text with fewer dots than that is not scanned at all (``str.count``), so
settings, rolls and most headers pass for the cost of one count.

A file's bytes become text here too (``file_text``): one rule for every TOML file the app
reads (sessions, exercises, programmes, rolls, settings, the headers the list reads).
"""

from __future__ import annotations

import re
from typing import Any

MAX_KEY_PARTS = 100
"""More parts than this in one key or header is refused (the app writes at most four)."""

_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{3,5}'  # multi-line basic string
    r'|"""[\s\S]*'  # one never closed (an error): to the end, not tried again inside
    r"|'''[\s\S]*?'{3,5}"  # multi-line literal string
    r"|'''[\s\S]*"  # one never closed
    r'|"(?:[^"\\\n]++|\\.)*+"?'  # basic string (or one not closed on its line)
    r"|'[^'\n]*'?"  # literal string
    r"|#[^\n]*"  # comment
    rf"|(?P<chain>\.[ \t]*+{_PART}(?:[ \t]*+\.[ \t]*+{_PART})*+)"  # a key's dotted rest: '.b.c', '. "d"'
)
"""Strings and comments are stepped over whole (a sentence's dots are no key's), each chain of
dotted parts is taken whole (possessive: never tried again from a dot inside it, so linear).
Every alternative starts with one character (a quote, ``#`` or a dot), so the expression engine
skips ahead to the next of them instead of trying each alternative at every character."""
_ONE = re.compile(rf"[ \t]*\.[ \t]*{_PART}")


BOM = "\ufeff"
"""The byte-order mark Windows Notepad (and other editors) write at the start of a UTF-8 file."""


def file_text(raw: bytes) -> str:
    """A TOML file's bytes as its text: UTF-8, without a byte-order mark at its start.

    TOML allows none, and ``tomllib`` refused one on the first line: a roll opened and saved in
    Notepad was set aside as damaged (its phones lost their places), the settings fell back to
    the defaults and were overwritten at the next change. Every reader decodes through this
    (``tomlio.read_toml``, which the roll, the settings, sessions, exercises and programmes go
    through, and ``headers`` for the list's quick reads).

    Raises:
        UnicodeDecodeError: the bytes are not UTF-8.
    """
    return raw.decode("utf-8").removeprefix(BOM)


class KeyTooLong(ValueError):
    """A key or a table's header has more than ``MAX_KEY_PARTS`` dotted parts.

    A ``ValueError`` as ``tomllib``'s own error is, so every reader that takes a file it cannot
    parse as broken takes this one too.
    """

    def __init__(self, line: int, parts: int) -> None:
        super().__init__(f"a key of {parts} dotted parts (at line {line})")
        self.line = line
        self.parts = parts


def check(text: str) -> None:
    """Raise ``KeyTooLong`` if a key or header of ``text`` has more than ``MAX_KEY_PARTS`` parts."""
    if text.count(".") < MAX_KEY_PARTS:  # each part after the first follows a dot
        return
    for token in _TOKENS.finditer(text):
        chain = token.group("chain")
        if chain is None or len(chain) < 2 * MAX_KEY_PARTS:  # each part takes a dot and a character
            continue
        parts = len(_ONE.findall(chain)) + 1
        if parts > MAX_KEY_PARTS:
            raise KeyTooLong(text.count("\n", 0, token.start()) + 1, parts)


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads`` of a text checked first (see ``check``).

    Raises:
        KeyTooLong: a key or header of too many parts.
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    check(text)
    import tomllib  # here: a file the fast path reads whole never needs it

    return tomllib.loads(text)
