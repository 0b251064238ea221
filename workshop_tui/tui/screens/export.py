"""The export dialog: returns what to export where; the session screen writes the files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal
from workshop_tui.tui.commands import DIALOG_COMMANDS, bindings
from workshop_tui.tui.widgets.entry import InOrderInput

FORMATS = (("all", "Markdown + HTML + CSV"), ("html", "HTML"), ("md", "Markdown"), ("csv", "CSV"))


@dataclass(frozen=True)
class ExportChoice:
    """What the facilitator asked for."""

    formats: tuple[str, ...]
    folder: Path
    named: bool
    notes: bool


class ExportModal(WorkshopModal):
    """Formats, folder, and the two opt-ins (names, facilitator notes)."""

    DEFAULT_CSS = (
        MODAL_CSS.format(name="ExportModal")
        + """
    ExportModal > Vertical { padding: 0 2; }
    ExportModal Checkbox, ExportModal Checkbox:focus { border: none; height: 1; padding: 0 1; }
    ExportModal #named { margin-top: 1; }
    """
    )
    """At 80x24 the dialog scrolled and its buttons, docked at the bottom, hid the notes box:
    the two boxes without their frames fit (the focused one's label is highlighted)."""
    BINDINGS = bindings(DIALOG_COMMANDS)
    KEYS = DIALOG_COMMANDS

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Label(t("tui.export.title", lang), classes="heading")
            with RadioSet(id="format"):
                for index, (_, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=index == 0)
            yield Label(t("tui.export.folder", lang))
            yield InOrderInput(str(self.folder), id="folder")
            yield Checkbox(t("tui.export.named", lang), id="named")
            yield Checkbox(t("tui.export.notes", lang), id="notes")
            with Horizontal():
                yield Button(t("tui.key.export", lang), variant="primary", id="ok")
                yield Button(t("tui.cancel", lang), id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#format", RadioSet), scroll_visible=False)  # see GroupsModal.on_mount

    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        index = self.query_one("#format", RadioSet).pressed_index
        chosen = FORMATS[max(0, index)][0]
        formats = ("md", "html", "csv") if chosen == "all" else (chosen,)
        folder = Path(self.query_one("#folder", Input).value.strip() or str(self.folder)).expanduser()
        self.dismiss(
            ExportChoice(
                formats=formats,
                folder=folder,
                named=self.query_one("#named", Checkbox).value,
                notes=self.query_one("#notes", Checkbox).value,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def write_export(
    session: Session, choice: ExportChoice, lang: str, source: Path | None = None
) -> tuple[str, bool]:
    """Write the files the facilitator chose; returns what to tell them, and whether it failed.

    ``source`` is the session's file: a copy of a session (another file with its id) writes
    names of its own, never over the other file's exports; the same file's earlier export of
    the same format and edition is replaced (``export.files.file_part``).
    """
    from workshop_tui.export.files import ExportError, export_session

    replaced: list[Path] = []
    try:
        paths = export_session(
            session,
            choice.formats,
            choice.folder,
            named=choice.named,
            include_notes=choice.notes,
            lang=lang,
            source=source,
            replaced=replaced,
        )
    except ExportError as error:
        return str(error), True
    said = t("tui.exported", lang, paths="\n".join(str(p) for p in paths))
    if replaced:
        said += "\n" + t("tui.export.replaced", lang, n=len(replaced))
    return said, False
