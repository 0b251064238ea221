"""A session's computed summary kept between exports of the same, unchanged file.

Why: ``workshop export`` is one process per command, and exporting a file again (another
format, ``--named`` after the anonymous one, a second look) read and checked the whole
session and computed every figure again: for 90 exercises two thirds of what the export
costs beyond Python's start (issue 15). The summary is a tree of frozen dataclasses of plain
values, so it is kept as ``marshal`` data of plain values (tuples, strings, numbers: no code,
no pickle) and made again from them: the same classes, the same values, equal to what
``build_summary`` gives (a test compares them).

Never trusted unless everything matches:

- **The same bytes.** The file's bytes are kept with the summary and compared whole with the
  bytes read now (what ``load_session`` would read: ``tomlio.file_bytes``).
- **The same code.** The file is sealed (``kept_files.seal``: kind, checksum and length)
  with a stamp of the package's version, Python's version and marshal's format, the export's
  flags (``--named``, ``--notes``) and the size and modification time of every file of the
  pure core (what Python itself checks before it reuses a module's bytecode; hashing their
  1.1 MB of text cost ~8 ms of each export, more than half of what a kept 400-person summary saves).
  A summary made by other code, cut short, changed on disk or written by another Python is
  not read, and is computed and written again.
- **Only the app's own classes.** A class is named by module and name and found only in
  ``workshop_tui.core``, and only when its fields are the ones kept.

The file lives in the cache folder of ``parsed_cache`` (never beside the user's file; none
when tests move the data dir without naming a cache dir), readable by its owner only (it holds
the names of a ``--named`` export), and only the newest ``KEEP`` are kept. Anything that fails
(no folder, a full disk, a value that is no plain value) is silent: the export computes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import marshal
import os
import sys
import zlib
from collections import deque
from collections.abc import Iterable
from itertools import chain, groupby, repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_tui import __version__
from workshop_tui.core.kept_files import seal, unseal
from workshop_tui.core.storage import parsed_cache

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import Summary

KIND = b"WTsm"
"""The first bytes of a kept summary's sealed part."""
KEEP = 12
"""Kept summaries in the folder; the oldest beyond them are removed when one is written."""
FORMAT = 1
"""Bumped when the way a summary is kept changes."""
_PLAIN = frozenset({str, int, float, bool, type(None)})
_PLAIN_OR_TUPLE = _PLAIN | {tuple}
_RUNS = 16
"""At most so many runs of one instance make a tuple kept as runs (``["n", …]``)."""

_CORE = Path(__file__).parent
_PACKAGE = "workshop_tui.core."


class Unkept(ValueError):
    """A value that is not kept (a list, a set, another library's class): the summary is not kept."""


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
    python = f"{sys.implementation.cache_tag} {sys.version} marshal {marshal.version}"
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
        classes, tree = marshal.loads(content)
        summary = _Maker(classes).make(tree)
    except (ValueError, EOFError, TypeError, LookupError, AttributeError, ImportError, RecursionError):
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
        plain = _Plain()
        tree = plain.value(summary)  # (first: it names the classes)
        content = marshal.dumps((tuple(plain.classes), tree))
    except (Unkept, ValueError):
        return
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
        kept = sorted(place.glob("*.summary"), key=_age)
        for old in kept[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# The kept tree. A plain value, or a tuple or dict of plain values, is kept as it is; anything
# holding an instance is a list (no summary holds a list, so a list is always one of these):
#   ["d", class, holes, field, ...] an instance, its fields in the class's order (``holes``: the
#                                   places of those that hold instances, the only ones looked at)
#   ["t", item, ...]                a tuple holding instances
#   ["m", keys, values]             a dict whose values hold instances (keys are plain)
#   ["r", class, rows, order]       a tuple of instances with plain fields only, all of one
#                                   class: each distinct instance's fields once, and the order
#                                   (the scores: some 17,600 at 400 people, 7 instances anonymous).
#   ["n", class, rows, lengths]     the same as runs of one instance each (an anonymous item's
#                                   scores, sorted: 7 runs of 400), when there are few runs.


def _plain_tuples(values: tuple[Any, ...]) -> bool:
    """Whether each tuple in ``values`` holds plain values only (a distribution: pairs of numbers)."""
    return all(set(map(type, value)) <= _PLAIN for value in values if type(value) is tuple)


class _Plain:
    """Turns a summary into plain values; ``classes`` names the classes met, in order."""

    def __init__(self) -> None:
        self.classes: list[tuple[str, str, tuple[str, ...]]] = []
        self._index: dict[type, int] = {}
        self._getters: dict[type, attrgetter[Any]] = {}

    def _class(self, kind: type) -> int:
        found = self._index.get(kind)
        if found is not None:
            return found
        module = kind.__module__
        if not module.startswith(_PACKAGE) or not dataclasses.is_dataclass(kind) or "__slots__" in vars(kind):
            raise Unkept(kind)
        names = tuple(field.name for field in dataclasses.fields(kind))
        self._index[kind] = len(self.classes)
        self._getters[kind] = attrgetter(*names)
        self.classes.append((module, kind.__qualname__, names))
        return self._index[kind]

    def _fields(self, index: int, value: Any) -> tuple[Any, ...]:
        got = self._getters[type(value)](value)
        return got if len(self.classes[index][2]) > 1 else (got,)

    def value(self, value: Any) -> Any:
        """``value`` as plain values (the tree above). Plain parts are looked at in C (``set(map(type, …))``):
        a Python step per field or score cost more than computing the summary did."""
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is tuple:
            kinds = set(map(type, value))
            if kinds <= _PLAIN or (kinds <= _PLAIN_OR_TUPLE and _plain_tuples(value)):
                return value
            rows = self._rows(kinds.pop(), value) if len(kinds) == 1 else None
            return rows if rows is not None else ["t", *map(self.value, value)]
        if kind is dict:
            if not set(map(type, value)) <= _PLAIN:
                raise Unkept(kind)
            if set(map(type, value.values())) <= _PLAIN:
                return value
            return ["m", tuple(value), tuple(map(self.value, value.values()))]
        index = self._class(kind)
        fields = self._fields(index, value)
        if set(map(type, fields)) <= _PLAIN:
            return ["d", index, (), *fields]
        kept = list(fields)
        holes = []
        for at, field in enumerate(fields):
            sort = type(field)
            if sort not in _PLAIN and not (sort is tuple and _plain_tuples((field,))):
                kept[at] = made = self.value(field)
                if type(made) is list:
                    holes.append(at)
        return ["d", index, tuple(holes), *kept]

    def _rows(self, kind: type, items: tuple[Any, ...]) -> list[Any] | None:
        """``["r", …]`` for instances of ``kind`` with plain fields only; else None.

        The same instance is kept once, and made once again: ``build_summary`` gives an
        anonymous item's scores as one ``Score`` per value, repeated (7 instances for 400 people).
        Told apart by identity, not equality (``1``, ``1.0`` and ``True`` are equal).
        """
        if kind in _PLAIN or kind in (tuple, dict):
            return None
        index = self._class(kind)
        if not set(map(type, self._fields(index, items[0]))) <= _PLAIN:
            return None
        runs: list[Any] = []
        counts: list[int] = []
        for _, run in groupby(items, id):  # one C pass; a Python step per run only
            if len(runs) == _RUNS:
                break
            group = list(run)
            runs.append(group[0])
            counts.append(len(group))
        else:  # few runs (sorted anonymous scores): each run's instance and its length
            rows = self._plain_rows(index, kind, runs)
            return None if rows is None else ["n", index, rows, tuple(counts)]
        keys = list(map(id, items))
        distinct = dict(zip(keys, items, strict=True))  # (all alive in ``items``: no id is reused)
        rows = self._plain_rows(index, kind, distinct.values())
        if rows is None:
            return None
        place = {key: at for at, key in enumerate(distinct)}
        return ["r", index, rows, tuple(map(place.__getitem__, keys))]

    def _plain_rows(self, index: int, kind: type, instances: Iterable[Any]) -> tuple[Any, ...] | None:
        """The fields of each instance, as rows; None when one is not plain."""
        rows = list(map(self._getters[kind], instances))
        if len(self.classes[index][2]) == 1:
            rows = list(zip(rows))
        return tuple(rows) if set(map(type, chain.from_iterable(rows))) <= _PLAIN else None


class _Maker:
    """Makes the instances again from the kept tree (``_Plain``'s inverse)."""

    def __init__(self, classes: tuple[tuple[str, str, tuple[str, ...]], ...]) -> None:
        self._classes = [_found(module, name, fields) for module, name, fields in classes]

    def _new(self, index: int, values: Any) -> Any:
        kind, names = self._classes[index]
        made: Any = object.__new__(kind)
        made.__dict__.update(zip(names, values, strict=True))
        return made

    def _many(self, index: int, rows: tuple[tuple[Any, ...], ...]) -> list[Any]:
        """An instance for each row, made in C (``map``): a Python step each cost 2.6 us, and a
        ``--named`` 400-person summary has some 17,600 scores."""
        kind, names = self._classes[index]
        if not set(map(len, rows)) <= {len(names)}:
            raise Unkept(kind)
        made: list[Any] = list(map(object.__new__, repeat(kind, len(rows))))
        fields = map(dict, map(zip, repeat(names), rows))
        deque(map(object.__setattr__, made, repeat("__dict__"), fields), maxlen=0)
        return made

    def make(self, value: Any) -> Any:
        if type(value) is not list:
            return value
        tag = value[0]
        if tag == "d":
            fields = value[3:]
            for at in value[2]:
                fields[at] = self.make(fields[at])
            return self._new(value[1], fields)
        if tag == "t":
            return tuple(map(self.make, value[1:]))
        if tag == "m":
            return dict(zip(value[1], map(self.make, value[2]), strict=True))
        if tag == "r":
            return tuple(map(self._many(value[1], value[2]).__getitem__, value[3]))
        if tag == "n":
            return tuple(chain.from_iterable(map(repeat, self._many(value[1], value[2]), value[3])))
        raise Unkept(tag)


def _found(module: str, name: str, fields: tuple[str, ...]) -> tuple[type, tuple[str, ...]]:
    """The class ``module.name`` of the pure core, if its fields are still ``fields``."""
    if not module.startswith(_PACKAGE):
        raise Unkept(module)
    kind = getattr(importlib.import_module(module), name)
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)) or "__slots__" in vars(kind):
        raise Unkept(name)
    if tuple(field.name for field in dataclasses.fields(kind)) != fields:
        raise Unkept(name)
    return kind, fields
