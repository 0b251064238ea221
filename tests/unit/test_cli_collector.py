"""The garbage collector is paused from the start of a ``workshop`` process that ends after its
command (export, compare, trend), and only there (``workshop_tui.cli``)."""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
from pathlib import Path

import pytest

import workshop_tui
from workshop_tui import cli
from workshop_tui.export import commands

SCRIPT = "/home/someone/.venv/bin/workshop"
MODULE = str(Path(workshop_tui.__file__).with_name("__main__.py"))


@pytest.mark.parametrize(
    ("argv", "one_shot"),
    [
        ([SCRIPT, "export", "s.toml"], True),
        ([SCRIPT, "--lang", "da", "export", "s.toml", "--format", "md"], True),
        ([SCRIPT, "--lang=da", "compare", "a", "b"], True),
        ([MODULE, "trend", "a"], True),
        (["/venv/Scripts/workshop.exe", "export", "s"], True),
        ([SCRIPT, "--exercises", "export", "open", "s"], False),  # "export" is a folder there
        ([SCRIPT, "--vote-port", "8080", "demo"], False),
        ([SCRIPT], False),
        ([SCRIPT, "--version"], False),
        ([SCRIPT, "open", "export"], False),
        ([SCRIPT, "--", "export"], False),
        (["/usr/bin/pytest", "export"], False),  # another program importing the package
        (["-m", "export"], False),
        (["/x/__main__.py", "export"], False),  # another package's __main__
        ([], False),
    ],
)
def test_one_shot_command(argv: list[str], one_shot: bool) -> None:
    assert cli.one_shot_command(argv) is one_shot


def test_the_one_shot_commands_are_those_that_end_the_process() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    commands.register(sub, "en")  # the commands ``export.commands.run`` runs (and ends the process of)
    assert set(sub.choices) == cli.ONE_SHOT


def _collector_after_import(argv: list[str]) -> str:
    code = f"import gc, sys; sys.argv = {argv!r}; import workshop_tui.cli.main; print(gc.isenabled())"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_an_export_process_starts_with_the_collector_paused() -> None:
    assert _collector_after_import([SCRIPT, "--lang", "da", "export", "x.toml"]) == "False"
    assert _collector_after_import([SCRIPT, "sessions"]) == "True"
    assert _collector_after_import(["-c"]) == "True"


def test_resume_turns_it_back_on_for_another_command(monkeypatch: pytest.MonkeyPatch) -> None:
    was = gc.isenabled()
    try:
        gc.disable()
        monkeypatch.setattr(cli, "paused_early", True)
        cli.resume("export")
        assert not gc.isenabled()  # an export keeps it paused until the process ends
        cli.resume("open")
        assert gc.isenabled()
        assert cli.paused_early is False
        gc.disable()
        cli.resume("open")  # not paused at import: left as the caller has it
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
