"""The new-session form refuses a name given twice, however it is written, and says so in sight.

"Bo" and "Bo" with a blank Braille cell after it read the same on every screen: they are one name
(``text_safety.clean_name``). At 80x24 the form's refusal was written below the form, out of
sight while the participants field had the focus: Ctrl+S seemed to do nothing. Now a notice
says it too, beside the field.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from workshop_tui.core.i18n import t
from workshop_tui.tui.screens.groups import GroupsModal
from workshop_tui.tui.screens.new_session import NewSessionScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, until


async def test_a_name_twice_is_refused_where_it_can_be_read(data_dir: Path) -> None:
    app = app_for(None, "en")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        screen.query_one("#title", Input).value = "Navne"
        screen.query_one("#participants", Input).value = "Anne, Bo, Bo\u2800"
        await pilot.press("ctrl+s")
        said = t("tui.refused", "en", reason=t("refusal.participants.twice", "en", name="Bo"))
        await until(pilot, lambda: said in [n.message for n in app._notifications], "said as a notice")
        assert app.screen is screen  # nothing was made
        assert screen.focused is screen.query_one("#participants", Input)
        field = screen.query_one("#participants", Input).region
        toasts = [toast.region for toast in screen.query("Toast")]
        assert toasts and all(r.height > 0 and not r.overlaps(field) for r in toasts), (toasts, field)


async def test_a_group_named_twice_is_refused_where_it_can_be_read(room: Path) -> None:
    """Ctrl+R at 80x24: "Bord 9" and "bord 9" + a blank Braille cell are one name, refused; the
    reason, below the fields, was scrolled out of sight."""
    app = app_for(room, "en")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+r")
        form = app.screen
        assert isinstance(form, GroupsModal)
        form.query_one("#new-0", Input).value = "Bord 9"
        form.query_one("#new-1", Input).value = "bord 9\u2800"
        await pilot.press("ctrl+s")
        said = t("tui.refused", "en", reason=t("refusal.group.name_taken", "en", name="bord 9"))
        await until(pilot, lambda: said in [n.message for n in app._notifications], "said as a notice")
        assert app.screen is form and len(screen.session.groups) == 2
