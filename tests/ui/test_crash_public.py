"""The crash rescue uses Textual's public API only, and its log keeps the session's names out.

Textual 8 has no public hook for an unhandled error. The app reads the documented
``App.return_code`` (1: "the app exited with a fatal error") as its screens close, rescues
each open session through its controller before the lock is given back, and logs the report
Textual printed to the app's ``error_console``, without the local variables Textual shows
(they may hold participants' names and answers).
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from workshop_tui.core.storage.lock import lock_path
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui import app as app_module
from workshop_tui.tui import crash_report
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


def test_the_app_overrides_no_private_textual_method_and_walks_no_screen_stack() -> None:
    tree = ast.parse(inspect.getsource(app_module))
    methods = {
        node.name
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef) and cls.name == "WorkshopApp"
        for node in cls.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    private = {name for name in methods if name.startswith("_") and not name.startswith("__")}
    # Our own helpers are private too; none of them may be one of Textual's App methods.
    from textual.app import App

    assert not {name for name in private if hasattr(App, name)} - {"_dispatch_key"}
    assert "_dispatch_key" not in dir(App)  # ours, not Textual's
    assert "screen_stack" not in inspect.getsource(app_module.WorkshopApp.action_quit)
    assert "screen_stack" not in inspect.getsource(app_module.WorkshopApp.rescue)


async def test_a_crash_log_holds_the_error_but_not_the_local_names(
    room: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: SessionScreen) -> None:
        secret = self.session.participants[0].name  # a local that holds a participant's name
        raise RuntimeError(f"injected after {len(secret)} letters")

    monkeypatch.setattr(SessionScreen, "action_blind", broken)
    app = app_for(room, lang="en")
    with pytest.raises(RuntimeError, match="injected"):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("3")
            await pilot.press("f3")
            await pilot.pause()
    assert app.return_code == 1
    report = app.crash
    assert report is not None and report is app.crash  # made once
    assert report.sessions == [(room, True)] and report.log is not None
    text = report.log.read_text(encoding="utf-8")
    assert "RuntimeError: injected after 4 letters" in text and "in broken" in text
    assert "'Anne'" not in text and "locals" not in text
    assert f"session: {room} (saved)" in text
    assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 3}}
    assert not lock_path(room).exists()


async def test_a_normal_quit_makes_no_crash_report(room: Path, data_dir: Path) -> None:
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await app.action_quit()
        await pilot.pause()
    assert app.return_code == 0 and app.crash is None
    assert not (data_dir / "logs").exists()


def test_locals_panels_are_cut_from_a_report() -> None:
    report = "\n".join(
        [
            "╭──── Traceback (most recent call last) ────╮",
            "│ /x/a.py:3 in broken                        │",
            "│ ╭──────── locals ────────╮                 │",
            "│ │ name = 'Anne'          │                 │",
            "│ ╰────────────────────────╯                 │",
            "╰────────────────────────────────────────────╯",
            "RuntimeError: boom",
        ]
    )
    cut = crash_report.without_locals(report)
    assert "Anne" not in cut and "in broken" in cut and cut.endswith("RuntimeError: boom")
