"""Reading a session file's rows of scores without the TOML parser, where they are plain.

Most of a large session file is rows of scores, one table per item, as the app writes them::

    [answers.kkc-indicators.scores.trust]
    p1 = 4
    p2 = 5

``tomllib`` (pure Python) spends most of the time of opening or exporting a 400-person
session on those lines (about 10 µs per line); a regular expression reads them about
ten times faster. ``loads`` takes out each table of exactly that shape (bare keys, whole
numbers written plainly, ending where the next table starts), lets ``tomllib`` parse the
rest, and puts the rows back. A table is only taken where the TOML parser would see a
table: strings and comments are stepped over whole (a text answer may hold a line that
looks like a table), and its lines are replaced by empty ones, so an error in the rest is
reported on the same line. Whenever the two could disagree (the same table or key twice,
``scores`` written another way as well, anything the rest's parser refuses) the whole
text is parsed by ``tomllib`` instead, which gives the result or the error it always gave.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

_BARE = r"[A-Za-z0-9_-]+"
_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{3,5}'  # multi-line basic string
    r"|'''[\s\S]*?'{3,5}"  # multi-line literal string
    r'|"(?:[^"\\\n]++|\\.)*+"'  # basic string
    r"|'[^'\n]*'"  # literal string
    r"|#[^\n]*"  # comment
    rf"|(?m:^\[answers\.(?P<exercise>{_BARE})\.scores\.(?P<item>{_BARE})\]\n"
    rf"(?P<rows>(?:{_BARE} = -?(?:0|[1-9][0-9]*)\n)+)(?=\n*(?:\[|\Z)))"
)
"""Strings and comments (stepped over), and the tables of scores of the plain shape."""
_ROW = re.compile(rf"({_BARE}) = (-?[0-9]+)\n")


class _Disagree(Exception):
    """The rows and the rest cannot be put together as the TOML parser would."""


def loads(text: str) -> dict[str, Any]:
    """Parse a session file's TOML text: the same result (or error) as ``tomllib.loads``.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    if "scores." not in text:
        return tomllib.loads(text)
    tables: list[tuple[str, str, dict[str, int]]] = []
    pieces: list[str] = []
    start = 0
    for token in _TOKENS.finditer(text):
        rows = token.group("rows")
        if rows is None:
            continue
        pieces += [text[start : token.start()], "\n" * token.group(0).count("\n")]
        start = token.end()
        found = {key: int(value) for key, value in _ROW.findall(rows)}
        if len(found) != rows.count("\n"):
            return tomllib.loads(text)  # a key given twice: the parser says where
        tables.append((token.group("exercise"), token.group("item"), found))
    if not tables:
        return tomllib.loads(text)
    pieces.append(text[start:])
    try:
        data = tomllib.loads("".join(pieces))
        _put_back(data, tables)
    except (tomllib.TOMLDecodeError, _Disagree):
        return tomllib.loads(text)
    return data


def _put_back(data: dict[str, Any], tables: list[tuple[str, str, dict[str, int]]]) -> None:
    """Put the rows into ``data`` as the tables would have; ``_Disagree`` where they could not be."""
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
