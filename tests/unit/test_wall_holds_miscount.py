"""The wall holds back the figures of an item tallied over the room; the exports keep them.

counts26: under "talt forkert ... kan ikke stoles på" the wall still showed the item's mean,
its bar and its n (6 of 3 people). Figures the app itself says cannot be trusted are not put
before the room: the item reads as withheld, as one with too few answers does, and is marked
neither best nor weakest. The warning stays; Markdown and CSV keep the numbers beside it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.export.markdown import render_markdown
from workshop_tui.tui.screens.projector_scores import scored_results


def _miscounted(library: Library, tmp_path: Path, exercise: str = "group-dynamics") -> Session:
    """Three people; item 1 tallied 3 at 1 and 3 at 2 (a file from before the guard), item 2
    tallied within the room (2 at 4, 1 at 5)."""
    session = new_session(
        title="Tre", date="2026-12-04", exercises=[library.exercises[exercise]], participants=3
    )
    first = session.agenda[0]
    session = session.with_mode(first, "tally")
    items = [item.id for item in session.exercise(first).scored_items]
    session = session.with_tally(first, items[0], 1, 3).with_tally(first, items[0], 2, 3)
    if len(items) > 1:
        session = session.with_tally(first, items[1], 4, 2).with_tally(first, items[1], 5, 1)
    path = tmp_path / "over.toml"
    save_session(session, path)
    return load_session(path)


def _wall(session: Session, lang: str, width: int, height: int) -> str:
    part = build_summary(session).exercises[0].scored
    assert part is not None
    console = Console(width=width, record=True)
    console.print(scored_results(part, lang, width, height))
    return console.export_text()


@pytest.mark.parametrize(("width", "height"), [(100, 30), (50, 16)])
def test_the_wall_holds_the_miscounted_items_figures_back(
    library: Library, tmp_path: Path, width: int, height: int
) -> None:
    session = _miscounted(library, tmp_path)
    wall = _wall(session, "da", width, height)
    words = " ".join(wall.split())
    assert "talt forkert, så punktets tal kan ikke stoles på" in words  # the warning stays
    if height >= 30:  # at 16 rows it goes last, among the items there is no room for
        assert t("tui.proj.status.miscounted", "da") in words
    assert "1,5" not in wall  # its mean (3 at 1, 3 at 2) is not on the wall
    assert "4,3" in wall  # the item counted within the room keeps its figures
    part = build_summary(session).exercises[0].scored
    assert part is not None
    held = part.over_room_ids
    assert held == (session.exercise(session.agenda[0]).scored_items[0].id,)


def test_the_wall_marks_no_miscounted_item_best(library: Library, tmp_path: Path) -> None:
    """Its mean 1,5 was the lowest: the wall marked it ▼ weakest beside "held back"."""
    session = _miscounted(library, tmp_path)
    lines = [
        line
        for line in _wall(session, "en", 100, 30).splitlines()
        if "miscounted" in line and "was" not in line
    ]
    assert len(lines) == 1
    assert "▲" not in lines[0] and "▼" not in lines[0] and "⚡" not in lines[0]
    assert lines[0].split()[-2:] == ["–", "–"]  # neither its mean nor its n (6, of 3 people)


def test_a_single_item_scale_is_held_back_too(library: Library, tmp_path: Path) -> None:
    wall = " ".join(_wall(_miscounted(library, tmp_path, "closing-rating"), "da", 100, 30).split())
    assert t("tui.proj.status.miscounted", "da") in wall
    assert "1,5" not in wall
    assert "talt forkert, så punktets tal" in wall


def test_the_exports_keep_the_numbers_with_the_warning(library: Library, tmp_path: Path) -> None:
    session = _miscounted(library, tmp_path)
    markdown = render_markdown(build_summary(session))
    assert "talt forkert" in markdown
    assert "1,5" in markdown  # management sees what the file holds


def test_a_diagnostics_profile_leaves_out_the_miscounted_half(library: Library, tmp_path: Path) -> None:
    """A dimension's profile is the mean of its statements' means: with the held item's 1,5 in
    it, the wall's profile showed "Kurs fremmes" at 2,9 (1,5 and 4,3); now it shows no figure
    for that half, and the other halves keep theirs."""
    session = _miscounted(library, tmp_path, "kkc-indicators")
    part = build_summary(session).exercises[0].scored
    assert part is not None
    kurs = next(d for d in part.dimensions if d.id == part.items[0].dimension)
    assert kurs.produced is not None  # the summary's (and the exports') figure
    wall = _wall(session, "da", 120, 60)
    profile = wall.split(t("tui.proj.profile", "da"))[1].split("\n\n")[0]
    shown = kurs.produced_label or f"{kurs.label} {t('tui.grid.produced', 'da')}"
    row = next(line for line in profile.splitlines() if shown[:12] in line)
    assert "2,9" not in row and "–" in row


def test_last_time_on_the_wall_holds_now_back_too(library: Library, tmp_path: Path) -> None:
    """Ctrl+L's last time beside now on the wall showed the miscounted item's 1,5 "now"."""
    from workshop_tui.tui.last_time_rule import held_on_wall, last_time_of
    from workshop_tui.tui.widgets.last_time import last_time_wall

    now = _miscounted(library, tmp_path)
    first = now.agenda[0]
    before = new_session(
        title="Før", date="2026-11-04", exercises=[library.exercises["group-dynamics"]], participants=3
    ).with_mode(first, "tally")
    before = before.with_tally(first, now.exercise(first).scored_items[0].id, 3, 3)
    found, why = last_time_of(before, now, first, "da")
    assert found is not None, why

    def shown(trend: object) -> str:
        console = Console(width=120, record=True)
        console.print(last_time_wall(trend, "", "da"))  # type: ignore[arg-type]
        return console.export_text()

    assert "1,5" in shown(found)  # the trend's (the report's) figure
    wall = shown(held_on_wall(found, now, first))
    assert "1,5" not in wall
    assert t("tui.proj.status.miscounted", "da") in wall
    assert "4,3" in wall  # the item counted within the room keeps its figure
