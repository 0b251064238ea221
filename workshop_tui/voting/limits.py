"""Flood limits: token buckets per device token, or per address for failed join codes.

Addresses are only ever keys in memory here; they are never written to a file or a log.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_KEYS = 4096
"""Buckets kept in memory at most; full (idle) buckets are forgotten first, so a flood of
new keys cannot grow memory without bound."""


@dataclass(frozen=True)
class Limits:
    """The rates a room's phones need, with room to spare; floods go over them at once."""

    votes_burst: float = 12
    """Votes a device may send in a row (a person changing their mind a few times)."""
    votes_per_second: float = 2
    polls_burst: float = 30
    """Requests for the page's state a device may send in a row (reconnects after sleep)."""
    polls_per_second: float = 2
    failed_joins_burst: float = 8
    """Wrong join codes an address may try before it has to wait (a mistyped code or two)."""
    failed_joins_per_second: float = 0.2
    poll_seconds: float = 25
    """How long the page's request for news is held open when nothing changes."""


class RateLimiter:
    """A token bucket per key: ``burst`` requests at once, then ``rate`` per second."""

    def __init__(self, burst: float, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.rate = rate
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        """key -> (tokens left, when they were counted)."""

    def peek(self, key: str) -> float:
        """Like ``allow`` without taking a token: 0, or the seconds until ``key`` may try again."""
        tokens = self._tokens(key, self._clock())
        if tokens >= 1:
            return 0.0
        return (1 - tokens) / self.rate if self.rate > 0 else float("inf")

    def _tokens(self, key: str, now: float) -> float:
        tokens, then = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - then) * self.rate)

    def allow(self, key: str) -> float:
        """Take one token for ``key``.

        Returns:
            0 when the request may go ahead, else the seconds until it could.
        """
        now = self._clock()
        tokens = self._tokens(key, now)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate > 0 else float("inf")
        self._buckets[key] = (tokens - 1, now)
        if len(self._buckets) > MAX_KEYS:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        refill = self.burst / self.rate if self.rate > 0 else float("inf")
        idle = [k for k, (_, then) in self._buckets.items() if now - then >= refill]
        for key in idle:
            del self._buckets[key]
        if len(self._buckets) > MAX_KEYS:
            # Still too many busy keys: the oldest go (they regain a full bucket, which only
            # lets an attacker as far as the burst again).
            for key in sorted(self._buckets, key=lambda k: self._buckets[k][1])[: len(self._buckets) // 2]:
                del self._buckets[key]
