"""A real Alt+key on a session does not say "press Esc again to leave", through a real terminal.

A terminal sends Alt+J as ``ESC j`` in one write; the app reads it as Esc and J
(``tui/escape_keys.py``), and since a session is left by Esc twice, that Esc showed the
reminder to press Esc again. The parser marks an Esc read with its next key (``AT_ONCE``) and
the session starts no "twice" window on it; a plain Esc still does, and a second leaves.
The Pilot test (``tests/ui/test_escape_twice.py``) has the mechanism, this one the real reads.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed, TerminalTimeout, workshop_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

HINT = "Esc igen"


def test_an_alt_key_shows_no_leave_hint_and_esc_twice_still_leaves(tmp_path: Path) -> None:
    term = Terminal(workshop_command("--lang", "da", "demo"), env={"WORKSHOP_TUI_DATA_DIR": str(tmp_path)})
    try:
        term.start()
        term.wait_for_text("^n", timeout=60)
        term.settle(0.3)
        term.send(b"\x1bj")  # Alt+J, as a terminal sends it
        with pytest.raises(TerminalTimeout):
            term.wait_for_text(HINT, timeout=1.5)
        term.send(b"\x1b")
        term.wait_for_text(HINT, timeout=30)
        term.settle(0.2)
        term.send(b"\x1b")
        term.wait_for_text("Afslut", timeout=30)  # the list of sessions
    finally:
        term.kill()
        with contextlib.suppress(TerminalClosed, OSError):
            term.close()
