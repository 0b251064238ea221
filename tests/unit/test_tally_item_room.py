"""An item's tally adds up to at most the room, over all its scores (``people.tally_left``).

room25: the guard refused one score's count above the room, but 3 people could be tallied
3 at score 1 and 3 at score 2, and the wall then said "6 af 6". The grid now refuses the key
that would pass the room, saying how many are left; a file that already holds such a tally
loads as it is, "n af N" stops at the room, and the wall and the exports name the item.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.model.people import tally_left
from workshop_tui.core.results.figures import answered, answered_every, answered_marks, tally_over_room
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.export.markdown import render_markdown
from workshop_tui.tui.screens.projector_scores import scored_results
from workshop_tui.tui.views.grid_edits import tally_edit
from workshop_tui.tui.views.grid_panels import head_text


def _tallied(library: Library) -> Session:
    """Three people, "commitment" in tally mode, its first item counted 3 at score 1."""
    session = new_session(
        title="Tre", date="2026-12-04", exercises=[library.exercises["closing-rating"]], participants=3
    )
    first = session.agenda[0]
    session = session.with_mode(first, "tally")
    item = session.exercise(first).scored_items[0].id
    return session.with_tally(first, item, 1, 3)


def test_left_is_the_room_less_the_other_scores() -> None:
    assert tally_left({1: 3}, 2, 3) == 0
    assert tally_left({1: 3}, 1, 3) == 3  # its own count is not "other"
    assert tally_left({1: 1, 4: 1}, 2, 3) == 1
    assert tally_left({1: 5}, 2, 3) == 0  # never below nothing


def test_a_second_score_may_not_pass_the_room(library: Library) -> None:
    session = _tallied(library)
    first = session.agenda[0]
    item = session.exercise(first).scored_items[0].id
    with pytest.raises(ValueError) as refused:
        tally_edit(first, item, 2, "da", count=3)(session)
    assert str(refused.value) == t("counts.tally.over_room", "da", count=3, total=6, n=3, left=0)
    assert "Sænk først en anden score" in str(refused.value)
    with pytest.raises(ValueError):
        tally_edit(first, item, 2, "da", delta=1)(session)  # "+" alike
    lowered = tally_edit(first, item, 1, "da", count=1)(session)
    after = tally_edit(first, item, 2, "da", count=2)(lowered)
    assert after.answers_for(first).tallies[item] == {1: 1, 2: 2}
    assert answered(after, first) == (3, 3)


def _over_file(library: Library, tmp_path: Path) -> Session:
    """A session file that holds 3 at 1 and 3 at 2 for three people (written before the guard)."""
    session = _tallied(library)
    first = session.agenda[0]
    item = session.exercise(first).scored_items[0].id
    path = tmp_path / "over.toml"
    save_session(session.with_tally(first, item, 2, 3), path)
    return load_session(path)


def test_a_file_over_the_room_loads_and_is_flagged(library: Library, tmp_path: Path) -> None:
    session = _over_file(library, tmp_path)
    first = session.agenda[0]
    exercise = session.exercise(first)
    item = exercise.scored_items[0]
    assert session.answers_for(first).tallies[item.id] == {1: 3, 2: 3}  # nothing lost
    assert answered(session, first) == (3, 3)  # not "6 af 6"
    assert len(answered_marks(session, first)) == 3
    assert answered_every(session, first) <= 3
    assert tally_over_room(session, first) == ((item.id, 6),)
    flag = t("counts.tally.flag", "da", item=item.text.get("da"), total=6, n=3)
    summary = build_summary(session)
    part = summary.exercises[0].scored
    assert part is not None
    assert part.over_room == ((item.text.get("da"), 6, 3),)
    assert flag in render_markdown(summary)
    console = Console(width=100, record=True)
    console.print(scored_results(part, "da", 100, 30))
    assert "talt forkert" in " ".join(console.export_text().split())


def test_a_tally_within_the_room_is_not_flagged(library: Library) -> None:
    session = _tallied(library)
    assert tally_over_room(session, session.agenda[0]) == ()
    assert "talt forkert" not in render_markdown(build_summary(session))


def test_the_grid_says_so_too(library: Library, tmp_path: Path) -> None:
    session = _over_file(library, tmp_path)
    head, _ = head_text(session.exercise(session.agenda[0]), session, "da", compact=False)
    assert t("counts.grid.over_room", "da", n=1) in head.plain
