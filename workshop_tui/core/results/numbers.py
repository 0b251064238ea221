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
  and "last time" subtract the two figures the reader sees, not the unrounded means; it is
  written with its sign, arrow and meaning the one way ``written_change`` writes it.

Pure functions; no UI (the words of ``written_change`` come from the catalogue).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

from workshop_tui.core.i18n import t

if TYPE_CHECKING:
    from decimal import Decimal

REPORT_DIGITS = 2
"""The decimals of a mean, a spread or a change in the exports, and the precision every
shorter figure is rounded from."""
WALL_DIGITS = 1
"""The decimals the grid and the projector show (large type, read from the back of the room)."""
NONE = "–"
"""What a figure that does not exist (withheld, nobody answered) is written as."""


_SPEC = {digits: f".{digits}f" for digits in range(6)}
"""Format specifications by decimals, made once."""


def _written(value: float, digits: int) -> str:
    """``value`` rounded half up as written, at ``digits`` (0-4) decimals, with a decimal point.

    Formatted at one decimal more, the last digit decides: below 5 the figure is cut there,
    above 5 the value lies past the half and rounds up. A 5 is a tie as written when the
    text reads back as the very float (``3.125``): then away from zero; otherwise the binary
    value lies on one side of the half, and Python's formatting (correctly rounded) says
    which. Nearly every figure costs one or two formats (``repr``, the shortest form, cost
    four times a format; ``decimal`` cost 10 M instructions to import on the export path).
    """
    finer = format(value, _SPEC[digits + 1])
    last = finer[-1]
    if last < "5":
        return finer[:-2] if digits == 0 else finer[:-1]
    if last > "5" or float(finer) != value:
        return format(value, _SPEC[digits])
    return _away(finer[:-2] if digits == 0 else finer[:-1], digits)


def _away(cut: str, digits: int) -> str:
    """``cut`` (a text with ``digits`` decimals) one unit of its last decimal further from zero."""
    negative = cut[0] == "-"
    units = str(int(cut.lstrip("-").replace(".", "")) + 1).rjust(digits + 1, "0")
    text = f"{units[:-digits]}.{units[-digits:]}" if digits else units
    return f"-{text}" if negative else text


@lru_cache(maxsize=4096)
def _text(value: float, digits: int) -> str:
    """The figure's text with a decimal point (the module's rule); ``-0.00`` is written ``0.00``.

    Kept for the last 4,096 figures: an export writes a third of its figures more than once
    (1,058 figures, 326 distinct, in a 90-exercise report), and the grid writes a row's again.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite figure: {value!r}")
    text = _written(value, REPORT_DIGITS)
    if digits < REPORT_DIGITS:  # from the report's figure (exact as text), so the two never disagree
        keep = len(text) - REPORT_DIGITS + digits - (digits == 0)
        cut = text[:keep]
        text = _away(cut, digits) if text[keep + (digits == 0)] >= "5" else cut
    elif digits > REPORT_DIGITS:
        text = _written(value, digits)
    return text[1:] if text[0] == "-" and not text.strip("-0.") else text


def rounded(value: float, digits: int = REPORT_DIGITS) -> Decimal:
    """``value`` rounded half up at ``digits`` decimals, from the report's precision when fewer.

    Raises:
        ValueError: ``value`` is not finite.
    """
    from decimal import Decimal

    return Decimal(_text(value, digits))


def figure(value: float | None, lang: str, digits: int = REPORT_DIGITS) -> str:
    """A figure for a reader: ``3,42`` in Danish, ``3.42`` in English, ``–`` for none."""
    if value is None or not math.isfinite(value):
        return NONE
    text = _text(value, digits)
    return text.replace(".", ",") if lang == "da" else text


def is_zero(value: float, digits: int = REPORT_DIGITS) -> bool:
    """Whether ``value`` is written as zero at ``digits`` decimals (no change, at the precision shown)."""
    return not _text(value, digits).strip("-0.")


def signed(value: float | None, lang: str, digits: int = REPORT_DIGITS) -> str:
    """A change with its sign (``+0,50``, ``−0,25``, ``±0,00``), ``–`` for none."""
    if value is None:
        return NONE
    text = figure(abs(value), lang, digits)
    if is_zero(value, digits):
        return f"±{text}"
    return f"+{text}" if value > 0 else f"−{text}"


def written_change(
    change: float | None, verdict: str | None, lang: str, digits: int = REPORT_DIGITS, unit: str = ""
) -> str:
    """A change as every surface writes it: ``+0,40 ↑ bedre``, ``±0,00 uændret``, ``–`` for none.

    ``verdict`` is what the change means (``rules.judge_change``: better, worse, higher,
    lower, same). The arrow is the way the mean moved, the word what that means. Ctrl+L's
    "last time" once wrote a change that rounds to nothing as "uændret" while the trend
    report wrote "±0,00 uændret" for the same two figures, and ``workshop compare`` wrote
    "±0,00" and "uændret" in two columns: one rule, here, for all of them. A vote's option
    moves in whole percentage points or dots (``digits=0``, ``unit`` the catalogue's
    "procentpoint"): ``+12 procentpoint ↑ højere``.
    """
    if change is None:
        return NONE
    amount = f"{signed(change, lang, digits)} {unit}" if unit else signed(change, lang, digits)
    if verdict is None:
        return amount
    if verdict == "same":
        return f"{amount} {t('export.cmp.same', lang)}"
    return f"{amount} {'↑' if change > 0 else '↓'} {t(f'export.cmp.{verdict}', lang)}"


def difference(before: float, after: float, digits: int = REPORT_DIGITS) -> float:
    """``after − before`` between the two figures as written (``digits`` decimals).

    A change is read off the figures beside it: 3,13 (25/8) then 3,13 (47/15) is no change,
    although the means differ by 0.008 (which wrote "+0,01 better" between two equal
    figures), and 3,11 (109/35) then 3,12 (131/42) is +0,01, not "±0,00 the same".
    """
    return round(float(_text(after, digits)) - float(_text(before, digits)), digits)


def turned(mean: float, low: int, high: int, digits: int = REPORT_DIGITS) -> float:
    """A reverse-scored item's mean turned round (``low + high − mean``) from the mean as written.

    Half up is not symmetric: 3.125 is written 3,13 and its turn 2.875 would be 2,88, so the
    exports' "mean | turned" columns added up to 6,01 on a 1–5 scale. Turning the written
    figure keeps the pair summing to the scale's ends (3,13 and 2,87).
    """
    return round(low + high - float(_text(mean, digits)), digits)


def percent(share: float | None) -> str:
    """A share of 0..1 as a whole percentage (``29 %``), ``–`` for none."""
    if share is None:
        return NONE
    return f"{whole_percent(share)} %"


def whole_percent(share: float) -> int:
    """A share of 0..1 as a whole number of percent, rounded half up as written."""
    return int(_written(share, 2).replace(".", ""))  # hundredths of the share are its percents
