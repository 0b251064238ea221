"""Where the voting server listens: the facilitator's choice, or the laptop's LAN address."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from dataclasses import dataclass

DEFAULT_PORT = 8765
DEFAULT_MAX_PARTICIPANTS = 60
"""Devices that may join unless the facilitator sets another maximum."""
PORT_TRIES = 10
"""When the default port is taken, the next ports are tried before any free port is used."""
LOOPBACK = "127.0.0.1"
_ROUTE_PROBE = ("10.254.254.254", 9)
"""A private address to ask the routing table about; connecting a UDP socket sends nothing."""


@dataclass(frozen=True)
class VotingOptions:
    """How the facilitator wants voting served (from the command line)."""

    host: str | None = None
    """The address to listen on; None for the laptop's LAN address (127.0.0.1 without one)."""
    port: int | None = None
    """The port; None for 8765 or the next free one, 0 for any free port."""
    max_participants: int = DEFAULT_MAX_PARTICIPANTS


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
