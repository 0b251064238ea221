"""Opening a session marks it as the last one opened without the event loop's writing the settings file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import SIZE, app_for
from workshop_tui.tui import settings as settings_module
from workshop_tui.tui.settings import Settings, load_settings, save_settings


async def test_the_last_session_is_written_beside_the_loop(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write (two fsyncs, 8-10 ms on the test VM) ran in the loop ahead of the first frame."""
    writes: list[str] = []
    write = settings_module.atomic_write
    app = app_for(room)

    def noted(*args: Any, **kwargs: Any) -> None:
        writes.append(threading.current_thread().name)
        write(*args, **kwargs)

    monkeypatch.setattr(settings_module, "atomic_write", noted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        for thread in threading.enumerate():
            if thread.name == "settings-save":
                thread.join(5)
    assert writes and threading.main_thread().name not in writes, writes
    assert load_settings().last_session == room.name


def test_a_write_aside_never_puts_back_older_settings(data_dir: Path) -> None:
    """The settings are read when the write begins, under the lock ``save_settings`` takes too."""
    now = {"settings": Settings(lang="da", last_session="a.toml")}
    with settings_module._WRITING:  # the loop's own save, under way
        thread = settings_module.save_settings_aside(lambda: now["settings"])
        now["settings"] = Settings(lang="en", last_session="a.toml")
    thread.join(5)
    assert load_settings() == Settings(lang="en", last_session="a.toml")
    save_settings(Settings(lang="da", last_session="b.toml"))
    assert load_settings().last_session == "b.toml"
