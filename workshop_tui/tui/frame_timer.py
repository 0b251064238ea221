"""The session screen's frame timer: a change asked for after a pause is drawn at once.

Textual draws a screen's changes from a timer that beats 60 times a second, counted from
the moment it first ran, and paused while there is nothing to draw. Its beats are kept on
that grid: after a frame drawn on resuming (late against the grid), the missed beats are
skipped and the next one set 1-2 intervals (16.7-33.3 ms) after the frame, so a change asked
for meanwhile waited for that beat with the timer already resumed. A score typed within
33 ms after any frame (the clock's, once a second; the panels' frame one frame after the
previous key) had its frame held back by up to 33 ms; traced through the pty, the screen
had asked for the key's frame 6.7 ms before the timer drew it. And the first frame after
the timer is made waited a whole interval.

``FrameTimer`` keeps Textual's limit, at most one frame per interval, but measures it from
the last frame: a change asked for an interval or more after the last frame is drawn in
the next turn of the event loop, one asked for sooner when the interval is up.
"""

from __future__ import annotations

import math

from textual import _time
from textual.timer import EventTargetGone, Timer


class FrameTimer(Timer):
    """A paused-and-resumed timer whose ticks are at least ``interval`` apart, not on a fixed grid."""

    @classmethod
    def instead_of(cls, timer: Timer) -> FrameTimer:
        """A frame timer doing what ``timer`` (Textual's, paused, not run yet) did; ``timer`` is stopped.

        It takes the same target, interval, name and callback (the screen's own update): the
        draw stays Textual's, only when it comes changes.
        """
        timer.stop()
        callback = timer._callback
        frame_timer = cls(timer.target, timer._interval, name=timer.name, callback=callback, pause=True)
        frame_timer._start()
        return frame_timer

    async def _run(self) -> None:
        last = -math.inf
        interval = self._interval
        count = 0
        while True:
            await self._active.wait()
            wait = last + interval - _time.get_time()
            if wait > 0:
                await _time.sleep(wait)
                await self._active.wait()
            last = _time.get_time()
            count += 1
            try:
                await self._tick(next_timer=last, count=count)
            except EventTargetGone:
                break
