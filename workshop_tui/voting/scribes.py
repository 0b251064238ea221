"""The rules of writing from a device, with no network: a group's fields, and open answers.

A group's scribe writes that group's fields of a sheet, table or action list
(``Body.write_fields``); anyone writes short open answers. The server hands each request to
``Scribes``, which checks it (the exercise takes writing, the field exists, the text is
cleaned of control characters and within its length) and returns an edit the server
saves through the keeper like a vote (``writes.EditCommit``).

Writes are accepted for any exercise of the session that takes them, not only the one on
show: a scribe who is still typing when the facilitator moves on must not lose a word.
Who wrote a field last is kept in memory for a few seconds (the page says "P3 skriver
også her"); nothing about a device is written to the file beyond the text itself, and an
open answer is stored under a random id the page makes, never the device's place.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.open_answers import OpenBody
from workshop_tui.core.model import Exercise, Session, Text
from workshop_tui.core.model.exercise import WriteField
from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.core.writing import Written, field_text, version_of, write_field
from workshop_tui.voting.limits import RateLimiter
from workshop_tui.voting.roll import is_writer, writer_number
from workshop_tui.voting.votes import Refused, fields

WRITE_BODY_BYTES = 24 * 1024
"""A write holds at most ``LIMITS["lines"]`` characters of æøå, escaped as JSON, with room to spare."""
LIMITS = {"lines": 4000, "line": 300, "date": 40, "choice": 80}
"""The longest text a device may write into a field of each shape."""
WRITING_SECONDS = 12.0
"""A device that wrote a field this recently is shown to the group's other writers."""
VERSIONS_KEPT = 32
"""Texts a field had lately, kept in memory by their version, so a write typed over one of them
can be merged with a change made meanwhile (the device sends only the version)."""
SHOWN_SECONDS = 5.0
"""The app marks a field as being written this long after a device's last write into it (the
page sends a few words after each pause in typing, so a scribe still typing writes well within it)."""
WRITES_BURST = 40.0
"""Writes a device may send in a row (a scribe typing in several fields, resending after a drop)."""
WRITES_PER_SECOND = 6.0


def clean(text: str, *, multiline: bool) -> str:
    """A device's text without control characters or escape sequences (line breaks kept in ``multiline``)."""
    return for_terminal(text.replace("\r\n", "\n"), multiline=multiline)


def writable(exercise: Exercise) -> bool:
    """Whether devices write in ``exercise``: groups' fields, or open answers."""
    return bool(exercise.body.write_fields(exercise)) or exercise.body_if(OpenBody) is not None


def _text(text: Text | None, lang: str) -> str:
    return text.get(lang) if text is not None else ""


def field_json(field: WriteField, lang: str) -> dict[str, Any]:
    """One field as the page draws it: label, question and sub-questions, shape, options, limit."""
    return {
        "key": field.key,
        "label": field.label.get(lang),
        "shape": field.shape,
        "question": _text(field.question, lang),
        "subs": [s.get(lang) for s in field.sub_texts],
        "options": [[option_id, label.get(lang)] for option_id, label in field.options],
        "section": _text(field.section, lang),
        "max": LIMITS[field.shape],
    }


@dataclass(frozen=True)
class FieldWrite:
    """A checked write into a group's field; ``apply`` is the edit (see ``core.writing``)."""

    exercise_id: str
    group_id: str
    key: str
    text: str
    base: str
    who: str
    base_text: str | None = None
    """The text of version ``base`` when the server still knows it (see ``core.writing.three_way``)."""

    def apply(self, session: Session) -> tuple[Session, Written]:
        return write_field(
            session, self.exercise_id, self.group_id, self.key, self.text, self.base, self.who, self.base_text
        )


@dataclass(frozen=True)
class OpenWrite:
    """A checked open answer (or its change, or "" to take it back) under its random id."""

    exercise_id: str
    answer_id: str
    text: str

    def apply(self, session: Session) -> tuple[Session, Written]:
        session = session.with_open(self.exercise_id, self.answer_id, self.text)
        return session, Written(self.text, "saved")


def label(session: Session, participant_id: str) -> str:
    """How a device is named to the room: its place (``P3``), or a writing device's short
    label from the catalogue ("S2", skriver; the marks name the group beside it). Built
    from the roll's own id, never from anything a phone sent."""
    if is_writer(participant_id):
        return t("phone.write.device", session.language, n=writer_number(participant_id))
    return participant_id.upper()


class Scribes:
    """Writing from devices in one session: the round on show, the flood limit, who writes where."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.exercise_id: str | None = None
        """The exercise on show when devices write in it (the page shows its fields)."""
        self._clock = clock
        self._writes = RateLimiter(WRITES_BURST, WRITES_PER_SECOND, clock=clock)
        self._recent: dict[tuple[str, str, str], dict[str, float]] = {}
        """(exercise, group, field) -> the places of the devices that wrote there -> when they last did."""
        self._versions: dict[tuple[str, str, str], dict[str, str]] = {}
        """(exercise, group, field) -> version -> the text it stands for (the last ``VERSIONS_KEPT``)."""
        self._answers: dict[str, set[str]] = {}
        """device token -> the ids of its open answers (in memory only: for ``per_device``)."""

    def follow(self, session: Session, exercise_id: str | None) -> bool:
        """Show the facilitator's exercise to writers when devices write in it; True when that changed."""
        target = None
        if exercise_id is not None and exercise_id in session.exercises:
            target = exercise_id if writable(session.exercise(exercise_id)) else None
        changed = target != self.exercise_id
        self.exercise_id = target
        return changed

    def seen(self, exercise_id: str, group_id: str, key: str, text: str) -> None:
        """Remember a text a device was given (or wrote), so a write typed over it can be merged."""
        kept = self._versions.setdefault((exercise_id, group_id, key), {})
        kept[version_of(text)] = text
        while len(kept) > VERSIONS_KEPT:
            del kept[next(iter(kept))]

    def mode(self, session: Session) -> str:
        """ "group" while groups write the exercise on show, "open" for open answers, else ""."""
        if self.exercise_id is None or self.exercise_id not in session.exercises:
            return ""
        return "open" if session.exercise(self.exercise_id).body_if(OpenBody) is not None else "group"

    def writing(self, exercise_id: str) -> dict[tuple[str, str], tuple[str, ...]]:
        """Who writes where in ``exercise_id`` now, for the app's marks: (group, field key) -> places.

        A device counts for ``SHOWN_SECONDS`` after its last write into the field; the
        facilitator's own typing never counts (it does not come through here).
        """
        now = self._clock()
        found: dict[tuple[str, str], tuple[str, ...]] = {}
        for (exercise, group, key), recent in self._recent.items():
            if exercise == exercise_id:
                who = tuple(sorted(w for w, when in recent.items() if now - when < SHOWN_SECONDS))
                if who:
                    found[(group, key)] = who
        return found

    def marks_change_in(self, exercise_id: str) -> float | None:
        """Seconds until the next of ``exercise_id``'s marks goes (None: no field is marked)."""
        now = self._clock()
        left = [
            SHOWN_SECONDS - (now - when)
            for (exercise, _, _), recent in self._recent.items()
            if exercise == exercise_id
            for when in recent.values()
            if now - when < SHOWN_SECONDS
        ]
        return min(left) if left else None

    def refused(self, write: FieldWrite) -> None:
        """The session refused ``write`` (a date it cannot read, "næste uge"): its mark goes now.

        ``field_write`` marks the field as the write is checked, so the laptop shows a scribe
        at work while the save is on its way; a write that was never kept left "✎ skriver" on
        the field for ``SHOWN_SECONDS``, as if a date were coming. Nobody writes there: the
        page says why and waits for the scribe.
        """
        recent = self._recent.get((write.exercise_id, write.group_id, write.key))
        if recent is not None:
            recent.pop(write.who, None)

    def check_rate(self, token: str) -> None:
        """Refuse (429) a device that writes faster than a scribe can."""
        wait = self._writes.allow(token)
        if wait:
            raise Refused(429, "too_many", "slow down", retry_after=wait)

    def state(self, session: Session) -> dict[str, Any] | None:
        """What the page draws for writing in the exercise on show (None when nobody writes now)."""
        if self.exercise_id is None or self.exercise_id not in session.exercises:
            return None
        exercise = session.exercise(self.exercise_id)
        lang = session.language
        prompt = exercise.prompt or exercise.question
        out: dict[str, Any] = {
            "exercise": exercise.id,
            "title": exercise.title.get(lang),
            "prompt": _text(prompt, lang),
        }
        body = exercise.body_if(OpenBody)
        if body is not None:
            return out | {"mode": "open", "max": body.max_chars, "per_device": body.per_device}
        return out | {
            "mode": "group",
            "groups": [{"id": g.id, "name": g.label(lang)} for g in session.groups],
            "fields": [field_json(f, lang) for f in exercise.body.write_fields(exercise)],
        }

    def _exercise(self, session: Session, exercise_id: Any) -> Exercise:
        if not isinstance(exercise_id, str) or exercise_id not in session.exercises:
            raise Refused(409, "not_writing", "no such exercise in this session")
        exercise = session.exercise(exercise_id)
        if not writable(exercise):
            raise Refused(409, "not_writing", "nobody writes in this exercise")
        return exercise

    def _field(self, session: Session, exercise: Exercise, group_id: Any, key: Any) -> WriteField:
        if not isinstance(group_id, str) or not any(g.id == group_id for g in session.groups):
            raise Refused(409, "no_group", "choose your group again")
        found = next((f for f in exercise.body.write_fields(exercise) if f.key == key), None)
        if found is None:
            raise Refused(422, "unknown_field", "no such field")
        return found

    def texts(
        self, session: Session, query: dict[str, str], participant_id: str, shown: Session | None = None
    ) -> dict[str, Any]:
        """A group's fields as they are now: texts, their versions, and who else writes where.

        The texts are ``shown``'s, the session as the wall shows it (``text_safety.ShownCopies``,
        as ``/api/state`` sends): texts are cleaned on write, but a mailed session file can hold
        a U+202E or an escape sequence. The versions stay those of the texts on file, so a
        scribe's write typed over a cleaned text replaces it (cleaned in turn), not merged beside.
        """
        shown = session if shown is None else shown
        exercise = self._exercise(session, query.get("e"))
        group_id = query.get("g")
        if not isinstance(group_id, str) or not any(g.id == group_id for g in session.groups):
            raise Refused(409, "no_group", "choose your group again")
        now = self._clock()
        texts, versions, writers = {}, {}, {}
        for field in exercise.body.write_fields(exercise):
            text = field_text(session, exercise.id, group_id, field.key)
            texts[field.key] = field_text(shown, exercise.id, group_id, field.key)
            versions[field.key] = version_of(text)
            self.seen(exercise.id, group_id, field.key, text)
            recent = self._recent.get((exercise.id, group_id, field.key), {})
            me = label(session, participant_id)
            others = sorted(w for w, when in recent.items() if w != me and now - when < WRITING_SECONDS)
            if others:
                writers[field.key] = ", ".join(others)
        return {
            "exercise": exercise.id,
            "group": group_id,
            "texts": texts,
            "versions": versions,
            "writers": writers,
        }

    def field_write(self, session: Session, participant_id: str, body: Any) -> FieldWrite:
        """Check a write into a group's field.

        Raises:
            Refused: 400 malformed, 409 no such exercise or group, 422 no such field or too long.
        """
        given = fields(body, {"exercise", "group", "field", "text", "base"})
        text, base = given["text"], given["base"]
        if not isinstance(text, str) or not isinstance(base, str) or len(base) > 64:
            raise Refused(400, "malformed", "text and base are strings")
        exercise = self._exercise(session, given["exercise"])
        field = self._field(session, exercise, given["group"], given["field"])
        text = clean(text, multiline=field.shape == "lines")
        if len(text) > LIMITS[field.shape]:
            raise Refused(422, "too_long", f"at most {LIMITS[field.shape]} characters")
        who = label(session, participant_id)
        now = self._clock()
        recent = self._recent.setdefault((exercise.id, given["group"], field.key), {})
        for old in [w for w, when in recent.items() if now - when >= WRITING_SECONDS]:
            del recent[old]  # bounded by the devices writing in one field at once
        recent[who] = now
        base_text = self._versions.get((exercise.id, given["group"], field.key), {}).get(base)
        return FieldWrite(exercise.id, given["group"], field.key, text, base, who, base_text)

    def open_write(self, session: Session, token: str, body: Any) -> OpenWrite:
        """Check an open answer: its random id, its length, and the device's number of answers.

        Raises:
            Refused: 400 malformed or a bad id, 409 not an open-answers exercise, 422 too long
                or too many answers from this device.
        """
        given = fields(body, {"exercise", "answer", "text"})
        answer_id, text = given["answer"], given["text"]
        if not isinstance(text, str) or not valid_id(answer_id) or len(answer_id) > 40:
            raise Refused(400, "malformed", "answer is an id (letters, digits, - _), text a string")
        exercise = self._exercise(session, given["exercise"])
        body_ = exercise.body_if(OpenBody)
        if body_ is None:
            raise Refused(409, "not_writing", "this exercise takes no open answers")
        text = clean(text, multiline=False).strip()
        if len(text) > body_.max_chars:
            raise Refused(422, "too_long", f"at most {body_.max_chars} characters")
        mine = self._answers.setdefault(token, set())
        if answer_id not in mine:
            if text and len(mine) >= body_.per_device:
                raise Refused(422, "too_many_answers", f"at most {body_.per_device} answers")
            if answer_id in session.answers_for(exercise.id).opens:
                # Another device's answer id (guessed or copied): never overwritten, nor taken
                # back with an empty text (that removed it).
                raise Refused(409, "malformed", "answer id taken")
            if text:
                mine.add(answer_id)
        return OpenWrite(exercise.id, answer_id, text)
