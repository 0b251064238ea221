"""Writing into a group's field from a device or the laptop, without one writer overwriting another.

A field is named by its key (``WriteField.key``: ``t:2``, ``challenge``, ``a:0:owner``).
Every write says which text it was typed over (its *base*, given as ``version_of`` that
text): when the field still holds the base, the write replaces it; when it already holds
exactly the new text (a write sent again after a lost answer), nothing changes; when
someone else changed the field meanwhile, both texts are kept, the later one under a
marker naming its writer (``merge``), so no word is ever silently lost. A date cannot
hold two dates: the later one wins and the other is kept in the action's text.

Pure functions on ``Session``: the voting server applies them through the keeper as one
edit per batch, and the app's views use the same rule for the facilitator's typing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Literal

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Action, Session
from workshop_tui.core.model.refusal import Missing

Outcome = Literal["saved", "same", "merged"]


def version_of(text: str) -> str:
    """The version a device holds of a field: a short hash of its text ("" for an empty field).

    A hash rather than a counter, so it means the same after the laptop restarts and
    needs nothing kept beside the session file.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text else ""


def marker(who: str, lang: str) -> str:
    """The line put between two writers' texts kept in one field."""
    return t("phone.write.marker", lang, who=who)


def merge(current: str, mine: str, who: str, lang: str) -> str:
    """Both texts in one field: what is there, then ``mine`` under a line naming its writer.

    When one text already holds the other (a device that kept typing on from the other's
    words, or a write sent twice), the longer one is all that is needed.
    """
    if mine in current:
        return current
    if current in mine:
        return mine
    return f"{current.rstrip()}\n{marker(who, lang)}\n{mine}"


def _shared(a: str, b: str, most: int) -> int:
    """How many first characters ``a`` and ``b`` share (at most ``most``): a binary search of
    slice comparisons, so a long text costs a few comparisons in C, not a loop per character."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _change(base: str, changed: str) -> tuple[int, int, str]:
    """What ``changed`` did to ``base``: replaced ``base[start:end]`` by the returned text.

    The stretch is widened to whole words, so two writers changing one word are seen to
    clash (not spliced letter by letter into a word neither wrote).
    """
    front = _shared(base, changed, min(len(base), len(changed)))
    most = min(len(base), len(changed)) - front
    back = _shared(base[::-1], changed[::-1], most)
    end = len(base) - back

    def boundary(i: int) -> bool:
        return i in (0, len(base)) or not base[i - 1].isalnum() or not base[i].isalnum()

    while not boundary(front):
        front -= 1
    while not boundary(end):
        end += 1
    return front, end, changed[front : len(changed) - (len(base) - end)]


def three_way(base: str, mine: str, current: str) -> str | None:
    """Both changes of ``base`` in one text, ``mine`` and the one that made ``current`` (None: they clash).

    Each change is one stretch of ``base`` replaced (a scribe types at one place between two
    saves). When the stretches do not overlap, both are made; when both writers added text
    at the same place (two scribes typing at the end), ``mine`` comes first. When both
    changed the same stretch, there is no one right answer: the caller keeps both texts.
    Over an empty field both texts are whole answers with no shared text to place them
    in: put together they read as one glued word ("beslutningMidlertidige"), so they clash.
    """
    m_start, m_end, m_new = _change(base, mine)
    o_start, o_end, o_new = _change(base, current)
    if (m_start, m_end, m_new) == (o_start, o_end, o_new):
        return current  # the same change by both
    if not base.strip():
        return None
    if m_start == m_end == o_start == o_end:
        return base[:m_start] + m_new + o_new + base[m_start:]
    if m_end <= o_start and (m_start, m_end) != (o_start, o_end):
        return base[:m_start] + m_new + base[m_end:o_start] + o_new + base[o_end:]
    if o_end <= m_start:
        return base[:o_start] + o_new + base[o_end:m_start] + m_new + base[m_end:]
    return None


def moved(cursor: int, before: str, after: str) -> int:
    """Where a cursor at ``cursor`` in ``before`` is in ``after``, another writer's change made.

    The facilitator's field is shown the merged text while they type in it: their cursor
    stays right after their own typing, so their next key goes on their word, not at the
    end of the device's. Text put in exactly at the cursor goes after it (``three_way``
    puts the writer's own text first where both add at one place). The change is the
    plain shared front and back (not widened to words, as ``_change`` is for clashes).
    """
    front = _shared(before, after, min(len(before), len(after)))
    most = min(len(before), len(after)) - front
    back = _shared(before[::-1], after[::-1], most)
    end = len(before) - back
    if end == front and len(after) > len(before):
        # Text put in where a letter repeats ("ringer " + " "): it could stand anywhere from
        # the far end of the shared back onwards. Taken as far to the front as it can go, a
        # cursor behind a space another writer typed before it moves on past that space.
        front = end = len(before) - _shared(before[::-1], after[::-1], len(before))
    if cursor <= front:
        return cursor
    if cursor >= end:
        return cursor + len(after) - len(before)
    return min(cursor, len(after) - back)


def field_text(session: Session, exercise_id: str, group_id: str, key: str) -> str:
    """The text a group's field holds now ("" when empty).

    Raises:
        Missing: the key names no field.
    """
    answers = session.answers_for(exercise_id)
    if key.startswith("t:"):
        return answers.texts.get(group_id, {}).get(key[2:], "")
    if key == "challenge":
        return answers.challenge.get(group_id, "")
    if key == "closing":
        return answers.closing.get(group_id, "")
    index, part = _action_key(key)
    actions = answers.actions.get(group_id, ())
    return str(getattr(actions[index], part)) if index < len(actions) else ""


def with_field(session: Session, exercise_id: str, group_id: str, key: str, text: str) -> Session:
    """``session`` with the group's field set to ``text`` (checked as a typed edit is)."""
    if key.startswith("t:"):
        return session.with_text(exercise_id, group_id, key[2:], text)
    if key == "challenge":
        return session.with_challenge(exercise_id, group_id, text)
    if key == "closing":
        return session.with_closing(exercise_id, group_id, text)
    index, part = _action_key(key)
    actions = session.answers_for(exercise_id).actions.get(group_id, ())
    action = actions[index] if index < len(actions) else Action()
    return session.with_action(exercise_id, group_id, index, replace(action, **{part: text}))


def _action_key(key: str) -> tuple[int, str]:
    head, _, rest = key.partition(":")
    number, _, part = rest.partition(":")
    if head != "a" or not number.isascii() or not number.isdigit() or len(number) > 3:
        raise Missing("field.unknown", field=key[:40])
    if part not in ("text", "owner", "due"):
        raise Missing("field.unknown", field=key[:40])
    return int(number), part


@dataclass(frozen=True)
class Written:
    """What a write did: the field's text after it, and whether it was saved, already there, or merged."""

    text: str
    outcome: Outcome

    @property
    def version(self) -> str:
        """The version the writer holds now."""
        return version_of(self.text)


def write_field(
    session: Session,
    exercise_id: str,
    group_id: str,
    key: str,
    text: str,
    base: str,
    who: str,
    base_text: str | None = None,
) -> tuple[Session, Written]:
    """Write ``text``, typed over the text of version ``base``, into a group's field.

    Args:
        who: the writer as the marker names them (``P3``, "facilitator").
        base_text: the text of version ``base`` when the caller still knows it: a change
            made meanwhile by someone else is then kept and this writer's change made
            beside it (``three_way``), without a marker.

    Raises:
        ValueError/KeyError: the session refuses the text (no such field, too long, a bad date).
    """
    current = field_text(session, exercise_id, group_id, key)
    if current == text:
        return session, Written(current, "same")
    if version_of(current) == base or not current.strip():
        session = with_field(session, exercise_id, group_id, key, text)
        return session, Written(field_text(session, exercise_id, group_id, key), "saved")
    if key.endswith(":due"):
        # Two dates cannot share a field: the later write wins, the other date is kept in the text.
        # Only this write's writer is known (not who wrote the date it replaces): the note says so.
        session = with_field(session, exercise_id, group_id, key, text)
        text_key = key[: -len("due")] + "text"
        later = field_text(session, exercise_id, group_id, key)
        note = t("phone.write.other_date", session.language, date=current, who=who, new=later)
        before = field_text(session, exercise_id, group_id, text_key)
        if note not in before:
            session = with_field(session, exercise_id, group_id, text_key, f"{before}\n{note}".strip())
        return session, Written(field_text(session, exercise_id, group_id, key), "merged")
    both = (
        three_way(base_text, text, current)
        if base_text is not None and version_of(base_text) == base
        else None
    )
    merged = both if both is not None else merge(current, text, who, session.language)
    session = with_field(session, exercise_id, group_id, key, merged)
    return session, Written(field_text(session, exercise_id, group_id, key), "merged")


def typed(session: Session, exercise_id: str, group_id: str, key: str, text: str, before: str) -> Session:
    """The facilitator's typing in a group's field, as the edit the app applies.

    ``before`` is what the field showed before this keystroke: when a device changed the
    field meanwhile, its words are kept beside the facilitator's (``write_field``).
    """
    who = t("phone.write.facilitator", session.language)
    return write_field(session, exercise_id, group_id, key, text, version_of(before), who, before)[0]
