"""An export writes its files without loading what only the app needs (issue 15).

``tempfile`` (and ``random`` with it) for one name per file; ``concurrent.futures`` (with
``logging``) and ``threading``, which the keystroke saves' staging uses (~20 M instructions,
about 4 ms of every export when ``storage.staging`` imported them at the top).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.large_session import many_exercises, write_session
from workshop_tui.export import files

APP_ONLY = ("tempfile", "random", "concurrent.futures", "logging", "threading")


def test_an_export_loads_nothing_only_the_app_needs(tmp_path: Path) -> None:
    """Some 17 M instructions of each export went to tempfile and random, 20 M to the executor."""
    session = write_session(many_exercises(3, participants=4), tmp_path / "s.toml")
    argv = ["--lang", "da", "export", str(session), "--format", "all", "-o", str(tmp_path / "out")]
    probe = (
        "import sys\n"
        "from workshop_tui.cli.main import main\n"
        f"code = main({argv!r})\n"
        f"print(code, [name for name in {APP_ONLY!r} if name in sys.modules])\n"
    )
    env = {"WORKSHOP_TUI_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout
    assert len(list((tmp_path / "out").iterdir())) == 3


def test_the_temporary_file_is_new_private_and_beside_the_export(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    fd, name = files._temp_file(target)
    os.close(fd)
    made = Path(name)
    assert made.parent == tmp_path
    assert made.name.startswith(".report.md.") and made.name.endswith(".tmp")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    fd2, other = files._temp_file(target)
    os.close(fd2)
    assert other != name


def test_a_taken_name_is_never_opened_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As ``mkstemp``: an existing file (or a link) under the drawn name is left alone, another is drawn."""
    draws = iter([b"\x00" * 6, b"\x00" * 6, b"\x01" * 6])
    monkeypatch.setattr(files.os, "urandom", lambda n: next(draws))
    target = tmp_path / "r.csv"
    taken = tmp_path / f".r.csv.{'00' * 6}.tmp"
    taken.symlink_to(tmp_path / "elsewhere")
    fd, name = files._temp_file(target)
    os.close(fd)
    assert name.endswith(f".r.csv.{'01' * 6}.tmp")
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize(
    ("fmt", "not_loaded"),
    [
        ("csv", ("workshop_tui.export.markdown_kinds", "workshop_tui.export.markdown_parts")),
        ("html", ("workshop_tui.export.markdown_kinds", "workshop_tui.export.csv_kinds")),
        ("md", ("workshop_tui.export.csv_kinds", "workshop_tui.export.html_kinds")),
    ],
)
def test_an_export_loads_only_its_own_formats_drawings(
    tmp_path: Path, fmt: str, not_loaded: tuple[str, ...]
) -> None:
    """The renderer table reaches a format's drawings when a part is drawn in it (1-2 M instructions)."""
    session = write_session(many_exercises(12, participants=4), tmp_path / "s.toml")
    argv = ["--lang", "da", "export", str(session), "--format", fmt, "-o", str(tmp_path / "out")]
    probe = (
        "import sys\n"
        "from workshop_tui.cli.main import main\n"
        f"code = main({argv!r})\n"
        f"print(code, [name for name in {not_loaded!r} if name in sys.modules])\n"
    )
    env = {"WORKSHOP_TUI_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout
