"""Trends across a series: every figure is the export's own figure; what cannot be compared is said."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.core.model import Item, Session, Text
from workshop_tui.core.results.distinct import distinct_labels
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.trends import build_trend, exercise_trend
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.core.storage.trend_sessions import previous_session, trend_sessions
from workshop_tui.export.commands import register, run
from workshop_tui.export.markdown import render_markdown
from workshop_tui.export.strings import number
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown
from workshop_tui.export.trend_html import render_trend_html
from workshop_tui.export.trend_svg import BLUES, cell_colours, contrast

from .test_export import assert_self_contained


def scored(session: Session, exercise: str, item: str, scores: list[int]) -> Session:
    for index, score in enumerate(scores, start=1):
        session = session.with_score(exercise, item, f"p{index}", score)
    return session


@pytest.fixture
def series(library: Library) -> tuple[Session, Session]:
    """Two sessions of one leader group; resistance (negative items) and K/K/C in both."""
    ex = library.exercises
    first = new_session(
        title="Fjordby ledere",
        date="2026-10-14",
        participants=6,
        organisation="Fjordby Kommune",
        exercises=[ex["resistance"], ex["kkc-indicators"], ex["sheet-42"]],
    )
    first = scored(first, "resistance", "trust", [4, 4, 5, 5])  # much resistance: 4.5
    first = scored(first, "resistance", "control", [2, 2, 3])  # 2.33
    first = scored(first, "resistance", "status", [3, 3, 3])
    for item in ex["kkc-indicators"].items:
        first = scored(first, "kkc-indicators", item.id, [2, 3, 3, 4])
    second = follow_up(first, title="Fjordby ledere – opfølgning", date="2027-01-14")
    second = scored(second, "resistance", "trust", [2, 2, 3, 3])  # 2.5: less resistance = better
    second = scored(second, "resistance", "control", [3, 3, 4])  # 3.33: worse
    second = scored(second, "resistance", "status", [5, 5])  # two answers: held back
    for item in ex["kkc-indicators"].items:
        second = scored(second, "kkc-indicators", item.id, [3, 3, 4, 4])
    return first, second


def test_every_trend_figure_is_the_figure_of_each_sessions_own_export(
    series: tuple[Session, Session],
) -> None:
    trend = build_trend(series)
    assert [x.id for x in trend.exercises] == ["resistance", "kkc-indicators"]
    for at, session in enumerate(series):
        summary = build_summary(session)  # what `workshop export` (anonymous) renders
        markdown = render_markdown(summary)
        for exercise in trend.exercises:
            part = summary.exercise(exercise.id).scored
            assert part is not None
            for line in exercise.items:
                point, item = line.points[at], part.item(line.id)
                assert point is not None
                assert (point.n, point.mean, point.status) == (item.stats.n, item.stats.mean, item.status)
                assert point.distribution == item.stats.distribution
                if point.mean is not None:
                    assert number(point.mean, "da") in markdown
            for line in exercise.dimensions:
                profile = next(d for d in part.dimensions if d.id == line.id)
                point = line.points[at]
                assert point is not None and point.mean == profile.mean


def test_changes_are_judged_by_polarity_and_spread_is_over_time(series: tuple[Session, Session]) -> None:
    resistance = build_trend(series).exercises[0]
    trust = next(x for x in resistance.items if x.id == "trust")
    assert trust.change == pytest.approx(-2.0) and trust.verdict == "better"  # less resistance
    control = next(x for x in resistance.items if x.id == "control")
    assert control.change == pytest.approx(1.0) and control.verdict == "worse"
    assert control.spread == pytest.approx(1.0)
    kkc = build_trend(series).exercises[1]
    assert all(d.direction == "positive" for d in kkc.dimensions)


def test_too_few_answers_show_no_figure_and_the_report_says_which_and_why(
    series: tuple[Session, Session],
) -> None:
    trend = build_trend(series)
    status = next(x for x in trend.exercises[0].items if x.id == "status")
    latest = status.points[-1]
    assert latest is not None and latest.mean is None and latest.status == "too_few" and latest.n == 2
    assert status.change is None and status.verdict is None
    (_, none), (_, held) = trend.held_back
    assert none == () and [(h.item, h.n) for h in held] == [(status.label, 2)]
    markdown = render_trend_markdown(trend)
    assert "for få svar til at vise (n = 2)" in markdown
    assert "Holdt tilbage, fordi færre end 3 svarede" in markdown and "(n = 2)" in markdown
    # A session that sets its minimum to 2 shows the figure: the rule is the session's.
    lower = build_trend([series[0], series[1].with_min_answers(2)])
    shown = next(x for x in lower.exercises[0].items if x.id == "status").points[-1]
    assert shown is not None and shown.mean == 5.0


def test_a_minimum_of_four_holds_back_what_three_would_show(series: tuple[Session, Session]) -> None:
    stricter = series[1].with_min_answers(4)
    part = build_summary(stricter).exercise("resistance").scored
    assert part is not None
    assert part.item("control").status == "too_few"  # 3 answers < 4
    assert part.item("trust").status == "shown"  # 4 answers
    assert "færre end 4 svar" in render_markdown(build_summary(stricter))


def test_another_scale_renamed_missing_and_turned_items_are_said_not_mixed(
    series: tuple[Session, Session], library: Library
) -> None:
    first, second = series
    resistance = second.exercise("resistance")
    items = tuple(
        replace(i, text=Text(da="Tillid (nyt navn)", en="Trust (renamed)"))
        if i.id == "trust"
        else replace(i, polarity="positive")
        if i.id == "control"
        else i
        for i in resistance.items
        if i.id != "status"
    ) + (Item(id="fresh", text=Text(da="Ny kilde", en="New source")),)
    kkc = second.exercise("kkc-indicators")
    assert kkc.scale is not None
    wider = replace(kkc, scale=replace(kkc.scale, max=7))
    changed = replace(
        second,
        exercises={
            **second.exercises,
            "resistance": replace(resistance, items=items),
            "kkc-indicators": wider,
        },
    )
    trend = build_trend([first, changed])
    res, kkc_trend = trend.exercises
    trust = next(x for x in res.items if x.id == "trust")
    assert trust.change == pytest.approx(-2.0)  # the same id: compared, and said to be renamed
    assert any("Tillid (nyt navn)" in n for n in res.notes)
    control = next(x for x in res.items if x.id == "control")
    assert control.change is None and any("skiftet retning" in n for n in res.notes)
    status = next(x for x in res.items if x.id == "status")
    assert status.points[-1] is None and any("ikke stillet" in n for n in res.notes)
    fresh = next(x for x in res.items if x.id == "fresh")
    assert fresh.points[0] is None
    assert kkc_trend.high == 7 and all(x.change is None for x in kkc_trend.items + kkc_trend.dimensions)
    assert any("1–5" in n and "1–7" in n for n in kkc_trend.notes)


def test_a_dimension_whose_items_differ_is_not_compared(series: tuple[Session, Session]) -> None:
    first, second = series
    item = first.exercise("kkc-indicators").items[0]
    fewer = second.with_score("kkc-indicators", item.id, "p3", None).with_score(
        "kkc-indicators", item.id, "p4", None
    )  # two answers left: held back, so the dimension's mean is over fewer items
    kkc = build_trend([first, fewer]).exercises[1]
    dimension = next(d for d in kkc.dimensions if d.id == item.dimension)
    assert dimension.points[-1] is not None and dimension.points[-1].mean is not None
    assert dimension.change is None
    assert any("bygger ikke på de samme punkter" in n for n in kkc.notes)


def test_other_leader_groups_of_the_organisation_make_the_heatmap(series: tuple[Session, Session]) -> None:
    first, second = series
    other = replace(first, id="nord", title="Ledergruppe Nord", date="2027-01-20")
    other = scored(other, "resistance", "trust", [1, 1, 2])
    trend = build_trend(series, [[other]])
    resistance = trend.exercises[0]
    assert [r.label for r in resistance.heat] == [second.title, "Ledergruppe Nord"]
    assert resistance.oriented and len(resistance.columns) == len(resistance.items)
    html = render_trend_html(trend)
    assert html.count('class="num heat"') == 2 * len(resistance.columns) + 2 * len(trend.exercises[1].columns)


def test_heatmap_rows_of_groups_with_one_title_are_told_apart_in_every_format(
    series: tuple[Session, Session],
) -> None:
    first, second = series
    # Two other leader groups whose latest sessions share the series' own title.
    north = scored(replace(second, id="nord", date="2027-01-20"), "resistance", "trust", [1, 1, 2])
    south = scored(replace(second, id="syd", date="2027-01-20"), "resistance", "trust", [5, 5, 4])
    trend = build_trend(series, [[north], [south]])
    heat = trend.exercises[0].heat
    title = second.title
    dated = f"{title} (20. januar 2027"  # the same day too: their ids tell them apart
    assert [r.label for r in heat] == [f"{title} (14. januar 2027)", f"{dated}, nord)", f"{dated}, syd)"]
    markdown = render_trend_markdown(trend)
    html = render_trend_html(trend)
    csv_text = render_trend_csv(trend)
    for row in heat:
        assert f"| {row.label} |" in markdown
        assert f'<th scope="row">{row.label}</th>' in html  # the date is in the name: not twice
        assert f";{row.label}\r\n" in csv_text
    rows = [line.split(";") for line in csv_text.lstrip("\ufeff").split("\r\n") if ";heat;" in line]
    columns = trend.exercises[0].columns
    assert len(rows) == len(heat) * len(columns) + len(trend.exercises[1].heat) * len(
        trend.exercises[1].columns
    )
    assert {r[-1] for r in rows if r[0] == "resistance"} == {r.label for r in heat}
    # A title of its own keeps the plain name.
    other = replace(first, id="nord", title="Ledergruppe Nord", date="2027-01-20")
    plain = build_trend(series, [[scored(other, "resistance", "trust", [1, 1, 2])]])
    assert [r.label for r in plain.exercises[0].heat] == [title, "Ledergruppe Nord"]


def test_distinct_labels_add_the_first_fact_that_tells_rows_apart() -> None:
    rows = [
        ("Opfølgning", ("2027-01-14", "Opfølgning", "a")),
        ("Opfølgning", ("2027-02-10", "Opfølgning", "b")),
    ]
    assert distinct_labels(rows) == ["Opfølgning (2027-01-14)", "Opfølgning (2027-02-10)"]
    same_day = [
        ("X", ("2027-01-14", "X", "a")),
        ("X", ("2027-01-14", "Y", "b")),
        ("Z", ("2027-01-14", "Z", "c")),
    ]
    assert distinct_labels(same_day) == ["X (2027-01-14, a)", "X (2027-01-14, Y)", "Z"]


def test_heatmap_colours_are_one_sequential_scale_with_readable_values() -> None:
    for value in (1.0, 1.5, 2.2, 2.9, 3.5, 4.1, 4.6, 5.0):
        background, ink = cell_colours(value, 1, 5)
        assert background in BLUES
        assert contrast(background, ink) >= 4.5, (value, background, ink)
    assert cell_colours(1.0, 1, 5)[0] == BLUES[0] and cell_colours(5.0, 1, 5)[0] == BLUES[-1]


def test_trend_html_is_self_contained_and_prints_on_a4(series: tuple[Session, Session]) -> None:
    html = render_trend_html(build_trend(series))
    page = assert_self_contained(html)
    assert "size: A4" in page.style and "break-inside: avoid" in page.style
    assert page.tags.count("svg") >= 2 and page.lang == "da"


def test_trend_csv_has_a_row_per_session_and_line(series: tuple[Session, Session]) -> None:
    trend = build_trend(series)
    rows = render_trend_csv(trend).lstrip("\ufeff").splitlines()
    lines = sum(len(x.items) + len(x.dimensions) for x in trend.exercises)
    written = [x.id for x in trend.written]  # a written exercise run again: a row per session
    assert written == ["sheet-42"] and len(rows) == 1 + 2 * lines + 2 * len(written)
    assert any(";too_few;" in row for row in rows)


def test_exercise_trend_is_the_same_as_the_whole_trend(series: tuple[Session, Session]) -> None:
    whole = build_trend(series).exercises[0]
    one = exercise_trend(series, "resistance", "da")
    assert one == whole
    assert exercise_trend(series, "sheet-42", "da") is None  # not scored


def test_a_session_names_its_series_and_the_other_groups(
    series: tuple[Session, Session], data_dir: Path
) -> None:
    first, second = series
    other = replace(first, id="nord", title="Ledergruppe Nord", date="2027-01-20")
    elsewhere = replace(first, id="syd", title="Andet sted", organisation="Sydby")
    for session in (first, second, other, elsewhere):
        save_session(session, session_path(session))
    found = trend_sessions([second])
    assert [s.id for s in found.series] == [first.id, second.id]
    assert [[s.id for s in group] for group in found.others] == [["nord"]]
    assert previous_session(second) == first
    assert previous_session(first) is None


def test_a_missing_earlier_session_is_reported_and_the_rest_compared(
    series: tuple[Session, Session], library: Library, data_dir: Path
) -> None:
    first, second = series
    third = follow_up(second, title="Tredje gang", date="2027-05-01")
    third = scored(third, "resistance", "trust", [1, 1, 1])
    for session in (first, third):  # the second session's file is not there
        save_session(session, session_path(session))
    found = trend_sessions([third], list_sessions())
    assert [s.id for s in found.series] == [third.id]
    assert found.problems and "does not exist" in found.problems[0].what_in("en")


def test_the_trend_command_writes_every_format(series: tuple[Session, Session], tmp_path: Path) -> None:
    first, second = series
    for session in series:
        save_session(session, session_path(session))
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"), "da")
    out = tmp_path / "out"
    args = parser.parse_args(["trend", second.id, "--format", "all", "-o", str(out)])
    assert run(args, "da") == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".csv", ".html", ".md"]
    assert run(parser.parse_args(["trend", "no-such-session"]), "da") == 1


def test_no_dimension_note_while_the_latest_session_has_no_answers(series: tuple[Session, Session]) -> None:
    """A follow-up created but not run yet: each earlier session's dimension got a note that it
    "does not build on the same items (an item held back or not asked)" (12 in the demo series'
    trend and in Ctrl+L's panel), though nothing was held back: the latest has no answers yet,
    which its column already says."""
    first, second = series
    third = follow_up(second, title="Tredje dag", date="2027-04-20", session_id="day-3")
    kkc = next(x for x in build_trend([first, second, third]).exercises if x.id == "kkc-indicators")
    assert not any("bygger ikke på de samme punkter" in n for n in kkc.notes), kkc.notes
    assert all(d.change is None for d in kkc.dimensions)
