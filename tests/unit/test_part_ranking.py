"""A ranking is whole from a phone (``ranking.unplaced``); one made in part is said, not hidden.

room25: a phone could send places for some items only, so the items' counts differed (7 against
8) and the mean places read as the room's order. The phone page and the server now take only a
whole ranking (tests/voting/test_ranking_phone.py); the grid still takes places one by one, so a
part-way ranking there (or in an older file) is flagged in the exports, beside each item's n.
counts26: not on the grid's head or the wall, where every ranking being typed is part-way; they
show the items' n.
"""

from __future__ import annotations

from rich.console import Console

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.ranking import unplaced
from workshop_tui.core.model import Session
from workshop_tui.core.results.figures import part_rankings
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.summary_model import ScoredPart
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.csv import render_csv
from workshop_tui.export.markdown import render_markdown
from workshop_tui.tui.screens.projector_scores import scored_results
from workshop_tui.tui.views.grid_panels import head_text

RANKING = "challenges-ranking"


def _ranked(library: Library, *, part: bool) -> Session:
    """Four people: three rank every item, the fourth only the first (``part``) or all."""
    exercise = library.exercises[RANKING]
    session = new_session(title="R", date="2026-12-04", exercises=[exercise], participants=4)
    items = [item.id for item in exercise.scored_items]
    for person in ("p1", "p2", "p3", "p4"):
        for place, item in enumerate(items[:1] if part and person == "p4" else items, start=1):
            session = session.with_score(RANKING, item, person, place)
    return session


def test_unplaced_counts_missing_items_and_places_given_twice(library: Library) -> None:
    exercise = library.exercises[RANKING]
    items = [item.id for item in exercise.scored_items]
    whole = {item: place for place, item in enumerate(items, start=1)}
    assert unplaced(exercise, whole) == 0
    assert unplaced(exercise, {items[0]: 1}) == len(items) - 1
    assert unplaced(exercise, {**whole, items[1]: 1}) == 1


def _wall(part: ScoredPart) -> str:
    console = Console(width=100, record=True)
    console.print(scored_results(part, "da", 100, 30))
    return " ".join(console.export_text().split())


def _typed_rows(library: Library, rows: int) -> Session:
    """Four people, their places typed as the grid's cursor goes: row by row (an item's place
    for each person in turn), ``rows`` of the items' rows done."""
    exercise = library.exercises[RANKING]
    session = new_session(title="R", date="2026-12-04", exercises=[exercise], participants=4)
    items = [item.id for item in exercise.scored_items]
    for place, item in enumerate(items[:rows], start=1):
        for person in ("p1", "p2", "p3", "p4"):
            session = session.with_score(RANKING, item, person, place)
    return session


def test_a_ranking_being_typed_is_not_flagged_in_front_of_the_room(library: Library) -> None:
    """counts26: the grid's cursor goes on to the next person at each place, so while the
    facilitator types, every person's ranking is part-way until the last row; the grid's head
    and the wall said "4 personer har kun rangordnet nogle af punkterne" at every key."""
    session = _typed_rows(library, 2)
    exercise = session.exercise(RANKING)
    part = build_summary(session).exercises[0].scored
    assert part is not None and part.part_rankings == 4
    assert "rangordnet nogle" not in _wall(part)
    assert "rangordnet nogle" not in head_text(exercise, session, "da", compact=False)[0].plain
    assert {item.stats.n for item in part.items} == {0, 4}  # the items' n, as they are


def test_a_part_ranking_is_flagged_in_the_exports_and_its_n_shown_live(library: Library) -> None:
    session = _ranked(library, part=True)
    exercise = session.exercise(RANKING)
    assert part_rankings(exercise, session.answers_for(RANKING)) == 1
    summary = build_summary(session)
    part = summary.exercises[0].scored
    assert part is not None and part.part_rankings == 1
    assert sorted({item.stats.n for item in part.items}) == [3, 4]  # each item's n, as it is
    said = t("counts.ranking.part", "da", n=1)
    assert said in render_markdown(summary)
    assert said in render_csv(summary)
    wall = _wall(part)
    assert "rangordnet nogle" not in wall
    assert "gns. n" in wall  # the wall's n column: shown because the items' n differ


def test_whole_rankings_say_nothing(library: Library) -> None:
    session = _ranked(library, part=False)
    assert part_rankings(session.exercise(RANKING), session.answers_for(RANKING)) == 0
    assert "rangordnet nogle" not in render_markdown(build_summary(session))


def test_the_csv_carries_the_warning(library: Library) -> None:
    rows = render_csv(build_summary(_ranked(library, part=True)))
    assert t("counts.ranking.part", "da", n=1) in rows
    assert "warning" in rows
    assert "rangordnet nogle" not in render_csv(build_summary(_ranked(library, part=False)))
