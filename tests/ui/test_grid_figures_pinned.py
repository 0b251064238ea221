"""At 80x24 a grid of 20 participants keeps n / mean / median in view while the people scroll.

With 13 or more participants the statistics were pushed off the screen to the right, where
the room could not see them (late23). They are pinned on the right now; only the
participants' columns between the labels and the figures scroll.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import app_for


def _screen_text(screen: SessionScreen) -> list[str]:
    return [strip.text for strip in screen._compositor.render_strips()]


async def test_n_and_mean_stay_in_view_with_20_participants_at_80x24(
    library: Library, data_dir: Path
) -> None:
    exercise = library.exercises["resistance"]
    session = new_session(
        title="Bredt rum", date="2026-12-04", exercises=[exercise], participants=20, language="da"
    )
    first = exercise.scored_items[0].id
    session = session.with_scores(exercise.id, {first: {f"p{n}": 1 + n % 5 for n in range(1, 21)}})
    path = session_path(session)
    save_session(session, path)
    app = app_for(path, "da")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        grid = screen.query_one(ScoreGrid)
        assert grid.virtual_size.width > grid.scrollable_content_region.width, "the people do not fit"
        for column in (1, 20, 10):  # the first participant, the last, one between
            grid.cursor_coordinate = grid.cursor_coordinate._replace(row=0, column=column)
            await pilot.pause()
            lines = _screen_text(screen)
            [header] = [line for line in lines if line.startswith(" Punkt")]
            assert " n gns. " in " ".join(header.split()) + " ", header
            # The 20 scores 2, 3, 4, 5, 1, … : n 20, mean 3,0, under their own headings.
            row = next(line for line in lines if "Manglende" in line)  # the grid's row, above the panel
            n_at, mean_at = header.index(" n ") + 1, header.index("gns.")
            assert row[n_at - 2 : n_at + 1].strip() == "20", (header, row)
            assert row[mean_at : mean_at + 5].strip() == "3,0", (header, row)
            label = grid.columns[column].label.plain
            assert label in header, (label, header)  # the cursor's participant is in view too
