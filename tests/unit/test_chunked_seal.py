"""The keystroke save's seal: the same first line as ``sealed``, its checksum read only up to what changed."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.model import Position, Session
from workshop_tui.core.storage import seal as seal_module
from workshop_tui.core.storage.seal import ChunkedSeal, read_seal, sealed, unsealed
from workshop_tui.core.storage.writer import SessionWriter

EXERCISE = "kkc-indicators"


def _chunk(rng: random.Random, *, table: bool) -> bytes:
    """A chunk of TOML-ish bytes; ``table`` ones open a table (where the checksum's body starts)."""
    lines = [f"k{rng.randrange(1000)} = {rng.randrange(10)}" for _ in range(rng.randrange(0, 30))]
    head = [f"[t{rng.randrange(1000)}]"] if table else []
    return ("\n".join(head + lines) + "\n").encode() if head or lines else b"x = 1\n"


def test_every_seal_is_the_one_sealed_writes_whatever_changes() -> None:
    """Random files of chunks, changed as saves change them: a chunk anew, chunks come and go,
    a tail named by an opening; the bytes are ``sealed``'s every time."""
    rng = random.Random(15)
    keeper = ChunkedSeal()
    chunks = [_chunk(rng, table=False)] + [_chunk(rng, table=True) for _ in range(12)]
    for step in range(400):
        what = rng.randrange(6)
        if what == 0 and len(chunks) > 2:
            del chunks[rng.randrange(1, len(chunks))]
        elif what == 1:
            chunks.insert(rng.randrange(1, len(chunks) + 1), _chunk(rng, table=True))
        else:
            for _ in range(rng.randrange(1, 3)):
                at = rng.randrange(len(chunks))
                chunks[at] = _chunk(rng, table=at > 0 and rng.random() < 0.9)
        progress = (rng.randrange(10), 10)
        keep_from = rng.randrange(len(chunks) + 1) if step % 25 == 0 else None
        got = keeper.sealed(list(chunks), progress, keep_from=keep_from)
        assert got == sealed(b"\n".join(chunks), progress)


def test_the_combination_is_zlibs() -> None:
    """CRC(A + B) from CRC(A), CRC(B) and B's length, for lengths up to a large file's."""
    rng = random.Random(3)
    for length in (0, 1, 7, 64, 1000, 99_999, 1 << 20):
        a, b = rng.randbytes(rng.randrange(1, 500)), rng.randbytes(length)
        op = seal_module._shift_op(len(b))
        assert seal_module._multmodp(op, zlib.crc32(a)) ^ zlib.crc32(b) == zlib.crc32(a + b)


def _crc_bytes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    read: list[int] = []
    crc32: Callable[..., int] = zlib.crc32

    class Counting:
        @staticmethod
        def crc32(data: Any, start: int = 0) -> int:
            read.append(len(data))
            return crc32(data, start)

    monkeypatch.setattr(seal_module, "zlib", Counting)
    return read


def _scored(session: Session, exercise_id: str, number: int) -> Session:
    """A score that changes, for participant ``number`` on the exercise's first item; the cursor there."""
    item = session.exercise(exercise_id).scored_items[0].id
    person = session.participants[number % len(session.participants)].id
    old = session.answers_for(exercise_id).scores.get(item, {}).get(person, 1)
    after = Position(exercise_id, 0, number, session.position.group)
    return session.with_score(exercise_id, item, person, old % 5 + 1, position=after)


def test_a_keys_seal_reads_only_up_to_the_answers_it_changed(
    demo: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first key after the opening's render and every later one on the same exercise read
    the file's checksum only up to that exercise's answers: the first exercise's keys read less
    than a third of the file (they read all of it, 0.4 M of a save's 1.5 M instructions)."""
    writer = SessionWriter(tmp_path / "s.toml")
    session = demo.with_position(Position(EXERCISE, 0, 0, demo.position.group))
    writer.render(session, opening=True)
    read = _crc_bytes(monkeypatch)
    for number in range(5):
        session = _scored(session, EXERCISE, number)
        read.clear()
        writer.write(session)
        data = (tmp_path / "s.toml").read_bytes()
        assert sum(read) < len(data) / 3, (number, sum(read), len(data))
        assert read_seal(data) is not None
        assert data == sealed(unsealed(data), session.progress)


def test_keys_on_another_exercise_are_sealed_right_and_then_read_less(
    demo: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys on another exercise: the first reads the whole file once (its new tail's CRC), the next less."""
    writer = SessionWriter(tmp_path / "s.toml")
    session = demo.with_position(Position(EXERCISE, 0, 0, demo.position.group))
    writer.render(session, opening=True)
    other = [e for e in demo.agenda if demo.exercise(e).scored_items and e != EXERCISE][-1]
    read = _crc_bytes(monkeypatch)
    sizes = []
    for number in range(4):
        session = _scored(session, other, number)
        read.clear()
        writer.write(session)
        data = (tmp_path / "s.toml").read_bytes()
        assert data == sealed(unsealed(data), session.progress)
        sizes.append(sum(read))
    assert all(size < sizes[0] for size in sizes[2:])
