"""Connections the voting server accepts: a cap on open ones, in all and per address.

Every open connection is a file descriptor of the app's own process. Without a cap, a
few dozen idle sockets on a laptop with a low file limit left the facilitator unable to
save a typed score ("Too many open files"). The cap is kept well below the free file
descriptors, and connections over it are closed at once; idle and slow connections are
closed by the server's timeouts (``Limits.idle_seconds``, ``Limits.body_seconds``).
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Callable
from typing import Any

from aiohttp import web

from workshop_tui.voting.limits import address_key

RESERVED_FILES = 64
"""File descriptors always left to the app (sessions, exports, the terminal, threads)."""


def open_files() -> int:
    """File descriptors this process has open now (0 where the system does not tell)."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder))
        except OSError:
            continue
    return 0


def accept_burst(most: int) -> int:
    """Connections asyncio may accept in one go: a quarter of the cap, so a queued burst never
    holds more files than the cap allows before the guard has closed those over it."""
    return max(1, most // 4)


def connection_cap(wanted: int) -> int:
    """At most ``wanted``, and at most half of the file descriptors still free (at least 4)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return wanted
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return wanted
    free = soft - max(open_files(), 0) - RESERVED_FILES // 4
    return max(4, min(wanted, free // 2, soft - RESERVED_FILES))


class ConnectionGuard:
    """Counts open connections and refuses those over the caps (in memory; never logged)."""

    def __init__(self, most: int, per_address: int) -> None:
        self.most = most
        self.per_address = per_address
        self.open = 0
        self.refused = 0
        self._by_address: dict[str, int] = {}
        """address key -> open connections (a key goes when its last connection closes)."""

    def admit(self, address: str) -> bool:
        """Count a new connection from ``address``, or refuse it (False) when over a cap."""
        key = address_key(address)
        if self.open >= self.most or self._by_address.get(key, 0) >= self.per_address:
            self.refused += 1
            return False
        self.open += 1
        self._by_address[key] = self._by_address.get(key, 0) + 1
        return True

    def release(self, address: str) -> None:
        """A counted connection closed."""
        key = address_key(address)
        self.open -= 1
        left = self._by_address.get(key, 1) - 1
        if left > 0:
            self._by_address[key] = left
        else:
            self._by_address.pop(key, None)

    def protocol(self, make: Callable[[], asyncio.Protocol]) -> Callable[[], asyncio.Protocol]:
        """A protocol factory that admits connections before handing them to ``make``'s protocol."""
        return lambda: _Guarded(self, make)


class _Guarded(asyncio.Protocol):
    """Passes a connection on to the HTTP protocol once the guard admits it; else closes it."""

    def __init__(self, guard: ConnectionGuard, make: Callable[[], asyncio.Protocol]) -> None:
        self._guard = guard
        self._make = make
        self._inner: asyncio.Protocol | None = None
        self._address = ""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        peer = transport.get_extra_info("peername")
        self._address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if not self._guard.admit(self._address):
            if isinstance(transport, asyncio.Transport):
                transport.abort()  # no lingering close: the descriptor is freed now
            else:
                transport.close()
            return
        self._inner = self._make()
        self._inner.connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        inner, self._inner = self._inner, None
        if inner is not None:
            self._guard.release(self._address)
            inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._inner is not None:
            self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received() if self._inner is not None else None

    def pause_writing(self) -> None:
        if self._inner is not None:
            self._inner.pause_writing()

    def resume_writing(self) -> None:
        if self._inner is not None:
            self._inner.resume_writing()


class GuardedSite(web.TCPSite):
    """aiohttp's TCP site, with every connection passed through a ``ConnectionGuard`` first."""

    def __init__(
        self, runner: web.BaseRunner, host: str, port: int, guard: ConnectionGuard, **kwargs: Any
    ) -> None:
        super().__init__(runner, host, port, **kwargs)
        self.guard = guard

    async def start(self) -> None:
        """Listen, as ``TCPSite.start`` does, with the guarded protocol factory.

        asyncio accepts up to its ``backlog`` queued connections in one go, each an open file
        before the guard sees it: with 1024, forty phones queued while the app drew a frame
        became forty files at once, and a save in that moment could fail ("Too many open
        files"). asyncio is given a small burst; the system's queue is set back to the full
        backlog afterwards, so a burst of phones still waits rather than being dropped.
        """
        await web.BaseSite.start(self)
        server = self._runner.server
        assert server is not None
        self._server = await asyncio.get_running_loop().create_server(
            self.guard.protocol(server),
            self._host,
            self._port,
            backlog=accept_burst(self.guard.most),
            reuse_address=self._reuse_address,
            reuse_port=self._reuse_port,
        )
        sockets = self._server.sockets
        for listening in sockets:
            # A duplicate of the descriptor: ``listen`` sets the queue of the socket both share.
            with socket.fromfd(listening.fileno(), listening.family, listening.type) as shared:
                shared.listen(self._backlog)
        self._bound_port = sockets[0].getsockname()[1] if sockets else self._port
