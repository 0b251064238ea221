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


def test_a_second_start_compiles_no_expression_and_no_library_class(tmp_path: Path) -> None:
    """What the list's start compiles (Textual's CSS tokenizer, rich's and Python's expressions,
    Textual's dataclasses) is kept by the first start and read by the next (``core/kept_start.py``).
    """
    from benchmarks.terminal import Terminal

    data = tmp_path / "data"
    demo_copy(data / "sessions")
    out = tmp_path / "compiled.json"
    probe = (
        "import atexit, builtins, json, re, sys\n"
        "counts = {'expressions': 0, 'methods': 0}\n"
        "engine = re._compiler.compile\n"
        "def compiled_expression(*args):\n"
        "    counts['expressions'] += 1\n"
        "    return engine(*args)\n"
        "re._compiler.compile = compiled_expression\n"
        "from workshop_tui.core import dataclass_code, kept_start, regex_code\n"
        # Its own kept files: another test's app starting meanwhile (the suite runs on two
        # workers) rewrites the shared ones with what it compiled, from what it read before.
        f"regex_code.CACHE_DIR = regex_code.Path({str(tmp_path / 'regex-code')!r})\n"
        f"dataclass_code.CACHE_DIR = dataclass_code.Path({str(tmp_path / 'dataclass-code')!r})\n"
        "fresh = regex_code._fresh\n"
        "def fresh_expression(*args):\n"
        "    counts['expressions'] += 1\n"
        "    return fresh(*args)\n"
        "regex_code._fresh = fresh_expression\n"
        "def compiled_method(*args, **options):\n"
        "    counts['methods'] += 1\n"
        "    return builtins.compile(*args, **options)\n"
        "dataclass_code.compile = compiled_method\n"
        "begin = kept_start.begin\n"
        "def counted_from_here():\n"
        "    counts.update(expressions=0, methods=0)  # (the CLI's own imports come before the start)\n"
        "    begin()\n"
        "kept_start.begin = counted_from_here\n"
        f"atexit.register(lambda: open({str(out)!r}, 'w').write(json.dumps(counts)))\n"
        "from workshop_tui.cli.main import main\n"
        "sys.exit(main(['--lang', 'da']))\n"
    )
    import json

    counts = []
    for _ in range(2):
        with Terminal([sys.executable, "-c", probe], env={"WORKSHOP_TUI_DATA_DIR": str(data)}) as term:
            term.wait_for_text("Sessioner", timeout=120)
            term.settle(0.5, timeout=30)
            term.send(b"\x11")  # Ctrl+Q
            assert term.process is not None
            term.process.wait(timeout=60)
        counts.append(json.loads(out.read_text()))
    assert counts[1] == {"expressions": 0, "methods": 0}, counts
    assert counts[0]["expressions"] > 0 and counts[0]["methods"] > 0, counts  # the first start compiled them
    assert all(any((tmp_path / kind).iterdir()) for kind in ("regex-code", "dataclass-code"))
