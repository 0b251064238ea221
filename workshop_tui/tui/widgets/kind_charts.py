"""Text charts of the newer kinds, shared by the grid's side panel and the projector.

Each function draws the live answers of one exercise (Rich ``Text``); the figures
come from :mod:`workshop_tui.core.results.figures`, so the screen and the exports agree. The
projector calls them with a larger width and thicker bars.
"""

from __future__ import annotations

from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.grids import PairBody
from workshop_tui.core.kinds.placements import PlacementBody, placement
from workshop_tui.core.model import Exercise, ExerciseAnswers
from workshop_tui.core.results.figures import item_stats, pair_gaps, vote_totals, voters, winners
from workshop_tui.core.results.numbers import WALL_DIGITS, percent, signed
from workshop_tui.tui.themes import CHART, score_colour
from workshop_tui.tui.widgets.cell_text import shorten
from workshop_tui.tui.widgets.charts import fmt, localise

VOTE_COLOUR = CHART[4]
LEFT_COLOUR = CHART[1]
RIGHT_COLOUR = CHART[0]


def _cut(text: str, width: int) -> str:
    """``text`` in ``width`` characters: shortened after a whole word (see ``cell_text.shorten``)."""
    return shorten(text, width)


def vote_bars(
    exercise: Exercise, answers: ExerciseAnswers, lang: str, width: int, *, thickness: int = 1, gap: int = 0
) -> Text:
    """A bar per option (its dots), the share, ▲ on the winners; a single choice's response after."""
    totals = vote_totals(exercise, answers)
    best = set(winners(totals))
    peak = max((t.dots for t in totals), default=0) or 1
    longest = max((len(i.text.get(lang)) + 4 for i in exercise.items), default=16)
    label_width = max(16, min(longest, width - 16 - max(10, width // 4)))
    bar_width = max(6, width - label_width - 16)
    middle = (thickness - 1) // 2
    out = Text()
    for number, (item, total) in enumerate(zip(exercise.items, totals, strict=True), start=1):
        mark = "▲" if item.id in best else " "
        label = _cut(f"{mark}{number}. {item.text.get(lang)}", label_width)
        length = round(total.dots / peak * bar_width)
        share = percent(total.share)
        for line in range(thickness):
            out.append(
                f"{label:<{label_width}} " if line == middle else " " * (label_width + 1),
                style="bold" if item.id in best else "",
            )
            out.append("█" * length, style=VOTE_COLOUR)
            if line == middle:
                out.append(f" {total.dots}", style="bold")
                out.append(f"  ({share})", style="dim")
            out.append("\n")
        out.append("\n" * gap)
    out.append(t("tui.vote.voters", lang, n=voters(answers)), style="dim")
    responses = [i for i in exercise.items if i.id in best and i.response is not None]
    for item in responses:
        assert item.response is not None
        out.append(f"\n\n{item.text.get(lang)}\n", style="bold")
        out.append(f"→ {item.response.get(lang)}", style=f"bold {RIGHT_COLOUR}")
    return out


def bipolar_lines(
    exercise: Exercise, answers: ExerciseAnswers, lang: str, width: int, *, gap: int = 0
) -> Text:
    """Per pair of poles: the poles at either end and the group's mean on a track between them."""
    scale = exercise.scale
    assert scale is not None
    stats = item_stats(exercise, answers)
    track = max(10, width - 14)
    out = Text()
    for item in exercise.items:
        left = item.left.get(lang) if item.left else ""
        right = item.right.get(lang) if item.right else ""
        half = max(8, (track + 8) // 2 - 1)
        out.append(f"{_cut(left, half):<{half}}  ", style=f"bold {LEFT_COLOUR}")
        out.append(f"{_cut(right, half):>{half}}\n", style=f"bold {RIGHT_COLOUR}")
        s = stats[item.id]
        cells = ["─"] * track
        if s.minimum is not None and s.maximum is not None:
            start, end = (
                _pos(s.minimum, scale.min, scale.max, track),
                _pos(s.maximum, scale.min, scale.max, track),
            )
            for i in range(start, end + 1):
                cells[i] = "━"
        marker = _pos(s.mean, scale.min, scale.max, track) if s.mean is not None else None
        out.append(f"{scale.min} ├", style="dim")
        for i, cell in enumerate(cells):
            if i == marker:
                out.append("●", style=f"bold {score_colour(round(s.mean or 0), scale.min, scale.max)}")
            else:
                out.append(cell, style="dim" if cell == "─" else "")
        out.append(f"┤ {scale.max}", style="dim")
        out.append(f"  {localise(fmt(s.mean), lang)}" + (" ⚡" if s.split else ""), style="bold")
        out.append("\n\n" + "\n" * gap)
    out.rstrip()
    return out


def _pos(value: float, low: int, high: int, width: int) -> int:
    """The character position of ``value`` on a track ``width`` wide."""
    share = (value - low) / (high - low) if high > low else 0.5
    return max(0, min(width - 1, round(share * (width - 1))))


def mirror_bars(exercise: Exercise, answers: ExerciseAnswers, lang: str, width: int, *, gap: int = 0) -> Text:
    """Per item: the left side's mean growing left from the divider, the right side's growing right."""
    scale = exercise.scale
    assert scale is not None
    means = {k: s.mean for k, s in item_stats(exercise, answers).items()}
    half = max(6, (width - 32) // 2)  # room for both means and the gap on one line
    body = exercise.body_as(PairBody)
    left_label = body.left_label.get(lang)
    right_label = body.right_label.get(lang)
    divider = body.divider.get(lang) if body.divider else "│"
    out = Text()
    out.append(f"{_cut(left_label, half + 5):>{half + 5}} ", style=f"bold {LEFT_COLOUR}")
    out.append(f"│ {_cut(right_label, half + 5)}\n", style=f"bold {RIGHT_COLOUR}")
    out.append(f"{'':>{half + 5}} │ ", style="dim")
    out.append(f"({divider})\n", style="dim")
    for item, pair in zip(exercise.items, pair_gaps(exercise, means), strict=True):
        out.append(f"{item.text.get(lang)}\n", style="bold")
        lbar = _length(pair.left, scale.min, scale.max, half)
        rbar = _length(pair.right, scale.min, scale.max, half)
        out.append(f"{localise(fmt(pair.left), lang):>4} ", style="bold")
        out.append(" " * (half - lbar))
        out.append("█" * lbar, style=LEFT_COLOUR)
        out.append(" │ ", style="bold")
        out.append("█" * rbar, style=RIGHT_COLOUR)
        out.append(" " * (half - rbar))
        out.append(f" {localise(fmt(pair.right), lang):<4}", style="bold")
        if (written := pair.gap_at(WALL_DIGITS)) is not None:
            out.append(f"  {t('tui.pair.gap', lang)} {signed(written, lang, WALL_DIGITS)}", style="dim")
        out.append("\n" + "\n" * gap)
    out.rstrip()
    return out


def _length(mean: float | None, low: int, high: int, width: int) -> int:
    if mean is None or high <= low:
        return 0
    return max(1, round((mean - low) / (high - low) * width))


def placement_map(exercise: Exercise, answers: ExerciseAnswers, lang: str, *, cell: int = 3) -> Text:
    """A grid of the scale × the scale with how many people placed themselves in each cell."""
    scale = exercise.scale
    assert scale is not None
    found = placement(exercise, answers)
    x_axis, y_axis = exercise.items
    values = list(scale.values)
    out = Text()
    out.append(f"↑ {y_axis.text.get(lang)}\n", style="bold")
    for y in reversed(values):
        out.append(f"{y:>3} │", style="dim")
        for x in values:
            count = found.points.get((x, y), 0)
            text = str(count) if count else "·"
            out.append(f"{text:^{cell}}", style="bold" if count else "dim")
        out.append("\n")
    out.append("    └" + "─" * (cell * len(values)) + f"→ {x_axis.text.get(lang)}\n", style="dim")
    out.append("     " + "".join(f"{x:^{cell}}" for x in values) + "\n", style="dim")
    centroid = found.centroid
    if centroid is not None:
        where = f"{localise(fmt(centroid[0]), lang)} · {localise(fmt(centroid[1]), lang)}"
        out.append(f"{t('tui.place.centroid', lang)} ({where})   n = {found.n}\n", style="bold")
    zones = exercise.body_as(PlacementBody).zones
    if zones:
        parts = [f"{z.label.get(lang)} {found.zones[z.id]}" for z in zones]
        if found.on_line:
            parts.append(f"{t('tui.place.on_line', lang)} {found.on_line}")
        out.append(" · ".join(parts))
    out.rstrip()
    return out
