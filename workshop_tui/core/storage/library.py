"""The exercise library: built-in exercises, the facilitator's own, and extra folders.

Later folders override earlier ones by exercise id, so a facilitator can adapt a
built-in exercise by copying its file into their own folder. A file with errors is
left out of the library and its problems are kept for ``workshop exercises``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Exercise, Programme, Text
from workshop_tui.core.storage.errors import FileProblems, Problem, file_problem, printable
from workshop_tui.core.storage.exercise_codec import parse_exercise
from workshop_tui.core.storage.keylines import key_lines
from workshop_tui.core.storage.locations import builtin_exercises_dir, user_exercises_dir
from workshop_tui.core.storage.reader import Problems, Reader, check_id, check_ids
from workshop_tui.core.storage.tomlio import read_toml
from workshop_tui.core.text_safety import shown_name

PROGRAMMES = "programmes"


@dataclass(frozen=True)
class Library:
    """Every exercise and programme that loaded, and the problems of those that did not."""

    exercises: Mapping[str, Exercise] = field(default_factory=dict)
    origins: Mapping[str, Path] = field(default_factory=dict)
    """exercise id -> the file it was loaded from."""
    programmes: Mapping[str, Programme] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    unread_folders: tuple[Path, ...] = ()
    """Folders given with ``--exercises`` that are missing or are files (each also a problem)."""

    def default_programme(self) -> Programme | None:
        """The seminar programme new sessions start from."""
        return self.programmes.get("ledelse-paa-tvaers") or next(iter(self.programmes.values()), None)

    def left_out(self) -> tuple[Path, ...]:
        """The files that did not load (an error, not only a warning), each once, in order.

        A facilitator who drops a colleague's file into the folder sees these named wherever
        the library is offered (the new-session form), not only in ``workshop exercises``.
        """
        return tuple(dict.fromkeys(p.file for p in self.problems if not p.warning))

    def left_out_files(self) -> tuple[Path, ...]:
        """The exercise files that did not load: ``left_out`` without the unread folders.

        A mistyped ``--exercises`` folder was counted as "1 exercise file(s) could not be
        read": the facilitator looked for a broken file where there was only a wrong path.
        """
        return tuple(path for path in self.left_out() if path not in self.unread_folders)


def load_exercise_file(path: Path) -> tuple[Exercise | None, list[Problem]]:
    """Load one exercise file; returns the exercise (None on errors) and all problems."""
    try:
        data, text = read_toml(path)
    except FileProblems as error:
        return None, error.problems
    if "schema_version" in data and "kind" not in data:
        # A session put where exercises go: say so, rather than list every exercise key it lacks.
        line = key_lines(text).get("schema_version")
        return None, [
            file_problem(
                path, "schema_version", "problems.what.is_session", "problems.fix.open_session", line=line
            )
        ]
    if "exercises" in data and "kind" not in data:
        # A programme among the exercises (a programmes folder named with --exercises): its
        # keys read as an exercise's were four problems, the first saying to delete its list.
        line = key_lines(text).get("exercises")
        return None, [
            file_problem(
                path, "exercises", "problems.what.is_programme", "problems.fix.programme_folder", line=line
            )
        ]
    problems = Problems(path, lambda: key_lines(text))
    exercise = parse_exercise(Reader(data, "", problems))
    return exercise, problems.found


def load_programme_file(path: Path) -> tuple[Programme | None, list[Problem]]:
    """Load one programme file; returns the programme (None on errors) and all problems."""
    try:
        data, text = read_toml(path)
    except FileProblems as error:
        return None, error.problems
    problems = Problems(path, lambda: key_lines(text))
    reader = Reader(data, "", problems)
    programme_id = reader.string("id")
    check_id(reader, "id", programme_id)
    programme = Programme(
        id=programme_id,
        version=reader.integer("version", minimum=1),
        title=reader.text("title") or Text(""),
        description=reader.text("description", required=False),
        exercises=tuple(check_ids(reader, "exercises", reader.strings("exercises"))),
    )
    if not programme.exercises and reader.has("exercises"):
        problems.add("exercises", "problems.what.empty", "problems.fix.one_exercise")
    reader.finish()
    return (None if problems.errors else programme), problems.found


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("."))


def _folders(extra_dirs: Iterable[Path], include_user: bool) -> list[Path]:
    """The library's folders, later ones overriding earlier ones."""
    folders = [builtin_exercises_dir()]
    if include_user:
        folders.append(user_exercises_dir())
    folders.extend(extra_dirs)
    return folders


LibraryStamp = tuple[tuple[str, int, int], ...]
"""Each library file's path, modification time (ns) and size: equal stamps, equal library."""


def library_stamp(extra_dirs: Iterable[Path] = (), *, include_user: bool = True) -> LibraryStamp:
    """What tells a changed library from the one read before, without reading a file.

    A file dropped into the folder, removed, renamed, saved in place or replaced (editors
    write a new file and rename it) changes a name, a time or a size. One ``stat`` per file
    (about 70): cheap enough to take each time the library is offered, so the form shows
    what the folder holds now, not what it held when the app first read it.
    """
    stamp: list[tuple[str, int, int]] = []
    for folder in _folders(extra_dirs, include_user):
        for place in (folder, folder / PROGRAMMES):
            for path in _files(place) if place.is_dir() else ():
                try:
                    status = os.stat(path)
                except OSError:  # gone since the listing, or unreadable: its name still counts
                    stamp.append((str(path), -1, -1))
                    continue
                stamp.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(stamp)


def load_library(extra_dirs: Iterable[Path] = (), *, include_user: bool = True) -> Library:
    """Load the built-in library, then the user's folder, then ``extra_dirs``."""
    extras = list(extra_dirs)
    folders = _folders(extras, include_user)
    exercises: dict[str, Exercise] = {}
    origins: dict[str, Path] = {}
    programmes: dict[str, Programme] = {}
    programme_files: dict[str, Path] = {}
    unread = tuple(d for d in extras if not d.is_dir())
    problems: list[Problem] = [_not_a_folder(d) for d in unread]
    for folder in folders:
        if not folder.is_dir():
            continue
        seen: dict[str, Path] = {}
        for path in _files(folder):
            exercise, found = load_exercise_file(path)
            problems.extend(found)
            if exercise is None:
                continue
            if exercise.id in seen:
                problems.append(_duplicate(path, exercise.id, seen[exercise.id]))
                continue
            seen[exercise.id] = path
            replaced = exercises.get(exercise.id)
            if replaced is not None and replaced.version > exercise.version:
                problems.append(_older(path, exercise, replaced, origins[exercise.id]))
            exercises[exercise.id] = exercise
            origins[exercise.id] = path
        for path in _files(folder / PROGRAMMES):
            programme, found = load_programme_file(path)
            problems.extend(found)
            if programme is not None:
                programmes[programme.id] = programme
                programme_files[programme.id] = path
    for programme in programmes.values():
        for missing in (e for e in programme.exercises if e not in exercises):
            problems.append(
                file_problem(
                    programme_files[programme.id],  # the file to fix (its name need not be its id)
                    "exercises",
                    "problems.what.not_in_library",
                    "problems.fix.add_exercise",
                    warning=True,
                    value=repr(missing),
                )
            )
    return Library(exercises, origins, programmes, tuple(problems), unread)


def unread_folder_lines(library: Library, lang: str, *, form: bool = True) -> list[str]:
    """Each unread ``--exercises`` folder named as a folder, with the fix, in ``lang``.

    Said apart from the files that did not load: a wrong path is fixed on the command line
    (the app started again), not in a file. ``form``: the new-session form's words (its
    lists lack the folder's exercises); else the command line's. The path is shown as
    given, made printable.
    """
    if form:
        is_file, missing = "phones16.library.folder_is_file", "phones16.library.folder_missing"
    else:
        is_file, missing = "phones16.cli.folder_is_file", "phones16.cli.folder_missing"
    return [
        printable(t(is_file if folder.exists() else missing, lang, path=shown_name(folder)))
        for folder in library.unread_folders
    ]


def _not_a_folder(given: Path) -> Problem:
    """A folder given with ``--exercises`` that is missing, or is a file.

    It used to be passed over in silence: a colleague's folder with one letter mistyped, or
    their mailed file named instead of its folder, and the day ran without their exercises,
    with nothing anywhere saying why (``workshop exercises`` listed only the built-in ones).
    The user's own folder is not checked here: it need not exist.
    """
    if given.exists():
        return file_problem(given, "", "problems.what.not_folder", "problems.fix.exercise_folder")
    return file_problem(given, "", "problems.what.no_file", "problems.fix.check_path")


def _older(path: Path, exercise: Exercise, replaced: Exercise, replaced_file: Path) -> Problem:
    """A later folder's file replaces a newer version of its exercise: a warning, it still replaces it.

    A colleague's folder (``--exercises``) or an old copy in the user's folder holding an
    earlier version of a built-in exercise replaced the current one without a word (the
    exercises README said the higher version wins; the library never did). Replacing is
    kept, since an adapted copy is meant to win, but the facilitator is told which file and
    how to make it say so.
    """
    return file_problem(
        path,
        "version",
        "problems.what.older_version",
        "problems.fix.raise_version",
        warning=True,
        version=exercise.version,
        newer=replaced.version,
        file=str(replaced_file),
    )


def _duplicate(path: Path, exercise_id: str, first: Path) -> Problem:
    return file_problem(
        path,
        "id",
        "problems.what.id_used_by",
        "problems.fix.own_exercise_id",
        line=1,
        value=repr(exercise_id),
        file=first.name,
    )


def check_path(path: Path) -> list[Problem]:
    """Validate an exercise or programme file, or every such file in a folder."""
    if path.is_dir():
        problems: list[Problem] = []
        seen: dict[str, Path] = {}
        for file in _files(path):
            exercise, found = load_exercise_file(file)
            problems.extend(found)
            if exercise is not None:
                if exercise.id in seen:
                    problems.append(_duplicate(file, exercise.id, seen[exercise.id]))
                seen.setdefault(exercise.id, file)
        for file in _files(path / PROGRAMMES):
            problems.extend(load_programme_file(file)[1])
        if not _files(path) and not _files(path / PROGRAMMES):
            problems.append(file_problem(path, "", "problems.what.no_files", "problems.fix.exercise_folder"))
        return problems
    if path.parent.name == PROGRAMMES:
        return load_programme_file(path)[1]
    return load_exercise_file(path)[1]
