"""A large session file's parsed TOML kept between runs, for exactly the same text.

Why: ``workshop export`` is one process per command, and reading a 90-exercise session's
700 kB of TOML (``fast_toml``) is a third of what that export costs; exporting a session
again, in another format or after a look at the result, reads the same text again. The
parsed table is kept in the user's cache folder as ``marshal`` data (tables, lists,
strings, numbers: no code), found by a checksum of some of the file's bytes and their length,
and used only when the bytes kept with it are the bytes being read, byte for byte: a cache is never
trusted for other content. (The bytes, not the text: they are what was read, so neither the
key nor the comparison encodes 700 kB of text again: about half of what the cache cost, on
the first export of a file as on the later ones.) Anything else (no cache folder, a file that cannot be
read or written, a damaged or foreign one) reads the text as before, silently.

The folder is ``platformdirs``' user cache folder, or ``WORKSHOP_TUI_CACHE_DIR``; with
the data dir moved by ``WORKSHOP_TUI_DATA_DIR`` (the tests, a trial) there is no cache
unless that variable names one, so a test never writes outside its own folder. Only the
newest ``KEEP`` files are kept, and a table is kept on the second read of the same bytes
(``READS_BEFORE_KEEPING``).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop_tui.core.storage.locations import DATA_DIR_ENV

APP = "workshop-tui"
"""The application's name in the user's cache folder."""
CACHE_DIR_ENV = "WORKSHOP_TUI_CACHE_DIR"
"""Set this to keep the cache in another folder (the benchmark does, in its work folder)."""
SMALLEST = 64 * 1024
"""Shorter texts parse in a few milliseconds: they are not kept (a cache would cost as much)."""
KEEP = 12
"""Files kept in the folder; the oldest beyond them are removed when one is written."""
FORMAT = 3
"""Bumped when what is kept changes (2: the file's bytes instead of its text; 3: fast_toml no longer
reads two broken shapes, ``\r\r\n`` and a statement after a text's closing quotes, so a table
kept for such a file must not be used); also per Python version (``marshal``'s format)."""
_TAG = f"{sys.implementation.cache_tag}-v{FORMAT}"


def cache_dir() -> Path | None:
    """The folder of the cache, or None (a data dir given for tests, without a cache dir)."""
    named = os.environ.get(CACHE_DIR_ENV)
    if named:
        return Path(named).expanduser() / "parsed"
    if os.environ.get(DATA_DIR_ENV):
        return None
    linux = _linux_cache_home()
    if linux is not None:
        return Path(linux) / APP / "parsed"
    import platformdirs

    return platformdirs.user_cache_path(APP, appauthor=False) / "parsed"


def _linux_cache_home() -> str | None:
    """The user's cache folder on Linux as ``platformdirs`` finds it, without importing it; else None.

    ``platformdirs`` (and ``tempfile``, ``shutil`` and ``random`` with it) took ~3 ms of every
    export of a large file when no folder is named: a checker's or a facilitator's, who sets
    no variables. Only the plain case is taken here, the rules its ``_xdg`` and ``unix`` modules
    follow (an absolute ``$XDG_CACHE_HOME``, else ``~/.cache`` with an absolute ``$HOME``; a
    test compares the two); Android, another system or an unusual ``$HOME`` ask ``platformdirs``.
    """
    if sys.platform != "linux" or (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    ):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return xdg
    home = os.environ.get("HOME", "")
    return os.path.expanduser("~/.cache") if os.path.isabs(home) else None


def cached_parse(parse: Callable[[str], dict[str, Any]]) -> Callable[[str, bytes | None], dict[str, Any]]:
    """``parse`` with its result for a large text kept, and reused for the same text.

    The function made takes the text and, when the caller has them, the bytes it was decoded
    from (``tomlio.read_toml`` gives the file's); without them the text is encoded.
    """

    def parse_cached(text: str, raw: bytes | None = None) -> dict[str, Any]:
        folder = cache_dir() if len(text) >= SMALLEST else None
        if folder is None:
            return parse(text)
        if raw is None:
            raw = text.encode("utf-8", "surrogatepass")
        path = folder / f"{_key(raw)}.{_TAG}.marshal"
        found = _read(path, raw)
        if found is not None:
            return found
        data = parse(text)  # an error propagates: nothing is kept for a text that does not parse
        if READS_BEFORE_KEEPING <= 1 or _read_before(path):
            _write(path, raw, data)
        return data

    return parse_cached


READS_BEFORE_KEEPING = 2
"""A table is kept when the same bytes are parsed a second time (the first leaves a mark only).

Why: the first export of a file keeps its summary (``core/kept_summary``), which answers every
later export with the same flags without parsing at all; writing the parsed table as well cost
that first export 12-15 M instructions (a 90-exercise file's 2 MB of ``marshal``) for a read that
seldom comes (another ``--named``/``--notes``/``--lang``). A mark is an empty file named as the
table would be (``.seen``); the newest ``MARKS`` are kept."""
MARKS = 4 * KEEP


def _read_before(path: Path) -> bool:
    """Whether the bytes named by ``path`` were parsed before (a mark left); else leave one now."""
    mark = path.with_suffix(".seen")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return True
    except OSError:
        return False
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        marks = [(entry.stat().st_mtime, entry.path) for entry in entries if entry.name.endswith(".seen")]
        for _, old in sorted(marks)[:-MARKS]:
            os.unlink(old)
    return False


SAMPLE = 4096
"""Bytes of a file's start, middle and end that name its kept table (with its length)."""


def _key(raw: bytes) -> str:
    """The name of the kept table for the bytes ``raw``: a checksum of their start, middle and end,
    and their length.

    Only a name to look under: what is kept there is used only for exactly these bytes (``_read``
    compares them whole, in C), so two files of one length that differ elsewhere only share a
    place, each read again and kept in turn, never one given the other's table. A checksum of
    every byte cost 2.7 M instructions of each large export, read or written (~3.9 a byte); a
    file the app writes differs at its start anyway (its first line seals the tables below).
    """
    size = len(raw)
    if size <= 3 * SAMPLE:
        sample = raw
    else:
        middle = size // 2
        sample = b"".join((raw[:SAMPLE], raw[middle - SAMPLE // 2 : middle + SAMPLE // 2], raw[-SAMPLE:]))
    return f"{zlib.crc32(sample):08x}-{size}"


def _read(path: Path, raw: bytes) -> dict[str, Any] | None:
    """The table kept at ``path`` if it was kept for exactly the bytes ``raw``; else None."""
    try:
        content = path.read_bytes()
        found = _read_pieces(content, raw)
        if found is not None:
            return found
        kept = marshal.loads(content)
        if not (isinstance(kept, tuple) and len(kept) == 4 and kept[0] == _TAG and kept[1] == raw):
            return None
        if not isinstance(kept[3], bytes) or zlib.crc32(kept[3]) != kept[2]:
            return None
        data = marshal.loads(kept[3])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _write(path: Path, raw: bytes, data: dict[str, Any]) -> None:
    """Keep ``data`` for the bytes ``raw`` (written whole, then renamed); drop the oldest beyond ``KEEP``."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        table = marshal.dumps(data)
        # Readable by the owner only, as the session files are: the same names and answers.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(_kept_pieces(raw, table))
        os.replace(temp, path)
        kept = sorted(path.parent.glob("*.marshal"), key=_age)
        for old in kept[:-KEEP]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):  # ValueError: a value marshal cannot write (none from TOML)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _read_pieces(content: bytes, raw: bytes) -> dict[str, Any] | None:
    """The table of a file laid out as ``_kept_pieces`` writes it, read where it lies; else None.

    ``marshal.loads`` of the whole tuple copied the file's bytes and the table out of what was
    read (~2 MB for 90 exercises: fresh memory, page faults) to compare one and unmarshal the
    other. Here the bytes are compared in place (``startswith``) and the table checked and read
    through a view. Any other layout (another writer's, a damaged file) is read as the tuple.

    Raises:
        ValueError, EOFError, TypeError: the table's bytes are no marshal data (as ``marshal.loads``).
    """
    head = b")\x04" + marshal.dumps(_TAG) + b"s" + len(raw).to_bytes(4, "little")
    at = len(head) + len(raw)
    if not (content.startswith(head) and content.startswith(raw, len(head))):
        return None
    view = memoryview(content)
    check = marshal.loads(view[at : at + 16])  # ``i`` and 4 bytes, or ``l`` and 10 (what follows is left)
    if type(check) is not int:
        return None
    at += len(marshal.dumps(check))
    size = int.from_bytes(view[at + 1 : at + 5], "little")
    table = view[at + 5 :]
    if content[at : at + 1] != b"s" or len(table) != size or zlib.crc32(table) != check:
        return None
    data = marshal.loads(table)
    return data if isinstance(data, dict) else None


def _kept_pieces(raw: bytes, table: bytes) -> tuple[bytes, ...]:
    """``marshal.dumps((_TAG, raw, zlib.crc32(table), table))`` in pieces, ``raw`` and ``table``
    among them as they are: what ``marshal.loads`` reads back as that tuple.

    Why: ``marshal.dumps`` of the tuple copied the file's bytes and the table into one new
    object of some 2 MB for a 90-exercise session, fresh memory that the first export of a
    file paid in page faults (some 500, ~1.5 ms on the test VM) only to write it out.
    (A small tuple of four, then each item: ``s`` and a 4-byte length before a ``bytes``.)
    """
    return (
        b")\x04",
        marshal.dumps(_TAG),
        b"s" + len(raw).to_bytes(4, "little"),
        raw,
        marshal.dumps(zlib.crc32(table)),
        b"s" + len(table).to_bytes(4, "little"),
        table,
    )


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
