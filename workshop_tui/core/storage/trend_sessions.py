"""Which sessions a trend reads: a session's whole series, and the other leader groups beside it.

``workshop trend`` and the app's "last time" read their sessions here, from the listed
sessions of the folder (``storage.listing``) and the series they make (``storage.series``):

- **One session named**: its line of its series (every session it follows, and every one
  that follows it up to a fork: ``branches.line_of``), the series' other branches beside
  it, and, for the heatmap, the latest session of every other series of the same
  organisation. The sessions of a series that branches are never one time line: "change
  since last" compared one leader group's day with another's.
- **Several named**: those sessions, grouped by line (two branches of one series are two
  groups); the first named session's group is the trend, the other groups are the
  heatmap's other rows.

A session of a series that is missing or cannot be read is reported (file and fix named,
``Problem``) and left out; the trend is made of the sessions that can be read.

A named session that is not in the folder (a colleague's mailed file, named by its path)
takes its place in the series by its own ``follows``, as if its file were in the folder:
it used to have no series, so it was grouped alone and shown only as another leader group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workshop_tui.core.i18n import phrase
from workshop_tui.core.model import Session
from workshop_tui.core.storage.branches import Line, line_of, same_line
from workshop_tui.core.storage.errors import Problem
from workshop_tui.core.storage.headers import ListedSession
from workshop_tui.core.storage.listing import SessionListing, list_sessions
from workshop_tui.core.storage.series import MAX_SERIES, series_of, series_roots, series_tables


@dataclass(frozen=True)
class TrendSessions:
    """The sessions of a trend: its series, other leader groups' series, and what could not be read."""

    series: tuple[Session, ...]
    others: tuple[tuple[Session, ...], ...] = ()
    problems: tuple[Problem, ...] = ()
    branches: tuple[tuple[Session, ...], ...] = ()
    """The series' other branches, each from where it leaves ``series`` (``branches.line_of``)."""
    forks: bool = False
    """``series`` ends where two or more branches follow it."""
    files: Mapping[str, Path] = field(default_factory=dict)
    """Session id -> the file each session of the trend was read from: a copy of a session (same
    id, another file) names its report apart (``export.trend_files.files_part``)."""


def _by_date(sessions: Sequence[Session]) -> tuple[Session, ...]:
    unique = {s.id: s for s in sessions}
    return tuple(sorted(unique.values(), key=lambda s: s.date))


def _load(
    listings: Sequence[SessionListing], problems: list[Problem], files: dict[str, Path] | None = None
) -> list[Session]:
    """The sessions of the listings that can be read; the others' problems are added, and each
    read session's file to ``files`` (a file named already stays: it is the one read)."""
    found = []
    for listing in listings:
        session = listing.session
        if session is None:
            problems += listing.problems
        else:
            found.append(session)
            if files is not None:
                files.setdefault(session.id, listing.path)
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
    read = {s.id: (files or {})[s.id] for s in named if s.id in (files or {})}
    roots = series_roots(listings)
    if len(named) == 1:
        session = named[0]
        series = series_of(session.id, listings)
        problems += series.problems
        found = line_of(series, session.id)
        earlier_and_later = [x for x in found.line if x.summary is None or x.summary.id != session.id]
        members = _load(earlier_and_later, problems, read)  # the named session is read already
        branches = tuple(_by_date(_load(branch, problems, read)) for branch in found.branches)
        if found.forks:
            problems.append(_forks(found.line[-1], found.branches, files or {}))
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
        groups = [_by_date(_load([listing], problems, read)) for listing in latest]
        return TrendSessions(
            _by_date([session, *members]),
            tuple(g for g in groups if g),
            tuple(problems),
            tuple(b for b in branches if b),
            found.forks,
            read,
        )
    # Grouped by line, not by series: two branches of one series are two leader groups.
    chains = same_line([s.id for s in named], series_tables(listings).by_id)
    grouped: list[list[Session]] = []
    for session in named:
        joined = next(
            (g for g in grouped if all(m.id in chains[session.id] or session.id in chains[m.id] for m in g)),
            None,
        )
        if joined is None:
            grouped.append([session])
        else:
            joined.append(session)
    first, *rest = (_by_date(g) for g in grouped)
    for others_group in rest:
        problems += (_other_series(s, first, files or {}) for s in others_group if not s.follows)
    return TrendSessions(first, tuple(rest), tuple(problems), files=read)


def _forks(last: SessionListing, branches: Sequence[Line], files: Mapping[str, Path]) -> Problem:
    """A warning: the session named is followed by two or more branches, so its trend stops there.

    Which branch "the" series goes on in is not for the report to guess; the fix names each
    branch's latest session, whose trend follows that branch through the shared days.
    """
    assert last.summary is not None
    # Only the branches that follow it (a branch that left the line earlier is no part of this fork).
    here = [b for b in branches if b[0].summary is not None and b[0].summary.follows == last.summary.id]
    facts = [branch[-1].summary for branch in here]
    return Problem(
        files.get(last.summary.id, last.path),
        "follows",
        phrase("problems.what.series.forks", title=repr(last.summary.title), n=len(here)),
        phrase("problems.fix.series.name_branch", ids=", ".join(x.id for x in facts if x is not None)),
        warning=True,
    )


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
