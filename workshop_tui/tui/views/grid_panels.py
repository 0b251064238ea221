"""The texts around the score grid: the head, the highlighted item's detail and the side panel.

Every scored kind runs in the same grid (:mod:`workshop_tui.tui.views.grid`); what
differs per kind is what these panels say: a vote's dots and progress, a bipolar
item's poles, a paired item's side prompt, a placement's map, a reversed item's ↺.
"""

from __future__ import annotations

from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.votes import VoteBody
from workshop_tui.core.model import Exercise, Item, Session
from workshop_tui.core.results.figures import (
    aligned,
    answered,
    index_value,
    still_to_answer,
    tally_over_room,
)
from workshop_tui.core.results.rules import dimension_means, item_order
from workshop_tui.core.results.stats import ItemStats, describe
from workshop_tui.tui.widgets.charts import distribution_bars, fmt, localise, profile_bars, summary_line
from workshop_tui.tui.widgets.kind_charts import bipolar_lines, mirror_bars, placement_map, vote_bars
from workshop_tui.tui.widgets.score_grid import item_tag


def head_text(exercise: Exercise, session: Session, lang: str, *, compact: bool) -> tuple[Text, str]:
    """The instruction and scale above the grid, and the key help below it."""
    answers = session.answers_for(exercise.id)
    scale = exercise.scale
    assert scale is not None
    head = Text()
    if compact:
        pass
    elif exercise.prompt is not None:
        head.append(exercise.prompt.get(lang) + "\n")
    elif exercise.question is not None:
        head.append(exercise.question.get(lang) + "\n", style="bold")
    vote = exercise.body_if(VoteBody)
    if vote is not None:
        votes = vote.votes
        per_item = t("tui.vote.per_item", lang, n=votes.max_per_item) if votes.dots > 1 else ""
        rule = t("tui.vote.single", lang) if vote.single else None
        head.append(rule or t("tui.vote.each", lang, dots=votes.dots, per_item=per_item), style="dim")
        if answers.mode == "participant":
            head.append("   ·   " + _progress(exercise, session, lang), style="bold")
    else:
        head.append(
            f"{scale.min} = {scale.min_label.get(lang)}   {scale.max} = {scale.max_label.get(lang)}",
            style="dim",
        )
    mode = (
        t("tui.place.no_tally", lang)
        if not exercise.body.tallied
        else t(f"tui.grid.mode.{answers.mode}", lang)
    )
    head.append(f"   ·   {mode}", style="bold")
    if answers.counted_mode != answers.mode:
        # Switched without scores in the new mode yet: the figures still use the other ones.
        head.append(f"   ·   {t(f'tui.grid.counted.{answers.counted_mode}', lang)}", style="bold")
    warning = _count_warning(exercise, session, lang)
    if warning:
        head.append("\n" + warning, style="bold")
    if not answers.results_visible:
        head.append("\n" + t("tui.grid.blind_banner", lang), style="bold reverse")
    if answers.mode == "tally":
        keys = t("tui.grid.help_tally", lang)
    elif vote is not None and vote.single:
        keys = t("tui.vote.help_single", lang, n=min(len(exercise.items), 9))
    elif vote is not None:
        keys = t("tui.vote.help_dots", lang, high=vote.votes.max_per_item)
    else:
        ten = t("tui.grid.ten", lang) if scale.max == 10 else ""
        keys = t("tui.grid.help_participant", lang, low=scale.min, high=min(scale.max, 9), ten=ten)
    return head, keys


def _count_warning(exercise: Exercise, session: Session, lang: str) -> str:
    """What the wall and the exports flag about the counts (room25), said on the grid too:
    items tallied over the room (``tally_over_room``). Not the rankings made in part: typed
    here, every ranking is part-way until its last row (``figures.part_rankings``, counts26)."""
    over = tally_over_room(session, exercise.id)
    return t("counts.grid.over_room", lang, n=len(over)) if over else ""


def _progress(exercise: Exercise, session: Session, lang: str) -> str:
    """How many have voted, and who has not yet (by label: the facilitator's own screen).

    Both from the wall's own figures (``answered``, ``still_to_answer``): one room, one count.
    """
    n, total = answered(session, exercise.id)
    text = t("tui.vote.progress", lang, n=n, total=total)
    missing = [p.label for p in still_to_answer(session, exercise.id)]
    if missing and len(missing) <= 8:
        text += "  (" + t("tui.vote.missing", lang, who=", ".join(missing)) + ")"
    return text


def detail_text(
    exercise: Exercise,
    session: Session,
    item: Item,
    stats: ItemStats | None,
    lang: str,
    labels: dict[str, str],
    *,
    compact: bool,
) -> Text:
    """The highlighted row: its full text, what it means for this kind, and its figures."""
    scale = exercise.scale
    assert scale is not None
    answers = session.answers_for(exercise.id)
    stats = stats or describe([], scale.min, scale.max)
    text = Text(item_tag(exercise, item, lang) + item.text.get(lang) + "\n", style="bold")
    chart = exercise.body.chart
    if chart == "poles" and item.left is not None and item.right is not None:
        text.append(
            f"{scale.min} = {item.left.get(lang)}\n{scale.max} = {item.right.get(lang)}\n", style="dim"
        )
    elif chart == "mirror" and item.left is not None:
        text.append(item.left.get(lang) + "\n", style="dim italic")
    elif item.reverse:
        text.append(t("tui.reverse.tag", lang) + "\n", style="dim")
    if exercise.is_vote:
        if item.response is not None and answers.results_visible:
            text.append(f"→ {item.response.get(lang)}\n", style="dim")
        return text
    if answers.results_visible:
        if not compact:
            text.append_text(distribution_bars(stats, scale.min, scale.max, 24, lang))
            text.append("\n")
        text.append_text(summary_line(stats, lang, labels))
    else:
        text.append(f"n = {stats.n}   " + t("tui.grid.hidden", lang), style="dim")
    return text


def profile_text(
    exercise: Exercise, session: Session, stats: dict[str, ItemStats], lang: str, width: int
) -> Text | None:
    """The side panel: the kind's own chart, or a profile of the items; None when there is none."""
    answers = session.answers_for(exercise.id)
    if not answers.results_visible:
        return None
    title = Text(t("tui.grid.profile", lang) + "\n", style="bold")
    chart = exercise.body.chart
    if chart == "votes":
        return title + vote_bars(exercise, answers, lang, width)
    if chart == "poles":
        return title + bipolar_lines(exercise, answers, lang, width)
    if chart == "mirror":
        return title + mirror_bars(exercise, answers, lang, width)
    if chart == "map":
        return title + placement_map(exercise, answers, lang)
    if len(exercise.scored_items) < 2:
        return None
    scale = exercise.scale
    assert scale is not None
    if chart == "dimensions":
        # The same dimension means as the exports (results.dimension_means: a mean of item means).
        found = dimension_means(exercise, {k: s.mean for k, s in stats.items()})
        rows = []
        for dimension in exercise.dimensions:
            columns = found[dimension.id]
            rows.append((f"{dimension.label.get(lang)} +", columns.produced, False))
            rows.append((f"{dimension.label.get(lang)} −", columns.not_produced, False))
        return title + profile_bars(rows, scale.min, scale.max, 20, max(10, width - 30), lang)
    if exercise.has_reverse:
        title = Text(t("tui.reverse.profile", lang, high=scale.max) + "\n", style="bold")
    means = {i.id: aligned(stats[i.id].mean, scale, i.reverse) for i in exercise.scored_items}
    # The core's one order (results.item_order: best first by polarity), as the wall and the
    # exports list the items: a ranking's first place first, a resistance's least first.
    by_id = {i.id: i for i in exercise.scored_items}
    order = item_order(exercise, {k: s.mean for k, s in stats.items()})
    rows = [
        (item_tag(exercise, by_id[k], lang) + by_id[k].text.get(lang), means[k], stats[k].split)
        for k in order
    ]
    label = max(16, min(40, width // 2))
    bar = max(6, width - label - 10)
    text = title + profile_bars(rows, scale.min, scale.max, label, bar, lang)
    if exercise.has_reverse:
        index = index_value([means[i.id] for i in exercise.items])
        text.append(f"\n{t('tui.reverse.index', lang)} {localise(fmt(index), lang)}", style="bold")
    if exercise.dimensions:
        # Sub-scores (e.g. relations vs. communication): results.dimension_means, as in the exports.
        found = dimension_means(exercise, {k: s.mean for k, s in stats.items()})
        subs = [(d.label.get(lang), found[d.id].mean, False) for d in exercise.dimensions]
        text.append("\n\n")
        text.append_text(profile_bars(subs, scale.min, scale.max, label, bar, lang))
    return text
