"""What a phone may send and what a vote does: body decoding, refusals, ballots and their edit.

Pure rules with no network: ``Desk`` checks a request against them, the server turns a
``Refused`` into its HTTP answer, and a ``Ballot``'s edit goes through the app's
``SessionKeeper`` like a typed score.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.kinds.votes import VoteBody
from workshop_tui.core.model import Exercise, Participant, Session

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

    A phone votes as the room's participant whose place it took; only a phone participant
    of an earlier version's roll (``v1``…) not yet in the session is added on its first
    vote. A vote replaces the device's
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


def decode_body(raw: bytes, content_type: str, most: int = MAX_BODY_BYTES) -> Any:
    """The JSON of a request body of at most ``most`` bytes (a vote's limit unless said).

    Raises:
        Refused: 413 when too large, 415 when not JSON, 400 when it does not parse.
    """
    if len(raw) > most:
        raise Refused(413, "too_large", f"at most {most} bytes")
    if content_type != "application/json":
        raise Refused(415, "not_json", "send application/json")

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not a number")

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # {"code": "1", "code": "2"} would mean one thing here and another to a proxy.
        made = dict(pairs)
        if len(made) != len(pairs):
            raise ValueError("a key appears twice in one object")
        return made

    try:
        return json.loads(raw.decode("utf-8"), parse_constant=no_constants, object_pairs_hook=no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise Refused(400, "malformed", str(error)[:100]) from None


def fields(body: Any, required: set[str]) -> dict[str, Any]:
    """``body`` as an object with exactly the ``required`` keys, or a 400."""
    if not isinstance(body, dict) or set(body) != required:
        raise Refused(400, "malformed", f"send an object with exactly {', '.join(sorted(required))}")
    return body


def check_vote(exercise: Exercise, scores: Mapping[str, int]) -> None:
    """Refuse a whole vote that breaks its kind's rules (``model.rules`` enforces them too).

    The scores are already on the vote's scale (1 to ``max_per_item`` dots per option).

    Raises:
        Refused: 422 "one_choice" for a single choice on more than one option,
            "too_many_dots" for more dots than a person has.
    """
    body = exercise.body_as(VoteBody)
    votes = body.votes
    if body.single and len(scores) != 1:
        raise Refused(422, "one_choice", "choose exactly one option")
    if sum(scores.values()) > votes.dots:
        raise Refused(422, "too_many_dots", f"at most {votes.dots} dots in all")


def exercise_json(exercise: Exercise, lang: str) -> dict[str, Any]:
    """An exercise as the participant page needs it: texts in ``lang``, the scale, the items.

    ``control`` is the control its kind declares (``Body.control``: a shape and its
    parameters), which is all the page reads to draw it; a vote adds ``votes`` (the dots a
    person has and the most on one option), so the page can stop a phone before the server
    must. The question becomes the prompt unless an item already asks it (a single scale).
    """
    scale = exercise.scale
    assert scale is not None
    control = exercise.body.control(exercise)
    assert control is not None
    question = exercise.question
    asked = question is not None and any(item.text == question for item in exercise.scored_items)
    prompt = exercise.prompt or (None if asked else question)
    extra: dict[str, Any] = {}
    vote = exercise.body_if(VoteBody)
    if vote is not None:
        extra["votes"] = {"dots": vote.votes.dots, "max_per_item": vote.votes.max_per_item}
    return {
        "id": exercise.id,
        "kind": exercise.kind,
        "control": control.as_json(),
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
