"""Text typed just before Ctrl+Q reaches the file before the app quits.

Ctrl+Q is a priority key: it runs the moment it arrives, while the letters typed just before
it still wait in the focused field's queue. The app used to ask "anything unsaved?" at that
moment, found nothing, and quit: a facilitator who typed the last words of an action and
quit at once lost them (two of three runs in tmux lost all of them, the third a part).
Pilot waits for idle after every key and cannot see this; the app runs in a pseudo-terminal.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session

from .test_fast_fingers import _open, _sheet_room

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CTRL_Q = b"\x11"
WORDS = "sidste ord i handlingen"


def _ended(term: Terminal) -> int | None:
    """The app's exit status once it has ended (the terminal is closed either way)."""
    try:
        with contextlib.suppress(TerminalClosed):
            term.settle(0.5, timeout=30)
        return term.process.wait(timeout=30) if term.process is not None else None
    finally:
        term.close()


def _saved_actions(path: Path, group: str) -> list[str]:
    return [action.text for action in load_session(path).answers_for("sheet-45").actions.get(group, ())]


@pytest.mark.parametrize("round_", range(3))
def test_words_typed_and_ctrl_q_in_one_burst_are_saved_before_the_app_quits(
    library: Library, data_dir: Path, round_: int
) -> None:
    path, group, _ = _sheet_room(library, data_dir, f"quit-{round_}", "Hurtigt ud")
    term = _open(path, data_dir)  # the first action's text has the keyboard
    term.send(WORDS.encode() + CTRL_Q)  # one write, as a fast typist's burst
    assert _ended(term) == 0
    assert _saved_actions(path, group) == [WORDS]


def test_words_typed_and_esc_in_one_burst_are_saved_before_the_session_closes(
    library: Library, data_dir: Path
) -> None:
    # Esc is no priority key (it goes up from the field, behind the letters), but the text
    # becomes an edit only after the letters are handled: it must still reach the file.
    path, group, _ = _sheet_room(library, data_dir, "esc-out", "Ud med Esc")
    term = _open(path, data_dir)
    try:
        term.send(WORDS.encode() + b"\x1b")
        term.pump(0.05)
        term.send(b"\x1b")  # Esc twice leaves a session: the first only shows a reminder
        term.wait_for_text("Afslut", timeout=60)
        term.send(b"q")
    finally:
        status = _ended(term)
    assert status == 0
    assert _saved_actions(path, group) == [WORDS]
