"""The trend report's drawings: small multiples (one small chart per dimension or item) and the heatmap.

Drawn like the export's charts (:mod:`workshop_tui.export.svg`): inline SVG with no scripts,
fonts or URLs, Okabe–Ito blue for the line, every point labelled with its mean, so nothing
depends on colour. The heatmap's colours are one sequential blue scale (ColorBrewer
"Blues"): light to dark reads the same with every common colour blindness and in grey print,
and each cell prints its value in whichever of ink or white contrasts more with the cell
(at least 4.5:1, WCAG AA; tested).
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.core.results.trends import Line
from workshop_tui.export.html_text import e
from workshop_tui.export.svg import BLUE, GRID, INK, MUTED, RANGE, _svg, _text, _wrap

PANEL_W = 190
PANEL_H = 130
BLUES = ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#2171b5", "#08519c")
"""ColorBrewer Blues, light (low) to dark (high); colour-blind safe and print friendly."""
WHITE = "#ffffff"


def small_multiple(line: Line, dates: Sequence[str], low: int, high: int, texts: Sequence[str]) -> str:
    """One small chart: the line's mean in each session (x), on the exercise's scale (y).

    ``texts`` are the points' labels (``3,42``, or why there is none). A point that is not
    comparable (another scale, polarity or set of items) is drawn hollow and not joined.
    """
    left, right, top, bottom = 40, 24, 42, 30
    plot_w, plot_h = PANEL_W - left - right, PANEL_H - top - bottom
    span = (high - low) or 1
    body = []
    for k, label in enumerate(_wrap(line.label, PANEL_W - 4, 10)[:2]):
        body.append(_text(2, 11 + 11 * k, label, size=10, weight="bold"))
    for value in (low, high):
        y = top + plot_h - plot_h * (value - low) / span
        body.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 4, y + 4, str(value), size=10, fill=MUTED, anchor="end"))
    count = len(line.points)
    step = plot_w / max(count - 1, 1)
    xy: list[tuple[float, float] | None] = []
    for k, point in enumerate(line.points):
        x = left + (step * k if count > 1 else plot_w / 2)
        body.append(
            _text(
                x,
                PANEL_H - 6,
                dates[k][:7],
                size=9,
                fill=MUTED,
                anchor="middle",
            )
        )
        if point is None or point.mean is None:
            body.append(_text(x, top + plot_h - 2, texts[k][:14], size=9, fill=MUTED, anchor="middle"))
            xy.append(None)
            continue
        y = top + plot_h - plot_h * (point.mean - low) / span
        xy.append((x, y) if point.comparable else None)
        fill, edge = (BLUE, BLUE) if point.comparable else (WHITE, RANGE)
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{fill}" stroke="{edge}" stroke-width="1.5"/>'
        )
        body.append(_text(x, y - 7, texts[k], size=10, anchor="middle", weight="bold"))
    for a, b in zip(xy, xy[1:], strict=False):
        if a is not None and b is not None:
            body.insert(
                0,
                f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
                f'stroke="{BLUE}" stroke-width="2"/>',
            )
    title = f"{line.label}: " + " → ".join(texts)
    return _svg(PANEL_W, PANEL_H, title, body, "multiple")


def _luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def cell_colours(value: float | None, low: int, high: int) -> tuple[str, str]:
    """(background, text) of a heatmap cell: darker blue for a higher value; none for no value."""
    if value is None:
        return WHITE, MUTED
    share = (value - low) / ((high - low) or 1)
    background = BLUES[min(len(BLUES) - 1, max(0, int(share * len(BLUES))))]
    ink = max((INK, WHITE), key=lambda text: contrast(background, text))
    return background, ink


def heat_cell(value: float | None, low: int, high: int, text: str) -> str:
    """One ``<td>`` of the heatmap table, its value printed in it."""
    background, ink = cell_colours(value, low, high)
    return f'<td class="num heat" style="background:{background};color:{ink}">{e(text)}</td>'
