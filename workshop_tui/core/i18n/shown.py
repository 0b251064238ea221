"""How a date and an action's text are shown to people: one rule each, read by every shell.

A date was shown three ways (``2026-12-04`` on the screens and in the command line,
``4. december 2026`` in the exports, ``4 December 2026`` in English), and an action with no
text was a blank cell on one screen, ``–`` in an export and nothing at all on the wall.
Every place a person reads a date or an action now asks here; the files a program reads
(CSV, TOML) keep the ISO date and the empty cell.
"""

from __future__ import annotations

from datetime import date as Date

from workshop_tui.core.i18n import t

MONTH_KEYS = (
    "shown.month.1",
    "shown.month.2",
    "shown.month.3",
    "shown.month.4",
    "shown.month.5",
    "shown.month.6",
    "shown.month.7",
    "shown.month.8",
    "shown.month.9",
    "shown.month.10",
    "shown.month.11",
    "shown.month.12",
)
"""The month names, January first (``shown.month.1`` … ``shown.month.12``)."""


def long_date(iso: str, lang: str) -> str:
    """``2026-12-04`` as ``4. december 2026`` / ``4 December 2026``; any other text unchanged.

    A date written as words in an old file ("uge 14") is shown as written, never dropped.
    """
    try:
        day = Date.fromisoformat(iso.strip())
    except ValueError:
        return iso
    return t("shown.date", lang, day=day.day, month=t(MONTH_KEYS[day.month - 1], lang), year=day.year)


def has_text(text: str) -> bool:
    """Whether an action's ``text`` says anything (blank and whitespace-only do not)."""
    return bool(text.strip())


def action_text(text: str, lang: str) -> str:
    """An action's text as a person reads it: ``(uden tekst)`` / ``(no text)`` when blank.

    An action may have an owner and a date but no words yet (a group named who, not what);
    shown as nothing it read as a missing line. The CSV keeps the cell empty.
    """
    return text if has_text(text) else t("shown.action.no_text", lang)


def action_facts(owner: str, due: str, group: str, lang: str) -> str:
    """Who, by when and which group, on one line (``Mette · 20. januar 2027 · Gruppe 1``).

    The fields that are blank are left out; the date is shown by :func:`long_date`, and a
    line break typed into a field reads as a space (``text_safety.ONE_LINE``).
    """
    parts = (owner, long_date(due, lang) if due.strip() else "", group)
    return " · ".join(" ".join(x.split()) for x in parts if x.strip())
