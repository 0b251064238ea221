"""The first line of a saved session: its progress for the list, and a checksum that vouches for it.

Listing a folder must not parse whole files (a 40-person seminar takes ~10 ms to read and
validate, so a thousand files took seconds). Everything the list shows except the progress
is in the keys at the top of the file; the progress depends on the agenda, the people and
every answer further down. So each save writes it as a TOML comment on the first line::

    # workshop-tui: 3 of 9 exercises done; checksum 1a2b3c4d of the tables below

A comment, because it is not part of the session: older versions and TOML tools ignore it,
and a file without it (an older version's, or one written by hand) is simply read fully
once and then kept in the folder's index. The checksum (CRC-32, computed at about a GB/s)
covers the progress it states and the file from its first table or array on (the part the
progress is computed from), so a file edited by hand below its header, or in that line, is
read and validated fully again, and a broken edit is reported as before. The keys above
the first table (id, title, date…) are outside it, so a copy under a new id or title keeps
its seal; the list checks them as a full read would. The seal guards against accidents,
not forgery: a hostile file can carry a matching line, but opening a session always reads
and validates the whole file, and the list shows only strings, which are untrusted
wherever they are shown.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_tui.core.model import Session

BODY_START = re.compile(rb"^(?:\[|[ \t]*[A-Za-z0-9_.\"'-]+[ \t]*=[ \t]*[\[{])", re.MULTILINE)
"""The first line that opens a table or an array: where the header the list reads ends."""
_LINE = "# workshop-tui: {done} of {total} exercises done; checksum {crc:08x} of the tables below\n"
_READ = re.compile(
    rb"# workshop-tui: ([0-9]{1,4}) of ([0-9]{1,4}) exercises done; checksum ([0-9a-f]{8}) [^\n]*\n"
)


def _checksum(progress: tuple[int, int], body: bytes | memoryview) -> int:
    """The CRC-32 of the progress the seal says and of the body it says it of."""
    return zlib.crc32(body, zlib.crc32(b"%d/%d" % progress))


def sealed(text: str | bytes, progress: tuple[int, int]) -> bytes:
    """``text`` (a session's TOML as saved, or its UTF-8 bytes) with the seal line put first.

    Bytes, because a save writes bytes: encoding a seminar's text costs more than the
    checksum (a third of a millisecond for 100 KB of Danish), so it is done once; the
    keystroke writer hands over bytes it keeps encoded piece by piece.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    found = BODY_START.search(data)
    crc = _checksum(progress, memoryview(data)[found.start() if found else len(data) :])
    return _LINE.format(done=progress[0], total=progress[1], crc=crc).encode("ascii") + data


def unsealed(data: bytes) -> bytes:
    """The file without its seal line (if it has one)."""
    found = _READ.match(data)
    return data[found.end() :] if found else data


@dataclass(frozen=True)
class Seal:
    """What a valid seal vouches for."""

    progress: tuple[int, int]
    """(exercises done, exercises on the agenda)."""
    header: bytes
    """The keys between the seal line and the first table (not covered by the checksum)."""


def read_seal(data: bytes) -> Seal | None:
    """The progress a file's seal line gives, if the line is there and its checksum matches the file.

    None when the file has no seal, the seal is damaged, or the body was changed since the
    save that wrote it; then the file must be read fully.
    """
    found = _READ.match(data)
    if found is None:
        return None
    done, total = int(found.group(1)), int(found.group(2))
    start = found.end()
    body = BODY_START.search(data, start)
    end = body.start() if body else len(data)
    if done > total or _checksum((done, total), memoryview(data)[end:]) != int(found.group(3), 16):
        return None
    return Seal((done, total), data[start:end])


class ProgressCache:
    """A session's progress for each save, judging again only the exercises an edit changed.

    Judging all of a 40-person seminar's exercises takes about half a millisecond, a
    quarter of what a keystroke's save may cost beyond the disk; a keystroke changes the
    answers of one exercise, and answers, exercises and the lists of people and groups are
    immutable values, so an exercise whose four inputs are the same objects is still judged
    the same (the objects are kept, so their ids are not reused).
    """

    def __init__(self) -> None:
        self._done: dict[str, tuple[object, object, object, object, bool]] = {}
        """exercise id -> the four inputs it was judged from, and whether it was done."""

    def progress(self, session: Session) -> tuple[int, int]:
        """(exercises done, exercises on the agenda), as ``Session.progress`` gives it."""
        # Compared one by one, not with a generator per exercise: this runs on every save.
        exercises, answers = session.exercises, session.answers
        participants, groups = session.participants, session.groups
        known_done = self._done
        judged: dict[str, tuple[object, object, object, object, bool]] = {}
        for exercise_id in session.agenda:
            exercise, answer = exercises.get(exercise_id), answers.get(exercise_id)
            known = known_done.get(exercise_id)
            if (
                known is None
                or known[0] is not exercise
                or known[1] is not answer
                or known[2] is not participants
                or known[3] is not groups
            ):
                known = (exercise, answer, participants, groups, session.status(exercise_id) == "done")
            judged[exercise_id] = known
        self._done = judged
        return sum(1 for known in judged.values() if known[4]), len(session.agenda)
