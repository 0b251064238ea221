"""The roll of a session's voting: which device token is which participant, and the join code.

It is kept beside the session, not in it (``<data dir>/voting/<session id>.toml``; another
file with the same id has its own, ``roll_place.py``), so a session file or an export never
carries tokens. Tokens are stored only as hashes, and
nothing about a device (no address, no browser) is stored at all. Keeping the roll on
disk is what lets a phone carry on as the same anonymous participant after the app was
closed or crashed and reopened: the same token, the same column, so no vote is counted
twice. The join code is never stored: each time voting opens it is new, so a photo of an
earlier QR code lets nobody in, while phones that joined before keep their token.

The roll also notes, per participant, the exercises its phone voted on: a phone is only
ever shown (and may only change) answers it gave itself, never scores the facilitator
typed for its place before the phone took it.

A device that joined only to write (``~w1``, shown S1) and then voted holds a place as well
(``seats``): it keeps its id, so the room reads one name per phone in the marks, the merge
markers and on the phone itself, while its votes go to the place.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.locations import data_dir, file_for
from workshop_tui.core.storage.tomlio import atomic_write, dumps, read_toml

if TYPE_CHECKING:
    from workshop_tui.core.model import Session

CODE_DIGITS = 6
"""A million codes: with the room's wrong codes limited (``limits.Lockout``), guessing one
takes years, and the code changes each time voting opens."""
_HASH = re.compile(r"^[0-9a-f]{64}$")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
WRITER_PREFIX = "~w"
"""The roll's id of a device that joined only to write a group's sheet (``~w1``, ``~w2``…): no
participant id has a ``~`` (``core.model.ids``), so a writer never takes nor counts as a place."""


def is_writer(participant_id: str) -> bool:
    """Whether a roll id is a writing device's (no participant place), not a participant's."""
    return participant_id.startswith(WRITER_PREFIX)


def writer_number(participant_id: str) -> int:
    """The number of a writing device's id (``~w3`` -> 3; 0 for anything else)."""
    rest = participant_id[len(WRITER_PREFIX) :] if is_writer(participant_id) else ""
    return int(rest) if rest.isascii() and rest.isdigit() and len(rest) < 6 else 0


def roll_path(session_id: str, base: Path | None = None) -> Path:
    """Where the roll of a session is kept.

    Raises:
        UnsafeName: the session id is not a valid id or leads out of the voting folder
            (the loader refuses such ids; this guards any other way one could get here).
    """
    return file_for((base or data_dir()) / "voting", session_id, ".toml")


def token_hash(token: str) -> str:
    """What is stored for a token: enough to recognise it, not to forge it."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def valid_token(token: str) -> bool:
    """Whether ``token`` has the shape of a token this app hands out (checked before hashing)."""
    return bool(_TOKEN.fullmatch(token))


def new_code() -> str:
    """A random join code of ``CODE_DIGITS`` digits."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def new_token() -> str:
    """A random device token (144 bits, URL-safe)."""
    return secrets.token_urlsafe(18)


class Roll:
    """The join code (in memory only) and the devices that joined, as token hash -> participant id."""

    def __init__(
        self,
        code: str,
        devices: dict[str, str] | None = None,
        voted: dict[str, list[str]] | None = None,
        seats: dict[str, str] | None = None,
        typed: dict[str, list[str]] | None = None,
        typed_from: dict[tuple[str, str], int | None] | None = None,
    ) -> None:
        self.code = code
        self.devices: dict[str, str] = dict(devices or {})
        """token hash -> the device's id: a participant's (its place) or a writing device's (``~w1``)."""
        self.voted: dict[str, set[str]] = {pid: set(ids) for pid, ids in (voted or {}).items()}
        """participant id -> the exercises its phone voted on."""
        self.seats: dict[str, str] = dict(seats or {})
        """writing device id -> the place it took when it first voted (``Desk.seat``)."""
        self.typed: dict[str, set[str]] = {pid: set(keys) for pid, keys in (typed or {}).items()}
        """participant id -> the answers (``exercise/item``) the facilitator typed over its phone's:
        they stand as typed, and the phone may no longer change them (``Desk.ballot``)."""
        self.typed_from: dict[tuple[str, str], int | None] = dict(typed_from or {})
        """(participant id, ``exercise/item``) -> the phone's score the facilitator typed over: an undo
        that puts it back takes the mark off, a redo puts it on (``unmark``). Kept in the file
        (``phone_scores``): a mark made before voting was closed and opened again was never taken
        off by Ctrl+Z, and the phone could no longer change its own answer."""

    @classmethod
    def new(cls) -> Roll:
        """A roll with a fresh random code and no devices."""
        return cls(new_code())

    def new_code(self) -> str:
        """Give the roll a new join code (devices that joined keep their tokens)."""
        self.code = new_code()
        return self.code

    def has_voted(self, participant_id: str, exercise_id: str) -> bool:
        """Whether this participant's phone voted on the exercise (its answers there are its own)."""
        return exercise_id in self.voted.get(participant_id, ())

    def mark_voted(self, participant_id: str, exercise_id: str) -> bool:
        """Note that the participant's phone voted on the exercise; True when that is new."""
        seen = self.voted.setdefault(participant_id, set())
        if exercise_id in seen:
            return False
        seen.add(exercise_id)
        return True

    def mark_typed(
        self, participant_id: str, exercise_id: str, item_id: str, phone_score: int | None = None
    ) -> bool:
        """Note that the facilitator typed the participant's answer to an item its phone gave
        (``phone_score``, kept for ``unmark``); True when that is new."""
        seen = self.typed.setdefault(participant_id, set())
        key = f"{exercise_id}/{item_id}"
        if key in seen:
            return False
        seen.add(key)
        self.typed_from[(participant_id, key)] = phone_score
        return True

    def unmark(self, before: Session, after: Session) -> list[str]:
        """Follow an undo or redo from ``before`` to ``after``: an answer typed over that went back
        to the score its phone gave loses its mark, one that left it again (a redo) has it back;
        the places whose mark went (in order; a mark put back is a change too, listed as "").

        Ctrl+Z after typing over a phone's answer put its score back, and the mark kept the
        phone from changing its own answer again. A mark read from the file (an earlier opening)
        has no phone's score here and stays. A phone's own vote after the undo is made again on
        whatever a redo goes to (``UndoHistory``): the answer stays the phone's, unmarked.
        """
        changed: list[str] = []
        for (pid, key), phone_score in self.typed_from.items():
            exercise_id, item_id = key.split("/", 1)
            was, now = score_of(before, pid, exercise_id, item_id), score_of(after, pid, exercise_id, item_id)
            if was == now:
                continue
            marks = self.typed.setdefault(pid, set())
            if now == phone_score and key in marks:
                marks.discard(key)
                changed.append(pid)
            elif was == phone_score and key not in marks:
                marks.add(key)
                changed.append("")
        return changed

    def typed_items(self, participant_id: str, exercise_id: str) -> set[str]:
        """The items of the exercise whose answer the facilitator typed over this participant's phone's."""
        prefix = f"{exercise_id}/"
        return {key[len(prefix) :] for key in self.typed.get(participant_id, ()) if key.startswith(prefix)}

    def participant_for(self, token: str) -> str | None:
        """The id of a device token (its label; ``place_of`` is where it votes), or None when unknown."""
        if not valid_token(token):
            return None
        return self.devices.get(token_hash(token))

    def add(self, token: str, participant_id: str) -> None:
        """Remember that ``token`` votes as ``participant_id``."""
        self.devices[token_hash(token)] = participant_id

    def place_of(self, device_id: str) -> str | None:
        """The place a device votes as: its own id, the place a writing device took, or None."""
        return self.seats.get(device_id) if is_writer(device_id) else device_id

    def take_seat(self, device_id: str, place: str) -> None:
        """Note that the writing device ``device_id`` votes as ``place`` from now on."""
        self.seats[device_id] = place

    @property
    def participant_ids(self) -> set[str]:
        """Every place a device holds (a writing device only once it voted, ``seats``)."""
        ids = set(self.devices.values())
        return {pid for pid in ids if not is_writer(pid)} | {self.seats[w] for w in ids if w in self.seats}

    def next_writer(self) -> str:
        """An id for one more writing device: ``~w<n>`` after the highest in use."""
        return f"{WRITER_PREFIX}{max((writer_number(p) for p in self.devices.values()), default=0) + 1}"

    def to_text(self) -> str:
        """The roll as TOML."""
        voted = {pid: sorted(ids) for pid, ids in sorted(self.voted.items()) if ids}
        table: dict[str, object] = {"devices": dict(sorted(self.devices.items())), "voted": voted}
        if self.seats:
            table["seats"] = dict(sorted(self.seats.items()))
        typed = {pid: sorted(keys) for pid, keys in sorted(self.typed.items()) if keys}
        if typed:
            table["typed"] = typed
        phone: dict[str, dict[str, int]] = {}
        for (pid, key), score in sorted(self.typed_from.items()):
            if score is not None:
                phone.setdefault(pid, {})[key] = score
        if phone:
            table["phone_scores"] = phone
        return dumps(table)

    def save(self, path: Path) -> None:
        """Write the roll atomically.

        Raises:
            SessionWriteError: the file could not be written.
        """
        atomic_write(path, self.to_text(), keep_backup=False)

    @classmethod
    def load(cls, path: Path, *, set_aside: bool = True) -> tuple[Roll, str | None]:
        """Read a roll, with a new join code; a missing file gives a new roll.

        ``set_aside`` False leaves a roll that cannot be read where it is (read while voting is
        closed, ``typed_marks.ClosedRoll``: opening voting deals with it).

        A roll written by an earlier version also holds its join code; it is not used.

        Returns:
            The roll, and a problem to log when the file could not be used (it is then
            kept as ``.damaged`` and a new roll is started, so voting still opens).
        """
        if not path.exists() and not path.is_symlink():
            return cls.new(), None
        try:
            # Through the one reader of TOML files: a BOM (Notepad) is read past, and a link,
            # a pipe (which would hang the opening of voting) or a file of megabytes is refused.
            data, _ = read_toml(path)
            devices = data.get("devices", {})
            voted = data.get("voted", {})
            seats = data.get("seats", {})
            typed = data.get("typed", {})
            phone = data.get("phone_scores", {})
            if not all(isinstance(table, dict) for table in (devices, voted, seats, typed, phone)):
                raise ValueError("devices, voted, seats, typed or phone_scores have the wrong form")
            for key, value in devices.items():
                if not _HASH.fullmatch(key) or not _device_id(value):
                    raise ValueError(f"device entry {key[:80]!r} has the wrong form")
            for key, value in voted.items():
                if not valid_id(key) or not isinstance(value, list) or not all(valid_id(v) for v in value):
                    raise ValueError(f"voted entry {key[:80]!r} has the wrong form (a place = exercise ids)")
            _check_seats(seats, devices)
            for key, value in typed.items():
                if not valid_id(key) or not isinstance(value, list) or not all(_typed_key(v) for v in value):
                    raise ValueError(
                        f"typed entry {key[:80]!r} has the wrong form (a place = exercise/item ids)"
                    )
            typed_from = _phone_scores(phone)
        except (FileProblems, KeyError, ValueError, RecursionError) as error:
            # RecursionError: tomllib recurses per level of nesting ('x = [[[…' 100,000 deep).
            kept = _set_aside(path) if set_aside else None
            return (
                cls.new(),
                f"{path}: {error}; kept as {kept.name if kept else '(not moved)'}, a new roll was started",
            )
        return cls(new_code(), devices, voted, seats, typed, typed_from), None


def _set_aside(path: Path) -> Path | None:
    """Move a roll that cannot be used to ``<name>.damaged`` (``-2``, ``-3``… when taken); None if it stayed.

    Never over another file: a second damaged roll of the same session replaced the first,
    and the earlier one (the only record of which phone held which place) was gone.
    """
    for number in range(1, 1000):
        target = path.with_name(path.name + ".damaged" + (f"-{number}" if number > 1 else ""))
        try:
            os.link(path, target, follow_symlinks=False)  # fails on an existing name: nothing is replaced
        except FileExistsError:
            continue
        except OSError:  # no hard links here (some network or FAT drives): a rename to a free name
            if target.exists() or target.is_symlink():
                continue
            try:
                path.rename(target)
            except OSError:
                return None
            return target
        with contextlib.suppress(OSError):
            path.unlink()
        return target
    return None


def _phone_scores(table: dict[str, object]) -> dict[tuple[str, str], int | None]:
    """The roll's ``phone_scores`` (place -> ``exercise/item`` -> the phone's score typed over).

    Raises:
        ValueError: an entry of another form (the roll is then set aside, as for any other).
    """
    found: dict[tuple[str, str], int | None] = {}
    for pid, scores in table.items():
        if not valid_id(pid) or not isinstance(scores, dict):
            raise ValueError(f"phone_scores entry {pid[:80]!r} has the wrong form (a place = a table)")
        for key, score in scores.items():
            if not _typed_key(key) or isinstance(score, bool) or not isinstance(score, int):
                raise ValueError(
                    f"phone_scores entry {pid[:80]!r} has the wrong form (exercise/item = a score)"
                )
            found[(pid, key)] = score
    return found


def _typed_key(value: object) -> bool:
    """Whether ``value`` is an ``exercise/item`` pair of ids, as ``Roll.mark_typed`` writes it."""
    if not isinstance(value, str) or value.count("/") != 1:
        return False
    exercise_id, item_id = value.split("/")
    return valid_id(exercise_id) and valid_id(item_id)


def _writer_id(value: object) -> bool:
    """Whether ``value`` is a writing device's id as ``Roll.next_writer`` makes it (``~w1``; no ``~w01``)."""
    return (
        isinstance(value, str)
        and writer_number(value) > 0
        and value == f"{WRITER_PREFIX}{writer_number(value)}"
    )


def _device_id(value: object) -> bool:
    """Whether ``value`` may be a device's id in the roll: a place's (a participant id) or a writer's."""
    return valid_id(value) or _writer_id(value)


def _check_seats(seats: dict[str, object], devices: dict[str, str]) -> None:
    """Refuse seats that are no place, or a place another device holds (two devices voting as one).

    A seat's place becomes a participant of the session at its first vote and is shown on its
    phone, so it is held to the id rule of a session's participants (``ids.valid_id``).

    Raises:
        ValueError: naming the seat and what is wrong (the message is logged; the file is kept).
    """
    held = {place for place in devices.values() if not is_writer(place)}
    for key, value in seats.items():
        if not _writer_id(key) or not isinstance(value, str) or is_writer(value) or not valid_id(value):
            raise ValueError(f"seat {key[:80]!r} has the wrong form (a writer's id = a participant id)")
        if value in held:
            raise ValueError(f"seat {key[:80]!r}: place {value!r} is held by another device")
        held.add(value)


def score_of(session: Session, participant_id: str, exercise_id: str, item_id: str) -> int | None:
    """The participant's score for an item, or None (what a mark of ``Roll.typed_from`` keeps)."""
    return session.answers_for(exercise_id).scores.get(item_id, {}).get(participant_id)
