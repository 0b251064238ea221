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
A cache that cannot be read or written is no error: the text is compiled as before.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

CACHE_DIR = Path(__file__).parent / "__pycache__" / "dataclass-code"
TAG = sys.implementation.cache_tag
"""Per Python version: marshal's format of code objects changes between versions."""

_cached: dict[str, dict[str, object]] = {}
"""Per module: the texts and codes read from its file."""
_used: dict[str, dict[str, CodeType]] = {}
"""Per module: the texts and codes this run made classes from."""
_dirty: set[str] = set()


def install() -> None:
    """Have ``dataclasses`` compile its method text through the cache (once per process)."""
    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin in that module only


def cache_file(module: str) -> Path:
    """Where the codes of ``module``'s classes are kept."""
    return CACHE_DIR / f"{module}.{TAG}.marshal"


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


def _read(module: str) -> dict[str, object]:
    """The cached codes of ``module``, or none when there is no readable cache of this version."""
    try:
        codes = marshal.loads(cache_file(module).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return codes if isinstance(codes, dict) else {}


def _write() -> None:
    """Keep the codes of each module that compiled new text; failures are ignored."""
    for module in sorted(_dirty):
        path = cache_file(module)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(marshal.dumps(_used.get(module, {})))
            os.replace(temp, path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
