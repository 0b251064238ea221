"""How the exports write figures and dates: ``3,42`` and ``14. oktober 2026`` in Danish.

The words of the exports and of the export/compare commands live in the catalogue
(:mod:`workshop_tui.core.i18n`, keys ``export.*``). Exports are written in the *session's*
language, command messages in the UI language.
"""

from __future__ import annotations

from workshop_tui.core.i18n.shown import long_date as long_date  # the one rule, for the exports' imports
from workshop_tui.core.results.numbers import REPORT_DIGITS, figure
from workshop_tui.core.results.numbers import signed as signed

CSV_COLUMNS = (
    "type",
    "exercise_id",
    "exercise",
    "item_id",
    "item",
    "participant",
    "group",
    "score",
    "text",
    "owner",
    "due",
)
"""The CSV's column keys, in order (``export.csv.COLUMNS``); each heading is ``export.csv.<key>``."""

DYNAMIC_KEYS: dict[str, tuple[str, ...]] = {
    # Keys this shell builds from a value (``t(f"export.…{value}", …)``): the prefix and every
    # ending it can take, so tests/unit/test_catalogue.py can check each one exists.
    "export.status.": ("blind", "empty", "too_few"),
    "series.review.status.": ("done", "partly", "not_started", "dropped", "open"),
    "trend.review_status.": ("done", "partly", "not_started", "dropped", "open"),
    "series.review.col.": ("number", "action", "owner", "due", "group", "status", "note"),
    "export.mode.": ("participant", "tally"),
    "export.mode.other.": ("participant", "tally"),
    "export.col.": (
        "rank",
        "n",
        "mean",
        "median",
        "range",
        "sd",
        "flag",
        "dimension",
        "produced",
        "not_produced",
    ),
    "export.csv.": CSV_COLUMNS,
    "export.cmp.": ("better", "worse", "higher", "lower"),
    "export.about.left_out.": ("owners", "review_notes"),
}
"""Key prefix -> the endings this shell's code may put after it (each shell declares its own)."""


def number(value: float | None, lang: str, digits: int = REPORT_DIGITS) -> str:
    """A figure for a reader: ``3,42`` in Danish, ``3.42`` in English, ``–`` for none.

    The core's one rule (``core.results.numbers.figure``: half up, as written), so the
    exports' ``3,25`` and the wall's ``3,3`` are the same figure.
    """
    return figure(value, lang, digits)
