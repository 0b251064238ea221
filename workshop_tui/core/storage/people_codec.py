"""The session's people from their TOML tables: the participants and the groups, every problem recorded.

Split from ``session_codec`` (the session's own keys and tables), with a plain way for the
participants as the app writes them: a large session holds 400 of them.
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.i18n import phrase
from workshop_tui.core.model import Group, Participant
from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.model.limits import MAX_TEXT
from workshop_tui.core.model.session import MAX_PARTICIPANTS
from workshop_tui.core.storage.reader import Reader, check_id, check_ids, duplicates


def participants(reader: Reader) -> tuple[Participant, ...]:
    """The session's participants (``[[participants]]``), each problem added to the reader's."""
    found = _plain_participants(reader.data.get("participants"))
    if found is not None:
        reader.used.add("participants")
    else:
        found = _read_participants(reader)
    for dup in duplicates(p.id for p in found):
        reader.problems.add(
            reader.key("participants"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.participant"),
        )
    return tuple(found)


def _plain_participants(value: Any) -> list[Participant] | None:
    """The participants, when every one is a table of a valid ``id`` and a ``name`` that fits; else
    None (``_read_participants`` reads them and says what is wrong).

    Why: reading 400 participants a key at a time through a ``Reader`` each (its key path, its
    keys used, its unknown keys) was half of building a 400-person session; these are the same
    checks, whole, and a participant such a table gives is what the reader gives.
    """
    if type(value) is not list or len(value) > MAX_PARTICIPANTS:
        return None
    found = []
    for table in value:
        if type(table) is not dict:
            return None
        late: frozenset[str] = frozenset()
        if len(table) == 3:  # a latecomer's (``late_for``): one in a 400-person room is read plainly too
            given = table.get("late_for")
            if type(given) is not list or not given or not all(type(v) is str and valid_id(v) for v in given):
                return None
            late = frozenset(given)
        elif len(table) != 2:
            return None
        pid, name = table.get("id"), table.get("name")
        if not isinstance(pid, str) or not valid_id(pid) or type(name) is not str or len(name) > MAX_TEXT:
            return None
        found.append(Participant(id=pid, name=name, late_for=late))
    return found


def _read_participants(reader: Reader) -> list[Participant]:
    """The participants through the reader, every problem recorded (any table not plain)."""
    found: list[Participant] = []
    tables = reader.tables("participants", required=False)
    if len(tables) > MAX_PARTICIPANTS:
        reader.problems.add(
            reader.key("participants"),
            "problems.what.participants",
            "problems.fix.participants",
            n=str(len(tables)),
            most=str(MAX_PARTICIPANTS),
        )
        return []
    for sub in tables:
        pid = sub.string("id")
        if not valid_id(pid) and (pid or sub.has("id")):
            sub.problems.add(
                sub.key("id"),
                "problems.what.bad_participant_id",
                "problems.fix.participant_id",
                value=repr(pid[:60]),
            )
        name = sub.string("name", required=False)
        # The exercises done before a late participant was added (``Participant.late_for``).
        late = check_ids(sub, "late_for", sub.strings("late_for", required=False))
        found.append(Participant(id=pid, name=name, late_for=frozenset(late)))
        sub.finish()
    return found


def groups(reader: Reader) -> tuple[Group, ...]:
    """The session's groups (``[[groups]]``), at least one when the key is given."""
    found = []
    for sub in reader.tables("groups"):
        group_id = sub.string("id")
        check_id(sub, "id", group_id)
        found.append(Group(id=group_id, name=sub.string("name")))
        sub.finish()
    if not found and reader.has("groups"):
        reader.problems.add(reader.key("groups"), "problems.what.empty", "problems.fix.one_group")
    for dup in duplicates(g.id for g in found):
        reader.problems.add(
            reader.key("groups"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.group"),
        )
    return tuple(found)
