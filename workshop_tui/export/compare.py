"""Compare two sessions, typically the same measurement months apart.

The comparison is built from the two sessions' *anonymous* summaries, so it uses
exactly the figures (and withholds exactly what) the single exports do. Items
are matched by exercise id and item id; an exercise whose scale changed between
the two is listed but its means are not subtracted. Each change says what it
means by the item's polarity (``results.judge_change``): better or worse, or
higher or lower for a neutral item. Items whose mean did not change (at the two
decimals shown) are left out unless ``show_all``; the exercise says how many.
Votes are compared option by option: a single choice by its share of the votes,
a dot vote by its dots. The renderers (terminal text in ``compare_text``, Markdown
and HTML in ``compare_render``) only format this.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.registry import spec_of
from workshop_tui.core.model import Session
from workshop_tui.core.results.numbers import difference, percent, whole_percent, written_change
from workshop_tui.core.results.rules import Change, judge_change, renamed_note
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.summary_model import (
    ExerciseSummary,
    ItemSummary,
    ScoredPart,
    Summary,
    VotePart,
)

MOVED_COUNT = 5
"""How many items the "moved most" list holds (ranked by change as a share of the scale)."""


@dataclass(frozen=True)
class Side:
    """One item's figures in one of the two sessions (None when withheld or absent)."""

    n: int
    mean: float | None
    distribution: tuple[tuple[int, int], ...]
    status: str


@dataclass(frozen=True)
class ItemChange:
    """A shared item before and after."""

    exercise_id: str
    exercise: str
    item_id: str
    text: str
    before: Side
    after: Side
    comparable: bool = True
    """False when the scale changed, so that means on different scales are not subtracted."""
    direction: str = "neutral"
    """What a higher score means for the item (its polarity in the after session)."""

    @property
    def n_change(self) -> int:
        """After n minus before n."""
        return self.after.n - self.before.n

    @property
    def mean_change(self) -> float | None:
        """After mean minus before mean; None unless both are shown on the same scale."""
        if not self.comparable or self.before.mean is None or self.after.mean is None:
            return None
        return difference(self.before.mean, self.after.mean)  # between the figures as written

    @property
    def verdict(self) -> Change | None:
        """better / worse (by polarity), higher / lower (neutral), same; None when not compared."""
        return judge_change(self.mean_change, self.direction)

    def change_text(self, lang: str) -> str:
        """``−1,75 ↓ bedre``, ``±0,00 uændret``, ``–``: the core's words (``written_change``)."""
        return written_change(self.mean_change, self.verdict, lang)

    @property
    def distribution_change(self) -> tuple[tuple[int, int], ...]:
        """(score, after count − before count); empty unless both distributions are shown."""
        if not (self.comparable and self.before.distribution and self.after.distribution):
            return ()
        before = dict(self.before.distribution)
        return tuple((score, count - before.get(score, 0)) for score, count in self.after.distribution)


@dataclass(frozen=True)
class OptionChange:
    """One option of a vote both sessions ran: its share (single choice) or its dots."""

    option_id: str
    text: str
    before: float | None
    after: float | None
    """Share of the votes (0–1) for a single choice, dots for a dot vote; None when withheld."""
    single: bool

    @property
    def change(self) -> float | None:
        """After minus before, between the figures as written (whole percents, dots), or None."""
        if self.before is None or self.after is None:
            return None
        if self.single:
            return (whole_percent(self.after) - whole_percent(self.before)) / 100
        return self.after - self.before

    @property
    def verdict(self) -> Change | None:
        """higher / lower / same (whole percentage points, or whole dots)."""
        change = self.change
        return judge_change(change * 100 if self.single and change is not None else change, "neutral", 0)

    def value_text(self, value: float | None, lang: str) -> str:
        """``29 %`` or ``7``, ``–`` when withheld."""
        if value is None:
            return "–"
        return percent(value) if self.single else str(round(value))  # dots are whole numbers

    def change_text(self, lang: str) -> str:
        """``+12 procentpoint ↑ højere`` or ``+3 ↑ højere``: the core's words, in whole points or dots."""
        change = self.change
        if change is None:
            return written_change(None, None, lang)
        if self.single:
            return written_change(change * 100, self.verdict, lang, 0, t("export.cmp.points", lang))
        return written_change(change, self.verdict, lang, 0)


@dataclass(frozen=True)
class ExerciseChange:
    """A scored exercise or a vote that both sessions ran."""

    id: str
    title: str
    low: int
    high: int
    items: tuple[ItemChange, ...]
    only_before: tuple[str, ...] = ()
    only_after: tuple[str, ...] = ()
    scale_changed: str = ""
    """Set (to the message) when the scales differ; means are then not compared."""
    options: tuple[OptionChange, ...] = ()
    """A vote's options (items is then empty)."""
    single: bool = False
    """A single choice (options compared by share) rather than a dot vote (by dots)."""
    hidden: int = 0
    """How many unchanged items or options are left out (0 with ``show_all``)."""
    renamed: tuple[str, ...] = ()
    """A note for each shared item (or a vote's option) whose text was reworded (``rules.renamed_note``,
    as the trend says it), also for one left out as unchanged: the same id, so it is still compared."""
    kind: str = ""
    """The exercise's kind (the after session's): what makes it a vote, not how many options show."""
    unanswered: int = 0
    """How many shared items no one answered in either session, left out (0 with ``show_all``):
    a row of ``no answers → no answers`` per item buried the few that moved."""

    @property
    def is_vote(self) -> bool:
        """By its kind, not ``options``: a vote all of whose options are unchanged shows none
        (without ``--all``), and was drawn as an empty scored exercise on the scale 0–0."""
        return bool(self.kind) and spec_of(self.kind).body.vote

    def hidden_text(self, lang: str) -> str:
        """What is said of the unchanged items or options left out: "no change" when it is all."""
        parts = []
        if self.hidden:
            key = "export.cmp.hidden" if self.items or self.options else "export.cmp.no_change"
            parts.append(t(key, lang, n=self.hidden))
        if self.unanswered:
            parts.append(t("export.cmp.unanswered", lang, n=self.unanswered))
        return "; ".join(parts)

    @property
    def scale(self) -> str:
        """The (after) scale as ``1–5``."""
        return f"{self.low}–{self.high}"


@dataclass(frozen=True)
class Comparison:
    """Everything ``workshop compare`` shows."""

    language: str
    before: Summary
    after: Summary
    exercises: tuple[ExerciseChange, ...]
    moved: tuple[ItemChange, ...]
    only_before: tuple[str, ...]
    only_after: tuple[str, ...]
    text_shared: tuple[str, ...]
    unanswered: tuple[str, ...] = ()
    """Shared exercises no one answered in either session, left out (empty with ``show_all``)."""
    compared: int = 0
    """How many shared scored items have a mean in both sessions on the same scale."""

    def none_moved_text(self) -> str:
        """Why "moved most" is empty: nothing to compare, or ``N shared items, none moved``."""
        if self.compared:
            return t("export.cmp.none_moved_n", self.language, n=self.compared)
        return t("export.cmp.none_moved", self.language)


def compare_sessions(before: Session, after: Session, *, show_all: bool = False) -> Comparison:
    """Compare two sessions through their anonymous summaries."""
    return compare_summaries(build_summary(before), build_summary(after), show_all=show_all)


def compare_summaries(before: Summary, after: Summary, *, show_all: bool = False) -> Comparison:
    """Match exercises and items by id and put their figures side by side."""
    lang = after.language
    before_ids = {x.id for x in before.exercises}
    after_ids = {x.id for x in after.exercises}
    changes = []
    text_shared = []
    for exercise in after.exercises:
        if exercise.id not in before_ids:
            continue
        old = before.exercise(exercise.id)
        if exercise.votes is not None and old.votes is not None:
            changes.append(_vote(exercise, old.votes, exercise.votes, lang, show_all=show_all))
            continue
        if exercise.scored is None or old.scored is None:
            text_shared.append(exercise.title)
            continue
        changes.append(_exercise(exercise, old.scored, exercise.scored, lang, show_all))
    unanswered = [] if show_all else [c.title for c in changes if _never_answered(c)]
    changes = [c for c in changes if show_all or not _never_answered(c)]
    # Largest share of the scale first, so a move on 1–10 weighs like one on 1–5.
    movable = [
        (abs(i.mean_change) / ((c.high - c.low) or 1), i)
        for c in changes
        for i in c.items
        if i.mean_change is not None
    ]
    movable.sort(key=lambda pair: -pair[0])
    moved = [i for _, i in movable[:MOVED_COUNT]]
    return Comparison(
        language=lang,
        before=before,
        after=after,
        exercises=tuple(changes),
        moved=tuple(i for i in moved if i.mean_change),
        only_before=tuple(x.title for x in before.exercises if x.id not in after_ids),
        only_after=tuple(x.title for x in after.exercises if x.id not in before_ids),
        text_shared=tuple(text_shared),
        unanswered=tuple(unanswered),
        compared=sum(_compared(c) for c in changes),
    )


def _never_answered(change: ExerciseChange) -> bool:
    """No one answered any shared item (or voted) in either session, and nothing else is said of it
    (a changed scale, a reworded or added item): nothing to show but its title."""
    said = change.scale_changed or change.renamed or change.only_before or change.only_after
    return bool(change.unanswered) and not (change.items or change.options or change.hidden or said)


def _compared(change: ExerciseChange) -> int:
    """A scored exercise's items with a mean in both sessions (shown, or hidden as unchanged):
    the ones "moved most" ranks (votes are not ranked there)."""
    if change.is_vote:
        return 0
    return sum(i.mean_change is not None for i in change.items) + change.hidden


def _side(item: ItemSummary) -> Side:
    return Side(item.stats.n, item.stats.mean, item.stats.distribution, item.status)


def _vote(
    exercise: ExerciseSummary, old: VotePart, new: VotePart, lang: str, *, show_all: bool
) -> ExerciseChange:
    """Option by option: the share of a single choice, the dots of a dot vote."""
    single = new.single and old.single

    def value(part: VotePart, option_id: str) -> float | None:
        found = next((o for o in part.options if o.id == option_id), None)
        if found is None or not part.shown:
            return None
        return found.share if single else float(found.dots)

    old_ids = {o.id for o in old.options}
    new_ids = {o.id for o in new.options}
    options = [
        OptionChange(o.id, o.text, value(old, o.id), value(new, o.id), single)
        for o in new.options
        if o.id in old_ids
    ]
    silent = not show_all and old.voters == 0 and new.voters == 0
    answered = [] if silent else options
    shown = [o for o in answered if show_all or o.verdict != "same"]
    old_texts = {o.id: o.text for o in old.options}
    return ExerciseChange(
        id=exercise.id,
        title=exercise.title,
        kind=exercise.kind,
        low=0,
        high=0,
        items=(),
        only_before=tuple(o.text for o in old.options if o.id not in new_ids),
        only_after=tuple(o.text for o in new.options if o.id not in old_ids),
        options=tuple(shown),
        single=single,
        hidden=len(answered) - len(shown),
        unanswered=len(options) - len(answered),
        renamed=tuple(
            note
            for o in new.options
            if o.id in old_ids and (note := renamed_note([old_texts[o.id], o.text], lang))
        ),
    )


def _exercise(
    exercise: ExerciseSummary, old: ScoredPart, new: ScoredPart, lang: str, show_all: bool = False
) -> ExerciseChange:
    exercise_id, title = exercise.id, exercise.title
    old_items = {i.id: i for i in old.items}
    new_ids = {i.id for i in new.items}
    before_scale = f"{old.scale.min}–{old.scale.max}"
    after_scale = f"{new.scale.min}–{new.scale.max}"
    changed = ""
    if before_scale != after_scale:
        changed = t("export.cmp.scale_changed", lang, before=before_scale, after=after_scale)
    items = [
        ItemChange(
            exercise_id,
            title,
            i.id,
            i.text,
            _side(old_items[i.id]),
            _side(i),
            comparable=not changed,
            direction=i.direction,
        )
        for i in new.items
        if i.id in old_items
    ]
    answered = [i for i in items if show_all or i.before.n or i.after.n]
    shown = [i for i in answered if show_all or i.verdict != "same"]
    return ExerciseChange(
        id=exercise_id,
        title=title,
        kind=exercise.kind,
        low=new.scale.min,
        high=new.scale.max,
        items=tuple(shown),
        hidden=len(answered) - len(shown),
        unanswered=len(items) - len(answered),
        only_before=tuple(i.text for i in old.items if i.id not in new_ids),
        only_after=tuple(i.text for i in new.items if i.id not in old_items),
        scale_changed=changed,
        renamed=tuple(
            note
            for i in new.items
            if i.id in old_items and (note := renamed_note([old_items[i.id].text, i.text], lang))
        ),
    )
