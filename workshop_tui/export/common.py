"""Wording shared by the Markdown and HTML renderers, so both say the same thing.

Only presentation lives here (which text stands in a cell, how items are grouped
under headings); the figures themselves all come from the Summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Action
from workshop_tui.core.results.edition import LeftOut
from workshop_tui.core.results.held_back import HeldBack, held_back
from workshop_tui.core.results.numbers import percent
from workshop_tui.core.results.rules import TOP_COUNT, iso_date, tied
from workshop_tui.core.results.summary_model import (
    ItemSummary,
    ScaleInfo,
    ScoredPart,
    Summary,
    VoteOption,
    VotePart,
)
from workshop_tui.export.strings import long_date, number


@dataclass(frozen=True)
class ItemGroup:
    """Items shown under one heading (a dimension, or a dimension's polarity)."""

    heading: str
    items: tuple[ItemSummary, ...]


def meta_lines(summary: Summary) -> list[tuple[str, str]]:
    """(label, value) pairs for the title block, leaving out what is unknown."""
    lang = summary.language
    pairs = [
        (t("export.organisation", lang), summary.organisation),
        (t("export.date", lang), long_date(summary.date, lang)),
        (t("export.facilitator", lang), summary.facilitator),
        (t("export.participants", lang), str(summary.participants)),
        (t("export.groups", lang), "; ".join(summary.groups)),
    ]
    return [(label, value) for label, value in pairs if value]


def about_lines(summary: Summary) -> list[str]:
    """The paragraph that says how to read the figures and what is left out."""
    lang = summary.language
    lines = [
        t("export.about.figures", lang),
        t("export.about.split", lang),
        t("export.about.polarity", lang),
        t("export.about.highlights", lang, k=TOP_COUNT, min=summary.min_answers),
        t("export.about.mode", lang),
    ]
    if summary.named:
        lines.append(t("export.about.named", lang))
    else:
        lines.append(t("export.about.anonymous", lang, min=summary.min_answers))
        lines.append(held_back_line(held_back(summary), summary.min_answers, lang))
    if summary.include_notes:
        lines.append(t("export.about.notes", lang))
    lines += [left_out_line(item, lang) for item in summary.left_out]
    if not summary.named:
        lines.append(t("export.about.free_text", lang))
    return lines


def left_out_line(item: LeftOut, lang: str) -> str:
    """What an anonymous edition left out of one exercise, and how to put it back."""
    return t(f"export.about.left_out.{item.what}", lang, exercise=item.exercise, n=item.count)


def held_back_line(found: tuple[HeldBack, ...], minimum: int, lang: str) -> str:
    """What the report holds back for too few answers and why, or that it holds nothing back."""
    if not found:
        return t("trend.held.none", lang, min=minimum)
    figures = "; ".join(
        t("trend.held.item" if h.item else "trend.held.whole", lang, exercise=h.exercise, item=h.item, n=h.n)
        for h in found
    )
    return t("trend.held.some", lang, min=minimum, n=len(found), figures=figures)


def scale_text(scale: ScaleInfo, lang: str) -> str:
    """``Skala 1–5: 1 = lav … 5 = høj`` plus whether the scale was chosen by us."""
    text = (
        f"{t('export.scale', lang)} {scale.min}–{scale.max}: "
        f"{scale.min} = {scale.min_label} · {scale.max} = {scale.max_label}"
    )
    if scale.inferred:
        text += f" ({t('export.scale.inferred', lang)})"
    return text


def mode_lines(part: ScoredPart, lang: str) -> list[str]:
    """Which scores the figures use (entered or tallied) and whether the other kind exists too."""
    lines = [t(f"export.mode.{part.mode}", lang)]
    if part.other_mode:
        other = "participant" if part.mode == "tally" else "tally"
        lines.append(t(f"export.mode.other.{other}", lang))
    lines += over_room_lines(part, lang)
    return lines


def over_room_lines(part: ScoredPart, lang: str, *, live: bool = False) -> list[str]:
    """Each item tallied over the room, named as miscounted, and the rankings made only in part
    (the export and the wall alike: figures a reader should not take as they stand).

    ``live`` (the wall): without the rankings made in part, which a ranking being typed is
    until its last row (``figures.part_rankings``); the wall shows the items' n instead.
    """
    lines = [t("counts.tally.flag", lang, item=item, total=total, n=n) for item, total, n in part.over_room]
    if part.part_rankings and not live:
        lines.append(t("counts.ranking.part", lang, n=part.part_rankings))
    return lines


def scale_line(part: ScoredPart, lang: str) -> str:
    """The scale and, when the items have one, what a high score means."""
    direction = direction_text(part, lang)
    return f"{scale_text(part.scale, lang)}. {direction}" if direction else scale_text(part.scale, lang)


def direction_text(part: ScoredPart, lang: str) -> str:
    """What a high score means for the exercise's items (empty when neutral)."""
    directions = {i.direction for i in part.items}
    if directions == {"positive"}:
        return t("export.polarity.positive", lang)
    if directions == {"negative"}:
        return t("export.polarity.negative", lang)
    if {"positive", "negative"} <= directions:
        return t("export.polarity.mixed", lang)
    return ""


@dataclass(frozen=True)
class Highlight:
    """One highlight list as an export shows it: title, a note when tied, the items."""

    title: str
    note: str
    items: tuple[ItemSummary, ...]


def highlight_lists(part: ScoredPart, lang: str) -> list[Highlight]:
    """The best and the weakest items (``results.highlights``), each with its title."""
    titles = (
        ("export.top.best", "export.top.weakest")
        if part.directed
        else ("export.top.highest", "export.top.lowest")
    )
    out = []
    for key, ids in zip(titles, (part.top, part.bottom), strict=True):
        if not ids:
            continue
        note = t("export.top.tied", lang, n=len(ids)) if tied(ids) else ""
        out.append(Highlight(t(key, lang, k=TOP_COUNT), note, tuple(part.item(i) for i in ids)))
    return out


def list_text(item: ItemSummary, part: ScoredPart, lang: str) -> str:
    """An item's text in a highlight list: ``↺`` when reversed; in an exercise mixing
    positive and negative items, a negative one says that a high score is bad."""
    if item.reverse:
        return f"↺ {item.text}"
    if item.direction == "negative" and any(i.direction == "positive" for i in part.items):
        return f"{item.text} ({t('export.top.negative', lang)})"
    return item.text


def due_text(action: Action, lang: str) -> str:
    """An action's due date as a date (``20. januar 2027``), only when it is an ISO date; else ``–``."""
    day = iso_date(action.due)
    return long_date(day.isoformat(), lang) if day is not None else "–"


def undated(actions: tuple[Action, ...]) -> list[tuple[int, str]]:
    """(action number, text) of the actions whose due is written as text, not as a date."""
    return [
        (number_, " ".join(a.due.split()))
        for number_, a in enumerate(actions, start=1)
        if a.due.strip() and iso_date(a.due) is None
    ]


def status_text(item: ItemSummary, lang: str) -> str:
    """Why an item has no figures (empty for an item whose figures are shown)."""
    if item.status == "too_few":
        return t("export.status.too_few", lang, n=item.stats.n)
    if item.status in ("empty", "blind"):
        return t(f"export.status.{item.status}", lang)
    return ""


def figures(item: ItemSummary, lang: str) -> list[str]:
    """rank, n, mean, median, min–max, sd, flag as cell texts (``–`` when withheld)."""
    s = item.stats
    span = "–" if s.minimum is None else f"{s.minimum}–{s.maximum}"
    return [
        "–" if item.rank is None else str(item.rank),
        str(s.n),
        number(s.mean, lang),
        number(s.median, lang, 1),
        span,
        number(s.sd, lang),
        t("export.split", lang) if s.split else status_text(item, lang),
    ]


def figure_headers(lang: str) -> list[str]:
    """The column headings matching :func:`figures`."""
    keys = ("rank", "n", "mean", "median", "range", "sd", "flag")
    return [t(f"export.col.{k}", lang) for k in keys]


def item_groups(part: ScoredPart) -> list[ItemGroup]:
    """Items in their order, split under a heading whenever dimension or polarity changes.

    Statement diagnostics get one heading per dimension and polarity (the
    source's "Hvis der produceres kurs"); grids with dimensions one per dimension;
    everything else a single group without a heading.
    """
    # Each group's items are collected in a list and the groups made once at the end: a new
    # group per item added copied the items so far (quadratic in a group's length).
    profiles = {d.id: d for d in part.dimensions}
    runs: list[tuple[str, list[ItemSummary]]] = []
    current: tuple[str, str] | None = None
    for item in part.items:
        key = (item.dimension, item.polarity)
        if runs and key == current:
            runs[-1][1].append(item)
            continue
        current = key
        profile = profiles.get(item.dimension)
        heading = profile.label if profile is not None else ""
        if profile is not None and item.polarity == "produced" and profile.produced_label:
            heading = profile.produced_label
        elif profile is not None and item.polarity == "not_produced":
            heading = profile.not_produced_label or heading
        runs.append((heading, [item]))
    return [ItemGroup(heading, tuple(items)) for heading, items in runs]


def distribution_text(item: ItemSummary) -> str:
    """``0 · 3 · 4 · 5 · 0``: how many gave each score, lowest score first."""
    return " · ".join(str(count) for _, count in item.stats.distribution)


def vote_rule(part: VotePart, lang: str) -> str:
    """How the room voted: one choice each, or N dots (and whether that number is ours)."""
    if part.single:
        return t("export.vote.rule.single", lang)
    text = t("export.vote.rule.dots", lang, dots=part.dots, per_item=part.max_per_item)
    return f"{text} ({t('export.vote.inferred', lang)})" if part.inferred else text


def vote_count(part: VotePart, lang: str) -> str:
    """``4 har stemt; 10 prikker i alt.``, or why the result is not shown."""
    if part.status == "too_few":
        return t("export.vote.status.too_few", lang, n=part.voters)
    if part.status in ("empty", "blind"):
        return t(f"export.status.{part.status}", lang)
    if part.mode == "tally":
        return t("export.vote.count.tally", lang, total=part.total)
    if part.single:
        return t("export.vote.count.single", lang, voters=part.voters)
    return t("export.vote.count", lang, voters=part.voters, total=part.total)


def vote_order(part: VotePart) -> list[VoteOption]:
    """The options, most dots first (in the exercise's order while the result is withheld)."""
    by_id = {o.id: o for o in part.options}
    ranked = [by_id[i] for i in part.ranking]
    return ranked + [o for o in part.options if o.id not in part.ranking]


def share_text(share: float | None) -> str:
    """A share as a whole percentage (``29 %``), or ``–``."""
    return percent(share)


def track(mean: float | None, low: int, high: int, width: int = 21) -> str:
    """A text track for a bipolar mean: ``├─────●──────┤`` (``–`` without a mean)."""
    if mean is None or high <= low:
        return "–"
    cells = ["─"] * width
    cells[max(0, min(width - 1, round((mean - low) / (high - low) * (width - 1))))] = "●"
    return "├" + "".join(cells) + "┤"


def mean_text(item: ItemSummary, lang: str) -> str:
    """The mean a highlight list shows: as scored (the list's order says what is best)."""
    return number(item.stats.mean, lang)
