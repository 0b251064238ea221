"""Pilot tests of issue 17 in the app with a real voting server: who writes in a field, and the save bar.

A device is played by HTTP requests to the app's own server on 127.0.0.1 (any free port).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from textual.content import Content

from workshop_tui.core.kinds.tables import TableBody
from workshop_tui.core.model import Session
from workshop_tui.core.model.parts import cell_key
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.core.writing import version_of, write_field
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.messages import Change
from workshop_tui.tui.saving import SaveStatus
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.base import BORDER_TITLE_MARGIN, GroupTextsView, writing_title
from workshop_tui.tui.voting_link import REFRESH_QUIET, VotingInfo
from workshop_tui.tui.widgets.entry import EntrySelect
from workshop_tui.tui.widgets.entry_area import EntryArea
from workshop_tui.voting import scribes

from .conftest import VOTING_HERE, app_for, post, until

SIZE = (130, 44)
SHOWN = 2.5
"""The marks' lifetime in these tests (the app's is ``scribes.SHOWN_SECONDS``)."""


def _saved_session(
    library: Library, exercise: str, groups: list[str], session_id: str, title: str = "Skrivning"
) -> Path:
    """One exercise for four people at ``groups``' tables, saved where the app looks."""
    session = new_session(
        title=title,
        date="2026-12-02",
        exercises=[library.exercises[exercise]],
        participants=4,
        groups=groups,
        timestamp="2026-12-02T09:00:00+00:00",
        session_id=session_id,
    )
    path = session_path(session)
    save_session(session, path)
    return path


@pytest.fixture
def sheet_room(library: Library, data_dir: Path) -> Path:
    return _saved_session(library, "sheet-42", ["Bord 1", "Bord 2"], "skrivning")


def _app(path: Path) -> WorkshopApp:
    return app_for(path, "da", voting=VOTING_HERE)


async def _open_voting(app: WorkshopApp, pilot: Any) -> tuple[SessionScreen, VotingInfo]:
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    await pilot.press("f10")
    await pilot.pause()
    await pilot.press("escape")
    info = screen.voting.info()
    assert info is not None and info.writing == "group"
    return screen, info


async def _typing_in_the_second_box(
    app: WorkshopApp, pilot: Any
) -> tuple[GroupTextsView, VotingInfo, EntryArea, EntryArea]:
    """Voting open on sheet 42, the facilitator in its second box: the first is free for a device."""
    screen, info = await _open_voting(app, pilot)
    view = screen.view
    assert isinstance(view, GroupTextsView)
    first, second = list(view.query(EntryArea))[:2]
    second.focus()
    await pilot.pause()
    return view, info, first, second


async def _typing_in_the_first_box(
    app: WorkshopApp, pilot: Any
) -> tuple[SessionScreen, VotingInfo, EntryArea]:
    """Voting open on sheet 42, the facilitator's cursor in its first box, where a device will write."""
    screen, info = await _open_voting(app, pilot)
    assert screen.view is not None
    first = list(screen.view.query(EntryArea))[0]
    first.focus()
    return screen, info, first


async def _join(http: aiohttp.ClientSession, info: VotingInfo) -> dict[str, Any]:
    """A device joins with the room's code: its token and its participant."""
    return await post(http, info.url + "/api/join", {"code": info.code})  # type: ignore[no-any-return]


async def _send(
    http: aiohttp.ClientSession, info: VotingInfo, device: dict[str, Any], write: dict[str, str]
) -> dict[str, Any]:
    """``device`` writes a field (``_write``, ``_choice_room``): the server's answer."""
    return await post(http, info.url + "/api/write", write, device["token"])  # type: ignore[no-any-return]


def _choice_room(library: Library, session_id: str, title: str) -> tuple[Path, int, dict[str, str]]:
    """A stakeholder table for Bord 1 and Bord 2, saved: its first choice column's index, and a
    device's write of that column's first option into Bord 1's first row."""
    path = _saved_session(library, "stakeholder-analysis", ["Bord 1", "Bord 2"], session_id, title)
    table = load_session(path).exercise("stakeholder-analysis").body_as(TableBody)
    index = next(i for i, column in enumerate(table.columns) if column.is_choice)
    column = table.columns[index]
    write = {
        "exercise": "stakeholder-analysis",
        "group": "g1",
        "field": f"t:{cell_key(1, column.id)}",
        "text": column.options[0].id,
        "base": "",
    }
    return path, index, write


def _screen_text(app: WorkshopApp) -> str:
    """The screen as plain text (the screenshot's markup and spaces taken out)."""
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def test_the_writing_mark_is_whole_where_it_fits_and_names_who_first_where_it_does_not() -> None:
    full = "✎ skriver… · Bord 1 (P1)"
    assert writing_title("Bord 1", ("P1",), "da", 0) == full  # not laid out yet
    assert writing_title("Bord 1", ("P1",), "da", 60) == full
    assert writing_title("Bord 1", ("P1",), "da", len(full) + BORDER_TITLE_MARGIN) == full
    assert writing_title("Bord 1", ("P1",), "da", len(full) + BORDER_TITLE_MARGIN - 1) == "✎ P1 · Bord 1"
    assert writing_title("Table 1", ("P1", "P2"), "en", 18) == "✎ P1, P2 · Table 1"


def _write(group: str, text: str, base: str = "") -> dict[str, str]:
    return {"exercise": "sheet-42", "group": group, "field": "t:1", "text": text, "base": base}


async def test_a_field_a_device_writes_in_says_who_writes_and_the_mark_goes_after_the_last_write(
    sheet_room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scribes, "SHOWN_SECONDS", SHOWN)
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        view, info, first, second = await _typing_in_the_second_box(app, pilot)
        assert first.border_title is None and not first.has_class("being-written")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, _write("g1", "Tillid først"))
            await pilot.pause(REFRESH_QUIET + 0.3)
            assert first.text == "Tillid først"  # the facilitator is not in it: shown at once
            assert first.border_title == f"✎ skriver… · Bord 1 ({device['participant']})"
            assert first.has_class("being-written") and second.border_title is None
            # Bord 2's scribe writes too: the heading names that group (the facilitator shows Bord 1).
            await _send(http, info, device, _write("g2", "Mod"))
            await pilot.pause(REFRESH_QUIET + 0.3)
            head = str(view.query_one("#sheet-head").render())
            assert "✎ Bord 2 skriver nu (Ctrl+G)" in head
            await pilot.press("ctrl+g")  # Bord 2 shown: its box carries the mark, Bord 1's is gone
            await pilot.pause()
            assert (
                first.text == "Mod" and first.border_title == f"✎ skriver… · Bord 2 ({device['participant']})"
            )
            # No more writes: the marks go a moment after the last one, with nothing else arriving.
            await pilot.pause(SHOWN + 0.5)
            assert first.border_title is None and not first.has_class("being-written")
            assert "skriver" not in str(view.query_one("#sheet-head").render())
        await pilot.press("f10", "f10")


async def test_the_facilitator_typing_in_a_field_a_device_writes_keeps_both_texts(sheet_room: Path) -> None:
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        screen, info, first = await _typing_in_the_first_box(app, pilot)
        await pilot.press("V", "i")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            written = await _send(http, info, device, _write("g1", "Telefonens ord"))
            assert written["outcome"] == "merged" and "Vi" in written["text"]
            await pilot.pause(REFRESH_QUIET + 0.3)
            # Shown in the field the facilitator types in, the cursor still right after "Vi".
            assert first.text == written["text"] and first.cursor_location == (0, 2)
            assert first.has_class("being-written")  # and the facilitator sees someone else writes here
            await pilot.press("space", "t", "o")
            # The device types on over what it was given back: the facilitator's words stay too.
            more = written["text"] + " og mere"
            await _send(http, info, device, _write("g1", more, written["version"]))
        saved = load_session(sheet_room).answers_for("sheet-42").texts["g1"]["1"]
        assert "Vi to" in saved and "Telefonens ord" in saved and "og mere" in saved
        await pilot.press("f10", "f10")


async def test_a_device_s_words_written_between_the_facilitator_s_keys_are_shown_and_never_split_a_word(
    sheet_room: Path,
) -> None:
    """The facilitator and a group's phone type at the end of one field at the same time.

    The facilitator's field was not shown the phone's words (it was being typed in), so
    each next key was merged against a text without them: "TELEFON s facilitatkriver
    heror" on file. Now the field shows the merged text and the cursor stays right after
    the facilitator's own typing, both when the phone's words arrive while the
    facilitator pauses (the refill) and when they come between two keys (the edit's answer).
    """
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        screen, info, first = await _typing_in_the_first_box(app, pilot)
        await pilot.press(*"Vi ringer")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            written = await _send(
                http, info, device, _write("g1", "Vi ringer TELEFON", version_of("Vi ringer"))
            )
            await pilot.pause(REFRESH_QUIET + 0.3)  # the facilitator paused: the refill shows it
            assert first.text == "Vi ringer TELEFON" and first.cursor_location == (0, 9)
            await pilot.press(*" til")
            assert first.text == "Vi ringer til TELEFON" and first.cursor_location == (0, 13)
            # Between two keys, before any refill: the next key's edit brings the phone's words.
            more = written["text"] + " skriver"
            await _send(http, info, device, _write("g1", more, written["version"]))
            await pilot.press(*" os")
            await pilot.pause()
            assert first.text == "Vi ringer til os TELEFON skriver" and first.cursor_location == (0, 16)
        saved = load_session(sheet_room).answers_for("sheet-42").texts["g1"]["1"]
        assert saved == "Vi ringer til os TELEFON skriver"
        await pilot.press("f10", "f10")


async def test_ctrl_z_after_a_device_s_words_were_shown_in_the_facilitator_s_field_keeps_them(
    sheet_room: Path,
) -> None:
    """The field shows the merged text (above); the session's Ctrl+Z then takes out the
    facilitator's typing since, never the device's words, and the field shows what is on file."""
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        screen, info, first = await _typing_in_the_first_box(app, pilot)
        await pilot.press(*"Vi ringer")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            phone = _write("g1", "Vi ringer TELEFON", version_of("Vi ringer"))
            await _send(http, info, device, phone)
            await pilot.pause(REFRESH_QUIET + 0.3)
            await pilot.press(*" til")
        assert first.text == "Vi ringer til TELEFON"
        screen.set_focus(None)  # the session's Ctrl+Z
        await pilot.pause()
        for _ in range(2):
            await pilot.press("ctrl+z")
            await pilot.pause()
            texts = load_session(sheet_room).answers_for("sheet-42").texts["g1"]
            assert texts == {"1": "Vi ringer TELEFON"} and first.text == "Vi ringer TELEFON"
        await pilot.press("f10", "f10")


async def test_a_batch_from_devices_on_its_way_to_disk_shows_no_unsaved_bar_and_is_not_saved_twice(
    sheet_room: Path,
) -> None:
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        keeper = screen.keeper
        saves = 0
        save = keeper.save

        def counted(*, overlap: bool = False) -> bool:
            nonlocal saves
            saves += 1
            return save(overlap=overlap)

        keeper.save = counted  # type: ignore[method-assign]
        # As the voting server's sink does: applied now, saved in the save thread a moment later.
        keeper.apply(
            lambda s: s.with_text("sheet-42", "g1", "1", "Fra en telefon"), undoable=False, save=False
        )
        screen.guard.report()
        screen.guard.tick()
        await pilot.pause()
        assert not app.screen.query_one(SaveStatus).display  # no red "not saved" flash per batch
        assert saves == 0  # the retry leaves it to the save thread (it would wait for its turn)
        assert keeper.save()


async def test_the_facilitator_typing_in_an_action_a_device_changed_keeps_the_device_s_words(
    library: Library, data_dir: Path
) -> None:
    path = _saved_session(library, "sheet-45", ["Bord 1"], "handlinger", "Handlinger")
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.view is not None
        for part in ("text", "owner"):
            field = screen.view.query_one(f"#{part}-0")
            field.focus()
            await pilot.press("N", "y")

            # The group's scribe put a word in front meanwhile (typed over "Ny", so it replaced it).
            def scribe_writes(session: Session, part: str = part) -> Session:
                return write_field(
                    session, "sheet-45", "g1", f"a:0:{part}", "Tlf: Ny", version_of("Ny"), "P1"
                )[0]

            screen.keeper.apply(scribe_writes, undoable=False)
            screen.controller.publish(Change.ARRIVED)
            await pilot.press("t")
            action = load_session(path).answers_for("sheet-45").actions["g1"][0]
            assert getattr(action, part) == "Tlf: Nyt"  # both changes, neither writer's word lost


async def test_ctrl_z_undoes_the_facilitator_s_typing_while_a_device_writes_and_keeps_the_device_s_text(
    sheet_room: Path,
) -> None:
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        screen, info = await _open_voting(app, pilot)
        assert screen.view is not None
        first, second = list(screen.view.query(EntryArea))[:2]
        second.focus()
        await pilot.press("m", "i", "n", "e")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, _write("g1", "Telefonens tekst"))
        await pilot.pause(REFRESH_QUIET + 0.3)
        screen.set_focus(None)  # the session's Ctrl+Z (a text field's own would undo its letters)
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        texts = load_session(sheet_room).answers_for("sheet-42").texts["g1"]
        assert texts == {"1": "Telefonens tekst"}  # the facilitator's "mine" undone, the device's kept
        assert second.text == "" and first.text == "Telefonens tekst"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert load_session(sheet_room).answers_for("sheet-42").texts["g1"] == {
            "1": "Telefonens tekst",
            "2": "mine",
        }
        await pilot.press("f10", "f10")


async def test_a_group_name_from_the_file_is_shown_as_written_in_the_writing_mark_never_as_markup(
    library: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mailed session may name a group "[/]…": as markup that crashed the screen at the first
    device write, and "[@click=app.quit]" made the mark a link that quits."""
    monkeypatch.setattr(scribes, "SHOWN_SECONDS", 600.0)  # a loaded machine may outrun 5 s
    hostile = "Bord [/] [@click=app.quit]1[/]"
    app = _app(_saved_session(library, "sheet-42", [hostile, "Bord 2"], "skrivning-fjendtlig"))
    async with app.run_test(size=SIZE) as pilot:
        view, info, first, second = await _typing_in_the_second_box(app, pilot)
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, _write("g1", "Tillid"))
            await until(pilot, lambda: first.border_title is not None, "the device's write marked")
            assert first.text == "Tillid"
            title = first.border_title
            assert title is not None
            assert Content.from_markup(title).plain == f"✎ skriver… · {hostile} ({device['participant']})"
            await pilot.pause()
            assert app.is_running and app.return_code is None
        await pilot.press("f10", "f10")


async def test_a_choice_a_device_writes_in_is_marked_like_a_text_field(
    library: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A choice (Select) has no border of its own: the mark goes on the box that shows the choice.
    monkeypatch.setattr(scribes, "SHOWN_SECONDS", 600.0)  # a loaded machine may outrun 5 s
    path, index, write = _choice_room(library, "interessenter", "Interessenter")
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, info = await _open_voting(app, pilot)
        view = screen.view
        assert isinstance(view, GroupTextsView)
        choice = view.query_one(f"#cell-1-{index}", EntrySelect)
        shown = choice.query_one("SelectCurrent")
        assert shown.border_title is None and not shown.has_class("being-written")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, write)
            await until(pilot, lambda: shown.border_title is not None, "the device's write marked")
            assert choice.value == write["text"]  # the column's first option
            # The cell is too narrow for "✎ skriver… · Bord 1 (P1)", which it cut to "✎ skriver… · B":
            # who comes first, and a cut takes the end of the group's name.
            who = device["participant"]
            assert shown.border_title == f"✎ {who} · Bord 1"
            assert shown.has_class("being-written")
            assert f"✎ {who} · Bo" in _screen_text(app), "who writes is on the screen"
        await pilot.press("f10", "f10")


async def test_the_writing_mark_is_picked_again_when_the_terminal_is_resized(
    library: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same choice cell: narrow at 130 columns ("✎ P1 · Bord 1"), wide enough for the whole
    # mark in a wider terminal, and narrow again when the terminal shrinks back. The mark lasts
    # past the test (on a loaded machine the steps below may take longer than its usual 5 s),
    # and each step waits for the state it checks, not a fixed 0.3 s.
    monkeypatch.setattr(scribes, "SHOWN_SECONDS", 600.0)
    path, index, write = _choice_room(library, "omstilling", "Omstilling")
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, info = await _open_voting(app, pilot)
        view = screen.view
        assert isinstance(view, GroupTextsView)
        shown = view.query_one(f"#cell-1-{index}", EntrySelect).query_one("SelectCurrent")
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, write)
            who = device["participant"]
            full, narrow = f"✎ skriver… · Bord 1 ({who})", f"✎ {who} · Bord 1"
            await until(pilot, lambda: shown.border_title is not None, "the device's write marked")
            assert shown.border_title == narrow
            await pilot.resize_terminal(400, SIZE[1])
            await until(pilot, lambda: shown.border_title == full, "picked again for the wider cell")
            assert shown.outer_size.width >= len(full) + BORDER_TITLE_MARGIN, "the cell grew wide enough"
            await pilot.resize_terminal(*SIZE)
            await until(pilot, lambda: shown.border_title == narrow, "and again for the narrower one")
        await pilot.press("f10", "f10")


async def test_closing_voting_while_a_device_writes_says_its_last_words_may_still_be_on_the_phone(
    sheet_room: Path,
) -> None:
    """Found by hand: voting closed mid-sentence left "… Vi ringer til ledere" on file and the
    rest on the phone (sent when voting opens again), while the app said "Afstemningen er
    lukket; svarene er gemt." It now names who was writing and where the last words are."""
    app = _app(sheet_room)
    async with app.run_test(size=SIZE) as pilot:
        screen, info = await _open_voting(app, pilot)
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, _write("g1", "Vi ringer til ledere"))
        await pilot.press("f10")  # the panel again
        await pilot.pause()
        await pilot.press("f10")  # closes voting
        await pilot.pause()
        assert not screen.voting.is_open
        notices = [n.message for n in app._notifications]
        assert any(device["participant"] in m and "telefonen" in m for m in notices), notices
        assert not any("svarene er gemt" in m for m in notices), notices


async def test_a_date_the_session_refuses_clears_the_field_s_writing_mark_at_once(
    library: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scribe's "næste uge" in an action's date is refused on the phone; the laptop went on
    showing "✎ skriver" on that date for the rest of the mark's seconds, as if a date were coming."""
    monkeypatch.setattr(scribes, "SHOWN_SECONDS", 600.0)  # only the refusal may take the mark away
    path = _saved_session(library, "sheet-45", ["Bord 1"], "datoer", "Datoer")
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen, info = await _open_voting(app, pilot)
        assert screen.view is not None
        due, text = screen.view.query_one("#due-0"), screen.view.query_one("#text-0")
        write = {"exercise": "sheet-45", "group": "g1", "field": "a:0:due", "base": ""}
        async with aiohttp.ClientSession() as http:
            device = await _join(http, info)
            await _send(http, info, device, write | {"field": "a:0:text", "text": "Tavlemøde"})
            first = await _send(http, info, device, write | {"text": "2027-01-20"})
            await until(pilot, lambda: due.has_class("being-written"), "the date's write marked")
            headers = {"Authorization": f"Bearer {device['token']}"}
            bad = write | {"text": "næste uge", "base": first["version"]}
            async with http.post(info.url + "/api/write", json=bad, headers=headers) as response:
                assert response.status == 422
            # Within the bound, not the mark's 600 s: without the refusal clearing it, it stays.
            await until(pilot, lambda: not due.has_class("being-written"), "the refused date's mark gone")
            assert due.border_title is None
            assert text.has_class("being-written")  # the text was written: its mark stays
        await pilot.press("f10", "f10")
