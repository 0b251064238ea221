"""Reading a session file's TOML with a compiled parser, with exactly ``tomllib``'s result or error.

``tomllib`` is pure Python; even with ``fast_toml``'s shortcuts, reading a 90-exercise
session cost a third of its export. ``rtoml`` (Rust, from PyPI with wheels for every common
platform) reads the same text 3-4 times faster. It follows TOML 1.1, which accepts a few
things TOML 1.0 (``tomllib``) refuses; a text is given to it only when none of them can be
in it, checked on the text with its strings and comments taken out:

- a time without seconds (``07:32``; any ``hh:mm`` not followed by ``:`` sends the text the
  other way, an offset ``-07:00`` too);
- an inline table over several lines or with a trailing comma (every ``{`` must close on
  its own line, with no ``,`` before its ``}``);
- the escapes ``\\x`` and ``\\e`` (any backslash before ``x`` or ``e`` in the whole text);
- a byte order mark at the start.

Any other text, and any text ``rtoml`` refuses (an error, nesting deeper than it reads, an
integer beyond 64 bits), is read by ``fast_toml.loads``, which gives ``tomllib``'s table or
its error, word for word. Checked against ``tomllib`` on the toml-test suite's valid and
invalid files and on generated documents (tests/unit/test_compiled_toml.py).
"""

from __future__ import annotations

import re
from typing import Any

import rtoml

# fast_toml is imported where it is needed: a session file rtoml reads never uses it, and its
# expressions took ~25 ms of an export's start to compile.

_STRINGS_AND_COMMENTS = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"{3,5}'  # multi-line basic string
    r"|'''[\s\S]*?'{3,5}"  # multi-line literal string
    r'|"(?:[^"\\\n]++|\\.)*+"'  # basic string
    r"|'[^'\n]*'"  # literal string
    r"|#[^\n]*"  # comment
)
"""What is stepped over before looking for TOML 1.1's forms (a text may hold any of them)."""
_TIME_WITHOUT_SECONDS = re.compile(r"(?<![:0-9])[0-9]{2}:[0-9]{2}(?!:)")
_INNERMOST_TABLE = re.compile(r"\{[^{}\n]*\}")
_TRAILING_COMMA = re.compile(r",\s*\}")


def loads(text: str) -> dict[str, Any]:
    """Parse a session file's TOML text: the same result (or error) as ``tomllib.loads``.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
    """
    if _only_toml_1_0(text):
        try:
            return rtoml.loads(text, none_value=None)
        except Exception:  # noqa: BLE001 - whatever it refuses, tomllib's reading decides
            pass
    from workshop_tui.core.storage import fast_toml

    return fast_toml.loads(text)


def _only_toml_1_0(text: str) -> bool:
    """True when nothing TOML 1.1 reads differently from TOML 1.0 can be in ``text``."""
    if text.startswith("\ufeff") or "\\x" in text or "\\e" in text:
        return False
    rest = _STRINGS_AND_COMMENTS.sub("", text)
    if (":" in rest and _TIME_WITHOUT_SECONDS.search(rest)) or _TRAILING_COMMA.search(rest):
        return False
    if "{" in rest or "}" in rest:
        tables = 1
        while tables:  # take out one-line inline tables, the innermost first
            rest, tables = _INNERMOST_TABLE.subn("", rest)
        if "{" in rest or "}" in rest:
            return False
    return True
