"""The small distribution drawn in every row of a scored table: the most frequent chart of a page.

A 90-exercise summary draws 254 of them (1,524 bars), and each was built from some ten
formatted strings per bar: a fifth of the HTML render. Charts are nearly all different (248 of
254), but their bars are not: a bar is fixed by its place, its score, its count, the number
of answers and the chart's colour and width, and a page repeats those a few times over. So
each bar's markup is made once (``_BARS``) and a chart is its bars joined; the output is the
same, byte for byte, as drawing every bar anew.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.export.html_text import e
from workshop_tui.export.svg import BLUE, GRID, INK, MUTED, VERMILLION, _svg

BAR_WIDE, BAR_NARROW, GAP = 17, 14, 3
"""A bar's width on a scale of up to 6 steps and on a longer one, and the gap between bars."""
TOP, PLOT, BOTTOM = 13, 20, 13
"""Room for the counts above the bars, the bars' full height, and the scores under them."""

_BARS: dict[tuple[int, int, int, int, bool, bool, bool], str] = {}
"""Each bar's markup by (place, score, count, answers, wide, split, labelled). Bounded: the app
exports from a long run."""
_KEEP = 4096


def mini_distribution(distribution: Sequence[tuple[int, int]], *, split: bool, title: str) -> str:
    """A small bar per score (height = share of answers) with its count above it.

    Counts and scores are drawn at 12 px (9 pt), so they read on a printed A4 page;
    a scale of more than 6 steps gets narrower bars and the scores under every other bar.
    """
    n = sum(count for _, count in distribution) or 1
    steps = len(distribution)
    wide = steps <= 6
    bar = BAR_WIDE if wide else BAR_NARROW
    last = steps - 1
    bars = _BARS
    body = []
    for i, (score, count) in enumerate(distribution):
        labelled = wide or i % 2 == 0 or i == last
        key = (i, score, count, n, wide, split, labelled)
        drawn = bars.get(key)
        if drawn is None:
            if len(bars) >= _KEEP:
                bars.clear()
            drawn = bars[key] = _bar(i * (bar + GAP), bar, score, count, n, split=split, labelled=labelled)
        body.append(drawn)
    return _svg(steps * (bar + GAP) - GAP, TOP + PLOT + BOTTOM, title, body, "mini")


def _bar(x: int, bar: int, score: int, count: int, n: int, *, split: bool, labelled: bool) -> str:
    """One bar at ``x``: the base line, the bar and its count when there are answers, the score."""
    base = TOP + PLOT
    middle = x + bar / 2
    out = f'<rect x="{x}" y="{base - 0.5:.1f}" width="{bar}" height="1" fill="{GRID}"/>'
    if count:
        h = PLOT * count / n
        colour = VERMILLION if split else BLUE
        out += (
            f'<rect x="{x}" y="{base - h:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}" rx="1"/>'
            f'<text x="{middle:.1f}" y="{base - h - 2:.1f}" font-size="12" fill="{INK}" '
            f'text-anchor="middle">{e(str(count))}</text>'
        )
    if labelled:
        out += (
            f'<text x="{middle:.1f}" y="{base + 12:.1f}" font-size="12" fill="{MUTED}" '
            f'text-anchor="middle">{e(str(score))}</text>'
        )
    return out
