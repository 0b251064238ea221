"""Where a score key's time goes: timestamps along its path, end to end through the pty.

``python -m benchmarks.key_trace`` runs ``benchmarks.keys`` with a second copy of this
checkout's app given the same keys (``--against``), started through this module with
``--app``: before the app runs, it wraps the steps of a keystroke's path so each notes
``time.perf_counter()`` (the system's monotonic clock, the same in every process) on
entering and leaving, and writes them to a file when the app ends. The driver notes when
it wrote each key to the terminal. Per key, the printed table gives the median time from
the key's write to each step (over the keys after the first, one line per step):

read by Textual's input thread -> key event at the app -> at the grid (a digit for an idle
grid skips this turn: ``tui/widgets/keys_on_arrival.py``) -> the view's handler -> the save
(render, write + fsync + rename) -> the widgets' update (``publish``) -> the frame made
(``_on_timer_update``: the compositor's render) -> handed to the output thread -> flushed
to the terminal; garbage collections on the way are listed too.

The traced app runs the same code as the app, with the wrappers' small cost on each step:
compare its totals with the plain copy's in the same run, printed by ``benchmarks.keys``.
"""

from __future__ import annotations

import atexit
import gc
import inspect
import math
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.work_folder import add_work_folder

TRACE = "WORKSHOP_KEY_TRACE"
"""The environment variable naming the file the traced app writes its timestamps to."""

STEPS = [
    ("read", "read by the input thread"),
    ("send>", "handed to the event loop by the input thread"),
    ("key WorkshopApp", "key event at the app (its turn, or where it arrived: tui/key_arrival.py)"),
    ("key ScoreGrid", "key event at the grid (only keys that waited in its queue)"),
    ("view>", "the view's key handler"),
    ("apply>", "the keeper applies the edit"),
    ("write>", "save begins (render)"),
    ("answers>", "the changed exercise's answers rendered (render)"),
    ("answers<", "answers rendered"),
    ("progress>", "progress judged for the seal line"),
    ("seal>", "the file joined and sealed (checksum)"),
    ("seal<", "sealed"),
    ("atomic>", "write + fsync + rename begins"),
    ("temp<", "temporary file made"),
    ("fsync>", "file written, its fsync begins"),
    ("fsync<", "file fsynced"),
    ("name<", "the temporary file made at opening named (the first key)"),
    ("link<", "previous version linked for the .bak"),
    ("atomic<", "renamed into place"),
    ("publish>", "widgets' update begins"),
    ("live>", "the wall's side file written (when the wall's state changed)"),
    ("live<", "side file written"),
    ("publish<", "widgets updated (folder fsync waited for next)"),
    ("sync<", "the folder fsync done (by either thread) or waited for"),
    ("frame>", "frame begins (compositor)"),
    ("display>", "frame rendered, to the terminal"),
    ("flushed", "flushed by the output thread"),
]


def _install(log: list[tuple[float, str]]) -> None:
    """Wrap the steps of the key path so each notes when it starts and ends (in the app's process)."""
    now = time.perf_counter

    def note(what: str) -> None:
        log.append((now(), what))

    def wrap(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        if inspect.iscoroutinefunction(original):

            async def wrapped_async(*args: Any, **kwargs: Any) -> Any:
                note(f"{label}>")
                try:
                    return await original(*args, **kwargs)
                finally:
                    note(f"{label}<")

            setattr(owner, name, wrapped_async)
            return

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            note(f"{label}>")
            try:
                return original(*args, **kwargs)
            finally:
                note(f"{label}<")

        setattr(owner, name, wrapped)

    gc.callbacks.append(lambda phase, info: note(f"gc{info.get('generation')}-{phase}"))

    from textual import events
    from textual._xterm_parser import XTermParser
    from textual.app import App
    from textual.drivers import _writer_thread
    from textual.message_pump import MessagePump
    from textual.screen import Screen

    feed = XTermParser.feed

    def traced_feed(self: XTermParser, data: str) -> Iterator[Any]:
        note(f"read {data!r}")
        yield from feed(self, data)

    XTermParser.feed = traced_feed  # type: ignore[method-assign]

    def run(self: Any) -> None:  # Textual's WriterThread.run, noting each flush
        while (text := self._queue.get()) is not None:
            self._file.write(text)
            if self._queue.qsize() == 0:
                self._file.flush()
                note("flushed")
        self._file.flush()

    _writer_thread.WriterThread.run = run  # type: ignore[method-assign]
    from workshop_tui.tui import frame_writer

    def frame_run(self: frame_writer.FrameWriter) -> None:  # the app's output thread, noting each flush
        while (text := self._queue.get()) is not None:
            self._file.write(text)
            if self._queue.qsize() == 0:
                self._file.flush()
                note("flushed")
            with self._lock:
                self._queued -= 1
        self._file.flush()

    direct_write = frame_writer.FrameWriter.write

    def frame_write(self: frame_writer.FrameWriter, text: str) -> None:  # or made in the caller
        made = self.direct
        direct_write(self, text)
        if self.direct > made and text != frame_writer.FRAME_START:
            note("flushed")

    frame_writer.FrameWriter.run = frame_run  # type: ignore[method-assign]
    frame_writer.FrameWriter.write = frame_write  # type: ignore[method-assign]
    dispatch = MessagePump._dispatch_message

    async def traced_dispatch(self: MessagePump, message: Any) -> Any:
        if isinstance(message, events.Key):
            note(f"key {type(self).__name__} {message.key}")
        return await dispatch(self, message)

    MessagePump._dispatch_message = traced_dispatch  # type: ignore[method-assign]
    from workshop_tui.tui.key_arrival import TypedKeys

    take = TypedKeys._take_on_arrival

    def traced_take(self: TypedKeys, event: Any) -> bool:  # a key the app took where it arrived
        at = now()
        taken = take(self, event)
        if taken:
            log.append((at, f"key WorkshopApp {event.key} (at arrival)"))
        return taken

    TypedKeys._take_on_arrival = traced_take  # type: ignore[method-assign]
    wrap(Screen, "_on_timer_update", "frame")
    wrap(App, "_display", "display")
    from workshop_tui.tui.terminal_driver import terminal_driver

    wrap(terminal_driver(), "send_message", "send")

    from workshop_tui.core.storage import seal, writer
    from workshop_tui.tui.controller import SessionController

    wrap(writer.SessionWriter, "write", "write")
    wrap(writer.SessionWriter, "_answers_text", "answers")
    wrap(writer.ProgressCache, "progress", "progress")
    wrap(seal.ChunkedSeal, "sealed", "seal")
    wrap(writer, "atomic_write", "atomic")
    wrap(SessionController, "publish", "publish")
    from workshop_tui.tui.live_writer import LiveWriter

    wrap(LiveWriter, "_write", "live")
    from workshop_tui.core import keeper
    from workshop_tui.core.storage import tomlio
    from workshop_tui.tui.views.grid_typing import GridTyping

    wrap(GridTyping, "on_key", "view")
    wrap(keeper.SessionKeeper, "apply_and_show", "apply")
    from workshop_tui.core import keeper_sync

    folder_sync = keeper_sync.FolderSync.run

    def traced_sync(self: keeper_sync.FolderSync) -> None:  # in the key's thread only
        folder_sync(self)
        if threading.get_ident() == main_thread:
            note("sync<")

    keeper_sync.FolderSync.run = traced_sync  # type: ignore[method-assign]
    main_thread = threading.get_ident()
    for name, label in (("_temp_file", "temp"), ("_keep_previous", "link"), ("_name_unnamed", "name")):
        # The key's own (in the app's thread): made ahead, in the sync thread, they are no step of it.
        original = getattr(tomlio, name)

        def in_key_thread(*args: Any, _original: Any = original, _label: str = label) -> Any:
            if threading.get_ident() != main_thread:
                return _original(*args)
            note(f"{_label}>")
            try:
                return _original(*args)
            finally:
                note(f"{_label}<")

        setattr(tomlio, name, in_key_thread)
    fsync = os.fsync

    def traced_fsync(fd: int) -> None:  # the key's own fsync (in the app's thread), not the folder's
        if threading.get_ident() != main_thread:
            return fsync(fd)
        note("fsync>")
        try:
            return fsync(fd)
        finally:
            note("fsync<")

    os.fsync = traced_fsync


def run_app(argv: list[str]) -> int:
    """Run ``workshop`` (``argv``: its arguments) with the key path traced into ``$WORKSHOP_KEY_TRACE``."""
    log: list[tuple[float, str]] = []
    path = Path(os.environ[TRACE])

    def dump() -> None:
        with path.open("a", encoding="utf-8") as out:  # one app per round: each adds its own
            out.write("".join(f"{at:.6f} {what}\n" for at, what in log))

    atexit.register(dump)
    _install(log)
    from workshop_tui.cli.main import main

    return main(argv)


def _timelines(trace: Path, sent: list[float]) -> list[dict[str, float]]:
    """For each key sent, ms from its write to the first of each step after it."""
    events = []
    for line in trace.read_text(encoding="utf-8").splitlines():
        at, what = line.split(" ", 1)
        events.append((float(at), what))
    found = []
    for number, start in enumerate(sent):
        end = sent[number + 1] if number + 1 < len(sent) else start + 1.0
        steps: dict[str, float] = {}
        for at, what in events:
            if start <= at < end:
                for step, _ in STEPS:
                    if what.startswith(step) and step not in steps:
                        steps[step] = (at - start) * 1000
                if what.startswith("gc") and what.endswith("-start"):
                    steps.setdefault("gc", (at - start) * 1000)
        found.append(steps)
    return found


def main(argv: list[str] | None = None) -> None:
    """Run the keys benchmark beside a traced copy of the app; print the median timeline per step."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--app"]:
        sys.exit(run_app(args[1:]))
    import argparse
    import tempfile

    from benchmarks import keys
    from benchmarks.terminal import Terminal

    parser = argparse.ArgumentParser(prog="python -m benchmarks.key_trace", description=__doc__)
    parser.add_argument("--keys", type=int, default=18, help="score keys per opening (at most 48)")
    parser.add_argument("--rounds", type=int, default=1, help="fresh openings (default 1)")
    add_work_folder(parser)
    options = parser.parse_args(args)
    sent: list[float] = []
    send: Callable[[Terminal, bytes], float] = Terminal.send
    traced = [sys.executable, "-m", "benchmarks.key_trace", "--app"]

    def noted_send(term: Terminal, data: bytes) -> float:
        at = send(term, data)
        if term.argv[: len(traced)] == traced and data.isdigit():
            sent.append(at)
        return at

    with tempfile.TemporaryDirectory(dir=options.dir) as tmp:
        trace = Path(tmp) / "trace.txt"
        os.environ[TRACE] = str(trace)
        Terminal.send = noted_send  # type: ignore[method-assign]
        try:
            keys.main(
                ["--keys", str(options.keys), "--rounds", str(options.rounds), "--dir", tmp]
                + ["--against", " ".join(traced)]
            )
        finally:
            Terminal.send = send  # type: ignore[method-assign]
        timelines = _timelines(trace, sent)
    # The first key after each opening (its save makes the .bak link in the key's thread, and
    # its temporary file too where it could not be made at opening, ``storage.staging``):
    # shown apart, as the benchmark reports the first save apart.
    per_round = min(options.keys, 8 * keys.COLUMNS_PER_ROW)
    firsts = [line for number, line in enumerate(timelines) if number % per_round == 0]
    lines = [line for number, line in enumerate(timelines) if number % per_round]
    _print_steps(f"traced app, ms after the key was written (median and p95 of {len(lines)} keys):", lines)
    _print_steps(f"the first key after opening, of each round (median and p95 of {len(firsts)}):", firsts)
    _print_tail(lines, firsts)


def _print_steps(title: str, lines: list[dict[str, float]]) -> None:
    print(title)
    for step, words in [*STEPS, ("gc", "a garbage collection starts (keys with one)")]:
        values = sorted(line[step] for line in lines if step in line)
        if values:
            p95 = values[min(len(values) - 1, math.ceil(0.95 * len(values)) - 1)]
            print(f"  {statistics.median(values):7.2f} {p95:7.2f}  {words} (n={len(values)})")


def _gaps(line: dict[str, float]) -> dict[str, float]:
    """Each step's ms after the step before it that this key went through (the order of ``STEPS``),
    up to its frame's flush."""
    gaps: dict[str, float] = {}
    before = None
    end = line.get("flushed", math.inf)
    for step, _ in STEPS:
        # Only the key's path: a step after its frame went out (the wall's side file) is not.
        if step not in line or step.startswith("key ScoreGrid") or line[step] > end:
            continue
        if before is not None:
            gaps[step] = line[step] - line[before]
        before = step
    return gaps


def _print_tail(lines: list[dict[str, float]], firsts: list[dict[str, float]]) -> None:
    """What differs in the slowest saves and in the first key after opening: each step's gap from
    the one before, for all later keys, the slowest tenth of their saves, and the first keys."""
    saved = [line for line in lines if "atomic<" in line]
    if len(saved) < 10:
        return
    saved.sort(key=lambda line: line["atomic<"])
    tail = saved[-max(3, len(saved) // 10) :]
    groups = [[_gaps(line) for line in group] for group in (saved, tail, firsts)]
    print(
        f"gap from the step before (ms): median of all keys | of the {len(tail)} slowest saves"
        f" | of the {len(firsts)} first keys after opening"
    )
    for step, words in STEPS:
        found = [[gaps[step] for gaps in group if step in gaps] for group in groups]
        if any(found):
            shown = [f"{statistics.median(values):7.2f}" if values else "      -" for values in found]
            print(f"  {' | '.join(shown)}  {words}")
    with_gc = sum(1 for line in tail if "gc" in line and line["gc"] < line["atomic<"])
    print(f"  slowest saves with a collection before the rename: {with_gc} of {len(tail)}")
    print("  slowest saves (ms to the rename): " + ", ".join(f"{line['atomic<']:.2f}" for line in tail))


if __name__ == "__main__":
    main()
