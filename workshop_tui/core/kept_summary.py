"""A session's computed summary kept between exports of the same, unchanged file.

Why: ``workshop export`` is one process per command, and exporting a file again (another
format, ``--named`` after the anonymous one, a second look) read and checked the whole
session and computed every figure again: for 90 exercises two thirds of what the export
costs beyond Python's start (issue 15). The summary is a tree of frozen dataclasses of plain
values (tuples, dicts, strings, numbers), so it is kept as a ``pickle`` and made again by an
unpickler that finds nothing but the pure core's dataclasses: the same classes, the same
values, equal to what ``build_summary`` gives (a test compares them). Both ways run in C:
walking the tree into ``marshal`` values in Python, as this module did before, cost the first
export of 90 exercises ~19 ms (the pickle ~3 ms), and making it again cost more than unpickling.

Never trusted unless everything matches:

- **The same bytes.** The file's bytes are kept with the summary and compared whole with the
  bytes read now (what ``load_session`` would read: ``tomlio.file_bytes``).
- **The same code.** The file is sealed (``kept_files.seal``: kind, checksum and length)
  with a stamp of the package's version, Python's version and the pickle protocol, the export's
  flags (``--named``, ``--notes``) and the size and modification time of every file of the
  pure core (what Python itself checks before it reuses a module's bytecode; hashing their
  1.1 MB of text cost ~8 ms of each export, more than half of what a kept 400-person summary saves).
  A summary made by other code, cut short, changed on disk or written by another Python is
  not read, and is computed and written again.
- **Only the app's own classes.** The unpickler finds a class only among the dataclasses of
  ``workshop_tui.core`` (no function, no builtin, no other library's class), and what it
  makes must be a ``Summary``.

The file lives in the cache folder of ``parsed_cache`` (never beside the user's file; none
when tests move the data dir without naming a cache dir), readable by its owner only (it holds
the names of a ``--named`` export), and only the newest ``KEEP`` are kept. Anything that fails
(no folder, a full disk, a value pickle cannot keep, a class it may not find) is silent:
the export computes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import io
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # the C module alone: ``pickle.py`` and what it imports cost an export ~4 M instructions
    import _pickle as pickle
except ImportError:  # another Python
    import pickle  # type: ignore[no-redef]

from workshop_tui import __version__
from workshop_tui.core.kept_files import seal, unseal
from workshop_tui.core.storage import parsed_cache

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import Summary

KIND = b"WTsm"
"""The first bytes of a kept summary's sealed part."""
KEEP = 12
"""Kept summaries in the folder; the oldest beyond them are removed when one is written."""
FORMAT = 2
"""Bumped when the way a summary is kept changes."""
PROTOCOL = 5
"""The pickle protocol of the kept summaries (part of the stamp)."""

_CORE = Path(__file__).parent
_PACKAGE = "workshop_tui.core."


class Unkept(ValueError):
    """A kept file names a class that is not one of the pure core's dataclasses: it is not read."""


def folder() -> Path | None:
    """Where summaries are kept: beside the parsed tables, or None (no cache folder)."""
    parsed = parsed_cache.cache_dir()
    return None if parsed is None else parsed.parent / "summary"


def code_stamp() -> str:
    """The size and modification time of every file of the pure core, as one checksum."""
    check = 0
    for root, folders, files in os.walk(_CORE):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".toml", ".seed")):
                info = os.stat(os.path.join(root, name))
                check = zlib.crc32(f"{root}/{name} {info.st_size} {info.st_mtime_ns};".encode(), check)
    return f"{check:08x}"


def stamp(*, named: bool, include_notes: bool, language: str = "") -> str:
    """What a kept summary was made with and for: it is read only under the same stamp.

    ``language`` is the one ``--lang`` asked for, "" for the file's own: an English edition
    of a Danish file is another summary (its library texts), kept beside the Danish one.
    """
    python = f"{sys.implementation.cache_tag} {sys.version} pickle {PROTOCOL}"
    flags = f"named={named} notes={include_notes} lang={language}"
    return f"v{FORMAT} {__version__} {python} {code_stamp()} {flags}"


def _path(place: Path, raw: bytes, *, named: bool, include_notes: bool, language: str = "") -> Path:
    tag = sys.implementation.cache_tag
    edition = f"{named:d}{include_notes:d}{'-' + language if language.isalpha() else ''}"
    return place / f"{parsed_cache._key(raw)}-{edition}.{tag}.summary"


def read(raw: bytes, *, named: bool, include_notes: bool, language: str = "") -> Summary | None:
    """The summary kept for exactly the bytes ``raw`` and these flags, or None."""
    place = folder()
    if place is None:
        return None
    try:
        data = _path(place, raw, named=named, include_notes=include_notes, language=language).read_bytes()
    except OSError:
        return None
    size = len(raw)
    if int.from_bytes(data[:8], "little") != size or not data.startswith(raw, 8):
        return None
    content = unseal(
        KIND, stamp(named=named, include_notes=include_notes, language=language), data[8 + size :]
    )
    if content is None:
        return None
    try:
        summary = _CoreUnpickler(io.BytesIO(content)).load()
    except Exception:  # noqa: BLE001 - sealed, yet not what this code reads: computed again
        return None
    from workshop_tui.core.results.summary_model import Summary

    return summary if type(summary) is Summary else None


def keep(raw: bytes, summary: Summary, *, language: str = "") -> None:
    """Keep ``summary``, computed from exactly the bytes ``raw``; failures are ignored.

    ``language``: the one ``--lang`` asked for ("" when the summary is in the file's own).
    """
    place = folder()
    if place is None:
        return
    named, notes = summary.named, summary.include_notes
    try:
        content = pickle.dumps(summary, protocol=PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return  # a value pickle cannot keep (a function, a lock): the next export computes
    path = _path(place, raw, named=named, include_notes=notes, language=language)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.writelines(
                (
                    len(raw).to_bytes(8, "little"),
                    raw,
                    seal(KIND, stamp(named=named, include_notes=notes, language=language), content),
                )
            )
        os.replace(temp, path)
        _prune(place)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _prune(place: Path) -> None:
    """Remove the oldest kept summaries beyond ``KEEP``.

    Listed with ``os.scandir`` and a suffix test, not ``Path.glob``: the glob compiles its
    pattern into a regular expression, in Python, ~16 ms of a first export's ~19 ms of keeping
    (cProfile; ~9 M instructions).
    """
    with os.scandir(place) as entries:
        kept = sorted((entry for entry in entries if entry.name.endswith(".summary")), key=_age)
    for old in kept[:-KEEP]:
        with contextlib.suppress(FileNotFoundError):  # another export removed it first
            os.unlink(old.path)


def _age(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat().st_mtime
    except OSError:
        return 0.0


class _CoreUnpickler(pickle.Unpickler):
    """Finds only the pure core's dataclasses: a kept file can make nothing else.

    Every other global (a function, ``os.system``, another library's class, a builtin) is
    refused, so the worst a changed file that still passed the seal could do is make the
    core's own plain values with other contents; ``read`` then checks it made a ``Summary``.
    """

    def find_class(self, module: str, name: str) -> Any:
        if not module.startswith(_PACKAGE) or "." in name:
            raise Unkept(f"{module}.{name}")
        kind = getattr(importlib.import_module(module), name)
        if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
            raise Unkept(f"{module}.{name}")
        return kind
