"""The high-contrast projector theme and the colour-blind-safe chart palette."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="workshop-high-contrast",
    primary="#FFD700",
    secondary="#00BFFF",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00E676",
    warning="#FFB000",
    error="#FF5252",
    dark=True,
)

# Okabe–Ito: distinguishable for the common forms of colour blindness.
CHART = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
LOW_HIGH = ("#0072B2", "#56B4E9", "#999999", "#E69F00", "#D55E00")
"""Five steps from low (blue) to high (orange-red) for score distributions."""


def score_colour(score: int, low: int, high: int) -> str:
    """A colour for a score: blue at the low end, orange-red at the high end."""
    if high <= low:
        return LOW_HIGH[2]
    step = round((score - low) / (high - low) * (len(LOW_HIGH) - 1))
    return LOW_HIGH[max(0, min(step, len(LOW_HIGH) - 1))]
