"""What a start and a keystroke must not pay for (issue 15): whole copies, second reads, eager imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.large_session import large_session
from workshop_tui.cli.main import main
from workshop_tui.core.storage.sessions import demo_copy, load_session
from workshop_tui.core.text_safety import ShownCopies


def test_a_keystroke_copies_only_what_it_changed_even_after_the_session_was_shown_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screens ask for the shown session several times per key; the next key's copy stays small.

    Asking again for the same session used to keep only the top of the cache, so the next
    keystroke's session was copied whole (3,000-odd values of the 40-person seminar).
    """
    session = large_session(session_id="copies")
    shown = ShownCopies()
    shown(session)
    exercise = session.exercise("kkc-indicators")
    item = exercise.scored_items[0].id
    calls = 0
    walk = ShownCopies._copy

    def counted(self: ShownCopies, *args: object) -> object:
        nonlocal calls
        calls += 1
        return walk(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ShownCopies, "_copy", counted)
    for score in (2, 3, 4):
        session = session.with_score(exercise.id, item, "p1", score)
        assert shown(session) is shown(session)  # asked twice, as the screens do
        assert shown(session) is shown(session)
    whole = len(session.participants) * len(exercise.scored_items)
    assert calls < 3 * 200 < whole, calls


def test_the_demo_copy_handed_to_the_app_is_the_session_in_its_file(tmp_path: Path) -> None:
    path, session = demo_copy(tmp_path / "sessions")
    assert load_session(path) == session


@pytest.mark.parametrize(
    ("argv", "unwanted"),
    [
        (["--version"], ["workshop_tui.core.kinds.votes", "workshop_tui.core.model", "secrets", "textual"]),
        (["sessions"], ["workshop_tui.core.kinds.votes", "secrets", "textual", "workshop_tui.export.files"]),
    ],
)
def test_a_command_imports_only_what_it_uses(argv: list[str], unwanted: list[str], tmp_path: Path) -> None:
    """Every start builds the parser; the vote kind, random ids and the exporters wait for their command."""
    probe = (
        "import sys\n"
        "from workshop_tui.cli.main import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print([name for name in {unwanted!r} if name in sys.modules])\n"
    )
    env = {"WORKSHOP_TUI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


HEAVY_AT_HOME = [
    "workshop_tui.export.files",  # the exporters
    "workshop_tui.voting.server",
    "aiohttp",
    "qrcode",
    "secrets",
    "hashlib",
    "workshop_tui.core.model.session",  # the list is read from the files' headers
    "workshop_tui.core.kinds.registry",
    "workshop_tui.core.results.summary_model",
    "workshop_tui.tui.screens.session",
    "workshop_tui.tui.screens.projector",
    "workshop_tui.tui.crash_report",
]
"""Modules a plain ``workshop`` start (the list of sessions) must leave unloaded."""
HEAVY_AT_OPEN = [
    "workshop_tui.export.files",
    "workshop_tui.voting.server",
    "aiohttp",
    "qrcode",
    "workshop_tui.core.results.summary_model",  # summaries: the projector, exports, last time
    "workshop_tui.core.results.trends",
    "workshop_tui.tui.screens.projector",
    "workshop_tui.tui.screens.home",  # made when the facilitator goes back to the list
    "workshop_tui.tui.screens.modals",  # the timer and notes dialogs, when asked for
    "workshop_tui.tui.crash_report",
]
"""Modules ``workshop open`` of a session must leave unloaded until they are used."""


def _modules_at_start(argv: list[str], expect: str, data_dir: Path, tmp_path: Path) -> set[str]:
    """The modules loaded by a start in a real terminal, read when the app quits (Ctrl+Q).

    It quits once the screen shows ``expect`` and has then been quiet a while (a loaded
    machine can pause a start for longer than a settled screen's quiet).
    """
    from benchmarks.terminal import Terminal

    out = tmp_path / "modules.json"
    probe = (
        "import atexit, json, sys\n"
        f"atexit.register(lambda: open({str(out)!r}, 'w').write(json.dumps(sorted(sys.modules))))\n"
        "from workshop_tui.cli.main import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    import json

    with Terminal([sys.executable, "-c", probe], env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)}) as term:
        term.wait_for_text(expect, timeout=120)
        term.settle(0.5, timeout=30)
        term.send(b"\x11")  # Ctrl+Q: nothing to save, so the app quits at once
        assert term.process is not None
        term.process.wait(timeout=60)
    return set(json.loads(out.read_text()))


def test_a_plain_start_to_the_list_of_sessions_loads_no_heavy_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list needs Textual, the catalogue and the folder's index: nothing that waits for a command.

    (A file the index does not know yet is read fully in a worker after the first frame,
    which loads the model; ``workshop sessions`` indexes the folder first, as any list does.)
    """
    data = tmp_path / "data"
    demo_copy(data / "sessions")
    monkeypatch.setenv("WORKSHOP_TUI_DATA_DIR", str(data))
    assert main(["--lang", "da", "sessions"]) == 0
    loaded = _modules_at_start(["--lang", "da"], "Sessioner", data, tmp_path)
    assert "workshop_tui.tui.screens.home" in loaded, "the probe did not reach the list of sessions"
    assert sorted(loaded & set(HEAVY_AT_HOME)) == []


def test_opening_a_session_loads_no_summary_export_or_voting_server(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path, _ = demo_copy(data / "sessions")
    loaded = _modules_at_start(["--lang", "da", "open", str(path)], "Projektor", data, tmp_path)
    assert "workshop_tui.tui.screens.session" in loaded, "the probe did not open the session"
    assert sorted(loaded & set(HEAVY_AT_OPEN)) == []


def test_opening_a_session_on_a_grid_loads_no_text_area(tmp_path: Path) -> None:
    """Textual's multi-line field (its document, history and themes) waits for a view or dialog that has one.

    The 40-person seminar opens on a rating grid, which has no such field; the notes (F7),
    the sheets and a grid's closing answer load it when they are shown.
    """
    from benchmarks.large_session import write_session

    data = tmp_path / "data"
    path = write_session(large_session(session_id="grid"), data / "sessions" / "grid.toml")
    loaded = _modules_at_start(["--lang", "da", "open", str(path)], "P6 ", data, tmp_path)
    assert "workshop_tui.tui.views.grid" in loaded, "the probe did not open the grid"
    unwanted = {
        "textual.widgets._text_area",
        "textual.document._document",
        "workshop_tui.tui.widgets.entry_area",
    }
    assert sorted(loaded & unwanted) == []
