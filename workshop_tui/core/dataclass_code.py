"""Compiled once: the methods that ``@dataclass`` writes for the app's classes, kept between runs.

Why: the export path defines some 90 frozen dataclasses, and ``dataclasses`` writes six methods
for each (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``) as source text that it compiles with ``exec`` at import: about 0.4 ms a class,
most of what making those classes costs in every ``workshop export`` (issue 15). The text is
the same from run to run, so its compiled code is kept in ``__pycache__`` as ``marshal`` data
(like the catalogue's cache), one file per module of the app, and reused: the same code object
that compiling the text gives, so the classes and their methods are exactly what they were.

:func:`install` makes ``dataclasses`` run its text through :func:`_exec`. Only classes of
``workshop_tui`` modules use the cache (a library's classes are compiled as always); a module's
file is read at its first class, and written (whole, then renamed) only by a run that compiled
new text for it, holding just the texts that run used, so edited classes leave nothing behind.
A cache that cannot be read or written is no error: the text is compiled as before. Files are
sealed and bounded (``core/kept_files.py``): one cut short, changed on disk or made by another
Python is not read (and is written again), and only the newest Pythons' files are kept.

The app's start (:func:`start` … :func:`finish`, ``kept_start``) keeps the methods of a
library's classes too, all in one file: Textual's and rich's dataclasses, made at every start,
compile about 150 methods, 5-15 ms of a start of 350 on the test VM (a bare Textual app pays
them too). Once the start is over, a library's classes are compiled as always again.
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from workshop_tui.core.kept_files import START, ModuleFiles

CACHE_DIR = Path(__file__).parent / "__pycache__" / "dataclass-code"
TAG = sys.implementation.cache_tag
"""Per Python version: marshal's format of code objects changes between versions."""
STAMP = f"{TAG} marshal {marshal.version}"
"""What a file was made with, sealed into it: a file copied or renamed from another Python is not read."""
KIND = b"WTdc"
"""The first bytes of a kept file (``core/kept_files.py`` seals it)."""
KEEP_TAGS = 2
"""Pythons whose files are kept (a checkout may be run by two); older ones' go."""
KEEP_FILES = 240
"""Files kept in all: about 60 modules of the app define dataclasses."""
START_KEEP = 600
"""Methods the start's file keeps at most: the list's start, an open's and the demo's make about
200 of a library's together (``kept_files.ModuleFiles.write``)."""

_cached: dict[str, dict[Any, Any]] = {}
"""Per module: the texts and codes read from its file (and the recipes of ``dataclass_recipe``)."""
_used: dict[str, dict[Any, Any]] = {}
"""Per module: the texts and codes (and recipes) this run made classes from."""
_dirty: set[str] = set()
_read_files: set[Path] = set()
"""The files this run read codes from (kept when pruning)."""
_starting = False
"""Between ``start`` and ``finish``: every class's methods, whatever its module, through the start's file."""
_at_exit = False


def start() -> None:
    """From now until ``finish``, the methods of every dataclass made come from the start's file."""
    global _starting
    _starting = True
    install()


def finish() -> None:
    """The start is over: keep what it compiled; a library's classes are compiled as always again."""
    global _starting
    if _starting:
        _starting = False
        save()
        # Written: the start's texts and codes are not looked up again (the classes made hold
        # the codes they use); the file's other starts' entries went on taking memory.
        _cached.pop(START, None)
        _used.pop(START, None)


def save() -> None:
    """Write now what was compiled anew since the last write (a start stopped by a signal has no exit)."""
    if _dirty:
        _write()


def install() -> None:
    """Have ``dataclasses`` compile its method text through the cache (once per process)."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin in that module only


def cache_file(module: str) -> Path:
    """Where the codes of ``module``'s classes are kept."""
    return _files().path(module)


def _exec(source: str | CodeType, scope: dict[str, Any] | None = None, names: Any = None) -> None:
    """``exec`` as ``dataclasses`` calls it, with the text's compiled code taken from the cache."""
    global _at_exit
    module = scope.get("__name__") if isinstance(scope, dict) else None
    if _starting and isinstance(module, str) and not module.startswith("workshop_tui."):
        module = START  # while the app starts, a library's classes too, all in the start's file
    kept = isinstance(module, str) and (module == START or module.startswith("workshop_tui."))
    if isinstance(source, str) and isinstance(module, str) and kept:
        cached = _cached.get(module)
        if cached is None:
            cached = _cached[module] = _read(module)
        code = cached.get(source)
        if not isinstance(code, CodeType):
            # dont_inherit: compiled as ``exec`` compiles it inside ``dataclasses`` (without this
            # module's ``from __future__ import annotations``: annotations stay objects).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if not _at_exit:
                _at_exit = True
                atexit.register(save)
            _dirty.add(module)
        _used.setdefault(module, {})[source] = code
        source = code
    elif isinstance(source, str):
        # Not kept: compiled as ``dataclasses`` compiles it (``exec`` of a text here would take
        # this module's ``annotations`` future, and a library's ``__init__`` annotations would
        # be names such as "_type_x" instead of the types).
        source = compile(source, "<string>", "exec", dont_inherit=True)
    exec(source, scope, names)


def _files() -> ModuleFiles:
    """The kept files' rules, read from this module's settings when used (tests move ``CACHE_DIR``)."""
    return ModuleFiles(CACHE_DIR, KIND, STAMP, TAG, KEEP_TAGS, KEEP_FILES)


def _read(module: str) -> dict[Any, Any]:
    """The kept forms of ``module``, or none when there is no whole file of this version."""
    return _files().read(module, _read_files)


def _write() -> None:
    """Keep what this run used of each module that compiled something new; failures are ignored."""
    dirty = set(_dirty)
    _dirty.clear()
    _files().write(dirty, _used, _read_files, (_cached.get(START, {}), START_KEEP))
