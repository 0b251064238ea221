"""``md_text``'s fast paths (a text already on one line with single spaces, an answer whose lines
end bare) give what splitting, stripping and joining gave: checked against that way kept here,
on texts made of the characters that matter (every kind of blank and line break, the marks)."""

from __future__ import annotations

import dataclasses
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.results.summary_model import Score
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.export import markdown_escape
from workshop_tui.export.markdown_escape import _ends_bare, _single_spaced, markdown_safe, md_text

LINE_BREAKS = [chr(c) for c in range(sys.maxunicode + 1) if len(f"a{chr(c)}b".splitlines()) > 1]
BLANKS = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def _joined_way(text: str, *, multiline: bool = False) -> str:
    """``md_text`` as it was: every text split and joined again."""
    text = for_terminal(text, multiline=True)
    if multiline:
        lines = [line.rstrip() for line in text.splitlines()] if "\n" in text else [text.rstrip()]
        text = "\n".join(lines)
        starts = any(line.lstrip(" \t")[:1] in markdown_escape._MULTILINE_STARTS for line in lines)
    else:
        text = " ".join(text.split())
        starts = text[:1] in markdown_escape._ONE_LINE_STARTS
    if markdown_escape._INLINE.search(text):
        text = markdown_escape._INLINE.sub(
            lambda m: markdown_escape._HTML.get(m.group(), "\\" + m.group()), text
        )
    pattern = markdown_escape._LINE_STARTS if multiline else markdown_escape._LINE_START
    return pattern.sub(markdown_escape._line_start, text) if starts else text


def test_only_the_space_is_a_printable_blank() -> None:
    """``_single_spaced`` leans on this: ``split`` splits at no printable character but the space."""
    assert [c for c in BLANKS if c.isprintable()] == [" "]


def test_for_terminal_leaves_only_the_newline_as_a_line_break() -> None:
    """``_ends_bare`` leans on this: after ``for_terminal(multiline=True)``, ``splitlines`` and
    ``split("\\n")`` cut a text at the same places (short texts and long ones take other ways)."""
    for mark in LINE_BREAKS:
        for text in (f"a{mark}b", f"{'word ' * 30}{mark}{'more ' * 30}"):
            shown = for_terminal(text, multiline=True)
            assert [c for c in shown if c in LINE_BREAKS] in ([], ["\n"]), repr(mark)


PIECES = st.sampled_from(
    ["a", "æøå", "word", "#", "-", "- ", "1.", "2)", "=", "+", "|", "*", "<b>", "&", "\\", "`"]
    + [" ", "  ", "\t", "\n", "\n\n", " \n", "\t\n", "\u00a0", "\u3000", "\r\n", "\u2028", "\x1b[31m", "\x85"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=40), st.integers(0, 1))
def test_same_text_as_split_and_joined(pieces: list[str], padding: int) -> None:
    text = "".join(pieces) + "lang tekst " * (12 * padding)  # short and long texts (``for_terminal``)
    assert md_text(text) == _joined_way(text)
    assert md_text(text, multiline=True) == _joined_way(text, multiline=True)


def test_fast_paths_by_hand() -> None:
    assert _single_spaced("Kurs og retning") and _single_spaced("")
    assert (
        not _single_spaced("Kurs  og") and not _single_spaced(" Kurs") and not _single_spaced("Kurs\u00a0og")
    )
    assert _ends_bare("Linje et\n\nLinje to") and _ends_bare("\nLinje") and _ends_bare("")
    assert not _ends_bare("Linje \nto") and not _ends_bare("\n \nto") and not _ends_bare("Linje\n")
    assert not _ends_bare("Linje\u3000\nto") and not _ends_bare("slut ")
    assert md_text("\n \nSvar", multiline=True) == "\n\nSvar"
    assert (
        md_text("Svar \n- punkt\t\n# ikke en overskrift", multiline=True)
        == "Svar\n- punkt\n\\# ikke en overskrift"
    )


@dataclasses.dataclass(frozen=True)
class Labelled:
    """A record with a ``label`` (as ``Score``) and another text field, in tuples by the hundred."""

    label: str
    value: int
    word: str = "ord"


@dataclasses.dataclass(frozen=True)
class Holder:
    rows: tuple[object, ...]


def test_one_label_among_hundreds_that_needs_its_escape() -> None:
    """The tuples of scores are checked by their distinct labels: one hostile name anywhere among
    equal ones, a second field's text, or a record of another kind still gets the walk."""
    plain = tuple(Score("Bo", 4) for _ in range(300))
    assert markdown_safe(Holder(plain)).rows is plain  # nothing to escape: the same tuple
    for place in (0, 150, 299):
        rows = plain[:place] + (Score("<b>Ib</b>", 3),) + plain[place + 1 :]
        escaped = markdown_safe(Holder(rows)).rows
        assert [s.label for s in escaped].count("&lt;b&gt;Ib&lt;/b&gt;") == 1
        assert escaped[place].label == "&lt;b&gt;Ib&lt;/b&gt;" and escaped[place].value == 3
    words = tuple(Labelled("Bo", 1) for _ in range(50)) + (Labelled("Bo", 2, "*fed*"),)
    assert markdown_safe(Holder(words)).rows[-1].word == "\\*fed\\*"
    mixed = plain + (Labelled("Bo", 1, "[link](x)"),)
    assert markdown_safe(Holder(mixed)).rows[-1].word == "\\[link\\](x)"
