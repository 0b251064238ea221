"""The pure core never imports textual or rich; only workshop_tui.tui may."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "workshop_tui",
    "workshop_tui.model",
    "workshop_tui.stats",
    "workshop_tui.i18n",
    "workshop_tui.storage.library",
    "workshop_tui.storage.sessions",
    "workshop_tui.storage.exercise_codec",
    "workshop_tui.storage.session_codec",
    "workshop_tui.cli",
]
OPTIONAL_CORE = ["workshop_tui.summary", "workshop_tui.export"]


def test_core_modules_do_not_load_textual_or_rich() -> None:
    code = f"""
import importlib, importlib.util, sys
for name in {CORE_MODULES!r}:
    importlib.import_module(name)
for name in {OPTIONAL_CORE!r}:
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))
print(','.join(loaded))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the core loaded: {result.stdout.strip()}"
