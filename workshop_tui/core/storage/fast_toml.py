"""Parsing a session file's TOML faster than ``tomllib`` alone, with exactly its result or error.

``tomllib`` is pure Python. Two things take most of its time on a large session, and
both are read here with regular expressions instead:

- **rows of scores**, one table per item as the app writes them (``[answers.x.scores.y]``
  then ``p1 = 4`` lines), about 10 µs per line in ``tomllib``: a 400-person session has
  16,000 of them. Each table of exactly that shape (bare keys, whole numbers written
  plainly, ending where the next table starts) is taken out and put back after parsing.
- **long texts** (answers, exercise texts), which ``tomllib`` reads one character at a
  time: each basic string of a value that holds no escape and no control character is
  parsed by the rest as a short placeholder, and its text put back in its place.

Only what the TOML parser would see as such is taken: strings and comments are stepped
over whole (a text may hold a line that looks like a table), and what is taken out is
replaced by as many line breaks, so an error in the rest is reported on its own line.
Whenever the two could disagree (the same table or key twice, ``scores`` written another
way as well, anything the rest's parser refuses) the whole text is parsed by ``tomllib``
instead, which gives the result or the error it always gave.
"""

from __future__ import annotations

import os
import re
import tomllib
from typing import Any

LONG_TEXT = 64
"""Shorter strings are left to ``tomllib`` (a placeholder would not save time)."""

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'[^"\\\x00-\x1f\x7f]*'
"""A quoted key that means itself (``"kurs.pos.1"``: no escape, no control character)."""
_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{3,5}'  # multi-line basic string
    r"|'''[\s\S]*?'{3,5}"  # multi-line literal string
    r'|"(?:[^"\\\n]++|\\.)*+"'  # basic string
    r"|'[^'\n]*'"  # literal string
    r"|#[^\n]*"  # comment
    rf"|(?m:^\[answers\.(?:(?P<exercise>{_BARE})|\"(?P<quoted_exercise>{_QUOTED})\")"
    rf"\.scores\.(?:(?P<item>{_BARE})|\"(?P<quoted_item>{_QUOTED})\")\]\n"
    rf"(?P<rows>(?:{_BARE} = -?(?:0|[1-9][0-9]*)\n)+)(?=\n*(?:\[|\Z)))"
)
"""Strings and comments (stepped over, or taken when long and plain), and tables of scores."""
_ROW = re.compile(rf"({_BARE}) = (-?[0-9]+)\n")
_PLAIN = re.compile(r"[^\\\x00-\x08\x0a-\x1f\x7f]*")
"""A basic string's text that means itself: no escape, no control character but tab."""
_PLAIN_MULTILINE = re.compile(r"[^\\\x00-\x08\x0b-\x1f\x7f]*")
"""The same for a multi-line string (line breaks too)."""
_VALUE_BEFORE = re.compile(r"=[ \t]*\Z")


class _Disagree(Exception):
    """The pieces and the rest cannot be put together as the TOML parser would."""


def loads(text: str) -> dict[str, Any]:
    """Parse a session file's TOML text: the same result (or error) as ``tomllib.loads``.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    text = text.replace("\r\n", "\n")  # as tomllib reads it
    tables: list[tuple[str, str, dict[str, int]]] = []
    texts: list[str] = []
    marker = f"\ue000{os.urandom(8).hex()}:"
    """Placeholders start with it: no text in the file can be one by chance."""
    pieces: list[str] = []
    start = 0
    for token in _TOKENS.finditer(text):
        found = token.group(0)
        rows = token.group("rows")
        if rows is not None:
            parsed = {key: int(value) for key, value in _ROW.findall(rows)}
            if len(parsed) != rows.count("\n"):
                return tomllib.loads(text)  # a key given twice: the parser says where
            exercise = token.group("exercise") or token.group("quoted_exercise")
            item = token.group("item")
            tables.append((exercise, token.group("quoted_item") if item is None else item, parsed))
            replacement = "\n" * found.count("\n")
        else:
            value = _plain_text(text, token.start(), found)
            if value is None:
                continue
            replacement = f'"{marker}{len(texts)}"' + "\n" * found.count("\n")
            texts.append(value)
        pieces += [text[start : token.start()], replacement]
        start = token.end()
    if not pieces:
        return tomllib.loads(text)
    pieces.append(text[start:])
    try:
        data = tomllib.loads("".join(pieces))
        if texts:
            _put_texts(data, marker, texts)
        _put_rows(data, tables)
    except (tomllib.TOMLDecodeError, _Disagree):
        return tomllib.loads(text)
    return data


def _plain_text(text: str, at: int, token: str) -> str | None:
    """The text of a long basic string that is a value and means itself; else None."""
    if len(token) < LONG_TEXT or token[0] != '"':
        return None
    line_start = text.rfind("\n", 0, at) + 1
    if not _VALUE_BEFORE.search(text, line_start, at):
        return None  # a key, or inside an array: left to the parser
    if token.startswith('"""'):
        value = token[3:-3]
        if not _PLAIN_MULTILINE.fullmatch(value):
            return None
        return value.removeprefix("\n")  # a line break right after the quotes is not part of it
    value = token[1:-1]
    return value if _PLAIN.fullmatch(value) else None


def _put_texts(data: Any, marker: str, texts: list[str]) -> None:
    """Replace every placeholder in ``data`` (dicts and lists, changed in place) by its text."""
    pending = [data]
    while pending:
        node = pending.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(pairs):
            if isinstance(value, str):
                if value.startswith(marker):
                    node[key] = texts[int(value[len(marker) :])]
            elif isinstance(value, dict | list):
                pending.append(value)


def _put_rows(data: dict[str, Any], tables: list[tuple[str, str, dict[str, int]]]) -> None:
    """Put the rows into ``data`` as the tables would have; ``_Disagree`` where they could not be."""
    if not tables:
        return
    answers = data.setdefault("answers", {})
    if not isinstance(answers, dict):
        raise _Disagree
    made: set[str] = set()
    for exercise, item, rows in tables:
        table = answers.setdefault(exercise, {})
        if not isinstance(table, dict):
            raise _Disagree
        if exercise not in made:
            if "scores" in table:  # written another way too (inline, dotted or its own header)
                raise _Disagree
            table["scores"] = {}
            made.add(exercise)
        scores = table["scores"]
        if item in scores:  # the same table twice
            raise _Disagree
        scores[item] = rows
