"""The garbage collector runs while the app waits, not while a keystroke is on its way to the screen.

Python collects its youngest objects whenever 700 more have been made than freed: on a
40-person seminar a typed score (its save, the widgets' update, the frame) crosses that
about once per key, so a collection of 0.3-2.5 ms (traced in-process at load 2.3: 22
collections in 18 keys, one of them of the middle generation, 3.2 ms) landed in most
keys' path to the screen, and found almost nothing to free (reference counting frees the
rest). While a session is open the collector's automatic start is moved out of reach
(``AUTOMATIC``: only a run of allocations far beyond any keystroke's starts it), and
``collect_due`` makes the collections Python would have made, with Python's own
thresholds, at moments when nothing waits: after the frame that shows a key, and every
``CHECK_SECONDS`` for what arrives without keys (votes, timers). Memory is therefore
freed as before, only a moment later.
"""

from __future__ import annotations

import gc

from textual.dom import DOMNode

AUTOMATIC = 200_000
"""The youngest generation's threshold while a session is open: a safety net only."""
CHECK_SECONDS = 0.5
"""How often the collections that are due are made when no key asks for them."""


class IdleCollector:
    """Holds back automatic collections while ``node`` (the session screen) is up; collects when idle."""

    def __init__(self, node: DOMNode) -> None:
        self._node = node
        self._thresholds: tuple[int, int, int] | None = None
        """Python's thresholds before ``start`` (None: not started, or stopped)."""

    def start(self) -> None:
        """Move the automatic collection out of reach and make the due collections from now on."""
        if self._thresholds is not None:
            return
        first, second, third = gc.get_threshold()
        self._thresholds = (first, second, third)
        gc.set_threshold(max(AUTOMATIC, first), second, third)
        self._node.set_interval(CHECK_SECONDS, self.collect_due)

    def stop(self) -> None:
        """Give Python its own thresholds back (the session closes)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def collect_due(self) -> int:
        """Make the collection Python's thresholds ask for now (the oldest due): its generation, or -1."""
        thresholds = self._thresholds
        if thresholds is None:
            return -1
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return -1

    def after_frame(self) -> None:
        """``collect_due``, once the frame that shows a key is out."""
        self.collect_due()
