"""The view for reflection sheets: numbered answer boxes beside their working questions.

Each group (table) writes its own text in each box; switching group (Ctrl+G)
shows that group's text, and every word typed is saved as it is typed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, TextArea

from workshop_tui.model import Exercise, Position, Session
from workshop_tui.tui.messages import EditRequested, PositionChanged
from workshop_tui.tui.strings import tr
from workshop_tui.tui.views.base import GroupTextsView, session_edit


def questions_text(exercise: Exercise, number: int, lang: str) -> Text:
    """The working question of box ``number`` with its lettered sub-questions."""
    box = next(b for b in exercise.boxes if b.number == number)
    text = Text()
    if box.question is not None:
        text.append(f"{box.number}. {box.question.get(lang)}\n", style="bold")
    for sub in box.subquestions:
        text.append(f"   {sub.letter}) {sub.text.get(lang)}\n")
    text.rstrip()
    return text


class ReflectionView(GroupTextsView):
    """Answer boxes (left) and working questions (right), per group."""

    DEFAULT_CSS = """
    ReflectionView #sheet-head { height: auto; padding: 0 1; }
    ReflectionView #boxes { height: 1fr; }
    ReflectionView .box { height: auto; margin-bottom: 1; padding: 0 1; }
    ReflectionView .box TextArea { width: 3fr; height: 8; }
    ReflectionView .box .questions { width: 2fr; height: auto; padding-left: 2; }
    ReflectionView .box-title { padding: 0 1; text-style: bold; color: $accent; }
    """

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._filling = False

    def compose(self) -> ComposeResult:
        yield Static(id="sheet-head")
        with VerticalScroll(id="boxes"):
            for box in self.exercise.boxes:
                yield Static(f"{box.number}. {box.title.get(self.lang)}", classes="box-title")
                with Horizontal(classes="box"):
                    yield TextArea(id=f"box-{box.number}", soft_wrap=True)
                    yield Static(questions_text(self.exercise, box.number, self.lang), classes="questions")

    def restore(self, position: Position) -> None:
        super().restore(position)
        if 1 <= position.row <= len(self.exercise.boxes):
            self.query_one(f"#box-{self.exercise.boxes[position.row - 1].number}", TextArea).focus()

    def focus_main(self) -> None:
        if self.exercise.boxes:
            self.query_one(f"#box-{self.exercise.boxes[0].number}", TextArea).focus()

    def _fill(self, session: Session) -> None:
        lang = self.lang
        group = next((g for g in session.groups if g.id == self._group), None)
        head = Text()
        if self.exercise.heading is not None:
            head.append(self.exercise.heading.get(lang), style="bold")
        if group is not None:
            head.append(f"   {tr('sheet.group', lang)}: ", style="dim")
            head.append(group.name, style="bold reverse")
            if len(session.groups) > 1:
                head.append("  (Ctrl+G)", style="dim")
        head.append(f"\n{tr('sheet.questions', lang)} →", style="dim")
        self.query_one("#sheet-head", Static).update(head)
        texts = session.answers_for(self.exercise.id).texts.get(self._group, {})
        self._filling = True
        try:
            for box in self.exercise.boxes:
                area = self.query_one(f"#box-{box.number}", TextArea)
                wanted = texts.get(box.key, "")
                if area.text != wanted:
                    area.load_text(wanted)
        finally:
            self._filling = False

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        if self._filling or not self._group or not event.text_area.id:
            return
        box = event.text_area.id.removeprefix("box-")
        edit = session_edit(Session.with_text, self.exercise.id, self._group, box, event.text_area.text)
        self.request_edit(EditRequested(edit, merge=f"text:{self.exercise.id}:{self._group}:{box}"))

    @on(TextArea.Changed)
    def _remember_box(self, event: TextArea.Changed) -> None:
        if event.text_area.id and not self._filling:
            row = int(event.text_area.id.removeprefix("box-"))
            self.post_message(PositionChanged(Position(self.exercise.id, row, 0, self._group)))
