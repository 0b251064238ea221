"""Opening the 40-person seminar draws the screen once: nothing of it is drawn again after the first frame.

Issue 15: the settled screen is what a facilitator waits for, so every frame after the
first counts. Textual laid out and drew a mode's first screen while the app held its frames
back and then again; after the first frame the grid, footer and panels were written once
more (repaints asked for before the frame), the detail panel's height and the profile
were fitted and drawn again, and the table's scrollbars were redrawn by Textual's layout
just after the frame. Only the header's clock may change after the first frame.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.large_session import large_session, write_session
from benchmarks.terminal import FRAME_END, FRAME_START, Terminal, workshop_command

CLOCK_FRAME = 1000
"""Bytes: the most a frame that redraws the header's clock (a second passing) writes."""


def _frames(output: bytes) -> list[int]:
    """The sizes of the synchronized frames in ``output``, in order."""
    sizes = []
    end = 0
    while (start := output.find(FRAME_START, end)) >= 0 and (end := output.find(FRAME_END, start)) >= 0:
        sizes.append(end - start)
    return sizes


def _drawn_once(output: bytes, whole: int) -> None:
    """The screen went out in one frame of more than ``whole`` bytes, and later frames only
    redrew the clock (at most ``CLOCK_FRAME`` bytes each)."""
    frames = _frames(output)
    assert frames, "no synchronized frame: the terminal's question was not answered"
    first, later = frames[0], frames[1:]
    assert first > whole, f"the first frame is not the whole screen: {frames}"
    assert all(size <= CLOCK_FRAME for size in later), f"drawn again after the first frame: {frames}"


def test_opening_the_large_seminar_draws_each_line_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = write_session(large_session(session_id="once"), data / "sessions" / "once.toml")
    env = {"WORKSHOP_TUI_DATA_DIR": str(data)}
    with Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as term:
        term.settled(timeout=120)
        assert term.screen.find("P6 ") is not None, term.screen.text()
        term.settle(1.0, timeout=30)
        output = bytes(term.output)
    _drawn_once(output, whole=20 * CLOCK_FRAME)


def test_opening_the_demo_on_its_action_plan_draws_it_in_the_first_frame(tmp_path: Path) -> None:
    """The demo opens on its action plan: the first field has the keyboard in the first frame.

    It took it by ``focus()``, after the first frame, and the fields were drawn again (1.7 kB);
    after the first frame only the clock and the field's blinking cursor change.
    """
    from workshop_tui.core.storage.sessions import copy_demo

    path = copy_demo(tmp_path / "data" / "sessions", timestamp="2026-12-02T09:00:00+00:00")
    env = {"WORKSHOP_TUI_DATA_DIR": str(tmp_path / "data")}
    with Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as term:
        term.settled(timeout=120)
        assert term.screen.find("Handling 1") is not None, term.screen.text()
        term.settle(0.3, timeout=30)
        output = bytes(term.output)
    _drawn_once(output, whole=10 * CLOCK_FRAME)


def test_the_list_of_sessions_is_drawn_in_one_frame_with_its_footer(tmp_path: Path) -> None:
    """``workshop`` draws the list of sessions once, footer keys included, and nothing after it.

    Textual's footer mounted its keys after the first frame and laid them out twice, and the
    screen was drawn whole once more (Textual's repaint of a screen that comes up, the
    notification rack hidden): six frames, the last about 60 ms after the first. The keys
    are those of the table, which has the keyboard: its Enter (opening the row) hides the
    screen's own "⏎ Åbn", as it did when the footer waited.
    """
    from workshop_tui.core.storage.listing import list_sessions

    data = tmp_path / "data"
    write_session(large_session(session_id="home", participants=12), data / "sessions" / "home.toml")
    assert list_sessions(data / "sessions")[0].summary is not None  # the folder's index is written
    env = {"WORKSHOP_TUI_DATA_DIR": str(data)}
    with Terminal(workshop_command("--lang", "da"), env=env) as term:
        term.settled(timeout=120)
        term.settle(0.5, timeout=30)
        output = bytes(term.output)
        footer = term.screen.text().splitlines()[-1]
    assert "Stort seminar" in term.screen.text() and "9/10" in term.screen.text(), term.screen.text()
    assert "N Ny session" in footer and "Q Afslut" in footer and "Åbn" not in footer, footer
    _drawn_once(output, whole=5 * CLOCK_FRAME)
    assert "N Ny session" in _plain_first(output), "the footer's keys are not in the first frame"


def _plain_first(output: bytes) -> str:
    """The text of the first synchronized frame."""
    from benchmarks.terminal import plain

    start = output.find(FRAME_START)
    return plain(output[start : output.find(FRAME_END, start)])
