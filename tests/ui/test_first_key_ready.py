"""The first score typed after opening does no work later ones do not (issue 15).

It had to find out whether it typed over a phone's answer with voting closed: it imported
the roll's modules, worked out which roll of phones is this file's (paths resolved, a digest)
and read that roll, about 2 ms of the first key's path through the pty that the later keys
did not pay (``benchmarks.key_trace``). That is done once the session is on the screen now
(``voting_marks.prepare``), never by opening moving a file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.i18n import t
from workshop_tui.voting import roll_place as roll_place_module
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.roll_place import roll_place

from .conftest import SIZE, app_for, until
from .voting_helpers import cursor_on, session_screen

TOKEN = "t" * 32
"""A phone's token (as the server gives them: 20-64 URL-safe characters)."""


def _counting(counts: Counter[str], name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return method(*args, **kwargs)

    return counted


def _phone_voted(session_file: Path, data_dir: Path) -> Path:
    """A roll on disk in which Bo's phone (p2) answered the resistance exercise: its path."""
    roll = Roll.new()
    roll.add(TOKEN, "p2")
    roll.mark_voted("p2", "resistance")
    path = roll_place("proeverum", session_file, data_dir).path
    path.parent.mkdir(parents=True, exist_ok=True)
    roll.save(path)
    return path


async def test_the_first_score_typed_over_a_phone_finds_its_roll_read_before_the_key(
    room: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened with voting closed: the roll is read after the first frame, the key only looks it up,
    and typing over the phone's answer is still marked and said, as before."""
    roll_file = _phone_voted(room, data_dir)
    counts: Counter[str] = Counter()
    app = app_for(room, "en")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = session_screen(app)
        await until(
            pilot, lambda: screen.voting.closed_roll is not None, "the closed roll made after opening"
        )
        for name in ("roll_place", "settled_place"):
            monkeypatch.setattr(
                roll_place_module, name, _counting(counts, name, getattr(roll_place_module, name))
            )
        monkeypatch.setattr(Roll, "load", _counting(counts, "read", Roll.load))
        cursor_on(screen, "p2")
        await pilot.press("4")
        scores = lambda: screen.session.answers_for("resistance").scores  # noqa: E731
        await until(pilot, lambda: scores().get("trust", {}).get("p2") == 4, "typed")
        assert counts == Counter(), "the first key found its roll anew"
        assert t("tui.grid.typed_over", "en", who="Bo") in [n.message for n in app._notifications]
    roll, problem = Roll.load(roll_file, set_aside=False)
    assert problem is None and roll.typed_items("p2", "resistance") == {"trust"}


async def test_opening_a_moved_session_moves_no_roll_before_a_key(
    room: Path, data_dir: Path, tmp_path: Path
) -> None:
    """A roll of the old name whose own file is gone moves to the file that took it over (``roll_place``):
    on the first typed score, as before, never by the opening's preparation alone."""
    elsewhere = tmp_path / "stick" / "renamed.toml"
    elsewhere.parent.mkdir()
    shutil.move(room, elsewhere)
    legacy = roll_path("proeverum", data_dir)
    legacy.parent.mkdir(parents=True)
    legacy.write_text("[devices]\n", encoding="utf-8")
    app = app_for(elsewhere, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = session_screen(app)
        await pilot.pause(1.0)  # well past the preparation after the first frame
        assert sorted(p.name for p in legacy.parent.iterdir()) == [legacy.name]
        assert screen.voting.closed_roll is None
        cursor_on(screen, "p2")
        await pilot.press("4")
        await until(pilot, lambda: not legacy.exists(), "moved on the first key")


FIRST_KEY_IMPORTS = """
import asyncio, sys
from pathlib import Path
from benchmarks.large_session import large_session, write_session
from workshop_tui.tui.app import make_app
from workshop_tui.tui.settings import Settings

path = write_session(large_session(session_id="firstkey"), Path(sys.argv[1]) / "sessions" / "firstkey.toml")
app = make_app(lang="da", session_path=path, settings=Settings(lang="da"), show_clock=False)
found = []

async def main():
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(1.5)  # idle after opening, as a room is before its first key
        before = set(sys.modules)
        await pilot.press("3")
        await pilot.pause(0.3)
        found.extend(sorted(set(sys.modules) - before))
        assert app.screen.session.answers_for("kkc-indicators").scores  # typed on the grid

asyncio.run(main())
print("imported:", " ".join(found))
"""


def test_the_first_score_after_opening_imports_no_module(tmp_path: Path) -> None:
    """In a fresh interpreter (the suite's others are loaded already): the modules a first score
    needs are loaded by the opening, after its first frame, not by the key."""
    env = {"WORKSHOP_TUI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_KEY_IMPORTS, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "imported:", done.stdout
