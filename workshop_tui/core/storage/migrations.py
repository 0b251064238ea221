"""Ordered steps that bring old session files up to the current schema.

Each step takes the table of version N and returns the table of version N+1.
Steps never drop answers: data that has no place in the new format is an error
in the step, not something to discard. A file newer than this code is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workshop_tui.core.i18n import t

SCHEMA_VERSION = 3
"""The session file format this code writes; older files are migrated on load."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

WHOLE_ROOM_WORDS = ("Hele rummet", "Whole room")
"""What schema 1 wrote as the name of a session's one default group, in Danish or English."""


def _whole_room_as_code(data: dict[str, Any]) -> dict[str, Any]:
    """1 -> 2: the default group's name, written in the session's language, becomes a code.

    Schema 1 stored "Hele rummet" (or "Whole room") as a name, so a Danish session showed
    Danish in an English window and its exports. Schema 2 stores the whole room unnamed
    (``Group.WHOLE_ROOM``) and names it on display. Only the group a new session was made
    with (``g1``) changes, and only when it still has those words; every other name stays.
    """
    groups = data.get("groups")
    if isinstance(groups, list):
        data["groups"] = [
            {**group, "name": ""}
            if isinstance(group, dict) and group.get("id") == "g1" and group.get("name") in WHOLE_ROOM_WORDS
            else group
            for group in groups
        ]
    return data


def _latecomers_known(data: dict[str, Any]) -> dict[str, Any]:
    """2 -> 3: participants may say which exercises were done before they joined (``late_for``).

    Nothing to change: a schema 2 file has no such key, and every participant in it counts
    for every exercise, as before. The version is raised so that an older app refuses a file
    with latecomers as "made by a newer version" rather than as an unknown key to remove.
    """
    return data


MIGRATIONS: dict[int, Migration] = {1: _whole_room_as_code, 2: _latecomers_known}
"""from-version -> the step to the next version. Schema 1 is the first released format."""


class MigrationError(ValueError):
    """The file's schema version cannot be brought up to date.

    ``what`` and ``fix`` are catalogue keys (``problems.*``) sharing ``values``, said in the
    reader's language when the problem is shown; ``str()`` is the English, for logs.
    """

    def __init__(self, what: str, fix: str, **values: object) -> None:
        self.what = what
        self.fix = fix
        self.values = values
        super().__init__(f"{t(what, 'en', **values)} — {t(fix, 'en', **values)}")


def migrate(
    data: dict[str, Any], steps: dict[int, Migration] | None = None, target: int = SCHEMA_VERSION
) -> tuple[dict[str, Any], int]:
    """Bring a session table up to ``target``.

    Returns:
        The migrated table and the version the file had.

    Raises:
        MigrationError: no or a bad schema_version, a version newer than ``target``,
            or a missing step.
    """
    steps = MIGRATIONS if steps is None else steps
    if "schema_version" not in data:
        raise MigrationError("problems.what.no_schema", "problems.fix.open_a_session")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise MigrationError(
            "problems.what.bad_schema", "problems.fix.schema_number", value=repr(version)[:40]
        )
    if version > target:
        raise MigrationError(
            "problems.what.newer_schema",
            "problems.fix.update_newer",
            version=str(version),
            target=str(target),
        )
    original = version
    while version < target:
        step = steps.get(version)
        if step is None:
            raise MigrationError(
                "problems.what.no_migration",
                "problems.fix.update",
                version=str(version),
                next=str(version + 1),
            )
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data, original
