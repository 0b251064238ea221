"""Reading a catalogue file fast: the few shapes of TOML it is written in, else ``tomllib``.

A catalogue is a thousand lines of ``key = "text"`` under ``[section]`` headers, read at
every start of the app and of every command. ``tomllib`` (pure Python) takes 15-40 ms over
it, most of that stepping through strings one character at a time; one regular expression
per line reads the same shapes in about a millisecond. Whatever it does not know (another
value type, a dotted or repeated key, a line continuation, ``\\u`` escapes, a control
character) sends the whole file to ``tomllib``, so the result, or the error, is always
``tomllib``'s (tests/unit/test_catalogue_reading.py compares both on the catalogues and on
texts made to differ).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_KEY = r'(?:(?P<{0}bare>[A-Za-z0-9_-]+)|"(?P<{0}quoted>(?:[^"\\\n\x00-\x1f\x7f]++|\\[btnfr"\\])*+)")'
_LINE = re.compile(
    r"[ \t]*(?:"
    r"#[^\n]*+"  # a comment
    r"|\[[ \t]*(?P<section>[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)[ \t]*\][ \t]*(?:#[^\n]*)?"  # [a.b]
    + r"|"
    + _KEY.format("")
    + r'[ \t]*=[ \t]*(?:"""\n?(?P<multi>(?:[^"\\]++|\\[btnfr"\\]|"(?!""))*+)"""'  # key = """…"""
    r'|"(?P<basic>(?:[^"\\\n]++|\\[btnfr"\\])*+)"'  # key = "…"
    r"|'(?P<literal>[^'\n]*+)')"  # key = '…' (no escapes)
    r"[ \t]*(?:#[^\n]*)?"
    r")?\n"
)
"""One line (or one multi-line string) of the shapes a catalogue is written in."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""Characters TOML refuses outside strings and in them (tab and line break aside)."""
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def read_catalogue(text: str) -> dict[str, str]:
    """``section.key -> text`` of a catalogue file: exactly what ``tomllib`` reads, flattened.

    Raises:
        tomllib.TOMLDecodeError: the text is not valid TOML.
        TypeError: a value is not a text.
    """
    fast = _read_simple(text)
    if fast is not None:
        return fast
    import tomllib  # only for a file of other shapes (a start does not load it for this)

    flat: dict[str, str] = {}
    _flatten(tomllib.loads(text), "", flat)
    return flat


def _flatten(table: Mapping[str, object], prefix: str, out: dict[str, str]) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            _flatten(value, f"{key}.", out)
        elif isinstance(value, str):
            out[key] = value
        else:
            raise TypeError(f"catalogue key {key!r}: a text must be a string, not {type(value).__name__}")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], text) if "\\" in text else text


def _read_simple(text: str) -> dict[str, str] | None:
    """The flat catalogue, or None when the text has anything but the simple shapes."""
    if "\r" in text or _CONTROL.search(text):
        return None
    if not text.endswith("\n"):
        text += "\n"
    flat: dict[str, str] = {}
    sections: set[str] = set()
    prefix = ""
    position = 0
    for line in _LINE.finditer(text):
        if line.start() != position:
            return None  # a line of another shape
        position = line.end()
        section, bare, quoted, multi, basic, literal = line.groups()
        if section is not None:
            if section in sections:
                return None  # a table defined twice: tomllib says where
            sections.add(section)
            prefix = f"{section}."
            continue
        if bare is None and quoted is None:
            continue  # a blank line or a comment
        key = prefix + (bare if bare is not None else _unescape(quoted))
        if key in flat:
            return None  # a key twice (or a quoted "a.b" beside [a] b): tomllib decides
        if literal is not None:
            flat[key] = literal
        else:
            flat[key] = _unescape(multi if multi is not None else basic)
    if position != len(text):
        return None
    tables = {p for section in sections for p in _prefixes(section)}
    if any(key in tables for key in flat):
        return None  # a text where a table is too (a conflict tomllib refuses)
    return flat


def _prefixes(section: str) -> list[str]:
    parts = section.split(".")
    return [".".join(parts[: n + 1]) for n in range(len(parts))]
