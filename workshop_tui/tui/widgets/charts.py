"""Text charts (Rich renderables) for distributions and profiles.

Shared by the grid view and the projector view so both draw results the same
way. Colours come from the colour-blind-safe palette in ``themes``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from workshop_tui.core.results.numbers import WALL_DIGITS, figure
from workshop_tui.core.results.stats import ItemStats
from workshop_tui.tui.themes import score_colour
from workshop_tui.tui.widgets.cell_text import shorten_apart

BLOCKS = " ▁▂▃▄▅▆▇█"


def fmt(value: float | None, digits: int = WALL_DIGITS) -> str:
    """A figure with a decimal point (``localise`` makes it Danish), or an en dash for none.

    The core's one rule (``core.results.numbers.figure``), so the grid and the wall round
    as the exports do.
    """
    return figure(value, "en", digits)


def localise(number: str, lang: str) -> str:
    """Use a decimal comma in Danish."""
    return number.replace(".", ",") if lang == "da" else number


def sparkline(stats: ItemStats, low: int, high: int) -> Text:
    """One character per scale value, its height the share of answers (compact)."""
    peak = max((count for _, count in stats.distribution), default=0)
    out = Text()
    for score, count in stats.distribution:
        level = 0 if peak == 0 else max(1 if count else 0, round(count / peak * (len(BLOCKS) - 1)))
        out.append(BLOCKS[level], style=score_colour(score, low, high))
    return out


def distribution_bars(
    stats: ItemStats, low: int, high: int, width: int, lang: str, *, thickness: int = 1, gap: int = 0
) -> Text:
    """A horizontal bar per scale value with its count, e.g. ``4 ███████ 5``.

    ``thickness`` draws each bar over several lines and ``gap`` leaves blank lines
    between bars, so the projector can fill a tall screen.
    """
    peak = max((count for _, count in stats.distribution), default=0)
    out = Text()
    label_width = len(str(high))
    middle = (thickness - 1) // 2
    for score, count in stats.distribution:
        length = 0 if peak == 0 else round(count / peak * width)
        for line in range(thickness):
            out.append(
                f"{score:>{label_width}} " if line == middle else " " * (label_width + 1), style="bold"
            )
            out.append("█" * length, style=score_colour(score, low, high))
            if line == middle:
                out.append(f" {count}" if count else "", style="bold")
            out.append("\n")
        out.append("\n" * gap)
    out.rstrip()
    return out


def summary_line(stats: ItemStats, lang: str, labels: dict[str, str]) -> Text:
    """``n=12  gns. 3,4  median 3,5  sd 1,1  min–max 1–5`` and the split flag."""
    out = Text()
    if stats.n == 0:
        out.append(labels["none"], style="dim")
        return out
    parts = [
        ("n", str(stats.n)),
        (labels["mean"], localise(fmt(stats.mean), lang)),
        (labels["median"], localise(fmt(stats.median), lang)),
        (labels["sd"], localise(fmt(stats.sd), lang)),
        (labels["range"], f"{stats.minimum}–{stats.maximum}"),
    ]
    for name, value in parts:
        out.append(f"{name} ", style="dim")
        out.append(f"{value}   ", style="bold")
    if stats.split:
        out.append(f"⚡ {labels['split']}", style="bold reverse")
    return out


def profile_bars(
    rows: Sequence[tuple[str, float | None, bool]],
    low: int,
    high: int,
    label_width: int,
    bar_width: int,
    lang: str,
    *,
    thickness: int = 1,
    gap: int = 0,
) -> Text:
    """One bar per row (label, mean, split), scaled from ``low`` to ``high``."""
    out = Text()
    middle = (thickness - 1) // 2
    labels = [label for label, _, _ in rows]
    for label, mean, split in rows:
        shown = shorten_apart(label, label_width, labels)
        for line in range(thickness):
            out.append(f"{shown:<{label_width}} " if line == middle else " " * (label_width + 1))
            if mean is None:
                out.append("–\n" if line == middle else "\n", style="dim")
                continue
            share = (mean - low) / (high - low) if high > low else 0
            length = max(1, round(share * bar_width))
            out.append("█" * length, style=score_colour(round(mean), low, high))
            if line == middle:
                out.append(" " * (bar_width - length + 1))
                out.append(localise(fmt(mean), lang), style="bold")
                if split:
                    out.append(" ⚡", style="bold")
            out.append("\n")
        out.append("\n" * gap)
    out.rstrip()
    return out


def fit(rows: int, height: int) -> tuple[int, int]:
    """(thickness, gap) that spread ``rows`` bars over ``height`` lines, at most 5 thick."""
    per_row = max(1, height // max(1, rows))
    gap = 1 if per_row >= 2 else 0
    return max(1, min(5, per_row - gap)), gap
