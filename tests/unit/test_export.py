"""Exports in every format: content checked against the session, files written safely."""

from __future__ import annotations

import argparse
import csv
import errno
import io
import os
from collections import defaultdict
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.locations import sessions_dir
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.export import files as export_files
from workshop_tui.export.commands import register, run
from workshop_tui.export.csv import BOM, render_csv
from workshop_tui.export.files import ExportError, export_session, summary_name, write_all
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown
from workshop_tui.export.strings import number

NAMES = ["Zelda Quist", "Yrsa Vognsen", "Xenia Ulfeldt", "Wilhelm Thygesen"]
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "source", "wbr", "area", "base"}
SVG_LEAVES = {"rect", "line", "circle", "path", "polyline", "polygon"}


def make_session(library: Library, title: str = "Prøve på tværs", *, date: str = "2026-03-01") -> Session:
    """Four named people; resistance and commitment answered; one item with 2 answers."""
    s = new_session(
        title=title,
        date=date,
        exercises=[library.exercises[e] for e in ("resistance", "commitment", "sheet-42")],
        participants=NAMES,
        groups=["Bord 1", "Bord 2"],
    )
    for pid, trust, control, value in zip(
        ("p1", "p2", "p3", "p4"), (3, 4, 4, 5), (1, 1, 5, 5), (7, 8, 8, 10), strict=True
    ):
        s = s.with_score("resistance", "trust", pid, trust).with_score("resistance", "control", pid, control)
        s = s.with_score("commitment", "value", pid, value)
    s = s.with_score("resistance", "values", "p1", 2).with_score("resistance", "values", "p2", 5)
    return s.with_text("sheet-42", "g2", "2", 'Mål med "citat", komma\nog æøå')


def run_cli(argv: list[str]) -> int:
    """Parse ``argv`` with a parser that has only our two commands, then run it."""
    parser = argparse.ArgumentParser(prog="workshop")
    register(parser.add_subparsers(dest="command"), "en")
    return run(parser.parse_args(argv), "en")


class Page(HTMLParser):
    """Collects tags, attributes, style text and nesting errors of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.style = ""
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def assert_self_contained(html: str) -> Page:
    """No network: no scripts, links, images or frames; no URL anywhere."""
    page = parse(html)
    assert page.errors == [] and page.stack == [], page.errors[:3]
    assert not {"script", "link", "img", "iframe", "object", "embed", "image", "use"} & set(page.tags)
    for key, value in page.attrs:
        assert key not in ("src", "srcset", "xlink:href", "action", "background"), (key, value)
        if key == "href":
            assert value.startswith("#"), value
    assert "@import" not in page.style and "url(" not in page.style
    lowered = html.lower()
    assert "http://" not in lowered and "https://" not in lowered and "//fonts" not in lowered
    return page


def test_demo_html_is_self_contained_and_complete(demo: Session) -> None:
    summary = build_summary(demo)
    html = render_html(summary)
    page = assert_self_contained(html)
    assert page.lang == demo.language == "da"
    assert "@page" in page.style and "size: A4" in page.style and "break-inside: avoid" in page.style
    assert "break-before: page" not in page.style  # no half-empty pages: exercises follow on
    assert page.tags.count("section") == len(demo.agenda) + 1  # the cover, then one per exercise
    shown = sum(1 for x in summary.exercises if x.scored for i in x.scored.items if i.shown)
    assert page.tags.count("svg") >= shown
    for exercise in summary.exercises:
        assert exercise.title.replace("&", "&amp;") in html
    assert "Facilitatorens note" not in html


def test_demo_markdown_has_every_exercise_and_mean(demo: Session) -> None:
    summary = build_summary(demo)
    md = render_markdown(summary)
    for exercise in summary.exercises:
        assert f". {exercise.title}" in md
        if exercise.scored:
            for item in exercise.scored.items:
                values = demo.answers_for(exercise.id).values_for(item.id)
                assert number(sum(values) / len(values), "da") in md
    for group in demo.groups:
        assert group.name in md


def test_demo_csv_numbers_match_the_session(demo: Session) -> None:
    text = render_csv(build_summary(demo))
    assert text.startswith(BOM)
    raw = text.encode("utf-8")
    assert raw[:3] == b"\xef\xbb\xbf"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:9] == [
        "type",
        "øvelse_id",
        "øvelse",
        "punkt_id",
        "punkt",
        "deltager",
        "gruppe",
        "score",
        "tekst",
    ]
    assert all(len(r) == len(header) for r in body)
    scores: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in body:
        if row[0] == "score":
            assert row[5] == ""  # anonymous: no label to line a person's answers up by
            scores[(row[1], row[3])].append(int(row[7]))
    expected = {
        (ex, item.id): sorted(demo.answers_for(ex).values_for(item.id))
        for ex in demo.agenda
        if demo.exercise(ex).is_scored
        for item in demo.exercise(ex).scored_items
    }
    assert {k: sorted(v) for k, v in scores.items()} == expected
    texts = [r for r in body if r[0] == "reflection"]

    def filled(kind: str) -> int:
        return sum(
            1
            for ex in demo.agenda
            if demo.exercise(ex).kind == kind
            for boxes in demo.answers_for(ex).texts.values()
            for t in boxes.values()
            if t.strip()
        )

    assert len(texts) == filled("reflection_sheet")
    assert len([r for r in body if r[0] == "cell"]) == filled("table")
    actions = [(r[6], r[8], r[9], r[10]) for r in body if r[0] == "action"]
    group_names = {g.id: g.name for g in demo.groups}
    assert actions == [
        (group_names[g], a.text, "", a.due)  # anonymous: owners left out (a left_out row says so)
        for g in (x.id for x in demo.groups)
        for a in demo.answers_for("sheet-45").actions.get(g, ())
        if not a.is_empty
    ]


def test_named_csv_gives_each_name_its_own_scores(library: Library) -> None:
    session = make_session(library)
    body = list(
        csv.reader(
            io.StringIO(render_csv(build_summary(session, named=True)).removeprefix(BOM)), delimiter=";"
        )
    )[1:]
    got = {(r[3], r[5]): int(r[7]) for r in body if r[0] == "score"}
    for item_id, row in session.answers_for("resistance").scores.items():
        for pid, score in row.items():
            participant = session.participant(pid)
            assert participant is not None
            assert got[(item_id, participant.name)] == score


def test_anonymous_exports_name_nobody_and_withhold_two_answers(library: Library) -> None:
    session = make_session(library)
    summary = build_summary(session)
    for text in (render_markdown(summary), render_html(summary), render_csv(summary)):
        assert not any(name in text for name in NAMES)
        assert "for få svar til at vise (n = 2)" in text
    rows = list(csv.reader(io.StringIO(render_csv(summary).removeprefix(BOM)), delimiter=";"))
    assert not [r for r in rows if r[0] == "score" and r[3] == "values"]
    assert [r[0] for r in rows if r[3] == "values"] == ["withheld"]
    named = build_summary(session, named=True)
    assert all(name in render_markdown(named) for name in NAMES)
    assert all(name in render_html(named) for name in NAMES)


def test_csv_keeps_quotes_commas_and_line_breaks(library: Library) -> None:
    rows = list(
        csv.reader(
            io.StringIO(render_csv(build_summary(make_session(library))).removeprefix(BOM)), delimiter=";"
        )
    )
    texts = [r[8] for r in rows if r[0] == "reflection"]
    assert texts == ['Mål med "citat", komma\nog æøå']


def test_html_escapes_session_text(library: Library) -> None:
    session = make_session(library, title='<script>alert("x")</script> & "Kurs"')
    html = render_html(build_summary(session))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert_self_contained(html)


def test_english_session_is_exported_in_english(library: Library) -> None:
    session = new_session(
        title="Trial",
        date="2026-03-01",
        exercises=[library.exercises["commitment"]],
        participants=3,
        language="en",
    )
    for pid, value in (("p1", 4), ("p2", 6), ("p3", 9)):
        session = session.with_score("commitment", "value", pid, value)
    summary = build_summary(session)
    html = render_html(summary)
    assert parse(html).lang == "en" and "Our commitment" in html and "6.33" in html
    assert "6.33" in render_markdown(summary)


def test_every_format_written_with_names_from_the_session(library: Library, tmp_path: Path) -> None:
    session = make_session(library)
    paths = export_session(session, ("md", "html", "csv"), tmp_path / "out")
    assert [p.suffix for p in paths] == [".md", ".html", ".csv"]
    assert all(p.name.startswith("proeve-paa-tvaers-2026-03-01-") for p in paths)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)
    assert paths[2].read_bytes().startswith(b"\xef\xbb\xbf")


def test_another_session_never_overwrites_these_exports(library: Library, tmp_path: Path) -> None:
    first, second = make_session(library), make_session(library)  # same title and date
    assert first.id != second.id
    mine = export_session(first, ("md", "html", "csv"), tmp_path)
    before = {p: p.read_bytes() for p in mine}
    theirs = export_session(second, ("md", "html", "csv"), tmp_path)
    assert not set(mine) & set(theirs)
    assert {p: p.read_bytes() for p in mine} == before
    assert export_session(first, ("md",), tmp_path) == mine[:1]  # the same session replaces its own
    summary = build_summary(first, named=True, include_notes=True)
    assert summary_name(summary, "md") not in {p.name for p in mine}


def test_folder_inside_a_file_is_refused_and_nothing_written(library: Library, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    blocker = work / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as error:
        export_session(make_session(library), ("md", "html", "csv"), blocker / "out", lang="en")
    assert "not a folder" in error.value.reason
    assert sorted(os.listdir(work)) == ["a-file"]


def test_all_or_nothing_when_a_later_file_fails(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "file").write_text("x")
    good = work / "good.md"
    with pytest.raises(ExportError):
        write_all([(good, "complete"), (work / "file" / "bad.md", "never")])
    assert not good.exists()
    assert sorted(os.listdir(work)) == ["file"]


def test_read_only_folder_is_refused(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    if os.name != "posix" or os.geteuid() == 0:
        # Root (CI runs as root) may write there anyway, and Windows has no read-only folders:
        # the file is refused where it would be created, exactly as the kernel refuses others.
        real_temp_file: Callable[[Path], tuple[int, str]] = export_files._temp_file

        def temp_file(path: Path) -> tuple[int, str]:
            if path.parent == folder:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
            return real_temp_file(path)

        monkeypatch.setattr(export_files, "_temp_file", temp_file)
    try:
        with pytest.raises(ExportError) as error:
            export_session(make_session(library), ("md",), folder, lang="en")
        assert "not writable" in error.value.reason
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o700)


def test_cli_exports_by_id_and_title_and_prints_paths(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = make_session(library, title="Fjordby før")
    save_session(session, session_path(session))
    assert run_cli(["export", session.id, "--format", "all", "-o", str(tmp_path / "a")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(Path(line.split(": ", 1)[1]).is_file() for line in out)
    assert run_cli(["export", "fjordby FØR", "--format", "md", "-o", str(tmp_path / "b")]) == 0
    assert len(list((tmp_path / "b").iterdir())) == 1
    assert sessions_dir().is_relative_to(Path(os.environ["WORKSHOP_TUI_DATA_DIR"]))


def test_cli_writes_to_the_current_folder_by_default(
    demo: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_session(demo, session_path(demo))
    monkeypatch.chdir(tmp_path)
    assert run_cli(["export", demo.id, "--format", "html", "--notes"]) == 0
    written = list(tmp_path.glob("*.html"))
    assert len(written) == 1 and "noter" in written[0].name
    assert "Facilitatorens note" in written[0].read_text(encoding="utf-8")


def test_cli_unreadable_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text('title = "unterminated\n', encoding="utf-8")
    assert run_cli(["export", str(bad), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "broken.toml:1" in err and "not valid TOML" in err
    assert not (tmp_path / "out").exists()
    assert run_cli(["export", "no such session", "-o", str(tmp_path / "out")]) == 1
    assert "No session 'no such session'" in capsys.readouterr().err


def test_cli_unwritable_folder_and_unknown_format(
    demo: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_session(demo, session_path(demo))
    work = tmp_path / "work"
    work.mkdir()
    (work / "file").write_text("x")
    assert run_cli(["export", demo.id, "-o", str(work / "file" / "out")]) == 1
    err = capsys.readouterr().err
    assert "Could not write" in err and "Nothing was written" in err
    with pytest.raises(SystemExit) as exit_:
        run_cli(["export", demo.id, "--format", "pdf", "-o", str(work)])
    assert exit_.value.code == 2
    assert sorted(os.listdir(work)) == ["file"]


def test_permission_error_reads_as_not_writable(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_files, "_temp_file", refuse)  # where write_all makes each file
    with pytest.raises(ExportError) as error:
        export_session(make_session(library), ("md", "csv"), tmp_path / "out", lang="en")
    assert "not writable" in error.value.reason
    assert list((tmp_path / "out").iterdir()) == []


def test_an_unanswered_session_exports_cleanly(small_session: Session) -> None:
    summary = build_summary(small_session)
    html = render_html(summary)
    assert_self_contained(html)
    assert "ingen svar" in html and "ingen svar" in render_markdown(summary)
    rows = list(csv.reader(io.StringIO(render_csv(summary).removeprefix(BOM)), delimiter=";"))
    assert len(rows) == 1  # the header only


def test_csv_separator_follows_the_session_language(small_session: Session) -> None:
    import dataclasses

    danish = render_csv(build_summary(small_session.with_score("resistance", "trust", "p1", 4)))
    assert danish.splitlines()[0].count(";") == 10
    english = dataclasses.replace(small_session, language="en")
    assert render_csv(build_summary(english)).splitlines()[0].count(",") == 10


def test_short_id_is_the_sha256_of_the_session_id() -> None:
    """The file name's hash part, taken from CPython's own SHA-256 where it has one, is hashlib's."""
    import hashlib

    from workshop_tui.export.files import short_id

    for session_id in ("demo", "stort-seminar-2026", "æøå-ünïcode", ""):
        assert short_id(session_id) == hashlib.sha256(session_id.encode("utf-8")).hexdigest()[:8]


def test_named_markdown_leaves_out_the_heading_of_an_exercise_without_scores(library: Library) -> None:
    """An unanswered exercise printed "Scores by participant" over nothing (found by hand in a
    named export of a day run in tmux: three empty headings); the HTML leaves it out, and now so
    does the Markdown."""
    session = make_session(library)
    session = new_session(
        title="Tom",
        date="2026-03-01",
        exercises=[*session.exercises.values(), library.exercises["challenges-dot-vote"]],
        participants=NAMES,
        language="en",
    ).with_score("resistance", "trust", "p1", 3)
    for render in (render_markdown, render_html):
        text = render(build_summary(session, named=True)).replace("<h3>", "### ")
        assert text.count("### Scores by participant") == 1, render
