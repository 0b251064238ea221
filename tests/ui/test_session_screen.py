"""Pilot tests: scoring, tallies, blind/reveal, group texts, navigation, undo, autosave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.entry import EntryInput
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


def _screen(app: object) -> SessionScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SessionScreen)
    return screen


async def _first_date_field(app: WorkshopApp, pilot: Pilot[Any]) -> tuple[SessionScreen, EntryInput]:
    """The session screen on the action sheet (sheet-45), the first action's date field focused:
    where every date test starts."""
    await pilot.pause()
    screen = _screen(app)
    screen.go_to("sheet-45")
    await pilot.pause()
    due = screen.view.query_one("#due-0", EntryInput)
    due.focus()
    return screen, due


async def test_digits_score_and_move_on_and_are_saved(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        assert screen.current == "resistance"
        await pilot.press("3", "4", "5", "1", "2")
        scores = screen.session.answers_for("resistance").scores
        assert scores["trust"] == {"p1": 3, "p2": 4, "p3": 5, "p4": 1}
        assert scores["necessity"] == {"p1": 2}
        grid = app.screen.query_one(ScoreGrid)
        assert tuple(grid.cursor_coordinate) == (1, 2)
        on_disk = load_session(room).answers_for("resistance").scores
        assert on_disk == scores


async def test_out_of_range_digit_is_refused(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        assert _screen(app).session.answers_for("resistance").is_empty


async def test_tally_mode_takes_counts(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4", "right", "right", "right", "1", "2", "right", "3", "plus")
        answers = _screen(app).session.answers_for("resistance")
        assert answers.mode == "tally"
        # 12 is more than the room's 4 participants: refused. And so is the "+" that made 4 at 5
        # beside the 1 at 4 (room25: 5 answers to the item in a room of 4; it was let through).
        assert answers.tallies["trust"] == {4: 1, 5: 3}
        await pilot.press("plus")
        assert _screen(app).session.answers_for("resistance").tallies["trust"] == {4: 1, 5: 3}
        assert any("flere end de 4 deltagere" in n.message for n in app._notifications)
        assert any("højst 3 her" in n.message for n in app._notifications)
        assert answers.values_for("trust") == [4] + [5] * 3
        assert load_session(room).answers_for("resistance").tallies == answers.tallies


async def test_blind_hides_results_until_revealed(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "4", "5")
        grid = app.screen.query_one(ScoreGrid)
        assert not _screen(app).session.answers_for("resistance").results_visible
        assert str(grid.get_cell("trust", "p1")) == "●"
        assert str(grid.get_cell("trust", "mean")) == "·"
        await pilot.press("f3")
        assert _screen(app).session.answers_for("resistance").revealed
        assert str(grid.get_cell("trust", "p1")) == "4"
        assert str(grid.get_cell("trust", "mean")) == "4,5"


async def test_ctrl_z_after_blinding_takes_back_the_score_and_keeps_the_results_hidden(room: Path) -> None:
    """Blind and reveal are what the wall shows, not an answer: Ctrl+Z never takes them back.

    Found by hand (explore17): a score typed, F3 to hide the results before the room
    answers, then Ctrl+Z to take back the score: the undo took back the hiding instead,
    and the grid and the projector showed every score of the blind round.
    """
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "f3", "ctrl+z")
        await pilot.pause()
        answers = _screen(app).session.answers_for("resistance")
        assert not answers.results_visible
        assert answers.is_empty
        await pilot.press("f3", "5", "ctrl+z")
        await pilot.pause()
        answers = _screen(app).session.answers_for("resistance")
        assert answers.results_visible  # revealing is not taken back either
        assert answers.is_empty
        assert load_session(room).answers_for("resistance").results_visible


async def test_group_texts_are_kept_per_group(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        screen.go_to("sheet-42")
        await pilot.pause()
        await pilot.press(*"Vi", "enter", *"to")
        await pilot.press("ctrl+g", *"B2")
        await pilot.press("ctrl+g")
        await pilot.pause()
        texts = screen.session.answers_for("sheet-42").texts
        assert texts == {"g1": {"1": "Vi\nto"}, "g2": {"1": "B2"}}
        from textual.widgets import TextArea

        assert app.screen.query_one("#box-1", TextArea).text == "Vi\nto"
        assert load_session(room).answers_for("sheet-42").texts == texts


async def test_navigation_next_previous_and_palette_jump(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        await pilot.press("ctrl+n", "ctrl+n")
        assert screen.current == "commitment"
        await pilot.press("ctrl+b")
        assert screen.current == "tension-fields"
        await pilot.press("ctrl+p")
        await pilot.press(*"prøvehandling")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == "sheet-45"


async def test_undo_and_redo(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        await pilot.press("2", "3")
        await pilot.press("ctrl+z")
        assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 2}}
        await pilot.press("ctrl+z")
        assert screen.session.answers_for("resistance").is_empty
        await pilot.press("ctrl+y")
        assert screen.session.answers_for("resistance").scores == {"trust": {"p1": 2}}
        assert load_session(room).answers_for("resistance").scores == {"trust": {"p1": 2}}


async def test_quit_and_reopen_resumes_the_same_state(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press("down", "right", "4", "5")
        before = _screen(app).session
        await pilot.press("escape")
        await pilot.pause()
    reopened = app_for(room)
    async with reopened.run_test(size=SIZE) as pilot:
        screen = _screen(reopened)
        assert screen.current == "tension-fields"
        assert screen.session.answers == before.answers
        grid = reopened.screen.query_one(ScoreGrid)
        assert grid.cursor_coordinate.row == 1
        assert grid.cursor_coordinate.column == 4


async def test_projector_shows_no_names_or_notes(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        screen.keeper.apply(lambda s: s.with_facilitator_note("resistance", "HEMMELIG NOTE"))
        await pilot.press("4", "5", "f2")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        shown = app.screen.content_text()
        assert "Manglende tillid" in shown
        for hidden in ("Anne", "Bo", "Cecilie", "HEMMELIG"):
            assert hidden not in shown
        await pilot.press("f2")
        assert isinstance(app.screen, SessionScreen)


async def test_digits_typed_just_before_ctrl_n_are_kept(room: Path) -> None:
    """Ctrl+N is handled on arrival (it works from any field); scores typed before it must not be lost."""
    from textual import events

    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, char in (("3", "3"), ("4", "4"), ("5", "5"), ("ctrl+n", None)):
            app.post_message(events.Key(key, char))
        await pilot.pause(0.3)
        assert _screen(app).current == "tension-fields"
        assert load_session(room).answers_for("resistance").scores["trust"] == {"p1": 3, "p2": 4, "p3": 5}


async def test_mode_key_asks_before_it_changes_what_is_shown(room: Path) -> None:
    from workshop_tui.tui.screens.mode_switch import ModeSwitchModal

    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        await pilot.press("3", "4", "5")
        await pilot.press("f4")
        assert isinstance(app.screen, ModeSwitchModal)
        await pilot.press("escape")
        assert screen.session.answers_for("resistance").mode == "participant"
        await pilot.press("f4")
        assert isinstance(app.screen, ModeSwitchModal)
        await pilot.click("#switch")
        await pilot.pause()
        answers = screen.session.answers_for("resistance")
        assert answers.mode == "tally" and answers.scores["trust"] == {"p1": 3, "p2": 4, "p3": 5}
        # No tally yet: the entered scores still count, in the grid's figures too.
        grid = app.screen.query_one(ScoreGrid)
        assert str(grid.get_cell("trust", "mean")) == "4,0"
        assert "indtastede scorer, til der er talt op" in str(app.screen.query_one("#grid-head").render())


async def test_mode_key_back_from_a_tally_with_no_counts_does_not_ask(room: Path) -> None:
    """Nothing counted yet: the figures used the entered scores all along, and F4 back shows them
    again. It asked the switch question all the same (found by hand)."""
    from workshop_tui.tui.screens.mode_switch import ModeSwitchModal

    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        await pilot.press("3", "4", "5", "f4")
        assert isinstance(app.screen, ModeSwitchModal)
        await pilot.click("#switch")
        await pilot.pause()
        assert screen.session.answers_for("resistance").mode == "tally"
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is screen, "no question: nothing shown changes"
        answers = screen.session.answers_for("resistance")
        assert answers.mode == "participant" and answers.scores["trust"] == {"p1": 3, "p2": 4, "p3": 5}


async def test_a_refused_date_marks_its_field_until_it_reads_as_a_date(
    room: Path,
) -> None:
    """At 5 m a line at the bottom is easy to miss: the field itself turns red while refused.

    Before polish16 "20/1x" left by Tab brought the date of entry back (the words survived only
    in a notice); they are now kept as written, and the field stays red with the reason."""
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        await pilot.press(*"hej")
        await pilot.pause()
        assert due.has_class("-invalid") and "'hej'" in str(screen.view.query_one("#due-error").render())
        await pilot.press("backspace", "backspace", "backspace", *"20/1")
        await pilot.pause()
        assert not due.has_class("-invalid")
        await pilot.press("tab")  # a date typed in full is kept, shown as saved (ISO)
        await pilot.pause()
        assert due.value == "2027-01-20" and not due.has_class("-invalid")
        due.focus()
        await pilot.press(*"x")
        await pilot.pause()
        assert due.has_class("-invalid")
        await pilot.press("tab")  # "2027-01-20x" is no date: kept as written, still marked
        await pilot.pause()
        assert due.value == "2027-01-20x" and due.has_class("-invalid")
        assert "'2027-01-20x'" in str(screen.view.query_one("#due-error").render())
    saved = load_session(room).answers_for("sheet-45").actions
    assert [action.due for action in next(iter(saved.values()))] == ["2027-01-20x"]


async def test_a_date_left_as_no_date_keeps_the_words_not_a_prefix(room: Path) -> None:
    """'1.13.2027' saved '1.1' (1 January) while typed and kept it: a date nobody meant, before
    management. Leaving the field with text that is no date keeps the text as written (no date
    nobody meant, no word lost: polish16), shows it marked, and says what could not be read."""
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        await pilot.press(*"20/2", "tab")
        await pilot.pause()
        assert due.value == "2027-02-20"
        due.focus()
        await pilot.press(*("backspace" for _ in range(10)), *"1.13.2027")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert due.value == "1.13.2027" and due.has_class("-invalid")
        line = str(screen.view.query_one("#due-error").render())
        assert "'1.13.2027'" in line and "ikke som dato" in line, line
        actions = screen.session.answers_for("sheet-45").actions
        assert [a.due for a in next(iter(actions.values()))] == ["1.13.2027"]
    saved = load_session(room).answers_for("sheet-45").actions
    assert [action.due for action in next(iter(saved.values()))] == ["1.13.2027"]


async def test_a_date_field_left_in_a_burst_keeps_its_words_when_an_earlier_field_s_refill_comes_first(
    room: Path,
) -> None:
    """Found by hand (explore17), in a pseudo-terminal 1 run in 3: "X Tab Y Tab Kåre og Åse Tab"
    typed in one burst lost the date field's words. The owner field's blur came after the focus
    had left the date field too; its refill showed the saved date ("") over the words, and the
    date field's own blur then found nothing to keep. Here that order is made on purpose: the
    focus leaves the date field, and an earlier field's refill runs before the date field's blur.
    """
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        await pilot.press(*"Kåre og Åse")
        await pilot.pause()
        view = screen.view
        assert view.session is not None
        due.has_focus = False  # as the date field's Blur does; its DescendantBlur is on its way
        view.refill(view.session)  # the owner field's late blur, handled first
        screen.set_focus(view.query_one("#text-1", EntryInput))  # the date field's own blur comes
        await pilot.pause()
        assert due.value == "Kåre og Åse"
        actions = screen.session.answers_for("sheet-45").actions
        assert [a.due for a in next(iter(actions.values()))] == ["Kåre og Åse"]
    saved = load_session(room).answers_for("sheet-45").actions
    assert [action.due for action in next(iter(saved.values()))] == ["Kåre og Åse"]


async def test_a_date_field_moved_to_another_group_while_holding_no_date_keeps_the_words(
    room: Path,
) -> None:
    """Ctrl+G while the date field holds '1.13' leaves that group's words kept as written
    (before polish16 the date of entry, empty, came back and '1.13' was lost)."""
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        assert len(screen.session.groups) == 2
        first, second = (g.id for g in screen.session.groups)
        await pilot.press(*"1.13")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        actions = screen.session.answers_for("sheet-45").actions.get(first, ())
        assert [a.due for a in actions] == ["1.13"]
        assert screen.session.answers_for("sheet-45").actions.get(second, ()) == ()
        assert due.value == "" and not due.has_class("-invalid")  # the second group's: no date


async def test_a_date_holding_no_date_when_the_session_closes_keeps_the_words(
    room: Path,
) -> None:
    """Found by hand: '1.13.2027' typed, then the terminal closed (tmux kill-session): the file
    kept the prefix '1.1' as the next 1 January. Closing leaves the field as Tab does: the words
    are kept as written (polish16; the date of entry came back before)."""
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        await pilot.press(*"20/2", "tab")
        await pilot.pause()
        due.focus()
        await pilot.press(*("backspace" for _ in range(10)), *"1.13.2027")
        await pilot.pause()
        assert screen.session.answers_for("sheet-45").actions["g1"][0].due == "2027-01-01"  # the prefix
        # A closed terminal (SIGHUP) ends the app with the field never left, its widgets gone
        # before the screen unmounts: the view knows the text from the field's last report.
        [edit] = screen.view.closing_edits()
        assert edit.edit(screen.session).answers_for("sheet-45").actions["g1"][0].due == "1.13.2027"
    saved = load_session(room).answers_for("sheet-45").actions
    assert [action.due for action in saved["g1"]] == ["1.13.2027"]


@pytest.mark.parametrize(
    ("lang", "kept"),
    [("da", "Gemt som skrevet, ikke som dato"), ("en", "Kept as written, not as a date")],
)
async def test_words_in_a_date_field_are_never_lost(room: Path, lang: str, kept: str) -> None:
    """'næste fredag' typed as a date survived only in a 10-second notice: the date of entry
    came back over it. A facilitator never loses a word: it stays in the field, red, the line
    below says it is no date and is kept as written, it is saved as the action's due as written
    (the exports list it among the dates written as text), and it reads the same reopened.
    A pasted text of two lines is joined with a space, as in every one-line field."""
    app = app_for(room, lang)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        await pilot.press(*"20/2", "tab")
        await pilot.pause()
        due.focus()
        await pilot.press(*("backspace" for _ in range(10)), *"næste fredag", "tab")
        await pilot.pause()
        assert due.value == "næste fredag" and due.has_class("-invalid")
        line = str(screen.view.query_one("#due-error").render())
        assert "'næste fredag'" in line and kept in line, line
        assert not app._notifications  # nothing that expires holds the words
        second = screen.view.query_one("#due-1", EntryInput)
        second.focus()
        await pilot.pause()
        second.post_message(events.Paste("uge 12\nefter ferien"))
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert second.value == "uge 12 efter ferien" and second.has_class("-invalid")
        # the text of an action whose due is words is edited as any other
        screen.view.query_one("#text-0", EntryInput).focus()
        await pilot.press(*"Ring")
        await pilot.pause()
    saved = load_session(room).answers_for("sheet-45").actions["g1"]
    assert [(a.text, a.due) for a in saved] == [("Ring", "næste fredag"), ("", "uge 12 efter ferien")]
    app = app_for(room, lang)
    async with app.run_test(size=SIZE) as pilot:
        screen, due = await _first_date_field(app, pilot)
        await pilot.pause()
        assert due.value == "næste fredag" and due.has_class("-invalid")
        assert kept in str(screen.view.query_one("#due-error").render())
