"""The one shape every id in a file must have, and the one check of a date.

Ids name files (a session's voting roll is ``<data dir>/voting/<session id>.toml``),
TOML keys and HTML element names, and they come from files anyone may have written.
So every id read from a file (sessions, participants, groups, exercises, items,
dimensions, zones, columns, options, programmes) is held to this one pattern, always
with ``fullmatch`` (``re.match`` with ``$`` lets a trailing line break through): ASCII
letters, digits, ``.``, ``_`` and ``-``, starting with a letter or a digit, so no id
can be empty, hidden (``.x``), climb a folder (``..``, ``/``) or carry a control
character.
"""

from __future__ import annotations

import re
from datetime import date

ID_MAX = 80
ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{ID_MAX - 1}}}")
"""The id pattern; use ``valid_id`` (or ``ID.fullmatch``), never ``ID.match``."""
ID_RULE = "use 1 to 80 ASCII letters, digits, '-', '.' or '_', starting with a letter or digit"
"""The fix that messages about a bad id give."""

FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def valid_id(value: object) -> bool:
    """Whether ``value`` is a string of the one id shape (the whole string, no trailing newline)."""
    return isinstance(value, str) and ID.fullmatch(value) is not None


def valid_date(value: object) -> bool:
    """Whether ``value`` is an ISO date ``YYYY-MM-DD`` between 1900 and 2199.

    ``date.fromisoformat`` alone also takes ``20261014`` and week dates; the shape is
    checked first so a date is always written the one way the exports show it.
    """
    if not isinstance(value, str) or _ISO_DATE.fullmatch(value) is None:
        return False
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DATE <= day <= LAST_DATE
