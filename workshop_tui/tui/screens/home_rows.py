"""The home screen's list as rows and columns: what each session's row says, and how wide.

Kept apart from the screen (``home.py``), which only puts these rows in its table: they are
built in the loading worker's thread, from the listings alone, and read no widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import long_date
from workshop_tui.core.storage.listing import SessionListing
from workshop_tui.core.storage.series import cut_off as series_cut_off
from workshop_tui.core.storage.series import grouped, series_places
from workshop_tui.core.text_safety import for_terminal, shown_name

ORGANISATION_WIDTH = 22
"""The organisation column's width when the series column is shown (longer names are cut)."""
TITLE_WIDTH = 64
"""The title column's widest (a mailed file's title may be one 300-character word: the date,
organisation and progress would be pushed off the screen; the cut title ends in …)."""
TITLE_NARROWEST = 16
"""The title column is not cut below this, however narrow the window (the rest then scrolls)."""
CELL_PADDING = 1
"""Textual's table pads each cell by one column each side (``DataTable.cell_padding``)."""


@dataclass(frozen=True)
class Layout:
    """What the table shows for one list: its sessions in order, columns, cells."""

    listings: list[SessionListing]
    columns: tuple[tuple[str, ...], tuple[int, ...]]
    """The headings and their widths."""
    rows: list[list[Text]]
    marked: bool
    """Whether the session opened last is in the list (then the hint says what ● means)."""
    room: int
    """The table's width the title column was fitted to (see ``HomeScreen._room``)."""


def session_layout(listings: list[SessionListing], lang: str, last: str | None, room: int) -> Layout:
    """The rows and columns that show ``listings`` in a table ``room`` columns wide.

    Built by the home screen's loading worker thread, so the screen's thread only puts them
    in the table (4,000 rows' cells take ~0.15 s). ``last`` is the file name of the session
    opened last (marked ●).
    """
    places = series_places(listings)
    cut_off = series_cut_off(listings)
    if places:
        listings = grouped(listings)
    rows = [session_row(listing, lang, last=listing.path.name == last) for listing in listings]
    keys = [
        "tui.home.col.title",
        "tui.home.col.date",
        "tui.home.col.org",
        "tui.home.col.progress",
        "tui.home.col.updated",
    ]
    if places or cut_off:  # a column only when some session is part of a series
        keys.insert(1, "series.home.series")
        for listing, row in zip(listings, rows, strict=True):
            row.insert(1, series_cell(listing, places, cut_off, lang))
    headers = [t(key, lang) for key in keys]
    # Widths are set here rather than measured by the table when it is next idle: that
    # measuring was sometimes skipped when the list was shown twice in quick succession
    # (quick list, then complete list), leaving every column as narrow as its heading.
    widths = []
    for number, header in enumerate(headers):
        width = max([cell_len(header), *(row[number].cell_len for row in rows)])
        if keys[number] == "tui.home.col.title":
            width = min(width, TITLE_WIDTH)
        if (places or cut_off) and keys[number] == "tui.home.col.org":
            width = min(width, ORGANISATION_WIDTH)  # room for the series column at 120 columns
        widths.append(width)
    # The date whole in view, the title cut with … to make room: at 80 columns the title's
    # 64 left the date as "2027-" (and the series' place before it); the columns after the
    # date are reached by scrolling, as before.
    date_at = keys.index("tui.home.col.date")
    beside = sum(width + 2 * CELL_PADDING for width in widths[1 : date_at + 1])
    widths[0] = min(widths[0], max(TITLE_NARROWEST, room - beside - 2 * CELL_PADDING))
    marked = any(listing.path.name == last for listing in listings)
    return Layout(listings, (tuple(headers), tuple(widths)), rows, marked, room)


def session_row(listing: SessionListing, lang: str, *, last: bool = False) -> list[Text]:
    """The cells of one session's row: title, date, organisation, progress, last change.

    The session opened last is marked ● (the list's order never follows use).

    Cells are Text, not str: the table reads a str as markup, so a title such as
    "Budget [/]" would stop the app and "[red]" would colour it. Each passes
    ``for_terminal``: the list is read from the files' headers, before any screen's
    copy of a session exists, and a title may carry escape sequences or line breaks.
    """
    session = listing.summary
    if session is None:
        state = "…" if listing.pending else t("tui.home.broken", lang)
        mark = "" if listing.pending else "⚠ "
        cells = [f"{mark}{shown_name(listing.path.name)}", "", "", state, ""]
    else:
        progress = "{}/{}".format(*session.progress) if session.progress else "…"
        updated = session.updated.replace("T", " ")[:16]
        title = ("● " if last else "  ") + session.title
        cells = [title, long_date(session.date, lang), session.organisation, progress, updated]
    row = [Text(for_terminal(cell), no_wrap=True, end="") for cell in cells]
    row[0].overflow = "ellipsis"  # a title wider than TITLE_WIDTH is cut with …
    return row


def series_cell(
    listing: SessionListing, places: dict[str, tuple[int, int, str]], cut_off: set[str], lang: str
) -> Text:
    """A session's place in its series ("2 af 3"), or ⚠ when the session it follows is missing.

    A series' sessions stand together in the list; ``workshop sessions`` names the
    missing or unreadable file and the fix.
    """
    session_id = listing.summary.id if listing.summary is not None else ""
    if session_id in cut_off:
        return Text(t("series.home.missing", lang), style="bold", no_wrap=True, end="")
    place = places.get(session_id)
    if place is None:
        return Text("", end="")
    number, total, _ = place
    cell = t("series.home.series_of", lang, n=number, total=total)
    return Text(for_terminal(cell), no_wrap=True, end="")
