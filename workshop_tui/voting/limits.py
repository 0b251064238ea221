"""Flood limits: token buckets per device token or address, and the room's wrong-code budget.

Addresses are only ever keys in memory here; they are never written to a file or a log.
"""

from __future__ import annotations

import ipaddress
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
    wrong_codes_free: int = 50
    """Wrong join codes the whole room may type before joining locks (whatever the addresses)."""
    lockout_seconds: float = 4
    """The first lock after the free wrong codes; each further wrong code doubles it."""
    lockout_max_seconds: float = 900
    devices_per_address: int = 2
    """Devices that may join from one address (a phone is one participant; a second for a
    browser that lost its token). An IPv6 address counts by its /64 network."""
    poll_seconds: float = 25
    """How long the page's request for news is held open when nothing changes."""
    idle_seconds: float = 15
    """A connection that sends no whole request head within this time is closed (idle or slow)."""
    body_seconds: float = 10
    """A request body must arrive within this time (a vote is a few hundred bytes)."""
    max_connections: int = 512
    """Open connections at most (lowered further to half the free file descriptors)."""
    connections_per_address: int = 24
    """Open connections from one address at most (a browser opens six per site)."""


def address_key(address: str) -> str:
    """The key an address is limited by: an IPv4-mapped address as IPv4, IPv6 by its /64 network.

    A phone on IPv6 can change its address within its network at will, so the network is
    what is counted.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class Lockout:
    """The room's budget of wrong join codes, whatever address they come from.

    ``free`` wrong codes are allowed in all; after that every wrong code locks joining for
    ``base`` seconds, doubled for each further one (up to ``most``). Being one counter, it
    cannot be reset by changing address or by flooding a table of addresses: a million
    codes then take years to try. A new join code starts a new budget.
    """

    def __init__(
        self, free: int, base: float, most: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.free = free
        self.base = base
        self.most = most
        self._clock = clock
        self.wrong = 0
        """Wrong codes typed since the code was made."""
        self._until = 0.0

    def wait(self) -> float:
        """0, or the seconds until a code may be tried again."""
        return max(0.0, self._until - self._clock())

    def failed(self) -> None:
        """Count a wrong code; past the free ones, lock for twice as long as the last time."""
        self.wrong += 1
        over = self.wrong - self.free
        if over > 0:
            self._until = self._clock() + min(self.most, self.base * 2 ** min(over - 1, 40))

    def reset(self) -> None:
        """Start a new budget (the code changed, so earlier guesses are worth nothing)."""
        self.wrong = 0
        self._until = 0.0


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
            # lets an attacker as far as the burst again; the room's ``Lockout`` still counts).
            for key in sorted(self._buckets, key=lambda k: self._buckets[k][1])[: len(self._buckets) // 2]:
                del self._buckets[key]
