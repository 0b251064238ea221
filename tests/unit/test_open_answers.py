"""Open answers (issue 17): rules, session file, summary, exports and the most frequent words."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.words import frequent_words, words_of
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.export.csv import render_csv
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown

ANSWERS = {
    "a01": "Mod på at spørge om hjælp",
    "a02": "Tillid tager tid – og mod",
    "a03": "Mere mod og mere tillid i teamet",
    "a04": "Noget grimt, der skal skjules",
    "a05": "Trust takes time",
}


def answered(library: Library) -> Session:
    session = new_session(
        title="Afslutning",
        date="2026-12-02",
        exercises=[library.exercises["take-home"], library.exercises["sheet-42"]],
        participants=5,
        timestamp="2026-12-02T09:00:00+00:00",
    )
    for answer_id, text in ANSWERS.items():
        session = session.with_open("take-home", answer_id, text)
    session = session.with_open_state("take-home", ("a01", "a02", "a03"), "shown")
    return session.with_open_state("take-home", ("a04",), "hidden")


def test_stop_words_of_both_languages_are_left_out_and_case_is_folded() -> None:
    assert words_of("Og så lærte VI det med hjem, and the rest of it") == ["lærte", "hjem", "rest"]
    assert words_of("Æbler, ØL og Åer; e-mail’en x 42") == ["æbler", "øl", "åer", "e-mail'en"]


def test_the_most_frequent_words_count_answers_not_repeats_and_break_ties_alphabetically() -> None:
    texts = ["mod mod mod", "Mod og tillid", "tillid", "samarbejde"]
    assert frequent_words(texts) == (("mod", 2), ("tillid", 2))
    assert frequent_words(["ene svar med ord"]) == (("ene", 1), ("ord", 1), ("svar", 1))
    assert frequent_words([]) == ()
    assert len(frequent_words([f"ord{i} fælles" for i in range(40)], limit=3)) == 1


def test_only_the_open_answers_kind_takes_open_answers_and_ids_are_checked(library: Library) -> None:
    session = answered(library)
    with pytest.raises(ScoreError):
        session.with_open("sheet-42", "a09", "tekst")
    with pytest.raises(ScoreError):
        session.with_open("take-home", "../sti", "tekst")
    assert "a01" not in session.with_open("take-home", "a01", "").answers_for("take-home").opens
    assert session.status("take-home") == "done"  # answers are on the wall


def test_the_summary_shows_the_wall_only_what_was_put_up_and_exports_all_but_the_hidden(
    library: Library,
) -> None:
    part = build_summary(answered(library)).exercises[0].part
    assert part.__class__.__name__ == "OpenAnswersPart"
    assert [a.state for a in part.answers] == ["shown", "shown", "shown", "new"]  # type: ignore[union-attr]
    assert part.hidden == 1 and part.shown[0] == ANSWERS["a01"]  # type: ignore[union-attr]
    assert part.words[:2] == (("mod", 3), ("tillid", 2))  # type: ignore[union-attr]
    assert ("time", 1) not in part.wall_words  # type: ignore[union-attr]  # a new answer is not on the wall


def test_every_export_lists_the_answers_and_words_and_never_a_hidden_text(library: Library) -> None:
    summary = build_summary(answered(library))
    md, html, table = render_markdown(summary), render_html(summary), render_csv(summary)
    for text in (md, html, table):
        assert ANSWERS["a02"] in text and ANSWERS["a05"] in text and "grimt" not in text
    assert "Hyppigste ord" in md and "1 svar skjult af facilitatoren" in md
    assert "<ul><li>Mod på at spørge om hjælp</li>" in html
    rows = list(csv.DictReader(io.StringIO(table.lstrip("\ufeff")), delimiter=";"))
    kinds = [r for r in rows if r[next(iter(r))] in ("open", "total")]
    assert len(kinds) == 4 + 2 and kinds[0][next(iter(kinds[0]))] == "open"


def test_the_question_is_printed_once(library: Library) -> None:
    """The exercise's heading prints its question (or its prompt, when it has no question), and
    the answers' part printed it again: twice in a row in Markdown and HTML (found by hand)."""
    summary = build_summary(answered(library))
    question = "Hvad tager du med hjem fra i dag? Skriv kort – én ting pr. svar."
    assert render_markdown(summary).count(question) == 1
    assert render_html(summary).count(question) == 1


def test_open_answers_survive_their_session_file_without_a_device_s_place(
    library: Library, tmp_path: Path
) -> None:
    session = answered(library)
    path = tmp_path / "s.toml"
    save_session(session, path)
    text = path.read_text(encoding="utf-8")
    assert 'a04 = "hidden"' in text and "p1" not in text.split("[answers", 1)[1]
    loaded = load_session(path)
    assert loaded.answers_for("take-home") == session.answers_for("take-home")


def test_a_hand_edited_open_answer_table_is_reported_with_the_fix(library: Library, tmp_path: Path) -> None:
    from workshop_tui.core.storage.errors import FileProblems

    session = answered(library)
    path = tmp_path / "s.toml"
    save_session(session, path)
    text = path.read_text(encoding="utf-8").replace('a04 = "hidden"', 'a04 = "gone"\na99 = "shown"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileProblems) as error:
        load_session(path)
    message = str(error.value)
    assert "unknown state 'gone'" in message and "there is no open answer 'a99'" in message
