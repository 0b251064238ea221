"""Every exercise view has its field focused by the time the keys held for it go on.

Ctrl+N, Ctrl+B and Ctrl+G close the key gate (``keygate.py``) and open it once the view
they lead to is ready. A view that focused its field with ``focus()`` only asked the app's
queue to do it later: the gate opened while nothing had the keyboard (the old view's field
was blurred as it was hidden), and a key the app took from its queue before the queued
focus (typed in the same burst as the step, read a moment later under load) went to the
screen, not the field: lost, or taken as a command.

This records, each time the gate opens on the session screen, which widget has the
keyboard: the invariant holds by construction, whatever the timing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from workshop_tui.core.model import Action, Position
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.keygate import KeyGate
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for

EVERY_KIND = (
    "boundaries",  # rating_grid
    "challenges-dot-vote",  # dot_vote
    "challenges-ranking",  # ranking
    "commitment",  # scale
    "closing-reflection",  # reflection_sheet
    "ecosystem-dilemma",  # bipolar
    "ecosystem-mirror",  # paired_rating
    "goal-hierarchy",  # table
    "grint-problem-types",  # single_choice
    "kkc-indicators",  # statement_diagnostic
    "professional-depth",  # two_axis
    "sheet-42",  # the text sheets 42-45
    "sheet-43",
    "sheet-44",
    "sheet-45",  # action_list
    "take-home",  # open_answers
)
"""One exercise of every kind (the action review comes first, made by ``follow_up``)."""


@pytest.fixture
def every_kind(library: Library, data_dir: Path) -> Path:
    """A follow-up session: last time's actions under review, then one exercise of every kind."""
    first = new_session(
        title="Alle slags",
        date="2026-09-01",
        exercises=[library.exercises[e] for e in EVERY_KIND],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-09-01T09:00:00+00:00",
        session_id="day-1",
    )
    first = first.with_action("sheet-45", "g1", 0, Action("Fælles visitationsmøde", "Anne", "2026-10-01"))
    save_session(first, session_path(first))
    review = library.exercises["action-review"]
    later = follow_up(first, title="Opfølgning", date="2026-12-01", session_id="day-2", review=review)
    path = session_path(later)
    save_session(later, path)
    return path


def _name(widget: Widget | None) -> str:
    return "nothing" if widget is None else f"{type(widget).__name__}#{widget.id}"


async def test_the_view_s_field_has_the_keyboard_when_the_held_keys_go_on(
    every_kind: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_open: list[tuple[str, str, bool]] = []
    """(exercise on show, focused widget, whether it is inside the view on show) per opening."""
    opened = KeyGate.open

    def recorded_open(gate: KeyGate) -> None:
        opened(gate)
        screen = app.screen
        if not gate.closed and isinstance(screen, SessionScreen) and screen.view is not None:
            focused = screen.focused
            inside = focused is not None and screen.view in focused.ancestors
            at_open.append((screen.current, _name(focused), inside))

    monkeypatch.setattr(KeyGate, "open", recorded_open)
    app = app_for(every_kind)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        agenda = screen.session.agenda
        assert agenda[0] == "action-review" and len(agenda) == len(EVERY_KIND) + 1
        keys = ["ctrl+n"] * (len(agenda) - 1)  # forward: each view made on arrival
        keys += ["ctrl+b"] * (len(agenda) - 1)  # back: each view kept, shown again
        wrong: list[tuple[str, str, str]] = []
        for key in keys:
            at_open.clear()
            await pilot.press(key)
            await pilot.pause()
            assert at_open, f"the gate never opened on {screen.current} after {key}: nothing checked"
            wrong += [(key, shown, focused) for shown, focused, inside in at_open if not inside]
        for exercise in ("closing-reflection", "goal-hierarchy", "sheet-42", "sheet-45"):
            screen.go_to(exercise)
            await pilot.pause()
            at_open.clear()
            await pilot.press("ctrl+g")  # the next group's texts, in the same view
            await pilot.pause()
            assert at_open, f"the gate never opened on {exercise} after Ctrl+G: nothing checked"
            wrong += [("ctrl+g", shown, focused) for shown, focused, inside in at_open if not inside]
        assert wrong == []


async def test_a_sheet_reopens_in_the_box_last_written_in(library: Library, data_dir: Path) -> None:
    # The sheet's ``restore`` focused the box, and ``focus_main``, right after it, the first box.
    session = new_session(
        title="Tilbage",
        date="2026-12-01",
        exercises=[library.exercises[e] for e in ("sheet-44", "closing-reflection")],
        participants=["Anne", "Bo"],
        groups=["Bord 1", "Bord 2"],
        session_id="tilbage",
    )
    session = session.with_position(Position("sheet-44", 2, 0, session.groups[1].id))
    path = session_path(session)
    save_session(session, path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.current == "sheet-44"
        assert _name(screen.focused) == "EntryArea#box-2"
        await pilot.press(*"ja", "ctrl+n", "ctrl+b")
        await pilot.pause()
        assert _name(screen.focused) == "EntryArea#box-1", "coming back, the first box as before"
        assert screen.session.answers_for("sheet-44").texts[session.groups[1].id] == {"2": "ja"}
