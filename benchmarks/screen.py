"""A minimal terminal screen: enough of xterm to know what Textual's output shows.

Textual draws with cursor positioning (``ESC[row;colH``), colours (``ESC[…m``), CR/LF and
text, so following those is enough to read back any cell of the screen. The benchmarks
and the crash test use it to decide *when the terminal showed* a score, from the bytes a
terminal would have received; it runs after the timing, never inside it.
"""

from __future__ import annotations

import codecs
import re

from rich.cells import get_character_cell_size

_CSI = re.compile(r"\x1b\[([0-9;?<>=$ ]*)([@-~])")
_OTHER = re.compile(r"\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78MDEc\\])")
_INCOMPLETE = re.compile(r"\x1b(?:\[[0-9;?<>=$ ]*|\][^\x07\x1b]*|\x1b?|[()])?$")


class Screen:
    """The cells of a terminal of ``columns`` x ``rows``, as written so far."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns = columns
        self.rows = rows
        self.cells = [[" "] * columns for _ in range(rows)]
        self.x = 0
        self.y = 0
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def feed(self, data: bytes) -> None:
        """Apply a chunk of output (it may end in the middle of a sequence)."""
        text = self._pending + self._decoder.decode(data)
        self._pending = ""
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\x1b":
                match = _CSI.match(text, i)
                if match:
                    self._csi(match.group(1), match.group(2))
                    i = match.end()
                    continue
                other = _OTHER.match(text, i)
                if other:
                    i = other.end()
                    continue
                if _INCOMPLETE.fullmatch(text, i):
                    self._pending = text[i:]
                    return
                i += 1
                continue
            if char == "\r":
                self.x = 0
            elif char == "\n":
                self.y = min(self.y + 1, self.rows - 1)
            elif char >= " ":
                self._put(char)
            i += 1

    def _put(self, char: str) -> None:
        width = get_character_cell_size(char)
        if width == 0 or not 0 <= self.y < self.rows:
            return
        if self.x < self.columns:
            self.cells[self.y][self.x] = char
            if width == 2 and self.x + 1 < self.columns:
                self.cells[self.y][self.x + 1] = ""
        self.x += width

    def _csi(self, params: str, final: str) -> None:
        if final in "Hf" and not params.startswith("?"):
            parts = [int(p) if p.isdigit() else 1 for p in params.split(";")] if params else [1, 1]
            row, column = (parts + [1, 1])[:2]
            self.y = max(0, min(self.rows - 1, row - 1))
            self.x = max(0, min(self.columns - 1, column - 1))
        elif final == "J" and params in ("2", "3"):
            self.cells = [[" "] * self.columns for _ in range(self.rows)]

    def line(self, row: int) -> str:
        """The text of one row (wide characters once)."""
        return "".join(self.cells[row])

    def text(self) -> str:
        """The whole screen, one line per row."""
        return "\n".join(self.line(row) for row in range(self.rows))

    def find(self, text: str) -> tuple[int, int] | None:
        """(row, column) of the first place ``text`` is shown, or None."""
        for row in range(self.rows):
            cells = self.cells[row]
            line = "".join(c or "\0" for c in cells)
            column = line.find(text)
            if column >= 0:
                return row, column
        return None

    def at(self, row: int, column: int, width: int) -> str:
        """The text of ``width`` cells from (row, column), stripped."""
        return "".join(self.cells[row][column : column + width]).strip()
