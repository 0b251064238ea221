"""Every key's words come from the catalogue in the interface language: an English window
shows no Danish in its footer and tooltips, a Danish one no English (bindings carry only keys)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.new_session import NewSessionScreen

from .conftest import SIZE, app_for, listed


def _words(screen: object) -> dict[str, tuple[str, str]]:
    """Binding id -> (description, tooltip) as the footer gets them."""
    bindings = screen.active_bindings  # type: ignore[attr-defined]
    return {b.binding.id: (b.binding.description, b.tooltip) for b in bindings.values() if b.binding.id}


@pytest.mark.parametrize(
    ("lang", "home", "form"),
    [
        (
            "da",
            {"new": ("Ny session", "opret en ny session"), "quit": ("Afslut", "afslut workshop-tui")},
            "Annullér",
        ),
        (
            "en",
            {"new": ("New session", "create a new session"), "quit": ("Quit", "quit workshop-tui")},
            "Cancel",
        ),
    ],
)
async def test_footer_words_and_tooltips_are_in_the_interface_language(
    data_dir: Path, lang: str, home: dict[str, tuple[str, str]], form: str
) -> None:
    app = app_for(None, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        words = _words(app.screen)
        assert {key: words[key] for key in home} == home
        assert all(not text.startswith("tui.") for text, _ in words.values()), words
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        assert _words(app.screen)["cancel"][0] == form


@pytest.mark.parametrize(
    ("lang", "title", "message"),
    [
        ("da", "Vil du afslutte?", "Tryk Ctrl+Q for at afslutte"),
        ("en", "Do you want to quit?", "Press Ctrl+Q to quit"),
    ],
)
async def test_ctrl_c_says_how_to_quit_in_the_interface_language(
    room: Path, lang: str, title: str, message: str
) -> None:
    """Textual's Ctrl+C notice was English in a Danish window, its markup shown as written:
    "Press [b]ctrl+q[/b] to quit the app" (found by hand in tmux)."""
    app = app_for(room, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = [(n.title, n.message) for n in app._notifications]
        assert (title, message) in shown, shown
        assert not any("[b]" in m for _, m in shown)


@pytest.mark.parametrize(
    ("lang", "saved", "failed"),
    [
        ("da", "Skærmbilledet er gemt i /tmp/shot.svg", "Skærmbilledet kunne ikke gemmes: full"),
        ("en", "Saved the screenshot to /tmp/shot.svg", "Could not save the screenshot: full"),
    ],
)
async def test_the_screenshot_notices_are_in_the_interface_language(
    data_dir: Path, lang: str, saved: str, failed: str
) -> None:
    """Textual said "Saved screenshot to '…'" in English, in a Danish window (found by hand)."""
    app = app_for(None, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(events.DeliveryComplete(key="k", path=Path("/tmp/shot.svg"), name="screenshot"))
        app.post_message(events.DeliveryFailed(key="k", exception=OSError("full"), name="screenshot"))
        await pilot.pause()
        said = [(n.title, n.message) for n in app._notifications]
    title = "Skærmbillede" if lang == "da" else "Screenshot"
    assert said == [(title, saved), (title, failed)]


async def test_f1s_key_panel_says_textuals_own_tooltips_in_danish(data_dir: Path) -> None:
    """product24: Ctrl+Q's and Ctrl+P's tooltips stood in English in F1's key panel of a Danish screen."""
    app = app_for(None, "da")
    async with app.run_test(size=(120, 36)) as pilot:
        await listed(pilot)
        home = app.screen
        tips = {b.binding.key: b.tooltip for b in home.active_bindings.values()}
        assert tips["ctrl+q"] == "Afslut programmet og vend tilbage til terminalen."
        assert tips["ctrl+p"] == "Åbn kommandopaletten"
