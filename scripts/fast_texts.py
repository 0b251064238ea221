"""Fast texts: multi-line texts with æøå typed in bursts into every text field, checked on disk.

Sends each line of a text as one burst (as typing ahead on a busy laptop delivers it),
with the Tab to the next field, the Ctrl+G to the
next group and the Ctrl+N to the next exercise in the same bursts, into every text field
of reflection sheets 42-44, the action list (sheet 45) and a table, for two groups. The
text after a Tab follows at once: a Tab that arrives as a key always moves on, however
close the keys around it (pastes are told by bracketed paste: ``tui/keygate.py``). Then
it leaves the app and reads the session file: every text must be there exactly, each in
its own field, for its own group.

Run by the test suite (``tests/unit/test_fast_fingers.py``); ``python scripts/fast_texts.py``
prints what it finds.
"""

from __future__ import annotations

import contextlib
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python scripts/fast_texts.py` from a checkout
    sys.path.insert(0, str(ROOT))

from benchmarks.large_session import write_session  # noqa: E402
from benchmarks.terminal import Terminal, TerminalClosed, workshop_command  # noqa: E402
from workshop_tui.core.kinds.actions import ActionBody  # noqa: E402
from workshop_tui.core.kinds.sheets import SheetBody  # noqa: E402
from workshop_tui.core.kinds.tables import TableBody  # noqa: E402
from workshop_tui.core.model import Exercise, Session  # noqa: E402
from workshop_tui.core.model.exercise import cell_key  # noqa: E402
from workshop_tui.core.storage.library import load_library  # noqa: E402
from workshop_tui.core.storage.sessions import load_session, new_session  # noqa: E402

EXERCISES = ("sheet-42", "sheet-43", "sheet-44", "sheet-45", "stakeholder-analysis")
GROUPS = ("Bord 1", "Bord 2")
CATCH_UP = 300.0
"""Seconds the app may take to handle and save every key sent (generous: CI machines are loaded)."""
TAB, ENTER, CTRL_G, CTRL_N, ESCAPE = b"\t", b"\r", b"\x07", b"\x0e", b"\x1b"


@dataclass(frozen=True)
class Field:
    """One focusable field in the order Tab visits it from where the view puts the keyboard."""

    where: tuple[str, ...]
    """("text", box key), ("cell", cell key), ("challenge",), ("action", index, part), ("skip",)."""
    lines: int
    """Lines of text typed into it (0: a choice, passed over with Tab)."""


def fields(exercise: Exercise) -> list[Field]:
    """The fields of an exercise's view in Tab order, starting where the view focuses."""
    if exercise.kind == "reflection_sheet":
        return [Field(("text", box.key), 3) for box in exercise.body_as(SheetBody).boxes]
    if exercise.kind == "table":
        table = exercise.body_as(TableBody)
        return [
            Field(("skip",), 0) if column.is_choice else Field(("cell", cell_key(row, column.id)), 1)
            for row in range(1, table.rows + 1)
            for column in table.columns
        ]
    body = exercise.body_as(ActionBody)
    actions = [
        Field(("action", str(index), part), 1)
        for index in range(body.count)
        for part in ("text", "owner", "due")
    ]
    if body.challenge_prompt is not None:
        actions += [Field(("challenge",), 1), Field(("skip",), 0)]
    return actions


def field_text(exercise: str, group: int, number: int, field: Field) -> str:
    """What is typed into ``field``: in a due field an ISO date, or words that are no date.

    Words are kept as written when the field is left; in a burst they were once lost, the
    refill of an earlier field's blur coming before the date field's own (explore17).
    """
    if field.where[-1] == "due":
        return f"2027-{group:02d}-{number:02d}" if number % 2 else f"efter ferien {group}{number}ø"
    return text_for(exercise, group, number, field.lines)


def text_for(exercise: str, group: int, number: int, lines: int) -> str:
    """A distinct text per exercise, group and field; multi-line ones have three lines."""
    first = f"{exercise[-2:]}{group}{number}æ"
    if lines == 1:
        return first
    return f"{first}\nø {number}\nÅ"


def session_file(folder: Path) -> Path:
    """The sheets, action list and table for 4 people in two groups, opened at the first."""
    library = load_library(include_user=False)
    session = new_session(
        title="Hurtige tekster",
        date="2026-12-01",
        exercises=[library.exercises[e] for e in EXERCISES],
        participants=4,
        groups=list(GROUPS),
        session_id="hurtige-tekster",
    )
    return write_session(session, folder / "sessions" / "hurtige-tekster.toml")


def _bursts(session: Session, rng: random.Random) -> list[bytes]:
    """Everything typed, as the bursts a terminal would deliver."""
    bursts: list[bytes] = []
    for exercise_id in EXERCISES:
        exercise = session.exercise(exercise_id)
        for group in range(1, len(GROUPS) + 1):
            for number, field in enumerate(fields(exercise), 1):
                if field.lines == 0:
                    bursts.append(TAB)
                    continue
                lines = field_text(exercise_id, group, number, field).split("\n")
                for index, line in enumerate(lines):
                    last = index == len(lines) - 1
                    cut = rng.randint(1, max(1, len(line) - 1))  # a line often comes in two reads
                    parts = [line[:cut], line[cut:]] if rng.random() < 0.5 else [line]
                    parts[-1] += "\t" if last else "\n"
                    bursts.extend(p.replace("\n", "\r").encode() for p in parts if p)
            bursts.append(CTRL_G if group < len(GROUPS) else CTRL_N)
    return bursts


def expected(session: Session) -> dict[tuple[str, str, tuple[str, ...]], str]:
    """(exercise, group id, field) -> the text that must be in the file."""
    found = {}
    for exercise_id in EXERCISES:
        exercise = session.exercise(exercise_id)
        for group_number, group in enumerate(session.groups, 1):
            for number, field in enumerate(fields(exercise), 1):
                if field.lines:
                    found[(exercise_id, group.id, field.where)] = field_text(
                        exercise_id, group_number, number, field
                    )
    return found


def saved(session: Session, exercise_id: str, group: str, where: tuple[str, ...]) -> str:
    """The text the session holds for one field."""
    answers = session.answers_for(exercise_id)
    if where[0] in ("text", "cell"):
        return answers.texts.get(group, {}).get(where[1], "")
    if where[0] == "challenge":
        return answers.challenge.get(group, "")
    actions = answers.actions.get(group, ())
    index = int(where[1])
    return str(getattr(actions[index], where[2])) if index < len(actions) else ""


def run(*, seed: int = 1, pause: float = 0.02, exercises: tuple[str, ...] = EXERCISES) -> list[str]:
    """Type every text in bursts and leave; returns every field whose text is not exactly on disk."""
    global EXERCISES  # noqa: PLW0603 - the helpers below read the exercises typed into
    EXERCISES = exercises
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="workshop-texts-") as tmp:
        path = session_file(Path(tmp))
        before = load_session(path)
        env = {"WORKSHOP_TUI_DATA_DIR": tmp}
        with Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as term:
            term.wait_for_text("Bord 1", timeout=60)
            term.settle(0.2)
            for burst in _bursts(before, rng):
                term.send(burst)
                term.pump(rng.uniform(0.0, pause))
            wanted = expected(before)
            deadline = time.perf_counter() + CATCH_UP
            while time.perf_counter() < deadline:  # until the app has saved every text (bounded)
                term.pump(0.5)
                if all(saved(load_session(path), *key) == text for key, text in wanted.items()):
                    break
            term.send(ESCAPE)  # Esc twice leaves a session: the first only shows a reminder
            term.pump(0.05)
            term.send(ESCAPE)
            term.wait_for_text("Afslut", timeout=60)
            term.send(b"q")
            with contextlib.suppress(TerminalClosed):
                term.settle(0.5, timeout=15)
            status = term.process.wait(timeout=15) if term.process is not None else None
        after = load_session(path)
    problems = [
        f"{exercise} {group} {'/'.join(where)}: {saved(after, exercise, group, where)!r} != {text!r}"
        for (exercise, group, where), text in wanted.items()
        if saved(after, exercise, group, where) != text
    ]
    if status != 0:
        problems.append(f"the app ended with status {status}")
    return problems


if __name__ == "__main__":
    found = run()
    print("\n".join(found) or "every text is on disk in its own field")
    raise SystemExit(1 if found else 0)
