"""The chart labels' wrap gives ``textwrap.wrap``'s lines for every text, the fast ones and the others."""

from __future__ import annotations

import random
import sys
import textwrap

from workshop_tui.export.svg_wrap import wrap


def test_random_labels_wrap_as_textwrap_wraps_them() -> None:
    """Words of every length (longer than a line too), single and double spaces, hyphens and
    dashes, tabs, line breaks, no-break and other Unicode spaces, Danish letters, at widths
    from 8 to 40."""
    pieces = ["a", "æøå", "Ledelse", "på", "tværs", "x" * 9, "y" * 30, "1,5", "(K/K/C)", "–", "↺"]
    pieces += [" ", " ", " ", "  ", "-", "--", "\t", "\n", "\xa0", "\u2028", "\x1c", "\u3000"]
    rng = random.Random(15)
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        width = rng.randint(8, 40)
        assert wrap(text, width) == textwrap.wrap(text, width), (text, width)


def test_a_plain_label_is_wrapped_without_textwrap() -> None:
    """Words and single spaces (the labels of a session) never import ``textwrap``."""
    sys.modules.pop("textwrap", None)
    try:
        assert wrap("Vi giver hinanden ærlig feedback på tværs af afdelinger", 20) == [
            "Vi giver hinanden",
            "ærlig feedback på",
            "tværs af afdelinger",
        ]
        assert "textwrap" not in sys.modules
    finally:
        import textwrap as _  # noqa: F401 - back for the other tests
