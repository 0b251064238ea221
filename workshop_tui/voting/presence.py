"""What the facilitator's screen counts of the room: devices joined, writing, and heard from lately.

The desk (``desk.Desk``) notes when each device last asked anything; from that and the roll
this module counts who is connected now, and ``Progress`` carries the counts with the open
round's answers to the screens. Apart from the desk's rules of joining and voting, as a reader
looking for "why does the panel say 3 connected" looks here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import inf

from workshop_tui.voting.roll import Roll, is_writer

PRESENT_SECONDS = 120.0
"""A device that asked the server anything this recently counts as connected (``Progress.present``).

A page open on a phone asks at least every ``Limits.poll_seconds`` (25 s, the long poll), so
well within this; a phone put away, or its page closed, stops asking."""


@dataclass(frozen=True)
class Progress:
    """How far the room has come with the open round, for the facilitator's screen."""

    joined: int
    """Devices that ever joined this session's vote and hold a place (writing devices hold none,
    so "svar: 10 af 12 tilsluttede" is never short by the groups' writing phones)."""
    answered: int
    """Voters with at least one answer to the open exercise."""
    complete: int
    """Voters who answered every item of it."""
    places: int = 0
    """Places a phone could take now (``places.free_places``)."""
    turned_away: int = 0
    """Joins refused because no place was free, since places were last added."""
    locked_for: float = 0.0
    """Seconds joining stays locked after too many wrong codes (0 when open)."""
    writers: int = 0
    """Devices that joined only to write a group's sheet (no place): shown apart, so the panel
    never says "telefoner: 0" while the groups' phones are writing."""
    present: int = 0
    """Of ``joined``, the devices heard from in the last ``present_seconds`` (the roll keeps every
    device that ever joined, also a phone that left an hour ago: leaving cuts off only these)."""
    present_writers: int = 0
    """Of ``writers``, those heard from in the last ``present_seconds``."""
    present_seconds: float = PRESENT_SECONDS


def device_counts(roll: Roll, heard: Mapping[str, float], now: float) -> tuple[int, int, int]:
    """Writing devices (no place); the others heard from lately; the writing ones heard from lately.

    ``heard`` maps a device id to when it last asked anything (``Desk`` keeps it, in memory only).
    """
    seats = roll.seats
    since = now - PRESENT_SECONDS
    writers = present = present_writers = 0
    for pid in roll.devices.values():
        writing = is_writer(pid) and pid not in seats
        is_heard = heard.get(pid, -inf) >= since
        writers += writing
        present += is_heard and not writing
        present_writers += is_heard and writing
    return writers, present, present_writers
