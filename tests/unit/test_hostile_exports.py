"""Issue 12, items 3 and 5: the CSV never runs a formula, the Markdown renders every text as text."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.export.csv import spreadsheet_safe
from workshop_tui.export.files import export_session
from workshop_tui.export.markdown_escape import md_text

from .hostile import TEXT_KEYS, TEXT_MAPS, session_with

FORMULAS = ("=", "+", "-", "@", "\t", "\r", " =", "\t=", "  @", "\uff1d")
"""What a spreadsheet may take for the start of a formula (OWASP), also after blanks."""
RISKY = re.compile(r"[\s]*[=+\-@\t\r\uff1d]")
NUMBER = re.compile(r"[+\-\u2212]?[0-9]+(?:[.,][0-9]+)?")


def _rewrite(value: Any, change: Callable[[str], str], key: str = "") -> Any:
    """A session file's table with ``change`` applied to every free text."""
    if isinstance(value, dict):
        if key in TEXT_MAPS and all(isinstance(v, str) for v in value.values()):
            return {k: change(v) for k, v in value.items()}
        return {k: _rewrite(v, change, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite(v, change, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return change(value)
    return value


def _session_file(folder: Path, change: Callable[[str], str]) -> Path:
    path = session_with(folder, "s.toml", id="s")
    data = _rewrite(tomllib.loads(path.read_text(encoding="utf-8")), change)
    path.write_text(dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://evil";"x")', '\'=HYPERLINK("http://evil";"x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\n=1"),  # a carriage return is a line break, as in the other exports
        ("   =1", "'   =1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("-", "'-"),
        ("plain text", "plain text"),
        ("a = b", "a = b"),
        ("-1,25", "-1,25"),
        ("+0.5", "+0.5"),
        ("-3", "-3"),
        (-4, -4),
        (7, 7),
    ],
)
def test_a_cell_is_neutralised_only_when_it_could_be_a_formula(cell: str | int, safe: str | int) -> None:
    assert spreadsheet_safe(cell) == safe


def test_no_text_in_the_csv_can_start_a_formula(tmp_path: Path) -> None:
    prefixes = count()
    path = _session_file(tmp_path / "in", lambda text: FORMULAS[next(prefixes) % len(FORMULAS)] + text)
    before = path.read_bytes()
    session = load_session(path)
    (written,) = export_session(session, ["csv"], tmp_path / "out", named=True, include_notes=True)
    text = written.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) > 100
    quoted = 0
    kinds: set[tuple[str, str]] = set()
    header = rows[0]
    for row in rows[1:]:
        assert len(row) == len(header), row
        for column, cell in zip(header, row, strict=True):
            if cell.startswith("'"):
                quoted += 1
                kinds.add((row[0], column))
            else:
                assert not RISKY.match(cell) or NUMBER.fullmatch(cell), (row[0], column, cell)
    assert quoted >= 37, quoted  # the issue counted 37 such cells in one test
    assert {kind for kind, _ in kinds} >= {"score", "reflection", "action", "challenge", "facilitator_note"}
    assert {column for _, column in kinds} >= {header[2], header[5], header[6], header[8], header[9]}
    assert any(NUMBER.fullmatch(row[7]) and row[7].startswith("-") or row[7].isdigit() for row in rows[1:])
    assert path.read_bytes() == before


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "\n\n[click](javascript:alert(7))",
        "<img src=x onerror=alert(1)>",
        "# Heading\nmore",
        "a | b | c",
        "1. one\n---\n=== ",
        "*bold* _it_ `code` ~~s~~ &amp; \\",
    ],
)
def test_md_text_renders_as_the_same_text(text: str) -> None:
    for multiline in (False, True):
        html = _html(md_text(text, multiline=multiline))
        assert "<script" not in html and "<img" not in html and "<h1" not in html and "<a " not in html
        assert "<em>" not in html and "<code>" not in html and "<strong>" not in html


def test_the_markdown_export_shows_every_text_as_text(tmp_path: Path) -> None:
    attacks = count()
    evil = (
        "<script>alert(1)</script>",
        "\n\n[click](javascript:alert(7))\n\n# Owned",
        "x | y | z",
        "<img src=x onerror=alert(1)>",
        "\n\n## Owned\n\n---\n",
    )
    path = _session_file(tmp_path / "in", lambda text: text + evil[next(attacks) % len(evil)])
    session = load_session(path)
    for named in (False, True):
        (written,) = export_session(session, ["md"], tmp_path / "out", named=named, include_notes=True)
        markdown = written.read_text(encoding="utf-8")
        html = _html(markdown)
        assert "<script" not in html and "<img" not in html
        assert "javascript:" not in re.sub(r">[^<]*<", "><", html), "a link or attribute from the data"
        assert 'href="javascript' not in html
        headings = re.findall(r"<h[1-6]>(.*?)</h[1-6]>", html)
        assert not any(h.strip() in ("Owned", "") for h in headings), headings
        tables = re.findall(r"<table>.*?</table>", html, flags=re.DOTALL)
        assert tables, "the export has tables, so the check below is not vacuous"
        for table in tables:
            widths = {
                len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>.*?</tr>", table, re.DOTALL)
            }
            assert len(widths) == 1, widths


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What the screen's filter takes out; none of it may reach the printed page or its drawings."""


def test_the_html_export_holds_no_control_character_from_the_data(tmp_path: Path) -> None:
    from .hostile import PAYLOAD

    path = _session_file(tmp_path / "in", lambda text: text + PAYLOAD)
    assert "\x1b" in path.read_text(encoding="utf-8") or "\\u001b" in path.read_text(encoding="utf-8")
    session = load_session(path)
    (written,) = export_session(session, ["html"], tmp_path / "out", named=True, include_notes=True)
    page = written.read_text(encoding="utf-8")
    assert "<svg" in page, "the drawings are part of what is checked"
    found = sorted({hex(ord(char)) for char in CONTROL.findall(page)})
    assert not found, f"control characters in the HTML: {found}"
    assert "PWNED" not in page and "Y3VybCBldmls" not in page, "the rest of an escape sequence is on the page"
