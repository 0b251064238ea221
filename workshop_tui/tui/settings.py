"""The facilitator's app settings (language, theme), kept as TOML in the data dir."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from workshop_tui.core.storage.errors import FileProblems, SessionWriteError
from workshop_tui.core.storage.locations import data_dir
from workshop_tui.core.storage.tomlio import atomic_write, dumps, read_toml


@dataclass(frozen=True)
class Settings:
    """Choices that outlive a session."""

    lang: str = "da"
    theme: str = "textual-dark"
    last_session: str = ""
    """The file name of the session opened last, marked on the home screen."""


def settings_path() -> Path:
    """Where the settings file lives."""
    return data_dir() / "settings.toml"


def load_settings() -> Settings:
    """Read the settings; anything missing or unreadable falls back to the defaults.

    Read by the one reader of TOML files (``tomlio.read_toml``): a BOM (the file saved in
    Notepad) is read past instead of losing every setting, and a pipe in its place is refused
    instead of hanging the start.
    """
    try:
        # Resolved: a settings file kept elsewhere and linked here (a dotfiles folder) is read
        # as before; ``read_toml`` opens no link itself.
        data, _ = read_toml(settings_path().resolve())
    except (FileProblems, ValueError, OSError, RuntimeError):  # RuntimeError: a loop of links (3.11)
        return Settings()
    lang = data.get("lang")
    theme = data.get("theme")
    last = data.get("last_session")
    return Settings(
        lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE,
        theme=theme if isinstance(theme, str) and theme else "textual-dark",
        last_session=last if isinstance(last, str) and len(last) < 300 else "",
    )


_WRITING = threading.Lock()
"""One write of the settings at a time: ``save_settings_aside`` writes beside the app's thread."""


def save_settings(settings: Settings) -> str | None:
    """Write the settings; returns an error message instead of raising."""
    with _WRITING:
        return _write(settings)


def save_settings_aside(current: Callable[[], Settings]) -> threading.Thread:
    """Write the settings as ``current`` gives them when the write begins, in a thread of their own.

    Opening a session marks it as the last one opened (``WorkshopApp._remember``): an
    atomic write with two fsyncs, 8-10 ms on the test VM, which ran in the event loop right
    after the session screen was mounted, ahead of its first frame, and on a busy disk
    beside the first keys. The thread is no daemon (the interpreter waits for it at exit),
    and the settings are read under the same lock as ``save_settings`` takes, so a language
    or theme saved meanwhile is never written over by an older version.
    """

    def write() -> None:
        with _WRITING:
            _write(current())

    thread = threading.Thread(target=write, name="settings-save")
    thread.start()
    return thread


def _write(settings: Settings) -> str | None:
    try:
        atomic_write(
            settings_path(),
            dumps({"lang": settings.lang, "theme": settings.theme, "last_session": settings.last_session}),
            keep_backup=False,
        )
    except SessionWriteError as error:
        return error.reason
    return None
