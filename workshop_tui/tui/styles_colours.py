"""Textual's cache of a widget's two background colours no longer keeps every widget's lines alive.

``textual._styles_cache.StylesCache.get_inner_outer`` (Textual 8.2) is an instance method under
``functools.lru_cache(1024)``: the cache's key holds the ``StylesCache`` itself, one per widget,
with every line (``Strip``) that widget last drew. So the last 1,024 widgets that drew a
background stayed alive after their screen closed: each projector shown (F2) and closed (Esc)
on the large seminar left its widgets' lines behind, about 0.5 MiB a time (seen in the heap: the
strips held through ``StylesCache <- tuple <- _lru_cache_wrapper``), up to some 30 MiB.

``install`` puts in the same colours, cached by the two colours only: the function is Textual's
own (it never reads the instance), the results the same, and nothing of a widget is kept.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style

_textual: Any = getattr(StylesCache.get_inner_outer, "__wrapped__", None)
"""Textual's function under its cache (None if a later Textual has changed it: nothing is installed)."""


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    result: tuple[Style, Style] = _textual(None, base_background, background)
    return result


def _get_inner_outer(_cache: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    """``StylesCache.get_inner_outer``, with nothing of the widget's cache in the key."""
    return _inner_outer(base_background, background)


def install() -> None:
    """Use the colours cached by colour (once per process; the app does it as it is made)."""
    if _textual is not None and StylesCache.get_inner_outer is not _get_inner_outer:
        StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]
