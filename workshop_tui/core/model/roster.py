"""Who is in the room: the rules of adding a participant and adding or renaming a group.

Pure functions over the session's ``participants`` and ``groups`` tuples, each returning the
new tuple; ``Session.with_participant``, ``with_group`` and ``with_group_name`` delegate here,
so the rules of a room's roster are read in one place apart from the answers' edits.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.model.people import MAX_GROUPS, MAX_PARTICIPANTS, Group, Participant
from workshop_tui.core.model.refusal import Missing, ScoreError
from workshop_tui.core.text_safety import clean_name, looks_blank, name_key, spelled


def joined(participants: tuple[Participant, ...], participant: Participant) -> tuple[Participant, ...]:
    """``participants`` with ``participant`` at the end (e.g. a phone that joined the vote as V3).

    Raises:
        ScoreError: the id is taken, is not a valid id, or the session is full.
    """
    if not valid_id(participant.id):
        raise ScoreError("participant.bad_id", participant=participant.id)
    if any(p.id == participant.id for p in participants):
        raise ScoreError("participant.taken", participant=participant.id)
    if len(participants) >= MAX_PARTICIPANTS:
        raise ScoreError("participants.full", max=MAX_PARTICIPANTS)
    return (*participants, participant)


def added_group(groups: tuple[Group, ...], name: str) -> tuple[Group, ...]:
    """``groups`` with a new group named ``name`` at the end, under the first free id ``gN``.

    Raises:
        ScoreError: the name is empty or taken, or there are ``MAX_GROUPS`` groups.
    """
    name = group_name(groups, name)
    if len(groups) >= MAX_GROUPS:
        raise ScoreError("groups.full", max=MAX_GROUPS)
    taken = {g.id for g in groups}
    number = len(groups) + 1
    while f"g{number}" in taken:
        number += 1
    return (*groups, Group(id=f"g{number}", name=name))


def renamed_group(groups: tuple[Group, ...], group_id: str, name: str) -> tuple[Group, ...]:
    """``groups`` with ``group_id`` renamed; its answers stay with it (they are kept by its id).

    Raises:
        ScoreError: the name is empty or another group's; Missing: no such group.
    """
    check_group(groups, group_id)
    name = group_name(groups, name, skip=group_id)
    return tuple(Group(g.id, name) if g.id == group_id else g for g in groups)


def group_name(groups: tuple[Group, ...], name: str, *, skip: str = "") -> str:
    """``name`` without surrounding spaces, refused when empty or another group's already.

    One name rule (``text_safety.clean_name``): what shows blank at the edges is trimmed and the
    name is NFC, so "Bord 1" and "Bord 1" with a blank Braille cell after it are one name, taken.
    """
    name = clean_name(" ".join(name.split()))
    if not name or looks_blank(name):
        raise ScoreError("group.name_empty")
    key = name_key(name)
    if any(name_key(g.name) == key for g in groups if g.id != skip):
        raise ScoreError("group.name_taken", name=name)
    return name


def check_group(groups: tuple[Group, ...], group_id: str) -> None:
    """Refuse a group id the session does not have (``Missing``), before an answer is kept for it."""
    if not any(g.id == group_id for g in groups):
        raise Missing("group.unknown", group=group_id)


def read_as_one(names: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The names that are one name by the one rule (``text_safety.name_key``), each set in order.

    The rule refuses a second "Bo" (or "Bo" with a blank Braille cell, or "Åse" in NFD) when
    a name is typed; a file from an older version, or edited by hand, may still hold two. Such
    a file opens as it is (their answers are kept apart by id), and the facilitator is told
    which names to tell apart. Unnamed (anonymous participants, the whole room) are not names.
    """
    by_key: dict[str, list[str]] = {}
    for name in names:
        if name:
            by_key.setdefault(name_key(name), []).append(name)
    return tuple(tuple(same) for same in by_key.values() if len(same) > 1)


SETS_SHOWN = 5
"""Sets of names said at most (a notice stays readable at 80x24)."""
NAME_SHOWN = 60
"""Characters of a spelled name said at most."""


def listed_apart(sets: tuple[tuple[str, ...], ...]) -> str:
    """``“Bo”, “Bo<U+2800>”; “Åse”, “A<U+030A>se”``: sets of ``read_as_one``, each name spelled
    (``text_safety.spelled``) so the two can be told apart; the app's notice and
    ``workshop export`` say them alike."""
    return "; ".join(
        ", ".join(f"“{spelled(name)[:NAME_SHOWN]}”" for name in same) for same in sets[:SETS_SHOWN]
    )
