"""Shared fixtures: every test gets its own data dir, so none touches real user data.

Every test also runs with strict texts: a key missing from the catalogue raises.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from workshop_tui.core.i18n import STRICT_ENV
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library, load_library
from workshop_tui.core.storage.locations import DATA_DIR_ENV, builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE, load_session, new_session

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # The pty driver (benchmarks/terminal.py) and the scripts are not installed with the app: make
    # them importable. Appended, so the installed workshop_tui (the README's install) stays the one tested.
    sys.path.append(str(REPO))


TIMED_THROUGH_A_TERMINAL = re.compile(
    r"\bbenchmarks\.(?:terminal|present_follow|voting_load|startup|keys|key_trace|bare_app)\b"
    r"|scripts/(?:crash_test|fast_fingers)\.py"
)
"""What a test module names when it starts the app in a pseudo-terminal and times it (or runs a
script that does), or floods the voting server: the benchmarks' drivers and the two scripts."""


@cache
def _drives_a_terminal(module: Path) -> bool:
    """Whether tests of ``module`` (or of a test module it takes helpers from) run the app in a pty."""
    text = module.read_text(encoding="utf-8")
    helpers = re.findall(r"^from \.(test_\w+) import", text, flags=re.MULTILINE)
    return bool(TIMED_THROUGH_A_TERMINAL.search(text)) or any(
        _drives_a_terminal(module.with_name(f"{helper}.py")) for helper in helpers
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that time the app through a pseudo-terminal run one after another, on one worker.

    The suite runs on two workers (``-n`` in pyproject's addopts, pytest-xdist): the other
    worker's Pilot and unit tests are the only load beside them, as on a facilitator's laptop
    with other work open, never a second app racing the first for the same two cores.
    """
    for item in items:
        if _drives_a_terminal(item.path):
            item.add_marker(pytest.mark.xdist_group("terminal"))


GC_ROUNDS = 5
"""Full collections before the heap is frozen: as many as pytest's own cleanup runs
(``_pytest.unraisableexception.cleanup``, "determined experimentally by the Trio project")."""


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """Collect the run's garbage while the worker still counts as running, then freeze the heap.

    A full suite printed a PytestUnraisableExceptionWarning at its end: a KeyboardInterrupt in
    hypothesis's gc callback. The interrupt is execnet's: once the controller ends a worker,
    the worker has five seconds to finish (``WorkerGateway._terminate_execution``), then it is
    sent SIGINT. After reporting the session finished, each worker ran pytest's cleanup, five
    full collections of some 400,000 objects: 5.1 and 9.1 s on the loaded 2-core machine, and
    the SIGINT landed in a collection, in hypothesis's callback. Here (trylast: after the
    session's fixtures are torn down; pytest-xdist reports the worker finished after this hook),
    the same collections find the same garbage, and an exception raised while collecting goes
    to pytest's hook and is still reported at the cleanup: no warning is hidden. What is left
    is frozen, so the cleanup's collections only look at what came after (``gc.freeze``).
    """
    for _ in range(GC_ROUNDS):
        gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the app's data dir at a fresh temporary folder for every test."""
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv(STRICT_ENV, "1")  # a missing catalogue key raises (also in an app under a pty)
    monkeypatch.delenv("LC_ALL", raising=False)
    # pytest-xdist's workers set these to 80 and 24; Textual and rich would take them over a
    # terminal's own size, so a test would see another layout on a worker than alone.
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    yield folder


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in library (loaded once; it is immutable)."""
    return load_library(include_user=False)


@pytest.fixture(scope="session")
def demo() -> Session:
    """The shipped demo seminar."""
    return load_session(builtin_sessions_dir() / DEMO_FILE)


@pytest.fixture
def small_session(library: Library) -> Session:
    """A fresh session: 4 named participants, 2 groups, the default programme."""
    programme = library.default_programme()
    assert programme is not None
    return new_session(
        title="Prøve på tværs",
        date="2026-11-23",
        exercises=[library.exercises[e] for e in programme.exercises],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1", "Bord 2"],
        organisation="Fjordby Kommune",
        timestamp="2026-11-23T09:00:00+00:00",
    )


NEW_KIND_EXERCISES = (
    "challenges-dot-vote",
    "grint-problem-types",
    "psych-safety-statements",
    "us-and-them",
    "ecosystem-mirror",
    "psych-safety-zones",
    "stakeholder-analysis",
    "smart-goals",
)
"""One built-in exercise of each newer kind (and the reverse-scored grid)."""


def answer_every_kind(session: Session) -> Session:
    """Fill the exercises of ``NEW_KIND_EXERCISES`` with answers from participants p1-p4."""
    people = ("p1", "p2", "p3", "p4")
    for pid, picks in zip(
        people, (("silo", "structure"), ("silo", "resources"), ("silo",), ("resources",)), strict=True
    ):
        for item in picks:
            session = session.with_score("challenges-dot-vote", item, pid, 1)
    for pid, choice in zip(people, ("wicked", "wicked", "tame", "wicked"), strict=True):
        session = session.with_score("grint-problem-types", choice, pid, 1)
    for pid, base in zip(people, (4, 4, 2, 5), strict=True):
        for n, item in enumerate(session.exercise("psych-safety-statements").items):
            score = 6 - base if item.reverse else base
            session = session.with_score(
                "psych-safety-statements", item.id, pid, max(1, min(5, score + n % 2))
            )
    for pid, score in zip(people, (2, 3, 4, 4), strict=True):
        session = session.with_score("us-and-them", "us-them", pid, score)
    for pid, (inner, outer) in zip(people, ((4, 2), (5, 2), (4, 3), (3, 1)), strict=True):
        for item in ("strategy", "tasks", "competencies", "leadership"):
            session = session.with_score("ecosystem-mirror", f"{item}:left", pid, inner)
            session = session.with_score("ecosystem-mirror", f"{item}:right", pid, outer)
    for pid, (x, y) in zip(people, ((4, 4), (4, 5), (2, 2), (3, 4)), strict=True):
        session = session.with_score("psych-safety-zones", "demands", pid, x)
        session = session.with_score("psych-safety-zones", "safety", pid, y)
    rows = (
        ("Borgerne", "stor", "aktiv", "positiv", "Inddrag i dialogmøder"),
        ("Økonomiafdelingen", "middelstor", "passiv", "negativ", "Møde om budget"),
        ("Hjemmeplejen", "stor", "aktiv", "negativ", ""),
    )
    columns = ("stakeholder", "importance", "activity", "attitude", "handling")
    for row, values in enumerate(rows, start=1):
        for column, value in zip(columns, values, strict=True):
            if value:
                session = session.with_cell("stakeholder-analysis", "g1", row, column, value)
    session = session.with_cell("smart-goals", "g2", 1, "goal", "Færre genindlæggelser inden 1. juni")
    for column, value in (("specific", "ja"), ("measurable", "ja"), ("accepted", "delvist"), ("timed", "ja")):
        session = session.with_cell("smart-goals", "g2", 1, column, value)
    return session


@pytest.fixture
def kinds_blank(library: Library) -> Session:
    """Four named participants, two groups, one unanswered exercise of each newer kind."""
    return new_session(
        title="Alle slags øvelser",
        date="2026-11-24",
        exercises=[library.exercises[e] for e in NEW_KIND_EXERCISES],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-11-24T09:00:00+00:00",
        session_id="alle-slags",
    )


@pytest.fixture
def kinds_session(kinds_blank: Session) -> Session:
    """``kinds_blank`` with every exercise answered (see ``answer_every_kind``)."""
    return answer_every_kind(kinds_blank)


@pytest.fixture
def made_in_key_thread(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the calling (key's) thread made of a save's first steps: "temp" and "link".

    Read by the staged saves' tests (tests/unit/test_staged_saves.py, test_unnamed_stage.py):
    a key's thread should make neither, the save's thread made them ahead.
    """
    import threading

    from workshop_tui.core.storage import tomlio

    made: list[str] = []
    here = threading.get_ident()
    temp_file, link_previous = tomlio._temp_file, tomlio.link_previous

    def temp(path: Path) -> tuple[int, str]:
        if threading.get_ident() == here:
            made.append("temp")
        return temp_file(path)

    def link(path: Path) -> Path | None:
        if threading.get_ident() == here:
            made.append("link")
        return link_previous(path)

    monkeypatch.setattr(tomlio, "_temp_file", temp)
    monkeypatch.setattr(tomlio, "link_previous", link)
    return made
