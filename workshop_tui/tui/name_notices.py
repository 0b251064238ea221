"""What the session screen says when a file holds two names that are one name (trust22).

Participants and groups are refused a name that is another's by the one name rule
(``text_safety.name_key``: blank edges, NFC, case). A file from an older version, or edited by
hand, may hold two such names: it opens as it is (nothing is locked out or lost: answers are
kept by id), and the facilitator is told the file, the names (spelled, so the two can be told
apart) and how to fix it: a group by Ctrl+R, a participant in the file.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.model.roster import listed_apart as _listed
from workshop_tui.core.model.roster import read_as_one


def twice_named(session: Session, path: Path, lang: str) -> list[str]:
    """The notices for ``session`` read from ``path``: one for participants, one for groups."""
    notices = []
    people = read_as_one(p.name for p in session.participants)
    if people:
        notices.append(t("tui.twice.participants", lang, file=path, names=_listed(people)))
    groups = read_as_one(g.name for g in session.groups)
    if groups:
        # The file's name only: the fix is made here (Ctrl+R), and at 80x24 both notices then fit.
        notices.append(t("tui.twice.groups", lang, file=path.name, names=_listed(groups)))
    return notices
