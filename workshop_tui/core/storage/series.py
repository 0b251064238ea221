"""A series of sessions: the same leader group met again, each session naming the one it follows.

A session keeps only the id of the session it follows (``Session.follows``); the series is
found from the listed sessions of the folder (``storage.listing``), which read only each
file's header. So every file still opens alone, a series needs no file of its own, and a
missing or broken earlier session is a problem to report, never a session that cannot open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop_tui.core.i18n import phrase
from workshop_tui.core.storage.errors import Problem
from workshop_tui.core.storage.headers import ListedSession
from workshop_tui.core.storage.listing import SessionListing

MAX_SERIES = 200
"""The most sessions one series follows back; a longer chain is a loop or a hand-made mistake."""


@dataclass(frozen=True)
class Series:
    """The sessions of one series in date order (earliest first), and what stopped the chain."""

    sessions: tuple[SessionListing, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the sessions, in date order."""
        return tuple(_summary(s).id for s in self.sessions)

    def before(self, session_id: str) -> tuple[SessionListing, ...]:
        """The sessions of the series held before ``session_id`` (its earlier sessions, in date order)."""
        ids = self.ids
        return self.sessions[: ids.index(session_id)] if session_id in ids else ()


def _summary(listing: SessionListing) -> ListedSession:
    assert listing.summary is not None  # a series holds only listings that were read
    return listing.summary


def _readable(listings: Iterable[SessionListing]) -> dict[str, SessionListing]:
    """Session id -> its listing, for files that were read (the first of two files with one id)."""
    found: dict[str, SessionListing] = {}
    for listing in listings:
        if listing.summary is not None and not listing.problems:
            found.setdefault(listing.summary.id, listing)
    return found


def _chain_back(
    start: SessionListing, by_id: dict[str, SessionListing], listings: Sequence[SessionListing]
) -> tuple[list[SessionListing], list[Problem]]:
    """``start`` and the sessions it follows, latest first, and the problem that ended the chain."""
    chain = [start]
    seen = {_summary(start).id}
    while (wanted := _summary(chain[-1]).follows) and len(chain) < MAX_SERIES:
        follower = chain[-1]
        if wanted in seen:
            return chain, [
                Problem(
                    follower.path,
                    "follows",
                    phrase("problems.what.series.loop", value=repr(wanted)),
                    phrase("problems.fix.series.remove_loop"),
                )
            ]
        earlier = by_id.get(wanted)
        if earlier is None:
            return chain, [_missing(follower, wanted, listings)]
        chain.append(earlier)
        seen.add(wanted)
    return chain, []


def _missing(follower: SessionListing, wanted: str, listings: Sequence[SessionListing]) -> Problem:
    """Why the session ``follower`` follows cannot be had: its file is broken, or not there."""
    title = _summary(follower).title
    broken = next((x for x in listings if x.path.stem == wanted), None)
    if broken is not None:
        shown = [p for p in broken.problems if not p.hidden]
        first = shown[0] if shown else None
        return Problem(
            broken.path,
            first.key if first else "",
            (
                phrase("problems.what.series.unreadable_because", title=repr(title), what=first.what)
                if first
                else phrase("problems.what.series.unreadable", title=repr(title))
            ),
            (first.fix if first and first.fix else phrase("problems.fix.series.repair")),
            first.line if first else None,
        )
    expected = follower.path.parent / f"{wanted}.toml"
    return Problem(
        follower.path,
        "follows",
        phrase("problems.what.series.missing", value=repr(wanted), expected=str(expected)),
        phrase("problems.fix.series.copy_back"),
    )


@dataclass(frozen=True)
class SeriesTables:
    """What every series of one folder is found from, built once per list of sessions.

    Why: ``series_of`` for each series of a folder built these again from every listing, so
    ``workshop sessions`` was quadratic in the number of series: 1,000 ``workshop demo``
    copies (4,000 files, 2,000 series) took 11 s with the index, 4.4 s of it CPU (check6).
    """

    by_id: dict[str, SessionListing]
    """Session id -> its listing, for files that were read (``_readable``)."""
    followers: dict[str, list[SessionListing]]
    """Session id -> the readable sessions that follow it ("" -> those that follow none)."""
    first_listed: dict[str, ListedSession]
    """Session id -> the first listing's summary with it, read or with problems (what a line names)."""


def series_tables(listings: Sequence[SessionListing]) -> SeriesTables:
    """The tables ``series_of`` needs, to pass to it for every series of the same listings."""
    by_id = _readable(listings)
    followers: dict[str, list[SessionListing]] = {}
    for listing in by_id.values():
        followers.setdefault(_summary(listing).follows, []).append(listing)
    first_listed: dict[str, ListedSession] = {}
    for listing in listings:
        if listing.summary is not None:
            first_listed.setdefault(listing.summary.id, listing.summary)
    return SeriesTables(by_id, followers, first_listed)


def series_of(
    session_id: str, listings: Sequence[SessionListing], tables: SeriesTables | None = None
) -> Series:
    """The series ``session_id`` belongs to: the sessions it follows, itself, and those following it.

    The sessions come in date order (a tie keeps the order of the chain). A session that no
    session follows and that follows none is a series of one. The problems name the file
    to fix when an earlier session is missing or cannot be read (the series then starts
    after it) or the sessions follow each other in a loop. ``tables`` (``series_tables`` of
    the same ``listings``) saves building them again when every series is wanted.
    """
    tables = tables or series_tables(listings)
    by_id, followers = tables.by_id, tables.followers
    start = by_id.get(session_id)
    if start is None:
        return Series(())
    chain, problems = _chain_back(start, by_id, listings)
    members = list(reversed(chain))
    depth = {_summary(x).id: n for n, x in enumerate(members)}
    queue = [_summary(x).id for x in members]
    while queue and len(members) < MAX_SERIES:
        parent = queue.pop(0)
        for child in followers.get(parent, []):
            child_id = _summary(child).id
            if child_id not in depth:
                depth[child_id] = depth[parent] + 1
                members.append(child)
                queue.append(child_id)
    members.sort(key=lambda x: (_summary(x).date or "~", depth[_summary(x).id]))
    return Series(tuple(members), tuple(problems))


def series_roots(listings: Sequence[SessionListing]) -> dict[str, str]:
    """Session id -> the id of the first session of its series, for every session read.

    What a list groups by: sessions with the same root are one series. A session whose
    earlier session is missing roots its own series (its problem is reported by
    ``series_of``).
    """
    by_id = _readable(listings)
    roots: dict[str, str] = {}
    for session_id, listing in by_id.items():
        chain, _ = _chain_back(listing, by_id, listings)
        ids = [_summary(x).id for x in chain]
        looped = _summary(chain[-1]).follows
        # Sessions that follow each other in a loop (a -> b -> a, from hand edits or a hostile
        # file) are one series, as ``series_of`` finds it: each of them, and each session after
        # them, gets the loop's least id as its root, not the end of its own chain back (a's
        # root was b, b's was a: the list showed b twice, in the series and alone).
        roots[session_id] = min(ids[ids.index(looped) :]) if looped in ids else ids[-1]
    return roots


def series_problems(listings: Sequence[SessionListing]) -> tuple[Problem, ...]:
    """Every problem of every series in the folder, each once (for ``workshop sessions``)."""
    by_id = _readable(listings)
    found: dict[tuple[str, str, str], Problem] = {}
    for listing in by_id.values():
        if _summary(listing).follows:
            _, problems = _chain_back(listing, by_id, listings)
            for problem in problems:
                found.setdefault((str(problem.file), problem.key, str(problem)), problem)
    return tuple(found.values())


def grouped(listings: Sequence[SessionListing]) -> list[SessionListing]:
    """``listings`` with each series together, where its latest session stands; else unchanged.

    The list stays in its own order (latest first), so a series reads from its latest
    session down to its first, and a session in no series keeps its place.
    """
    roots = series_roots(listings)

    def root(listing: SessionListing) -> str | None:
        return roots.get(listing.summary.id) if listing.summary is not None and not listing.problems else None

    members: dict[str, list[SessionListing]] = {}
    for listing in listings:
        if (key := root(listing)) is not None:
            members.setdefault(key, []).append(listing)
    out: list[SessionListing] = []
    for listing in listings:
        key = root(listing)
        if key is None:
            out.append(listing)
        elif members.get(key):
            out.extend(members.pop(key))
    return out


def cut_off(listings: Sequence[SessionListing]) -> set[str]:
    """Ids of the read sessions that follow a session the list has no readable file for (shown ⚠).

    A set of the known ids, looked up once per session: the home screen built a tuple of
    every known id for each session (quadratic: ~0.1 s per list at 4,000 files, check6).
    """
    known = {x.summary.id for x in listings if x.summary is not None and not x.problems}
    return {
        x.summary.id
        for x in listings
        if x.summary is not None and x.summary.follows and x.summary.follows not in known
    }


def series_places(listings: Sequence[SessionListing]) -> dict[str, tuple[int, int, str]]:
    """Session id -> (its place in its series, the series' length, the first session's date).

    Only sessions in a series of two or more are listed; what a list of sessions shows in
    its series column. The places follow the dates, as in ``series_of``; in a series that
    branches (two sessions follow one), a session's place is on its own line (``branches``):
    its place in the chain it follows back, of the longest line through it. By date, the
    second day of one leader group read "3 af 4" when another group's day fell between.
    """
    by_id = _readable(listings)
    members: dict[str, list[SessionListing]] = {}
    for session_id, root in series_roots(listings).items():
        members.setdefault(root, []).append(by_id[session_id])
    places: dict[str, tuple[int, int, str]] = {}
    for root, group in members.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda x: (_summary(x).date or "~", _summary(x).id != root))
        on_lines = _line_places(group)
        for place, listing in enumerate(group, start=1):
            session_id = _summary(listing).id
            number, total = on_lines.get(session_id, (place, len(group)))
            places[session_id] = (number, total, _summary(group[0]).date)
    return places


def _line_places(group: Sequence[SessionListing]) -> dict[str, tuple[int, int]]:
    """Session id -> (its place on its line, the longest line through it); empty unless it branches.

    Every line is walked once from its last session back (a loop has no last session: its
    sessions keep their places by date).
    """
    ids = {_summary(x).id for x in group}
    followed = [_summary(x).follows for x in group if _summary(x).follows in ids]
    if len(followed) == len(set(followed)):
        return {}  # no session is followed twice: one line, places by date as before
    parent = {_summary(x).id: _summary(x).follows for x in group}
    found: dict[str, tuple[int, int]] = {}
    for last in ids - set(followed):
        chain = [last]
        while (up := parent.get(chain[-1], "")) in ids and up not in chain and len(chain) < MAX_SERIES:
            chain.append(up)
        for place, session_id in enumerate(reversed(chain), start=1):
            total = max(len(chain), found.get(session_id, (0, 0))[1])
            found[session_id] = (place, total)
    return found
