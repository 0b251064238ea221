"""Other names of a session file (hard links): one writer per FILE, not per name.

The lock is a file beside the session's name (``lock.lock_path``). Two hard-linked names of one
file had two lock files, so two windows each took "their" lock and wrote the one session, and
the first save (a new file renamed into place) parted the names without a word: each window
went on in a file of its own while the facilitator thought there was one. A file with a name
the app did not make is therefore opened read-only, with the names found and the fix.

The app makes names of its own for a session's file: the next save's ``.bak`` link, made ahead
(``staging.link_previous``: ``.<name>.bak.<pid>.link.tmp``), and the ``.bak`` it becomes. Those
are not other names. A symbolic link is not opened at all (``tomlio``), and a linked folder
leads to the one lock beside the file's real name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

FOUND_MOST = 5
"""Other names named at most (a folder full of links says enough with five)."""


@dataclass(frozen=True)
class OtherNames:
    """Names of a session's file that the app did not make."""

    count: int
    """How many (the file's link count, less its own name and the app's ``.bak`` names)."""
    found: tuple[Path, ...] = ()
    """Those of them in the file's own folder (the rest are elsewhere on the disk)."""


def _ours(name: str, own: str) -> bool:
    """Whether ``name`` is a name the app gives the file ``own`` (its ``.bak`` and staged link)."""
    return name == f"{own}.bak" or (name.startswith(f".{own}.bak.") and name.endswith(".link.tmp"))


def other_names(path: Path) -> OtherNames:
    """The names of ``path``'s file besides ``path`` and the app's own (``count`` 0: none).

    Costs one ``stat``; the folder is read only when the file has more than one name.
    """
    try:
        info = os.stat(path)
    except OSError:
        return OtherNames(0)
    if info.st_nlink <= 1:
        return OtherNames(0)
    ours, found = 0, []
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                if entry.name == path.name:
                    continue
                try:
                    there = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if (there.st_dev, there.st_ino) != (info.st_dev, info.st_ino):
                    continue
                if _ours(entry.name, path.name):
                    ours += 1
                else:
                    found.append(Path(entry.path))
    except OSError:
        pass
    return OtherNames(max(0, info.st_nlink - 1 - ours), tuple(sorted(found))[:FOUND_MOST])
