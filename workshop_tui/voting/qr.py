"""The join link as a QR code drawn with Unicode half blocks, two modules per character cell.

A terminal cell is about twice as tall as it is wide, so an upper and a lower half block
make square modules; that is what lets a phone scan it off a projector. The lines are
meant to be shown dark on light (black on white) whatever the terminal's theme, with
the quiet zone included, since scanners need the light border to find the code.
"""

from __future__ import annotations

from functools import lru_cache

QUIET_ZONE = 2
"""Light modules around the code; the standard asks for 4, phones read 2 and it saves rows."""

_HALF = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def qr_matrix(data: str, border: int = QUIET_ZONE) -> list[list[bool]]:
    """The modules of the smallest QR code holding ``data`` (True is dark), quiet zone included."""
    # Imported here: the app should not pay for it at start-up, only when voting opens.
    import qrcode  # type: ignore[import-untyped]
    from qrcode.constants import ERROR_CORRECT_M  # type: ignore[import-untyped]

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(data)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def half_block_lines(matrix: list[list[bool]]) -> list[str]:
    """Two rows of modules per line: ``█`` both dark, ``▀`` top only, ``▄`` bottom only."""
    lines = []
    for top in range(0, len(matrix), 2):
        upper = matrix[top]
        lower = matrix[top + 1] if top + 1 < len(matrix) else [False] * len(upper)
        lines.append("".join(_HALF[(a, b)] for a, b in zip(upper, lower, strict=True)))
    return lines


@lru_cache(maxsize=8)
def qr_lines(data: str, border: int = QUIET_ZONE) -> tuple[str, ...]:
    """The QR code of ``data`` as lines of half blocks (dark modules are the ink).

    Cached: the board is redrawn as votes arrive, and encoding takes milliseconds.
    """
    return tuple(half_block_lines(qr_matrix(data, border)))
