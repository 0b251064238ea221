"""The shapes a trend is made of: sessions, points, lines, heatmap rows (``trends`` builds them).

Kept apart from the building so ``trends`` stays about matching and comparing sessions;
``trends`` re-exports them, so readers import them from there as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.results.held_back import HeldBack
from workshop_tui.core.results.numbers import difference
from workshop_tui.core.results.rules import Change, judge_change


@dataclass(frozen=True)
class SessionRef:
    """One session of the trend: what a report names it by, and its minimum of answers."""

    id: str
    title: str
    date: str
    min_answers: int
    organisation: str = ""


@dataclass(frozen=True)
class Point:
    """An item's or a dimension's figures in one session, as that session's export has them."""

    n: int
    """Answers to the item (a dimension: its items with a figure shown)."""
    mean: float | None
    """None when held back (too few answers), blind or empty."""
    status: str
    """``shown``, ``too_few``, ``blind`` or ``empty`` (``rules.status_of``)."""
    distribution: tuple[tuple[int, int], ...] = ()
    sd: float | None = None
    comparable: bool = True
    """False: another scale, polarity or set of items than the latest session; never subtracted."""


@dataclass(frozen=True)
class Line:
    """An item or a dimension across the sessions of the series."""

    id: str
    label: str
    direction: str
    """``positive``, ``negative`` or ``neutral``: what a higher mean means."""
    points: tuple[Point | None, ...]
    """One per session of the exercise (``ExerciseTrend.sessions``); None where it was not asked."""

    def _means(self) -> list[float | None]:
        return [p.mean if p is not None and p.comparable else None for p in self.points]

    @property
    def change(self) -> float | None:
        """The latest mean minus the one before it; None unless both are shown and comparable.

        Between the figures as written (``numbers.difference``), as the report shows them.
        """
        means = self._means()
        if len(means) < 2 or means[-1] is None or means[-2] is None:
            return None
        return difference(means[-2], means[-1])

    @property
    def since_first(self) -> float | None:
        """The latest mean minus the first; None unless both are shown and comparable.

        Between the figures as written (``numbers.difference``), as the report shows them.
        """
        means = self._means()
        if len(means) < 2 or means[-1] is None or means[0] is None:
            return None
        return difference(means[0], means[-1])

    @property
    def verdict(self) -> Change | None:
        """What ``change`` means: better / worse by polarity, higher / lower, same."""
        return judge_change(self.change, self.direction)

    @property
    def verdict_since_first(self) -> Change | None:
        """What ``since_first`` means."""
        return judge_change(self.since_first, self.direction)

    @property
    def spread(self) -> float | None:
        """Highest minus lowest comparable mean over the sessions (None with fewer than two)."""
        means = [m for m in self._means() if m is not None]
        return difference(min(means), max(means)) if len(means) >= 2 else None


@dataclass(frozen=True)
class HeatRow:
    """One leader group (series) in the heatmap: its latest session's values, one per column."""

    label: str
    """The group's latest session's title; with its date (title, id) where two rows share it."""
    session: SessionRef
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class ExerciseTrend:
    """One scored exercise that recurs in the series."""

    id: str
    title: str
    low: int
    high: int
    """The latest session's scale."""
    sessions: tuple[SessionRef, ...]
    """The sessions that ran it, earliest first."""
    items: tuple[Line, ...]
    dimensions: tuple[Line, ...]
    notes: tuple[str, ...] = ()
    """What could not be compared, and why (in the trend's language)."""
    columns: tuple[str, ...] = ()
    """The heatmap's columns: dimension labels (item texts without dimensions)."""
    oriented: bool = False
    """The heatmap's values are turned by polarity (higher = better), not plain means."""
    heat: tuple[HeatRow, ...] = ()
    """One row per leader group of the organisation; empty unless there are two or more."""


@dataclass(frozen=True)
class RanOnce:
    """An exercise, of any kind, run in only one session of the series: no trend, but listed.

    ``label`` is what every format prints: the title, with its number in that session's
    agenda (then the date, then the id) added where another entry reads the same, so two
    exercises called "Refleksion" are two entries and not one read twice.
    """

    id: str
    kind: str
    title: str
    label: str
    session: SessionRef
    number: int
    """Its place in that session's agenda (1 = first)."""
    review: ReviewRun | None = None
    """An action review: its counts in that session (done, not done, carried), as a review run
    again lists them; a review run in one session was listed without them (explore14)."""


@dataclass(frozen=True)
class RunAgain:
    """An exercise with no means to trend, run in two or more sessions of the series: what a
    written exercise, a vote and an action review listed again have in common
    (``trends_again.ran_again`` makes them, ``trends_again.told_apart`` labels them).

    ``label`` is what every format prints, told apart as ``RanOnce.label`` is.
    """

    id: str
    kind: str
    title: str
    label: str
    sessions: tuple[SessionRef, ...]
    """The sessions that ran it, earliest first."""


@dataclass(frozen=True)
class WrittenAgain(RunAgain):
    """A written exercise (a sheet, an action list, a table, open answers) run in two or more
    sessions of the series: no figures to follow, but a facilitator meeting the group again
    wants to see it came back, and how much was written each time.
    """

    answers: tuple[int, ...]
    """Per session, what was written (``trends.written_answers``: group texts, actions, table
    rows or open answers)."""


@dataclass(frozen=True)
class Trend:
    """Everything ``workshop trend`` reports."""

    language: str
    sessions: tuple[SessionRef, ...]
    exercises: tuple[ExerciseTrend, ...]
    once: tuple[RanOnce, ...]
    """Exercises of every kind run in only one session of the series (no trend to show)."""
    held_back: tuple[tuple[SessionRef, tuple[HeldBack, ...]], ...]
    """Per session, the figures of the trend's exercises held back for too few answers."""
    groups: tuple[str, ...] = ()
    """The leader groups (series) in the heatmaps, the series itself first."""
    written: tuple[WrittenAgain, ...] = ()
    """Written exercises run in two or more sessions, listed with what each session wrote."""
    votes: tuple[VoteAgain, ...] = ()
    """Votes run in two or more sessions, with each session's top options."""
    reviews: tuple[ReviewAgain, ...] = ()
    """Action reviews run in two or more sessions, with each session's done / not done / carried."""
    branches: tuple[str, ...] = ()
    """The series' other branches (``storage.branches``), named as the heatmap names groups:
    ``sessions`` is one line of a series that forks, and these are never points of it."""
    forks: bool = False
    """``sessions`` ends where the branches start: the session asked for is followed twice or more."""


@dataclass(frozen=True)
class TopOption:
    """One of a vote's top options in one session: the wall's ranking (dots, ▲ on the winners)."""

    text: str
    count: int
    """What the wall shows beside it: the dots it got in a dot vote, the people who chose it in a
    single choice (one vote each). Not ``dots``: for a single choice that name read as wrong."""
    rank: int
    winner: bool


@dataclass(frozen=True)
class VoteRun:
    """A vote in one session: its top options, or why none are shown (too few voted, blind)."""

    session: SessionRef
    status: str
    """``shown``, ``too_few``, ``blind`` or ``empty``: the session's own summary's (anonymity)."""
    voters: int
    options: tuple[TopOption, ...]
    """The top options: ranked within ``rules.TOP_COUNT`` (ties kept), most dots first; empty unless
    shown. Not named ``top``: that field name holds ids, never escaped (``markdown_escape.KEEP``)."""


@dataclass(frozen=True)
class VoteAgain(RunAgain):
    """A dot vote or single choice run in two or more sessions: per session its top options,
    so the facilitator sees whether the room still puts the same things first."""

    runs: tuple[VoteRun, ...]
    """One per session, earliest first."""


@dataclass(frozen=True)
class ReviewRun:
    """Last time's actions reviewed in one session: how many got each status, how many carried over.

    Each status is counted apart (``statuses``): partly done, not started and dropped are not one
    "not done" to a manager reading the trend (a dropped action is a decision, not a delay).
    """

    session: SessionRef
    actions: int
    statuses: tuple[tuple[str, int], ...]
    """(status, how many actions have it) for each status the review knows (``action_review.STATUSES``:
    done, partly, not_started, dropped), then ``open`` (not reviewed yet); zeros kept, and together
    they are every action (``actions``)."""
    carried: int
    """Copied into that session's own action list (whatever their status)."""

    def count(self, status: str) -> int:
        """How many actions have ``status`` (``open``: not reviewed yet)."""
        return dict(self.statuses).get(status, 0)

    @property
    def done(self) -> int:
        """How many actions were done."""
        return self.count("done")

    @property
    def open(self) -> int:
        """How many actions were not reviewed (yet)."""
        return self.count("open")

    @property
    def not_done(self) -> int:
        """Reviewed and not done: partly, not started or dropped together."""
        return self.actions - self.done - self.open

    @property
    def counted(self) -> tuple[tuple[str, int], ...]:
        """Every count a trend writes of the run, in order: each status, then ``carried``."""
        return (*self.statuses, ("carried", self.carried))


@dataclass(frozen=True)
class ReviewAgain(RunAgain):
    """An action review run in two or more sessions (a series of follow-ups), per session its counts."""

    runs: tuple[ReviewRun, ...]
    """One per session, earliest first."""
