"""The lines of a series that branches: each chain of sessions from its first day to a last one.

A series forks when two sessions follow the same one (two leader groups followed up after
one shared day, or a colleague's follow-up copied in beside ours). Its sessions in date
order then mix two groups, and "change since last" compared one group's day with another
group's. So a trend follows one *line*: the chain from the series' first session to the
session asked for, and on while exactly one session follows (``line_of``). The other lines
are its branches, each from where it leaves that line; a report shows them beside it (as
other leader groups), never as points of its time line.

Every function reads only ``Series.sessions`` (each listing's ``follows``): no file is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from workshop_tui.core.storage.headers import ListedSession
from workshop_tui.core.storage.listing import SessionListing
from workshop_tui.core.storage.series import MAX_SERIES, Series

Line = tuple[SessionListing, ...]
"""Sessions that follow each other, earliest first."""


def _facts(listing: SessionListing) -> ListedSession:
    assert listing.summary is not None  # a series holds only listings that were read
    return listing.summary


def lines(series: Series) -> tuple[Line, ...]:
    """Every line of ``series``: its first session to each session no session of it follows.

    The lines come in the date order of their last sessions; a series that does not branch
    is one line (its sessions). Sessions in a loop (no last session) are the series as one
    line, as before lines were told apart: the loop is reported by ``series_of``.
    """
    members = {_facts(x).id: x for x in series.sessions}
    followed = {_facts(x).follows for x in series.sessions}
    found: list[Line] = []
    for last in series.sessions:
        if _facts(last).id in followed:
            continue
        chain = [last]
        seen = {_facts(last).id}
        while (wanted := _facts(chain[-1]).follows) in members and len(chain) < MAX_SERIES:
            if wanted in seen:
                break
            chain.append(members[wanted])
            seen.add(wanted)
        found.append(tuple(reversed(chain)))
    return tuple(found) if found else (series.sessions,) if series.sessions else ()


def _shared(a: Line, b: Line) -> int:
    """How many first sessions two lines share."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x is not y:
            break
        count += 1
    return count


@dataclass(frozen=True)
class LineOf:
    """A session's line in its series, and the series' other branches beside it."""

    line: Line
    """The first session to the one asked for, and on while exactly one session follows."""
    branches: tuple[Line, ...] = ()
    """Every other line, from the first session where it leaves ``line``; date order of last sessions."""
    forks: bool = False
    """``line`` ends where two or more sessions follow (its branches go on from its last session)."""


def line_of(series: Series, session_id: str) -> LineOf:
    """The line ``session_id`` is on, and the branches beside it (see ``LineOf``).

    A session that two branches follow (or one before such a fork with nothing between)
    has the line up to the fork: the days all its branches share, so nothing of one branch
    is read as another's.
    """
    every = lines(series)
    through = [x for x in every if any(_facts(s).id == session_id for s in x)]
    if not through:
        return LineOf(series.sessions)
    own = through[0]
    if len(through) > 1:
        own = own[: min(_shared(own, other) for other in through[1:])]
    others = tuple(x[_shared(x, own) :] for x in every if x is not through[0] or len(through) > 1)
    return LineOf(own, tuple(x for x in others if x), forks=len(through) > 1)


def same_line(ids: Iterable[str], by_id: Mapping[str, SessionListing]) -> dict[str, frozenset[str]]:
    """Session id -> the ids of it and every session it follows back (its chain), as far as readable.

    Two sessions are on one line when one is in the other's chain: what groups the sessions
    a facilitator names together (``trend_sessions``), so two branches are two groups.
    """
    found: dict[str, frozenset[str]] = {}
    for session_id in ids:
        chain = [session_id]
        while (listing := by_id.get(chain[-1])) is not None and len(chain) < MAX_SERIES:
            wanted = _facts(listing).follows
            if not wanted or wanted in chain:
                break
            chain.append(wanted)
        found[session_id] = frozenset(chain)
    return found


def branch_facts(branches: Sequence[Line]) -> list[ListedSession]:
    """Each branch's latest session (what names it: ``results.distinct.group_labels``)."""
    return [_facts(branch[-1]) for branch in branches]


def trunk(found: Sequence[Line]) -> Line:
    """The first sessions every line shares (the days before the first fork)."""
    if not found:
        return ()
    return found[0][: min((_shared(found[0], other) for other in found[1:]), default=len(found[0]))]
