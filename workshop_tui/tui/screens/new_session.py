"""The new-session form: returns a Session (unsaved); the home screen saves it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date as Date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from workshop_tui.core.i18n import LANGUAGES, t
from workshop_tui.core.i18n.shown import long_date
from workshop_tui.core.model import Session
from workshop_tui.core.model.ids import valid_date
from workshop_tui.core.model.people import parse_participants, parse_title
from workshop_tui.core.model.refusal import Refused
from workshop_tui.core.storage.branches import followed_already
from workshop_tui.core.storage.errors import FileProblems, in_line_order, problem_lines
from workshop_tui.core.storage.follow_up import REVIEW_EXERCISE, follow_up
from workshop_tui.core.storage.headers import read_header_texts
from workshop_tui.core.storage.listing import SessionListing
from workshop_tui.core.storage.series import series_of
from workshop_tui.core.storage.sessions import load_session, new_session
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.tui.base import WorkshopModal
from workshop_tui.tui.commands import NEW_SESSION_COMMANDS, bindings
from workshop_tui.tui.plain import plain, plain_text
from workshop_tui.tui.strings import refusal
from workshop_tui.tui.widgets.entry import InOrderInput

if TYPE_CHECKING:
    from workshop_tui.core.storage.library import Library

CUSTOM = "__custom__"
NO_EARLIER = "__none__"
KEPT = ("language", "organisation", "facilitator")
"""What a follow-up keeps from the earlier session, read from its header when it is chosen."""
LIBRARY_PROBLEMS_SHOWN = 3
"""Lines per broken exercise file on the form (the first names what to fix; the rest are counted)."""
LIBRARY_FILES_SHOWN = 5
"""Broken exercise files named on the form; the rest are counted (``workshop exercises`` lists all).

A folder of 200 broken files (a wrong folder given, a colleague's whole set in an older
format) made a box of 400 lines to scroll through above the form, and the layout of it all
was paid on every opening of the form.
"""


def library_heading(library: Library, lang: str) -> str:
    """The heading over the library's problems: unread folders by name, then the count of files.

    A missing ``--exercises`` folder was "1 exercise file(s) could not be read": the count of
    files now counts files only, and a folder is named as the folder it is, with its fix.
    """
    from workshop_tui.core.storage.library import unread_folder_lines  # as Library: only when shown

    lines = unread_folder_lines(library, lang)
    files = library.left_out_files()
    if files:
        lines.append(t("forms.library.left_out", lang, n=len(files)))
    elif not lines:
        lines.append(t("forms.library.warnings", lang))
    return "\n".join(lines)


class NewSessionScreen(WorkshopModal):
    """Title, date, organisation, facilitator, language, participants, groups and programme.

    No field holds a grey example: an example that looks filled in was taken for an answer.
    """

    CSS_PATH = "new_session.tcss"
    BINDINGS = bindings(NEW_SESSION_COMMANDS)
    KEYS = NEW_SESSION_COMMANDS
    library: Library
    """The library as this form offers it; the app may read a newer one for the next form."""

    def __init__(self, sessions: Sequence[SessionListing] = ()) -> None:
        super().__init__()
        self.sessions = [s for s in sessions if s.summary is not None and not s.problems]
        """The sessions a new one may follow up (those the home screen listed as readable)."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        library = self.library = self.workshop.library  # what this form offers, to the end
        # Titles from the facilitator's own exercise files: shown as text (Text, not markup),
        # through the one filter for text from files (tui/plain.py).
        programmes = [
            (plain_text(p.title.get(lang), one_line=True), p.id) for p in library.programmes.values()
        ]
        default = library.default_programme()
        with VerticalScroll(id="form"):
            yield Static(t("tui.new.title", lang), classes="heading")
            if library.problems:
                yield from self._library_problems()
            if self.sessions:
                yield Label(t("series.form.follows", lang))
                yield Select(
                    [(t("series.form.none", lang), NO_EARLIER), *self._earlier_options()],
                    value=NO_EARLIER,
                    allow_blank=False,
                    id="follows",
                )
                yield Static(t("series.form.follows_hint", lang), id="follows-hint", classes="muted")
                yield Static(id="branch-note", classes="warning-text")
            yield Label(t("tui.new.f.title", lang))
            yield InOrderInput(id="title")
            yield Label(t("tui.new.f.date", lang))
            yield InOrderInput(Date.today().isoformat(), id="date")
            yield Label(t("tui.new.f.org", lang))
            yield InOrderInput(id="organisation")
            yield Label(t("tui.new.f.facilitator", lang))
            yield InOrderInput(id="facilitator")
            yield Label(t("tui.new.f.lang", lang))
            yield Select([("Dansk", "da"), ("English", "en")], value=lang, allow_blank=False, id="language")
            yield Label(t("tui.new.f.participants", lang), classes="own-room")
            yield InOrderInput("12", id="participants", classes="own-room")
            yield Label(t("tui.new.f.groups", lang), classes="own-room")
            yield InOrderInput(id="groups", classes="own-room")
            yield Label(t("tui.new.f.programme", lang), classes="own-room")
            yield Select(
                [*programmes, (t("tui.new.f.custom", lang), CUSTOM)],
                value=default.id if default else CUSTOM,
                allow_blank=False,
                id="programme",
                classes="own-room",
            )
            yield SelectionList[str](
                *[
                    (plain_text(f"{e.title.get(lang)}  ({e.id})", one_line=True), e.id)
                    for e in library.exercises.values()
                ],
                id="custom",
            )
            yield Static(id="error", classes="error-text")
            with Horizontal(id="buttons"):
                yield Button(t("tui.new.create", lang), variant="primary", id="create")
                yield Button(t("tui.cancel", lang), id="cancel")

    def _library_problems(self) -> ComposeResult:
        """What the exercise files that did not load say, at the top: the lists below lack them.

        The same lines as ``workshop exercises`` (file, line, key, what is wrong, the fix),
        shown on this form only, never as a notification (which would stay on top of the F2
        wall). Names and values come from the files: shown as written (``plain``).
        """
        lang, library = self.lang, self.library
        with VerticalScroll(id="library-problems"):
            yield Static(plain(library_heading(library, lang)), classes="error-text")
            files = list(dict.fromkeys(problem.file for problem in library.problems))
            first = set(files[:LIBRARY_FILES_SHOWN])
            shown = [problem for problem in library.problems if problem.file in first]
            lines = problem_lines(shown, lang, limit=LIBRARY_PROBLEMS_SHOWN)
            if len(files) > LIBRARY_FILES_SHOWN:
                lines.append(t("trust4.library.more_files", lang, n=len(files) - LIBRARY_FILES_SHOWN))
            yield Static(plain("\n".join(lines)), id="library-problem-lines")

    def _earlier_options(self) -> list[tuple[Text, str]]:
        """Each readable session as "title · date", latest first (the home screen's order)."""
        return [
            (
                plain_text(f"{s.summary.title} · {long_date(s.summary.date, self.lang)}", one_line=True),
                str(index),
            )
            for index, s in enumerate(self.sessions)
            if s.summary is not None
        ]

    def on_mount(self) -> None:
        self.query_one("#custom").display = self.query_one("#programme", Select).value == CUSTOM
        if self.sessions:
            self.query_one("#follows-hint").display = False
            self.query_one("#branch-note").display = False
        self.set_focus(self.query_one("#title", Input), scroll_visible=False)  # see GroupsModal.on_mount
        self._picked: list[str] = []
        self._kept: dict[str, str] = {}
        """What the chosen earlier session's header holds (``KEPT``), as shown in the fields."""

    @on(Select.Changed, "#follows")
    def toggle_follows(self, event: Select.Changed) -> None:
        """A follow-up takes the room and programme of the earlier session: their fields step aside."""
        following = event.value != NO_EARLIER
        for widget in self.query(".own-room"):
            widget.display = not following
        # The follow-up keeps the earlier session's language (as ``new --follows`` does), unless
        # changed here: the app's language would have turned the leader group's wall over.
        kept = read_header_texts(self.sessions[int(str(event.value))].path, KEPT) if following else {}
        earlier = kept.get("language") if following else self.lang
        if earlier in LANGUAGES:
            self.query_one("#language", Select).value = earlier
        self._show_kept(kept)
        self.query_one("#custom").display = (
            not following and self.query_one("#programme", Select).value == CUSTOM
        )
        self.query_one("#follows-hint").display = following
        self._say_branch(self.sessions[int(str(event.value))] if following else None)

    def _say_branch(self, earlier: SessionListing | None) -> None:
        """Say before creating that following ``earlier`` again starts a branch (another leader group).

        ``workshop new --follows`` says so once the file is made (series17); the form made the
        second follow-up without a word. The same rule (``branches.followed_already``) and words,
        naming each branch's latest session as it stands in the list above, to choose instead.
        """
        note = self.query_one("#branch-note", Static)
        summary = earlier.summary if earlier is not None else None
        latest = followed_already(series_of(summary.id, self.sessions), summary.id) if summary else []
        note.display = bool(latest)
        if latest:
            titles = ", ".join(f"{x.title} · {long_date(x.date, self.lang)}" for x in latest)
            said = t("series.branch_note", self.lang, titles=titles)
            note.update(plain(t("series.form.new_branch", self.lang, note=said), one_line=True))

    def _show_kept(self, kept: dict[str, str]) -> None:
        """Fill organisation and facilitator with what the follow-up takes from the earlier session.

        They stood blank although the follow-up takes them (explore16): the facilitator could
        not see what would be used, and might type it again or think it lost. A field the
        facilitator typed in is left as typed (it is used instead); one that still holds the
        previous choice's value follows the new choice, and choosing none empties it again.
        Values come from a file: control characters are taken out (``for_terminal``).
        """
        for name in ("organisation", "facilitator"):
            field = self.query_one(f"#{name}", Input)
            if field.value.strip() in ("", self._kept.get(name, "")):
                field.value = for_terminal(kept.get(name, ""))
        self._kept = {name: for_terminal(value) for name, value in kept.items()}

    @on(Select.Changed, "#programme")
    def toggle_custom(self, event: Select.Changed) -> None:
        self.query_one("#custom").display = event.value == CUSTOM

    @on(SelectionList.SelectionToggled, "#custom")
    def keep_pick_order(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = event.selection.value
        if value in self._picked:
            self._picked.remove(value)
        else:
            self._picked.append(value)

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        """Validate the form and return the new session."""
        lang = self.lang
        error = self.query_one("#error", Static)
        try:  # the command line's rule (``--title``), in one place
            title = parse_title(self.query_one("#title", Input).value)
        except Refused:
            error.update(t("tui.new.err.title", lang))
            self.query_one("#title", Input).focus()
            return
        day = self.query_one("#date", Input).value.strip()
        if not valid_date(day):  # the one check the loader makes: a session saved here opens again
            error.update(t("tui.new.err.date", lang))
            self.query_one("#date", Input).focus()
            return
        earlier = self._earlier()
        if earlier is not None:
            self._follow_up(earlier, title, day)
            return
        try:  # the command line's rule (``--participants``), in one place
            participants = parse_participants(self.query_one("#participants", Input).value)
        except Refused as refused:
            self._refused(error, refusal(refused, lang), "#participants")  # it may quote a name as typed
            return
        library = self.library
        programme_id = self.query_one("#programme", Select).value
        if programme_id == CUSTOM:
            ids = list(self._picked)
        else:
            programme = library.programmes[str(programme_id)]
            ids = [e for e in programme.exercises if e in library.exercises]
        if not ids:
            error.update(t("tui.new.err.exercises", lang))
            return
        groups = [g.strip() for g in self.query_one("#groups", Input).value.split(",") if g.strip()]
        try:
            session: Session = new_session(
                title=title,
                date=day,
                exercises=[library.exercises[i] for i in ids],
                participants=participants,
                groups=groups,
                organisation=self.query_one("#organisation", Input).value.strip(),
                facilitator=self.query_one("#facilitator", Input).value.strip(),
                language=str(self.query_one("#language", Select).value),
            )
        except ValueError as refused:  # e.g. a pasted text longer than a session file holds
            self._refused(
                error,
                refusal(refused, lang),
                "#groups" if getattr(refused, "code", "") == "groups.twice" else "",
            )
            return
        self.dismiss(session)

    def _refused(self, error: Static, said: str, field: str) -> None:
        """Say why the form was refused below it, and as a notice at the top of the screen.

        At 80x24 the line below the form is out of sight while the field it is about has the focus
        ("'Bo' is there twice", a name and the same name with a blank Braille cell after it): Ctrl+S
        seemed to do nothing. The notice sits at the top of the dialog's screen (``MODAL_CSS``).
        """
        error.update(plain(said))  # it may quote a name or a text as typed
        self.notify(plain(said, one_line=True).plain, severity="error", timeout=10, markup=False)
        if field:
            self.query_one(field, Input).focus()

    def _earlier(self) -> SessionListing | None:
        """The session chosen to follow up, or None."""
        if not self.sessions:
            return None
        value = self.query_one("#follows", Select).value
        return None if value == NO_EARLIER else self.sessions[int(str(value))]

    def _follow_up(self, listing: SessionListing, title: str, day: str) -> None:
        """Return a follow-up of ``listing``; a file that cannot be read any more says why."""
        lang, error = self.lang, self.query_one("#error", Static)
        try:
            earlier = load_session(listing.path)
        except FileProblems as problems:
            error.update(plain(in_line_order(problems.problems)[0].text(lang)))
            return
        try:
            session = follow_up(
                earlier, title=title, date=day, review=self.library.exercises.get(REVIEW_EXERCISE)
            )
            session = replace(
                session,
                organisation=self.query_one("#organisation", Input).value.strip() or session.organisation,
                facilitator=self.query_one("#facilitator", Input).value.strip() or session.facilitator,
                language=str(self.query_one("#language", Select).value),
            )
        except ValueError as refused:
            error.update(plain(refusal(refused, lang)))
            return
        self.dismiss(session)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close the form without creating anything."""
        self.dismiss(None)
