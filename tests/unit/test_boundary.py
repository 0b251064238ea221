"""The architecture holds: the pure core loads no UI, and the import-linter contracts are kept.

The module list is discovered from the package, never written by hand, so a new core module
is covered the day it is added.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import workshop_tui.core

UI_AND_WEB = ("textual", "rich", "aiohttp", "qrcode")


def core_modules() -> list[str]:
    """Every module of the core package, found by walking it."""
    found = pkgutil.walk_packages(workshop_tui.core.__path__, prefix="workshop_tui.core.")
    return ["workshop_tui.core", *sorted(info.name for info in found)]


def test_the_walk_finds_the_whole_core() -> None:
    names = core_modules()
    for expected in (
        "workshop_tui.core.keeper",
        "workshop_tui.core.model.session",
        "workshop_tui.core.storage.sessions",
        "workshop_tui.core.results.summary",
        "workshop_tui.core.i18n",
    ):
        assert expected in names
    assert len(names) > 30


def test_core_modules_do_not_load_ui_or_web_libraries() -> None:
    code = f"""
import importlib, sys
for name in {core_modules()!r}:
    importlib.import_module(name)
print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {UI_AND_WEB!r})))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the core loaded: {result.stdout.strip()}"


def test_import_linter_contracts_are_kept() -> None:
    """The same contracts CI checks (``[tool.importlinter]`` in pyproject.toml)."""
    root = Path(__file__).resolve().parents[2]
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(root / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert "broken" in result.stdout, result.stdout + result.stderr  # the summary line was printed
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout
