"""The view for reflection sheets: numbered answer boxes beside their working questions.

Each group (table) writes its own text in each box; switching group (Ctrl+G)
shows that group's text, and every word typed is saved as it is typed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.sheets import SheetBody
from workshop_tui.core.model import Exercise, Position, Session
from workshop_tui.tui.plain import plain
from workshop_tui.tui.views.base import GroupTextsView, typing
from workshop_tui.tui.views.group_line import append_group
from workshop_tui.tui.widgets.entry import FieldEdited
from workshop_tui.tui.widgets.entry_area import EntryArea
from workshop_tui.tui.widgets.text_panel import show_text


def questions_text(exercise: Exercise, number: int, lang: str) -> Text:
    """The working question of box ``number`` with its lettered sub-questions."""
    box = next(b for b in exercise.body_as(SheetBody).boxes if b.number == number)
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

    @property
    def sheet(self) -> SheetBody:
        """The sheet's heading and boxes."""
        return self.exercise.body_as(SheetBody)

    def compose(self) -> ComposeResult:
        yield Static(id="sheet-head")
        with VerticalScroll(id="boxes", can_focus=False):
            for box in self.sheet.boxes:
                yield Static(plain(f"{box.number}. {box.title.get(self.lang)}"), classes="box-title")
                with Horizontal(classes="box"):
                    yield EntryArea(id=f"box-{box.number}", soft_wrap=True)
                    yield Static(questions_text(self.exercise, box.number, self.lang), classes="questions")

    _restored: int | None = None
    """The number of the box to give the keyboard to once (``restore``), None for the first."""

    def restore(self, position: Position) -> None:
        """Reopened, the keyboard goes back to the box last written in (``_typed`` saves its number).

        Focused here, the first box took it back at once: ``focus_main`` comes right after.
        """
        super().restore(position)
        numbers = [box.number for box in self.sheet.boxes]
        self._restored = position.row if position.row in numbers else None

    def focus_main(self) -> None:
        if self.ready and self.sheet.boxes:
            number = self._restored or self.sheet.boxes[0].number
            self._restored = None
            self.take_keyboard(self.query_one(f"#box-{number}", EntryArea))

    def _fill_head(self, session: Session) -> None:
        lang = self.lang
        group = next((g for g in session.groups if g.id == self._group), None)
        head = Text()
        heading = self.sheet.heading
        if heading is not None:
            head.append(heading.get(lang), style="bold")
        if group is not None:
            width = self.query_one("#sheet-head", Static).content_region.width
            many = len(session.groups) > 1
            append_group(head, group.label(lang), lang, more_groups=many, width=width, lead="   ")
        elsewhere = self.writing_elsewhere(session)
        if elsewhere is not None:
            head.append("   ")
            head.append_text(elsewhere)
        head.append(f"\n{t('tui.sheet.questions', lang)} →", style="dim")
        show_text(self.query_one("#sheet-head", Static), head)

    def _fill_fields(self, session: Session) -> None:
        texts = session.answers_for(self.exercise.id).texts.get(self._group, {})
        for box in self.sheet.boxes:
            area = self.query_one(f"#box-{box.number}", EntryArea)
            area.load(
                ("text", self._group, box.key, str(box.number)), texts.get(box.key, ""), gently=self._gently
            )

    @on(FieldEdited)
    def _typed(self, event: FieldEdited) -> None:
        event.stop()
        kind, group, box, number = event.field
        if kind != "text" or not group:
            return
        # Typed over ``event.before``: words a device wrote there meanwhile are kept (core.writing).
        self.request_edit(
            typing(self.exercise.id, group, f"t:{box}", event, f"text:{self.exercise.id}:{group}:{box}")
        )
        self.report_position(Position(self.exercise.id, int(number), 0, group))
