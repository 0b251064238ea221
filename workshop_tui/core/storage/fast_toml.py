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

# tomllib is imported where it is called: a file the fast path reads whole never needs it, and
# importing it (with ``string`` and its expressions) cost ~3 ms of each export's start.

LONG_TEXT = 8
"""Shorter strings (with their quotes) are left to ``tomllib`` (a placeholder would not save time)."""

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'[^"\\\x00-\x1f\x7f]*'
"""A quoted key that means itself (``"kurs.pos.1"``: no escape, no control character)."""
_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{3,5}'  # multi-line basic string
    r"|'''[\s\S]*?'{3,5}"  # multi-line literal string
    r'|"(?P<plain>[^"\\\x00-\x1f\x7f]*+)"'  # basic string without escape or control character
    r'|"(?:[^"\\\n]++|\\.)*+"'  # basic string
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
alternative at every character (half the instructions of the scan)."""

_PLAIN = re.compile(r'(?:[^\\\x00-\x08\x0a-\x1f\x7f]++|\\[btnfr"\\])*+')
"""A basic string's text that reads plainly: no control character but tab, and no escape but
the one-letter ones (``\\"``, ``\\n``; a ``\\u`` or a backslash at a line's end is left to tomllib)."""
_PLAIN_MULTILINE = re.compile(r'(?:[^\\\x00-\x08\x0b-\x1f\x7f]++|\\[btnfr"\\])*+')
"""The same for a multi-line string (line breaks too)."""
_ESCAPE = re.compile(r'\\([btnfr"\\])')
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
"""What each one-letter escape stands for (TOML's table)."""
_VALUE_BEFORE = re.compile(r"=[ \t]*\Z")


class _Disagree(Exception):
    """The pieces and the rest cannot be put together as the TOML parser would."""


def loads(text: str) -> dict[str, Any]:
    """Parse a session file's TOML text: the same result (or error) as ``tomllib.loads``.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    text = text.replace("\r\n", "\n")  # as tomllib reads it
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
        if len(found) < LONG_TEXT or found[0] in "#'":
            continue  # a short string (an id), a comment or a literal string: left to the rest's parser
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
                data = tomllib.loads(rest)
            except tomllib.TOMLDecodeError:
                return tomllib.loads(text)
        if texts:
            _put_texts(data, first, texts)
        _put_rows(data, tables)
    except _Disagree:
        return _whole(text)
    return data


def _whole(text: str) -> dict[str, Any]:
    """The whole text parsed by ``tomllib``: its result, or its error."""
    import tomllib

    return tomllib.loads(text)


def _plain_text(text: str, at: int, token: str) -> str | None:
    """The text of a basic string (not a short one) that is a value and reads plainly; else None."""
    line_start = text.rfind("\n", 0, at) + 1
    if not _VALUE_BEFORE.search(text, line_start, at):
        return None  # a key, or inside an array: left to the parser
    if token.startswith('"""'):
        value = token[3:-3]
        if not _PLAIN_MULTILINE.fullmatch(value):
            return None
        value = value.removeprefix("\n")  # a line break right after the quotes is not part of it
    else:
        value = token[1:-1]
        if not _PLAIN.fullmatch(value):
            return None
    return _ESCAPE.sub(_unescape, value) if "\\" in value else value


def _unescape(match: re.Match[str]) -> str:
    return _ESCAPED[match.group(1)]


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


# A session file as the app writes it is nearly all lines of a few shapes: table headers,
# ``key = value`` with a number, a boolean or a text (one line, or several between triple
# quotes, with at most one-letter escapes), rows of scores, and arrays of short strings or of
# one-line inline tables (the participants). ``_simple`` reads exactly those in one pass, with
# TOML's rules on what may be defined where, and gives up (None) at the first line of another
# shape or anything TOML might refuse, so that any error, and any value it does not know, is
# tomllib's (``loads`` then takes the texts and rows out and reads the rest again).

_KEY = r'(?:[A-Za-z0-9_-]+|"[^"\\\x00-\x1f\x7f]*")'
_SCALAR = r'(?:-?(?:0|[1-9][0-9]*)|true|false|"[^"\\\x00-\x1f\x7f]*")'
_SEP = r"[ \t]*(?:,[ \t]*(?![}\]])|(?=[}\]]))"
"""After an element: a comma (not before the end; an array may end with one) or the end."""
_FLAT = rf"\{{[ \t]*(?:{_KEY}[ \t]*=[ \t]*{_SCALAR}{_SEP})*\}}"
_VALUE = rf"(?:{_SCALAR}|{_FLAT})"
_INLINE = re.compile(rf"\{{[ \t]*(?:{_KEY}[ \t]*=[ \t]*{_VALUE}{_SEP})*\}}")
"""An inline table of numbers, short strings, booleans and inline tables of those."""
_LINE = re.compile(
    rf"[ \t]*(?:"
    rf"(?P<key>{_KEY})[ \t]*=[ \t]*(?:(?P<scalar>{_SCALAR})"
    r'|"(?P<escaped>(?:[^"\\\x00-\x08\x0a-\x1f\x7f]++|\\[btnfr"\\])*+)"'
    r'|"""(?P<multi>(?:[^"\\\x00-\x08\x0b-\x1f\x7f]++|\\[btnfr"\\]|"(?!""))*+)"""(?P<quotes>"{0,2})'
    r"|(?P<inline>{.*})"
    rf"|(?P<array>\[[ \t]*(?:{_SCALAR}[ \t]*(?:,[ \t]*|(?=\])))*\])|(?P<open>\[))"
    rf"|\[(?P<table>{_KEY}(?:\.{_KEY})*)\]|\[\[(?P<tables>{_KEY}(?:\.{_KEY})*)\]\]"
    rf"|(?P<element>{_SCALAR}|{{.*}})[ \t]*,|(?P<close>\])|(?P<comment>#[^\x00-\x08\x0a-\x1f\x7f]*)"
    rf")?[ \t]*(?:\n|\Z)(?:[ \t]*\n)*"
)
"""One statement of the simple shapes, with its line break and the blank lines after it (an
inline table's inside is checked by ``_INLINE``; a text in triple quotes runs over several
lines). A text that
holds no backslash is read as it is; with one-letter escapes it is unescaped (``_ESCAPE``);
any other escape, a control character or a backslash at a line's end is left to tomllib."""
_ROWS = re.compile(r"(?:[A-Za-z0-9_-]+ = -?(?:0|[1-9][0-9]*)\n+)+")
"""Rows of whole numbers right after a table's header (the scores of an item: 400 of them in
a large session), read at once with ``split`` instead of a statement at a time."""
_SMALL = {str(number): number for number in range(-100, 101)}
"""Whole numbers as ``_ROWS`` finds them written (``-0`` is not one of these: ``int`` reads it)."""
_STRINGS = re.compile(
    r'\{ (?:[A-Za-z0-9_-]+ = "[^"\\\x00-\x1f\x7f]*", )*[A-Za-z0-9_-]+ = "[^"\\\x00-\x1f\x7f]*" \}'
)
"""An inline table of short strings under bare keys, as the app writes a participant or a group."""
_STRING_PAIR = re.compile(r'([A-Za-z0-9_-]+) = "([^"\\\x00-\x1f\x7f]*)"')
_PART = re.compile(_KEY)
_PAIR = re.compile(rf"({_KEY})[ \t]*=[ \t]*({_VALUE})")
_ELEMENT = re.compile(_SCALAR)


def _scalar(text: str) -> object:
    if text[0] == '"':
        return text[1:-1]
    if text in ("true", "false"):
        return text == "true"
    return int(text)


def _name(part: str) -> str:
    return part[1:-1] if part[0] == '"' else part


def _inline(text: str, fixed: set[int], *, checked: bool = False) -> dict[str, object] | None:
    """An inline table (and the one it may hold), each noted in ``fixed``; None if it is not one
    of the simple shapes, or names a key twice."""
    if not checked and _STRINGS.fullmatch(text):  # (each pair found ends at its closing quote)
        pairs = _STRING_PAIR.findall(text)
        strings: dict[str, object] = dict(pairs)
        if len(strings) != len(pairs):
            return None
        fixed.add(id(strings))
        return strings
    if not checked and not _INLINE.fullmatch(text):
        return None
    table: dict[str, object] = {}
    for key, value in _PAIR.findall(text[1:-1]):
        if _name(key) in table:
            return None
        inner = _inline(value, fixed, checked=True) if value[0] == "{" else _scalar(value)
        if inner is None:
            return None
        table[_name(key)] = inner
    fixed.add(id(table))
    return table


def _rows(text: str, at: int, table: dict[str, Any]) -> int:
    """Where the rows of whole numbers at ``at`` end, once put in ``table``; ``at`` when there
    are none, or they cannot be put in at once (a key given twice: the statements say so)."""
    rows = _ROWS.match(text, at)
    if rows is None:
        return at
    cells = rows.group().split()  # key, "=", number, key, "=", number, …
    keys = cells[0::3]
    try:  # a score is a small number: looked up (a third of the time of ``int`` on each)
        parsed = dict(zip(keys, map(_SMALL.__getitem__, cells[2::3]), strict=True))
    except KeyError:
        parsed = dict(zip(keys, map(int, cells[2::3]), strict=True))
    if len(parsed) != len(keys) or (table and not table.keys().isdisjoint(parsed)):
        return at
    table.update(parsed)
    return rows.end()


def _simple(text: str) -> dict[str, Any] | None:
    """``text`` parsed as tomllib would, if every statement has one of the simple shapes; else None."""
    root: dict[str, Any] = {}
    table = root
    defined: set[int] = set()  # tables given by a header (once each)
    arrays: set[int] = set()  # arrays of tables ([[...]]), the only arrays a header may enter
    fixed: set[int] = set()  # inline tables and their arrays: nothing may be added to them
    array: list[object] | None = None  # a multi-line array being read
    at, end = 0, len(text)
    match_line = _LINE.match
    while at < end:
        match = match_line(text, at)
        if match is None:
            return None
        at = match.end()
        if array is not None:
            if match.group("close") is not None:
                array = None
            elif (element := match.group("element")) is not None:
                if element[0] == "{":
                    inline = _inline(element, fixed)
                    if inline is None:
                        return None
                    array.append(inline)
                else:
                    array.append(_scalar(element))
            elif match.group(0).strip():
                return None
            continue
        key, scalar = match.group("key", "scalar")  # (one call: this loop is most of the read)
        if key is not None:
            name = key[1:-1] if key[0] == '"' else key
            if name in table:
                return None
            if scalar is not None:
                table[name] = scalar[1:-1] if scalar[0] == '"' else _scalar(scalar)
                continue
            escaped, multi = match.group("escaped", "multi")
            if escaped is not None:
                table[name] = _ESCAPE.sub(_unescape, escaped) if "\\" in escaped else escaped
            elif multi is not None:
                value = multi.removeprefix("\n") + match.group("quotes")
                table[name] = _ESCAPE.sub(_unescape, value) if "\\" in value else value
            elif (inline_text := match.group("inline")) is not None:
                inline = _inline(inline_text, fixed)
                if inline is None:
                    return None
                table[name] = inline
            elif (array_text := match.group("array")) is not None:
                table[name] = [_scalar(e) for e in _ELEMENT.findall(array_text)]
            else:
                array = table[name] = []
            continue
        one, many = match.group("table", "tables")
        header = one or many
        if header is None:
            if match.group("element") is not None or match.group("close") is not None:
                return None
            continue  # a blank line or a comment
        if '"' in header:
            *parents, last = [_name(p) for p in _PART.findall(header)]
        else:  # bare keys only: the dots part them
            *parents, last = header.split(".")
        node: Any = root
        for part in parents:
            node = node.setdefault(part, {})
            if isinstance(node, list) and id(node) in arrays:
                node = node[-1]
            if not isinstance(node, dict) or id(node) in fixed:
                return None
        if one is not None:
            table = node.setdefault(last, {})
            if not isinstance(table, dict) or id(table) in defined or id(table) in fixed:
                return None
            defined.add(id(table))
        else:
            tables = node.get(last)
            if tables is None:
                tables = node[last] = []
                arrays.add(id(tables))
            elif id(tables) not in arrays:  # a table, a value, or an array written as one
                return None
            table = {}
            tables.append(table)
        at = _rows(text, at, table)
    return None if array is not None else root
