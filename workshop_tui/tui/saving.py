"""What the session screen shows and asks about saving: unsaved work, read-only views, conflicts.

Every edit is saved at once; when a save fails (a full disk, a pulled USB stick) the
change stays in memory. Then a bar under the header says so and how many changes wait,
until they are written: the guard retries every ``RETRY_SECONDS`` (and each edit retries
too), and leaving the session or quitting asks first. A session opened read-only (another
window holds its lock) says so in the same bar and follows the other window's saves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.links import OtherNames
from workshop_tui.core.storage.lock import LockInfo, lock_path
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal, WorkshopScreen
from workshop_tui.tui.commands import LOCKED_COMMANDS, UNSAVED_COMMANDS, bindings
from workshop_tui.tui.notices import withdraw
from workshop_tui.tui.plain import plain
from workshop_tui.tui.strings import save_failure

if TYPE_CHECKING:
    from workshop_tui.core.keeper import SessionKeeper

RETRY_SECONDS = 2
"""How often a failed save is tried again (and a read-only view looks for the writer's saves)."""
PREPARE_SECONDS = 0.25
"""After opening, when the save thread renders the whole file once (``SessionKeeper.prepare``):
after the first frames, so the opening does not wait for it, and before a facilitator's first key."""


class SaveStatus(Static):
    """The bar that stays while something is not saved, or while the session is read-only."""

    DEFAULT_CSS = """
    SaveStatus {
        height: auto;
        padding: 0 1;
        display: none;
    }
    SaveStatus.unsaved {
        display: block;
        background: $error;
        color: $text;
        text-style: bold;
    }
    SaveStatus.read-only {
        display: block;
        background: $warning-muted;
        color: $text;
    }
    """


def holder_text(holder: LockInfo | None, lang: str) -> str:
    """The other window, as the facilitator can find it: its process and computer."""
    if holder is None:
        return t("tui.readonly.other", lang)
    return t("tui.readonly.holder", lang, pid=holder.pid, host=holder.host)


class SaveGuard:
    """Keeps the facilitator told whether everything is saved, and retries until it is."""

    def __init__(
        self,
        screen: WorkshopScreen,
        keeper: SessionKeeper,
        reloaded: Callable[[], None],
        holder: LockInfo | None = None,
        linked: OtherNames | None = None,
    ) -> None:
        self.screen = screen
        """The session screen: the bar is on it, and its timers retry."""
        self.keeper = keeper
        self._reloaded = reloaded
        """Read-only: called when the writer's newest save was taken (refill every field)."""
        self.holder = holder
        """Read-only: who writes the session (from its lock)."""
        self.linked = linked
        """Read-only because the file has names the app did not make (hard links): them."""
        self._failing = False
        self._said: dict[str, str] = {}
        """The last "save failed" ("error") and "saved again" ("again") notices, as said."""
        self._writer_gone = False
        """Read-only: the other window has closed the session (its lock file is gone)."""
        self._shown: tuple[str, str] | None = None
        """What the bar shows now: (state, text)."""
        self.asking = False
        """The unsaved-changes question is on screen (a second way out asks nothing more)."""
        self.bar = SaveStatus(id="save-status")
        """The guard's own bar (the session screen places it under its header)."""

    def start(self) -> None:
        """Show the bar as it is and start retrying (or following, when read-only).

        A writable session's file is also rendered once in the save thread, shortly after
        opening, so that the first keystroke's save renders only what it changed.
        """
        self.screen.set_interval(RETRY_SECONDS, self.tick)
        if not self.keeper.read_only:
            self.screen.set_timer(PREPARE_SECONDS, self.keeper.prepare)
        self.show()

    def tick(self) -> None:
        """Retry a failed save; read-only, take the other window's newest save."""
        keeper = self.keeper
        if keeper.read_only:
            if keeper.reload_if_changed():
                self._reloaded()  # read-only: nothing typed here to keep
            self._writer_gone = self.linked is None and not lock_path(keeper.path).exists()
            self.show()
            return
        if keeper.unsaved and keeper.last_error is not None:
            keeper.save()
            self.report()
        else:
            # Unsaved without an error is a batch from devices being written in the save
            # thread this moment: saving it here as well would wait for that thread's turn.
            self.show()  # e.g. after a language switch

    def report(self) -> None:
        """After a save: tell what changed (failing, saved again, a conflict) and redraw the bar."""
        keeper, lang = self.keeper, self.screen.lang
        error = keeper.last_error
        if error is not None and not self._failing:
            self._say("error", t("tui.saved.error", lang, reason=save_failure(error, lang)), "again")
        elif self._failing and not keeper.unsaved:
            self._say("again", t("tui.saved.again", lang, path=keeper.path), "error")
        self._failing = keeper.unsaved and error is not None
        for theirs in keeper.take_kept_aside():
            self.screen.notify(
                t("tui.conflict.kept", lang, theirs=theirs.name, ours=keeper.path.name, folder=theirs.parent),
                severity="error",
                timeout=60,
            )
        self.show()

    def _say(self, kind: str, message: str, contradicts: str) -> None:
        """Say that a save failed or worked again, withdrawing the notice that said the opposite."""
        self._withdraw(contradicts)
        self._said[kind] = message
        if kind == "error":
            self.screen.notify(message, severity="error", timeout=10)
        else:
            self.screen.notify(message, timeout=8)

    def _withdraw(self, kind: str) -> None:
        said = self._said.pop(kind, None)
        if said is not None:
            withdraw(self.screen.app, said)

    def show(self) -> None:
        """Draw the bar: read-only, unsaved changes, or nothing (touched only when it changes).

        Called after every keystroke's save; an unchanged bar costs no layout or redraw.
        """
        keeper, lang = self.keeper, self.screen.lang
        state, text = "", ""
        if keeper.read_only:
            state = "read-only"
            holder = holder_text(self.holder, lang)
            if self.linked is not None:
                text = t("tui.readonly.linked", lang)
            elif self._writer_gone:
                text = t("tui.readonly.free", lang)
            else:
                text = t("tui.readonly.marker", lang, holder=holder)
        elif keeper.unsaved and keeper.last_error is not None:
            # Only a failed save: devices' writes on their way to disk (saved in the save
            # thread a moment later) would otherwise flash the red bar on every batch.
            state = "unsaved"
            reason = save_failure(keeper.last_error, lang)
            waiting = max(1, keeper.pending)
            text = t("tui.unsaved.marker", lang, n=waiting, reason=reason, seconds=RETRY_SECONDS)
        if (state, text) == self._shown:
            return
        self._shown = (state, text)
        bar = self.bar
        bar.set_class(state == "read-only", "read-only")
        bar.set_class(state == "unsaved", "unsaved")
        bar.update(Text(text))

    def freeze(self, view: Widget) -> None:
        """Read-only: make a view's text fields uneditable, so nothing typed there looks kept.

        Scores typed on a grid are refused with a message; a text field would keep showing
        what was typed into it, so it takes no typing at all.
        """
        from textual.widgets import TextArea  # read-only views only: its modules wait until then

        for area in view.query(TextArea):
            area.read_only = True
        for field in view.query(Input):
            field.disabled = True
        for choice in view.query(Select):
            choice.disabled = True

    def confirm_leave(self, leave: Callable[[], None]) -> None:
        """Run ``leave`` at once when everything is saved; else ask: retry, leave anyway, or stay."""
        keeper = self.keeper
        if not keeper.unsaved or keeper.read_only:
            leave()
            return

        def answer(choice: str | None) -> None:
            self.asking = False
            if choice == "leave":
                leave()
            elif choice == "retry":
                saved = keeper.save()
                self.report()
                if saved:
                    leave()
                else:
                    self.confirm_leave(leave)

        error = keeper.last_error
        reason = save_failure(error, self.screen.lang) if error is not None else ""
        self._withdraw("again")  # "Saved again" beside "Changes are not saved" (no longer true)
        self.asking = True
        self.screen.app.push_screen(UnsavedModal(max(1, keeper.pending), reason), answer)


class UnsavedModal(WorkshopModal):
    """Asks before unsaved changes are left behind: "retry", "leave", or None (stay)."""

    DEFAULT_CSS = MODAL_CSS.format(name="UnsavedModal")
    BINDINGS = bindings(UNSAVED_COMMANDS)
    KEYS = UNSAVED_COMMANDS

    def __init__(self, pending: int, reason: str) -> None:
        super().__init__()
        self.pending = pending
        self.reason = reason

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Label(t("tui.unsaved.title", lang), classes="heading")
            yield Static(Text(t("tui.unsaved.question", lang, n=self.pending, reason=self.reason)))
            with Horizontal():
                yield Button(t("tui.unsaved.retry", lang), variant="primary", id="retry")
                yield Button(t("tui.unsaved.leave", lang), variant="error", id="leave")
                yield Button(t("tui.unsaved.stay", lang), id="stay")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#retry", Button), scroll_visible=False)  # see GroupsModal.on_mount

    @on(Button.Pressed)
    def choose(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "stay" else event.button.id)

    def action_stay(self) -> None:
        self.dismiss(None)


def linked_text(path: Path, linked: OtherNames, lang: str) -> str:
    """Why a file with other names (hard links) is only shown, the names found, and the fix."""
    text = t("tui.lock.linked", lang, file=path, n=linked.count)
    if linked.found:
        text += "\n" + t("tui.lock.linked_found", lang, names=", ".join(p.name for p in linked.found))
    return text + "\n\n" + t("tui.lock.linked_fix", lang, file=path.name)


class LockedModal(WorkshopModal):
    """The session is open in another window: view it read-only ("read_only") or not (None)."""

    DEFAULT_CSS = MODAL_CSS.format(name="LockedModal")
    BINDINGS = bindings(LOCKED_COMMANDS)
    KEYS = LOCKED_COMMANDS

    def __init__(self, path: Path, holder: LockInfo | None, linked: OtherNames | None = None) -> None:
        super().__init__()
        self.path = path
        self.holder = holder
        self.linked = linked

    def compose(self) -> ComposeResult:
        lang, holder, linked = self.lang, self.holder, self.linked
        if linked is not None:
            text = linked_text(self.path, linked, lang)
        elif holder is None:
            text = t("tui.lock.held_unknown", lang, file=self.path.name)
        else:
            text = t(
                "tui.lock.held",
                lang,
                file=self.path.name,
                pid=holder.pid,
                host=holder.host,
                since=holder.started_local,
            )
            if not holder.here:
                text += "\n\n" + t("tui.lock.elsewhere", lang, host=holder.host, lock=lock_path(self.path))
        with Vertical():
            yield Label(t("tui.lock.linked_title" if linked else "tui.lock.title", lang), classes="heading")
            yield Static(plain(text))  # the host comes from the lock file (another computer's, perhaps)
            with Horizontal():
                yield Button(t("tui.lock.read_only", lang), variant="primary", id="read_only")
                yield Button(t("tui.lock.refuse", lang), id="refuse")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#read_only", Button), scroll_visible=False)  # see GroupsModal.on_mount

    @on(Button.Pressed)
    def choose(self, event: Button.Pressed) -> None:
        self.dismiss("read_only" if event.button.id == "read_only" else None)

    def action_refuse(self) -> None:
        self.dismiss(None)
