"""What the projector shows for the newer kinds: the question, then the results.

``projector.question_text`` and ``projector.projected`` ask here first and fall
back to their own drawing (rating grids, scales, sheets) when these return None.
Nothing here shows a name or a note: the projector is for the whole room.
"""

from __future__ import annotations

from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Exercise, Session
from workshop_tui.tui.widgets.charts import fit
from workshop_tui.tui.widgets.kind_charts import bipolar_lines, mirror_bars, placement_map, vote_bars

NEW_KINDS = frozenset({"single_choice", "dot_vote", "bipolar", "paired_rating", "two_axis", "table"})


def kind_question(exercise: Exercise, lang: str) -> Text | None:
    """The question of a newer kind as the room sees it before the results; None for the others."""
    if exercise.kind not in NEW_KINDS:
        return None
    text = Text()
    for part in (exercise.prompt, exercise.question):
        if part is not None:
            text.append(part.get(lang) + "\n\n", style="bold")
    if exercise.is_vote:
        votes = exercise.votes
        assert votes is not None
        for number, item in enumerate(exercise.items, start=1):
            text.append(f"{number:>2}. {item.text.get(lang)}\n")
        if exercise.kind == "single_choice":
            text.append("\n" + t("tui.vote.single", lang), style="bold")
        else:
            per_item = t("tui.vote.per_item", lang, n=votes.max_per_item)
            text.append("\n" + t("tui.vote.each", lang, dots=votes.dots, per_item=per_item), style="bold")
    elif exercise.kind == "table":
        for instruction in exercise.instructions:
            text.append(f"{instruction.get(lang)}\n")
        labels = " │ ".join(c.label.get(lang) for c in exercise.columns)
        text.append(f"\n{labels}", style="bold")
    else:
        _scored_question(exercise, lang, text)
    text.rstrip()
    return text


def _scored_question(exercise: Exercise, lang: str, text: Text) -> None:
    scale = exercise.scale
    assert scale is not None
    if exercise.kind == "paired_rating":
        left = exercise.left_label.get(lang) if exercise.left_label else ""
        right = exercise.right_label.get(lang) if exercise.right_label else ""
        text.append(f"◧ {left}   ◨ {right}\n\n", style="bold")
        for number, item in enumerate(exercise.items, start=1):
            text.append(f"{number:>2}. {item.text.get(lang)}\n")
    elif exercise.kind == "bipolar":
        for item in exercise.items:
            left = item.left.get(lang) if item.left else ""
            right = item.right.get(lang) if item.right else ""
            text.append(f"• {left}  ↔  {right}\n")
    else:
        for item in exercise.items:
            text.append(f"• {item.text.get(lang)}\n")
        if exercise.zones:
            text.append("\n" + " · ".join(z.label.get(lang) for z in exercise.zones) + "\n")
    text.append(
        f"\n{scale.min} = {scale.min_label.get(lang)}    {scale.max} = {scale.max_label.get(lang)}",
        style="bold",
    )


def kind_results(session: Session, exercise: Exercise, lang: str, width: int, height: int) -> Text | None:
    """The results of a vote, bipolar, paired or two-axis exercise; None for the others."""
    answers = session.answers_for(exercise.id)
    if exercise.is_vote:
        thickness, gap = fit(len(exercise.items), max(4, height - 6))
        return vote_bars(exercise, answers, lang, width, thickness=thickness, gap=gap)
    if exercise.kind == "bipolar":
        return bipolar_lines(exercise, answers, lang, width, gap=1 if height > 4 * len(exercise.items) else 0)
    if exercise.kind == "paired_rating":
        return mirror_bars(exercise, answers, lang, width, gap=1 if height > 4 * len(exercise.items) else 0)
    if exercise.kind == "two_axis":
        return placement_map(exercise, answers, lang, cell=5 if width > 80 else 3)
    return None
