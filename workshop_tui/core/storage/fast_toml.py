"""Parsing a session file's TOML faster than ``tomllib`` alone, with exactly its result or error.

``tomllib`` is pure Python and reads one character at a time. A file as the app writes it
is read here in one pass instead (``_simple``): a regular expression takes one statement at
a time (a table's header, ``key = value``, a text over several lines between triple quotes,
an array's line), and the rows of scores right after a header (``p1 = 4``, 16,000 of them in
a 400-person session) all at once, split rather than matched one by one. Anything of another
shape, or anything TOML might refuse, makes it give up.

Then the text is read in pieces: rows of scores (one table per item, ``[answers.x.scores.y]``
then ``p1 = 4`` lines) and every long text are taken out, the rest is parsed by the same
one-pass reader or, failing that, by ``tomllib``, and the pieces are put back:

- **rows of scores**: each table of exactly that shape (bare keys, whole numbers written
  plainly, ending where the next table starts) is taken out and put back after parsing.
- **texts**: each basic string of a value that holds no escape and no control character is
  parsed by the rest as a placeholder, and its text put back in its place. The placeholder
  is a whole number (``tomllib`` reads one with a single regular expression), counted up
  from a random 18-digit start (56 random bits: a number of the file's own falls in that
  range about once in 10^16 files). Each must be found once and only once, so such a
  number is noticed (and the file parsed by ``tomllib``) unless a placeholder was also
  lost, which takes a file ``tomllib`` refuses as well (``"text".5``).

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
from typing import Any

from workshop_tui.core.storage import toml_guard
from workshop_tui.core.storage.fast_toml_lines import _ESCAPE, _simple, _unescape

# tomllib is imported where it is called: a file the fast path reads whole never needs it, and
# importing it (with ``string`` and its expressions) cost ~3 ms of each export's start.

LONG_TEXT = 8
"""Shorter strings (with their quotes) are left to ``tomllib`` (a placeholder would not save time)."""

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'[^"\\\x00-\x1f\x7f]*'
"""A quoted key that means itself (``"kurs.pos.1"``: no escape, no control character)."""
_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{3,5}'  # multi-line basic string
    r'|(?P<unclosed>"""[\s\S]*)'  # one never closed (an error): to the end, not tried again inside
    r"|'''[\s\S]*?'{3,5}"  # multi-line literal string
    r'|"(?P<plain>[^"\\\x00-\x1f\x7f]*+)"'  # basic string without escape or control character
    r'|"(?:[^"\\\n]++|\\.)*+"'  # basic string
    r'|(?P<unclosed_line>"(?:[^"\\\n]++|\\.)*+)'  # one not closed on its line (an error): its line
    r"|'[^'\n]*'"  # literal string
    r"|#[^\n]*"  # comment
    rf"|\n\[answers\.(?:(?P<exercise>{_BARE})|\"(?P<quoted_exercise>{_QUOTED})\")"
    rf"\.scores\.(?:(?P<item>{_BARE})|\"(?P<quoted_item>{_QUOTED})\")\]\n"
    rf"(?P<rows>(?:{_BARE} = -?(?:0|[1-9][0-9]*)\n)*{_BARE} = -?(?:0|[1-9][0-9]*))(?=\n+(?:\[|\Z))"
)
"""Strings and comments (stepped over, or taken when long and plain), and tables of scores (from
the line break before their header, to the end of their last row: its line break is left for
the next header to start from). Every alternative starts with one character, so the
expression engine skips ahead to the next quote, ``#`` or line break instead of trying each
alternative at every character (half the instructions of the scan).

A string that is never closed is taken whole as well (and left to the parser, which reports it):
tried again from each quote inside it, ``k = "\\"\\"\\"…`` or ``\\\"""`` on line after line made the
scan quadratic (a 1 MB line of them took over two minutes)."""

_PLAIN = re.compile(r'(?:[^\\\x00-\x08\x0a-\x1f\x7f]++|\\[btnfr"\\])*+')
"""A basic string's text that reads plainly: no control character but tab, and no escape but
the one-letter ones (``\\"``, ``\\n``; a ``\\u`` or a backslash at a line's end is left to tomllib)."""
_PLAIN_MULTILINE = re.compile(r'(?:[^\\\x00-\x08\x0b-\x1f\x7f]++|\\[btnfr"\\])*+')
"""The same for a multi-line string (line breaks too)."""
_LINE_ENDS = re.compile(r"[ \t]*(?:#|\n|\Z)")
"""What may follow a text over several lines that is taken out: its line breaks are put after the
placeholder, so anything else on its closing line (``\"\"\"a = 1``, refused by TOML) would start a
line of its own and be read."""


class _Disagree(Exception):
    """The pieces and the rest cannot be put together as the TOML parser would."""


def loads(text: str) -> dict[str, Any]:
    """Parse a session file's TOML text: the same result (or error) as ``tomllib.loads``.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    # As tomllib reads it (``\r\n`` as ``\n``); a text without ``\r`` (a C scan) is not searched
    # for the pair again (``replace`` costs 40 times the scan when there is none).
    normal = text.replace("\r\n", "\n") if "\r" in text else text
    if "\r" in normal:
        # A carriage return left over is an error wherever it stands, but the pieces must not be
        # read from ``normal``: ``tomllib`` would replace again, and ``\r\r\n`` would pass.
        return _whole(text)
    text = normal
    data = _simple(text)  # a file as the app writes it: one pass
    if data is None:  # a line of another shape: every long text taken out, the rest to tomllib
        data = _read(text, first=10**17 + int.from_bytes(os.urandom(7)))
    return data


def _read(text: str, first: int) -> dict[str, Any]:
    """The text parsed with its rows of scores and long texts taken out (see the module docstring).

    Args:
        first: the first placeholder (see the module docstring).
    """
    tables: list[tuple[str, str, dict[str, int]]] = []
    texts: list[str] = []
    pieces: list[str] = []
    start = 0
    scan = "\n" + text  # a table of scores is found from the line break before it: the first line too
    for token in _TOKENS.finditer(scan):
        found = token.group(0)
        if len(found) < LONG_TEXT or found[0] in "#'" or token.lastgroup in ("unclosed", "unclosed_line"):
            continue  # a short string (an id), a comment, a literal string or an error: left to the parser
        rows = token.group("rows")
        if rows is not None:
            # Each line is ``key = number`` (the expression checked it): split, not matched again.
            cells = rows.replace(" = ", "\n").split("\n")
            parsed = dict(zip(cells[0::2], map(int, cells[1::2]), strict=True))
            if len(parsed) != rows.count("\n") + 1:
                return _whole(text)  # a key given twice: the parser says where
            exercise = token.group("exercise") or token.group("quoted_exercise")
            item = token.group("item")
            tables.append((exercise, token.group("quoted_item") if item is None else item, parsed))
            replacement = "\n" * found.count("\n")
        else:
            value = _plain_text(scan, token.start(), found)
            if value is None:
                continue
            replacement = f"{first + len(texts)}" + "\n" * found.count("\n")
            texts.append(value)
        pieces += [scan[start : token.start()], replacement]
        start = token.end()
    if not pieces:
        return _whole(text)
    pieces.append(scan[start:])
    try:
        rest = "".join(pieces)[1:]  # without the line break put first
        data = _simple(rest)
        if data is None:
            import tomllib

            try:
                data = toml_guard.loads(rest)  # (a key's parts are in ``rest`` as in ``text``)
            except tomllib.TOMLDecodeError:
                return toml_guard.loads(text)
        if texts:
            _put_texts(data, first, texts)
        _put_rows(data, tables)
    except _Disagree:
        return _whole(text)
    return data


def _whole(text: str) -> dict[str, Any]:
    """The whole text parsed by ``tomllib``: its result, or its error (``toml_guard``'s first)."""
    return toml_guard.loads(text)


def _plain_text(text: str, at: int, token: str) -> str | None:
    """The text of a basic string (not a short one) that is a value and reads plainly; else None."""
    # ``=`` and blanks right before it, looked at backwards from the string: searching from the
    # line's start (as an expression did) cost the whole line for each string on it, quadratic
    # for a line of a million quotes or of long strings in an array (38 s for 1 MB of quotes).
    before = at - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    if before < 0 or text[before] != "=":
        return None  # a key, or inside an array: left to the parser
    if token.startswith('"""'):
        if "\n" in token and not _LINE_ENDS.match(text, at + len(token)):
            return None
        value = token[3:-3]
        if not _PLAIN_MULTILINE.fullmatch(value):
            return None
        value = value.removeprefix("\n")  # a line break right after the quotes is not part of it
    else:
        value = token[1:-1]
        if not _PLAIN.fullmatch(value):
            return None
    return _ESCAPE.sub(_unescape, value) if "\\" in value else value


def _put_texts(data: Any, first: int, texts: list[str]) -> None:
    """Replace every placeholder in ``data`` (dicts and lists, changed in place) by its text.

    Raises:
        _Disagree: not every placeholder was found exactly once: a number of the file's own fell
            in their range, or a placeholder did not read as the number it is (``"text".5``
            is refused by TOML, while ``1….5`` would be a float).
    """
    end = first + len(texts)
    seen = bytearray(len(texts))
    pending = [data]
    while pending:
        node = pending.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(pairs):
            if type(value) is int:
                if first <= value < end:
                    if seen[value - first]:
                        raise _Disagree  # the same number twice: one is the file's own
                    seen[value - first] = 1
                    node[key] = texts[value - first]
            elif isinstance(value, dict | list):
                pending.append(value)
    if not all(seen):
        raise _Disagree


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
