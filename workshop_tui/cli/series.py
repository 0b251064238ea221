"""``workshop new --follows`` and ``workshop sessions``: the commands that know about series.

A follow-up is made from the earlier session's file (its room and programme, and last
time's actions to review); the list of sessions shows each series together, earliest
first, under a line naming it (a series that branches: the shared days, then each branch
under its name), and says what breaks a series (a missing or unreadable
earlier session) under the session that follows it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import long_date
from workshop_tui.core.results.distinct import group_labels
from workshop_tui.core.storage.branches import Line, branch_facts, followed_already, lines, trunk
from workshop_tui.core.storage.errors import in_line_order
from workshop_tui.core.storage.listing import SessionListing, ambiguous, find_session, list_sessions
from workshop_tui.core.storage.locations import UnsafeName, file_for, sessions_dir
from workshop_tui.core.storage.series import SeriesTables, series_of, series_roots, series_tables
from workshop_tui.core.text_safety import for_terminal, shown_name

TAKEN_FROM_EARLIER = ("participants", "groups", "programme", "exercise")
"""The options of ``new`` a follow-up takes from the earlier session instead."""


def follow_up_command(args: argparse.Namespace, lang: str) -> Path | int:
    """Make and save a follow-up of ``args.follows``; its path, or the exit status of a refusal.

    Raises:
        FileProblems: the earlier session's file cannot be read (each problem names it).
    """
    # The kinds and the library load here, not for ``workshop sessions`` (its start stays quick).
    from workshop_tui.core.kinds.action_review import ReviewBody
    from workshop_tui.core.model.ids import valid_date
    from workshop_tui.core.model.refusal import refusal_text
    from workshop_tui.core.storage.follow_up import REVIEW_EXERCISE, follow_up
    from workshop_tui.core.storage.library import load_library
    from workshop_tui.core.storage.sessions import load_session, save_session, session_path

    for option in TAKEN_FROM_EARLIER:
        if getattr(args, option):
            print(t("series.cli.taken", lang, option=f"--{option}"), file=sys.stderr)
            return 2
    found = find_session(args.follows)
    if found is None:  # several sessions by that id or title are named, not "none found"
        said = ambiguous(args.follows, lang) or t("series.cli.no_earlier", lang, name=args.follows)
        print(for_terminal(said), file=sys.stderr)
        return 1
    earlier = load_session(found)
    if not valid_date(args.date):
        print(for_terminal(f"--date: {t('cli.error.date', lang, date=args.date)}"), file=sys.stderr)
        return 2
    library = load_library(args.exercises)
    try:
        later = follow_up(
            earlier,
            # The title is the session's, shown on its wall and in its exports: in its language.
            title=args.title or t("series.cli.default_title", earlier.language, title=earlier.title),
            date=args.date,
            review=library.exercises.get(REVIEW_EXERCISE),
        )
        if args.organisation or args.facilitator:
            later = replace(
                later,
                organisation=args.organisation or later.organisation,
                facilitator=args.facilitator or later.facilitator,
            )
    except ValueError as error:  # a text longer than a session file holds
        print(for_terminal(refusal_text(error, lang)), file=sys.stderr)
        return 2
    path = session_path(later)
    save_session(later, path)
    review = next((e for e in later.exercises.values() if e.body_if(ReviewBody) is not None), None)
    count = len(review.body_as(ReviewBody).actions) if review is not None else 0
    print(
        for_terminal(
            t("series.cli.followed", lang, title=earlier.title, date=long_date(earlier.date, lang), n=count)
        )
    )
    print(for_terminal(t("cli.new.created", lang, path=path)))
    _bring_in(found, earlier.id, lang)
    _say_branch(later.id, earlier.id, path, lang)
    return path


def _say_branch(new_id: str, earlier_id: str, path: Path, lang: str) -> None:
    """Say so when the earlier session had a follow-up already: the new one starts a branch.

    Two follow-ups of one day are two leader groups, each its own line in a trend
    (``storage.branches``); a facilitator who meant the next day of a group that was
    followed up already (``--follows`` of the first day again) would see a trend that stops
    where it should go on. The latest session of each other branch is named, to follow instead.
    """
    latest = followed_already(series_of(new_id, list_sessions()), earlier_id, besides=new_id)
    if not latest:
        return
    note = t("series.branch_note", lang, titles=", ".join(_cut(x.title) for x in latest))
    ids_text = ", ".join(x.id for x in latest)
    print(for_terminal(t("series.cli.new_branch", lang, note=note, ids=ids_text, path=path)))


def _bring_in(found: Path, earlier_id: str, lang: str) -> None:
    """Copy a followed session's file from outside the sessions folder into it, as it is.

    A series is found among the folder's files: a follow-up of a colleague's mailed file
    left where it was had a broken series from the start (``workshop sessions`` said the
    earlier session "does not exist"), and no trend or "last time". A session of the folder
    with that id is never overwritten; a copy that fails is said, and the follow-up stays.
    """
    if any(x.summary is not None and x.summary.id == earlier_id for x in list_sessions()):
        return
    try:
        # By the one rule for a name from a file: the id was checked when the file was read, but
        # ``con`` or ``nul`` is a valid id that Windows takes for a device (the copy went there).
        target = file_for(sessions_dir(), earlier_id, ".toml")
    except UnsafeName as unsafe:
        print(for_terminal(t("series.cli.not_copied", lang, path=sessions_dir(), why=unsafe)))
        return
    try:
        with found.open("rb") as source, target.open("xb") as copy:
            shutil.copyfileobj(source, copy)
    except OSError as error:
        print(for_terminal(t("series.cli.not_copied", lang, path=target, why=error.strerror or error)))
        return
    print(for_terminal(t("series.cli.copied", lang, path=target)))


TITLE_AT_MOST = 80
"""Characters of a title or organisation a line of ``workshop sessions`` shows (longer: cut with …)."""


def _cut(text: str) -> str:
    """``text`` cut to ``TITLE_AT_MOST`` characters with …: a file mailed in may hold a title of
    thousands of characters, and each of its lines then filled the terminal for a screen or more;
    the file's path, which is how it is opened, stays whole."""
    return text if len(text) <= TITLE_AT_MOST else text[: TITLE_AT_MOST - 1] + "…"


def print_sessions(lang: str) -> int:
    """Print every session, each series together under a line naming it; broken files last."""
    listings = list_sessions()
    if not listings:
        print(for_terminal(t("cli.sessions.none", lang, folder=sessions_dir())))
        return 0
    roots = series_roots(listings)
    tables = series_tables(listings)  # once: per series it made the list quadratic in series
    chosen: dict[str, SessionListing] = {}  # the listing a series holds for an id (files may share one)
    for listing in listings:
        if listing.summary is not None and not listing.problems:
            chosen.setdefault(listing.summary.id, listing)
    members: dict[str, list[SessionListing]] = {}
    for session_id, listing in chosen.items():
        members.setdefault(roots[session_id], []).append(listing)
    shown: set[str] = set()
    for listing in listings:
        summary = listing.summary
        if summary is None or summary.progress is None:
            # The first by line, as opening the file and the home screen say it (the first
            # found named a score at line 1006 while opening started with the date at line 5).
            first = in_line_order(listing.problems)[0] if listing.problems else None
            print(for_terminal(f"{t('cli.sessions.broken', lang)}  {shown_name(listing.path)}"))
            if first is not None:
                print(for_terminal(f"    {first.text(lang)}"))
            continue
        root = roots.get(summary.id, "")
        if chosen.get(summary.id) is not listing or len(members.get(root, ())) < 2:
            _print_line(listing, listings, tables, lang, indent="")
            continue
        if root in shown:
            continue
        shown.add(root)
        series = series_of(summary.id, listings, tables)
        first_title = series.sessions[0].summary.title if series.sessions[0].summary else ""
        found = lines(series)
        if len(found) > 1:
            n = len(series.sessions)
            heading = t("series.cli.series_branched", lang, title=_cut(first_title), n=n, branches=len(found))
            print(for_terminal(heading))
            _print_branches(found, listings, tables, lang)
            continue
        print(for_terminal(t("series.cli.series", lang, title=_cut(first_title), n=len(series.sessions))))
        for member in series.sessions:
            _print_line(member, listings, tables, lang, indent="  ")
    return 0


def _print_branches(
    found: Sequence[Line], listings: list[SessionListing], tables: SeriesTables, lang: str
) -> None:
    """A series that branches: the days its branches share, then each branch under its name.

    In date order the sessions of two leader groups alternated under one heading, and only
    each line's "follows" told the groups apart. A branch is named as a trend's heatmap names
    it (``group_labels``: its latest session's title); each session is listed once, under
    the first branch it is on.
    """
    shared = trunk(found)
    for member in shared:
        _print_line(member, listings, tables, lang, indent="  ")
    printed = {id(x) for x in shared}
    latest = branch_facts(found)
    names = group_labels([(x.title, long_date(x.date, lang), x.title, x.id) for x in latest])
    for line, name in zip(found, names, strict=True):
        print(for_terminal(f"  {t('series.cli.branch', lang, name=_cut(name))}"))
        for member in line:
            if id(member) not in printed:
                printed.add(id(member))
                _print_line(member, listings, tables, lang, indent="    ")


def _print_line(
    listing: SessionListing, listings: list[SessionListing], tables: SeriesTables, lang: str, *, indent: str
) -> None:
    """One session's line (title, organisation, date, progress, file); what it follows and why it breaks."""
    session = listing.summary
    assert session is not None and session.progress is not None
    done, total = session.progress
    progress = t("cli.progress", lang, done=done, total=total)
    org = f" · {_cut(session.organisation)}" if session.organisation else ""
    where = shown_name(listing.path)
    if listing.path.stem != session.id:  # renamed or copied: the id inside opens it too (find_session)
        where += "  " + t("cli.sessions.id", lang, id=_cut(session.id))
    print(
        for_terminal(
            f"{indent}{_cut(session.title)}{org}  {long_date(session.date, lang)}  {progress}  {where}"
        )
    )
    if session.follows:
        earlier = tables.first_listed.get(session.follows)
        if earlier is not None:
            print(
                for_terminal(f"{indent}    ↳ {t('series.cli.follows_line', lang, title=_cut(earlier.title))}")
            )
        else:
            for problem in series_of(session.id, listings, tables).problems:
                print(for_terminal(f"{indent}    {problem.text(lang)}"))
