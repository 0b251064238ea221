"""``workshop export`` as a program ends as soon as its files are written (``commands.end_process``).

Python's own ending (every object and module taken down) is skipped; what it does that matters
is kept: the exit handlers run (the kept dataclass and expression code is written by one) and
stdout and stderr reach a pipe. Called from Python (``main([...])``), the command returns.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workshop_tui.cli.main import main
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE

# The program as the console script runs it (main() without arguments), with an exit handler
# and an object whose finaliser would print during Python's own ending.
PROGRAM = """
import atexit, sys
from workshop_tui.cli.main import main

class Watched:
    def __del__(self):
        print("taken down by Python's ending")

kept = Watched()
atexit.register(lambda: print("exit handler ran"))
sys.exit(main())
"""


def _workshop(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_an_export_ends_its_process_once_written_with_exit_handlers_and_output(tmp_path: Path) -> None:
    demo = builtin_sessions_dir() / DEMO_FILE
    out = tmp_path / "out"
    done = _workshop("--lang", "en", "export", str(demo), "--format", "md", "-o", str(out))
    assert done.returncode == 0, done.stderr
    written = list(out.glob("*.md"))
    assert len(written) == 1 and written[0].read_text(encoding="utf-8").startswith("# ")
    assert f"Written: {written[0]}" in done.stdout
    assert "exit handler ran" in done.stdout
    assert "taken down" not in done.stdout  # Python's ending was skipped


def test_a_failed_export_ends_the_same_way_with_its_message_and_status(tmp_path: Path) -> None:
    done = _workshop("--lang", "en", "export", str(tmp_path / "none.toml"), "-o", str(tmp_path))
    assert done.returncode == 1
    assert "No session" in done.stderr and "Traceback" not in done.stderr
    assert "exit handler ran" in done.stdout and "taken down" not in done.stdout


def test_other_commands_end_as_python_does(tmp_path: Path) -> None:
    done = _workshop("--lang", "en", "sessions")
    assert done.returncode == 0
    assert "taken down by Python's ending" in done.stdout


def test_an_export_called_from_python_returns(tmp_path: Path) -> None:
    demo = builtin_sessions_dir() / DEMO_FILE
    status = main(["--lang", "en", "export", str(demo), "--format", "csv", "-o", str(tmp_path)])
    assert status == 0 and len(list(tmp_path.glob("*.csv"))) == 1
