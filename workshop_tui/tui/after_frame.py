"""Work that may wait one frame: the panels a keystroke changes besides the cell it typed.

A score typed on the grid changes the cell, its row's figures, the highlighted item's
detail, the exercise's profile and the agenda's status marks. The facilitator looks at
the cell; building and drawing the other panels took about as long as the rest of the
keystroke together (measured through a pseudo-terminal: 4 ms to build the detail and
profile texts and 5 ms to draw them, on a 40-person seminar). They are brought up to date
just after the frame that shows the cell, so no panel shows an old figure for more than
a frame, and a burst of keys builds them once per frame, not once per key.

"Just after" is ``FRAME_OUT`` after the frame is made, with the event loop idle
meanwhile: Textual writes each frame from an output thread, which needs the interpreter
to write it, and a CPU. Started at once, the panels' work held the interpreter while that
thread waited for both (measured through the pty: the frame left 0.2-4.4 ms after it was
made, median 1.3 ms); a key typed meanwhile is also handled before the panels.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode

FRAME_OUT = 0.002
"""Seconds between making the frame and the deferred work: the output thread writes it meanwhile."""


class AfterFrame:
    """One callback run after the next frame, however often it is asked for before that."""

    def __init__(self, node: DOMNode, callback: Callable[[], None]) -> None:
        self._node = node
        self._callback = callback
        self._asked = False

    @property
    def pending(self) -> bool:
        """Whether the callback is asked for and has not run yet."""
        return self._asked

    def __call__(self) -> None:
        """Run the callback after the next frame (once, if asked for again meanwhile)."""
        if not self._asked:
            self._asked = True
            self._node.call_after_refresh(self._frame_made)

    def _frame_made(self) -> None:
        if self._asked:
            self._node.set_timer(FRAME_OUT, self._run)

    def now(self) -> None:
        """Run the callback at once (a request still waiting then finds nothing to do)."""
        self._asked = False
        self._callback()

    def _run(self) -> None:
        if self._asked:
            self._asked = False
            self._callback()
