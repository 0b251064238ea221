"""One stray Esc does not take the facilitator out of a session: it takes two within 3 s.

Esc went straight back to the list of sessions (the other clients' titles on the wall when
the projector mirrors the screen), also when it was meant for a list that had just closed.
The first Esc now shows a reminder and stays; the second within the window leaves. The
window is the command's (``Command.twice``), and F1 and the README say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from workshop_tui.core.i18n import t
from workshop_tui.tui.commands import SESSION_COMMANDS, key_help
from workshop_tui.tui.escape_keys import AT_ONCE
from workshop_tui.tui.screens import session_actions
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


def _toasts(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_one_esc_stays_and_says_press_again_two_leave(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "Tryk Esc igen inden for 3 s for at forlade sessionen" in _toasts(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_an_esc_after_the_window_is_a_first_again(room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(session_actions, "monotonic", lambda: now[0])
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        now[0] += 3.5
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        now[0] += 1.0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_f1_says_twice() -> None:
    help_ = key_help(SESSION_COMMANDS, "da")
    line = next(x for x in help_.splitlines() if x.startswith("- **Esc**"))
    assert t("tui.help.twice", "da", seconds="3") in line
    assert "inden for 3 s" in line


async def test_the_esc_of_an_alt_key_is_no_first_esc(room: Path) -> None:
    """A real Alt+key arrives as Esc and the key in one read (``escape_keys.AT_ONCE``): it showed
    "press Esc again to leave". It starts no window now; a plain Esc after it still does."""
    app = app_for(room)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        alt = events.Key("escape", "\x1b")
        setattr(alt, AT_ONCE, True)
        app.post_message(alt)
        await pilot.pause()
        assert app.screen is screen
        assert not any("Tryk Esc igen" in toast for toast in _toasts(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "Tryk Esc igen inden for 3 s for at forlade sessionen" in _toasts(app)
        second = events.Key("escape", "\x1b")
        setattr(second, AT_ONCE, True)
        app.post_message(second)  # Esc, then Esc with a key at once (Esc Esc N typed ahead): leaves
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
