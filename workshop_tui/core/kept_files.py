"""Files a run keeps for the next one in the package's ``__pycache__``: sealed, bounded, never an error.

Three caches write into the installed package at run time, as Python writes bytecode there:
the parsed CSS rules (``tui/css_rules.py``, pickle), the compiled methods of the
dataclasses (``core/dataclass_code.py``, marshal) and the engine code of the export path's
regular expressions and of the app's start (``core/regex_code.py``, marshal). What they share lives here:

- **Sealed.** Each file starts with a header: what it is, a checksum of what it was made
  with (Python, Textual, the theme) and a checksum and length of its content. A file cut
  short, changed on disk, or written by another version is not read at all: marshal data
  that is damaged can crash the interpreter, and a pickle changed in the middle can still
  load, with other rules in it. The run then makes its own and writes the file again.
- **Bounded.** Without pruning, every Textual or Python upgrade, theme and edited CSS text
  left its files behind for ever (a test run alone wrote some 100). After a run writes, only
  the newest few generations (what the files were made with) are kept, and at most so many
  files; the files this run used are never the ones removed.
- **Never an error.** A read-only install, a full disk or another process removing the same
  file: the run goes on, and only the next start is slower.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HEADER_SIZE = 16
"""Four bytes of kind, then three 32-bit numbers: the stamp's checksum, the content's checksum and length."""
LEFT_TEMPORARY_SECONDS = 600
"""A temporary file older than this was left by a run that was stopped while writing."""


def _number(value: int) -> bytes:
    return (value & 0xFFFFFFFF).to_bytes(4, "little")


def seal(kind: bytes, stamp: str, content: bytes) -> bytes:
    """``content`` behind a header naming ``kind`` (4 bytes), ``stamp`` and the content itself."""
    assert len(kind) == 4
    header = kind + _number(zlib.crc32(stamp.encode())) + _number(zlib.crc32(content)) + _number(len(content))
    return header + content


def unseal(kind: bytes, stamp: str, data: bytes) -> bytes | None:
    """The content of a sealed file; None when it is not whole, not ``kind`` or made with another stamp."""
    if len(data) < HEADER_SIZE or data[:4] != kind:
        return None
    content = data[HEADER_SIZE:]
    if (
        data[4:8] != _number(zlib.crc32(stamp.encode()))
        or data[12:16] != _number(len(content))
        or data[8:12] != _number(zlib.crc32(content))
    ):
        return None
    return content


def read_sealed(path: Path, kind: bytes, stamp: str) -> bytes | None:
    """The content of ``path`` if it is a whole file of ``kind`` made with ``stamp``; None otherwise."""
    try:
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    return unseal(kind, stamp, data)


def write_sealed(path: Path, kind: bytes, stamp: str, content: bytes, *, after: bytes = b"") -> bool:
    """Write ``path`` whole, then rename it into place (a reader never sees half); False when it could not.

    ``after`` follows the sealed content unsealed: a file whose parts have checksums of their
    own, listed in the content, and are checked only when used (``storage/known_exercises``).
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(seal(kind, stamp, content) + after)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def prune(
    folder: Path,
    generation_of: Callable[[str], str | None],
    *,
    used: Iterable[Path],
    generations: int,
    files: int,
) -> list[Path]:
    """Remove what no start is likely to read again; returns the files removed.

    Args:
        generation_of: a file's generation (what it was made with) from its name; None for a
            name that is not a cache file (a temporary file, removed once it is old).
        used: the files this run read or wrote: their generation counts as the newest, and
            they are never removed.
        generations: how many generations are kept (the newest by their newest file).
        files: how many files are kept in all, the newest first.
    """
    keep = {str(path) for path in used}
    try:
        with os.scandir(folder) as found:
            entries = [(entry.path, entry.name, entry.stat().st_mtime) for entry in found]
    except OSError:
        return []
    now = time.time()
    newest: dict[str, float] = {}
    candidates: list[tuple[float, str, str]] = []
    removed: list[str] = []
    for path, name, mtime in entries:
        generation = generation_of(name)
        if generation is None:
            if now - mtime > LEFT_TEMPORARY_SECONDS:
                removed.append(path)
            continue
        age = now + 1 if path in keep else mtime  # used now: newer than any file's time
        newest[generation] = max(newest.get(generation, age), age)
        candidates.append((age, path, generation))
    recent = set(sorted(newest, key=newest.__getitem__, reverse=True)[:generations])
    kept: list[tuple[float, str]] = []
    for age, path, generation in candidates:
        if generation in recent or path in keep:
            kept.append((age, path))
        else:
            removed.append(path)
    kept.sort(reverse=True)
    removed.extend(path for _, path in kept[files:] if path not in keep)
    gone = []
    for path in removed:
        with contextlib.suppress(OSError):
            os.unlink(path)
            gone.append(Path(path))
    return gone


START = "start"
"""The name of the file that holds what the app's start made (``regex_code``, ``dataclass_code``),
whichever module made it: one file read per start instead of one per module."""


class ModuleFiles:
    """One kind of kept file per module: a sealed ``marshal`` dict in ``folder``, named by module and Python.

    The dataclasses' methods (``dataclass_code``) and the regular expressions' engine code
    (``regex_code``) are kept this way; each keeps its own run's state (what it read, used
    and must write) and asks this for the file steps, so the sealing, reading and pruning
    rules are one. (A plain class: this module is read before the dataclasses' code cache
    is in place, and a dataclass costs ~0.4 ms to make at every start.)
    """

    __slots__ = ("folder", "keep_files", "keep_tags", "kind", "stamp", "tag")

    def __init__(  # noqa: PLR0913 - the six settings of a kind of kept file
        self, folder: Path, kind: bytes, stamp: str, tag: str, keep_tags: int, keep_files: int
    ) -> None:
        self.folder, self.kind, self.stamp, self.tag = folder, kind, stamp, tag
        self.keep_tags, self.keep_files = keep_tags, keep_files

    def path(self, module: str) -> Path:
        """Where ``module``'s file is kept."""
        return self.folder / f"{module}.{self.tag}.marshal"

    def read(self, module: str, read_files: set[Path]) -> dict[Any, Any]:
        """``module``'s kept dict, or an empty one when there is no whole file of this version.

        The seal is checked before ``marshal`` sees a byte: damaged marshal data can crash the
        interpreter, or load as something else than was kept.
        """
        path = self.path(module)
        content = read_sealed(path, self.kind, self.stamp)
        if content is None:
            return {}
        try:
            kept = marshal.loads(content)
        except (ValueError, EOFError, TypeError):
            return {}
        if not isinstance(kept, dict):
            return {}
        read_files.add(path)
        return kept

    def write(
        self,
        dirty: Iterable[str],
        used: dict[str, dict[Any, Any]],
        read_files: set[Path],
        start: tuple[dict[Any, Any], int] | None = None,
    ) -> None:
        """Keep what this run used of each ``dirty`` module, then prune; failures are ignored.

        ``start``: what the start's file (``START``) held when read, and how many entries it
        keeps at most. The app's starts differ a little (the list, an open, the demo): the
        file keeps what earlier starts used as well as this one's, unless that is more than
        the bound (then only this start's: nothing grows for ever).
        """
        if start is not None and START in used:
            earlier, bound = start
            kept = {**earlier, **used[START]}
            used = {**used, START: kept if len(kept) <= bound else used[START]}
        written = False
        for module in sorted(dirty):
            try:
                content = marshal.dumps(used.get(module, {}))
            except ValueError:
                continue
            written = write_sealed(self.path(module), self.kind, self.stamp, content) or written
        if written:
            keep = {*read_files, *(self.path(module) for module in used)}
            prune(self.folder, generation, used=keep, generations=self.keep_tags, files=self.keep_files)


def generation(name: str) -> str | None:
    """A kept module file's Python (its tag, e.g. ``cpython-311``) from its name; None for another file."""
    if name.startswith(".") or not name.endswith(".marshal"):
        return None
    parts = name.rsplit(".", 2)
    return parts[1] if len(parts) == 3 else None
