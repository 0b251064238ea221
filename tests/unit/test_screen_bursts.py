"""Keys typed in the burst of Esc, F10 and the list's keys, and pastes during a view switch, land where meant.

Esc (to the list of sessions), F10 (the voting panel) and the list's own keys (N: a new
session) are no priority keys: they go to the focused field first and act only when they
have bubbled up to the app. The keys typed after them in the same burst were handed
meanwhile to the old screen's field. A bracketed paste skipped the key gate altogether:
pasted just after Ctrl+N it went to the field the step was leaving. And ``ESC n`` in one
read was parsed as Alt+N, which typed an "n" into the field and lost the Esc
(``tui/escape_keys.py``). Pilot waits for idle after each key and cannot see any of this,
so these drive ``workshop`` in a pseudo-terminal and read the file back.
"""

from __future__ import annotations

import contextlib
import socket
import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed, workshop_command
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session

from .test_fast_fingers import EXERCISE, _open, _quit, _room, _sheet_box, _sheet_room
from .test_pasted_tabs import bracketed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

ESC, F10, CTRL_N, CTRL_B = b"\x1b", b"\x1b[21~", b"\x0e", b"\x02"


def _free_port() -> str:
    """A port no one listens on now: each run its own, as the helpers' suites run side by side.

    With one fixed port (8841) a second run of this test on the same machine could not open
    voting; the error note names the port, so the wait for the panel ended on it, and the
    "3" typed after F10 went, rightly, to the grid (no panel came): the test failed as if
    the key had raced past the panel.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


def _actions(path: Path, group: str) -> list[str]:
    return [action.text for action in load_session(path).answers_for("sheet-45").actions.get(group, ())]


def _leave(term: Terminal) -> int | None:
    """Quit from wherever the test left the app (a dialog, the list of sessions)."""
    for _ in range(4):
        if "Afslut" in term.screen.text() and "Ny session" not in term.screen.text():
            break
        term.send(ESC)
        term.settle(0.5)
    term.send(b"q")
    with contextlib.suppress(TerminalClosed):
        term.settle(0.5, timeout=15)
    status = term.process.wait(timeout=15) if term.process is not None else None
    term.close()
    return status


def test_esc_then_n_in_one_burst_leaves_the_session_and_asks_for_a_new_one(
    library: Library, data_dir: Path
) -> None:
    path, group, _ = _sheet_room(library, data_dir, "esc-n", "Esc N")
    term = _open(path, data_dir)  # the first action's text has the keyboard
    try:
        term.send(b"x" + ESC)  # Esc twice leaves a session: the first only shows a reminder
        term.pump(0.05)
        term.send(ESC + b"n")  # one read: was Alt+N, an "n" typed into the action
        term.wait_for_text("Ny session", timeout=60)
        term.settle(0.5)
    finally:
        status = _leave(term)
    assert status == 0
    assert _actions(path, group) == ["x"]


def test_keys_typed_after_esc_go_to_the_list_not_the_session_field(library: Library, data_dir: Path) -> None:
    # Esc read as a key on its own (ESCDELAY: Textual waits 1 ms, not 100, for a longer code),
    # the key after it a moment later, while the Esc is still on its way up from the field.
    path, group, _ = _sheet_room(library, data_dir, "esc-keys", "Esc taster")
    term = Terminal(
        workshop_command("--lang", "da", "open", str(path)),
        env={"WORKSHOP_TUI_DATA_DIR": str(data_dir), "ESCDELAY": "1"},
    )
    term.start()
    term.wait_for_text("^n", timeout=60)
    term.settle(0.3)
    try:
        term.send(b"x" + ESC)
        term.pump(0.005)
        term.send(ESC)  # the second Esc leaves (the first only shows a reminder)
        term.pump(0.005)
        term.send(b"n")
        term.wait_for_text("Ny session", timeout=60)
        term.settle(0.5)
    finally:
        status = _leave(term)
    assert status == 0
    assert _actions(path, group) == ["x"]


def test_keys_typed_in_the_burst_of_f10_wait_for_the_voting_panel(library: Library, data_dir: Path) -> None:
    path = _room(library, data_dir, 8)
    port = _free_port()
    term = Terminal(
        workshop_command("--lang", "da", "open", str(path), "--vote-host", "127.0.0.1", "--vote-port", port),
        env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)},
    )
    term.start()
    term.wait_for_text("^n", timeout=60)
    term.settle(0.3)
    try:
        term.send(b"4" + F10 + b"3")  # the 3 goes to the panel (nothing there), never to the grid
        term.wait_for_text(f"127.0.0.1:{port}", timeout=60)  # the panel's address, not a failure's note
        term.settle(1.0)
        term.send(ESC)  # hides the panel
        term.settle(1.0)
        term.send(b"5")
        term.wait_until(
            lambda _: len(load_session(path).answers_for(EXERCISE).scores.get("kurs.pos.1", {})) >= 2
        )
        term.settle(0.5)
    finally:
        status = _quit(term)
    assert status == 0
    assert load_session(path).answers_for(EXERCISE).scores == {"kurs.pos.1": {"p1": 4, "p2": 5}}


@pytest.mark.parametrize("step", [CTRL_N, CTRL_B], ids=["ctrl+n", "ctrl+b"])
def test_a_paste_in_the_burst_of_a_view_switch_lands_whole_in_the_new_view(
    library: Library, data_dir: Path, step: bytes
) -> None:
    path, group, box = _sheet_room(library, data_dir, "indsat", "Indsat")
    term = _open(path, data_dir)  # sheet 45's first action has the keyboard; sheet 44 comes next
    try:
        if step == CTRL_B:
            term.send(CTRL_N)
            term.wait_for_text("Bord 1", timeout=60)
            term.settle(0.5)
            term.send(b"y" + CTRL_B + bracketed("Ring til\tsygehuset"))
            term.wait_until(lambda _: _actions(path, group) == ["Ring til sygehuset"], timeout=60)
            term.settle(0.5)
            assert _sheet_box(path, group, box) == "y"
        else:
            term.send(b"x" + CTRL_N + bracketed("Navn\tAlder\nIda"))
            term.wait_until(lambda _: _sheet_box(path, group, box) == "Navn\tAlder\nIda", timeout=60)
            term.settle(0.5)
            assert _actions(path, group) == ["x"]
    finally:
        status = _quit(term)
    assert status == 0
