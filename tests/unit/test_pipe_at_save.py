"""A named pipe swapped in for the session file while it is open does not stop the saves.

Before each save the writer looks at the file for another program's version
(``conflicts.DiskWatch.theirs``); ``Path.read_bytes`` of a named pipe waits for a writer for
ever, so the save (and the app's keys with it) hung. The look now goes through
``locations.read_plain_file``: opened without waiting, refused as not a regular file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session, save_session

from .test_pipes_in_place import _returns, _unblock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX")


def test_a_pipe_in_place_of_the_session_file_is_not_waited_on(small_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    keeper = SessionKeeper(small_session, path, clock=lambda: "2026-11-23T10:00:00+00:00")
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    path.unlink()
    os.mkfifo(path)
    try:
        _returns(lambda: keeper.apply(lambda s: s.with_score("resistance", "trust", "p2", 3)))
    finally:
        _unblock(path)
    assert path.is_file()  # the pipe (which held nothing) is replaced by our save
    assert load_session(path).answers_for("resistance").scores == {"trust": {"p1": 4, "p2": 3}}
