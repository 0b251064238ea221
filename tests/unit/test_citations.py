"""Every Danish text an exercise claims from its source is found in the lines it cites.

A text is claimed from ``source.lines`` of ``source.file`` unless a line of the
exercise's ``source.note`` says otherwise, listing the texts by path (``title``,
``prompt``, ``items.power.text``, ``boxes.2.a``, ``columns.handling``; ``*`` stands for
any id, e.g. ``items.*.response``):

- ``Our wording: title, note_prompt.`` -- ours, not the source's; not checked;
- ``Quoted from 004_8e00a48e27c5bb05.txt L6-7: title.`` -- verbatim, but from other
  lines (or another seed) than ``source.lines``; checked there.

Scale end labels are claimed only when the scale is not inferred (a vote's scale is
the dots, not text).

Both sides are compared as the extraction left them repairable: whitespace (line
breaks, letter-spaced headings), hyphens (line-end hyphenation), the combining ring
of the broken å (``pa ̊`` -> ``på``) and the replacement characters of lost footnote
marks are normalised away; everything else (letters, quotes, dashes) must match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.model import Exercise, Text
from workshop_tui.core.storage.library import Library

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
"""The source texts: ``shared/seeds`` beside the checkout (as in CI and the worktrees)."""
NEEDS_SEEDS = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the source texts are not beside this checkout ({SEEDS} is absent)"
)
OURS = re.compile(r"^\s*Our wording:\s*(.+?)\.?\s*$", re.MULTILINE)
ELSEWHERE = re.compile(r"^\s*Quoted from (\S+\.txt) L(\d+(?:-\d+)?):\s*(.+?)\.?\s*$", re.MULTILINE)
JOINS = re.compile(r": | · | ↔ | … ")
"""Where an exercise joins pieces the source prints apart (a name and its definition)."""
EDITORIAL = {"DYBDEFAGLIGHED"}
"""Texts joined from pieces the extraction split in a way the normalising does not undo."""


def normalised(text: str) -> str:
    """``text`` without what the PDF extraction broke: whitespace, hyphens, å's ring, lost marks."""
    text = unicodedata.normalize("NFC", re.sub(r"[\s\-\u00ad]+", "", text))
    return text.replace("\u030a", "").replace("\ufffd", "")


def cited_lines(file: str, lines: str) -> str:
    """The ``lines`` (``"429-453"``, 1-based, inclusive, as ``cat -n`` numbers them) of a seed."""
    text = (SEEDS / file).read_text(encoding="utf-8").splitlines()
    first, _, last = lines.strip().partition("-")
    return "\n".join(text[int(first) - 1 : int(last or first)])


def _paths(listed: str) -> list[str]:
    return [p.strip() for p in listed.split(",") if p.strip()]


def own_wording(exercise: Exercise) -> list[str]:
    """The paths the exercise's note marks as our own wording (patterns with ``*``)."""
    return [p for line in OURS.findall(exercise.source.note) for p in _paths(line)]


def quoted_elsewhere(exercise: Exercise) -> list[tuple[str, str, str]]:
    """(path pattern, seed file, lines) for each text the note says is quoted from other lines."""
    return [
        (p, file, lines)
        for file, lines, listed in ELSEWHERE.findall(exercise.source.note)
        for p in _paths(listed)
    ]


def _field(exercise: Exercise, name: str) -> Any:
    """A field of the exercise or of its kind's body (None when its kind has no such field)."""
    for owner in (exercise, exercise.body):
        if hasattr(owner, name):
            return getattr(owner, name)
    return None


def claimed(exercise: Exercise) -> Iterator[tuple[str, Text]]:
    """Every text of the exercise by its path, in the order of the file."""
    for name in ("title", "prompt", "question", "heading", "note_prompt", "closing_question"):
        yield from _one(name, _field(exercise, name))
    for name in ("challenge_prompt", "action_label", "left_label", "right_label", "divider"):
        yield from _one(name, _field(exercise, name))
    if exercise.scale is not None and not exercise.scale.inferred and not exercise.is_vote:
        yield from _one("scale.min_label", exercise.scale.min_label)
        yield from _one("scale.max_label", exercise.scale.max_label)
    for d in exercise.dimensions:
        for name in ("label", "definition", "produced", "not_produced"):
            yield from _one(f"dimensions.{d.id}.{name}", getattr(d, name))
    for item in exercise.items:
        for name in ("text", "left", "right", "response"):
            yield from _one(f"items.{item.id}.{name}", getattr(item, name))
    for box in _field(exercise, "boxes") or ():
        yield from _one(f"boxes.{box.number}.title", box.title)
        yield from _one(f"boxes.{box.number}.question", box.question)
        for sub in box.subquestions:
            yield from _one(f"boxes.{box.number}.{sub.letter}", sub.text)
    for number, text in enumerate(_field(exercise, "instructions") or (), start=1):
        yield from _one(f"instructions.{number}", text)
    for zone in _field(exercise, "zones") or ():
        yield from _one(f"zones.{zone.id}", zone.label)
    for column in _field(exercise, "columns") or ():
        yield from _one(f"columns.{column.id}", column.label)
        for option in column.options:
            yield from _one(f"columns.{column.id}.{option.id}", option.label)


def _one(path: str, text: Text | None) -> Iterator[tuple[str, Text]]:
    if text is not None:
        yield path, text


def misquoted(exercise: Exercise) -> list[str]:
    """The claimed texts (or joined pieces of them) not found in the exercise's cited lines."""
    ours = own_wording(exercise)
    elsewhere = quoted_elsewhere(exercise)
    missing = []
    for path, text in claimed(exercise):
        if any(fnmatchcase(path, pattern) for pattern in ours):
            continue
        file, lines = next(
            ((f, n) for p, f, n in elsewhere if fnmatchcase(path, p)),
            (exercise.source.file, exercise.source.lines),
        )
        seed = normalised(cited_lines(file, lines))
        for piece in JOINS.split(text.da):
            if normalised(piece) and normalised(piece) not in seed and piece.strip() not in EDITORIAL:
                missing.append(f"{exercise.id} {path}: {piece.strip()!r} not in {file} L{lines}")
    return missing


@NEEDS_SEEDS
def test_every_claimed_text_is_in_its_cited_lines(library: Library) -> None:
    problems = [problem for exercise in library.exercises.values() for problem in misquoted(exercise)]
    assert not problems, "\n".join(problems)


@NEEDS_SEEDS
def test_every_own_wording_mark_names_a_text_of_the_exercise(library: Library) -> None:
    """A mark that names no text (a typo, a renamed item) would silently exempt nothing."""
    stale = []
    for exercise in library.exercises.values():
        paths = [path for path, _ in claimed(exercise)]
        marked = own_wording(exercise) + [p for p, _, _ in quoted_elsewhere(exercise)]
        stale += [f"{exercise.id}: {p}" for p in marked if not any(fnmatchcase(q, p) for q in paths)]
    assert not stale, "\n".join(stale)


@NEEDS_SEEDS
def test_a_wrong_citation_fails(library: Library) -> None:
    """The check can fail: the same exercises cited at lines beside the right ones."""
    for exercise_id in ("resistance", "kkc-indicators", "sheet-42"):
        exercise = library.exercises[exercise_id]
        first, _, last = exercise.source.lines.partition("-")
        shifted = f"{int(last) + 1}-{int(last) + 1 + int(last) - int(first)}"
        assert misquoted(replace(exercise, source=replace(exercise.source, lines=shifted))), exercise_id


def test_the_normalising_repairs_only_the_extraction() -> None:
    seed = "Se opgaven og forstå ̊\nbehovet, fordi ingen pa ̊forhånd har grup-\npe-\ntænkning� "
    assert normalised(
        "Se opgaven og forstå behovet, fordi ingen på forhånd har gruppetænkning"
    ) in normalised(seed)
    assert normalised("ingen på bagkant") not in normalised(seed)
    assert normalised("”citat”") != normalised('"citat"')
