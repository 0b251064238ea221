"""What a start and a keystroke must not pay for (issue 15): whole copies, second reads, eager imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.large_session import large_session
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
