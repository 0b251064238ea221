"""Groups after the start: rename a group or add new ones, saved as one undoable edit.

A room often splits into tables only once the seminar is under way; the groups typed
in the new-session form are a start, not a promise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal
from workshop_tui.tui.commands import EDITOR_COMMANDS, bindings
from workshop_tui.tui.plain import plain
from workshop_tui.tui.screen_keys import after_typed_keys
from workshop_tui.tui.strings import refusal
from workshop_tui.tui.widgets.entry import InOrderInput

if TYPE_CHECKING:
    from workshop_tui.tui.controller import SessionController


def ask_for_groups(controller: SessionController) -> None:
    """Open the groups form; what it returns becomes one edit through the session's keeper."""
    lang = controller.lang
    groups = [(g.id, g.label(lang)) for g in controller.session.groups]
    shown = dict(groups)

    def edit_for(result: list[tuple[str, str]]) -> Callable[[Session], Session]:
        def edit(session: Session) -> Session:
            for group_id, name in result:
                if group_id and name == shown[group_id]:
                    # Left as shown: nothing to rename. The whole room keeps its code, not these
                    # words; and a file holding two groups that are one name (older, or edited by
                    # hand) had each left name checked against the other, so renaming one was refused.
                    continue
                session = session.with_group_name(group_id, name) if group_id else session.with_group(name)
            return session

        return edit

    def refused(result: list[tuple[str, str]]) -> str:
        """Why the model would refuse the form's groups ("" when it would not), asked before closing."""
        try:
            edit_for(result)(controller.keeper.session)
        except (ValueError, KeyError) as error:
            return refusal(error, lang)
        return ""

    def save(result: list[tuple[str, str]] | None) -> None:
        if result is not None:
            controller.request(edit_for(result))

    controller.host.app.push_screen(GroupsModal(groups, refused), save)


class GroupsModal(WorkshopModal):
    """Rename the session's groups and add new ones; returns [(group id or "", name)], or None.

    Each existing group keeps its id (and so its answers) whatever it is renamed to; a
    filled-in empty line at the end becomes a new group.

    ``refused`` says why the model would refuse what the form holds (a name emptied, a name
    taken twice): the form stays open with the reason. It closed first, and the refusal
    then threw away every rename and new group typed in it.
    """

    DEFAULT_CSS = MODAL_CSS.format(name="GroupsModal")
    BINDINGS = bindings(EDITOR_COMMANDS)
    KEYS = EDITOR_COMMANDS
    NEW_LINES = 3
    """Empty lines offered for new groups."""

    def __init__(
        self, groups: list[tuple[str, str]], refused: Callable[[list[tuple[str, str]]], str] | None = None
    ) -> None:
        super().__init__()
        self.groups = groups
        self.refused = refused

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("tui.groups.title", self.lang), classes="heading")
            yield Static(t("tui.groups.hint", self.lang), classes="muted")
            for index, (_, name) in enumerate(self.groups):
                yield InOrderInput(name, id=f"group-{index}")
            for index in range(self.NEW_LINES):
                yield InOrderInput(id=f"new-{index}", placeholder=t("tui.groups.new", self.lang))
            yield Static(id="error", classes="error-text")
            with Horizontal():
                yield Button(t("tui.save", self.lang) + " (Ctrl+S)", variant="primary", id="save")
                yield Button(t("tui.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        # At once, not by ``focus()``, which waits for the app's queue: keys typed in the burst of
        # Ctrl+R were handed meanwhile to the first field Textual focuses (the first group's name),
        # and Ctrl+S then saved no new group.
        # Not scrolled to now: before the first layout that scrolled the form by a guess (the new-session
        # form by 3 lines, its first lines out of view); once laid out, the new line is shown.
        first_new = self.query_one("#new-0", Input)
        self.set_focus(first_new, scroll_visible=False)
        self.call_after_refresh(first_new.scroll_visible, animate=False)

    def action_save(self) -> None:
        """Ctrl+S (a priority key, handled on arrival): after the letters typed before it."""
        after_typed_keys(self, self._save)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        """Enter in a field (handled in the field's order) or the button: save and close."""
        result = [
            (group_id, self.query_one(f"#group-{index}", Input).value)
            for index, (group_id, _) in enumerate(self.groups)
        ]
        for index in range(self.NEW_LINES):
            name = self.query_one(f"#new-{index}", Input).value
            if name.strip():
                result.append(("", name))
        why = self.refused(result) if self.refused is not None else ""
        if why:
            self.query_one("#error", Static).update(plain(why))  # it may quote a name as typed
            # Said as a notice too: at 80x24 the line below the fields is scrolled out of sight
            # ("Bord 9" and "bord 9" with a blank Braille cell, one name), and Ctrl+S did nothing.
            self.notify(plain(why, one_line=True).plain, severity="error", timeout=10, markup=False)
            return
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
