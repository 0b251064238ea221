"""Removing the temporary files a killed save left beside a session file (``tomlio.atomic_write``).

Apart from ``tomlio`` so that module stays readable; ``tomlio`` re-exports these names.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

DEAD_GRACE = 1.0
"""A temp file of a process that has ended is removed once this old (not in its first second)."""
STALE_TEMP_SECONDS = 60.0
"""A temp file untouched this long belongs to no save still running (a save takes milliseconds)."""


def remove_stale_temps(path: Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the temp files a killed save of ``path`` left beside it; return those removed.

    ``atomic_write`` writes ``.<name>.p<pid>.<random>.tmp``, the backup
    ``.<name>.bak.p<pid>.<random>.tmp`` or ``.<name>.bak.<pid>.link.tmp`` (older versions
    wrote them without the ``p<pid>``); each is renamed or removed when the save ends (or,
    made ahead by ``staging``, when its writer closes), so only a process killed (SIGKILL,
    power cut) leaves one. Only names of exactly
    those shapes for this file are removed: at once when the process that wrote it has
    ended (a restart right after a crash finds all of them), else only when not changed
    for ``older_than`` seconds, since a younger one may be a save running in another
    process. The file itself, its ``.bak`` and other files' temps are never touched; any
    OS error is ignored.
    """
    name = re.escape(path.name)
    # mkstemp's random part is [a-z0-9_] without dots, so another file's temps never match.
    own = re.compile(
        rf"\.{name}\.(?:bak\.)?(?:p(?P<pid>[0-9]+)\.)?[a-z0-9_]+\.tmp|\.{name}\.bak\.(?P<link>[0-9]+)\.link\.tmp"
    )
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            match = own.fullmatch(entry.name)
            if match is None:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                # A hard link made a moment ago keeps the old file's mtime; its ctime is new.
                age = now - max(info.st_mtime, info.st_ctime)
                writer = match.group("pid") or match.group("link")
                ended = writer is not None and not _running(int(writer))
                if not stat.S_ISREG(info.st_mode) or (age < older_than and not (ended and age >= DEAD_GRACE)):
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id runs here (this one does; unknown means running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True
