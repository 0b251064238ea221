"""Where things live: the user's data dir (overridable for tests) and the built-in files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "WORKSHOP_TUI_DATA_DIR"
"""Set this to use another data dir; the tests always do, so they never touch real data."""

_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder that holds the facilitator's sessions, own exercises and settings."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("workshop-tui", appauthor=False)


def sessions_dir(base: Path | None = None) -> Path:
    """Where session files are kept."""
    return (base or data_dir()) / "sessions"


def user_exercises_dir(base: Path | None = None) -> Path:
    """The facilitator's own exercise definitions."""
    return (base or data_dir()) / "exercises"


def _builtin(name: str) -> Path:
    # An installed wheel carries the folders inside the package; a checkout
    # (editable install or running from the source tree) has them at the top.
    packaged = _PACKAGE / "_builtin" / name
    return packaged if packaged.is_dir() else _PACKAGE.parent / name


def builtin_exercises_dir() -> Path:
    """The exercise definitions shipped with the app."""
    return _builtin("exercises")


def builtin_sessions_dir() -> Path:
    """The example sessions shipped with the app (the demo seminar)."""
    return _builtin("sessions")


def logs_dir(base: Path | None = None) -> Path:
    """Where the app writes a log when it stops on an error (readable by the owner only)."""
    return (base or data_dir()) / "logs"
