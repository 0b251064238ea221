"""Inline SVG charts of the newer kinds: votes, poles, mirrored sides, two-axis placements.

Same rules as :mod:`workshop_tui.export.svg` (whose helpers and Okabe–Ito colours
they use): no scripts, fonts or URLs, every colour backed by a printed number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workshop_tui.export.html_text import e
from workshop_tui.export.svg import BLUE, GRID, INK, MUTED, ORANGE, RANGE, SKY, VERMILLION, _svg, _text, _wrap


@dataclass(frozen=True)
class VoteBar:
    """One option of a vote."""

    label: str
    dots: float
    value_text: str
    winner: bool = False


def vote_chart(rows: Sequence[VoteBar], *, title: str) -> str:
    """A horizontal bar per option, as long as its dots, winners in orange."""
    label_w, plot_w, value_w = 260, 280, 90
    left = label_w + 10
    line_h = 13
    peak = max((r.dots for r in rows), default=0) or 1
    body = []
    y = 6.0
    for row in rows:
        lines = _wrap(row.label, label_w)
        height = max(24, len(lines) * line_h + 8)
        mid = y + height / 2
        first = mid - (len(lines) - 1) * line_h / 2 + 4
        for j, line in enumerate(lines):
            body.append(
                _text(4, first + j * line_h, line, size=11, weight="bold" if row.winner else "normal")
            )
        width = plot_w * row.dots / peak
        body.append(f'<rect x="{left}" y="{mid - 8:.1f}" width="{plot_w}" height="16" fill="#f4f6f8"/>')
        if row.dots:
            colour = ORANGE if row.winner else BLUE
            body.append(
                f'<rect x="{left}" y="{mid - 8:.1f}" width="{width:.1f}" height="16" rx="2" fill="{colour}"/>'
            )
        body.append(_text(left + plot_w + 8, mid + 4, row.value_text, size=11, weight="bold"))
        y += height
    return _svg(left + plot_w + value_w, y + 6, title, body, "chart")


@dataclass(frozen=True)
class PoleRow:
    """One pair of poles with the group's mean and range between them."""

    left: str
    right: str
    mean: float | None
    low: int | None
    high: int | None
    value_text: str
    split: bool = False


def bipolar_chart(rows: Sequence[PoleRow], *, low: int, high: int, title: str) -> str:
    """Each pair: the poles at either end of a track, the range as a bar and the mean as a dot."""
    pole_w, plot_w = 190, 260
    left = pole_w + 14
    steps = (high - low) or 1
    line_h = 13

    def xpos(value: float) -> float:
        return left + plot_w * (value - low) / steps

    body = []
    y = 24.0
    for value in range(low, high + 1):
        body.append(_text(xpos(value), 14, str(value), size=9, fill=MUTED, anchor="middle"))
    for row in rows:
        left_lines, right_lines = _wrap(row.left, pole_w), _wrap(row.right, pole_w)
        height = max(34, max(len(left_lines), len(right_lines)) * line_h + 12)
        mid = y + height / 2
        for lines, x, anchor in ((left_lines, pole_w, "end"), (right_lines, left + plot_w + 14, "start")):
            first = mid - (len(lines) - 1) * line_h / 2 + 4
            for j, line in enumerate(lines):
                body.append(_text(x, first + j * line_h, line, size=11, anchor=anchor))
        body.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{mid:.1f}" y2="{mid:.1f}" '
            f'stroke="{GRID}" stroke-width="2"/>'
        )
        for value in range(low, high + 1):
            tick = xpos(value)
            body.append(
                f'<line x1="{tick:.1f}" x2="{tick:.1f}" y1="{mid - 4:.1f}" y2="{mid + 4:.1f}" '
                f'stroke="{GRID}"/>'
            )
        if row.mean is not None and row.low is not None and row.high is not None:
            body.append(
                f'<line x1="{xpos(row.low):.1f}" x2="{xpos(row.high):.1f}" y1="{mid:.1f}" y2="{mid:.1f}" '
                f'stroke="{RANGE}" stroke-width="5" stroke-linecap="round"/>'
            )
            colour = ORANGE if row.split else BLUE
            body.append(
                f'<circle cx="{xpos(row.mean):.1f}" cy="{mid:.1f}" r="7" fill="{colour}" '
                f'stroke="#fff" stroke-width="1.5"/>'
            )
            body.append(
                _text(xpos(row.mean), mid - 11, row.value_text, size=10, anchor="middle", weight="bold")
            )
        else:
            body.append(
                _text(left + plot_w / 2, mid - 8, row.value_text, size=10, fill=MUTED, anchor="middle")
            )
        y += height
    return _svg(left + plot_w + 14 + pole_w, y + 6, title, body, "chart")


@dataclass(frozen=True)
class MirrorRow:
    """One paired item: the left side's mean, the right side's, and the gap as text."""

    label: str
    left: float | None
    right: float | None
    left_text: str
    right_text: str
    gap_text: str


def mirror_chart(
    rows: Sequence[MirrorRow],
    *,
    low: int,
    high: int,
    left_label: str,
    right_label: str,
    divider: str,
    title: str,
) -> str:
    """The left side's bars grow left from a central line (the divider), the right side's grow right."""
    label_w, half, gap_w = 170, 170, 70
    centre = label_w + 20 + half
    steps = (high - low) or 1

    def length(value: float) -> float:
        return half * (value - low) / steps

    body = [
        _text(centre - 8, 16, left_label, size=11, anchor="end", weight="bold", fill=INK),
        _text(centre + 8, 16, right_label, size=11, weight="bold", fill=INK),
    ]
    top = 30.0
    y = top
    for row in rows:
        lines = _wrap(row.label, label_w)
        height = max(30, len(lines) * 13 + 10)
        mid = y + height / 2
        first = mid - (len(lines) - 1) * 6.5 + 4
        for j, line in enumerate(lines):
            body.append(_text(4, first + j * 13, line, size=11))
        for value, text, sign, colour in (
            (row.left, row.left_text, -1, SKY),
            (row.right, row.right_text, 1, BLUE),
        ):
            if value is None:
                continue
            w = max(length(value), 2)
            x = centre - w if sign < 0 else centre
            body.append(
                f'<rect x="{x:.1f}" y="{mid - 9:.1f}" width="{w:.1f}" height="18" rx="2" fill="{colour}"/>'
            )
            text_x = centre - w - 5 if sign < 0 else centre + w + 5
            body.append(
                _text(text_x, mid + 4, text, size=10, anchor="end" if sign < 0 else "start", weight="bold")
            )
        body.append(
            _text(
                centre + half + gap_w - 4,
                mid + 4,
                row.gap_text,
                size=11,
                anchor="end",
                weight="bold",
                fill=VERMILLION,
            )
        )
        y += height
    body.append(
        f'<line x1="{centre}" x2="{centre}" y1="{top - 6}" y2="{y + 4}" stroke="{INK}" stroke-width="2"/>'
    )
    body.append(_text(centre, y + 18, divider, size=10, fill=MUTED, anchor="middle"))
    return _svg(centre + half + gap_w, y + 26, title, body, "chart")


@dataclass(frozen=True)
class ZoneLabel:
    """A quadrant's name and how many people are in it."""

    label: str
    x: str
    y: str
    count: int


def placement_chart(
    points: Sequence[tuple[int, int, int]],
    *,
    low: int,
    high: int,
    x_label: str,
    y_label: str,
    zones: Sequence[ZoneLabel],
    centroid: tuple[float, float] | None,
    title: str,
) -> str:
    """A square plot: a dot per (x, y) sized by how many chose it, the zones in the corners, the centroid."""
    size, left, top = 300, 60, 30
    steps = (high - low) or 1

    def xpos(value: float) -> float:
        return left + size * (value - low + 0.5) / (steps + 1)

    def ypos(value: float) -> float:
        return top + size - size * (value - low + 0.5) / (steps + 1)

    body = [f'<rect x="{left}" y="{top}" width="{size}" height="{size}" fill="#f4f6f8" stroke="{GRID}"/>']
    middle = (low + high) / 2
    body.append(
        f'<line x1="{xpos(middle):.1f}" x2="{xpos(middle):.1f}" y1="{top}" y2="{top + size}" '
        f'stroke="{RANGE}" stroke-dasharray="4 3"/>'
    )
    body.append(
        f'<line x1="{left}" x2="{left + size}" y1="{ypos(middle):.1f}" y2="{ypos(middle):.1f}" '
        f'stroke="{RANGE}" stroke-dasharray="4 3"/>'
    )
    # Zone names stand outside the square (above it for high y, below the axis for low y),
    # so that no dot can cover them.
    for zone in zones:
        x = left + 4 if zone.x == "low" else left + size - 4
        y = top - 8 if zone.y == "high" else top + size + 30
        anchor = "start" if zone.x == "low" else "end"
        body.append(
            _text(x, y, f"{zone.label}: {zone.count}", size=10, fill=MUTED, anchor=anchor, weight="bold")
        )
    for value in range(low, high + 1):
        body.append(_text(xpos(value), top + size + 14, str(value), size=9, fill=MUTED, anchor="middle"))
        body.append(_text(left - 8, ypos(value) + 3, str(value), size=9, fill=MUTED, anchor="end"))
    peak = max((n for _, _, n in points), default=1)
    for x, y, n in points:
        r = 6 + 8 * n / peak
        body.append(
            f'<circle cx="{xpos(x):.1f}" cy="{ypos(y):.1f}" r="{r:.1f}" fill="{BLUE}" opacity="0.85"/>'
        )
        body.append(_text(xpos(x), ypos(y) + 4, str(n), size=10, fill="#fff", anchor="middle", weight="bold"))
    if centroid is not None:
        cx, cy = xpos(centroid[0]), ypos(centroid[1])
        body.append(
            f'<path d="M{cx - 8:.1f} {cy:.1f}H{cx + 8:.1f}M{cx:.1f} {cy - 8:.1f}V{cy + 8:.1f}" '
            f'stroke="{VERMILLION}" stroke-width="3"/>'
        )
    axis_y = top + size + (50 if zones else 32)
    body.append(_text(left + size / 2, axis_y, f"{x_label} →", size=11, anchor="middle", weight="bold"))
    body.append(
        f'<text x="16" y="{top + size / 2:.1f}" font-size="11" fill="{INK}" text-anchor="middle" '
        f'font-weight="bold" transform="rotate(-90 16 {top + size / 2:.1f})">{e(y_label)} →</text>'
    )
    return _svg(left + size + 20, axis_y + 10, title, body, "chart")
