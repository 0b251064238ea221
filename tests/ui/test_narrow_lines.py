"""Lines that must stay whole on a narrow terminal (80x24, a laptop's default window):
the footer's F1, the heading's "(Ctrl+G)", the home list's dates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets._footer import FooterKey

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, listed, until

SIZES = [(80, 24), (100, 30), (120, 36)]


def _lines(app: App[Any]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def _footer_words(app: App[Any]) -> list[str]:
    """The shown keys' texts as the footer draws them ("f1 Hjælp")."""
    return [
        key.render().plain.strip()
        for key in app.screen.query(FooterKey)
        if key.display and not key.has_class("-command-palette")
    ]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["da", "en"])
async def test_f1_and_whole_keys_in_the_session_footer(room: Path, size: tuple[int, int], lang: str) -> None:
    """At 80 columns the footer was cut at the frame ("f8 Eksportér f"): F1 was out of sight."""
    app = app_for(room, lang)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session is open")
        await pilot.pause()
        bottom = _lines(app)[-1]
        help_key = {"da": "f1 Hjælp", "en": "f1 Help"}[lang]
        assert help_key in bottom, bottom
        words = _footer_words(app)
        assert words[-1] == help_key
        for word in words:
            assert word in bottom, f"{word!r} is cut: {bottom!r}"
        if size[0] == 120:
            assert len(words) == 10, words  # every footer key fits at 120 columns


async def test_f1_in_the_home_footer_at_60_columns(room: Path) -> None:
    app = app_for(None)
    async with app.run_test(size=(60, 24)) as pilot:
        await listed(pilot)
        bottom = _lines(app)[-1]
        assert "f1 Hjælp" in bottom and "^p" in bottom, bottom
        for word in _footer_words(app):
            assert word in bottom, f"{word!r} is cut: {bottom!r}"


LONG_GROUP = "Gruppe A – Hjemmepleje og sygepleje og udskrivning og rehabilitering i kommunen"


@pytest.mark.parametrize("exercise", ["sheet-45", "sheet-42", "tension-fields"])
async def test_a_long_group_name_is_cut_to_keep_ctrl_g_on_its_line(
    library: Library, data_dir: Path, exercise: str
) -> None:
    """The name wrapped and took "(Ctrl+G)" to the next line; wider, the whole name shows again."""
    session = new_session(
        title="Lange navne",
        date="2026-11-23",
        exercises=[library.exercises[exercise]],
        participants=["Anne", "Bo"],
        groups=[LONG_GROUP, "Bord 2"],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="lange-navne",
    )
    path = session_path(session)
    save_session(session, path)
    app = app_for(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session is open")
        await pilot.pause()
        await pilot.pause()
        line = next(line for line in _lines(app) if "Gruppe:" in line)
        assert "(Ctrl+G)" in line and "…" in line, line
        assert LONG_GROUP[:20] in line
        await pilot.resize_terminal(160, 36)
        await pilot.pause()
        await pilot.pause()
        line = next(line for line in _lines(app) if "Gruppe:" in line)
        assert f"{LONG_GROUP}  (Ctrl+G)" in line, line


async def test_home_list_dates_whole_at_80_columns(library: Library, data_dir: Path) -> None:
    """The title's 64 columns left "2027-" of the date at 80 columns: the title is cut instead."""
    session = new_session(
        title="Ledelse på tværs – sammenhængende forløb efter udskrivning og rehabilitering",
        date="2027-01-20",
        exercises=[library.exercises["commitment"]],
        participants=["Anne", "Bo"],
        groups=["Bord 1"],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="lang-titel",
    )
    save_session(session, session_path(session))
    app = app_for(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(pilot)
        row = next(line for line in _lines(app) if "Ledelse" in line)
        assert "20. januar 2027" in row and "…" in row, row
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        row = next(line for line in _lines(app) if "Ledelse" in line)
        assert "20. januar 2027" in row, row
        await pilot.resize_terminal(160, 36)
        await pilot.pause()
        row = next(line for line in _lines(app) if "Ledelse" in line)
        assert "efter udskrivning og" in row, row  # wide: the title's 64 columns again
        await pilot.resize_terminal(100, 30)
        await pilot.press("f1")  # the help beside the list takes its width
        await pilot.pause()
        await pilot.pause()
        row = next(line for line in _lines(app) if "Ledelse" in line)
        assert "20. januar 2027" in row, row


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_date_field_s_example_is_whole(room: Path, lang: str, size: tuple[int, int]) -> None:
    """ "Dato, fx 20.1.2027" showed as "Dato, fx": the example, the one hint of how to write a
    date, was cut off by the 18-column field (found by hand at 80x24 and 120x36)."""
    from rich.cells import cell_len

    from workshop_tui.tui.widgets.entry import EntryInput

    app = app_for(room, lang)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session is open")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-45")
        await pilot.pause()
        await pilot.pause()
        due = screen.view.query_one("#due-1", EntryInput)
        assert cell_len(due.placeholder) <= due.content_region.width, (due.placeholder, due.content_region)
