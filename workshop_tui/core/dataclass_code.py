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
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from workshop_tui.core.kept_files import ModuleFiles

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

_cached: dict[str, dict[str, object]] = {}
"""Per module: the texts and codes read from its file."""
_used: dict[str, dict[str, CodeType]] = {}
"""Per module: the texts and codes this run made classes from."""
_dirty: set[str] = set()
_read_files: set[Path] = set()
"""The files this run read codes from (kept when pruning)."""


def install() -> None:
    """Have ``dataclasses`` compile its method text through the cache (once per process)."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin in that module only


def cache_file(module: str) -> Path:
    """Where the codes of ``module``'s classes are kept."""
    return _files().path(module)


def _exec(source: str | CodeType, scope: dict[str, Any] | None = None, names: Any = None) -> None:
    """``exec`` as ``dataclasses`` calls it, with the text's compiled code taken from the cache."""
    module = scope.get("__name__") if isinstance(scope, dict) else None
    if isinstance(source, str) and isinstance(module, str) and module.startswith("workshop_tui."):
        cached = _cached.get(module)
        if cached is None:
            cached = _cached[module] = _read(module)
        code = cached.get(source)
        if not isinstance(code, CodeType):
            # dont_inherit: compiled as ``exec`` compiles it inside ``dataclasses`` (without this
            # module's ``from __future__ import annotations``: annotations stay objects).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if not _dirty:
                atexit.register(_write)
            _dirty.add(module)
        _used.setdefault(module, {})[source] = code
        source = code
    exec(source, scope, names)


def _files() -> ModuleFiles:
    """The kept files' rules, read from this module's settings when used (tests move ``CACHE_DIR``)."""
    return ModuleFiles(CACHE_DIR, KIND, STAMP, TAG, KEEP_TAGS, KEEP_FILES)


def _read(module: str) -> dict[Any, Any]:
    """The kept forms of ``module``, or none when there is no whole file of this version."""
    return _files().read(module, _read_files)


def _write() -> None:
    """Keep what this run used of each module that compiled something new; failures are ignored."""
    _files().write(_dirty, _used, _read_files)
