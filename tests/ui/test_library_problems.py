"""Exercise files that did not load are named on the new-session form, as ``workshop exercises`` names them.

A colleague's file dropped into the exercises folder with an error was left out of the
library without a word in the app: the programme or the list of exercises simply lacked it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static

from workshop_tui.core.storage.errors import problem_lines
from workshop_tui.core.storage.library import Library, check_path, load_library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.app import make_app
from workshop_tui.tui.screens.new_session import LIBRARY_FILES_SHOWN, LIBRARY_PROBLEMS_SHOWN, NewSessionScreen
from workshop_tui.tui.settings import Settings

from .conftest import SIZE, app_for, new_form

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad" / "exercises"


def _shown(form: NewSessionScreen) -> str:
    """The lines the form shows about the library's problems ("" when it shows none)."""
    found = form.query("#library-problem-lines")
    return str(found.first(Static).render()) if found else ""


async def test_a_broken_exercise_file_is_named_on_the_form_in_the_words_of_the_check(data_dir: Path) -> None:
    folder = data_dir / "exercises"
    folder.mkdir(parents=True)
    for name in ("scale-reversed.toml", "unknown-kind.toml"):
        shutil.copyfile(BAD / name, folder / name)
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        shown = _shown(form)
        expected = problem_lines(check_path(folder), "da", limit=LIBRARY_PROBLEMS_SHOWN)
        assert expected and shown.splitlines() == expected, "the same words as `workshop exercises --check`"
        assert str(folder / "scale-reversed.toml") in shown and "scale.min" in shown  # the file and the field
        assert "gør min mindre end max" in shown  # the fix, in the interface language
        heading = str(form.query_one("#library-problems", VerticalScroll).query(Static).first().render())
        assert heading.startswith("2 øvelsesfiler kunne ikke læses")
        assert form.query_one("#library-problems").region.y < form.query_one("#title").region.y, "seen first"
        assert not app._notifications, "named on the form only: a notification stays over the F2 wall"


async def test_a_file_dropped_in_while_the_app_runs_is_named_at_the_next_form(data_dir: Path) -> None:
    folder = data_dir / "exercises"
    app = app_for(None, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen) and _shown(app.screen) == ""
        assert not app.screen.query("#library-problems"), "nothing to say, no box"
        await pilot.press("escape")
        folder.mkdir(parents=True)
        shutil.copyfile(BAD / "scale-reversed.toml", folder / "from-a-colleague.toml")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        assert "from-a-colleague.toml:22: scale.min:" in _shown(form)
        assert "make min smaller than max" in _shown(form)
        await pilot.press("escape")
        (folder / "from-a-colleague.toml").unlink()  # fixed (here: taken away) before the next form
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen) and _shown(app.screen) == ""


def test_a_programme_naming_a_missing_exercise_is_named_by_its_own_file(data_dir: Path) -> None:
    programme = data_dir / "exercises" / "programmes" / "a colleague's day.toml"
    programme.parent.mkdir(parents=True)
    programme.write_text(
        'id = "colleague-day"\nversion = 1\ntitle = { da = "Dag", en = "Day" }\n'
        'exercises = ["resistance", "broken-one"]\n',
        encoding="utf-8",
    )
    [problem] = load_library().problems
    assert problem.warning and problem.file == programme, "not programmes/colleague-day.toml: no file"
    assert "'broken-one'" in problem.text("en")


async def test_an_earlier_session_broken_after_listing_is_refused_in_the_interface_language(
    library: Library, data_dir: Path
) -> None:
    """The follow-up's earlier file changed between the list and "Create": said in Danish, like the rest."""
    earlier = new_session(
        title="Første dag",
        date="2026-09-01",
        exercises=[library.exercises["resistance"]],
        participants=4,
        session_id="day-1",
    )
    path = session_path(earlier)
    save_session(earlier, path)
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        form = await new_form(pilot)
        form.query_one("#follows", Select).value = "0"
        form.query_one("#title", Input).value = "Tre måneder efter"
        await pilot.pause()
        path.write_text(path.read_text(encoding="utf-8").replace('date = "2026-09-01"', 'date = "i går"'))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen), "nothing made from a file that cannot be read"
        said = str(form.query_one("#error", Static).render())
        assert str(path) in said and "'i går' er ikke en dato" in said, said


async def test_two_hundred_broken_files_are_capped_and_the_form_stays_on_the_screen(data_dir: Path) -> None:
    folder = data_dir / "exercises"
    folder.mkdir(parents=True)
    for number in range(200):
        shutil.copyfile(BAD / "scale-reversed.toml", folder / f"kollega-{number:03d}.toml")
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        shown = _shown(form).splitlines()
        named = [line for line in shown if "kollega-" in line]
        files = {line.split("kollega-")[1][:3] for line in named}
        assert len(files) == LIBRARY_FILES_SHOWN, "the first few files, each in the words of the check"
        more = 200 - LIBRARY_FILES_SHOWN
        assert shown[-1] == f"… og {more} filer mere: `workshop exercises` viser dem alle"
        box = form.query_one("#library-problems")
        assert box.region.height <= 9 and box.region.bottom <= SIZE[1]
        for part in ("#form", "#title"):  # the form scrolls below the title (its buttons always did)
            region = form.query_one(part).region
            assert region.height > 0 and region.bottom <= SIZE[1], f"{part} pushed off the screen"
        heading = str(box.query(Static).first().render())
        assert heading.startswith("200 øvelsesfiler kunne ikke læses")


async def test_a_missing_exercises_folder_is_named_on_the_form_not_counted_as_a_file(
    data_dir: Path, tmp_path: Path
) -> None:
    """``--exercises`` mistyped: the form said "1 øvelsesfil(er) kunne ikke læses" (explore16)."""
    missing = tmp_path / "kollegas-øvelser"
    app = make_app(lang="da", settings=Settings(lang="da"), show_clock=False, exercise_dirs=[missing])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewSessionScreen)
        heading = str(form.query_one("#library-problems", VerticalScroll).query(Static).first().render())
        assert heading.startswith(f"Øvelsesmappen {missing} findes ikke"), heading
        assert "--exercises" in heading and "kunne ikke læses" not in heading, heading
