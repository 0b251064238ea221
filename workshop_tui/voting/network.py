"""Where the voting server listens: the facilitator's choice, or the laptop's LAN address."""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
from dataclasses import dataclass

DEFAULT_PORT = 8765
DEFAULT_MAX_PARTICIPANTS = 60
"""Devices that may join unless the facilitator sets another maximum."""
DEFAULT_PER_ADDRESS = 2
"""Devices that may join from one address: a phone, and the same phone after losing its token."""
PORT_TRIES = 10
"""When the default port is taken, the next ports are tried before any free port is used."""
LOOPBACK = "127.0.0.1"
_ROUTE_PROBE = ("10.254.254.254", 9)
_PORT = re.compile(r"[0-9]{1,5}")
"""A port as a Host header gives it: ASCII digits (``str.isdigit`` takes ``²``, which ``int`` refuses,
and ``int`` refuses more than 4,300 digits): anything else is not this server."""
"""A private address to ask the routing table about; connecting a UDP socket sends nothing."""


@dataclass(frozen=True)
class VotingOptions:
    """How the facilitator wants voting served (from the command line)."""

    host: str | None = None
    """The address to listen on; None for the laptop's LAN address (127.0.0.1 without one)."""
    port: int | None = None
    """The port; None for 8765 or the next free one, 0 for any free port."""
    max_participants: int = DEFAULT_MAX_PARTICIPANTS
    """Devices that may join in all (phones also need a free participant each)."""
    per_address: int = DEFAULT_PER_ADDRESS
    """Devices that may join from one network address."""


def lan_address() -> str:
    """The laptop's address on the room's network, or 127.0.0.1 when it has none.

    A UDP socket's ``connect`` only asks the routing table which local address would
    be used; unlike TCP it sends no packet, so nothing leaves the machine.
    """
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_ROUTE_PROBE)
        address = str(probe.getsockname()[0])
        ip = ipaddress.ip_address(address)
        if not (ip.is_loopback or ip.is_unspecified or ip.is_link_local):
            return address
    return LOOPBACK


def listen_host(options: VotingOptions) -> str:
    """The address to bind: the facilitator's, or the LAN address."""
    return options.host or lan_address()


def shown_host(bound: str) -> str:
    """The address to put in the join link: a wildcard bind is reached at the LAN address."""
    if bound in ("0.0.0.0", "::", ""):
        return lan_address()
    return f"[{bound}]" if ":" in bound else bound


def served_names(host: str) -> frozenset[str] | None:
    """The host names a request may carry for a server bound to ``host``.

    A specific address: that address (and ``localhost`` for a loopback one). A wildcard
    (all the laptop's addresses): None, meaning any IP address, but never a name, since
    a DNS-rebinding page always reaches the server by a name of its own.
    """
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return frozenset({host.lower()})
    if ip.is_unspecified:
        return None
    names = {str(ip)}
    if ip.is_loopback:
        names |= {"localhost", "127.0.0.1", "::1"}
    return frozenset(names)


def host_allowed(header: str | None, names: frozenset[str] | None, port: int) -> bool:
    """Whether a Host header names this server: one of ``names`` (any IP address for None) at ``port``."""
    if not header:
        return False
    name, _, given_port = header.rpartition(":") if not header.endswith("]") else (header, "", "")
    if not name or (given_port and not _PORT.fullmatch(given_port)):
        name, given_port = header, ""
    if (int(given_port) if given_port else 80) != port:
        return False
    name = name.strip("[]").lower()
    if names is not None:
        return name in names
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def candidate_ports(options: VotingOptions) -> list[int]:
    """Ports to try in order: the one asked for only, or the default, its neighbours, then any."""
    if options.port is not None:
        return [options.port]
    return [*range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES), 0]


def parse_port(text: str) -> int:
    """A port from the command line: 0 (any free port) to 65535.

    Raises:
        ValueError: not a whole number in that range.
    """
    port = int(text)
    if not 0 <= port <= 65535:
        raise ValueError(f"{port} is not a port; use 1-65535, or 0 for any free port")
    return port


def parse_host(text: str) -> str:
    """An address to listen on: an IP address of this laptop (0.0.0.0 for all of them).

    Raises:
        ValueError: not an IP address.
    """
    return str(ipaddress.ip_address(text.strip("[]")))
