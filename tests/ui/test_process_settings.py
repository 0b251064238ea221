"""An app that ran leaves the interpreter as it found it: switch interval and collector freeze.

The session screen shortens the interpreter's switch interval, and the app freezes what it
loaded out of the garbage collector's sight; both are settings of the whole process, so a
program (or a test run) that ran the app kept a 0.5 ms switch interval and an ever larger
frozen generation after it ended.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from workshop_tui.tui.screens.session import SWITCH_INTERVAL, SessionScreen

from .conftest import SIZE, app_for


async def test_after_a_session_ran_the_switch_interval_and_the_collector_freeze_are_back(room: Path) -> None:
    gc.unfreeze()  # earlier tests in this process may have left a freeze (as this app did)
    interval = sys.getswitchinterval()
    assert interval > SWITCH_INTERVAL  # Python's default, 5 ms
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert sys.getswitchinterval() == SWITCH_INTERVAL
        await pilot.pause(0.8)  # past the screen's freeze after opening
        assert gc.get_freeze_count() > 0
        await pilot.press("escape", "escape")  # back to the list of sessions: the session screen closes
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)
        assert sys.getswitchinterval() == interval
    assert sys.getswitchinterval() == interval
    assert gc.get_freeze_count() == 0


async def test_a_freeze_made_before_the_app_started_is_left_as_it_was(room: Path) -> None:
    gc.unfreeze()
    # An embedding program's own freeze: not the app's to undo. Its objects are watched one by
    # one (the count alone also falls when frozen objects of earlier tests die, which is no thaw).
    # ``gc.get_objects()`` lists the three generations only, never the frozen one.
    own = [[index] for index in range(1000)]
    gc.freeze()
    try:
        assert gc.get_freeze_count() >= len(own)
        app = app_for(room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        watched = {id(item) for item in own}
        thawed = [item for item in gc.get_objects() if id(item) in watched]
        assert not thawed, f"{len(thawed)} of the program's {len(own)} frozen objects were thawed"
    finally:
        gc.unfreeze()


async def test_the_freeze_after_the_first_frame_of_the_list_of_sessions_is_undone_when_the_app_ends() -> None:
    gc.unfreeze()
    app = app_for(None)
    app.collector_paused = True  # as the CLI starts it (``run_app``): collected again after the first frame
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0
