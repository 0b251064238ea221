"""One order for a grid's items: the grid's profile, the wall and the exports read the core's.

explore21/order23: on a negative grid (resistance, tension fields: a high score is bad) the
grid's profile listed the items by plain mean, highest first, so its top line was the
export's weakest item (the highest "Rang"), while the wall kept the exercise's order. Every
list now reads ``results.item_order`` (best first by polarity).
"""

from __future__ import annotations

import io
from html import escape

import pytest
from rich.console import Console

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.results.figures import item_stats
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown
from workshop_tui.tui.screens.projector import projected
from workshop_tui.tui.views.grid_panels import profile_text

# Five items, distinct means: the third answered has the least (the best on a negative grid),
# the first the most, and neither is first or last in the exercise's order.
SCORES = {
    "resistance": {
        "trust": [5, 5, 5, 5],
        "necessity": [4, 4, 4, 4],
        "failure": [1, 1, 1, 2],
        "status": [3, 3, 3, 3],
        "control": [2, 2, 2, 2],
    },
    "tension-fields": {
        "methods": [5, 5, 5, 5],
        "division-of-labour": [4, 4, 4, 4],
        "silo-budget": [1, 1, 1, 2],
        "cultures": [3, 3, 3, 3],
        "formal-barriers": [2, 2, 2, 2],
    },
}
BEST = {"resistance": "failure", "tension-fields": "silo-budget"}


def _session(library: Library, exercise_id: str) -> Session:
    session = new_session(
        title="Rækkefølge",
        date="2026-12-04",
        exercises=[library.exercises[exercise_id]],
        participants=4,
        timestamp="2026-12-04T09:00:00+00:00",
        session_id="raekkefoelge",
    )
    for item, scores in SCORES[exercise_id].items():
        for n, score in enumerate(scores, start=1):
            session = session.with_score(exercise_id, item, f"p{n}", score)
    return session


def _first(lines: list[str], texts: dict[str, str]) -> str:
    """The id of the item whose text (its first 18 characters) comes first in ``lines``."""
    for line in lines:
        for item_id, text in texts.items():
            if text[:18] in line:
                return item_id
    raise AssertionError(f"no item in {lines}")


@pytest.mark.parametrize("exercise_id", ["resistance", "tension-fields"])
def test_profile_wall_and_markdown_list_the_same_first_item(library: Library, exercise_id: str) -> None:
    session = _session(library, exercise_id)
    exercise = session.exercise(exercise_id)
    assert exercise.polarity == "negative"
    texts = {i.id: i.text.da for i in exercise.items if i.id in SCORES[exercise_id]}

    stats = item_stats(exercise, session.answers_for(exercise_id))
    profile = profile_text(exercise, session, stats, "da", 100)
    assert profile is not None
    in_profile = _first(profile.plain.splitlines()[1:], texts)

    console = Console(width=120, record=True, file=io.StringIO())
    console.print(projected(session, exercise, "da", 120, 40))
    on_wall = _first(console.export_text().splitlines(), texts)

    markdown = render_markdown(build_summary(session)).splitlines()
    ranked_first = [line for line in markdown if line.startswith("1. **")]
    assert ranked_first, "the export lists its best items"
    in_export = _first(ranked_first, texts)

    # The HTML export's profile chart: its first bar after the chart's title.
    html = render_html(build_summary(session))
    chart = html[html.index(t("export.profile.title", "da")) :]
    in_html = min(texts, key=lambda i: chart.find(escape(texts[i][:18])) % len(chart))

    part = build_summary(session).exercise(exercise_id).scored
    assert part is not None
    assert (in_profile, on_wall, in_export, in_html) == (BEST[exercise_id],) * 4
    assert part.ranking[0] == BEST[exercise_id] and part.item(BEST[exercise_id]).rank == 1


def test_a_ranking_s_summary_order_puts_the_first_place_first(library: Library) -> None:
    """A ranking's places are negative (1 = first): the summary's order, read by the HTML
    profile and the wall, starts with the lowest mean place, as the grid's profile does."""
    session = new_session(
        title="Rangordning",
        date="2026-12-04",
        exercises=[library.exercises["challenges-ranking"]],
        participants=3,
        timestamp="2026-12-04T09:00:00+00:00",
        session_id="rangordning",
    )
    exercise = session.exercise("challenges-ranking")
    places = {item.id: place for place, item in enumerate(exercise.items, start=1)}
    for item_id, place in places.items():
        for n in (1, 2, 3):
            session = session.with_score("challenges-ranking", item_id, f"p{n}", place)
    part = build_summary(session).exercise("challenges-ranking").scored
    assert part is not None
    assert list(part.ranking) == list(places)
