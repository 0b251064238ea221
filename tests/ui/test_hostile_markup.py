"""Every string from a file or a phone reaches the screen as written: never as markup, never a crash.

A mailed session, a colleague's exercise file, a follow-up, a file's name and a phone's answer
are data. Textual and Rich read ``[…]`` in a plain ``str`` as markup: ``[/]`` with nothing open
raises MarkupError (the app stopped at the first frame that showed it), ``[@click=app.quit]``
became a link that runs an action and ``[link=…]`` a hyperlink. Each test walks the app over
texts that hold all of these (``hostile.MARKUP``) and reads what the terminal would show.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import rich.console
import rich.markup
import textual.markup
from textual.app import App
from textual.fuzzy import Matcher
from textual.widgets import Button, Input, Static

from workshop_tui.core.kinds import registry
from workshop_tui.core.model import Session
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.live import Live, write_live
from workshop_tui.core.storage.lock import lock_path
from workshop_tui.core.storage.sessions import (
    load_session,
    new_session,
    save_session,
    session_path,
    session_to_dict,
)
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.plain import markdown_literal, plain, plain_highlighted, plain_text
from workshop_tui.tui.present import PresentApp
from workshop_tui.tui.saving import LockedModal
from workshop_tui.tui.screens.new_session import NewSessionScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.voting_link import REFRESH_QUIET

from .conftest import SIZE, VOTING_HERE, app_for, listed, post

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from hostile import MARKUP, MARKUP_SHOWN, markup_exercise, markup_session, poisoned_everywhere  # noqa: E402

BROKEN_NAME = "[b]broken [@click=app.quit]x [link=https:\\evil]y.toml"
"""A file name cannot hold "/": "[b]" left open and an action are enough to be read as markup."""
WRITTEN = "[@click=app.quit]x[/]"
"""A piece of every hostile text, short enough to be on screen wherever such a text is."""


@pytest.fixture(autouse=True)
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every hostile text handed to Textual's or Rich's markup parser; none may be, crash or not.

    Some misreadings neither crash nor show (an unclosed "[b]" only makes the rest bold), so the
    parsers themselves are watched: each test ends with this list empty.
    """
    seen: list[str] = []
    to_content, render = textual.markup.to_content, rich.markup.render

    def watched_to_content(markup: str, *args: Any, **kwargs: Any) -> Any:
        if WRITTEN in markup:
            seen.append(markup[:80])
        return to_content(markup, *args, **kwargs)

    def watched_render(markup: str, *args: Any, **kwargs: Any) -> Any:
        if WRITTEN in markup:
            seen.append(markup[:80])
        return render(markup, *args, **kwargs)

    monkeypatch.setattr(textual.markup, "to_content", watched_to_content)
    monkeypatch.setattr(rich.markup, "render", watched_render)
    monkeypatch.setattr(rich.console, "render_markup", watched_render)
    yield seen
    assert not seen, f"read as markup: {seen}"


def _app(path: Path | None) -> WorkshopApp:
    return app_for(path, "en", voting=VOTING_HERE)


def _screen_text(app: App[Any]) -> str:
    """Every line the terminal shows now."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _live_markup(app: App[Any]) -> list[str]:
    """Links or actions made from a text (our own footer keys have actions too, none quits)."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            style = segment.style
            if style is None:
                continue
            if style.link and "evil" in style.link:
                found.append(f"link {style.link}")
            if style.meta and any(w in str(style.meta) for w in ("quit", "evil")):
                found.append(f"action {style.meta}")
    return found


class Walk:
    """Looks at the screen after each step: the app still runs, no text became a link or an action,
    and the steps that show a hostile text show it as written."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.missing: list[str] = []
        self.live: dict[str, list[str]] = {}

    def look(self, step: str, *, shows: bool = True) -> None:
        if shows and WRITTEN not in _screen_text(self.app):
            self.missing.append(step)
        if live := _live_markup(self.app):
            self.live[step] = live

    def check(self) -> None:
        assert not self.live, self.live
        assert not self.missing, f"not shown as written at {self.missing}"


async def _click_every_hostile_text(app: App[Any], pilot: Any) -> None:
    """Click the "x" of each "[@click=app.quit]x[/]" on screen: had it become a link, the app would quit."""
    lines = _screen_text(app).splitlines()
    spots = [
        (line.index(WRITTEN) + WRITTEN.index("x["), y) for y, line in enumerate(lines) if WRITTEN in line
    ]
    assert spots
    for x, y in spots:
        await pilot.click(offset=(x, y))
        await pilot.pause(0.05)
        assert app.is_running and app.return_code is None, f"a click at {x},{y} ran an action"


def _texts(path: Path) -> dict[str, Any]:
    """A session file's content but where the facilitator stands (saved when moving)."""
    data = session_to_dict(load_session(path))
    for key in ("position", "updated"):
        data.pop(key, None)
    return data


async def test_every_view_of_a_hostile_session_shows_its_texts_as_written(data_dir: Path) -> None:
    path = markup_session(data_dir / "sessions")
    before, texts = path.read_bytes(), _texts(path)
    app = _app(path)
    walk = Walk(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        walk.look("open")
        for key in ("f1", "f1", "f2", "escape", "f7", "escape", "f9", "f9"):
            await pilot.press(key)
            await pilot.pause(0.1)
            walk.look(key)
        await pilot.press("ctrl+p")
        await pilot.press(*"Direction")  # the first exercise's title, in the palette's search
        await pilot.pause(0.5)
        walk.look("palette")
        await pilot.press("escape")
        await pilot.pause(0.5)
        assert path.read_bytes() == before, "looking wrote to the file"
        await _click_every_hostile_text(app, pilot)
        agenda = screen.session.agenda
        screen.go_to(agenda[0])
        for exercise in agenda:  # every view, for both groups
            await pilot.pause(0.05)
            walk.look(exercise)
            await pilot.press("ctrl+g")
            await pilot.pause(0.05)
            walk.look(f"{exercise}, group 2")
            await pilot.press("ctrl+n")
        await pilot.press("f2")
        for exercise in reversed(agenda):  # the wall, every exercise
            await pilot.pause(0.05)
            walk.look(f"wall {exercise}")
            await pilot.press("ctrl+b")
        await pilot.press("escape", "ctrl+r")
        await pilot.pause(0.1)
        walk.look("groups", shows=False)  # the names are in input fields
        await pilot.press("escape", "f8")
        await pilot.pause(0.1)
        walk.look("export", shows=False)
        folder = data_dir / "exports [b]x [@click=app.quit]y"  # the message names the folder
        app.screen.query_one("#folder", Input).value = str(folder)
        app.screen.query_one("#ok", Button).press()
        for _ in range(100):  # the exporters are imported and write three files (bounded: 10 s)
            await pilot.pause(0.1)
            told = [note for note in app._notifications if str(folder) in note.message]
            if told:
                break
        walk.look("exported")
        assert told and not told[0].markup and any(folder.iterdir())
    walk.check()
    assert _texts(path) == texts, "a text in the file changed"


def _hostile_day(library: Library, data_dir: Path) -> tuple[Path, Path]:
    """A hostile first day with actions, and its follow-up: the series views (review, last time)."""
    first = markup_session(data_dir / "sessions", "first.toml", session_id="first")
    session = load_session(first)  # its actions and scores are the demo's, with hostile texts
    later = follow_up(
        session,
        title="Later" + MARKUP,
        date="2027-01-14",
        session_id="later",
        review=library.exercises["action-review"],
    )
    later_path = session_path(later)
    save_session(later, later_path)
    return first, later_path


async def test_a_hostile_series_its_list_review_and_last_time_show_texts_as_written(
    library: Library, data_dir: Path
) -> None:
    first, later = _hostile_day(library, data_dir)
    (data_dir / "sessions" / BROKEN_NAME).write_text(
        'title = "[/] broken"\nid = "[@click=app.quit]x[/]"\n', encoding="utf-8"
    )
    app = _app(None)
    walk = Walk(app)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        walk.look("home")
        shown = _screen_text(app)
        assert BROKEN_NAME in shown
        dates = "14 October 2026" in shown and "14 January 2027" in shown
        assert dates, "a long title pushed the dates off the list"
        broken = next(i for i, listing in enumerate(home.listings) if listing.problems)
        home.query_one("#sessions").move_cursor(row=broken)  # type: ignore[attr-defined]
        await pilot.press("enter")  # the message quotes the file's name and its bad value
        await pilot.pause(0.2)
        told = [note for note in app._notifications if BROKEN_NAME in note.message]
        assert told and not any(note.markup for note in told), "the message is shown as written"
        walk.look("broken file's message")
        await pilot.press("n")  # the form lists the hostile sessions to follow up
        await pilot.pause(0.2)
        assert isinstance(app.screen, NewSessionScreen)
        await pilot.press("escape")
        later_row = next(i for i, listing in enumerate(home.listings) if listing.path == later)
        home.query_one("#sessions").move_cursor(row=later_row)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.current == "action-review"
        walk.look("review")
        await pilot.press("ctrl+o")  # carry the hostile action over: the message names the exercise
        await pilot.pause(0.2)
        walk.look("carried over")
        screen.go_to("resistance")
        await pilot.pause(0.1)
        await pilot.press("ctrl+l")
        await pilot.pause(0.3)
        walk.look("last time")
        await pilot.press("f2")
        await pilot.pause(0.3)
        walk.look("last time on the wall")
        await pilot.press("escape", "ctrl+l")
    walk.check()
    assert load_session(first).title.startswith("Ledelse")


async def test_a_colleague_s_exercise_file_in_the_new_session_form_and_the_session_made_from_it(
    data_dir: Path,
) -> None:
    ids = [
        markup_exercise(data_dir / "exercises", e) for e in ("resistance", "sheet-42", "stakeholder-analysis")
    ]
    bad = data_dir / "exercises" / "bad [b]x [@click=app.quit]y.toml"  # its problems name the file
    bad.write_text(f'id = "bad"\nversion = 1\nkind = {json.dumps(WRITTEN)}\n', encoding="utf-8")
    programme = data_dir / "exercises" / "programmes" / "hostile.toml"
    programme.parent.mkdir(parents=True)
    programme.write_text(
        dumps(
            {
                "id": "hostile-programme",
                "version": 1,
                "title": {"da": "Program" + MARKUP, "en": "Programme" + MARKUP},
                "exercises": ids,
                "description": {"da": "Beskrivelse" + MARKUP, "en": "Description" + MARKUP},
            }
        ),
        encoding="utf-8",
    )
    app = _app(None)
    walk = Walk(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause(0.3)
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        walk.look("form")  # the bad file's problem quotes its kind, as written
        await _click_every_hostile_text(app, pilot)
        form.query_one("#title").value = "Prøve" + MARKUP  # type: ignore[attr-defined]
        form.query_one("#date").value = "2026-12-02"  # type: ignore[attr-defined]
        form.query_one("#participants").value = "Anne [/], Bo [@click=app.quit]x[/]"  # type: ignore[attr-defined]
        form.query_one("#groups").value = "Bord [/], Bord [@click=app.quit]x[/]"  # type: ignore[attr-defined]
        form.query_one("#programme").value = "hostile-programme"  # type: ignore[attr-defined]
        await pilot.pause()
        walk.look("form with the colleague's exercises")
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, SessionScreen), screen
        for _ in ids:
            await pilot.pause(0.1)
            walk.look(f"new session {screen.current}")
            await pilot.press("ctrl+n")
        screen.go_to(ids[-1])
        await pilot.pause(0.1)
        screen.view.query_one("#cell-1-0").focus()
        await pilot.press("f2")
        await pilot.pause(0.1)
        walk.look("wall of the table")
        await pilot.press("escape")
    walk.check()


async def test_phones_texts_are_shown_as_written_on_the_screen_and_the_wall(
    library: Library, data_dir: Path
) -> None:
    session = new_session(
        title="Telefoner" + MARKUP,
        date="2026-12-02",
        exercises=[library.exercises[e] for e in ("sheet-42", "take-home", "sheet-45")],
        participants=4,
        groups=["Bord" + MARKUP, "Bord 2 [@click=app.quit]y[/]"],
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="telefoner",
    )
    path = session_path(session)
    save_session(session, path)
    app = _app(path)
    walk = Walk(app)
    async with app.run_test(size=(130, 44)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f10")
        await pilot.pause(0.3)
        walk.look("voting panel", shows=False)
        await pilot.press("escape")
        info = screen.voting.info()
        assert info is not None
        async with aiohttp.ClientSession() as http:
            device = await post(http, info.url + "/api/join", {"code": info.code})
            token = device["token"]
            body = {
                "exercise": "sheet-42",
                "group": "g1",
                "field": "t:1",
                "text": "Svar" + MARKUP,
                "base": "",
            }
            await post(http, info.url + "/api/write", body, token)
            await pilot.pause(REFRESH_QUIET + 0.3)
            walk.look("a phone writes")
            await pilot.press("f2")
            await pilot.pause(0.2)
            walk.look("a phone's text on the wall")
            await pilot.press("escape")
            screen.go_to("take-home")
            await pilot.pause(0.2)
            answer = {"exercise": "take-home", "answer": "a1f00", "text": "Mod" + MARKUP[:200]}
            await post(http, info.url + "/api/answer", answer, token)
            await pilot.pause(REFRESH_QUIET + 0.3)
            walk.look("a phone's answer")
            await pilot.press("a")  # every new answer on the wall
            await pilot.press("f2")
            await pilot.pause(0.2)
            walk.look("a phone's answer on the wall")
            await pilot.press("escape")
        screen.go_to("sheet-45")
        await pilot.pause(0.1)
        screen.view.query_one("#due-0").focus()
        await pilot.press(*"[/] [@click=app.quit]x[/]", "tab")  # the refusal quotes what was typed
        await pilot.pause(0.2)
        walk.look("a refused date")
        await pilot.press("f10", "f10")
        await pilot.pause(0.2)
    walk.check()


def test_the_helper_shows_a_text_as_written_without_its_control_characters() -> None:
    for shown in (plain(MARKUP), plain_text(MARKUP), plain_highlighted(MARKUP, Matcher("click quit"))):
        text = shown.plain
        assert text.startswith(MARKUP_SHOWN) and text.endswith("W" * 300 + " 漢字😀 שלום")
        assert "\x1b" not in text and "\x07" not in text
    assert plain(MARKUP).spans == [] and plain_text(MARKUP).spans == []
    assert plain("a\nb").plain == "a\nb" and plain("a\nb", one_line=True).plain == "a b"
    marked = plain_highlighted("[/] Kurs", Matcher("kurs"))
    assert marked.plain == "[/] Kurs" and [(s.start, s.end) for s in marked.spans] == [
        (4, 5),
        (5, 6),
        (6, 7),
        (7, 8),
    ]


def test_f1_quotes_a_source_from_the_file_as_a_code_span_never_a_link() -> None:
    assert markdown_literal("004_8e00.txt, l. 1-9") == "`004_8e00.txt, l. 1-9`"  # as written
    quoted = markdown_literal("[md](https://evil.example) `x` ``y\x1b[2J")
    assert quoted == "```[md](https://evil.example) `x` ``y```"
    assert markdown_literal("`a") == "`` `a ``" and markdown_literal(" \x07") == ""


async def test_the_second_window_shows_a_hostile_session_and_its_file_problems_as_written(
    data_dir: Path,
) -> None:
    path = markup_session(data_dir / "sessions")
    agenda = load_session(path).agenda
    app = PresentApp(path, lang="en")
    walk = Walk(app)
    async with app.run_test(size=SIZE) as pilot:
        for exercise in agenda:
            write_live(path, Live(exercise, "en", None, None))
            title = load_session(path).exercise(exercise).title.get("en")[:20]
            for _ in range(100):  # the follower looks every 50 ms (bounded: 10 s)
                await pilot.pause(0.1)
                if title in _screen_text(app):
                    break
            walk.look(f"second window {exercise}")
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace('date = "2026-10-14"', f"date = {json.dumps(WRITTEN)}", 1), encoding="utf-8"
        )
        for _ in range(100):
            await pilot.pause(0.1)
            if "not a date" in _screen_text(app) or "date" in _screen_text(app).lower().split("cannot")[-1]:
                break
        walk.look("second window, a bad date")
        assert "'[@click=app.quit]x[/]' is not a date" in _screen_text(app)
    walk.check()


RANKING = "challenges-ranking"
WALKED_ELSEWHERE = {
    "open_answers": "test_phones_texts_are_shown_as_written_on_the_screen_and_the_wall (take-home)",
    "action_review": "test_a_hostile_series_its_list_review_and_last_time_show_texts_as_written",
}
"""Kinds whose hostile texts need a phone or an earlier session: walked by those tests."""


def _with_a_ranking(kinds_session: Session, library: Library) -> Session:
    """``kinds_session`` (every newer kind answered) with the ranking added and answered."""
    session = new_session(
        title=kinds_session.title,
        date=kinds_session.date,
        exercises=[*kinds_session.exercises.values(), library.exercises[RANKING]],
        participants=[p.label for p in kinds_session.participants],
        groups=[g.name for g in kinds_session.groups],
        timestamp="2026-11-24T09:00:00+00:00",
        session_id=kinds_session.id,
    )
    session = replace(session, answers=dict(kinds_session.answers))
    places = (("silo", "resources"), ("resources", "silo"), ("silo",))
    for pid, order in zip(("p1", "p2", "p3"), places, strict=True):
        for place, item in enumerate(order, start=1):
            session = session.with_score(RANKING, item, pid, place)
    return session


async def test_every_kind_of_exercise_answered_shows_its_hostile_texts_as_written(
    kinds_session: Session, library: Library, demo: Session, data_dir: Path
) -> None:
    """The demo has not every kind: a dot vote, a choice, a reverse-scored grid, a bipolar scale,
    paired ratings, two axes, two tables and a ranking, all answered, every text hostile.
    Together with the demo (the first test) and ``WALKED_ELSEWHERE``, every kind is walked."""
    session = _with_a_ranking(kinds_session, library)
    assert session.answers_for(RANKING).scores
    assert all(session.answers_for(e) == kinds_session.answers_for(e) for e in kinds_session.agenda)
    kinds = [e.kind for e in (*session.exercises.values(), *demo.exercises.values())]
    walked = set(kinds) | set(WALKED_ELSEWHERE)
    assert walked == set(registry.SPECS), f"kinds no hostile walk shows: {set(registry.SPECS) - walked}"
    path = data_dir / "sessions" / "kinds.toml"
    path.parent.mkdir(parents=True)
    path.write_text(dumps(poisoned_everywhere(session_to_dict(session))), encoding="utf-8")
    app = _app(path)
    walk = Walk(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for exercise in screen.session.agenda:
            screen.go_to(exercise)
            await pilot.pause(0.1)
            walk.look(exercise)
            await pilot.press("f2")
            await pilot.pause(0.1)
            walk.look(f"wall {exercise}")
            await pilot.press("escape")
    walk.check()


async def test_the_lock_dialog_shows_another_computer_s_host_as_written(room: Path) -> None:
    """A lock file comes with the session from a synced folder or a colleague's machine: its
    host name is text from a file. Shown raw, "[/]" stopped the app at the dialog's first frame."""
    host = "laptop [b]x " + WRITTEN + " [link=https://evil.example]y[/link] \x1b]0;PWNED\x07end"
    lock = lock_path(room)
    lock.write_text(json.dumps({"pid": 4242, "host": host, "started": "2026-12-02T09:00:00+00:00"}))
    app = _app(room)
    walk = Walk(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LockedModal), dialog
        shown = " ".join(str(static.render()) for static in dialog.query(Static))
        assert "laptop [b]x [@click=app.quit]x[/] [link=https://evil.example]y[/link] end" in shown
        assert "PWNED" not in shown  # the escape sequence is taken out (core.storage.lock)
        walk.look("lock dialog")
        await _click_every_hostile_text(app, pilot)
        await pilot.click("#read_only")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.keeper.read_only
        walk.look("read-only bar")  # "… process 4242 on <host> writes to this session"
    walk.check()
    assert json.loads(lock.read_text())["host"] == host, "the other computer's lock is left as it was"
