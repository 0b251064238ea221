"""Reading a session file's TOML with a compiled parser, with exactly ``tomllib``'s result or error.

``tomllib`` is pure Python; even with ``fast_toml``'s shortcuts, reading a 90-exercise
session cost a third of its export. ``toml_rs`` (Rust, from PyPI with wheels for the common
platforms) reads the same text about 4 times faster, and it reads TOML 1.0 as ``tomllib``
does when asked to (``toml_version="1.0.0"``): on the toml-test suite's 768 valid and invalid
files it accepts and refuses the same ones with the same values, but for a byte order mark
at the start (which ``read_toml`` takes off before any parser sees it; such a text is left to
``fast_toml`` here).

Two things are not left to it:

- **its errors**: any text it refuses is read by ``fast_toml.loads``, which gives ``tomllib``'s
  table or its error, word for word (the file's problem names the line as before);
- **deep nesting**: it recurses on the machine's stack for each level of arrays and inline
  tables (about 2 kB a level: a hostile file nested 4,500 deep ends the process, where
  ``tomllib`` raises ``RecursionError``, reported as "nested too deep"). A text goes to it
  only when a bound on its nesting computed from the text (``nesting_bound``) is at most
  ``MAX_NESTING``, far from any thread's stack.
"""

from __future__ import annotations

import re
from typing import Any

import toml_rs

# fast_toml is imported where it is needed: a session file toml_rs reads never uses it, and its
# expressions took ~25 ms of an export's start to compile.

MAX_NESTING = 200
"""Texts whose nesting may be deeper are read by ``fast_toml`` (400 kB of stack at most here)."""

_SIMPLE_STRING = r'"[^"\\\n\[\]{}]*"(?!")'
"""A basic string with no escape and no bracket, not next to another quote (so no ``\"\"\"``)."""
_ATOM = rf"[^\"'#\\\n\[\]{{}}]++|{_SIMPLE_STRING}"
_ATOMS = rf"(?:{_ATOM})*+"
_BALANCED_LINE = re.compile(rf"{_ATOMS}(?:[\[{{](?:{_ATOM}|[\[{{]{_ATOMS}[\]}}])*+[\]}}]{_ATOMS})++")
"""A line whose brackets are balanced (two levels at most: a table header, an array of tables'
header, one inline table or array per line), with only simple strings and no comment."""


def loads(text: str) -> dict[str, Any]:
    """Parse a session file's TOML text: the same result (or error) as ``tomllib.loads``.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    if not text.startswith("\ufeff") and nesting_bound(text) <= MAX_NESTING:
        try:
            return toml_rs.loads(text, toml_version="1.0.0")
        except Exception:  # noqa: BLE001 - whatever it refuses, tomllib's reading decides
            pass
    from workshop_tui.core.storage import fast_toml

    return fast_toml.loads(text)


def nesting_bound(text: str) -> int:
    """At least the deepest nesting of arrays and inline tables in ``text``, found without parsing.

    Every ``[`` and ``{`` is counted (in a text or a comment too: more is safe), but for those on
    a line that ``_BALANCED_LINE`` matches whole (most lines with brackets: table headers, a
    participant's or an item's one-line inline table). Such a line is either inside a multi-line
    string (its brackets are text), or read as TOML reads it (its strings are simple, no
    comment, no ``'``; no ``\"\"\"`` can be in it), so its brackets close on the line: two
    levels above the line's start at most, and nothing left open after it.
    """
    balanced = _BALANCED_LINE.fullmatch
    ahead, back = text.find, text.rfind  # (not named find: the catalogue's test reads find("…") as a key)
    seen: set[int] = set()
    opens = 0
    for bracket in "[{":  # each line with a bracket once (str.find, not an expression per character)
        at = ahead(bracket)
        while at != -1:
            start = back("\n", 0, at) + 1
            end = ahead("\n", at)
            end = len(text) if end == -1 else end
            if start not in seen:
                seen.add(start)
                line = text[start:end]
                if not balanced(line):
                    opens += line.count("[") + line.count("{")
            at = ahead(bracket, end)
    return opens + 2
