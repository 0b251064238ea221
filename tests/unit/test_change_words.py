"""A change is written one way: Ctrl+L's "last time" and ``workshop trend`` say the same words.

Found by polish13: for a mean that did not move, Ctrl+L said "uændret" where the trend
report said "±0,00 uændret" (the change's figure left out on the screen only).
"""

from __future__ import annotations

import pytest

from workshop_tui.core.results.numbers import written_change
from workshop_tui.core.results.trends import Line, Point
from workshop_tui.export.trend import change_text, first_text
from workshop_tui.tui.widgets.last_time import _change


def _line(*means: float | None, direction: str = "positive") -> Line:
    points = tuple(Point(5, m, "shown" if m is not None else "too_few") for m in means)
    return Line("i1", "Item", direction, points)


@pytest.mark.parametrize(
    ("means", "direction", "da", "en"),
    [
        ((3.0, 3.0), "positive", "±0,00 uændret", "±0.00 unchanged"),
        ((3.0, 3.4), "positive", "+0,40 ↑ bedre", "+0.40 ↑ better"),
        ((3.0, 3.4), "negative", "+0,40 ↑ dårligere", "+0.40 ↑ worse"),
        ((3.4, 3.0), "neutral", "−0,40 ↓ lavere", "−0.40 ↓ lower"),
        ((3.0, None), "positive", "–", "–"),
    ],
)
def test_the_screen_and_the_trend_report_write_a_change_alike(
    means: tuple[float | None, ...], direction: str, da: str, en: str
) -> None:
    line = _line(*means, direction=direction)
    for lang, words in (("da", da), ("en", en)):
        assert written_change(line.change, line.verdict, lang) == words
        assert _change(line, lang).plain == words  # Ctrl+L
        assert change_text(line, lang) == words  # workshop trend
    three = _line(3.0, 3.2, 3.0)
    assert first_text(three, "da") == "±0,00 uændret"  # since the first session, the same words
