"""What the wall shows that the session file does not hold: the live side file and the running marker.

``workshop present`` is a second window that only reads. Everything it needs is either in
the session file (the exercises, the answers, blind and reveal, the saved position) or in
this small side file, ``<session>.toml.live.json`` beside it: the exercise on show, the
interface language, the current exercise's timer (seconds left and whether it runs) and,
while voting is open, the address, code and counts for the QR board. The main app's
session controller is its one writer (the process that holds the session's lock); it
rewrites the file only when its content changes (an exercise change, a timer start or
tick, voting opening or a phone joining), never per keystroke. Each write replaces the
file whole (``replace_whole``), so a reader sees the old file or the new one.

The running marker, ``<data dir>/running.json``, names the session the main app has open,
so ``workshop present`` without a session follows whatever the facilitator opens.

Both files are read as untrusted: each field's type and size is checked, and a file
written by a newer workshop-tui (a higher ``live_version``) is refused with a message
rather than half understood.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.locations import data_dir, read_plain_file
from workshop_tui.core.storage.staging import new_file
from workshop_tui.core.storage.tomlio import failure_reason

LIVE_VERSION = 1
"""The side file's format; a reader refuses a higher one (written by a newer workshop-tui)."""
MAX_LIVE_BYTES = 16_384
"""A side file is a few hundred bytes; anything far larger is not one."""
MAX_FIELD = 300
"""The longest text field accepted (an address, a code, an exercise id)."""
HEARTBEAT_SECONDS = 5.0
"""The main app writes its side file again at least this often while it runs the session,
so a follower can tell a file still being written from one left behind (``Live.beat``)."""


class LiveProblem(Exception):
    """The side file or marker cannot be used: ``key`` names the message, ``values`` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class LiveTimer:
    """The current exercise's countdown as the main app shows it."""

    left: int
    """Seconds left."""
    running: bool


@dataclass(frozen=True)
class LiveVoting:
    """What the wall's voting board shows while voting from phones is open."""

    url: str
    join_url: str
    code: str
    round_open: bool
    joined: int
    answered: int
    complete: int
    participants: int
    max_participants: int
    writing: str = ""
    """"group" while the groups write the exercise on show on devices, "open" for open answers,
    "" otherwise: without it the second window said "Scan to vote" and "no round: the exercise
    takes no scores" under a sheet the groups were writing from their phones (F2 said "Scan to
    write the group's sheet"). Absent in files of earlier versions: read as ""."""


WRITING_MODES = ("", "group", "open")


@dataclass(frozen=True)
class Live:
    """The main app's state that the wall shows and the session file does not hold."""

    exercise: str
    """The exercise on show (an id of the agenda; "" for an empty agenda)."""
    lang: str
    timer: LiveTimer | None = None
    voting: LiveVoting | None = None
    last: bool = False
    """Ctrl+L is on: the wall shows last time beside now (the second window did not follow it).
    Absent in files of earlier versions: off."""
    pid: int = 0
    """The writing process (0: unknown), so a file left by a main app that was killed is not followed."""
    host: str = ""
    """The computer it runs on (a process on another computer cannot be checked from here)."""
    beat: float = field(default=0.0, compare=False)
    """When the writer last wrote the file, by its clock (seconds since 1970; 0: not said).
    Refreshed every ``HEARTBEAT_SECONDS``; not part of what the wall shows (not compared)."""


def live_path(session_file: Path) -> Path:
    """The side file of a session file (beside it; not a ``.toml``, so never listed as a session)."""
    return session_file.with_name(session_file.name + ".live.json")


def running_path(base: Path | None = None) -> Path:
    """The marker naming the session the main app has open."""
    return (base or data_dir()) / "running.json"


def write_live(session_file: Path, live: Live) -> None:
    """Replace the side file with ``live`` (atomically; no backup: it is rewritten, never edited).

    Raises:
        SessionWriteError: the folder is not writable (the session's own save says so too).
    """
    data = {
        "live_version": LIVE_VERSION,
        **asdict(live),
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "beat": round(time.time(), 3),
    }
    replace_whole(live_path(session_file), json.dumps(data, ensure_ascii=False))


def remove_live(session_file: Path) -> None:
    """The main app closed the session: its side file goes (a follower keeps its last frame)."""
    with contextlib.suppress(OSError):
        live_path(session_file).unlink()


def read_live(session_file: Path) -> Live | None:
    """The side file of ``session_file``, or None when there is none (the main app is not running it).

    Raises:
        LiveProblem: the file cannot be read, is not a side file, or is from a newer version.
    """
    path = live_path(session_file)
    data = _read_json(path)
    if data is None:
        return None
    version = data.get("live_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise LiveProblem("present.problem.not_live", file=path.name)
    if version > LIVE_VERSION:
        raise LiveProblem("present.problem.newer", file=path.name, version=version)
    try:
        timer, voting = data.get("timer"), data.get("voting")
        return Live(
            exercise=_text(data, "exercise"),
            lang=_text(data, "lang"),
            timer=None
            if timer is None
            else LiveTimer(left=_count(timer, "left"), running=_flag(timer, "running")),
            voting=None if voting is None else _voting(voting),
            last=_flag(data, "last") if "last" in data else False,
            pid=_count(data, "pid") if "pid" in data else 0,
            host=_text(data, "host") if "host" in data else "",
            beat=_seconds(data, "beat") if "beat" in data else 0.0,
        )
    except (TypeError, ValueError, AttributeError) as error:
        raise LiveProblem("present.problem.field", file=path.name, field=str(error)) from None


def mark_running(session_file: Path, base: Path | None = None) -> None:
    """Note that this process runs ``session_file`` (best effort: a follower can be given the session)."""
    data = {
        "live_version": LIVE_VERSION,
        "session": str(session_file.resolve()),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    with contextlib.suppress(SessionWriteError):
        replace_whole(running_path(base), json.dumps(data, ensure_ascii=False))


def clear_running(session_file: Path, base: Path | None = None) -> None:
    """Remove the marker if it still names ``session_file`` from this process (another may have taken it)."""
    path = running_path(base)
    try:
        data = _read_json(path)
    except LiveProblem:
        return
    if (
        data is not None
        and data.get("pid") == os.getpid()
        and data.get("session") == str(session_file.resolve())
    ):
        with contextlib.suppress(OSError):
            path.unlink()


def read_running(base: Path | None = None) -> Path | None:
    """The session file the main app has open, or None when none is (or the marker is not usable)."""
    try:
        data = _read_json(running_path(base))
    except LiveProblem:
        return None
    if data is None:
        return None
    pid, host = data.get("pid"), data.get("host")
    if isinstance(pid, int) and isinstance(host, str) and writer_gone(pid, host):
        return None  # left by a main app that was killed: nothing runs
    session = data.get("session")
    if not isinstance(session, str) or not session or len(session) > 4096 or "\x00" in session:
        return None
    return Path(session)


def replace_whole(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` so that a reader sees the old file or the new one, never a part.

    Unlike a session's save there is no fsync: these files say what the main app shows
    this second and are rewritten at its next change; after a power cut there is nothing
    in them to keep. That keeps a timer's write per second off the disk's queue.

    Raises:
        SessionWriteError: the folder is not writable or the disk is full.
    """
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # ``staging.new_file`` is mkstemp's way without its random generator, seeded on first
        # use (0.3-0.7 ms on the test VM) in whatever key first changed the wall's state.
        fd, tmp_name = new_file(os.path.abspath(path.parent), f".{path.name}.p{os.getpid()}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.replace(tmp_name, path)
        tmp_name = ""
    except OSError as error:
        raise SessionWriteError(path, failure_reason(error), error.errno) from None
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def writer_gone(pid: int, host: str) -> bool:
    """Whether the process that wrote a side file or marker has ended (known only on this computer)."""
    if pid <= 0 or host != socket.gethostname() or pid == os.getpid() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:  # exists, but is not ours to signal
        return False
    return False


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        # Not ``open``: a named pipe in its place would hang the projector window's reads.
        raw = read_plain_file(path, MAX_LIVE_BYTES)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno is None:  # not a regular file, or too large (``read_plain_file``)
            raise LiveProblem("present.problem.not_live", file=path.name) from None
        raise LiveProblem(
            "present.problem.unreadable", file=path.name, reason=error.strerror or str(error)
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise LiveProblem("present.problem.not_live", file=path.name) from None
    if not isinstance(data, dict):
        raise LiveProblem("present.problem.not_live", file=path.name)
    return data


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or len(value) > MAX_FIELD:
        raise ValueError(name)
    return value


def _count(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**7:
        raise ValueError(name)
    return value


def _seconds(data: dict[str, Any], name: str) -> float:
    value = data.get(name)
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value < 10**11:
        raise ValueError(name)
    return float(value)


def _flag(data: dict[str, Any], name: str) -> bool:
    value = data.get(name)
    if not isinstance(value, bool):
        raise ValueError(name)
    return value


def _voting(data: dict[str, Any]) -> LiveVoting:
    if not isinstance(data, dict):
        raise ValueError("voting")
    return LiveVoting(
        url=_text(data, "url"),
        join_url=_text(data, "join_url"),
        code=_text(data, "code"),
        round_open=_flag(data, "round_open"),
        joined=_count(data, "joined"),
        answered=_count(data, "answered"),
        complete=_count(data, "complete"),
        participants=_count(data, "participants"),
        max_participants=_count(data, "max_participants"),
        writing=_writing(data),
    )


def _writing(data: dict[str, Any]) -> str:
    value = data.get("writing", "")
    if value not in WRITING_MODES:
        raise ValueError("writing")
    return str(value)
