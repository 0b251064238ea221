"""How a figure is written, once for the grid, the wall, the phone page and every export.

A mean of 3.25 (four people: 3, 3, 3, 4) showed as ``3,2`` on the wall and 3.75 as ``3,8``:
Python's formatting rounds an exact half to the even digit, so two items a quarter apart
rounded in opposite directions, and the report's ``3,25`` read as ``3,3`` to anyone. The
rule here, the one every surface uses:

- **Half up, as written.** A figure is rounded as the number reads in decimal (``repr``:
  ``0.145`` is 0.145, not the binary 0.14499999…), an exact half away from zero.
- **The report's precision first.** A mean or a spread is fixed at ``REPORT_DIGITS``
  decimals (the exports' ``3,25``); a screen that shows fewer (the wall's one decimal,
  ``WALL_DIGITS``) rounds that figure, so the wall's ``3,2`` never contradicts a report's
  ``3,15`` (the true 3.149 would otherwise be 3,1 on the wall and 3,15 on paper).
- **Decimal comma in Danish**, a point in English; an en dash for a figure that does not exist.
- **Shares** are whole percentages, by the same rounding (``12,5 %`` of the dots is ``13 %``).
- **A change is between the figures as written** (``difference``): the trend, the comparison
  and "last time" subtract the two figures the reader sees, not the unrounded means.

Pure functions; no UI.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

REPORT_DIGITS = 2
"""The decimals of a mean, a spread or a change in the exports, and the precision every
shorter figure is rounded from."""
WALL_DIGITS = 1
"""The decimals the grid and the projector show (large type, read from the back of the room)."""
NONE = "–"
"""What a figure that does not exist (withheld, nobody answered) is written as."""

_STEPS = {digits: Decimal(1).scaleb(-digits) for digits in range(0, 4)}


def rounded(value: float, digits: int = REPORT_DIGITS) -> Decimal:
    """``value`` rounded half up at ``digits`` decimals, from the report's precision when fewer.

    Raises:
        ValueError: ``value`` is not finite.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite figure: {value!r}")
    exact = Decimal(repr(value))
    if digits < REPORT_DIGITS:
        exact = exact.quantize(_STEPS[REPORT_DIGITS], rounding=ROUND_HALF_UP)
    return exact.quantize(_STEPS[digits], rounding=ROUND_HALF_UP)


def figure(value: float | None, lang: str, digits: int = REPORT_DIGITS) -> str:
    """A figure for a reader: ``3,42`` in Danish, ``3.42`` in English, ``–`` for none."""
    if value is None or not math.isfinite(value):
        return NONE
    exact = rounded(value, digits)
    text = str(abs(exact) if exact == 0 else exact)  # -0.001 is written 0.00, not -0.00
    return text.replace(".", ",") if lang == "da" else text


def is_zero(value: float, digits: int = REPORT_DIGITS) -> bool:
    """Whether ``value`` is written as zero at ``digits`` decimals (no change, at the precision shown)."""
    return rounded(value, digits) == 0


def signed(value: float | None, lang: str, digits: int = REPORT_DIGITS) -> str:
    """A change with its sign (``+0,50``, ``−0,25``, ``±0,00``), ``–`` for none."""
    if value is None:
        return NONE
    text = figure(abs(value), lang, digits)
    if is_zero(value, digits):
        return f"±{text}"
    return f"+{text}" if value > 0 else f"−{text}"


def difference(before: float, after: float, digits: int = REPORT_DIGITS) -> float:
    """``after − before`` between the two figures as written (``digits`` decimals).

    A change is read off the figures beside it: 3,13 (25/8) then 3,13 (47/15) is no change,
    although the means differ by 0.008 (which wrote "+0,01 better" between two equal
    figures), and 3,11 (109/35) then 3,12 (131/42) is +0,01, not "±0,00 the same".
    """
    return float(rounded(after, digits) - rounded(before, digits))


def turned(mean: float, low: int, high: int, digits: int = REPORT_DIGITS) -> float:
    """A reverse-scored item's mean turned round (``low + high − mean``) from the mean as written.

    Half up is not symmetric: 3.125 is written 3,13 and its turn 2.875 would be 2,88, so the
    exports' "mean | turned" columns added up to 6,01 on a 1–5 scale. Turning the written
    figure keeps the pair summing to the scale's ends (3,13 and 2,87).
    """
    return float(low + high - rounded(mean, digits))


def percent(share: float | None) -> str:
    """A share of 0..1 as a whole percentage (``29 %``), ``–`` for none."""
    if share is None:
        return NONE
    return f"{whole_percent(share)} %"


def whole_percent(share: float) -> int:
    """A share of 0..1 as a whole number of percent, rounded half up as written."""
    return int((Decimal(repr(share)) * 100).quantize(_STEPS[0], rounding=ROUND_HALF_UP))
