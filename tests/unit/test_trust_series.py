"""A mailed series read by trend and compare: every text stays text in every format (audit16).

The newest parts of the reports read texts from files facilitators mail each other: the
trend's recurring votes (option texts), action reviews and exercises run once, compare's
changes written in words (``numbers.written_change``) beside vote options, and follow-up
sessions made from an earlier (mailed) session. Hypothesis writes a series of three
sessions (a dot vote, a rating grid, an action list, and the review that opens each
follow-up) whose every text carries hostile fragments before and after it, reads the files
with the real loader, and checks each format the commands write:

- Markdown renders (markdown-it) with the same headings, links, images, raw HTML and table
  shapes as the same series with plain texts: no text becomes markup;
- HTML has the same element structure as the plain series (SVG text lines aside: longer
  texts wrap to more lines), and no control or bidi character;
- CSV rows are as wide as the header, and no cell can start a formula;
- the terminal text (compare, and the trend's text) holds no control character once printed;
- every file is written inside the folder asked for, and the input files are unchanged.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from workshop_tui.core.kinds.action_review import ReviewBody, carry_over, open_actions, with_review
from workshop_tui.core.model import Session
from workshop_tui.core.model.answers import Action
from workshop_tui.core.model.people import parse_title
from workshop_tui.core.storage.errors import printable
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library, load_library
from workshop_tui.core.storage.session_codec import session_to_dict
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_text import render_text
from workshop_tui.export.files import export_comparison, export_session
from workshop_tui.export.trend import render_trend_text
from workshop_tui.export.trend_files import export_trend

from .hostile import STRUCTURE

VOTE, GRID, ACTIONS, REVIEW = "challenges-dot-vote", "resistance", "sheet-45", "action-review"
KEPT = STRUCTURE | {"follows", "status", "carried"}
"""Keys whose values the loader checks against ids, dates and choices (a file with text there is
refused, which ``test_hostile_files`` covers): every other string gets the fragments."""
FRAGMENTS = (
    "\x1b[31m",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\x1b]52;c;Y3VybA==\x07",
    "\x07",
    "\x9b2J",
    "\x00",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\r",
    "\n\n# Owned\n\n",
    "\n- item\n",
    "|",
    "`",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    '"><b onmouseover=x>',
    "</table></div>",
    "<!--",
    "&amp;",
    '=HYPERLINK("http://evil";"x")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    "\uff1d1",
    "*b* _i_ ~~s~~",
    "\\",
)
pieces = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), min_size=1, max_size=4).map("".join)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
RISKY = re.compile(r"[\s]*[=+\-@\t\r\uff1d]")
NUMBER = re.compile(r"[+\-\u2212]?[0-9]+(?:[.,][0-9]+)?")
MD = MarkdownIt("commonmark").enable("table")


@cache
def _library() -> Library:
    """The built-in library (not a fixture: Hypothesis would print all of it with a failing case)."""
    return load_library(include_user=False)


def _series(library: Library) -> list[Session]:
    """Three sessions of one series: a dot vote and a grid run in each, last time's actions reviewed."""
    session = new_session(
        title="Fjordby",
        date="2026-10-14",
        participants=5,
        groups=["Bord 1", "Bord 2"],
        exercises=[library.exercises[e] for e in (VOTE, GRID, ACTIONS)],
        session_id="fjordby-1",
    )
    made: list[Session] = []
    for n, (title, date) in enumerate(
        (("Fjordby", ""), ("Opfølgning", "2027-01-20"), ("Igen", "2027-04-14"))
    ):
        if n:
            review = library.exercises[REVIEW]
            session = follow_up(
                made[-1], title=title, date=date, review=review, session_id=f"fjordby-{n + 1}"
            )
            session = with_review(session, REVIEW, "a1", "status", "done")
            session = with_review(session, REVIEW, "a2", "status", "partly")
            session = carry_over(session, REVIEW, "a2")
        options = [o.id for o in session.exercise(VOTE).items]
        items = [i.id for i in session.exercise(GRID).scored_items]
        for person in range(1, 6):
            session = session.with_score(VOTE, options[(person + n) % 3], f"p{person}", 1)
            for k, item in enumerate(items):
                session = session.with_score(GRID, item, f"p{person}", 1 + (person * (k + 1) + n) % 5)
        session = session.with_action(
            ACTIONS, "g1", 0, Action(text="Fredagsmøde", owner="Ane", due="2026-11-01")
        )
        session = session.with_action(ACTIONS, "g2", 0, Action(text="Skyggedag"))
        made.append(session)
    return made


def _poisoned(value: Any, before: str, after: str, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poisoned(v, before, after, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poisoned(v, before, after, key) for v in value]
    if isinstance(value, str) and value and key.rpartition(".")[2] not in KEPT:
        return before + value + after
    return value


def _mailed(series: list[Session], folder: Path, before: str, after: str) -> list[Session]:
    """The series as files written by someone else, read back by the loader."""
    folder.mkdir(parents=True, exist_ok=True)
    loaded = []
    for session in series:
        path = folder / f"{session.id}.toml"
        path.write_text(dumps(_poisoned(session_to_dict(session), before, after)), encoding="utf-8")
        loaded.append(load_session(path))
    return loaded


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("text", "tspan", "title"):
            self.tags.append((tag, *sorted(k for k, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("text", "tspan", "title"):
            self.tags.append(("/" + tag,))


def _tags(page: str) -> list[tuple[str, ...]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def _markdown_shape(text: str) -> tuple[object, ...]:
    html = MD.render(text)
    tables = re.findall(r"<table>.*?</table>", html, flags=re.DOTALL)
    widths = [
        sorted({len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>.*?</tr>", t, re.DOTALL)})
        for t in tables
    ]
    tokens = [tok.type for tok in MD.parse(text) if tok.type.endswith("_open") or tok.type == "html_block"]
    inline = [c.type for tok in MD.parse(text) if tok.children for c in tok.children if c.type != "text"]
    return (len(re.findall(r"<h[1-6]>", html)), widths, tokens, sorted(set(inline) - {"softbreak"}))


def _formats(series: list[Session], out: Path) -> dict[str, str]:
    _, written = export_trend(series, [], ("md", "html", "csv"), out / "trend")
    found = {f"trend.{p.suffix[1:]}": p.read_text(encoding="utf-8-sig") for p in written}
    for fmt in ("md", "html"):
        _, path = export_comparison(series[0], series[1], fmt, out / "compare", show_all=True)
        found[f"compare.{fmt}"] = path.read_text(encoding="utf-8")
    for folder in (out / "trend", out / "compare"):
        assert {p.parent for p in folder.iterdir()} == {folder}  # no file outside its folder
    found["compare.text"] = render_text(compare_sessions(series[0], series[1], show_all=True))
    found["trend.text"] = render_trend_text(export_trend(series, [], (), out)[0])
    return found


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=pieces, after=pieces)
def test_a_mailed_series_stays_text_in_every_trend_and_compare_format(
    tmp_path: Path, before: str, after: str
) -> None:
    library, tmp_path = _library(), Path(tempfile.mkdtemp(dir=tmp_path))
    plain_series = _mailed(_series(library), tmp_path / "plain", "x", "y")
    files = tmp_path / "mailed"
    hostile = _mailed(_series(library), files, before, after)
    kept = {p: p.read_bytes() for p in files.iterdir()}
    plain = _formats(plain_series, tmp_path / "plain-out")
    got = _formats(hostile, tmp_path / "out")
    assert (
        got.keys()
        == plain.keys()
        == {
            "trend.md",
            "trend.html",
            "trend.csv",
            "compare.md",
            "compare.html",
            "compare.text",
            "trend.text",
        }
    )
    assert "Afstemninger i flere sessioner" in got["trend.md"] and "gennemført" in got["trend.md"]
    for name in ("trend.md", "compare.md"):
        assert _markdown_shape(got[name]) == _markdown_shape(plain[name]), name
    for name in ("trend.html", "compare.html"):
        assert _tags(got[name]) == _tags(plain[name]), name
        assert not CONTROL.findall(got[name]), (
            name,
            sorted({hex(ord(c)) for c in CONTROL.findall(got[name])}),
        )
    for name in ("compare.text", "trend.text"):
        assert not CONTROL.findall(printable(got[name]).replace("\n", "").replace("\t", ""))
    rows = list(csv.reader(io.StringIO(got["trend.csv"], newline=""), delimiter=";"))
    assert len(rows) == len(list(csv.reader(io.StringIO(plain["trend.csv"], newline=""), delimiter=";")))
    for row in rows[1:]:
        assert len(row) == len(rows[0]), row
        for column, cell in zip(rows[0], row, strict=True):
            assert not RISKY.match(cell) or NUMBER.fullmatch(cell) or cell.startswith("'"), (column, cell)
            assert not CONTROL.findall(cell.replace("\r", "").replace("\n", "").replace("\t", "")), (
                column,
                cell,
            )
    assert {p: p.read_bytes() for p in files.iterdir()} == kept  # what was read is left as it was


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=pieces, after=pieces)
def test_a_follow_up_of_a_mailed_session_is_a_file_of_its_own_that_reads_back(
    tmp_path: Path, before: str, after: str
) -> None:
    library, tmp_path = _library(), Path(tempfile.mkdtemp(dir=tmp_path))
    earlier = _mailed(_series(library)[:1], tmp_path / "in", before, after)[0]
    made = follow_up(earlier, title=earlier.title, date="2027-01-20", review=library.exercises[REVIEW])
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = session_path(made, folder)
    assert path.parent == folder and re.fullmatch(r"2027-01-20-[a-z0-9-]*-[0-9a-f]{4}\.toml", path.name)
    save_session(made, path)
    again = load_session(path)
    # The title as any title is set (people.parse_title): trimmed, or a mailed "…\r" ends in "\r".
    assert again.follows == earlier.id and again.title == parse_title(earlier.title)
    reviewed = [a.text for a in again.exercise(REVIEW).body_as(ReviewBody).actions]
    assert reviewed == [a.text for a in open_actions(earlier)]  # last time's words, as they were written
    assert ["Fredagsmøde" in reviewed[0], "Skyggedag" in reviewed[1]] == [True, True]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=pieces, after=pieces)
def test_the_session_export_of_a_mailed_session_keeps_its_shape_in_every_format(
    tmp_path: Path, before: str, after: str
) -> None:
    """The HTML's scroll boxes are named by headings (``aria-label``): no text leaves the attribute."""
    library, tmp_path = _library(), Path(tempfile.mkdtemp(dir=tmp_path))
    plain = _mailed(_series(library)[1:2], tmp_path / "plain", "x", "y")[0]
    hostile = _mailed(_series(library)[1:2], tmp_path / "mailed", before, after)[0]
    formats = ["md", "html", "csv"]
    got = export_session(hostile, formats, tmp_path / "out", named=True, include_notes=True)
    wanted = export_session(plain, formats, tmp_path / "plain-out", named=True, include_notes=True)
    assert {p.parent for p in (tmp_path / "out").iterdir()} == {tmp_path / "out"}
    pages = {p.suffix: p.read_text(encoding="utf-8-sig") for p in got}
    plains = {p.suffix: p.read_text(encoding="utf-8-sig") for p in wanted}
    assert 'role="region" aria-label=' in pages[".html"]
    assert _tags(pages[".html"]) == _tags(plains[".html"])
    assert not CONTROL.findall(pages[".html"])
    assert _markdown_shape(pages[".md"]) == _markdown_shape(plains[".md"])
    rows = list(csv.reader(io.StringIO(pages[".csv"], newline=""), delimiter=";"))
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        assert all(not RISKY.match(c) or NUMBER.fullmatch(c) or c.startswith("'") for c in row), row
