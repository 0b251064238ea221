"""Inline SVG charts for the HTML export: no scripts, no fonts, no URLs.

The charts are drawn from figures already in the Summary. Colours are the
Okabe–Ito palette, which stays distinguishable with the common forms of colour
blindness and in greyscale print; every colour is backed by a text label
(counts, means, "split"), so nothing depends on colour alone. The SVG elements
carry no ``xmlns``: inside HTML the parser places them in the SVG namespace, and
the file then holds no URL at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workshop_tui.core.text_safety import for_terminal
from workshop_tui.export.html_text import e
from workshop_tui.export.svg_wrap import wrap

BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
GREEN = "#009E73"
INK = "#1d2733"
MUTED = "#5b6472"
GRID = "#d9dde3"
RANGE = "#9aa3ae"
BEFORE = "#8a939e"
"""Before: a light grey (a hollow ring in the dumbbell), told from after by lightness and shape."""
AFTER = INK
WORSE = "#B34A00"
"""Okabe–Ito vermillion darkened to 5.4:1 on white, so its words pass WCAG AA as text."""
VERDICT_COLOURS = {"better": BLUE, "worse": WORSE, "higher": MUTED, "lower": MUTED, "same": MUTED}
CHAR_WIDTH = 5.6
"""Average width of a character at 11 px in a sans-serif face, for wrapping labels."""


@dataclass(frozen=True)
class ProfileRow:
    """One row of a profile chart: a mean with its range, or a reason for none."""

    label: str
    mean: float | None = None
    low: int | None = None
    high: int | None = None
    value_text: str = ""
    split: bool = False
    missing_text: str = ""


@dataclass(frozen=True)
class BarGroup:
    """One group of horizontal bars, e.g. a dimension with produced / not produced."""

    label: str
    values: tuple[tuple[float | None, str], ...]
    """(value, its label) per series, in series order."""


def _svg(width: float, height: float, title: str, body: list[str], css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return (
        f'<svg{cls} viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" role="img" aria-label="{e(title)}">'
        f"<title>{e(title)}</title>{''.join(body)}</svg>"
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float = 11,
    fill: str = INK,
    anchor: str = "start",
    weight: str = "normal",
) -> str:
    bold = f' font-weight="{weight}"' if weight != "normal" else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}"{bold}>{e(text)}</text>'
    )


def _wrap(text: str, width: float, size: float = 11) -> list[str]:
    """A label in lines that fit ``width``; control characters go first, or wrapping cuts an
    escape sequence in two and its visible rest ("]0;…") stays on the page."""
    chars = max(8, int(width / (CHAR_WIDTH * size / 11)))
    key = (text, chars)
    lines = _WRAPPED.get(key)
    if lines is None:
        if len(_WRAPPED) >= 4096:  # bounded: the app exports from a long run
            _WRAPPED.clear()
        lines = _WRAPPED[key] = tuple(wrap(for_terminal(text), chars) or [""])
    return list(lines)


_WRAPPED: dict[tuple[str, int], tuple[str, ...]] = {}
"""Each label wrapped once per width (``textwrap`` took ~20 µs a label with æ, ø or å: 144 on a page)."""


def distribution_chart(
    distribution: Sequence[tuple[int, int]],
    *,
    mean: float | None,
    mean_text: str,
    title: str,
    axis_label: str,
) -> str:
    """A full-width bar chart of one question's distribution, with the mean marked."""
    left, right, top, bottom = 30, 10, 26, 38
    plot_w, plot_h = 560, 150
    slots = len(distribution)
    slot = plot_w / slots
    peak = max((c for _, c in distribution), default=0) or 1
    body = []
    for step in range(peak + 1):
        if peak > 8 and step % 2:
            continue
        y = top + plot_h - plot_h * step / peak
        body.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(left - 6, y + 4, str(step), size=12, fill=MUTED, anchor="end"))
    low = distribution[0][0] if distribution else 0
    for i, (score, count) in enumerate(distribution):
        x = left + i * slot + slot * 0.18
        h = plot_h * count / peak
        y = top + plot_h - h
        if count:
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.64:.1f}" '
                f'height="{h:.1f}" fill="{BLUE}" rx="2"/>'
            )
            body.append(_text(x + slot * 0.32, y - 4, str(count), size=10, anchor="middle", weight="bold"))
        body.append(
            _text(left + (i + 0.5) * slot, top + plot_h + 14, str(score), size=10, fill=INK, anchor="middle")
        )
    body.append(_text(left + plot_w / 2, top + plot_h + 32, axis_label, size=9, fill=MUTED, anchor="middle"))
    if mean is not None:
        x = left + (mean - low + 0.5) * slot
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 8}" y2="{top + plot_h}" '
            f'stroke="{VERMILLION}" stroke-width="2" stroke-dasharray="5 3"/>'
        )
        body.append(_text(x + 5, top - 10, mean_text, size=10, fill=VERMILLION, weight="bold"))
    return _svg(left + plot_w + right, top + plot_h + bottom, title, body, "chart")


def profile_chart(
    rows: Sequence[ProfileRow],
    *,
    low: int,
    high: int,
    title: str,
    low_label: str,
    high_label: str,
    split_text: str,
) -> str:
    """Mean (dot) and lowest–highest score (line) per item on a shared scale axis."""
    label_w, plot_w, value_w = 240, 300, 140
    left = label_w + 10
    line_h = 13
    top = 30
    steps = high - low

    def xpos(value: float) -> float:
        return left + plot_w * (value - low) / steps

    body = []
    y = top
    layout = []
    for row in rows:
        lines = _wrap(row.label, label_w)
        height = max(26, len(lines) * line_h + 10)
        layout.append((row, lines, y, height))
        y += height
    bottom = y
    for i, (_, _, y0, height) in enumerate(layout):
        if i % 2 == 0:
            body.append(
                f'<rect x="0" y="{y0:.1f}" width="{left + plot_w + value_w}" '
                f'height="{height}" fill="#f4f6f8"/>'
            )
    for value in range(low, high + 1):
        x = xpos(value)
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{bottom}" stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(x, top - 10, str(value), size=12, fill=MUTED, anchor="middle"))
    body.append(_text(left, bottom + 14, f"{low} = {low_label}", size=9, fill=MUTED))
    body.append(_text(left + plot_w, bottom + 14, f"{high} = {high_label}", size=9, fill=MUTED, anchor="end"))
    for row, lines, y0, height in layout:
        first = y0 + height / 2 - (len(lines) - 1) * line_h / 2 + 4
        for j, line in enumerate(lines):
            body.append(_text(0 + 4, first + j * line_h, line, size=11))
        mid = y0 + height / 2
        if row.mean is None or row.low is None or row.high is None:
            body.append(_text(left + 4, mid + 4, row.missing_text, size=10, fill=MUTED))
            continue
        body.append(
            f'<line x1="{xpos(row.low):.1f}" x2="{xpos(row.high):.1f}" '
            f'y1="{mid:.1f}" y2="{mid:.1f}" stroke="{RANGE}" stroke-width="4" '
            f'stroke-linecap="round"/>'
        )
        colour = ORANGE if row.split else BLUE
        body.append(
            f'<circle cx="{xpos(row.mean):.1f}" cy="{mid:.1f}" r="6.5" '
            f'fill="{colour}" stroke="#fff" stroke-width="1.5"/>'
        )
        text = row.value_text + (f" ⚡ {split_text}" if row.split else "")
        body.append(
            _text(left + plot_w + 12, mid + 4, text, size=12, weight="bold", fill=WORSE if row.split else INK)
        )
    return _svg(left + plot_w + value_w, bottom + 22, title, body, "chart")


def bar_chart(
    groups: Sequence[BarGroup],
    *,
    low: int,
    high: int,
    series: Sequence[str],
    title: str,
) -> str:
    """Horizontal bars per group and series (e.g. produced / not produced per dimension)."""
    colours = (BLUE, VERMILLION, GREEN, ORANGE)
    label_w, plot_w, right = 150, 380, 60
    left = label_w + 10
    bar_h, gap, group_gap = 16, 4, 16
    legend_h = 26 if len(series) > 1 else 0
    top = 22 + legend_h
    steps = high - low

    def xpos(value: float) -> float:
        return left + plot_w * (value - low) / steps

    body = []
    if len(series) > 1:
        x: float = left
        for k, name in enumerate(series):
            body.append(
                f'<rect x="{x}" y="4" width="12" height="12" rx="2" fill="{colours[k % len(colours)]}"/>'
            )
            body.append(_text(x + 17, 14, name, size=10))
            x += 30 + len(name) * CHAR_WIDTH
    group_h = len(series) * (bar_h + gap) - gap
    bottom = top + len(groups) * (group_h + group_gap) - group_gap
    for tick in range(low, high + 1):
        x = xpos(tick)
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{bottom + 4}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(x, top - 10, str(tick), size=12, fill=MUTED, anchor="middle"))
    for g, group in enumerate(groups):
        y0 = top + g * (group_h + group_gap)
        lines = _wrap(group.label, label_w, 12)
        first = y0 + group_h / 2 - (len(lines) - 1) * 7 + 4
        for j, line in enumerate(lines):
            body.append(_text(0, first + j * 14, line, size=12, weight="bold"))
        for k, (bar_value, text) in enumerate(group.values):
            y = y0 + k * (bar_h + gap)
            if bar_value is None:
                body.append(_text(left + 4, y + bar_h - 4, text, size=10, fill=MUTED))
                continue
            end = xpos(bar_value)
            body.append(
                f'<rect x="{left}" y="{y:.1f}" width="{max(end - left, 2):.1f}" '
                f'height="{bar_h}" rx="2" fill="{colours[k % len(colours)]}"/>'
            )
            body.append(_text(end + 5, y + bar_h - 3, text, size=12, weight="bold"))
    return _svg(left + plot_w + right, bottom + 10, title, body, "chart")


@dataclass(frozen=True)
class Move:
    """One item of a before/after chart: its two means, the change as text and what it means."""

    label: str
    before: float
    after: float
    text: str
    verdict: str
    """better, worse, higher, lower or same (``results.judge_change``): the line's colour."""


def paired_distribution(
    before: Sequence[tuple[int, int]], after: Sequence[tuple[int, int]], *, title: str
) -> str:
    """Before (light grey) and after (dark) side by side per score, as shares of answers."""
    n_before = sum(c for _, c in before) or 1
    n_after = sum(c for _, c in after) or 1
    old = dict(before)
    bar, pair_gap = 8, 6
    top, plot, bottom = 3, 24, 14
    body = []
    for i, (score, count) in enumerate(after):
        x = i * (2 * bar + pair_gap)
        base = top + plot
        body.append(f'<rect x="{x}" y="{base - 0.5:.1f}" width="{2 * bar}" height="1" fill="{GRID}"/>')
        for k, (share, colour) in enumerate(
            ((old.get(score, 0) / n_before, BEFORE), (count / n_after, AFTER))
        ):
            h = plot * share
            if h:
                body.append(
                    f'<rect x="{x + k * bar}" y="{base - h:.1f}" width="{bar}" '
                    f'height="{h:.1f}" fill="{colour}"/>'
                )
        body.append(_text(x + bar, base + 12, str(score), size=12, fill=MUTED, anchor="middle"))
    width = len(after) * (2 * bar + pair_gap) - pair_gap
    return _svg(width, top + plot + bottom, title, body, "mini")


def dumbbell_chart(
    rows: Sequence[Move],
    *,
    low: float,
    high: float,
    title: str,
    before_label: str,
    after_label: str,
) -> str:
    """Each row's mean before (hollow grey ring) and after (dark dot), the line coloured by verdict."""
    label_w, plot_w, value_w = 250, 300, 130
    left, top, line_h = label_w + 10, 46, 13
    steps = (high - low) or 1

    def xpos(value: float) -> float:
        return left + plot_w * (value - low) / steps

    body = [
        f'<circle cx="{left + 6}" cy="10" r="4.5" fill="#fff" stroke="{BEFORE}" stroke-width="2"/>',
        _text(left + 15, 14, before_label, size=10),
        f'<circle cx="{left + 36 + len(before_label) * CHAR_WIDTH}" cy="10" r="5" fill="{AFTER}"/>',
        _text(left + 45 + len(before_label) * CHAR_WIDTH, 14, after_label, size=10),
    ]
    y = top
    grid_top = top - 6
    items = []
    for row in rows:
        lines = _wrap(row.label, label_w)
        height = max(24, len(lines) * line_h + 8)
        items.append((lines, row, y, height))
        y += height
    for value in range(int(low), int(high) + 1):
        x = xpos(value)
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{grid_top}" y2="{y}" stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(x, grid_top - 4, str(value), size=12, fill=MUTED, anchor="middle"))
    for lines, row, y0, height in items:
        mid = y0 + height / 2
        first = mid - (len(lines) - 1) * line_h / 2 + 4
        colour = VERDICT_COLOURS.get(row.verdict, MUTED)
        for j, line in enumerate(lines):
            body.append(_text(4, first + j * line_h, line, size=11))
        body.append(
            f'<line x1="{xpos(row.before):.1f}" x2="{xpos(row.after):.1f}" y1="{mid:.1f}" '
            f'y2="{mid:.1f}" stroke="{colour}" stroke-width="3"/>'
        )
        body.append(
            f'<circle cx="{xpos(row.before):.1f}" cy="{mid:.1f}" r="5" fill="#fff" '
            f'stroke="{BEFORE}" stroke-width="2"/>'
        )
        body.append(f'<circle cx="{xpos(row.after):.1f}" cy="{mid:.1f}" r="5.5" fill="{AFTER}"/>')
        body.append(_text(left + plot_w + 12, mid + 4, row.text, size=12, weight="bold", fill=colour))
    return _svg(left + plot_w + value_w, y + 8, title, body, "chart")
