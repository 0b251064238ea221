"""Exercise definitions: what the group is asked, on which scale, from which source."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Literal, TypeVar, get_args

from workshop_tui.core.i18n import Phrase, phrase, t
from workshop_tui.core.model.answers import ExerciseAnswers, Mode
from workshop_tui.core.model.control import Control
from workshop_tui.core.model.refusal import Missing, ScoreError

Kind = Literal[
    "rating_grid",
    "scale",
    "statement_diagnostic",
    "reflection_sheet",
    "action_list",
    "single_choice",
    "dot_vote",
    "bipolar",
    "paired_rating",
    "two_axis",
    "table",
    "ranking",
    "open_answers",
    "action_review",
]
KINDS: tuple[str, ...] = get_args(Kind)
"""Every kind, in the order above (the type is the source; ``core.kinds`` maps each to its family)."""

Polarity = Literal["positive", "negative", "neutral"]
"""What a higher score means: better (``positive``), worse (``negative``, e.g. more
resistance), or neither (``neutral``, e.g. how much a form of power weighs)."""
POLARITIES: tuple[str, ...] = get_args(Polarity)
ItemPolarity = Literal["produced", "not_produced", "positive", "negative", "neutral"]
"""An item's own polarity: a statement diagnostic's column (``produced`` counts as
positive, ``not_produced`` as negative) or, on other scored kinds, a polarity that
overrides the exercise's."""

SCALE_ITEM_ID = "value"
"""The single item a ``scale`` exercise is scored on, so it shares the grid machinery."""
PAIR_SIDES: tuple[str, str] = ("left", "right")
"""The two sides of a paired rating; each item is scored once per side."""


def pair_row_id(item_id: str, side: str) -> str:
    """The score-grid row of one side of a paired item (``strategy:left``).

    Item ids cannot contain ``:``, so a row id never collides with an item id.
    """
    return f"{item_id}:{side}"


def pair_of(row_id: str) -> tuple[str, str]:
    """(item id, side) of a paired rating's row id; the side is empty for any other id."""
    item_id, _, side = row_id.partition(":")
    return item_id, side


def cell_key(row: int, column_id: str) -> str:
    """The key a table cell is stored under in a group's texts (``2.stakeholder``)."""
    return f"{row}.{column_id}"


@dataclass(frozen=True)
class Text:
    """A text in Danish and English; Danish is the source language and always present."""

    da: str
    en: str = ""

    def get(self, lang: str) -> str:
        """Return the text in ``lang``, falling back to Danish when no translation exists."""
        if lang == "en" and self.en:
            return self.en
        return self.da


class WordedText(Text):
    """A text the app words itself (a derived scale's ends, "first" / "1 dot"): a catalogue key.

    Said in a language only when asked (``get``, ``da``, ``en``), so reading a vote or a
    ranking does not parse the catalogue of a language nobody reads; it holds no text from
    a file, so the screens show it as it is (``text_safety.ShownCopies``).
    """

    shown_as_is = True
    key: str
    values: tuple[tuple[str, object], ...]

    def __init__(self, key: str, **values: object) -> None:  # noqa: D107 - see the class
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(values.items()))

    @property
    def da(self) -> str:
        """The text in Danish."""
        return t(self.key, "da", **dict(self.values))

    @property
    def en(self) -> str:
        """The text in English."""
        return t(self.key, "en", **dict(self.values))

    def get(self, lang: str) -> str:
        """The text in ``lang`` (the catalogue has every key in both languages)."""
        return t(self.key, lang, **dict(self.values))


@dataclass(frozen=True)
class Source:
    """Where an exercise comes from, so every text can be checked against its source."""

    file: str
    lines: str
    slide: int | None = None
    note: str = ""

    def cite(self) -> str:
        """A short citation such as ``004_8e00….txt, l. 429-453, slide 26``."""
        parts = [self.file, f"l. {self.lines}"]
        if self.slide is not None:
            parts.append(f"slide {self.slide}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Scale:
    """A closed integer scale with labelled ends."""

    min: int
    max: int
    min_label: Text
    max_label: Text
    inferred: bool
    """True when the source does not state this scale and it was chosen by us."""
    inferred_note: str = ""

    @property
    def values(self) -> range:
        """Every score on the scale, lowest first."""
        return range(self.min, self.max + 1)

    def contains(self, score: int) -> bool:
        """Whether ``score`` is a valid score on this scale."""
        return self.min <= score <= self.max


@dataclass(frozen=True)
class Dimension:
    """A group of items, e.g. KURS; statement diagnostics add their two polarity headings."""

    id: str
    label: Text
    definition: Text | None = None
    produced: Text | None = None
    not_produced: Text | None = None


@dataclass(frozen=True)
class Item:
    """One thing to score: a source of resistance, a tension field, a statement."""

    id: str
    text: Text
    dimension: str | None = None
    polarity: ItemPolarity | None = None
    """See :data:`ItemPolarity`; None: the exercise's polarity holds (see ``results.polarity_of``)."""
    left: Text | None = None
    """Bipolar: the pole at the low end of the scale. Paired: the prompt of the left side."""
    right: Text | None = None
    """Bipolar: the pole at the high end. Paired: the prompt of the right side."""
    response: Text | None = None
    """Single choice: what the source pairs with this option, shown once the vote is visible."""
    reverse: bool = False
    """Negatively worded: an index or a ranking reads its scores turned round (1 <-> 5)."""


FieldShape = Literal["lines", "line", "date", "choice"]
"""How a group's field is typed on a device: several lines, one line, a date, one of some options."""


@dataclass(frozen=True)
class WriteField:
    """One field a group's scribe writes on a device, as on the paper sheet.

    ``key`` says where the text lives (``core.writing`` reads and writes it): ``t:<key>``
    a group text (box ``t:2``, cell ``t:3.stakeholder``), ``challenge``, ``closing``, or
    ``a:<n>:text|owner|due`` a part of the group's action number n (0-based).
    """

    key: str
    label: Text
    shape: FieldShape = "lines"
    question: Text | None = None
    """The working question beside it."""
    sub_texts: tuple[Text, ...] = ()
    """Lettered sub-questions under it (``a) …``)."""
    options: tuple[tuple[str, Text], ...] = ()
    """For a ``choice``: (option id, label)."""
    section: Text | None = None
    """A heading above the field (a table's row, an action's number)."""


Chart = Literal["profile", "dimensions", "poles", "mirror", "map", "votes"]
"""How a kind's results are drawn beside the grid and on the wall, declared by its body so the
views ask the shape, never the kind: ``profile`` (a bar per item, the default), ``dimensions``
(a diagnostic's produced/not produced per dimension), ``poles`` (a track between each item's
two poles), ``mirror`` (a paired rating's two sides), ``map`` (a two-axis placement), ``votes``
(dots per option)."""

AnswerPart = Literal["note", "closing", "challenge", "action", "open"]
"""The answers beside the scores and texts that only some kinds take."""


class Body:
    """What one kind family adds to the common fields, and the answer rules that go with it.

    The subclasses (frozen dataclasses) live in :mod:`workshop_tui.core.kinds`, one module per
    family; the model asks an exercise's body instead of comparing kind strings, so a new kind
    brings its rules with it. The defaults here are those of a plain score grid.
    """

    scored: ClassVar[bool] = True
    """Answers live in the score grid (scores per participant, or tallies)."""
    vote: ClassVar[bool] = False
    """The items are options people put dots on (dot vote, single choice)."""
    tallied: ClassVar[bool] = True
    """The room's answers may be counted per score instead of typed per person."""
    highlights: ClassVar[bool] = False
    """The best and weakest items are listed (▲/▼) and marked in the grid."""
    linked_scores: ClassVar[bool] = False
    """One person's scores depend on each other (a place given twice moves, a vote's dots run
    out): many scores at once (``scores``) are then given one by one through ``score``."""

    @property
    def chart(self) -> Chart:
        """How the results are drawn (see :data:`Chart`): dots for a vote, else a profile."""
        return "votes" if self.vote else "profile"

    def control(self, exercise: Exercise) -> Control | None:
        """How a phone answers the exercise (None: phones are not asked).

        A kind scored on its scale is rated item by item; a kind with other answers
        declares its shape here (see :mod:`workshop_tui.core.model.control`).
        """
        return Control("rate") if self.scored else None

    def score_rows(self, exercise: Exercise) -> tuple[Item, ...]:
        """The rows of the score grid (the items, unless the kind derives its own)."""
        return exercise.items

    def text_keys(self, exercise: Exercise) -> frozenset[str]:
        """The keys a group's texts may use (reflection boxes, table cells)."""
        return frozenset()

    def write_fields(self, exercise: Exercise) -> tuple[WriteField, ...]:
        """The fields a group's scribe writes on a device (none: groups do not write here)."""
        return ()

    def text_key_rule(self, exercise: Exercise) -> Phrase:
        """How to fix a group text under a key the exercise does not have (a session file's problem)."""
        keys = ", ".join(sorted(self.text_keys(exercise)))
        return phrase("problems.fix.use_one_of", choices=keys) if keys else phrase("problems.fix.no_texts")

    def source_item(self, exercise: Exercise, row: Item) -> Item:
        """The item a row of the grid scores (itself, unless the kind derives its rows)."""
        return row

    def question(self) -> Text | None:
        """The question the exercise asks beside its title, if the kind has one."""
        return None

    def profile(self) -> tuple[Dimension, ...]:
        """The dimensions the items are grouped (and profiled) by, if the kind has them."""
        return ()

    def check_mode(self, mode: Mode) -> None:
        """Refuse tally mode for a kind whose answers are not ``tallied``.

        Raises:
            ScoreError: tally mode (a two-axis placement: counts per score cannot say
                which x goes with which y).
        """
        if mode == "tally" and not self.tallied:
            raise ScoreError("mode.two_axis")

    def check_text(self, exercise: Exercise, key: str, text: str) -> None:
        """Refuse a group text under a key the exercise does not have.

        Raises:
            ScoreError: no such box or cell.
        """
        if key not in self.text_keys(exercise):
            raise ScoreError("box.unknown", exercise=exercise.id, box=key)

    def check_answer(self, exercise: Exercise, part: AnswerPart, index: int = 0) -> None:
        """Refuse a note, a closing answer, a challenge or action number ``index`` the kind does not take.

        Raises:
            ScoreError: the exercise has no note prompt, no closing question, or no actions.
        """
        if part == "note":
            raise ScoreError("notes.none", exercise=exercise.id)
        if part == "closing":
            raise ScoreError("closing.none", exercise=exercise.id)
        if part == "open":
            raise ScoreError("kind.wrong", exercise=exercise.id, kind=exercise.kind, wanted="open_answers")
        raise ScoreError("kind.wrong", exercise=exercise.id, kind=exercise.kind, wanted="action_list")

    def score(
        self,
        exercise: Exercise,
        answers: ExerciseAnswers,
        item_id: str,
        participant_id: str,
        score: int | None,
    ) -> ExerciseAnswers:
        """Record one participant's (checked) score, as the kind's rules allow."""
        return answers.with_score(item_id, participant_id, score)

    def scores(
        self, exercise: Exercise, answers: ExerciseAnswers, scores: Mapping[str, Mapping[str, int]]
    ) -> ExerciseAnswers:
        """Record many (checked) scores at once; kinds with ``linked_scores`` give them one by one."""
        if not self.linked_scores:
            return answers.with_scores(scores)
        for item_id, row in scores.items():
            for participant_id, score in row.items():
                answers = self.score(exercise, answers, item_id, participant_id, score)
        return answers

    def problems(self, exercise: Exercise, answers: ExerciseAnswers) -> Iterable[tuple[str, Phrase, Phrase]]:
        """(participant id, what, fix) for each answer a hand-edited session file breaks the rules with.

        ``what`` and ``fix`` are phrases (``problems.*`` keys), said in the reader's language.
        """
        return ()

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: set[str], groups: Sequence[str]
    ) -> bool:
        """Whether the room has finished the exercise (answers are not empty).

        A score grid is done when everyone in the room scored every row, or, tallied, when
        every row has a count.
        """
        rows = self.score_rows(exercise)
        if answers.mode == "tally":
            return all(answers.values_for(item.id) for item in rows)
        return all(people <= set(answers.scores.get(item.id, {})) for item in rows)


B = TypeVar("B", bound=Body)


@dataclass(frozen=True)
class Exercise:
    """One exercise: the fields every kind has, and its kind family's ``body``.

    ``scale`` and ``items`` are common because most kinds score items on a scale; the
    kinds that do not (sheets, action lists, tables) leave them empty.
    """

    id: str
    version: int
    kind: Kind
    title: Text
    source: Source
    body: Body
    prompt: Text | None = None
    guide: Text | None = None
    scale: Scale | None = None
    items: tuple[Item, ...] = ()
    polarity: Polarity = "neutral"
    """What a higher score means for the items (an item's own polarity or ``reverse`` overrides it)."""

    def body_as(self, family: type[B]) -> B:
        """The body, as the family the caller knows this exercise to be of.

        Raises:
            TypeError: the exercise is of another family (a caller's mistake, not the user's).
        """
        if not isinstance(self.body, family):
            raise TypeError(f"{self.id} is a {self.kind}, not a {family.__name__}")
        return self.body

    def body_if(self, family: type[B]) -> B | None:
        """The body if the exercise is of ``family``, else None."""
        return self.body if isinstance(self.body, family) else None

    @property
    def is_scored(self) -> bool:
        """Whether answers live in the score grid (scores per participant, or tallies)."""
        return self.body.scored

    @property
    def is_vote(self) -> bool:
        """Whether the items are options people put dots on (dot vote, single choice)."""
        return self.body.vote

    @property
    def has_reverse(self) -> bool:
        """Whether any item is reverse-scored."""
        return any(i.reverse for i in self.items)

    @cached_property
    def scored_items(self) -> tuple[Item, ...]:
        """The rows of the score grid (a ``scale`` has one row, a paired rating two per item)."""
        return self.body.score_rows(self)

    @property
    def text_keys(self) -> frozenset[str]:
        """The keys a group's texts may use: box numbers, or table cells (``row.column``)."""
        return self.body.text_keys(self)

    @property
    def question(self) -> Text | None:
        """The question the exercise asks beside its title (a scale's, a vote's), or None."""
        return self.body.question()

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions the items are grouped by (rating grids, diagnostics), or none."""
        return self.body.profile()

    def dimension(self, dimension_id: str) -> Dimension | None:
        """The dimension with this id, or None."""
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def item(self, item_id: str) -> Item:
        """Look an item up by id.

        Raises:
            KeyError: the exercise has no such item.
        """
        for item in self.scored_items:
            if item.id == item_id:
                return item
        raise Missing("item.unknown", exercise=self.id, item=item_id)
