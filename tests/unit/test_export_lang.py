"""``workshop --lang en export`` of a Danish session writes English labels; what was written stays.

A file was written in its session's language whatever ``--lang`` said, so the export meant
for an English colleague had Danish headings (``export.commands.in_asked_language``). Without
``--lang`` the session's own language is kept (a Danish session under an English ``LANG``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.i18n import t


def _danish(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["new", "--title", "Dag på tværs", "--participants", "3", "--no-open"]) == 0
    capsys.readouterr()
    return "Dag på tværs"


def test_the_labels_follow_lang(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = _danish(capsys)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--lang", "en", "export", title, "-o", str(out), "--format", "md"]) == 0
    (written,) = out.glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert title in text  # the session's own title, as written
    assert f"**{t('export.date', 'en')}:**" in text and f"**{t('export.date', 'da')}:**" not in text


def test_without_lang_the_session_language_is_kept(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    title = _danish(capsys)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["export", title, "-o", str(tmp_path), "--format", "md"]) == 0
    (written,) = tmp_path.glob("*.md")
    assert f"**{t('export.date', 'da')}:**" in written.read_text(encoding="utf-8")


def test_the_trend_follows_lang_too(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = _danish(capsys)
    assert main(["--lang", "en", "trend", title, "-o", str(tmp_path), "--format", "md"]) == 0
    (written,) = tmp_path.glob("*.md")
    text = written.read_text(encoding="utf-8")
    assert text.startswith(f"# {t('trend.title', 'en')}") and title in text


def test_a_kept_summary_does_not_answer_another_language(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second export of an unchanged file reuses its kept summary (``core.kept_summary``),
    which is kept in the file's own language: ``--lang en`` after two Danish exports, and a
    Danish export after an English one, must still write their own labels."""
    from workshop_tui.core.storage.parsed_cache import CACHE_DIR_ENV

    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    title = _danish(capsys)
    runs = [("da", []), ("da", []), ("en", ["--lang", "en"]), ("da", []), ("en", ["--lang", "en"])]
    for i, (lang, flags) in enumerate(runs):
        out = tmp_path / f"out{i}"
        out.mkdir()
        assert main([*flags, "export", title, "-o", str(out), "--format", "md"]) == 0
        (written,) = out.glob("*.md")
        other = "da" if lang == "en" else "en"
        text = written.read_text(encoding="utf-8")
        assert f"**{t('export.date', lang)}:**" in text, (i, lang)
        assert f"**{t('export.date', other)}:**" not in text, (i, lang)
    kept = sorted((tmp_path / "cache" / "summary").glob("*.summary"))
    assert len(kept) == 2, kept  # the Danish edition and the English one, each kept apart


def test_the_trend_says_the_library_texts_in_the_asked_language_as_the_export_does(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """explore21: ``--lang en trend`` of the Danish demo had English labels around Danish
    exercise titles and items ("Kurs, koordinering og commitment" under "Dimensions"), while
    ``--lang en export`` of the same session says "Direction, alignment and commitment": the
    trend read each session's summary in the session's own language."""
    from workshop_tui.core.storage.sessions import copy_demo

    copy_demo(timestamp="2026-10-14T15:10:00+00:00")
    assert (
        main(
            ["--lang", "en", "trend", "Ledelse på tværs – opfølgning tre måneder efter", "-o", str(tmp_path)]
        )
        == 0
    )
    capsys.readouterr()
    (written,) = tmp_path.glob("*.html")
    text = written.read_text(encoding="utf-8")
    assert "Direction, alignment and commitment" in text
    assert "Kurs, koordinering og commitment" not in text
    assert "People express considerable passion and motivation for the work." in text
    assert "Ledelse på tværs – opfølgning tre måneder efter" in text  # a title stays as written
