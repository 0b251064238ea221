"""The QR code drawn in half blocks, and where the server listens."""

from __future__ import annotations

import ipaddress

import pytest

from workshop_tui.voting.network import (
    DEFAULT_PORT,
    VotingOptions,
    candidate_ports,
    lan_address,
    listen_host,
    parse_host,
    parse_port,
    shown_host,
)
from workshop_tui.voting.qr import half_block_lines, qr_lines, qr_matrix

URL = "http://192.168.1.20:8765/#c=246810"


def _decode(lines: tuple[str, ...] | list[str]) -> list[list[bool]]:
    top = {"█": True, "▀": True, "▄": False, " ": False}
    bottom = {"█": True, "▀": False, "▄": True, " ": False}
    rows: list[list[bool]] = []
    for line in lines:
        rows.append([top[c] for c in line])
        rows.append([bottom[c] for c in line])
    return rows


def test_half_blocks_hold_every_module_of_the_code() -> None:
    matrix = qr_matrix(URL)
    lines = qr_lines(URL)
    assert len(lines) == (len(matrix) + 1) // 2
    assert _decode(lines)[: len(matrix)] == matrix
    assert set("".join(lines)) <= {"█", "▀", "▄", " "}
    assert lines[0].strip() == "" and all(line[:2] == "  " for line in lines)


def test_an_odd_number_of_rows_ends_with_a_light_half() -> None:
    assert half_block_lines([[True, False], [False, True], [True, True]]) == ["▀▄", "▀▀"]


def test_the_lan_address_is_found_without_traffic_and_is_never_a_wildcard() -> None:
    address = ipaddress.ip_address(lan_address())
    assert not address.is_unspecified
    assert listen_host(VotingOptions()) == str(address)
    assert listen_host(VotingOptions(host="127.0.0.1")) == "127.0.0.1"
    assert shown_host("0.0.0.0") == str(address)
    assert shown_host("::1") == "[::1]"


def test_ports_and_addresses_from_the_command_line() -> None:
    assert candidate_ports(VotingOptions(port=9000)) == [9000]
    assert candidate_ports(VotingOptions())[0] == DEFAULT_PORT and candidate_ports(VotingOptions())[-1] == 0
    assert parse_port("0") == 0 and parse_port("8080") == 8080
    assert parse_host("[::1]") == "::1" and parse_host("10.0.0.5") == "10.0.0.5"
    for bad in ("70000", "-1", "x"):
        with pytest.raises(ValueError):
            parse_port(bad)
    with pytest.raises(ValueError):
        parse_host("laptop.local")


def test_the_voting_package_never_loads_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, workshop_tui.voting.server, workshop_tui.voting.network, workshop_tui.voting.qr;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("argv", "per_address"),
    [
        (["demo"], 2),
        (["--vote-per-address", "3", "demo"], 3),
        (["demo", "--vote-per-address", "1"], 1),
    ],
)
def test_the_devices_per_address_are_set_on_the_command_line(argv: list[str], per_address: int) -> None:
    from workshop_tui.cli.main import _voting, build_parser

    options = _voting(build_parser("en").parse_args(argv))
    assert options.per_address == per_address


def test_devices_per_address_must_be_a_small_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    from workshop_tui.cli.main import build_parser

    with pytest.raises(SystemExit):
        build_parser("en").parse_args(["--vote-per-address", "0", "demo"])
    assert "--vote-per-address" in capsys.readouterr().err
