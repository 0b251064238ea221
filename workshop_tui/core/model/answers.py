"""The answers given to one exercise in one session.

Answers are kept per exercise so that an exercise's data can be read, shown
and exported on its own. All edits return a new value; mappings are copied,
never mutated, which is what makes undo a matter of keeping the old value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Literal, TypeVar

from workshop_tui.core.model.limits import check_text
from workshop_tui.core.model.refusal import Refused

Mode = Literal["participant", "tally"]
MODES: tuple[str, ...] = ("participant", "tally")
OpenState = Literal["shown", "hidden"]
RoundOpening = Literal["kept", "hidden", "hidden_again"]
"""What opening a voting round does to an exercise's results (``ExerciseAnswers.round_opening``).

- ``kept``: already blind and not revealed; nothing changes.
- ``hidden``: the results were shown (not blind); they are hidden while the room votes.
- ``hidden_again``: blind and already revealed; hidden again while the room votes again.
"""
"""Where an open answer stands: on the wall, or hidden by the facilitator (absent: new, the
facilitator's screen only)."""
OPEN_STATES: tuple[str, ...] = ("shown", "hidden")

K = TypeVar("K")
V = TypeVar("V")


def with_key(mapping: Mapping[K, V], key: K, value: V | None) -> dict[K, V]:
    """Return a copy of ``mapping`` with ``key`` set, or removed when ``value`` is None."""
    copy = dict(mapping)
    if value is None:
        copy.pop(key, None)
    else:
        copy[key] = value
    return copy


D = TypeVar("D")
_FIELDS: dict[type, tuple[str, ...]] = {}


def copied(value: D, **changes: object) -> D:
    """``dataclasses.replace(value, **changes)`` for a frozen dataclass, without its ``__init__``.

    ``replace`` gathers every field and builds the value again through ``__init__`` (10 µs
    for a session, 5 µs for an exercise's answers; a keystroke made three such copies
    before its save). The copy here takes the fields as they are and sets the changed
    ones. It runs no ``__post_init__``: the caller checks the changed fields as that would
    (``Session._changed``), or the class has none (``ExerciseAnswers``).
    """
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))  # type: ignore[arg-type]
    copy = object.__new__(kind)
    own, source = vars(copy), vars(value)
    for name in names:
        own[name] = source[name]
    own.update(changes)
    return copy


@dataclass(frozen=True)
class Action:
    """One trial action ("prøvehandling"): what, who owns it, and by when."""

    text: str = ""
    owner: str = ""
    due: str = ""
    """An ISO date (2027-01-20) or ""; ``Session.with_action`` makes typed dates ISO and refuses others.

    A file written before dates were checked may still hold free text ("uge 12"); it is read
    and shown as it is, never dropped."""

    @property
    def is_empty(self) -> bool:
        """True when nothing has been written in any field."""
        return not (self.text.strip() or self.owner.strip() or self.due.strip())


@dataclass(frozen=True)
class ExerciseAnswers:
    """Everything the room answered for one exercise.

    Scores and tallies are both kept whatever the mode, so switching mode never
    throws answers away; ``mode`` says which of them counts.
    """

    mode: Mode = "participant"
    blind: bool = False
    """Results are hidden until ``revealed``."""
    revealed: bool = False
    scores: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """item id -> participant id -> score."""
    tallies: Mapping[str, Mapping[int, int]] = field(default_factory=dict)
    """item id -> score value -> how many people gave it."""
    notes: Mapping[str, str] = field(default_factory=dict)
    """item id -> free-text note (e.g. where in the organisation)."""
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """group id -> box key -> text, for reflection sheets."""
    closing: Mapping[str, str] = field(default_factory=dict)
    """group id -> the answer to the exercise's closing question."""
    actions: Mapping[str, tuple[Action, ...]] = field(default_factory=dict)
    """group id -> actions, for action lists."""
    challenge: Mapping[str, str] = field(default_factory=dict)
    """group id -> the challenge the actions address."""
    opens: Mapping[str, str] = field(default_factory=dict)
    """answer id -> an open answer from a device (anonymous: the id is random, not the device's)."""
    open_state: Mapping[str, OpenState] = field(default_factory=dict)
    """answer id -> shown on the wall or hidden; an answer not listed is new (facilitator only)."""
    round_hid: str = ""
    """What an open voting round hid, kept in the file so a crash cannot lose it: ``<opening>:<digest>``
    (``RoundOpening`` hidden / hidden_again, and ``content_digest`` of the answers the round found);
    "" when no round hid anything. ``with_rounds_settled`` gives back what a crashed round hid."""

    @property
    def none_given(self) -> bool:
        """Whether these are the answers of an exercise nobody answered yet (left out of the file)."""
        return self == NO_ANSWERS

    @property
    def is_empty(self) -> bool:
        """True when nothing at all has been answered."""
        return not (
            any(self.scores.values())
            or any(any(t.values()) for t in self.tallies.values())
            or any(n.strip() for n in self.notes.values())
            or any(any(v.strip() for v in t.values()) for t in self.texts.values())
            or any(c.strip() for c in self.closing.values())
            or any(not a.is_empty for acts in self.actions.values() for a in acts)
            or any(c.strip() for c in self.challenge.values())
            or any(o.strip() for o in self.opens.values())
        )

    @property
    def results_visible(self) -> bool:
        """Whether statistics may be shown: always, unless blind and not yet revealed."""
        return not self.blind or self.revealed

    def has_mode_data(self, mode: str) -> bool:
        """Whether any score has been given in ``mode`` (typed per participant, or tallied)."""
        if mode == "tally":
            return any(any(row.values()) for row in self.tallies.values())
        return any(self.scores.values())

    @property
    def counted_mode(self) -> Mode:
        """The mode whose scores count in every figure: ``mode``, unless that holds nothing
        and the other mode does (so one press of the mode key never blanks the results)."""
        other: Mode = "participant" if self.mode == "tally" else "tally"
        if not self.has_mode_data(self.mode) and self.has_mode_data(other):
            return other
        return self.mode

    @property
    def answerers(self) -> frozenset[str]:
        """The participants with at least one entered score (a tally belongs to nobody)."""
        return frozenset().union(*self.scores.values())  # each row's keys, at C speed: run per save

    def values_in(self, mode: str, item_id: str) -> list[int]:
        """All scores given for an item in ``mode``, as a sorted flat list."""
        if mode == "tally":
            tally = self.tallies.get(item_id, {})
            return [score for score in sorted(tally) for _ in range(tally[score])]
        return sorted(self.scores.get(item_id, {}).values())

    def values_for(self, item_id: str) -> list[int]:
        """All scores given for an item in the mode that counts (``counted_mode``)."""
        return self.values_in(self.counted_mode, item_id)

    def with_score(self, item_id: str, participant_id: str, score: int | None) -> ExerciseAnswers:
        """Set (or clear, with None) one participant's score for one item."""
        row = with_key(self.scores.get(item_id, {}), participant_id, score)
        # The copy of every score key: without ``__init__`` (no ``__post_init__`` to skip here).
        return copied(self, scores=with_key(self.scores, item_id, row or None))

    def with_scores(self, scores: Mapping[str, Mapping[str, int]]) -> ExerciseAnswers:
        """Set many scores at once (item id -> participant id -> score), copying each row once."""
        merged = dict(self.scores)
        for item_id, row in scores.items():
            if row:
                merged[item_id] = {**self.scores.get(item_id, {}), **row}
        return replace(self, scores=merged)

    def with_tally(self, item_id: str, score: int, count: int) -> ExerciseAnswers:
        """Set how many people gave ``score`` for an item (0 clears it)."""
        if count < 0:
            raise Refused("tally.negative", count=count)
        row = with_key(self.tallies.get(item_id, {}), score, count or None)
        return replace(self, tallies=with_key(self.tallies, item_id, row or None))

    def with_note(self, item_id: str, text: str) -> ExerciseAnswers:
        """Set the free-text note for an item; an empty text removes it.

        Raises:
            ValueError: the text is longer than a session file holds (``limits.MAX_TEXT``).
        """
        check_text(text, "a note")
        return replace(self, notes=with_key(self.notes, item_id, text or None))

    def with_text(self, group_id: str, box_key: str, text: str) -> ExerciseAnswers:
        """Set a group's text in one answer box; an empty text removes it.

        Raises:
            ValueError: the text is longer than a session file holds (``limits.MAX_TEXT``).
        """
        check_text(text, "an answer")
        group = with_key(self.texts.get(group_id, {}), box_key, text or None)
        return replace(self, texts=with_key(self.texts, group_id, group or None))

    def with_closing(self, group_id: str, text: str) -> ExerciseAnswers:
        """Set a group's answer to the closing question.

        Raises:
            ValueError: the text is longer than a session file holds (``limits.MAX_TEXT``).
        """
        check_text(text, "an answer")
        return replace(self, closing=with_key(self.closing, group_id, text or None))

    def with_challenge(self, group_id: str, text: str) -> ExerciseAnswers:
        """Set the challenge a group's actions address.

        Raises:
            ValueError: the text is longer than a session file holds (``limits.MAX_TEXT``).
        """
        check_text(text, "a challenge")
        return replace(self, challenge=with_key(self.challenge, group_id, text or None))

    def with_action(self, group_id: str, index: int, action: Action) -> ExerciseAnswers:
        """Set a group's action number ``index`` (0-based), padding with empty actions.

        Raises:
            ValueError: a negative index, or a field longer than a session file holds.
        """
        if index < 0:
            raise Refused("action.negative", index=index)
        # Checked here, not in Action(): the actions view builds its Action before the edit
        # runs, where a refusal would not become a "refused" notification.
        check_text(action.text, "an action")
        check_text(action.owner, "an action's owner")
        check_text(action.due, "an action's due date")
        current = list(self.actions.get(group_id, ()))
        while len(current) <= index:
            current.append(Action())
        current[index] = action
        while current and current[-1].is_empty:
            current.pop()
        return replace(self, actions=with_key(self.actions, group_id, tuple(current) or None))

    def with_open(self, answer_id: str, text: str) -> ExerciseAnswers:
        """Set one open answer (an empty text removes it, and its state).

        Raises:
            ValueError: the text is longer than a session file holds (``limits.MAX_TEXT``).
        """
        check_text(text, "an open answer")
        state = self.open_state if text else with_key(self.open_state, answer_id, None)
        return replace(self, opens=with_key(self.opens, answer_id, text or None), open_state=state)

    def with_open_state(self, answer_ids: tuple[str, ...], state: OpenState | None) -> ExerciseAnswers:
        """Show or hide open answers on the wall (None: new again); unknown ids are left out."""
        if state is not None and state not in OPEN_STATES:
            raise Refused("open.state", state=state)
        states = dict(self.open_state)
        for answer_id in answer_ids:
            if answer_id in self.opens:
                states = with_key(states, answer_id, state)
        return replace(self, open_state=states)

    def with_mode(self, mode: Mode) -> ExerciseAnswers:
        """Switch between per-participant scores and tallies, keeping both."""
        if mode not in MODES:
            raise Refused("mode.unknown", mode=mode)
        return replace(self, mode=mode)

    def with_blind(self, blind: bool) -> ExerciseAnswers:
        """Turn blind mode on (hiding results) or off; turning it on un-reveals (the facilitator
        decided: what a voting round hid is no longer to be given back)."""
        return replace(self, blind=blind, revealed=False if blind else self.revealed, round_hid="")

    def with_revealed(self, revealed: bool) -> ExerciseAnswers:
        """Reveal (or hide again) the results of a blind exercise (the facilitator decided)."""
        return replace(self, revealed=revealed, round_hid="")

    def content_digest(self) -> str:
        """A digest of what the room gave: every field but blind, revealed and ``round_hid``,
        mappings in sorted order, so the answers read back from the file give the same digest."""
        import hashlib

        skip = {"blind", "revealed", "round_hid"}
        body = tuple((f.name, _canonical(getattr(self, f.name))) for f in fields(self) if f.name not in skip)
        return hashlib.sha256(repr(body).encode("utf-8", "surrogatepass")).hexdigest()[:16]

    @property
    def round_opening(self) -> RoundOpening:
        """What ``with_voting_round`` changes: the facilitator is told when results go hidden."""
        if not self.blind:
            return "hidden"
        return "hidden_again" if self.revealed else "kept"

    def with_voting_round(self) -> ExerciseAnswers:
        """A voting round opens blind, even on results already revealed.

        The room votes again, so what the wall showed before would steer the new votes, and
        the votes that come in have not been shown in the room. They stay hidden until the
        facilitator reveals them (F3); until then the exports hold them back too, as for any
        blind result never revealed (``results.rules``).

        What it hid is written down with it (``round_hid``): a crash before the round is left
        lost the facilitator's reveal, and the results the room had seen stayed held back.
        """
        opening = self.round_opening
        hid = self.round_hid if opening == "kept" else f"{opening}:{self.content_digest()}"
        return replace(self, blind=True, revealed=False, round_hid=hid)

    def gives_back(self, found: ExerciseAnswers) -> bool:
        """Whether leaving the round gives ``found`` back: nothing changed since but its hiding."""
        return replace(self, round_hid="") == replace(found.with_voting_round(), round_hid="")

    def with_round_left(self, found: ExerciseAnswers) -> ExerciseAnswers:
        """Leave a voting round: a round that brought nothing gives back what it hid.

        ``found`` is what the round found when it opened. When nothing has changed since but
        the hiding the round did (no phone answered, nobody typed, nothing was revealed), the
        room saw what it saw before: a facilitator who passes through exercises with voting
        open must not find their results held back from the exports as "not shown in the
        room". Anything new keeps the results hidden until they are revealed.
        """
        if self.gives_back(found):
            return found
        return replace(self, round_hid="") if self.round_hid else self

    def with_round_settled(self) -> ExerciseAnswers:
        """Settle a round a crash left open (``round_hid`` still set): when the answers are those it
        found, the room saw them, and they are shown as before it; else they stay hidden until
        revealed (what came in the round was never shown), as when a round is left."""
        if not self.round_hid:
            return self
        opening, _, digest = self.round_hid.partition(":")
        if digest != self.content_digest() or opening not in ("hidden", "hidden_again"):
            return replace(self, round_hid="")
        again = opening == "hidden_again"  # blind and revealed before the round; else not blind
        return replace(self, blind=again, revealed=again, round_hid="")


def _canonical(value: object) -> object:
    """``value`` with every mapping as sorted pairs (``content_digest``)."""
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _canonical(v)) for k, v in value.items()))
    if isinstance(value, tuple):
        return tuple(_canonical(v) for v in value)
    return value


NO_ANSWERS = ExerciseAnswers()
"""Answers nobody gave yet, to compare with: making one (ten mappings) took 5-20 µs of every
keystroke's edit and save. Never changed: frozen, and its mappings are never mutated."""
