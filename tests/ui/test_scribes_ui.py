"""Pilot tests of issue 17 in the app: open answers shown and hidden, device texts arriving in a sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.messages import Change
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.entry_area import EntryArea

from .conftest import SIZE, app_for

ANSWERS = {"a1": "Mod på at spørge", "a2": "Noget grimt", "a3": "Tillid og mod"}


@pytest.fixture
def writing_room(library: Library, data_dir: Path) -> Path:
    session = new_session(
        title="Afslutning",
        date="2026-12-02",
        exercises=[library.exercises["take-home"], library.exercises["sheet-42"]],
        participants=4,
        groups=["Bord 1"],
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="afslutning",
    )
    for answer_id, text in ANSWERS.items():
        session = session.with_open("take-home", answer_id, text)
    path = session_path(session)
    save_session(session, path)
    return path


async def test_the_facilitator_sees_answers_first_hides_one_and_the_wall_shows_only_those_put_up(
    writing_room: Path,
) -> None:
    app = app_for(writing_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.current == "take-home"
        await pilot.press("f2")
        assert isinstance(app.screen, ProjectorScreen)
        assert "Mod på at spørge" not in app.screen.content_text()  # new: the facilitator's eyes only
        await pilot.press("f2")
        await pilot.press("down", "h")  # the second answer is hidden
        await pilot.press("a")  # every new answer goes up
        states = load_session(writing_room).answers_for("take-home").open_state
        assert states == {"a1": "shown", "a2": "hidden", "a3": "shown"}
        await pilot.press("f2")
        wall = app.screen.content_text()
        assert "Mod på at spørge" in wall and "Tillid og mod" in wall and "grimt" not in wall
        assert "mod" in wall and "×2" in wall  # the most frequent word of what is up
        await pilot.press("f2")
        await pilot.press("up", "enter")  # the first answer comes down again
        assert "a1" not in load_session(writing_room).answers_for("take-home").open_state


async def test_a_device_s_text_appears_in_a_box_and_the_facilitator_s_typing_keeps_it(
    writing_room: Path,
) -> None:
    app = app_for(writing_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-42")
        await pilot.pause()
        first, second = list(screen.query(EntryArea))[:2]
        first.focus()
        await pilot.press("F", "o", "r")
        # A scribe's phone writes in box 2 and in box 1 (where the facilitator is typing).
        keeper = screen.keeper
        keeper.apply(lambda s: s.with_text("sheet-42", "g1", "2", "Fra Bord 1's telefon"), undoable=False)
        keeper.apply(lambda s: s.with_text("sheet-42", "g1", "1", "For" + " og telefonen"), undoable=False)
        screen.controller.publish(Change.ARRIVED)
        await pilot.pause()
        assert second.text == "Fra Bord 1's telefon"  # not focused: shown at once
        # Focused: shown too (mix13), the cursor still right after the facilitator's "For".
        assert first.text == "For og telefonen" and first.cursor_location == (0, 3)
        await pilot.press("s", "t")
        saved = load_session(writing_room).answers_for("sheet-42").texts["g1"]
        assert "Forst" in saved["1"] and "og telefonen" in saved["1"]  # both kept
        second.focus()
        await pilot.pause()
        assert first.text == saved["1"]  # leaving the box shows what the phone wrote in it


async def test_a_burst_of_answers_is_listed_a_slice_per_frame_and_every_answer_arrives(
    writing_room: Path,
) -> None:
    from workshop_tui.tui.views.open_answers import ADD_PER_FRAME, AnswerList

    app = app_for(writing_room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.current == "take-home"
        listing = screen.query_one(AnswerList)
        assert listing.option_count == len(ANSWERS)  # opening the view lists every answer at once
        burst = [(f"b{n:02d}", f"Svar {n:02d} fra en telefon") for n in range(40)]

        def answered(session: Session) -> Session:
            for answer_id, text in burst:
                session = session.with_open("take-home", answer_id, text)
            return session

        screen.keeper.apply(answered, undoable=False)
        screen.controller.publish(Change.ARRIVED)
        # Forty lines drawn in one frame held the loop 100-200 ms: a slice at a time.
        assert listing.option_count == len(ANSWERS) + ADD_PER_FRAME  # the rest in the next frames
        for _ in range(100):
            if listing.option_count == len(ANSWERS) + len(burst):
                break
            await pilot.pause(0.05)
        assert listing.option_count == len(ANSWERS) + len(burst)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert all(any(text in p for p in prompts) for _, text in burst)
        assert [listing.get_option_at_index(i).id for i in range(listing.option_count)] == [
            *ANSWERS,
            *(answer_id for answer_id, _ in burst),
        ]


async def test_a_device_s_action_shows_in_the_field_the_cursor_rests_in_until_the_facilitator_types(
    library: Library, data_dir: Path
) -> None:
    """Opening an action list puts the cursor in the first action. A scribe's words there stayed
    out of sight, under the "✎ skriver…" mark, until the facilitator left the field (found by
    hand with two phones in Chromium). Once the facilitator types there, a device's words are
    shown too, the cursor kept right after the facilitator's own typing (it was left out of
    sight until they left the field, and their next keys merged against a stale text)."""
    from workshop_tui.core.model.answers import Action
    from workshop_tui.tui.widgets.entry import EntryInput

    session = new_session(
        title="Handlinger",
        date="2026-12-03",
        exercises=[library.exercises["sheet-45"]],
        participants=4,
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="handlinger",
    )
    path = session_path(session)
    save_session(session, path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        field = screen.query_one("#text-0", EntryInput)
        assert app.focused is field

        def device_writes(text: str) -> None:
            action = Action(text=text)
            screen.keeper.apply(lambda s: s.with_action("sheet-45", "g1", 0, action), undoable=False)
            screen.controller.publish(Change.ARRIVED)

        device_writes("Ring til hjemmeplejen")
        await pilot.pause()
        assert field.value == "Ring til hjemmeplejen"
        await pilot.press("space", "o", "g")
        await pilot.pause()
        assert screen.session.answers_for("sheet-45").actions["g1"][0].text == "Ring til hjemmeplejen og"
        device_writes("Ring til hjemmeplejen og sygeplejen")  # the facilitator's typing is kept
        await pilot.pause()
        # Shown where the facilitator types (mix13): the cursor stays right after their "og".
        assert field.value == "Ring til hjemmeplejen og sygeplejen"
        assert field.cursor_position == len("Ring til hjemmeplejen og")
        await pilot.press("tab")  # leaving shows what arrived meanwhile
        await pilot.pause()
        assert field.value == "Ring til hjemmeplejen og sygeplejen"
