"""Invisible characters in a pasted column of scores are read as the core reads them (audit17).

Scores copied from a web page, a chat or Windows Notepad carry characters drawn as nothing: a
zero-width space after a number, a BOM before the first, a word joiner. The terminal's parser
(``tui/escape_keys.py``) takes them out of a bracketed paste on Linux and macOS, but Textual's
own driver (Windows) hands the paste on as copied: there ``3\\u200b`` was refused with
"“3” is not a score from 1 to 5", a refusal of exactly the number it names. The grid now
takes them out itself, by the core's rule (``text_safety.without_invisible``): ``3\\u200b`` is
the score 3 whichever way the paste came, and ``4\\u200b5`` is the ``45`` the facilitator saw,
refused as that. Both ways are tested: a Paste event as Textual's own driver delivers it, and
real bracketed-paste bytes written to the app's pseudo-terminal.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest
from textual import events

from benchmarks.terminal import Terminal, TerminalClosed, workshop_command
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for

PASTED = "\ufeff3\u200b\r\n4\u2060\n\u200b5\u200b"
"""A column of three scores as a web page or Notepad copies it (BOM, zero-width spaces, a word joiner)."""


async def test_invisible_characters_around_pasted_scores_are_taken_out(room: Path) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        grid.post_message(events.Paste(PASTED))  # as Textual's own driver (Windows) delivers it
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4, "p3": 5}}
        assert not app._notifications, [n.message for n in app._notifications]


async def test_a_number_with_an_invisible_character_inside_is_the_number_it_looks_like(room: Path) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        grid.post_message(events.Paste("4\u200b5"))
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {}
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and "“45” is not a score from 1 to 5. Nothing was pasted" in said[0], said


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_real_bracketed_paste_with_invisible_characters(room: Path, data_dir: Path) -> None:
    """The bytes a terminal sends for a paste, through the app's own driver and parser."""
    term = Terminal(
        workshop_command("--lang", "en", "open", str(room)), env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)}
    )
    try:
        term.start()
        term.wait_for_text("^n", timeout=60)
        term.settle(0.3)
        term.send(b"\x1b[200~" + "4\u200b5".encode() + b"\x1b[201~")
        term.wait_for_text("is not a score", timeout=30)
        term.settle(0.3)
        shown = term.screen.text()
        assert "“45” is not a score from 1 to 5" in shown, shown
        term.send(b"\x1b[200~" + PASTED.encode() + b"\x1b[201~")
        term.wait_until(lambda s: s.find("3.5") is not None or s.find("4.0") is not None, timeout=30)
        term.settle(0.3)
    finally:
        term.kill()
        with contextlib.suppress(TerminalClosed, OSError):
            term.close()
    assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4, "p3": 5}}
