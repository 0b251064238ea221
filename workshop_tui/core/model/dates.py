"""Dates as people type them, made ISO: ``2027-01-20``, ``20.1.2027``, ``20/1`` all mean one day.

A trial action's date is read by the whole room and by management, and sorted and
exported; so it must be a real date. Danish habits are accepted (day first, ``.``
``/`` or ``-`` between the parts, a two-digit year); a date without a year is the
next such day from the reference date (the seminar's date), as a deadline lies ahead.
Anything else ("næste uge") is refused with a message that shows how to write it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date

from workshop_tui.core.model.answers import Action
from workshop_tui.core.model.refusal import Refused
from workshop_tui.core.text_safety import without_invisible

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{2}|\d{4}))?\.?$")


def normalise_date(text: str, reference: Date) -> str:
    """``text`` as an ISO date (``YYYY-MM-DD``); "" stays "".

    Raises:
        Refused: ``date.invalid`` — the text is not a date in any accepted form.
    """
    # As it looks: a zero-width space or a BOM pasted with the date (a web page, a mail; Textual's
    # own driver on Windows hands them on) made "20.1.2027" a refused "20.1.2027".
    raw = without_invisible(text).strip()
    if not raw:
        return ""
    iso = _ISO.match(raw)
    day_first = _DAY_FIRST.match(raw)
    try:
        if iso:
            return Date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if day_first:
            day, month, year = int(day_first[1]), int(day_first[2]), day_first[3]
            if year is not None:
                full = int(year) + (2000 if len(year) == 2 else 0)
                return Date(full, month, day).isoformat()
            candidate = _next_year(reference.year, month, day)
            if candidate < reference:
                candidate = _next_year(reference.year + 1, month, day)
            return candidate.isoformat()
    except ValueError:
        pass
    raise Refused("date.invalid", text=raw if len(raw) <= 40 else raw[:39] + "…")


def action_due(text: str, reference: Date, *, saved: str = "", as_written: bool = False) -> str:
    """An action's due date as ``normalise_date`` makes it, or ``text`` kept as written.

    Words that are no date are kept when they are the ones ``saved`` (an old file's "uge 12":
    editing the action's text must not refuse a date nobody typed now) or ``as_written`` is
    set: the facilitator left the date field holding "næste fredag", and a word typed before
    the room is never dropped. Every shell shows such a due as text that is not a date.

    Raises:
        Refused: ``date.invalid``, for other words.
    """
    try:
        return normalise_date(text, reference)
    except Refused:
        if as_written or text == saved:
            return text
        raise


def dated_action(
    action: Action, saved: tuple[Action, ...], index: int, session_date: str, *, as_written: bool = False
) -> Action:
    """``action`` with its due made ISO (``20.1.2027`` -> ``2027-01-20``) against the session's date.

    ``saved`` is the group's actions as kept: the due saved at ``index`` is kept as written
    (``action_due``), as are words when ``as_written``. ``Session.with_action`` delegates here.

    Raises:
        Refused: ``date.invalid``, the date is not a date.
    """
    kept = saved[index].due if 0 <= index < len(saved) else ""
    due = action_due(action.due, reference_date(session_date), saved=kept, as_written=as_written)
    return action if due == action.due else replace(action, due=due)


def _next_year(year: int, month: int, day: int) -> Date:
    """The first year from ``year`` that has this day (29 February waits for a leap year)."""
    for offset in range(8):
        try:
            return Date(year + offset, month, day)
        except ValueError:
            continue
    raise ValueError("no such day")


def reference_date(iso: str) -> Date:
    """The session's date as the reference for dates without a year (today if it is not a date)."""
    try:
        return Date.fromisoformat(iso)
    except ValueError:
        return Date.today()
