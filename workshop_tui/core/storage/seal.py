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


_POLY = 0xEDB88320
"""CRC-32's polynomial, reflected (as zlib computes it)."""


def _multmodp(a: int, b: int) -> int:
    """``a`` times ``b`` modulo CRC-32's polynomial, in its reflected bit order (zlib's ``multmodp``)."""
    m, p = 1 << 31, 0
    while m:
        if a & m:
            p ^= b
            if not a & (m - 1):
                break
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1
    return p


def _powers() -> tuple[int, ...]:
    """x to the powers 2^0 ... 2^31 modulo the polynomial (zlib's ``x2n_table``)."""
    found, p = [], 1 << 30
    for _ in range(32):
        found.append(p)
        p = _multmodp(p, p)
    return tuple(found)


_X2N = _powers()


def _shift_op(length: int) -> int:
    """x to the power 8 x ``length``: what moves a CRC past ``length`` bytes (zlib's ``x2nmodp``)."""
    p, k = 1 << 31, 3
    while length:
        if length & 1:
            p = _multmodp(_X2N[k & 31], p)
        length >>= 1
        k += 1
    return p


_Tail = tuple[tuple[bytes, ...], int, int, int]
"""A file's last chunks, their CRC-32, their length joined and the multiplier that moves a CRC past them."""


class ChunkedSeal:
    """``sealed`` for a file joined from chunks, its checksum reading only the chunks up to the last new one.

    A keystroke's save renders a few chunks again (the header, the position, one
    exercise's answers) and reuses the others as the same ``bytes`` objects. CRC-32 over
    the whole ~100 KB was a quarter of the save's own instructions (0.4 M of 1.5 M per key,
    callgrind). A CRC of ``A + B`` is the CRC of ``A`` moved past ``len(B)`` bytes (a
    multiplication modulo the polynomial, as zlib's ``crc32_combine``) combined with the
    CRC of ``B``; so the CRC of the unchanged chunks at the end of the file (the answers
    after the edited exercise and the exercise definitions) is kept with its multiplier,
    and each save reads only the chunks before them. The result is exactly ``sealed``'s:
    the file on disk is the same.
    """

    def __init__(self) -> None:
        self._tail: _Tail | None = None
        """The file's last chunks (kept: compared with ``is``), their CRC, length joined and multiplier."""
        self._previous: list[bytes] = []
        """The chunks of the last file sealed."""

    def sealed(
        self, chunks: list[bytes], progress: tuple[int, int], *, keep_from: int | None = None
    ) -> bytes:
        """``sealed(b"\\n".join(chunks), progress)``, its checksum read from fewer bytes when it can.

        Args:
            keep_from: the chunks from this index on are kept as the tail (whatever the
                last file was): an opening's render names where the first key will edit.
        """
        data = b"\n".join(chunks)
        found = BODY_START.search(data)
        start = found.start() if found else len(data)
        tail = self._tail
        if keep_from is not None:
            tail = self._tail = self._new_tail(chunks, len(chunks) - keep_from)
        elif not self._fits(tail, chunks):
            tail = self._tail = self._new_tail(chunks, self._common_end(chunks))
        self._previous = chunks
        crc = None
        if tail is not None:
            kept, tail_crc, length, op = tail
            split = len(data) - length
            if split > start:
                head = zlib.crc32(memoryview(data)[start:split], zlib.crc32(b"%d/%d" % progress))
                crc = _multmodp(op, head) ^ tail_crc
        if crc is None:
            crc = _checksum(progress, memoryview(data)[start:])
        return _LINE.format(done=progress[0], total=progress[1], crc=crc).encode("ascii") + data

    @staticmethod
    def _fits(tail: _Tail | None, chunks: list[bytes]) -> bool:
        """Whether ``chunks`` end with the kept tail's very objects."""
        if tail is None or len(tail[0]) >= len(chunks):
            return False
        kept = tail[0]
        return all(a is b for a, b in zip(kept, chunks[len(chunks) - len(kept) :], strict=True))

    def _common_end(self, chunks: list[bytes]) -> int:
        """How many chunks at the end of ``chunks`` are the last file's very objects (never the first)."""
        previous, count = self._previous, 0
        most = min(len(previous), len(chunks) - 1)
        while count < most and previous[-1 - count] is chunks[-1 - count]:
            count += 1
        return count

    @staticmethod
    def _new_tail(chunks: list[bytes], count: int) -> _Tail | None:
        """The last ``count`` chunks as the tail (None for none, or all of the file)."""
        if count <= 0 or count >= len(chunks):
            return None
        kept = tuple(chunks[len(chunks) - count :])
        joined = b"\n".join(kept)
        return kept, zlib.crc32(joined), len(joined), _shift_op(len(joined))
