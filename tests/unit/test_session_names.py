"""A title that names several sessions says so, with the ids that open each.

Two sessions titled "Dag" (a day created twice, a series) made ``workshop open Dag`` and
``workshop export Dag`` say "No session 'Dag' found", though ``workshop sessions`` listed
both (found by hand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path


@pytest.mark.parametrize("command", [["open", "dag"], ["export", "dag"], ["present", "dag"]])
def test_a_title_of_two_sessions_names_their_ids(
    library: Library, data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    ids = []
    for _ in range(2):
        session = new_session(
            title="Dag", date="2026-03-01", exercises=[library.exercises["resistance"]], participants=3
        )
        save_session(session, session_path(session))
        ids.append(session_path(session).stem)
    assert main(["--lang", "en", *command]) == 1
    said = capsys.readouterr().err
    assert "2 sessions are titled 'dag'; open one by its id: " in said
    assert all(i in said for i in ids)
    assert main(["--lang", "en", command[0], "nothing"]) == 1
    assert "No session 'nothing' found" in capsys.readouterr().err
