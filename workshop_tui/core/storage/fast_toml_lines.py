"""The line reader of ``fast_toml``: a session file as the app writes it, read in one pass.

Split from ``fast_toml`` (which tries it first, and falls back to taking texts and rows out,
then to ``tomllib``); its own tests reach it through ``fast_toml._simple``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_ESCAPE = re.compile(r'\\([btnfr"\\])')
_ESCAPED = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
"""What each one-letter escape stands for (TOML's table)."""


def _unescape(match: re.Match[str]) -> str:
    return _ESCAPED[match.group(1)]


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
_LINE_SOURCE = (
    rf"[ \t]*(?:"
    rf"(?P<key>{_KEY})[ \t]*=[ \t]*(?:(?P<scalar>{_SCALAR})"
    r'|"(?P<escaped>(?:[^"\\\x00-\x08\x0a-\x1f\x7f]++|\\[btnfr"\\])*+)"'
    r"(?#later)"
    r'|"""(?P<multi>(?:[^"\\\x00-\x08\x0b-\x1f\x7f]++|\\[btnfr"\\]|"(?!""))*+)"""(?P<quotes>"{0,2})'
    r"|(?P<inline>{.*})"
    rf"|(?P<array>\[[ \t]*(?:{_SCALAR}[ \t]*(?:,[ \t]*|(?=\])))*\])|(?P<open>\[))"
    rf"|\[(?P<table>{_KEY}(?:\.{_KEY})*)\]|\[\[(?P<tables>{_KEY}(?:\.{_KEY})*)\]\]"
    rf"|(?P<element>{_SCALAR}|{{.*}})[ \t]*,|(?P<close>\])|(?P<comment>#[^\x00-\x08\x0a-\x1f\x7f]*)"
    rf")?[ \t]*(?:\n|\Z)(?:[ \t\n]*\n)?"
)
_LINE = re.compile(_LINE_SOURCE.replace("(?#later)", r'|(?P<later>""")(?=\n)'))
"""One statement of the simple shapes, with its line break and the blank lines after it (an
inline table's inside is checked by ``_INLINE``; a text in triple quotes runs over several
lines). A text that
holds no backslash is read as it is; with one-letter escapes it is unescaped (``_ESCAPE``);
any other escape, a control character or a backslash at a line's end is left to tomllib.

The blank lines after a statement are taken as one run of blanks and line breaks up to the last
line break (``[ \t\n]*\n``), the same end as a line at a time (``(?:[ \t]*\n)*``) but a single
step of the engine per character: the copies of built-in exercises ``known_exercises`` takes out
leave their line breaks (some 6,900 in a 90-exercise file, after one header), and a group
repeated per line cost ~1.3 ms there.

A text in triple quotes that starts a line (``later``) is read by ``_later_text``; ``_line_whole``,
without that shape, reads the ones it leaves."""
_TRIPLE = '"""'
_AFTER_TEXT = re.compile(r'("{0,2})[ \t]*(?:\n|\Z)(?:[ \t\n]*\n)?')
"""After a text's closing quotes, as ``_LINE`` reads it: up to two more quotes (the text's own)."""
_PLAIN = bytes(0 if byte < 0x09 or 0x0B <= byte < 0x20 or byte in (0x5C, 0x7F) else 1 for byte in range(256))
"""0 for what ``_later_text`` leaves to ``_line_whole`` (a backslash or a control character), else 1."""
_ROWS = re.compile(r"(?:[A-Za-z0-9_-]+ = -?(?:0|[1-9][0-9]*)\n+)+")
"""Rows of whole numbers right after a table's header (the scores of an item: 400 of them in
a large session), read at once with ``split`` instead of a statement at a time."""
_FIRST_ROW = re.compile(r"[A-Za-z0-9_-]+ = -?[0-9]")
"""How rows of whole numbers start (after any other header ``_rows`` looks no further)."""
_NEXT_HEADER = "\n["
"""Where the rows end at the latest (a name, not a literal in ``find``: the catalogue's test reads
``find("x.")`` as a catalogue key built from a prefix)."""
_KEYS = re.compile(r"[A-Za-z0-9_-]+")
"""The keys of rows, joined (``_whole_rows``)."""
_NUMBERS = re.compile(r"(?:-?(?:0|[1-9][0-9]*) )*-?(?:0|[1-9][0-9]*)")
"""The numbers of rows, joined by a space (``_whole_rows``): each as ``_ROWS`` reads one."""
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


@cache
def _line_whole() -> re.Pattern[str]:
    """``_LINE`` without ``later``: compiled only for a text ``_later_text`` leaves (~7 M instructions)."""
    return re.compile(_LINE_SOURCE)


def _later_text(text: str, opening: int) -> tuple[str, int] | None:
    """The text in triple quotes opened at ``opening`` (a line break follows) and where its line ends,
    when it holds no backslash and no control character; else None (``_line_whole`` reads it).

    Why: matched by ``_LINE`` a character at a time, the written answers of a 90-exercise session
    (~200 kB in triple quotes) cost ~40 instructions a character; here its end is found by
    ``str.find`` and its characters checked by one search for what it may not hold. With no
    backslash, the first three quotes end it, as they end ``_LINE``'s ``multi``.
    """
    close = text.find(_TRIPLE, opening)
    if close < 0:
        return None
    after = _AFTER_TEXT.match(text, close + 3)
    if after is None:
        return None
    value = text[opening + 1 : close]
    try:  # (a copy of its bytes when every character is below 256, as in Danish)
        encoded = value.encode("latin-1")
    except UnicodeEncodeError:  # what it may not hold is below 128: in UTF-8 it stands alone
        encoded = value.encode("utf-8", "surrogatepass")
    if 0 in encoded.translate(_PLAIN):
        return None
    return value + after.group(1), after.end()


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
    if _FIRST_ROW.match(text, at) is None:
        return at
    cells, end = _whole_rows(text, at)
    if end < 0:
        rows = _ROWS.match(text, at)
        if rows is None:
            return at
        cells, end = rows.group().split(), rows.end()  # key, "=", number, key, "=", number, …
    keys = cells[0::3]
    try:  # a score is a small number: looked up (a third of the time of ``int`` on each)
        parsed = dict(zip(keys, map(_SMALL.__getitem__, cells[2::3]), strict=True))
    except KeyError:
        if not _NUMBERS.fullmatch(" ".join(cells[2::3])):  # (``_ROWS`` checked its own)
            return _rows_matched(text, at, table)
        parsed = dict(zip(keys, map(int, cells[2::3]), strict=True))
    if len(parsed) != len(keys) or (table and not table.keys().isdisjoint(parsed)):
        return at
    table.update(parsed)
    return end


def _rows_matched(text: str, at: int, table: dict[str, Any]) -> int:
    """``_rows`` by ``_ROWS`` alone (rows split out by ``_whole_rows`` with a number it cannot vouch for)."""
    rows = _ROWS.match(text, at)
    if rows is None:
        return at
    cells = rows.group().split()
    keys = cells[0::3]
    parsed = dict(zip(keys, map(int, cells[2::3]), strict=True))
    if len(parsed) != len(keys) or (table and not table.keys().isdisjoint(parsed)):
        return at
    table.update(parsed)
    return rows.end()


def _whole_rows(text: str, at: int) -> tuple[list[str], int]:
    """The cells of the rows at ``at`` and their end, when everything up to the next header is rows
    as the app writes them (``key = number``, one a line); else ``([], -1)``: ``_ROWS`` reads them.

    Why: matching the 16,000 rows of a 400-person session with ``_ROWS`` was a fifth of its read.
    Here the text is split at blanks and counted instead, in C: its blanks are one between each two
    cells (its length), every ``=`` is a cell of its own between spaces, and the line breaks are the
    rest, so each line is ``key = value``; the keys are checked at once (``_KEYS``), the numbers by
    ``_rows`` (``_SMALL``, else ``_NUMBERS``: ``int`` alone would take ``+1`` or ``1_0``).
    """
    header = text.find(_NEXT_HEADER, at)
    stop = len(text) if header < 0 else header + 1
    body = text[at:stop].rstrip("\n")
    cells = body.split()
    rows = len(cells) // 3
    if (
        at + len(body) == stop  # no line break after the last row
        or len(cells) != 3 * rows
        or len(body) != len("".join(cells)) + 3 * rows - 1
        or cells[1::3].count("=") != rows
        or body.count("=") != rows
        or body.count(" = ") != rows
        or body.count("\n") != rows - 1
        or not _KEYS.fullmatch("".join(cells[0::3]))
    ):
        return [], -1
    return cells, stop


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
            escaped, multi, later = match.group("escaped", "multi", "later")
            if later is not None:
                found = _later_text(text, match.end("later"))
                if found is not None:
                    table[name], at = found
                    continue
                match = _line_whole().match(text, match.start())  # (it starts there as before)
                if match is None:
                    return None
                at = match.end()
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
