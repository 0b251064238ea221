"""The known exercise texts as shipped: a fresh install's first read does not make them.

Why: ``known_exercises`` makes its table of texts once per install (each built-in definition
rendered twice and parsed: about 1.4 G instructions, a third of a second) and keeps it in the
package's ``__pycache__``. The first ``workshop export`` after installing paid all of it, on
top of the export itself (issue 15: one run of five took 500 ms instead of 100). So the table
the library as shipped gives is shipped with it, in ``known_exercises.SEED_FILE`` (``marshal``, compressed),
with a checksum of the definitions' files it was made from.

Why it is safe whatever it holds: each entry is a text and the table *that text* parses to. A
text the app no longer writes, or a definition since edited, is never wrong, only unused (the
copy in a session is then parsed, as any text is). The checksum only decides whether the table
is the one the library on disk gives (then it is taken as it is, and kept in ``__pycache__`` as
a made one is) or the library has changed since (an edited checkout: the table is made, as
before). A read-only install, where nothing made could be kept, takes the shipped table as it is.

A test makes the table again and compares it with this file, so a change to a definition or to
how the app writes one is not left unshipped: ``python -m workshop_tui.core.storage.known_exercises``
writes the file again.
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from pathlib import Path
from typing import Any

from workshop_tui.core.storage.locations import builtin_exercises_dir

MAGIC = b"WTks"


def library_digest(folder: Path | None = None) -> int:
    """A checksum of the built-in definitions' files: their names and their bytes.

    Read only when there is no kept table (the first read after an install): some 70 small
    files, far less than making the table.
    """
    folder = builtin_exercises_dir() if folder is None else folder
    digest = 0
    for path in sorted(p for p in folder.glob("*.toml") if not p.name.startswith(".")):
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        digest = zlib.crc32(data, zlib.crc32(path.name.encode() + b"\0", digest))
    return digest


def read_seed(fmt: int, path: Path) -> tuple[int, dict[Any, Any]] | None:
    """The shipped table and the checksum it was made with; None if missing, damaged or of another format."""
    try:
        data = path.read_bytes()
        if data[:4] != MAGIC:
            return None
        kept = marshal.loads(zlib.decompress(data[4:]))  # zlib checks what it inflates
    except (OSError, zlib.error, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(kept, tuple) and len(kept) == 3 and kept[0] == fmt and isinstance(kept[1], int)):
        return None
    known = kept[2]
    return (kept[1], known) if _well_formed(known) else None


def _well_formed(known: object) -> bool:
    """Whether ``known`` has the shape ``known_exercises`` reads (a changed file must not crash a read)."""
    if not isinstance(known, dict):
        return False
    for key, entries in known.items():
        if not (isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, str) for k in key)):
            return False
        if not isinstance(entries, list):
            return False
        for entry in entries:
            if not (isinstance(entry, tuple) and len(entry) == 5):
                return False
            text, ids, tail, table, line_breaks = entry
            if not (isinstance(text, str) and isinstance(tail, str) and isinstance(table, bytes)):
                return False
            if not (type(ids) is int and type(line_breaks) is int and ids > 0 and line_breaks >= 0):
                return False
    return True


def write_seed(fmt: int, known: dict[Any, Any], digest: int, path: Path) -> None:
    """Write the shipped table (whole, then renamed into place)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(MAGIC + zlib.compress(marshal.dumps((fmt, digest, known)), 9))
    temporary.replace(path)
    with contextlib.suppress(OSError):
        temporary.unlink()
