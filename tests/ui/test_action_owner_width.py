"""At 80 columns an action's owner field shows a whole first name and more, not six letters.

Found by hand (explore11): the owner field was a quarter of what text and date left, so at
80 columns "Mette-Marie" showed as "Mette-"; the date field kept room for 14 characters
where a date has 10.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.entry import EntryInput

from .conftest import SIZE, app_for


async def _widths(room: Path, size: tuple[int, int]) -> dict[str, int]:
    app = app_for(room)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-45")
        await pilot.pause()
        return {
            part: screen.query_one(f"#{part}-0", EntryInput).content_region.width
            for part in ("text", "owner", "due")
        }


async def test_the_owner_field_has_room_for_a_name_at_80_columns(room: Path) -> None:
    widths = await _widths(room, (80, 24))
    assert widths["owner"] >= 12, widths
    assert widths["due"] >= len("2026-11-15") + 1, widths  # a whole date and the cursor after it
    assert widths["text"] >= 24, widths


async def test_the_action_text_keeps_most_of_the_row_at_120_columns(room: Path) -> None:
    widths = await _widths(room, SIZE)
    assert widths["text"] > 2 * widths["owner"] >= 2 * 12, widths
