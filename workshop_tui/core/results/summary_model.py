"""The shape of a session summary: frozen dataclasses, no logic.

A :class:`Summary` is computed once by :func:`workshop_tui.core.results.summary.build_summary`
and then only *read* by the Markdown, HTML and CSV renderers and by the
comparison, so every figure in every export comes from the same place. Texts are
already in the session's language; numbers are left unformatted (renderers
format them for their reader).
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.model.exercise import Chart
from workshop_tui.core.results.edition import LeftOut
from workshop_tui.core.results.rules import ItemStatus
from workshop_tui.core.results.stats import ItemStats
from workshop_tui.core.results.summary_review import ReviewPart, ReviewRow
from workshop_tui.core.results.summary_written import (
    ActionPart,
    BoxSummary,
    GroupActions,
    GroupTable,
    GroupText,
    MatrixPart,
    OpenAnswer,
    OpenAnswersPart,
    ReflectionPart,
    TableColumn,
    TablePart,
    TableRow,
)

__all__ = [  # re-exported: the renderers import every part from here
    "ActionPart",
    "ReviewPart",
    "ReviewRow",
    "BoxSummary",
    "GroupActions",
    "GroupTable",
    "GroupText",
    "ItemStatus",
    "MatrixPart",
    "OpenAnswer",
    "OpenAnswersPart",
    "ReflectionPart",
    "TableColumn",
    "TablePart",
    "TableRow",
]

TALLY_LABEL = "tally"
"""The participant label of a score recorded as a tally (nobody's in particular)."""
ANONYMOUS_LABEL = ""
"""The participant label of a score in an anonymous summary: none (see ``summary``)."""


@dataclass(frozen=True)
class Score:
    """One score and who gave it (no label unless named; ``tally`` when counted in the room)."""

    label: str
    value: int


@dataclass(frozen=True)
class ItemSummary:
    """One scored item: its text, its figures (blank unless ``status == "shown"``)."""

    id: str
    text: str
    stats: ItemStats
    status: ItemStatus
    dimension: str = ""
    polarity: str = ""
    """A statement diagnostic's column: ``produced`` or ``not_produced`` (empty otherwise)."""
    direction: str = "neutral"
    """What a higher score means for this item: ``positive``, ``negative`` or ``neutral``."""
    rank: int | None = None
    """1 = best after polarity (highest on a neutral exercise); equal means share a rank
    (1, 2, 2, 4); None with fewer than the session's minimum of answers (``results.highlights``)."""
    note: str = ""
    scores: tuple[Score, ...] = ()
    """Every score given, for the CSV (empty unless the item's figures are shown)."""
    left: str = ""
    """Bipolar: the pole at the low end (paired rating: the side's prompt)."""
    right: str = ""
    reverse: bool = False
    """Negatively worded: ``aligned_mean`` is the mean turned round on the scale."""
    aligned_mean: float | None = None
    """The mean as drawn in the profile and counted in the index (turned round when reversed)."""
    oriented_mean: float | None = None
    """The mean with higher = better (turned round when the item is negative)."""

    @property
    def shown(self) -> bool:
        """Whether the figures may be shown."""
        return self.status == "shown"


@dataclass(frozen=True)
class ScaleInfo:
    """The scale an exercise was scored on, with its end labels."""

    min: int
    max: int
    min_label: str
    max_label: str
    inferred: bool


@dataclass(frozen=True)
class DimensionProfile:
    """One dimension (e.g. Kurs) summarised over its items.

    Each mean is the mean of the item means (every statement weighs the same) over
    the items whose figures are shown; None when there is none.
    """

    id: str
    label: str
    definition: str = ""
    mean: float | None = None
    produced: float | None = None
    not_produced: float | None = None
    produced_label: str = ""
    not_produced_label: str = ""


@dataclass(frozen=True)
class PairRow:
    """One item of a paired rating: both sides' means and the gap (left − right)."""

    id: str
    text: str
    left: float | None
    right: float | None
    gap: float | None
    left_prompt: str = ""
    right_prompt: str = ""


@dataclass(frozen=True)
class PairPart:
    """A paired rating's two sides (e.g. inner world / ecosystem) and their gaps."""

    left_label: str
    right_label: str
    divider: str
    rows: tuple[PairRow, ...]


@dataclass(frozen=True)
class ZoneCount:
    """How many people placed themselves in one zone."""

    id: str
    label: str
    x: str
    y: str
    count: int


@dataclass(frozen=True)
class PlacementPart:
    """A two-axis placement: the points, the zones and the centroid (blank unless shown)."""

    x_label: str
    y_label: str
    low: int
    high: int
    status: ItemStatus
    n: int
    points: tuple[tuple[int, int, int], ...] = ()
    """(x, y, how many people)."""
    zones: tuple[ZoneCount, ...] = ()
    on_line: int = 0
    centroid: tuple[float, float] | None = None

    @property
    def too_few(self) -> int | None:
        """How many placed themselves when that is too few to show where (anonymity), else None."""
        return self.n if self.status == "too_few" else None


@dataclass(frozen=True)
class ScoredPart:
    """The results of a ``rating_grid``, ``scale`` or ``statement_diagnostic``."""

    scale: ScaleInfo
    mode: str
    items: tuple[ItemSummary, ...]
    ranking: tuple[str, ...]
    """Item ids in the one order every list of them reads (``rules.item_order``): best first by
    polarity (the lowest mean first on a negative grid); items without shown figures last."""
    top: tuple[str, ...] = ()
    """The best items (``results.highlights``): three, more when tied at the cut."""
    bottom: tuple[str, ...] = ()
    """The weakest items, weakest first; never one that is in ``top``."""
    directed: bool = False
    """True: ``top``/``bottom`` are best/weakest after polarity; False: highest/lowest."""
    other_mode: bool = False
    """The mode not used (``mode`` is the one counted) holds scores too."""
    over_room: tuple[tuple[str, int, int], ...] = ()
    """(item text, its tally's total, the room) per item tallied over the room
    (``figures.tally_over_room``): flagged wherever the figures are shown."""
    over_room_ids: tuple[str, ...] = ()
    """The ids of those items: the wall holds their figures back (the exports keep them)."""
    part_rankings: int = 0
    """People who ranked only some of a ranking's items (``figures.part_rankings``)."""
    dimensions: tuple[DimensionProfile, ...] = ()
    note_prompt: str = ""
    closing_question: str = ""
    closing: tuple[GroupText, ...] = ()
    index: float | None = None
    """With reverse-scored items: the mean of all aligned item means (None otherwise)."""
    pairs: PairPart | None = None
    placement: PlacementPart | None = None
    kind: str = ""
    """The exercise's kind (named in CSV rows); renderers ask ``chart``, not the kind."""
    chart: Chart = "profile"
    """How the kind's results are drawn (its body's ``chart``): poles, mirror, map, dimensions …"""

    @property
    def bipolar(self) -> bool:
        """Each item is a pair of poles (its ``left`` and ``right``), drawn as a track between them."""
        return self.chart == "poles"

    @property
    def too_few(self) -> int | None:
        """The fewest answers of an item held back for too few answers (anonymity), else None.

        A chart that draws every item at once (the wall's bipolar tracks, mirrored pairs)
        is held back as a whole when any of its items is.
        """
        held = [i.stats.n for i in self.items if i.status == "too_few"]
        return min(held) if held else None

    def item(self, item_id: str) -> ItemSummary:
        """The item with this id.

        Raises:
            KeyError: no such item.
        """
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


@dataclass(frozen=True)
class VoteOption:
    """One option of a vote: its dots, its people and, for a single choice, its response."""

    id: str
    text: str
    people: int
    dots: int
    share: float | None
    rank: int | None = None
    winner: bool = False
    response: str = ""
    scores: tuple[Score, ...] = ()
    """Each person's dots on it, for the CSV (empty unless the vote is shown)."""


@dataclass(frozen=True)
class VotePart:
    """The results of a ``dot_vote`` or ``single_choice``; figures blank unless ``status == "shown"``."""

    single: bool
    dots: int
    max_per_item: int
    inferred: bool
    mode: str
    status: ItemStatus
    voters: int
    total: int
    options: tuple[VoteOption, ...]
    ranking: tuple[str, ...] = ()
    """Option ids, most dots first."""

    @property
    def shown(self) -> bool:
        """Whether the figures may be shown."""
        return self.status == "shown"

    @property
    def too_few(self) -> int | None:
        """How many voted when that is too few to show the result (anonymity), else None."""
        return self.voters if self.status == "too_few" else None

    @property
    def winners(self) -> tuple[VoteOption, ...]:
        """The options with the most dots (several when tied)."""
        return tuple(o for o in self.options if o.winner)


SummaryPart = ScoredPart | ReflectionPart | ActionPart | VotePart | TablePart | OpenAnswersPart | ReviewPart
"""What an exercise's results are, one dataclass per kind family.

A renderer takes a part apart with ``match`` and ends with ``typing.assert_never``, so
``mypy --strict`` names every renderer that misses a part when one is added here.
"""


@dataclass(frozen=True)
class ExerciseSummary:
    """One exercise of the agenda: its texts and its results (``part``)."""

    id: str
    kind: str
    title: str
    part: SummaryPart
    prompt: str = ""
    question: str = ""
    facilitator_note: str = ""
    """Empty unless the summary was built with ``include_notes``."""

    # Typed views of ``part``, for readers that want one family (tests, the comparison,
    # the projector): None when the part is another. Renderers ``match`` on ``part``.
    @property
    def scored(self) -> ScoredPart | None:
        """The part of a rating grid, scale, diagnostic, bipolar, paired or two-axis exercise."""
        return self.part if isinstance(self.part, ScoredPart) else None

    @property
    def reflection(self) -> ReflectionPart | None:
        """The part of a reflection sheet."""
        return self.part if isinstance(self.part, ReflectionPart) else None

    @property
    def actions(self) -> ActionPart | None:
        """The part of an action list."""
        return self.part if isinstance(self.part, ActionPart) else None

    @property
    def votes(self) -> VotePart | None:
        """The part of a single choice or dot vote."""
        return self.part if isinstance(self.part, VotePart) else None

    @property
    def opens(self) -> OpenAnswersPart | None:
        """The open answers' part, or None for any other kind."""
        return self.part if isinstance(self.part, OpenAnswersPart) else None

    @property
    def table(self) -> TablePart | None:
        """The part of a table exercise."""
        return self.part if isinstance(self.part, TablePart) else None


@dataclass(frozen=True)
class Summary:
    """Everything an export shows about one session."""

    session_id: str
    title: str
    date: str
    language: str
    organisation: str
    facilitator: str
    participants: int
    groups: tuple[str, ...]
    exercises: tuple[ExerciseSummary, ...]
    named: bool = False
    include_notes: bool = False
    min_answers: int = 3
    """The session's minimum of answers below which a figure is held back (``Session.min_answers``)."""
    left_out: tuple[LeftOut, ...] = ()
    """What this edition left out (owners, review notes), per exercise (``results.edition``)."""
    same_participants: tuple[tuple[str, ...], ...] = ()
    """Participants' names in the file that are one name (``roster.read_as_one``), in a named
    edition only (an anonymous one shows none): ``workshop export`` warns, as the app does."""
    same_groups: tuple[tuple[str, ...], ...] = ()
    """Groups' names in the file that are one name: every edition shows the groups' names."""

    def exercise(self, exercise_id: str) -> ExerciseSummary:
        """The exercise with this id.

        Raises:
            KeyError: the exercise is not in the summary.
        """
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(exercise_id)
