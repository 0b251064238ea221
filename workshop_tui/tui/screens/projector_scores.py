"""What the projector shows for rating grids, scales and statement diagnostics.

The figures are the summary's (:func:`workshop_tui.core.results.summary.exercise_summary`), the
same the exports print: the projector lays them out for the back of the room. Each
item gets its whole label (wrapped, never cut), its distribution as one bar split
into the scores' colours with the count inside each part, and its mean; a diagnostic
keeps its dimensions, with their profile first. Every symbol used is explained in a
legend at the bottom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.results.rules import legend as results_legend
from workshop_tui.core.results.rules import mark as highlight_mark
from workshop_tui.core.results.stats import ItemStats
from workshop_tui.core.results.summary_model import ItemSummary, ScoredPart
from workshop_tui.export.common import over_room_lines
from workshop_tui.tui.screens.projector_fit import fit_lines, measure, more_note
from workshop_tui.tui.screens.projector_held import held_back
from workshop_tui.tui.themes import score_colour
from workshop_tui.tui.widgets.cell_text import shorten
from workshop_tui.tui.widgets.charts import distribution_bars, fit, fmt, localise, profile_bars

LIGHT_TEXT_ON = frozenset({"#0072B2"})
"""Bar colours dark enough to carry white numbers (black on the others)."""


def stacked_bar(stats: ItemStats, low: int, high: int, width: int, thickness: int = 1) -> Text:
    """One bar of ``width`` cells split into the scores' colours, each part's count inside it.

    Every score given gets at least the width of its count, so a single answer still shows.
    """
    parts = [(score, count) for score, count in stats.distribution if count]
    total = sum(count for _, count in parts)
    if not total:
        return Text("")
    lengths = [max(len(str(count)), round(count / total * width)) for _, count in parts]
    while sum(lengths) > width and max(lengths) > 1:
        lengths[lengths.index(max(lengths))] -= 1
    lengths[lengths.index(max(lengths))] += max(0, width - sum(lengths))
    middle = (thickness - 1) // 2
    out = Text()
    for line in range(thickness):
        for (score, count), length in zip(parts, lengths, strict=True):
            colour = score_colour(score, low, high)
            ink = "#FFFFFF" if colour in LIGHT_TEXT_ON else "#000000"
            label = str(count) if line == middle else ""
            out.append(f"{label:^{length}}", style=f"bold {ink} on {colour}")
        if line < thickness - 1:
            out.append("\n")
    return out


def colour_key(part: ScoredPart) -> Text:
    """The scale's colours with their numbers, and what the ends mean."""
    scale = part.scale
    out = Text()
    out.append(f"{scale.min} = {scale.min_label}  ", style="bold")
    for value in range(scale.min, scale.max + 1):
        colour = score_colour(value, scale.min, scale.max)
        ink = "#FFFFFF" if colour in LIGHT_TEXT_ON else "#000000"
        out.append(f" {value} ", style=f"bold {ink} on {colour}")
    out.append(f"  {scale.max} = {scale.max_label}", style="bold")
    return out


def legend(
    part: ScoredPart, lang: str, *, marks: set[str], compact: bool = False, per_item: bool = True
) -> Text:
    """The symbols this screen uses, each with what it means (only those shown).

    Compact (a laptop's 24 rows): the symbols share one line and the bar's reading is left out.
    """
    out = colour_key(part)
    shown = [s for s in ("▲", "▼", "⚡", "↺", "±") if s in marks]
    best, weakest, _ = results_legend(part.directed, lang)
    for number, symbol in enumerate(shown):
        out.append("   " if compact and number else "\n")
        if symbol in ("▲", "▼"):  # the core's legend lines start with their symbol
            line = best if symbol == "▲" else weakest
            out.append(line[:1], style="bold")
            out.append(line[1:])
            continue
        out.append(f"{symbol if symbol != '±' else '+ −'} ", style="bold")
        out.append(t(f"tui.legend.{_LEGEND_KEYS[symbol]}", lang))
    if per_item and not compact:
        out.append("\n")
        out.append(t("tui.legend.bar", lang), style="dim")
    return out


_LEGEND_KEYS = {"▲": "top", "⚡": "split", "↺": "reverse", "±": "polarity"}
COMPACT_LINES = 30
"""Below this many lines for the results, the legend and the labels are made compact."""
MIN_BAR = 14
"""The narrowest distribution bar: room for five parts with their counts."""


def scored_results(part: ScoredPart, lang: str, width: int, height: int) -> RenderableType:
    """The results sized to the screen, under a warning for each item tallied over the room.

    A file may hold a tally that counts more people than are in the room (written before
    the grid refused it): the wall says so above the figures, in the exports' words
    (``export.common.over_room_lines``), rather than show them as if they held.
    """
    flags = over_room_lines(part, lang, live=True)  # a ranking being typed is part-way: not flagged
    part = held_back(part)
    if not flags:
        return _results(part, lang, width, height)
    note = Text("\n".join(f"⚠ {flag}" for flag in flags), style="bold")
    return Group(note, _results(part, lang, width, max(1, height - measure(note, width))))


def _results(part: ScoredPart, lang: str, width: int, height: int) -> RenderableType:
    """The results of a rating grid, scale or statement diagnostic, sized to the screen.

    Labels are whole and wrap at word boundaries; when the screen is too low for that, each
    label is shortened at a word boundary to one line (the bar and figures stay whole).
    """
    if len(part.items) == 1:
        return _single(part, lang, width, height)
    diagnostic = part.chart == "dimensions"
    if not diagnostic:
        # The core's one order (results.item_order, best first by polarity), as the grid's
        # profile and the exports list the items; a diagnostic keeps its statements by dimension.
        part = replace(part, items=in_core_order(part))
    compact = height < COMPACT_LINES
    blocks: list[RenderableType] = []
    available = height - (3 if compact else LEGEND_LINES) - (2 if part.index is not None else 0) - 1
    if diagnostic and part.dimensions:
        profile = _dimension_profile(part, lang, width)
        blocks += [profile, Text("")]
        available -= profile.plain.count("\n") + 2
    rows = available
    if diagnostic:
        available -= len({i.dimension for i in part.items})
    same_n = len({i.stats.n for i in part.items}) == 1
    label_width = _label_width(part, width - (0 if same_n else 7))
    labels = {i.id: _label_text(i, diagnostic) for i in part.items}
    heights = [_lines(labels[i.id], label_width) for i in part.items]
    thickness, gap = _fit_rows(heights, available)
    kept = part.items
    whole_labels = labels
    short = {i: shorten(text, label_width) for i, text in labels.items()}
    if sum(max(thickness, h) + gap for h in heights) > available:
        labels = short
        thickness, gap = _fit_rows([1] * len(heights), available)
        if len(heights) > available:  # one line each is still too many: show what fits, say how many not
            kept = _items_that_fit(part, rows - 1)

    def assemble(kept: tuple[ItemSummary, ...]) -> Group:
        shown = replace(part, items=kept)
        table, marks = _item_table(shown, lang, labels, width, label_width, thickness, gap, show_n=not same_n)
        out = [*blocks, table]
        if len(kept) < len(part.items):
            out.append(more_note(len(part.items) - len(kept), lang))
        if part.index is not None:
            out.append(
                Text(f"\n{t('tui.reverse.index', lang)} {localise(fmt(part.index), lang)}", style="bold")
            )
        return Group(*out, Text(""), legend(shown, lang, marks=marks, compact=compact))

    shown = assemble(kept)
    # The legend's lines were guessed (a symbol's words wrap on a narrow wall): laid out, the
    # whole is measured, and items give way until it fits the rows the wall has.
    ordered = _in_table_order(part)
    count = len(kept)
    while (over := measure(shown, width) - height) > 0:
        if labels is whole_labels or (thickness, gap) != (1, 0):
            # Too tall once laid out: labels on one line each and no room between rows come
            # before any item is left out.
            labels, thickness, gap = short, 1, 0
            shown = assemble(ordered[:count])
            continue
        if count <= 1:  # the rest alone is too tall (a scale's words of a page): cut by lines
            return fit_lines(shown, width, height, lang)
        count = max(1, min(count, len(ordered)) - max(1, over))  # fewer each time: it ends
        shown = assemble(ordered[:count])
    return shown


def in_core_order(part: ScoredPart) -> tuple[ItemSummary, ...]:
    """The items in ``part.ranking`` (the core's order); any it lacks after, as given."""
    by_id = {i.id: i for i in part.items}
    placed = [by_id.pop(i) for i in part.ranking if i in by_id]
    return (*placed, *by_id.values())


def _in_table_order(part: ScoredPart) -> tuple[ItemSummary, ...]:
    """The items in the order the table shows them: a diagnostic's by dimension."""
    by_dimension: dict[str, list[ItemSummary]] = {}
    for item in part.items:
        by_dimension.setdefault(item.dimension if part.chart == "dimensions" else "", []).append(item)
    return tuple(item for items in by_dimension.values() for item in items)


def _items_that_fit(part: ScoredPart, lines: int) -> tuple[ItemSummary, ...]:
    """The items, in the order the table shows them (a diagnostic's by dimension), that fit in
    ``lines`` at one line each, a dimension's heading line included."""
    diagnostic = part.chart == "dimensions"
    by_dimension: dict[str, list[ItemSummary]] = {}
    for item in part.items:
        by_dimension.setdefault(item.dimension if diagnostic else "", []).append(item)
    kept: list[ItemSummary] = []
    used = 0
    for items in by_dimension.values():
        for number, item in enumerate(items):
            need = 2 if diagnostic and number == 0 else 1
            if used + need > lines:
                return tuple(kept)
            kept.append(item)
            used += need
    return tuple(kept)


def _single(part: ScoredPart, lang: str, width: int, height: int) -> RenderableType:
    """One item (a scale): a bar per score value, as tall as the screen allows, and its figures."""
    item = part.items[0]
    scale = part.scale
    stats = item.stats
    if item.status != "shown":
        return Group(Text(item.text, style="bold"), Text(_withheld(item, lang), style="dim"))
    thickness, gap = fit(scale.max - scale.min + 1, max(4, height - 6))
    bars = distribution_bars(
        stats, scale.min, scale.max, max(10, width - 12), lang, thickness=thickness, gap=gap
    )
    figures = Text(f"\nn = {stats.n}    {t('tui.stat.mean', lang)} {localise(fmt(stats.mean), lang)}")
    figures.append(f"    {t('tui.stat.median', lang)} {localise(fmt(stats.median), lang)}")
    figures.stylize("bold")
    marks = {"⚡"} if stats.split else set()
    if stats.split:
        figures.append(f"    ⚡ {t('tui.grid.split', lang)}", style="bold reverse")
    return Group(bars, figures, Text(""), legend(part, lang, marks=marks, per_item=False))


LEGEND_LINES = 6
"""Lines kept for the legend below the items (blank line, colours, up to four symbols)."""


def _label_text(item: ItemSummary, diagnostic: bool) -> str:
    """An item's label as the table shows it: polarity and reverse marks, then the text."""
    sign = ("+ " if item.polarity == "produced" else "− ") if diagnostic and item.polarity else ""
    return sign + ("↺ " if item.reverse else "") + item.text


def _label_width(part: ScoredPart, width: int) -> int:
    """The label column: the longest label, leaving the bar a quarter of the screen (at least MIN_BAR)."""
    diagnostic = part.chart == "dimensions"
    longest = max(len(_label_text(i, diagnostic)) for i in part.items)
    return max(16, min(longest, width - FIXED - max(MIN_BAR, width // 4)))


FIXED = 3 + 5 + 2 * 3
"""The mark and mean columns and the gaps between the four columns."""


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` wraps to at ``width`` (words kept whole)."""
    lines, length = 1, 0
    for word in text.split():
        if length and length + 1 + len(word) > width:
            lines, length = lines + 1, len(word)
        else:
            length += len(word) + (1 if length else 0)
    return lines


def _fit_rows(heights: Sequence[int], available: int) -> tuple[int, int]:
    """(bar thickness, blank lines between rows) that fill ``available`` lines without overflowing.

    A row takes the larger of its wrapped label and its bar; the bars grow (up to 5 lines)
    only while every row still fits, so a tall projector is filled and a laptop is not overrun.
    """
    for gap in (1, 0):
        for thickness in range(5, 0, -1):
            if sum(max(thickness, h) + gap for h in heights) <= available:
                return thickness, gap
    return 1, 0


def _item_table(
    part: ScoredPart,
    lang: str,
    labels: dict[str, str],
    width: int,
    label_width: int,
    thickness: int,
    gap: int,
    *,
    show_n: bool,
) -> tuple[Table, set[str]]:
    """One row per item: marks, the label, the split distribution bar (as tall as the label), the mean."""
    scale = part.scale
    bar_width = max(MIN_BAR, width - label_width - FIXED - (7 if show_n else 0))
    table = Table.grid(padding=(0, 1), expand=False)
    table.add_column(width=3, no_wrap=True)
    table.add_column(width=label_width)
    table.add_column(width=bar_width, no_wrap=True)
    table.add_column(width=5, justify="right", no_wrap=True)
    if show_n:
        table.add_column(width=5, justify="right", no_wrap=True)
    header: list[Text | str] = ["", "", "", Text(t("tui.stat.mean", lang), style="dim")]
    header += [Text("n", style="dim")] if show_n else []
    table.add_row(*header)
    marks: set[str] = set()
    top = set(part.top)
    bottom = set(part.bottom)
    diagnostic = part.chart == "dimensions"
    by_dimension: dict[str, list[ItemSummary]] = {}
    for item in part.items:
        by_dimension.setdefault(item.dimension if diagnostic else "", []).append(item)
    blank: list[Text | str] = [""] * len(header)
    for dimension_id, items in by_dimension.items():
        if diagnostic:
            dimension = next((d for d in part.dimensions if d.id == dimension_id), None)
            heading = dimension.label if dimension else dimension_id
            table.add_row("", Text(heading.upper(), style="bold #FFD700"), *blank[2:])
        for item in items:
            mark = Text()
            if symbol := highlight_mark(item.id, top, bottom):
                mark.append(symbol, style="bold")
                marks.add(symbol)
            if item.stats.split and item.status != "miscounted":
                mark.append("⚡", style="bold")
                marks.add("⚡")
            if diagnostic and item.polarity:
                marks.add("±")
            if item.reverse:
                marks.add("↺")
            label = Text(labels[item.id], style="bold" if item.id in top else "")
            lines = max(thickness, _lines(labels[item.id], label_width))
            if item.status == "shown":
                bar = stacked_bar(item.stats, scale.min, scale.max, bar_width, lines)
                mean = Text(localise(fmt(item.stats.mean), lang), style="bold")
            else:
                bar, mean = Text(_withheld(item, lang), style="dim"), Text("–", style="dim")
            row: list[Text | str] = [mark, label, bar, mean]
            n = str(item.stats.n) if item.status != "miscounted" else "–"  # its n is the miscount
            row += [Text(n, style="dim")] if show_n else []
            table.add_row(*row)
            for _ in range(gap):
                table.add_row(*blank)
    return table, marks


def _withheld(item: ItemSummary, lang: str) -> str:
    """Why an item's figures are not on the wall (hidden, none yet, too few to stay anonymous)."""
    return t(f"tui.proj.status.{item.status}", lang, n=item.stats.n)


def _dimension_profile(part: ScoredPart, lang: str, width: int) -> Text:
    """A diagnostic's profile: per dimension the mean of its produced and not-produced statements."""
    rows: list[tuple[str, float | None, bool]] = []
    for dimension in part.dimensions:
        produced = dimension.produced_label or f"{dimension.label} {t('tui.grid.produced', lang)}"
        not_produced = dimension.not_produced_label or f"{dimension.label} {t('tui.grid.not_produced', lang)}"
        rows.append((f"+ {produced}", dimension.produced, False))
        rows.append((f"− {not_produced}", dimension.not_produced, False))
    label_width = min(max(len(r[0]) for r in rows), max(20, width // 2))
    title = Text(t("tui.proj.profile", lang) + "\n", style="bold #FFD700")
    return title + profile_bars(
        rows, part.scale.min, part.scale.max, label_width, max(10, width - label_width - 8), lang
    )
