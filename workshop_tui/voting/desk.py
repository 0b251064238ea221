"""The rules of a vote, with no network and no screen: who may join, what a vote may say.

The server hands every request to a ``Desk`` and turns a ``Refused`` into the HTTP
answer; the desk turns an accepted vote into a ``Ballot``, whose ``edit`` is a pure
``Session -> Session`` applied through the same ``SessionKeeper`` as a typed score.
A device is a random token mapped to one of the room's anonymous participants (a free
place, see ``places``); the desk never sees a name, and addresses only as keys in memory
of the flood limits and of the cap on devices per address.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import Any

from workshop_tui.core.kinds.ranking import RankingBody, unplaced
from workshop_tui.core.kinds.votes import takes_back
from workshop_tui.core.model import Session
from workshop_tui.core.model.session import MAX_PARTICIPANTS
from workshop_tui.core.results.figures import responders
from workshop_tui.core.text_safety import without_invisible
from workshop_tui.voting.limits import Limits, Lockout, RateLimiter, address_key
from workshop_tui.voting.network import DEFAULT_MAX_PARTICIPANTS
from workshop_tui.voting.places import free_place, free_places
from workshop_tui.voting.presence import PRESENT_SECONDS, Progress, device_counts
from workshop_tui.voting.roll import Roll, new_token
from workshop_tui.voting.typed_marks import mark_typed_over, typed_over_changed
from workshop_tui.voting.votes import (
    MAX_BODY_BYTES,
    Ballot,
    Refused,
    cast_votes,
    check_vote,
    decode_body,
    exercise_json,
    fields,
)

__all__ = [
    "MAX_BODY_BYTES",
    "PRESENT_SECONDS",
    "Ballot",
    "Desk",
    "Progress",
    "Refused",
    "cast_votes",
    "check_vote",
    "decode_body",
    "exercise_json",
]


def _address_full(most: int) -> Refused:
    return Refused(403, "address_full", f"at most {most} devices per address")


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
        self._lockout = Lockout(
            limits.wrong_codes_free, limits.lockout_seconds, limits.lockout_max_seconds, clock=clock
        )
        self._joined: dict[str, int] = {}
        """address key -> devices that took a place from it (bounded by the devices that joined)."""
        self._writers: dict[str, int] = {}
        """address key -> writing devices that joined from it without a place (``join``)."""
        self.turned_away = 0
        """Joins refused for want of a free place, since places were last added."""
        self.clock = clock
        """What time it is, for when a device was last heard from (tests set a fake one)."""
        self._heard: dict[str, float] = {}
        """device id -> when it last asked anything (in memory only; bounded by the roll)."""

    @property
    def code(self) -> str:
        """The join code the room types (or gets from the QR code)."""
        return self.roll.code

    def new_code(self) -> str:
        """A new join code: the old one (and any guesses at it) stop working at once."""
        self._lockout.reset()
        return self.roll.new_code()

    def places_added(self) -> None:
        """The facilitator added places: phones turned away may try again."""
        self.turned_away = 0

    def follow(self, session: Session, exercise_id: str | None) -> bool:
        """Open the round on the facilitator's exercise (none when its kind declares no phone control).

        Returns:
            Whether the round changed (and waiting pages should be told).
        """
        target = None
        if exercise_id is not None and exercise_id in session.exercises:
            exercise = session.exercise(exercise_id)
            target = exercise_id if exercise.body.control(exercise) is not None else None
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
        self, session: Session, body: Any, address: str, token: str | None = None, *, writing: bool = False
    ) -> tuple[str, str, bool]:
        """Let a device in with the join code.

        A new device takes a free place among the session's participants (``places``).
        While groups write the exercise on show (``writing``), a new device joins as a
        writing device instead (``roll.WRITER_PREFIX``) and takes no place: a group's phone
        that only writes the sheet would otherwise hold a person's place, or, in a room of
        named people, need the panel's + (which added a participant for good to every count
        of the session). It takes a place only if it votes (``seat``).

        Args:
            address: the device's network address, used only as a key in memory to limit
                wrong codes and the devices that join from one address.
            token: a token the device already holds; a known one is handed back unchanged.

        Returns:
            (token, participant id, whether the roll changed and must be saved).

        Raises:
            Refused: malformed body (400), wrong code (403), joining locked after too many
                wrong codes in the room (429 "locked") or from this address (429), the most
                devices for the session (403 "full") or for this address (403
                "address_full"), or no free place in the room (403 "no_place").
        """
        code = fields(body, {"code"})["code"]
        if not isinstance(code, str) or len(code) > 32:
            raise Refused(400, "malformed", "the code is a string")
        key = address_key(address)
        locked = self._lockout.wait()
        if locked:
            raise Refused(429, "locked", "too many wrong codes in the room", retry_after=locked)
        wait = self._failed_joins.peek(key)
        if wait:
            raise Refused(429, "too_many", "too many wrong codes", retry_after=wait)
        # A code pasted from a chat or mail may carry a zero-width space or a BOM: read by the
        # core's rule (without_invisible), it is the code the person sees, not a wrong one.
        typed = without_invisible(code).replace(" ", "")
        if not secrets.compare_digest(typed.encode(), self.roll.code.encode()):
            self._failed_joins.allow(key)
            self._lockout.failed()
            raise Refused(403, "unknown_code")
        known = self.roll.participant_for(token) if token else None
        if token is not None and known is not None:
            self._heard[known] = self.clock()
            return token, known, False
        if len(self.roll.devices) >= self.max_participants:
            raise Refused(403, "full", f"at most {self.max_participants} devices")
        if writing:
            # Writing devices from one address (a hotspot's shared address) are bounded apart
            # from the voters (as many as the cap, or one per group that writes), so one
            # address still cannot take every device slot of the room.
            most = max(self.limits.devices_per_address, len(session.groups))
            if self._writers.get(key, 0) >= most:
                raise _address_full(most)
            self._writers[key] = self._writers.get(key, 0) + 1
            token, writer = new_token(), self.roll.next_writer()
            self.roll.add(token, writer)
            self._heard[writer] = self.clock()
            return token, writer, True
        if self._joined.get(key, 0) >= self.limits.devices_per_address:
            raise _address_full(self.limits.devices_per_address)
        participant_id = free_place(session, self.roll.participant_ids, self.exercise_id)
        if participant_id is None:
            self.turned_away += 1
            raise Refused(403, "no_place", f"all {len(session.participants)} places are taken")
        token = new_token()
        self.roll.add(token, participant_id)
        self._heard[participant_id] = self.clock()
        self._joined[key] = self._joined.get(key, 0) + 1
        return token, participant_id, True

    def participant_for(self, token: str | None) -> str:
        """The id of a device token: its place, or a writing device's own id (``seat`` gives its place).

        Raises:
            Refused: 401 for a missing or unknown token (the page then asks for the code).
        """
        participant_id = self.roll.participant_for(token) if token else None
        if participant_id is None:
            raise Refused(401, "unknown_token", "join with the code first")
        self._heard[participant_id] = self.clock()  # every request of a device comes through here
        return participant_id

    def seat(self, session: Session, participant_id: str, address: str) -> tuple[str, bool]:
        """The participant a device votes as: a writing device takes a free place first.

        One person, one vote: a device that joined only to write has no place, so before its
        first vote it takes one by the same rules as a join (the cap per address included),
        or is refused as a join would be. It keeps its own id (``participant_for``, its label
        S1 wherever it is named); the roll notes the place beside it (``Roll.seats``).

        Returns:
            (participant id, whether the roll changed and must be saved).

        Raises:
            Refused: 403 "address_full" or "no_place" when a writing device may take no place.
        """
        taken = self.roll.place_of(participant_id)
        if taken is not None:
            return taken, False
        key = address_key(address)
        if self._joined.get(key, 0) >= self.limits.devices_per_address:
            raise _address_full(self.limits.devices_per_address)
        place = free_place(session, self.roll.participant_ids, self.exercise_id)
        if place is None:
            self.turned_away += 1
            raise Refused(403, "no_place", f"all {len(session.participants)} places are taken")
        self.roll.take_seat(participant_id, place)
        self._joined[key] = self._joined.get(key, 0) + 1
        return place, True

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
                of its kind (see ``check_vote``; a ranking that leaves an item without a place
                of its own: ``ranking.unplaced``).
        """
        given = fields(body, {"exercise", "scores"})
        exercise_id, scores = given["exercise"], given["scores"]
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
        if not scores and not takes_back(exercise):
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
        if isinstance(exercise.body, RankingBody) and unplaced(exercise, scores):
            raise Refused(422, "whole_ranking", "give every item a place of its own")
        if not self.owns_answers(session, participant_id, exercise_id):
            raise Refused(409, "typed", "this place already has answers typed in for this exercise")
        if typed_over_changed(
            self.roll, session, participant_id, exercise_id, scores, whole=exercise.is_vote
        ):
            raise Refused(409, "typed_over", "the facilitator typed this answer; it stands as typed")
        return Ballot(exercise_id, participant_id, dict(scores), whole=exercise.is_vote)

    def type_over(self, session: Session, participant_id: str, exercise_id: str, item_id: str) -> bool:
        """The facilitator types the answer of ``participant_id`` to an item its phone answers:
        True the first time (per item), when the caller saves the roll and warns the facilitator;
        the phone is shown so at its next look (the version moves on). See ``typed_marks``."""
        if not mark_typed_over(self.roll, session, participant_id, exercise_id, item_id):
            return False
        self.version += 1
        return True

    def owns_answers(self, session: Session, participant_id: str, exercise_id: str) -> bool:
        """Whether the scores of ``participant_id`` in the exercise are its phone's own to see and change.

        They are when the phone voted there, when there are none yet, or for a phone
        participant (``V1``…) of a session from before phones took the room's places.
        """
        participant = session.participant(participant_id)
        if participant is None or participant.by_phone or self.roll.has_voted(participant_id, exercise_id):
            return True
        return not any(participant_id in row for row in session.answers_for(exercise_id).scores.values())

    def state(self, session: Session, participant_id: str) -> dict[str, Any]:
        """What a device's page shows: the open exercise, in the session's language, and its own answers.

        Only the device's own answers (its place's: a writing device's once it voted), none
        of anyone else's, and no figures of the room.
        """
        participant_id = self.roll.place_of(participant_id) or participant_id
        exercise = session.exercise(self.exercise_id) if self.exercise_id else None
        mine: dict[str, int] = {}
        if exercise is not None and self.owns_answers(session, participant_id, exercise.id):
            scores = session.answers_for(exercise.id).scores
            mine = {item: row[participant_id] for item, row in scores.items() if participant_id in row}
        typed = sorted(self.roll.typed_items(participant_id, exercise.id)) if exercise is not None else []
        return {
            "version": self.version,
            "open": exercise is not None,
            "participant": participant_id.upper(),
            "exercise": exercise_json(exercise, session.language) if exercise else None,
            "mine": mine,
            "typed": typed,
        }

    def counts(self) -> tuple[int, int, int]:
        """Writing devices (no place); and of the others, and of them, those heard from lately
        (``Progress.present``, ``present_writers``). Without a round's answers: cheap enough to ask
        every few seconds whether a phone went quiet or came back, which no request says."""
        return device_counts(self.roll, self._heard, self.clock())

    def progress(self, session: Session) -> Progress:
        """How many devices joined, and how many answered the open round (some or all items)."""
        voters = self.roll.participant_ids

        def progress(answered: int, complete: int) -> Progress:
            places = len(free_places(session, voters, self.exercise_id))
            writers, present, present_writers = self.counts()
            joined = len(self.roll.devices) - writers
            return Progress(
                joined,
                answered,
                complete,
                places,
                self.turned_away,
                self._lockout.wait(),
                writers,
                present,
                present_writers,
            )

        if self.exercise_id is None:
            return progress(0, 0)
        exercise = session.exercise(self.exercise_id)
        return progress(*responders(exercise, session.answers_for(self.exercise_id), voters))
