"""The whole room's group is stored as a code, not as "Hele rummet", and named on display."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.model import Group
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.migrations import SCHEMA_VERSION
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.export.markdown import render_markdown


def test_a_session_without_groups_stores_no_words_for_the_room(library: Library, tmp_path: Path) -> None:
    for language in ("da", "en"):
        session = new_session(
            title="Hele huset",
            date="2026-11-23",
            exercises=[library.exercises["sheet-42"]],
            participants=3,
            language=language,
        )
        path = tmp_path / f"{language}.toml"
        save_session(session, path)
        text = path.read_text(encoding="utf-8")
        assert "Hele rummet" not in text and "Whole room" not in text
        assert [(g.id, g.name) for g in load_session(path).groups] == [("g1", Group.WHOLE_ROOM)]
        assert [g.label("da") for g in session.groups] == ["Hele rummet"]
        assert [g.label("en") for g in session.groups] == ["Whole room"]


def test_a_named_group_is_shown_by_its_name_in_both_languages() -> None:
    group = Group(id="g2", name="Bord 2")
    assert group.label("da") == group.label("en") == "Bord 2"


def test_the_export_names_the_room_in_the_sessions_language(library: Library) -> None:
    for language, words in (("da", "Hele rummet"), ("en", "Whole room")):
        session = new_session(
            title="Hele huset",
            date="2026-11-23",
            exercises=[library.exercises["sheet-42"]],
            participants=3,
            language=language,
        )
        summary = build_summary(session)
        assert summary.groups == (words,)
        assert words in render_markdown(summary)


def test_a_schema_1_file_with_the_rooms_words_is_migrated_to_the_code(
    library: Library, tmp_path: Path
) -> None:
    session = new_session(
        title="Gammel fil", date="2026-11-23", exercises=[library.exercises["sheet-42"]], participants=2
    )
    path = tmp_path / "old.toml"
    save_session(session, path)
    text = path.read_text(encoding="utf-8")
    assert f"schema_version = {SCHEMA_VERSION}" in text and 'name = ""' in text
    for words in ("Hele rummet", "Whole room"):
        old = text.replace(f"schema_version = {SCHEMA_VERSION}", "schema_version = 1").replace(
            'name = ""', f'name = "{words}"'
        )
        path.write_text(old, encoding="utf-8")
        loaded = load_session(path)
        assert [(g.id, g.name) for g in loaded.groups] == [("g1", Group.WHOLE_ROOM)]
        assert loaded.groups[0].label("en") == "Whole room"


def test_the_migration_keeps_every_name_a_facilitator_gave() -> None:
    from workshop_tui.core.storage.migrations import migrate

    data = {
        "schema_version": 1,
        "groups": [{"id": "g1", "name": "Bord 1"}, {"id": "g2", "name": "Hele rummet"}],
    }
    migrated, version = migrate(data)
    assert version == 1 and migrated["schema_version"] == SCHEMA_VERSION
    assert migrated["groups"] == [{"id": "g1", "name": "Bord 1"}, {"id": "g2", "name": "Hele rummet"}]
    data = {
        "schema_version": 1,
        "groups": [{"id": "g1", "name": "Whole room"}, {"id": "g2", "name": "Bord 2"}],
    }
    assert migrate(data)[0]["groups"] == [{"id": "g1", "name": ""}, {"id": "g2", "name": "Bord 2"}]
