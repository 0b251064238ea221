"""The table's small distributions, drawn from kept bars, are byte for byte what drawing each bar made.

The reference below is ``svg.mini_distribution`` as it was before its bars were kept
(``export/svg_mini``): every bar formatted anew through ``svg._text``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from workshop_tui.export import svg_mini
from workshop_tui.export.svg import BLUE, GRID, MUTED, VERMILLION, _svg, _text
from workshop_tui.export.svg_mini import mini_distribution


def reference(distribution: Sequence[tuple[int, int]], *, split: bool, title: str) -> str:
    n = sum(count for _, count in distribution) or 1
    wide = len(distribution) <= 6
    bar = 17 if wide else 14
    gap = 3
    top, plot, bottom = 13, 20, 13
    width = len(distribution) * (bar + gap) - gap
    colour = VERMILLION if split else BLUE
    body = []
    for i, (score, count) in enumerate(distribution):
        x = i * (bar + gap)
        h = plot * count / n
        base = top + plot
        body.append(f'<rect x="{x}" y="{base - 0.5:.1f}" width="{bar}" height="1" fill="{GRID}"/>')
        if count:
            body.append(
                f'<rect x="{x}" y="{base - h:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}" rx="1"/>'
            )
            body.append(_text(x + bar / 2, base - h - 2, str(count), size=12, anchor="middle"))
        if wide or i % 2 == 0 or i == len(distribution) - 1:
            body.append(_text(x + bar / 2, base + 12, str(score), size=12, fill=MUTED, anchor="middle"))
    return _svg(width, top + plot + bottom, title, body, "mini")


def test_random_distributions_are_drawn_as_before() -> None:
    """Scales of 2 to 11 steps (wide and narrow bars, every other score labelled), empty and
    full bars, no answers at all, split or not, drawn twice so the second comes from kept bars."""
    rng = random.Random(15)
    for _ in range(3_000):
        low = rng.choice([0, 1, -3])
        steps = rng.randint(2, 11)
        counts = [rng.choice([0, 0, 1, 2, 5, 13, 40, 400]) for _ in range(steps)]
        distribution = tuple(zip(range(low, low + steps), counts, strict=True))
        split = rng.random() < 0.3
        for _ in range(2):
            got = mini_distribution(distribution, split=split, title="Fordeling: x")
            assert got == reference(distribution, split=split, title="Fordeling: x"), distribution


def test_the_title_is_escaped_and_not_part_of_the_kept_bars() -> None:
    hostile = 'Fordeling: <script>alert("x")</script> & \x1b[31m'
    distribution = ((1, 2), (2, 0), (3, 5))
    drawn = mini_distribution(distribution, split=False, title=hostile)
    assert drawn == reference(distribution, split=False, title=hostile)
    assert "<script>" not in drawn and "\x1b" not in drawn
    assert "&lt;script&gt;" in mini_distribution(distribution, split=False, title=hostile)
    assert "script" not in mini_distribution(distribution, split=False, title="plain")


def test_the_kept_bars_are_bounded() -> None:
    """The app exports from a long run: the bars kept never exceed the bound."""
    for n in range(svg_mini._KEEP // 2 + 10):
        mini_distribution(((1, n), (2, 1)), split=False, title="t")
    assert 0 < len(svg_mini._BARS) <= svg_mini._KEEP
