"""A blind round stays blind on the facilitator's screen after a real burst of Ctrl+B.

The keys a terminal hands on in one read, as found by hand (blind15): ``workshop demo`` at
80x24 with voting on 127.0.0.1, F10, Esc, then nine Ctrl+B in one write. The grid the burst
stops on (2/11) showed every score though its round was blind; the Pilot test
(``tests/ui/test_blind_burst.py``) has the mechanism, this one the real key timing.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed, workshop_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

F10 = b"\x1b[21~"
CTRL_B = b"\x02"


def test_a_burst_of_ctrl_b_with_voting_open_stops_on_a_blind_grid(tmp_path: Path) -> None:
    command = workshop_command("--lang", "da", "--vote-host", "127.0.0.1", "--vote-port", "0", "demo")
    term = Terminal(command, size=(80, 24), env={"WORKSHOP_TUI_DATA_DIR": str(tmp_path)})
    try:
        term.start()
        term.wait_for_text("^n", timeout=60)
        term.settle(0.3)
        term.send(F10)
        term.wait_for_text("127.0.0.1", timeout=60)
        term.settle(0.3)
        term.send(b"\x1b")
        term.wait_for_text("Afstemning åben", timeout=30)
        term.settle(0.3)
        term.send(CTRL_B * 9)
        term.wait_for_text("2/11", timeout=60)
        term.settle(1.0, timeout=30)
        shown = term.screen.text()
        assert "BLINDT" in shown, shown
        assert "●" in shown, shown
    finally:
        term.kill()
        with contextlib.suppress(TerminalClosed, OSError):
            term.close()
