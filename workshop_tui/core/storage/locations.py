"""Where things live: the user's data dir (overridable for tests) and the built-in files."""

from __future__ import annotations

import os
import re
from pathlib import Path

from workshop_tui.core.model.ids import ID_RULE, valid_id

DATA_DIR_ENV = "WORKSHOP_TUI_DATA_DIR"
"""Set this to use another data dir; the tests always do, so they never touch real data."""

_DEVICE = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?", re.IGNORECASE)
"""Names Windows gives to devices whatever their extension (``nul.toml`` is the null device,
``con.toml`` the console): a session mailed from another system may carry such an id."""

_PACKAGE = Path(__file__).resolve().parents[2]  # workshop_tui/core/storage -> workshop_tui


_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
)


def read_plain_file(path: Path, most: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``most`` bytes, read without following a link.

    For the app's own JSON files beside the sessions (the list's index, the live files the
    projector window follows): ``Path.read_bytes`` of a named pipe put there waits for a
    writer for ever (``workshop sessions`` and the home list hung), and of a huge file reads
    it all. The open does not block on a pipe; the file is then checked to be a regular one.

    Raises:
        OSError: missing, unreadable, a link, not a regular file, or larger than ``most``.
    """
    import stat

    descriptor = os.open(path, _READ_FLAGS)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file")
        data = handle.read(most + 1)
    if len(data) > most:
        raise OSError(f"{path} is larger than {most} bytes")
    return data


def data_dir() -> Path:
    """The folder that holds the facilitator's sessions, own exercises and settings."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here, not at the top: it loads tempfile, shutil and random (~10 ms)

    return platformdirs.user_data_path("workshop-tui", appauthor=False)


class UnsafeName(ValueError):
    """A file name made from file content that is not a valid id, or that leaves its folder."""


def file_for(folder: Path, name: str, suffix: str) -> Path:
    """``folder/<name><suffix>``, for a ``name`` that came from a file (a session's id).

    Such a name is never trusted as a path: it must have the one id shape (no ``/``, no
    ``..``, no leading dot), must not be a Windows device name (``nul``, ``con.x``), and the
    path it makes must still be in ``folder`` once every link is followed, so a hostile ``id``
    cannot make a save replace some other file.

    Raises:
        UnsafeName: the name is not a valid id, or the path would leave ``folder``.
    """
    if not valid_id(name):
        raise UnsafeName(f"{name[:60]!r} cannot name a file: {ID_RULE}")
    if _DEVICE.fullmatch(name):  # on every system, so a session behaves the same wherever it is
        raise UnsafeName(f"{name!r} cannot name a file: Windows reserves it for a device")
    path = folder / f"{name}{suffix}"
    if path.resolve().parent != folder.resolve():
        raise UnsafeName(f"{path} is outside {folder}; it is not written")
    return path


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
