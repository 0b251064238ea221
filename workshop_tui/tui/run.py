"""Running the app from the command line: the garbage collector's pause, and what a crash leaves said.

``workshop`` (``cli.main``) calls ``run_app``; the tests and snapshots build the app with
``tui.app.make_app`` and drive it themselves.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.tui.app import make_app
from workshop_tui.tui.terminal_driver import terminal_driver

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.voting.network import VotingOptions


def run_app(
    *,
    lang: str | None,
    exercise_dirs: Iterable[Path] = (),
    session_path: Path | None = None,
    session: Session | None = None,
    voting: VotingOptions | None = None,
) -> int:
    """Run the app until the facilitator quits; returns the exit status."""
    app = make_app(
        lang=lang, exercise_dirs=exercise_dirs, session_path=session_path, session=session, voting=voting
    )
    app.collector_paused = not gc.isenabled()
    app.stops_on_signals = True
    app.driver_class = terminal_driver()  # a terminal gone must not hang the close
    try:
        result = app.run()
    except Exception as error:  # an error Textual did not catch (starting or stopping)
        if app.crash is None:
            app.rescue(error)
        import traceback

        traceback.print_exc()
    if app.crash is not None:
        print(f"\n{app.crash.message(app.lang)}", file=sys.stderr)
        return 1
    return result or app.return_code or 0
