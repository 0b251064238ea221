"""Find the line a TOML key is written on, for messages that point at the right line.

``tomllib`` does not report positions of keys, so this scans the text for table
headers and ``key =`` lines. It understands what exercise and session files use
(tables, arrays of tables, dotted and quoted keys, inline tables on one line) and
falls back to the nearest parent key it can place.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*="""
)
_PART = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.|$)""")
_MULTILINE_OPEN = re.compile(r'=\s*("""|\'\'\')')


def _split(dotted: str) -> list[str]:
    return [m.group(1).strip("\"'") for m in _PART.finditer(dotted)]


INDEXED_LINES = 20_000
"""A session file has about 2,000 lines; in a longer (damaged or hostile) one, keys further
down are placed at their nearest parent's line, or at none, rather than spending seconds."""


def key_lines(text: str) -> dict[str, int]:
    """Map every key path (``items[2].text.da``) to its 1-based line number (up to ``INDEXED_LINES``)."""
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines()[:INDEXED_LINES], start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("#"):
            parts = _split(header.group(2))
            path = ""
            for i, part in enumerate(parts):
                path = f"{path}.{part}" if path else part
                if i < len(parts) - 1 and path in counts:
                    path = f"{path}[{counts[path] - 1}]"
            if header.group(1) == "[[":
                index = counts.get(path, 0)
                counts[path] = index + 1
                lines.setdefault(path, number)
                path = f"{path}[{index}]"
            table = path
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            path = table
            for part in _split(key.group(1)):
                path = f"{path}.{part}" if path else part
                lines.setdefault(path, number)
            opener = _MULTILINE_OPEN.search(line)
            if opener and line.count(opener.group(1)) == 1:
                in_multiline = opener.group(1)
    return lines


def line_of(lines: dict[str, int], key: str) -> int | None:
    """The line of ``key``, or of its nearest parent that has one."""
    while key:
        if key in lines:
            return lines[key]
        cut = max(key.rfind("."), key.rfind("["))
        key = key[:cut] if cut > 0 else ""
    return None
