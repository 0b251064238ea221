"""A sheet's sub-questions on the wall wrap under their own text, not back at the margin (wall25).

At 80x24 "a) Hvordan gør vi, hvis vi oplever, at engagementet svigter (hos os" went on with
"selv og hos andre) i processen?" at the question's margin, read as a line of its own.
"""

from __future__ import annotations

import io

from rich.console import Console

from workshop_tui.core.results.summary_written import BoxSummary, GroupText, ReflectionPart
from workshop_tui.tui.screens.projector_texts import sheet_answers

SUB = "a) Hvordan gør vi, hvis vi oplever, at engagementet svigter (hos os selv og hos andre) i processen?"


def test_a_sub_question_wraps_under_its_own_text() -> None:
    box = BoxSummary(
        number=1,
        title="Vores commitment",
        question="Hvad er vores commitment til denne opgave?",
        subquestions=(SUB, "b) Kort"),
        answers=(GroupText("Bord 1", "Vi forpligter os."),),
    )
    shown = sheet_answers(ReflectionPart(heading="Produktion af COMMITMENT", boxes=(box,)))
    assert shown is not None
    console = Console(file=io.StringIO(), width=50, color_system=None)
    console.print(shown)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    first = next(i for i, line in enumerate(lines) if line.startswith("   a) Hvordan"))
    following = lines[first + 1 : lines.index(next(line for line in lines if "b) Kort" in line))]
    assert following and all(line.startswith("      ") and line.strip() for line in following), lines
    assert " ".join(line.strip() for line in [lines[first], *following]) == "a) " + SUB[3:]
