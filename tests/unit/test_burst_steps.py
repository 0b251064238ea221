"""A burst of Ctrl+B never shows the room a blank wall, and ends on the exercise it leads to.

Each step made the view of the exercise it passed (100-400 ms for a table or grid on a
loaded laptop), and the area below the title stayed blank meanwhile: about a second for
ten Ctrl+B on the demo. Now an exercise the burst only passes shows its title, and one
whose view is being made shows its prompt and a word why. Pilot waits for idle after every
key and would never see the frames in between, so this drives ``workshop`` in a
pseudo-terminal and reads every frame.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.screen import Screen
from benchmarks.terminal import FRAME_END, Terminal, workshop_command

from .test_fast_fingers import _quit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CTRL_B = b"\x02"
CTRL_N = b"\x0e"
FIRST = "Kurs, koordinering og commitment  1/11"


def test_ten_ctrl_b_in_one_burst_show_no_blank_frame_and_end_on_the_first_exercise(data_dir: Path) -> None:
    term = Terminal(workshop_command("--lang", "da", "demo"), env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)})
    term.start()
    try:
        term.wait_for_text("11/11", timeout=60)
        term.settle(1.0)
        before = len(term.chunks)
        term.send(CTRL_B * 10)
        term.wait_until(
            lambda screen: screen.find(FIRST) is not None and screen.find("gøres klar") is None, 90
        )
        term.settle(0.5)
        screen = Screen(*term.size)
        for _, data in term.chunks[:before]:
            screen.feed(data)
        blank: list[str] = []
        for _, data in term.chunks[before:]:
            screen.feed(data)
            if FRAME_END in data and not any(screen.line(row).strip() for row in range(2, term.size[1] - 1)):
                blank.append(screen.line(1).strip())
        assert blank == [], f"frames blank below the title: {blank}"
        assert screen.find(FIRST) is not None and screen.find("gøres klar") is None
    finally:
        status = _quit(term)
    assert status == 0


@pytest.mark.parametrize(
    ("keys", "arrival"),
    [
        (CTRL_B * 13, FIRST),  # three more than the agenda has before it: the last three cannot move
        (CTRL_B * 2 + CTRL_N * 4, "11/11"),  # back two, then forward past the end
    ],
    ids=["ctrl-b-past-the-first", "ctrl-n-past-the-last"],
)
def test_a_burst_that_runs_past_either_end_still_shows_the_exercise_it_stops_on(
    data_dir: Path, keys: bytes, arrival: str
) -> None:
    """Steps that cannot move end the burst: the exercise must get its view, not stay 'being prepared'.

    Before, the last exercise a burst reached with a step still held was shown by title
    only (it was being passed), and the held step, which could not move, made nothing:
    the wall said "Øvelsen gøres klar …" until the facilitator stepped away and back.
    """
    term = Terminal(workshop_command("--lang", "da", "demo"), env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)})
    term.start()
    try:
        term.wait_for_text("11/11", timeout=60)
        term.settle(1.0)
        term.send(keys)

        def made(screen: Screen) -> bool:
            body = [screen.line(row).strip() for row in range(2, term.size[1] - 2)]
            return (
                screen.find(arrival) is not None
                and screen.find("gøres klar") is None
                and sum(1 for line in body if line) >= 5
            )

        term.wait_until(made, 30)  # before: still "being prepared" when it gave up
    finally:
        status = _quit(term)
    assert status == 0
