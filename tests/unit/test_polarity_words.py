"""The English word for polarity is not the name of a dimension on the same wall.

Found by hand (explore17): the English projector of the direction/alignment/commitment
diagnostic headed its first dimension "DIRECTION" and said under it "▲ the 3 best by
direction", as if the best items were counted on that dimension. English says "polarity"
for a high score being good or bad (as the README and the heatmap's legend already did).
"""

from __future__ import annotations

import pytest

from workshop_tui.core.i18n import t


@pytest.mark.parametrize(
    "key",
    [
        "legend.best",
        "legend.weakest",
        "export.about.polarity",
        "export.about.highlights",
        "export.cmp.explain",
    ],
)
def test_the_english_rules_say_polarity_not_direction(key: str) -> None:
    text = t(key, "en", k=3, min=3)
    assert "polarity" in text.lower() and "direction" not in text.lower(), text
