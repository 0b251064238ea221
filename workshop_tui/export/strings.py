"""How the exports write figures and dates: ``3,42`` and ``14. oktober 2026`` in Danish.

The words of the exports and of the export/compare commands live in the catalogue
(:mod:`workshop_tui.core.i18n`, keys ``export.*``). Exports are written in the *session's*
language, command messages in the UI language.
"""

from __future__ import annotations

import math
from datetime import date as Date

from workshop_tui.core.i18n import t


def number(value: float | None, lang: str, digits: int = 2) -> str:
    """A figure for a reader: ``3,42`` in Danish, ``3.42`` in English, ``–`` for none."""
    if value is None or math.isnan(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


def signed(value: float | None, lang: str, digits: int = 2) -> str:
    """A change with its sign (``+0,50``, ``−0,25``, ``±0,00``)."""
    if value is None:
        return "–"
    text = number(abs(value), lang, digits)
    if round(value, digits) == 0:
        return f"±{text}"
    return f"+{text}" if value > 0 else f"−{text}"


def long_date(iso: str, lang: str) -> str:
    """``2026-10-14`` as ``14. oktober 2026`` / ``14 October 2026``; other text unchanged."""
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    month = t(f"export.month.{day.month}", lang)
    return f"{day.day}. {month} {day.year}" if lang != "en" else f"{day.day} {month} {day.year}"
