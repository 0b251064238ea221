"""Who is in the room and where the facilitator is: participants, groups, the saved position.

Leaves of the session (``model.session``), which holds them and exports their names too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from workshop_tui.core.i18n import t
from workshop_tui.core.model.limits import check_text
from workshop_tui.core.model.refusal import Refused
from workshop_tui.core.text_safety import clean_name, for_terminal, looks_blank, name_key, without_invisible

MAX_PARTICIPANTS = 500
"""The most participants a session holds (the file format refuses more)."""
MAX_GROUPS = 50
"""The most groups (tables) a session holds."""
PHONE_PREFIX = "v"
"""Participants who joined by phone are ``v1``, ``v2``…, apart from the ``p1``… typed for."""


_COUNT = re.compile(r"[+-]?[0-9]+")
_NAME_BREAKS = re.compile(r"[,;\n]")


def parse_title(raw: str) -> str:
    """A session's title as typed or read: trimmed, and refused when nothing would show.

    One rule for the command line (``--title``), the app's form and a file read: the form
    refused "   " but took a zero-width space, and ``workshop new --title " "`` made a session
    listed as a blank line, that no title could open. A title of characters drawn blank (the
    blank Braille cell U+2800, a Hangul filler: ``text_safety.looks_blank``) shows nothing
    too, and is refused; beside other letters they are kept. Raises ``Refused("title.blank")``.
    """
    title = raw.strip()
    if looks_blank(title):
        raise Refused("title.blank")
    return title


def parse_participants(raw: str) -> int | list[str]:
    """The participants typed for a new session: a count (1-500, anonymous) or a list of names.

    One rule for the command line (``--participants``) and the app's form, which had one each:
    the form took "²" for a count and stopped on it, "-3" was made one participant named
    "-3", and "Anne, Anne" two people no grid column, export or phone could tell apart.
    Names are separated by commas (semicolons and line breaks, as a column pasted from a
    spreadsheet, too). Raises ``Refused`` saying what to write instead.
    """
    # Invisible characters out first (the core's rule): "12\u200b" or a BOM before "12", as a
    # paste from a web page or Windows brings them, was one participant named "12".
    raw = without_invisible(raw).strip()
    if _COUNT.fullmatch(raw):
        count = int(raw)
        if not 1 <= count <= MAX_PARTICIPANTS:
            raise Refused("participants.count", most=MAX_PARTICIPANTS)
        return count
    # Each name as it will be shown (no control or invisible character: a column pasted from a
    # spreadsheet may carry a BOM or a zero-width space), so "Anne" and "An\u200bne", which no
    # column could tell apart, are one name said twice.
    # A name of characters drawn blank (``looks_blank``: the blank Braille cell) is no name either,
    # and what shows blank at a name's edges is no part of it (``clean_name``: one rule, NFC).
    names = [
        shown
        for name in _NAME_BREAKS.split(raw)
        if (shown := clean_name(for_terminal(name))) and not looks_blank(shown)
    ]
    if not names:
        raise Refused("participants.count", most=MAX_PARTICIPANTS)
    if len(names) > MAX_PARTICIPANTS:
        raise Refused("participants.full", max=MAX_PARTICIPANTS)
    seen: set[str] = set()
    for name in names:
        key = name_key(name)  # "Bo" and "Bo" + a blank Braille cell, or NFC and NFD: one name
        if key in seen:
            raise Refused("participants.twice", name=name)
        seen.add(key)
    return names


@dataclass(frozen=True)
class Participant:
    """A person in the room; anonymous participants have no name and show as P1…Pn.

    ``late_for`` are the exercises that were already done when the participant was added
    (a late phone's place, the voting panel's +): a latecomer does not make the exercises the
    room finished before they came incomplete again (``late_ids``), unless they answer them.
    """

    id: str
    name: str = ""
    late_for: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        check_text(self.id, "a participant id")
        check_text(self.name, "a participant's name")

    @property
    def label(self) -> str:
        """What the grid shows: the name, or the anonymous label (``p3`` -> ``P3``)."""
        return self.name or self.id.upper()

    @property
    def by_phone(self) -> bool:
        """Joined by phone: anonymous and numbered ``v1``, ``v2``… (see ``PHONE_PREFIX``)."""
        return not self.name and self.id.startswith(PHONE_PREFIX) and self.id[len(PHONE_PREFIX) :].isdigit()


@dataclass(frozen=True)
class Group:
    """A group or table that writes its own reflections and actions.

    The group a session starts with when the room is not split up has no name
    (``WHOLE_ROOM``): it is stored as a code, not as "Hele rummet", so the same file reads
    right in either language; :meth:`label` names it on display.
    """

    id: str
    name: str

    WHOLE_ROOM = ""
    """The stored name of the group that is the whole room."""

    def __post_init__(self) -> None:
        check_text(self.id, "a group id")
        check_text(self.name, "a group's name")

    def label(self, lang: str) -> str:
        """The name to show: the whole room's group is named in ``lang``."""
        return self.name or t("names.whole_room", lang)


@dataclass(frozen=True)
class Position:
    """Where the facilitator was, so reopening a session resumes exactly there."""

    exercise: str = ""
    row: int = 0
    column: int = 0
    group: str = ""


_room: tuple[tuple[Participant, ...], frozenset[str]] | None = None
"""The participants last asked about and their ids but the phones' (kept: the tuple's id is not reused)."""


def typed_for(participants: tuple[Participant, ...]) -> frozenset[str]:
    """The ids of the participants who count for every exercise: all but those who joined by phone.

    Asked on every save for the exercise it changed (``progress.exercise_status``, ``storage.seal``), while
    the participants stay the same tuple from key to key: it is worked out once per tuple
    (walking 40 participants took 22 µs of each keystroke's save on a slow VM). The same
    set each time also lets ``ScoredBody.done`` know a row it judged before.
    """
    global _room  # noqa: PLW0603 - one entry, replaced whole: safe beside another thread
    known = _room
    if known is not None and known[0] is participants:
        return known[1]
    ids = frozenset([p.id for p in participants if not p.by_phone])
    _room = (participants, ids)
    return ids


_late: tuple[tuple[Participant, ...], dict[str, frozenset[str]]] | None = None
"""The participants last asked about and, per exercise, who joined after it was done."""


def late_ids(participants: tuple[Participant, ...], exercise_id: str) -> frozenset[str]:
    """The ids of the participants added after ``exercise_id`` was done (``Participant.late_for``).

    One rule for the progress (``progress.exercise_status``: home list, ``workshop sessions``,
    the palette's "done") and the wall's "9 of 12 have answered" (``results.figures``): a
    latecomer counts for an exercise finished before they came only once they answer it.
    Worked out once per participants tuple, as ``typed_for``: it is asked on every save.
    """
    global _late  # noqa: PLW0603 - one entry, replaced whole: safe beside another thread
    known = _late
    if known is None or known[0] is not participants:
        by_exercise: dict[str, set[str]] = {}
        for p in participants:
            for exercise in p.late_for:
                by_exercise.setdefault(exercise, set()).add(p.id)
        known = (participants, {exercise: frozenset(ids) for exercise, ids in by_exercise.items()})
        _late = known
    return known[1].get(exercise_id, frozenset())


def room_for(
    participants: tuple[Participant, ...], exercise_id: str, answered: frozenset[str]
) -> list[Participant]:
    """Who is expected to answer ``exercise_id``, in the session's order: everyone typed for but
    those added after it was done (``late_ids``), and any phone or latecomer who answered it.

    The count behind "9 af 12 har svaret" on the wall and "Har stemt: 9 af 12" on the grid,
    by the rule ``progress.exercise_status`` judges "done" with.
    """
    late = late_ids(participants, exercise_id)
    return [p for p in participants if (not p.by_phone and p.id not in late) or p.id in answered]


def tally_room(participants: tuple[Participant, ...], exercise_id: str) -> int:
    """How many people a tally of ``exercise_id`` can count: ``room_for`` with nobody answered.

    A tally belongs to nobody, so only those typed for are in its room: not a place added
    after the exercise was done (``late_ids``), not a phone. The most a typed tally may say
    (``tui.views.grid_edits.tally_edit``) and the total of "n af N har svaret" for a tallied
    exercise (``results.figures.answered_marks``) are this one count: a late phone's place
    let a finished exercise's tally reach one more than its progress said were there.
    """
    return len(room_for(participants, exercise_id, frozenset()))


def tally_left(row: Mapping[int, int], score: int, room: int) -> int:
    """How many people ``score`` may count on one item whose tally is ``row``, in a room of ``room``.

    Each person gives an item one score, so an item's counts over all its scores add up to at
    most the room: 3 people tallied 3 at 1 and 3 at 2 made the wall say "6 af 6". The grid's
    guard (``tui.views.grid_edits.tally_edit``) refuses a count above this, and the figures
    (``results.figures.tally_over_room``) flag an item that already holds more.
    """
    return max(0, room - sum(count for key, count in row.items() if key != score))
