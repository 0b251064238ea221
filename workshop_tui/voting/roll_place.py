"""Which roll of phones belongs to which session FILE, never merely to a session id.

The roll (``voting/<session id>.toml``, ``roll.py``) was keyed by the id inside the file. A copy
mailed back under another name holds the same id: both files then shared one roll, so two
windows (each holding its own file's lock) wrote one roll, and one file's phones, and the
scores the facilitator typed over them, landed in the other. One writer per session file
holds only when each file has its own roll:

- the file the app made for the session (``sessions/<id>.toml``) keeps ``voting/<id>.toml``, so
  every roll written before stays where it is (no migration for the usual case);
- any other file (another name, another folder) has ``voting/<id>--<digest>.toml``, the digest
  of the id and the file's real path: a safe id (``file_for`` checks it stays in its folder);
- a roll of the old name whose own file (``sessions/<id>.toml``) is gone belonged to a file
  opened from elsewhere or renamed: it moves to that file's name the first time the file opens
  voting (a rename, so a second file with the id cannot take it too).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.storage.locations import data_dir, file_for, sessions_dir
from workshop_tui.voting.roll import roll_path

ID_PART = 60
"""Characters of the session id kept in a roll's name: with ``--`` and the digest it stays an id."""
DIGEST = 16
"""Hex digits of the digest (64 bits): two files' rolls never meet by chance."""


@dataclass(frozen=True)
class RollPlace:
    """Where one session file's roll is, and what the facilitator should be told about it.

    ``shared_with`` is the file the session id belongs to when the open file is another one with
    that id (a copy): its phones are kept apart from that file's. ``moved_from`` is a roll of the
    old name that moved to this file (it had been this file's).
    """

    path: Path
    shared_with: Path | None = None
    moved_from: Path | None = None


def _same(one: Path, other: Path) -> bool:
    """Whether two paths name one file (a link or another spelling of the path counts as one)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one.resolve() == other.resolve()


def roll_place(session_id: str, session_file: Path, base: Path | None = None) -> RollPlace:
    """The roll of the session file ``session_file`` whose id is ``session_id``.

    Raises:
        UnsafeName: the id is not a valid id (the loader refuses such ids).
    """
    place = _place(session_id, session_file, base, move=True)
    assert place is not None  # only a look that may not move comes back without one
    return place


def settled_place(session_id: str, session_file: Path, base: Path | None = None) -> RollPlace | None:
    """``roll_place`` where it moves nothing: None where a roll of the old name would move.

    Asked right after opening (``voting_marks.prepare``), before the facilitator's first key:
    an opening changes no file, so the rare move is left to the first key or F10, as before.

    Raises:
        UnsafeName: the id is not a valid id.
    """
    return _place(session_id, session_file, base, move=False)


def _place(session_id: str, session_file: Path, base: Path | None, *, move: bool) -> RollPlace | None:
    base = base or data_dir()
    legacy = roll_path(session_id, base)
    own = file_for(sessions_dir(base), session_id, ".toml")
    if _same(session_file, own):
        return RollPlace(legacy)
    real = str(session_file.resolve()).encode("utf-8", "surrogateescape")
    digest = hashlib.sha256(session_id.encode("ascii") + b"\0" + real).hexdigest()[:DIGEST]
    path = file_for(base / "voting", f"{session_id[:ID_PART]}--{digest}", ".toml")
    if own.exists():
        return RollPlace(path, shared_with=own)
    if not path.exists() and legacy.is_file() and not legacy.is_symlink():
        if not move:
            return None
        if _take(legacy, path):
            return RollPlace(path, moved_from=legacy)
    return RollPlace(path)


def _take(legacy: Path, path: Path) -> bool:
    """Move ``legacy`` to ``path``, never over a file there; False when it did not move."""
    try:
        os.link(legacy, path, follow_symlinks=False)  # fails on an existing name
    except FileExistsError:
        return False
    except OSError:  # no hard links (a FAT or network drive): a rename, checked first
        if path.exists():
            return False
        try:
            legacy.rename(path)
        except OSError:
            return False
        return True
    with contextlib.suppress(OSError):
        legacy.unlink()
    return True
