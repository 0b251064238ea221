"""The demo series copied into the sessions folder beside the demo seminar (``workshop demo``).

Kept apart from ``storage.series`` so that ``storage.sessions`` (which copies the demo) and
the series (which makes follow-ups with ``storage.sessions``) do not import each other.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.seal import BODY_START
from workshop_tui.core.storage.tomlio import failure_reason

DEMO_SERIES = ("demo-aeldreomraadet-2.toml", "demo-rehabilitering.toml", "demo-rehabilitering-2.toml")
"""The demo's other sessions (``scripts/demo_series.py``), copied beside the demo seminar."""
_HEADER_LINE = re.compile(rb'^(id|follows|created|updated) = "([^"\\\n]*)"\n', re.MULTILINE)


def copy_demo_series(first_id: str, copy_id: str, folder: Path, stamp: str) -> list[Path]:
    """Copy the demo's other sessions into ``folder`` as the series of the copy ``copy_id``.

    Each gets the id ``<copy id>-<n>``, and the sessions it follows are named by their new
    ids. Only the header lines change (id, follows, created, updated), which the seal does
    not cover, so the copies are written as they are, without parsing them again: the
    demo starts in one command and its files are the ones the project ships and tests.
    """
    source = builtin_sessions_dir()
    names = {first_id: copy_id}
    for number, name in enumerate(DEMO_SERIES, start=2):
        names[Path(name).stem] = f"{copy_id}-{number}"
    made = []
    for name in DEMO_SERIES:
        target = folder / f"{names[Path(name).stem]}.toml"
        _write_copy(target, _with_new_header((source / name).read_bytes(), names, stamp))
        made.append(target)
    return made


def copy_demo_seminar(source: Path, target: Path, first_id: str, copy_id: str, stamp: str) -> None:
    """Write the demo seminar's copy: the shipped file with its header's id and time stamps changed.

    ``storage.sessions.demo_copy`` has read and checked the shipped file already; rendering
    the same session again with tomli-w and waiting twice for the disk took about a tenth of
    the demo's start (issue 15). The header lines are all that differ, as for the series.
    """
    _write_copy(target, _with_new_header(source.read_bytes(), {first_id: copy_id}, stamp))


def _with_new_header(data: bytes, names: dict[str, str], stamp: str) -> bytes:
    """``data`` with its header's ids renamed by ``names`` and ``created``/``updated`` set to ``stamp``."""
    stamps = {"created": stamp, "updated": stamp}

    def renamed(line: re.Match[bytes]) -> bytes:
        key, value = line.group(1).decode(), line.group(2).decode()
        new = stamps.get(key) or names.get(value, value)
        return f'{key} = "{new}"\n'.encode()

    start = BODY_START.search(data)
    cut = start.start() if start else len(data)
    return _HEADER_LINE.sub(renamed, data[:cut]) + data[cut:]


def _write_copy(target: Path, data: bytes) -> None:
    """Write a copy of a shipped file whole or not at all, without waiting for the disk.

    A save of the facilitator's work waits until the disk has it (``atomic_write``); a
    copy of the shipped demo need not (two waits per file tripled the demo's start on a
    busy disk), since a copy lost in a power cut is one ``workshop demo`` away.

    Raises:
        SessionWriteError: the folder is not writable or the disk is full.
    """
    temp = target.with_name(f".{target.name}.p{os.getpid()}.copy.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SessionWriteError(target, failure_reason(error), error.errno) from None
