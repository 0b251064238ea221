"""Compiled once: the regular expressions of the export path, kept between runs.

Why: ``re`` turns a pattern into its engine's code with a parser written in Python, in every
process, at the first use of each pattern. ``workshop export`` is one process per command and
its modules compile some 40 expressions at import (the session reader's alone are long): about
a tenth of what an export of a 400-person session costs beyond a bare start (issue 15). The
engine's code is a list of numbers, the same from run to run for the same pattern, flags and
Python, so it is kept in ``__pycache__`` as ``marshal`` data (like the dataclasses' methods in
:mod:`workshop_tui.core.dataclass_code`), one file per module that compiles expressions, and
given straight to the engine (``_sre.compile``), which checks any code it is given before it
runs it. The pattern object is the one compiling gives: same pattern, flags, groups and names.

:func:`install` puts :func:`_compile` in place of ``re``'s internal compiler. Only a text
pattern is looked up (a parsed one, as ``re.Scanner`` passes, is compiled as always); a
module's file is read at its first expression, and written (whole, then renamed) only by a run
that compiled new patterns for it, holding just the patterns that run used. A cache that cannot
be read or written is no error: the pattern is compiled as before. Files are sealed and
bounded (``core/kept_files.py``): one cut short, changed on disk or made by another Python (or
another version of its expression engine) is not read.

The app's start (:func:`start` … :func:`finish`, ``cli.main``) keeps every expression it
compiles in one file, whoever compiles it: Textual's CSS tokenizer, rich, platformdirs and
Python's own modules compile about 95 at each start of the list of sessions (110 for an open),
some 20-25 ms of a start of 350 on the test VM, which a bare Textual app pays too (issue 15).
One file, read at the first expression, holds what the starts used (the list, an open, the
demo each add theirs, up to ``START_KEEP``); once the start is over, expressions are compiled
as before it (a search typed later is never kept).
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import re
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from workshop_tui.core.kept_files import START, ModuleFiles

_sre: Any = importlib.import_module("_sre")
"""The expression engine (no type stubs: its compile takes the code as ``re`` makes it)."""

CACHE_DIR = Path(__file__).parent / "__pycache__" / "regex-code"
TAG = sys.implementation.cache_tag
STAMP = f"{TAG} sre {_sre.MAGIC} marshal {marshal.version}"
"""What a file was made with, sealed into it: the engine's code changes with its version."""
KIND = b"WTre"
KEEP_TAGS = 2
KEEP_FILES = 120
"""Files kept in all: about 30 modules compile expressions on the export path."""

OTHERS = frozenset({"textwrap"})
"""Modules besides the app's whose expressions are kept: the SVG labels' wrapping (its class
compiles three long ones). A library's are compiled as always (the app's start has hundreds)."""

START_KEEP = 400
"""Expressions the start's file keeps at most: the starts of the list, of an open and of the demo
use about 130 together; beyond this only the last start's are kept (nothing grows for ever)."""

_ENGINE = ("re", "re._compiler", "re._parser", "sre_compile")
"""Modules whose frames lie between the caller's expression and the compiler."""

_compiler: Any = getattr(re, "_compiler", None)
"""``re``'s internal compiler (``re._compiler`` since 3.11); without it nothing is installed."""
_original: Any = getattr(_compiler, "compile", None)
_cached: dict[str, dict[Any, Any]] = {}
"""Per module: the compiled forms read from its file."""
_used: dict[str, dict[Any, Any]] = {}
"""Per module: the compiled forms this run used."""
_dirty: set[str] = set()
_read_files: set[Path] = set()
_starting = False
"""Between ``start`` and ``finish``: every text pattern is looked up in the start's file."""
_per_module = False
"""``install`` was called: the app's modules' expressions are kept per module (the export path)."""
_at_exit = False


def install() -> None:
    """Have ``re`` compile the app's text patterns through the cache, per module (once per process)."""
    global _per_module
    _per_module = True
    _put()


def _put() -> None:
    if _original is not None and _compiler.compile is not _compile:
        _compiler.compile = _compile


def start() -> None:
    """From now until ``finish``, every text pattern, whoever compiles it, through the start's file."""
    global _starting
    _starting = True
    _put()


def finish() -> None:
    """The start is over: keep what it compiled; later expressions are compiled as before ``start``."""
    global _starting
    if not _starting:
        return
    _starting = False
    save()
    # Written: the start's forms are not needed again (each pattern object has its own copy
    # of its code). Up to START_KEEP of them stayed in memory for the whole run (0.5-1.2 MiB).
    _cached.pop(START, None)
    _used.pop(START, None)
    if not _per_module and _original is not None and _compiler.compile is _compile:
        _compiler.compile = _original


def save() -> None:
    """Write now what was compiled anew since the last write (a start stopped by a signal has no exit)."""
    if _dirty:
        _write()


def cache_file(module: str) -> Path:
    """Where the compiled expressions of ``module`` are kept."""
    return _files().path(module)


def _caller() -> str | None:
    """The module whose code asked ``re`` for the expression (above ``re``'s own frames)."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__")
        if name not in _ENGINE:
            return name if isinstance(name, str) else None
        frame = frame.f_back
    return None


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, with a text pattern's engine code taken from the cache."""
    global _at_exit
    if not isinstance(pattern, str | bytes) or not isinstance(flags, int):
        return _original(pattern, flags)
    module = START if _starting else _caller()
    if module is None or not (module.startswith("workshop_tui.") or module in OTHERS or module == START):
        return _original(pattern, flags)
    cached = _cached.get(module)
    if cached is None:
        cached = _cached[module] = _read(module)
    key = (pattern, int(flags))
    form = cached.get(key)
    compiled = None
    if form is not None:
        try:
            compiled = _sre.compile(pattern, *form)
        except (AttributeError, TypeError, ValueError, RuntimeError, OverflowError):
            compiled = None  # (the engine refused the code: compiled afresh below)
    if compiled is None:
        compiled, form = _fresh(pattern, flags)
        if form is None:
            return compiled
        if not _at_exit:
            _at_exit = True
            atexit.register(save)
        _dirty.add(module)
    _used.setdefault(module, {})[key] = form
    return compiled


def _fresh(pattern: str | bytes, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
    """The pattern compiled as ``re._compiler.compile`` compiles it, and what to keep of it.

    The same steps as that function (parse, generate the code, the group names both ways),
    keeping the code it hands to the engine; None to keep when this Python's compiler has
    other parts than those (the pattern is then compiled by it, as always).
    """
    parse, code_of = getattr(_compiler, "_parser", None), getattr(_compiler, "_code", None)
    if parse is None or code_of is None or flags & re.DEBUG:
        return _original(pattern, flags), None
    parsed = parse.parse(pattern, flags)  # (a pattern's own error is raised here, as re raises it)
    try:
        code = code_of(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Plain numbers (the compiler's opcodes and flags are int subclasses, which marshal refuses).
        final = int(flags | parsed.state.flags)
        form = (final, [int(c) for c in code], parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        return _sre.compile(pattern, *form), form
    except (AttributeError, TypeError):  # another Python's compiler: compiled by it, nothing kept
        return _original(pattern, flags), None


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
