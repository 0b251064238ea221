"""Which sessions a trend reads: a session's whole series, and the other leader groups beside it.

``workshop trend`` and the app's "last time" read their sessions here, from the listed
sessions of the folder (``storage.listing``) and the series they make (``storage.series``):

- **One session named**: its series (every session it follows and every one that follows
  it), and, for the heatmap, the latest session of every other series of the same
  organisation.
- **Several named**: those sessions, grouped by series; the first named session's group
  is the trend, the other groups are the heatmap's other rows.

A session of a series that is missing or cannot be read is reported (file and fix named,
``Problem``) and left out; the trend is made of the sessions that can be read.

A named session that is not in the folder (a colleague's mailed file, named by its path)
takes its place in the series by its own ``follows``, as if its file were in the folder:
it used to have no series, so it was grouped alone and shown only as another leader group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.i18n import phrase
from workshop_tui.core.model import Session
from workshop_tui.core.storage.errors import Problem
from workshop_tui.core.storage.headers import ListedSession
from workshop_tui.core.storage.listing import SessionListing, list_sessions
from workshop_tui.core.storage.series import MAX_SERIES, series_of, series_roots


@dataclass(frozen=True)
class TrendSessions:
    """The sessions of a trend: its series, other leader groups' series, and what could not be read."""

    series: tuple[Session, ...]
    others: tuple[tuple[Session, ...], ...] = ()
    problems: tuple[Problem, ...] = ()


def _by_date(sessions: Sequence[Session]) -> tuple[Session, ...]:
    unique = {s.id: s for s in sessions}
    return tuple(sorted(unique.values(), key=lambda s: s.date))


def _load(listings: Sequence[SessionListing], problems: list[Problem]) -> list[Session]:
    """The sessions of the listings that can be read; the others' problems are added."""
    found = []
    for listing in listings:
        session = listing.session
        if session is None:
            problems += listing.problems
        else:
            found.append(session)
    return found


def _with_named(
    listings: Sequence[SessionListing], named: Sequence[Session], files: Mapping[str, Path]
) -> list[SessionListing]:
    """``listings`` and a listing for each named session the folder does not hold (read already).

    Only its header facts are used (the series it is in); its path names it in a problem
    (an earlier session it follows that is missing), so it is the file it was read from.
    """
    held = {x.summary.id for x in listings if x.summary is not None and not x.problems}
    extra = [
        SessionListing(files.get(s.id, Path(f"{s.id}.toml")), ListedSession.of(s))
        for s in named
        if s.id not in held
    ]
    return [*listings, *extra]


def trend_sessions(
    named: Sequence[Session],
    listings: Sequence[SessionListing] | None = None,
    files: Mapping[str, Path] | None = None,
) -> TrendSessions:
    """The sessions a trend of ``named`` reads (see the module docstring).

    Args:
        named: the sessions named by the facilitator (already read), at least one.
        listings: the folder's sessions (default: ``list_sessions()``).
        files: session id -> the file a named session was read from (for its problems).
    """
    listings = _with_named(list_sessions() if listings is None else listings, named, files or {})
    problems: list[Problem] = []
    roots = series_roots(listings)
    if len(named) == 1:
        session = named[0]
        series = series_of(session.id, listings)
        problems += series.problems
        earlier_and_later = [x for x in series.sessions if x.summary is None or x.summary.id != session.id]
        members = _load(earlier_and_later, problems)  # the named session is read already
        own = roots.get(session.id, session.id)
        others: dict[str, list[SessionListing]] = {}
        for listing in listings:
            summary = listing.summary
            if summary is None or listing.problems or not session.organisation:
                continue
            root = roots.get(summary.id, summary.id)
            if root != own and summary.organisation == session.organisation:
                others.setdefault(root, []).append(listing)
        # The heatmap reads each other group's latest session only: the others are not read.
        latest = [max(group, key=lambda x: x.summary.date if x.summary else "") for group in others.values()]
        groups = [_by_date(_load([listing], problems)) for listing in latest]
        return TrendSessions(_by_date([session, *members]), tuple(g for g in groups if g), tuple(problems))
    grouped: dict[str, list[Session]] = {}
    for session in named:
        grouped.setdefault(roots.get(session.id, session.id), []).append(session)
    first, *rest = (_by_date(group) for group in grouped.values())
    for group in rest:
        problems += (_other_series(s, first, files or {}) for s in group if not s.follows)
    return TrendSessions(first, tuple(rest), tuple(problems))


def _other_series(session: Session, series: Sequence[Session], files: Mapping[str, Path]) -> Problem:
    """A warning: a named session outside the first one's series is no point of its time line.

    It is read as another leader group (a heatmap row beside the latest session), by design;
    but a colleague's later day made without ``--follows`` looked the same, and the report
    left it out with nothing said. Only a session that follows none is named (one that
    follows another series is another group's on purpose). The fix names the session it
    would come after, if any.
    """
    before = [s for s in series if s.date <= session.date]
    return Problem(
        files.get(session.id, Path(f"{session.id}.toml")),
        "follows",
        phrase("problems.what.series.other_series", title=repr(series[0].title)),
        phrase("problems.fix.series.follow_earlier", id=before[-1].id)
        if before
        else phrase("problems.fix.series.name_first"),
        warning=True,
    )


def previous_session(session: Session, listings: Sequence[SessionListing] | None = None) -> Session | None:
    """The session ``session`` follows ("last time"), or the nearest readable one before it in its chain.

    By its own ``follows``, not by date: a series may branch (two follow-ups of one day, a
    colleague's copied in beside ours), and the latest session before it by date was then
    another branch's day, not the one whose actions it reviews. An earlier session that
    cannot be read is passed over for the one it follows (its header names it), as before.
    """
    listings = list_sessions() if listings is None else listings
    by_id: dict[str, SessionListing] = {}
    for listing in listings:
        if listing.summary is not None:
            by_id.setdefault(listing.summary.id, listing)
    seen = {session.id}
    wanted = session.follows
    while wanted and wanted not in seen and len(seen) <= MAX_SERIES:
        seen.add(wanted)
        earlier = by_id.get(wanted)
        if earlier is None or earlier.summary is None:
            return None
        found = earlier.session
        if found is not None:
            return found
        wanted = earlier.summary.follows
    return None
