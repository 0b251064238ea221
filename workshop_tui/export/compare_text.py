"""A before/after comparison as plain text for the terminal, and the words its figures share.

``workshop compare`` prints ``render_text``; the Markdown and HTML renderers
(``compare_render``) write a side's mean, its n and its counts per score with the same
``mean_text``, ``side_text`` and ``counts``, so every format says "too few answers" alike.
Split from ``compare`` (which builds the :class:`~workshop_tui.export.compare.Comparison`)
so that the matching of sessions reads apart from how it is written out.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_tui.core.i18n import t
from workshop_tui.core.text_safety import for_terminal as line
from workshop_tui.export.compare import Comparison, Side
from workshop_tui.export.strings import long_date, number


def mean_text(side: Side, lang: str) -> str:
    """The mean, or why there is none (too few answers, blind, none)."""
    if side.mean is not None:
        return number(side.mean, lang)
    status = side.status if side.status in ("too_few", "blind") else "empty"
    return t(f"export.status.{status}", lang, n=side.n)


def side_text(side: Side, lang: str) -> str:
    """``3,42 (n = 12)`` or the reason for no figures."""
    if side.mean is None:
        return mean_text(side, lang)
    return f"{number(side.mean, lang)} (n = {side.n})"


def counts(distribution: Sequence[tuple[int, int]]) -> str:
    """``0·3·4·5·0``: counts per score, lowest first."""
    return "·".join(str(c) for _, c in distribution) or "–"


def render_text(comparison: Comparison) -> str:
    """The comparison for the terminal: plain text, no colours, fits 100 columns.

    Each text from the sessions is one line (``line``): the output's own lines are kept when
    printed, so a mailed item text with line breaks printed lines of figures the core never
    computed under the real ones (test_compare_text_lines).
    """
    lang = comparison.language
    b, a = comparison.before, comparison.after
    out = [
        t("export.cmp.title", lang),
        # Dates as every file says them (``long_date``): the terminal said "(2026-10-14)".
        f"  {t('export.cmp.before', lang)}: {line(b.title)} · {long_date(b.date, lang)}",
        f"  {t('export.cmp.after', lang)}: {line(a.title)} · {long_date(a.date, lang)}",
        "",
        t("export.cmp.moved", lang),
    ]
    if not comparison.moved:
        out.append(f"  {comparison.none_moved_text()}")
    for item in comparison.moved:
        out.append(f"  {item.change_text(lang):<19} {line(item.exercise)} · {line(item.text)}")
    for exercise in comparison.exercises:
        scale = "" if exercise.is_vote else f" ({t('export.scale', lang).lower()} {exercise.scale})"
        out += ["", line(exercise.title) + scale]
        if exercise.scale_changed:
            out.append(f"  ! {line(exercise.scale_changed)}")
        out += [f"  ! {line(note)}" for note in exercise.renamed]
        for item in exercise.items:
            out.append(f"  {line(item.text)}")
            out.append(
                f"      {side_text(item.before, lang)} → {side_text(item.after, lang)}"
                f"   {t('export.cmp.change', lang).lower()} {item.change_text(lang)}"
                f"   {counts(item.before.distribution)} → {counts(item.after.distribution)}"
            )
        if exercise.options:  # a vote all of whose options are hidden has no figures to introduce
            out.append(f"  {t('export.cmp.by_share' if exercise.single else 'export.cmp.by_dots', lang)}")
        for option in exercise.options:
            out.append(
                f"  {line(option.text)}: {option.value_text(option.before, lang)} → "
                f"{option.value_text(option.after, lang)}   {option.change_text(lang)}"
            )
        if exercise.hidden or exercise.unanswered:
            out.append(f"  ({exercise.hidden_text(lang)})")
        for key, texts in (
            ("export.cmp.only_before", exercise.only_before),
            ("export.cmp.only_after", exercise.only_after),
        ):
            if texts:
                out.append(f"  {t(key, lang)}: " + "; ".join(line(text) for text in texts))
    for key, texts in (
        ("export.cmp.only_before", comparison.only_before),
        ("export.cmp.only_after", comparison.only_after),
        ("export.cmp.not_compared", comparison.text_shared),
    ):
        out += ["", f"{t(key, lang)}:"]
        out += [f"  - {line(text)}" for text in texts] or [f"  {t('export.cmp.nothing', lang)}"]
    if comparison.unanswered:  # only with something left out: ``--all`` shows them in full
        out += ["", f"{t('export.cmp.unanswered_list', lang)}:"]
        out += [f"  - {line(text)}" for text in comparison.unanswered]
    return "\n".join(out) + "\n"
