"""A chart label in lines: ``textwrap.wrap``'s lines, found without it for the common label.

``textwrap`` splits a text with a long expression that handles hyphens and dashes, then
fills lines chunk by chunk: some 20 µs a label with æ, ø or å, and the first HTML export of
90 exercises wraps 131 labels (a seventh of its render), besides importing the module and
compiling its three expressions. Nearly every label is words and single spaces with no
hyphen and no word longer than a line; for those the lines are simply filled greedily, which
is exactly what ``textwrap`` does with such a text (its chunks are then the words and the
single spaces between them, a space that ends a line is dropped, and the next line starts at
the next word). Any other label is wrapped by ``textwrap`` itself.
"""

from __future__ import annotations


def wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width)`` (default options); a test compares the two on random texts."""
    words = text.split()
    if "-" in text or " ".join(words) != text or any(len(word) > width for word in words):
        # a hyphen or dash (split there), other whitespace than single spaces (kept or turned
        # into spaces), or a word longer than a line (broken): textwrap's own rules
        import textwrap

        return textwrap.wrap(text, width)
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines
