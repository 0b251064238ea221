"""The rules of a vote, with no network and no screen: who may join, what a vote may say.

The server hands every request to a ``Desk`` and turns a ``Refused`` into the HTTP
answer; the desk turns an accepted vote into a ``Ballot``, whose ``edit`` is a pure
``Session -> Session`` applied through the same ``SessionKeeper`` as a typed score.
A participant is a random device token mapped to an anonymous id (``v1``, ``v2``…,
shown as V1, V2…); the desk never sees a name, and addresses only as keys of the
flood limit for wrong join codes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workshop_tui.model import Exercise, Participant, Session
from workshop_tui.model.session import MAX_PARTICIPANTS, PHONE_PREFIX
from workshop_tui.voting.limits import Limits, RateLimiter
from workshop_tui.voting.network import DEFAULT_MAX_PARTICIPANTS
from workshop_tui.voting.roll import Roll, new_token

MAX_BODY_BYTES = 4096
"""A vote on the longest exercise is well under 1 kB; larger bodies are refused unread."""


class Refused(Exception):
    """A request the desk will not carry out; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, reason: str, detail: str = "", retry_after: float | None = None) -> None:
        super().__init__(f"{status} {reason}: {detail}" if detail else f"{status} {reason}")
        self.status = status
        self.reason = reason
        """A short machine-readable word the page turns into a sentence ("closed", "full"…)."""
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True)
class Progress:
    """How far the room has come with the open round, for the facilitator's screen."""

    joined: int
    """Devices that ever joined this session's vote."""
    answered: int
    """Voters with at least one answer to the open exercise."""
    complete: int
    """Voters who answered every item of it."""


@dataclass(frozen=True)
class Ballot:
    """One accepted vote: a device's scores for some items of the open exercise."""

    exercise_id: str
    participant_id: str
    scores: Mapping[str, int]
    whole: bool = False
    """The ballot is the device's whole vote (single choice, dot vote): options it leaves
    out lose the device's dots, so a phone can move its choice or its dots in one send."""

    def edit(self, session: Session) -> Session:
        """The vote as an edit of ``session`` (see ``cast_votes``)."""
        return cast_votes(session, [self])


def cast_votes(session: Session, ballots: Sequence[Ballot]) -> Session:
    """Ballots for one exercise as a single edit: a burst of phones costs one copy per row.

    A voter is added to the session on their first vote, and a vote replaces the device's
    earlier answers (a later ballot of the same device wins); a ``whole`` ballot also takes
    the device's dots off the options it leaves out. In tally mode the grid counts
    tallies, so each changed answer also moves one count from the previous score (kept per
    participant) to the new one; a re-vote therefore never counts twice in either mode.

    Raises:
        ScoreError/KeyError: the session refuses the ballots; nothing changes.
    """
    if not ballots:
        return session
    exercise_id = ballots[0].exercise_id
    if any(ballot.exercise_id != exercise_id for ballot in ballots):
        raise KeyError("ballots for different exercises cannot be cast together")
    answers = session.answers_for(exercise_id)
    changes: dict[str, dict[str, int | None]] = {}
    for ballot in ballots:
        if session.participant(ballot.participant_id) is None:
            session = session.with_participant(Participant(ballot.participant_id))
        if ballot.whole:
            # Options left out lose this device's dots, also those of its earlier ballots.
            for item_id in {*answers.scores, *changes}:
                if item_id not in ballot.scores:
                    changes.setdefault(item_id, {})[ballot.participant_id] = None
        for item_id, score in ballot.scores.items():
            changes.setdefault(item_id, {})[ballot.participant_id] = score
    if answers.mode == "tally":
        for item_id, row in changes.items():
            before = answers.scores.get(item_id, {})
            counts = dict(answers.tallies.get(item_id, {}))
            for participant_id, new in row.items():
                previous = before.get(participant_id)
                if previous != new:
                    if previous is not None:
                        counts[previous] = max(0, counts.get(previous, 0) - 1)
                    if new is not None:
                        counts[new] = counts.get(new, 0) + 1
            for score, count in counts.items():
                if count != answers.tallies.get(item_id, {}).get(score, 0):
                    session = session.with_tally(exercise_id, item_id, score, count)
    # In a vote, dots come off before any are put on, so moving dots never counts them
    # twice against the dots a person has (``rules.vote`` checks each option in turn).
    is_vote = session.exercise(exercise_id).is_vote
    scores: dict[str, dict[str, int]] = {}
    for item_id, row in changes.items():
        before = answers.scores.get(item_id, {})
        for participant_id, new in row.items():
            previous = before.get(participant_id)
            if previous is not None and (new is None or (is_vote and previous > new)):
                session = session.with_score(exercise_id, item_id, participant_id, None)
            if new is not None:
                scores.setdefault(item_id, {})[participant_id] = new
    return session.with_scores(exercise_id, scores)


def decode_body(raw: bytes, content_type: str) -> Any:
    """The JSON of a request body.

    Raises:
        Refused: 413 when too large, 415 when not JSON, 400 when it does not parse.
    """
    if len(raw) > MAX_BODY_BYTES:
        raise Refused(413, "too_large", f"at most {MAX_BODY_BYTES} bytes")
    if content_type != "application/json":
        raise Refused(415, "not_json", "send application/json")

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not a number")

    try:
        return json.loads(raw.decode("utf-8"), parse_constant=no_constants)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise Refused(400, "malformed", str(error)[:100]) from None


def _fields(body: Any, required: set[str]) -> dict[str, Any]:
    if not isinstance(body, dict) or set(body) != required:
        raise Refused(400, "malformed", f"send an object with exactly {', '.join(sorted(required))}")
    return body


class Desk:
    """The state of voting in one session: its roll, the open round, and the flood limits."""

    def __init__(
        self,
        roll: Roll,
        *,
        max_participants: int = DEFAULT_MAX_PARTICIPANTS,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.roll = roll
        self.max_participants = max(1, min(max_participants, MAX_PARTICIPANTS))
        self.limits = limits or Limits()
        self.exercise_id: str | None = None
        """The exercise whose round is open, or None while no round is open."""
        self.version = 0
        """Goes up whenever the round changes, so waiting pages know to look again."""
        limits = self.limits
        self._votes = RateLimiter(limits.votes_burst, limits.votes_per_second, clock=clock)
        self._polls = RateLimiter(limits.polls_burst, limits.polls_per_second, clock=clock)
        self._failed_joins = RateLimiter(
            limits.failed_joins_burst, limits.failed_joins_per_second, clock=clock
        )

    @property
    def code(self) -> str:
        """The join code the room types (or gets from the QR code)."""
        return self.roll.code

    def follow(self, session: Session, exercise_id: str | None) -> bool:
        """Open the round on the facilitator's exercise (none when it takes no scores).

        Returns:
            Whether the round changed (and waiting pages should be told).
        """
        target = None
        if exercise_id is not None and exercise_id in session.exercises:
            target = exercise_id if session.exercise(exercise_id).is_scored else None
        if target == self.exercise_id:
            return False
        self.exercise_id = target
        self.version += 1
        return True

    def close(self) -> bool:
        """Close the round: later votes are refused until a round opens again."""
        if self.exercise_id is None:
            return False
        self.exercise_id = None
        self.version += 1
        return True

    def join(
        self, session: Session, body: Any, address: str, token: str | None = None
    ) -> tuple[str, str, bool]:
        """Let a device in with the join code.

        Args:
            address: the device's network address, used only as a key to limit wrong codes.
            token: a token the device already holds; a known one is handed back unchanged.

        Returns:
            (token, participant id, whether the roll changed and must be saved).

        Raises:
            Refused: malformed body (400), wrong code (403), too many wrong codes (429),
                or the room is full (403).
        """
        code = _fields(body, {"code"})["code"]
        if not isinstance(code, str) or len(code) > 32:
            raise Refused(400, "malformed", "the code is a string")
        wait = self._failed_joins.peek(address)
        if wait:
            raise Refused(429, "too_many", "too many wrong codes", retry_after=wait)
        if code.replace(" ", "") != self.roll.code:
            self._failed_joins.allow(address)
            raise Refused(403, "unknown_code")
        known = self.roll.participant_for(token) if token else None
        if token is not None and known is not None:
            return token, known, False
        if len(self.roll.devices) >= self.max_participants:
            raise Refused(403, "full", f"at most {self.max_participants} participants")
        participant_id = self._next_id(session)
        token = new_token()
        self.roll.add(token, participant_id)
        return token, participant_id, True

    def _next_id(self, session: Session) -> str:
        taken = {p.id for p in session.participants} | self.roll.participant_ids
        number = len(self.roll.devices) + 1
        while f"{PHONE_PREFIX}{number}" in taken:
            number += 1
        return f"{PHONE_PREFIX}{number}"

    def participant_for(self, token: str | None) -> str:
        """The participant a device token votes as.

        Raises:
            Refused: 401 for a missing or unknown token (the page then asks for the code).
        """
        participant_id = self.roll.participant_for(token) if token else None
        if participant_id is None:
            raise Refused(401, "unknown_token", "join with the code first")
        return participant_id

    def check_vote_rate(self, token: str) -> None:
        """Refuse (429) a device that votes faster than a person can."""
        wait = self._votes.allow(token)
        if wait:
            raise Refused(429, "too_many", "slow down", retry_after=wait)

    def check_poll_rate(self, token: str) -> None:
        """Refuse (429) a device that asks for the state in a tight loop."""
        wait = self._polls.allow(token)
        if wait:
            raise Refused(429, "too_many", "slow down", retry_after=wait)

    def ballot(self, session: Session, participant_id: str, body: Any) -> Ballot:
        """Check a vote against the open round, its items and its scale.

        A single choice or a dot vote is checked as a whole here, before it queues for a
        save, so a phone hears what is wrong (422) instead of spoiling a batch of votes.

        Raises:
            Refused: 400 malformed, 409 when no round is open or it is for another exercise,
                422 for an unknown item, a score off the scale, or a vote against the rules
                of its kind (see ``check_vote``).
        """
        fields = _fields(body, {"exercise", "scores"})
        exercise_id, scores = fields["exercise"], fields["scores"]
        if not isinstance(exercise_id, str) or not isinstance(scores, dict):
            raise Refused(400, "malformed", "exercise is a string, scores a non-empty object")
        if self.exercise_id is None:
            raise Refused(409, "closed", "no round is open")
        if exercise_id != self.exercise_id:
            raise Refused(409, "moved_on", "the round is on another exercise")
        exercise = session.exercise(exercise_id)
        scale = exercise.scale
        items = {item.id for item in exercise.scored_items}
        if scale is None:
            raise Refused(409, "closed", "this exercise takes no scores")
        if not scores and exercise.kind != "dot_vote":
            # Only a dot vote can be taken back whole (a phone moves all its dots off).
            raise Refused(400, "malformed", "exercise is a string, scores a non-empty object")
        for item_id, score in scores.items():
            if item_id not in items:
                raise Refused(422, "unknown_item", f"no item {item_id[:40]!r}")
            if isinstance(score, bool) or not isinstance(score, int) or not scale.contains(score):
                if exercise.is_vote and isinstance(score, int) and score > scale.max:
                    raise Refused(422, "over_item_max", f"at most {scale.max} dots on one option")
                raise Refused(422, "off_scale", f"scores are whole numbers from {scale.min} to {scale.max}")
        if exercise.is_vote:
            check_vote(exercise, scores)
        return Ballot(exercise_id, participant_id, dict(scores), whole=exercise.is_vote)

    def state(self, session: Session, participant_id: str) -> dict[str, Any]:
        """What a device's page shows: the open exercise, in the session's language, and its own answers."""
        exercise = session.exercise(self.exercise_id) if self.exercise_id else None
        mine: dict[str, int] = {}
        if exercise is not None:
            scores = session.answers_for(exercise.id).scores
            mine = {item: row[participant_id] for item, row in scores.items() if participant_id in row}
        return {
            "version": self.version,
            "open": exercise is not None,
            "participant": participant_id.upper(),
            "exercise": exercise_json(exercise, session.language) if exercise else None,
            "mine": mine,
        }

    def progress(self, session: Session) -> Progress:
        """How many devices joined, and how many answered the open round (some or all items)."""
        voters = self.roll.participant_ids
        if self.exercise_id is None:
            return Progress(len(self.roll.devices), 0, 0)
        exercise = session.exercise(self.exercise_id)
        scores = session.answers_for(self.exercise_id).scores
        answered: set[str] = set()
        counts: dict[str, int] = {}
        for item in exercise.scored_items:
            for pid in scores.get(item.id, {}):
                if pid in voters:
                    answered.add(pid)
                    counts[pid] = counts.get(pid, 0) + 1
        if exercise.is_vote:
            # A vote is sent whole: whoever voted is done, however few options they chose.
            return Progress(len(self.roll.devices), len(answered), len(answered))
        complete = sum(1 for n in counts.values() if n == len(exercise.scored_items))
        return Progress(len(self.roll.devices), len(answered), complete)


def check_vote(exercise: Exercise, scores: Mapping[str, int]) -> None:
    """Refuse a whole vote that breaks its kind's rules (``model.rules`` enforces them too).

    The scores are already on the vote's scale (1 to ``max_per_item`` dots per option).

    Raises:
        Refused: 422 "one_choice" for a single choice on more than one option,
            "too_many_dots" for more dots than a person has.
    """
    votes = exercise.votes
    assert votes is not None, "a vote kind always has votes (set on load)"
    if exercise.kind == "single_choice" and len(scores) != 1:
        raise Refused(422, "one_choice", "choose exactly one option")
    if sum(scores.values()) > votes.dots:
        raise Refused(422, "too_many_dots", f"at most {votes.dots} dots in all")


def exercise_json(exercise: Exercise, lang: str) -> dict[str, Any]:
    """An exercise as the participant page needs it: texts in ``lang``, the scale, the items.

    ``kind`` tells the page which controls to draw; a vote adds ``votes`` (the dots a person
    has and the most on one option), so the page can stop a phone before the server must.
    """
    scale = exercise.scale
    assert scale is not None
    prompt = exercise.prompt or (exercise.question if exercise.kind != "scale" else None)
    extra: dict[str, Any] = {}
    if exercise.votes is not None and exercise.is_vote:
        extra["votes"] = {"dots": exercise.votes.dots, "max_per_item": exercise.votes.max_per_item}
    return {
        "id": exercise.id,
        "kind": exercise.kind,
        "title": exercise.title.get(lang),
        "prompt": prompt.get(lang) if prompt else "",
        "scale": {
            "min": scale.min,
            "max": scale.max,
            "min_label": scale.min_label.get(lang),
            "max_label": scale.max_label.get(lang),
        },
        "items": [{"id": item.id, "text": item.text.get(lang)} for item in exercise.scored_items],
        **extra,
    }
