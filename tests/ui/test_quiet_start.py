"""Opening a session changes nothing: no edit, no save and no repaint happens at start without a key.

Issue 15 found an edit storm at start (a view filling its fields heard each fill as typing
and sent it as an edit, each re-showing the view, the agenda and the projector) and a
second full repaint of the screen a few hundred milliseconds after the first. These tests
count them on the demo seminar, which opens on its action plan (the form the storm came
from), with no key pressed: edits and saves in Textual's test driver, where every call can
be counted, and full repaints in a real pseudo-terminal, where the frames can be seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import SIZE, app_for
from workshop_tui.core import keeper
from workshop_tui.core.storage import sessions
from workshop_tui.core.storage.listing import stat_key
from workshop_tui.core.storage.sessions import copy_demo

QUIET = 1.0
"""Seconds the app is left alone after start: longer than any delay a start sets."""


def _counting(counts: Counter[str], name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return method(*args, **kwargs)

    return counted


async def test_opening_the_demo_on_its_action_plan_edits_and_saves_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today's count: 0 edits and 0 saves (the fields' own fills are not sent as edits)."""
    path = copy_demo(data_dir / "sessions")
    counts: Counter[str] = Counter()
    monkeypatch.setattr(keeper.SessionKeeper, "apply", _counting(counts, "edits", keeper.SessionKeeper.apply))
    monkeypatch.setattr(
        sessions.SessionWriter, "write", _counting(counts, "saves", sessions.SessionWriter.write)
    )
    before = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query("Input"), "the demo no longer opens on a form: this test needs one"
        await pilot.pause(QUIET)
    assert (counts["edits"], counts["saves"]) == (0, 0), counts
    assert path.read_bytes() == before


def _full_frames(argv: list[str], env: dict[str, str]) -> list[int]:
    """The sizes of the frames that redraw most of the screen, from start until quiet for ``QUIET`` s.

    A frame is "full" when it is at least 60 % of the largest frame of the start; partial
    updates (a cursor, a clock) are far smaller.
    """
    from benchmarks.terminal import FRAME_END, FRAME_START, Terminal

    with Terminal(argv, env=env) as term:
        term.settled(timeout=120)
        term.settle(QUIET, timeout=30)
        output = bytes(term.output)
    sizes = []
    end = 0
    while (start := output.find(FRAME_START, end)) >= 0 and (end := output.find(FRAME_END, start)) >= 0:
        sizes.append(end - start)
    return [size for size in sizes if size >= 0.6 * max(sizes, default=0)]


def test_opening_the_demo_draws_the_screen_no_more_often_than_a_bare_textual_app(data_dir: Path) -> None:
    from benchmarks.startup import BARE
    from benchmarks.terminal import workshop_command

    path = copy_demo(data_dir / "sessions")
    before = stat_key(path)
    env = {"WORKSHOP_TUI_DATA_DIR": str(data_dir)}
    app = _full_frames(workshop_command("--lang", "da", "open", str(path)), env)
    assert stat_key(path) == before, "the session file was written with no key pressed"
    bare = _full_frames(BARE, {})
    assert len(bare) >= 1 and len(app) <= len(bare), f"full frames: workshop {app}, bare app {bare}"


def test_opening_the_demo_in_a_terminal_saves_nothing_and_moves_no_file(data_dir: Path) -> None:
    """Through a real terminal, where keys and frames take their real course: no save at all at start.

    Every edit is saved at once, so a save is what an edit leaves behind: the session file
    renamed into place, a ``.bak`` beside it, a temporary file. The folder is watched
    (inotify where there is one) from before the start until the app has been idle a while.
    """
    import time

    from benchmarks.renames import RenameWatch
    from benchmarks.terminal import Terminal, workshop_command

    path = copy_demo(data_dir / "sessions")

    def files() -> list[str]:  # but the lock, which says the session is open
        return sorted(p.name for p in path.parent.iterdir() if p.suffix != ".lock")

    before = (stat_key(path), path.read_bytes(), files())
    renames = RenameWatch(path.parent)
    try:
        env = {"WORKSHOP_TUI_DATA_DIR": str(data_dir)}
        with Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as term:
            term.settled(timeout=120)
            assert term.screen.find("Projektor") is not None, term.screen.text()
            end = time.perf_counter() + 2 * QUIET  # the cursor blinks: idle by the clock, not by the output
            while time.perf_counter() < end:
                term.pump(0.05)
            saved = renames.renamed(path.name)
    finally:
        renames.close()
    assert saved is None, "the session file was saved with no key pressed"
    after = (stat_key(path), path.read_bytes(), files())
    assert after == before


async def test_the_session_footer_is_built_with_its_screen_and_not_again_at_start(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys are part of the session screen's first layout; Textual's footer mounted them just after it.

    That was one more layout of the whole screen and more frames with no key pressed
    (``KeysFooter.compose``). Nothing at start changes the keys shown, so no rebuild either.
    """
    from workshop_tui.tui.widgets.footer import KeysFooter

    counts: Counter[str] = Counter()
    monkeypatch.setattr(KeysFooter, "recompose", _counting(counts, "rebuilds", KeysFooter.recompose))
    path = copy_demo(data_dir / "sessions")
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        footer = app.screen.query_one(KeysFooter)
        keys = len(footer.children)
        await pilot.pause(QUIET)
        assert keys > 3 and len(footer.children) == keys
    assert counts["rebuilds"] == 0, counts


async def test_no_built_in_function_is_given_to_textual_as_a_callback_at_opening(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual reads a built-in's parameters through ``tokenize``, whose expression changes with the
    hash seed: new to the start's kept expressions each time, it had ``regex_code`` write their
    747 KB file again 3 s after every opening, among the first keys (``screens/session._freeze``)."""
    import inspect

    from textual import _callback

    from workshop_tui.tui.screens.session import FREEZE_SECONDS

    built_in: list[object] = []
    count = _callback._count_parameters

    def noted(func: Any) -> int:
        if inspect.isbuiltin(func):
            built_in.append(func)
        return count(func)

    monkeypatch.setattr(_callback, "_count_parameters", noted)
    path = copy_demo(data_dir / "sessions")
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(FREEZE_SECONDS + QUIET)
    assert built_in == []
