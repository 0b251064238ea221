"""Issue 12, item 2, through a real pseudo-terminal: no escape sequence of a session reaches it.

A session whose every text (title, organisation, group and participant names, exercise
texts, notes, answers) carries OSC 52 (clipboard), OSC 0 (window title), ED (clear screen),
an 8-bit CSI, a DCS, a bidi override, a bell and a NUL is listed, opened, walked through
and projected; the bytes the app writes hold none of them, and the file is unchanged.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from .hostile import LEAKS, hostile_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CTRL_N = b"\x0e"
F2 = b"\x1bOQ"
F7 = b"\x1b[18~"
ESCAPE = b"\x1b"
ENTER = b"\r"


def test_a_hostile_session_writes_no_escape_sequence_to_the_terminal(data_dir: Path) -> None:
    from benchmarks.terminal import Terminal, workshop_command

    path = hostile_session(data_dir / "sessions")
    before = path.read_bytes()
    env = {"WORKSHOP_TUI_DATA_DIR": str(data_dir)}
    with Terminal(workshop_command("--lang", "en"), env=env) as term:
        term.start()
        term.wait_for_text("Ledelse på tværs", timeout=60)  # the home list, title cleaned
        term.settle()
        term.send(ENTER)
        time.sleep(2.0)
        term.settle(0.5, timeout=30)
        for _ in range(10):  # every exercise of the agenda, and round again
            term.send(CTRL_N)
            term.settle(0.2, timeout=10)
        term.send(F2)  # the projector
        term.settle(0.5, timeout=10)
        for _ in range(10):
            term.send(CTRL_N)
            term.settle(0.2, timeout=10)
        term.send(F2)
        term.settle(0.5, timeout=10)
        term.send(F7)  # the facilitator's note
        term.settle(0.5, timeout=10)
        term.send(ESCAPE)
        term.settle(0.5, timeout=10)
        output = bytes(term.output)
        screen = term.screen.text()
    assert len(output) > 20_000, "the app drew next to nothing: the test checked nothing"
    found = {marker: output.count(marker) for marker in LEAKS if marker in output}
    assert found == {}, found
    assert "Ledelse på tværs" in screen
    assert path.read_bytes() == before
