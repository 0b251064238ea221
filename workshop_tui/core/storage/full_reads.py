"""Reading many session files fully, on every core: the first listing of a folder of files
that carry no valid seal (another tool's output, copies edited by hand, older versions).

Such a file can only be listed after a full read: its progress is computed from every
answer, and only a full read says whether the file is valid (a shortcut over part of an
untrusted file could show a session that opening it would refuse). That read costs
5-10 ms a file, almost all of it CPU in the parser and the model's checks, so a thousand
of them take seconds on one core. Here they are shared with worker processes, one per
further core: the same code reads each file, so a listing is exactly what a serial read
finds, only sooner.

The workers are plain child processes (``python -m`` this module) that are handed a
list of paths and write one JSON line per file, in the form the folder's index keeps
(``ListingIndex``), not ``multiprocessing``'s: that starts its workers by importing the
caller's main script again, which runs a script without a ``__main__`` guard twice.
Any trouble with a worker (a machine that cannot start processes, a worker that dies or
writes something else) falls back to reading its files here, one by one: never a file
left unread, never a result that a read here would not give.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from workshop_tui.core.i18n import Phrase
from workshop_tui.core.storage.errors import FileProblems, Problem
from workshop_tui.core.storage.headers import ListedSession

FullRead = tuple[ListedSession | None, tuple[Problem, ...]]

POOL_FROM = 24
"""Fewer files than this are read here: starting a worker (~0.15 s) would cost more."""


def read_validated(path: Path) -> FullRead:
    """A file's summary from a full read (parsed and validated), or why it cannot be read."""
    # Reading files fully needs the model; a quick listing (the first frame) does not.
    from workshop_tui.core.storage.sessions import load_session

    try:
        return ListedSession.of(load_session(path)), ()
    except FileProblems as error:
        return None, tuple(error.problems)


def summary_as_json(summary: ListedSession) -> dict[str, Any]:
    """A summary as the index (and a worker) writes it."""
    return {**summary.__dict__, "progress": summary.progress}


def summary_from_json(data: dict[str, Any]) -> ListedSession:
    """The summary ``summary_as_json`` wrote; TypeError/KeyError when it is not one."""
    identity, title, date, organisation, updated = (
        data[name] for name in ("id", "title", "date", "organisation", "updated")
    )
    progress = data["progress"]
    follows = data.get("follows", "")  # an index written before series were kept has none
    if not all(isinstance(value, str) for value in (identity, title, date, organisation, updated, follows)):
        raise TypeError("not a summary")
    if not (isinstance(progress, list) and len(progress) == 2 and all(type(n) is int for n in progress)):
        raise TypeError("not a progress")
    return ListedSession(
        identity, title, date, organisation, updated, progress=(progress[0], progress[1]), follows=follows
    )


def problem_as_json(problem: Problem) -> dict[str, Any]:
    """A problem as the index (and a worker) writes it; its file is the entry's."""
    found = {
        "key": problem.key,
        "what": problem.what.as_json(),
        "fix": problem.fix.as_json() if problem.fix else None,
        "line": problem.line,
        "warning": problem.warning,
    }
    if problem.hidden:
        found["hidden"] = problem.hidden
    return found


def problem_from_json(path: Path, data: dict[str, Any]) -> Problem:
    """The problem ``problem_as_json`` wrote; TypeError/KeyError when it is not one."""
    key, what, fix, line, warning = (data[n] for n in ("key", "what", "fix", "line", "warning"))
    hidden = data.get("hidden", 0)
    if not isinstance(key, str) or not isinstance(warning, bool):
        raise TypeError("not a problem")
    if (line is not None and type(line) is not int) or type(hidden) is not int:
        raise TypeError("not a line")
    fixed = None if fix is None else Phrase.from_json(fix)
    return Problem(path, key, Phrase.from_json(what), fixed, line, warning, hidden)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _start(paths: Sequence[Path]) -> tuple[subprocess.Popen[bytes], IO[bytes]] | None:
    """A worker reading ``paths``, its answers going to a temporary file; None if it cannot start."""
    try:
        given = tempfile.TemporaryFile()  # noqa: SIM115 - the worker reads it; closed once it started
        given.write(json.dumps([str(path) for path in paths]).encode("utf-8"))
        given.seek(0)
        answers = tempfile.TemporaryFile()  # noqa: SIM115 - closed in _answers, once read
        argv = [sys.executable, "-P", "-m", __name__]
        # -P: never a module of the same name from the folder the app was started in.
        worker = subprocess.Popen(argv, stdin=given, stdout=answers, stderr=subprocess.DEVNULL)
    except (OSError, ValueError):
        return None
    given.close()
    return worker, answers


def _ended(worker: subprocess.Popen[bytes], stop: Callable[[], bool]) -> bool:
    """Wait for the worker to end; False as soon as ``stop()`` says to give up on it."""
    while not stop():
        try:
            worker.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        return True
    return False


def _answers(worker: subprocess.Popen[bytes], answers: IO[bytes], paths: Sequence[Path]) -> list[FullRead]:
    """What a worker found, file by file, as far as its answers can be read (none if it failed)."""
    found: list[FullRead] = []
    try:
        worker.wait()
        answers.seek(0)
        for path, line in zip(paths, answers, strict=False):
            data = json.loads(line)
            summary = None if data["summary"] is None else summary_from_json(data["summary"])
            found.append((summary, tuple(problem_from_json(path, p) for p in data["problems"])))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        pass
    finally:
        answers.close()
    return found  # a worker that died part-way answered for the files before


def read_all(
    paths: Sequence[Path],
    *,
    background: bool = False,
    reader: Callable[[Path], FullRead] = read_validated,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[Path, FullRead]]:
    """Each path with what ``reader`` found in it (in no particular order), until ``stop()`` says so.

    ``stop`` is asked before each file read here and while waiting for a worker: an app
    that quits, or a list replaced by a newer one, does not wait for a thousand reads.

    Many files on a machine with more than one core are shared out: one part to each
    worker, and one read here, unless ``background`` (then every part goes to a worker,
    and this process keeps its interpreter for the screen's keys). The workers run at the
    usual priority: lowered, they took twice as long to fill the list while other programs
    were busy (4,000 files, load 6-7), and a screen that sleeps between keys gets the
    processor as soon as it wakes anyway.
    """
    cores = _cores()
    if len(paths) < POOL_FROM or cores < 2 or reader is not read_validated:
        for path in paths:
            if stop():
                return
            yield path, reader(path)
        return
    parts = min(cores, 8)
    shares = [paths[number::parts] for number in range(parts)]
    mine = [] if background else shares.pop(0)
    workers = [(share, _start(share)) for share in shares]
    try:
        for path in mine:
            if stop():
                return
            yield path, reader(path)
        while workers:
            share, started = workers[0]
            if started is not None and not _ended(started[0], stop):
                return
            workers.pop(0)
            found = [] if started is None else _answers(*started, share)
            yield from zip(share, found, strict=False)
            for path in share[len(found) :]:  # what the worker did not answer is read here
                if stop():
                    return
                yield path, reader(path)
    finally:  # a listing given up half-way leaves no worker reading on
        for _, started in workers:
            if started is not None:
                started[0].kill()
                started[0].wait()
                started[1].close()


def _work() -> None:
    """A worker: reads the JSON list of paths on stdin, writes one JSON line per file."""
    out = sys.stdout
    for name in json.loads(sys.stdin.buffer.read()):
        summary, problems = read_validated(Path(name))
        answer = {
            "summary": None if summary is None else summary_as_json(summary),
            "problems": [problem_as_json(p) for p in problems],
        }
        out.write(json.dumps(answer, ensure_ascii=True) + "\n")
    out.flush()


if __name__ == "__main__":
    _work()
