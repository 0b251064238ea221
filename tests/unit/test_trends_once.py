"""A trend lists every exercise run in only one session, of any kind, each entry told apart.

Found by explore12: "Kun kørt én gang" listed only scored exercises, and two exercises with
the same title read as one entry (the same title twice); text and CSV did not list them at all.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown, render_trend_text
from workshop_tui.export.trend_html import render_trend_html


@pytest.fixture
def series(library: Library) -> tuple[Session, Session]:
    """Resistance in both; an action sheet, a table and two same-titled grids in the second only."""
    ex = library.exercises
    twin = replace(ex["tension-fields"], id="tension-fields-again")
    first = new_session(title="Fjordby", date="2026-10-14", participants=4, exercises=[ex["resistance"]])
    second = new_session(
        title="Fjordby",
        date="2027-01-14",
        participants=4,
        exercises=[
            ex["resistance"],
            ex["tension-fields"],
            ex["sheet-45"],
            ex["stakeholder-analysis"],
            twin,
        ],
    )
    return first, second


def test_every_kind_run_once_is_listed_and_same_titles_are_told_apart(
    series: tuple[Session, Session],
) -> None:
    trend = build_trend(series)
    title = series[1].exercise("tension-fields").title.get("da")
    sheet = series[1].exercise("sheet-45").title.get("da")
    assert [x.id for x in trend.once] == [
        "tension-fields",
        "sheet-45",
        "stakeholder-analysis",
        "tension-fields-again",
    ]
    labels = [x.label for x in trend.once]
    assert labels[0] == f"{title} (nr. 2)" and labels[3] == f"{title} (nr. 5)"
    assert labels[1] == sheet and len(set(labels)) == len(labels)
    assert {x.kind for x in trend.once} >= {"action_list", "table"}
    assert [x.id for x in trend.exercises] == ["resistance"]
    for text in (
        render_trend_markdown(trend),
        render_trend_html(trend),
        render_trend_text(trend),
        render_trend_csv(trend),
    ):
        for label in labels:
            assert label in text, (label, text)
