"""What the command line prints back of a value it was given carries no control character.

A session name, an exercise id or a title on the command line may come from a file's name
or a script (``workshop open "$(ls | head -1)"`` in a folder unpacked from an e-mail): quoted
back raw in "No session '…'", an ESC sequence in it would retitle the window, set the
clipboard or clear the screen, like one in a file's title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main

HOSTILE = "x\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202ey"


@pytest.mark.parametrize(
    "args",
    [
        ["open", HOSTILE],
        ["present", HOSTILE],
        ["export", HOSTILE],
        ["compare", HOSTILE, HOSTILE],
        ["trend", HOSTILE],
        ["new", "--title", "X", "--no-open", "--participants", "3", "--exercise", HOSTILE],
        ["new", "--title", "X", "--no-open", "--participants", "3", "--programme", HOSTILE],
        ["new", "--title", "X", "--no-open", "--participants", "3", "--follows", HOSTILE],
        ["new", "--title", "X", "--no-open", "--participants", "3", "--date", HOSTILE],
    ],
)
def test_a_value_quoted_back_carries_no_control_character(
    args: list[str], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", *args]) != 0
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert printed.strip()  # something was said
    assert not any(c in printed for c in "\x1b\x07\x9b\u202e"), repr(printed)


HOSTILE_FOLDER = "out\x1b]0;PWNED\x07\x1b[2J\u202e"
"""A folder the user names (``-o``, the data dir): any text a file system takes."""


@pytest.mark.parametrize(
    "args",
    [
        ["new", "--title", "X", "--no-open", "--participants", "3"],
        ["sessions"],
        ["export", "DEMO", "--format", "md", "-o", "OUT"],
        ["compare", "DEMO", "DEMO", "--format", "md", "-o", "OUT"],
        ["trend", "DEMO", "--format", "md", "-o", "OUT"],
    ],
)
def test_a_folder_named_back_carries_no_control_character(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop_tui.core.storage.locations import DATA_DIR_ENV, builtin_sessions_dir
    from workshop_tui.core.storage.sessions import DEMO_FILE

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / HOSTILE_FOLDER))
    demo = str(builtin_sessions_dir() / DEMO_FILE)
    out = str(tmp_path / HOSTILE_FOLDER / "exports")
    given = [demo if a == "DEMO" else out if a == "OUT" else a for a in args]
    assert main(["--lang", "en", *given]) == 0
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert "out" in printed  # the folder was named
    assert not any(c in printed for c in "\x1b\x07\u202e"), repr(printed)
