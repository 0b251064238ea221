"""Ctrl+O after a real burst of keys carries the action whose field has the cursor.

A follow-up day's review, opened in a pseudo-terminal at 80x24: a note typed in action 1's
note field, Ctrl+O, then on to action 2's note, in one write (as a terminal hands on fast
fingers). Action 1 must be the one carried over, each note on its own action.
The Pilot test (``tests/ui/test_carry_focus.py``) has the mechanism, this one the timing.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed, workshop_command
from tests.ui.conftest import REVIEW, first_day, follow_up_day
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, save_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TAB = b"\t"
CTRL_O = b"\x0f"


def _follow_up_file(library: Library, folder: Path) -> Path:
    later = follow_up_day(library, first_day(library, save=False))
    path = folder / "opfolgning.toml"
    save_session(later, path)
    return path


def test_ctrl_o_in_a_real_burst_carries_the_row_it_was_typed_in(library: Library, tmp_path: Path) -> None:
    path = _follow_up_file(library, tmp_path)
    command = workshop_command("--lang", "da", "open", str(path))
    term = Terminal(command, size=(80, 24), env={"WORKSHOP_TUI_DATA_DIR": str(tmp_path / "data")})
    try:
        term.start()
        term.wait_for_text("Fælles visitationsmøde", timeout=60)
        term.settle(0.3)
        # From action 1's status, in one write: Tab to its note, "abc", Ctrl+O, Tab Tab to
        # action 2's note, "def". Before: action 2 was carried (the Tabs had moved the cursor
        # on by the time Ctrl+O reached the view).
        term.send(TAB + b"abc" + CTRL_O + TAB + TAB + b"def")
        term.wait_for_text("videreført", timeout=30)
        deadline = time.monotonic() + 20
        while "def" not in str(load_session(path).answers_for(REVIEW).texts) and time.monotonic() < deadline:
            time.sleep(0.1)
        texts = load_session(path).answers_for(REVIEW).texts
        assert texts["g1"] == {"a1.note": "abc", "a1.carried": "yes", "a2.note": "def"}, term.screen.text()
    finally:
        term.kill()
        with contextlib.suppress(TerminalClosed, OSError):
            term.close()
