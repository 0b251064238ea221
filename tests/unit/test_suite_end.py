"""The suite's end: a worker collects its garbage before it says it finished (``tests/conftest.py``).

A full run printed a PytestUnraisableExceptionWarning, a KeyboardInterrupt in hypothesis's gc
callback: execnet interrupts a worker still busy five seconds after it was told to end, and
pytest's cleanup (five full collections of a worker's heap) took 5-9 s on the loaded machine.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


class _Noisy:
    """Garbage whose finaliser raises: what pytest reports as an unraisable exception."""

    me: Any = None

    def __del__(self) -> None:
        raise RuntimeError("found at the session's end")


@pytest.fixture
def no_automatic_gc() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()  # the rest of the run collects as before
        gc.enable()


def test_the_end_collects_reports_and_then_freezes_the_heap(
    no_automatic_gc: None, monkeypatch: pytest.MonkeyPatch, pytestconfig: pytest.Config
) -> None:
    conftest = pytestconfig.pluginmanager.get_plugin(str(Path(__file__).parents[1] / "conftest.py"))
    assert conftest is not None
    seen: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    noisy = _Noisy()
    noisy.me = noisy  # a cycle: only a collection frees it
    del noisy
    frozen = gc.get_freeze_count()
    conftest.pytest_sessionfinish(None)  # the hook reads nothing of the session
    assert [type(x.exc_value) for x in seen] == [RuntimeError], "the garbage's error is still reported"
    assert gc.get_freeze_count() > frozen, "what is left is frozen: pytest's cleanup skips it"
    assert conftest.GC_ROUNDS == 5
