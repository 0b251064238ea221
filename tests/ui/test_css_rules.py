"""The CSS rules kept between runs (``tui/css_rules.py``) are Textual's own; a second start parses none."""

from __future__ import annotations

import errno
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.css import stylesheet as textual_stylesheet
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from tests.ui.conftest import SIZE, app_for
from workshop_tui.core.storage.sessions import copy_demo
from workshop_tui.tui import css_rules
from workshop_tui.tui.css_rules import KeptStylesheet, save_all

TEXTUAL_PARSE = textual_stylesheet.parse


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache of its own (and no store of an earlier test in this process)."""
    folder = tmp_path / "css-rules"
    monkeypatch.setattr(css_rules, "CACHE_DIR", folder)
    monkeypatch.setattr(css_rules, "_stores", {})
    yield folder


def _described(rules: list[RuleSet]) -> list[tuple[Any, ...]]:
    """What a rule set is to Textual: its selectors, its declarations, origin and priority."""
    return [
        (
            repr(rule.selector_set),
            {name: repr(value) for name, value in rule.styles.get_rules().items()},  # a layout has no ==
            sorted(rule.selector_names),
            rule.is_default_rules,
            rule.tie_breaker,
            rule.pseudo_classes,
        )
        for rule in rules
    ]


async def _open_demo(data_dir: Path, counts: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> Stylesheet:
    """Open a fresh demo and go to its next exercise; count Textual's parses of CSS text in ``counts``."""
    parse = TEXTUAL_PARSE

    def counted(*args: Any, **kwargs: Any) -> Any:
        counts["parsed"] = counts.get("parsed", 0) + 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", counted)
    app = app_for(copy_demo(data_dir / f"sessions-{id(counts)}"))  # each start on the same exercise
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        stylesheet = app.stylesheet
    return stylesheet


async def test_a_second_start_parses_no_css_and_gets_the_same_rules(
    cache_dir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first: dict[str, int] = {}
    made = await _open_demo(data_dir, first, monkeypatch)
    assert isinstance(made, KeptStylesheet)
    save_all()
    assert first["parsed"] > 10 and list(cache_dir.glob("*.pickle")), first
    monkeypatch.setattr(css_rules, "_stores", {})  # a new process: only the file is left
    second: dict[str, int] = {}
    kept = await _open_demo(data_dir, second, monkeypatch)
    assert second.get("parsed", 0) == 0, second
    assert _described(kept.rules) == _described(made.rules)
    # and what Textual itself makes of the same sources, parsed now
    fresh = Stylesheet(variables=dict(kept._theme_variables))
    for read_from, (css, is_defaults, tie_breaker, scope) in kept.source.items():
        fresh.add_source(
            css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope
        )
    assert _described(fresh.rules) == _described(kept.rules)


async def test_a_damaged_cache_is_parsed_past(
    cache_dir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that is not the cache (cut short, another shape) is no error: the CSS is parsed as before."""
    stored: dict[str, int] = {}
    await _open_demo(data_dir, stored, monkeypatch)
    save_all()
    for kept in cache_dir.glob("*.pickle"):
        kept.write_bytes(kept.read_bytes()[:200])
    monkeypatch.setattr(css_rules, "_stores", {})
    again: dict[str, int] = {}
    stylesheet = await _open_demo(data_dir, again, monkeypatch)
    assert again["parsed"] == stored["parsed"]
    assert stylesheet.rules
    save_all()  # written whole again
    monkeypatch.setattr(css_rules, "_stores", {})
    third: dict[str, int] = {}
    await _open_demo(data_dir, third, monkeypatch)
    assert third.get("parsed", 0) == 0


def test_the_rules_are_kept_per_theme_and_source(cache_dir: Path) -> None:
    """Another set of theme variables is another file (so a theme's colours never serve another)."""
    dark = css_rules.store_for({"primary": "#004578"})
    light = css_rules.store_for({"primary": "#0178D4"})
    key: css_rules.Key = ("Screen { color: $primary; }", ("app.tcss", ""), False, 0, "")
    assert dark.path(key) != light.path(key)
    assert dark.path(key) != dark.path((*key[:4], "Screen"))
    assert css_rules.store_for({"primary": "#004578"}) is dark


PROBE = "Probe { color: rgb(255, 0, 0); }"
"""A source whose rules hold a number its text does not: the red of the colour (255, pickled as K\\xff)."""


def _probe_rules() -> list[RuleSet]:
    """The rules of ``PROBE`` through the kept stylesheet (from the cache when it has them)."""
    sheet = KeptStylesheet()
    sheet.add_source(PROBE, read_from=("probe.tcss", ""))
    sheet.parse()
    return sheet.rules


def test_a_changed_cache_file_is_not_trusted_and_is_written_again(cache_dir: Path) -> None:
    """A kept file changed on disk may still load, with other rules in it: its seal says it changed."""
    made = _probe_rules()
    assert made[0].styles.get_rules()["color"] == Color(255, 0, 0)
    save_all()
    [kept] = cache_dir.glob("*.pickle")
    whole = kept.read_bytes()
    assert whole.count(b"K\xff") == 1
    kept.write_bytes(whole.replace(b"K\xff", b"K\xfe"))  # still a pickle: another red
    css_rules._stores.clear()  # a new process: only the file is left
    again = _probe_rules()
    assert again[0].styles.get_rules()["color"] == Color(255, 0, 0), "the changed file was used"
    save_all()
    assert kept.read_bytes() == whole, "written again, whole"


def test_a_file_made_with_another_textual_or_python_is_not_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key: css_rules.Key = ("Screen { color: red; }", ("app.tcss", ""), False, 0, "")
    store = css_rules.store_for({})
    store.put(key, [RuleSet()])
    store.save()
    kept = store.path(key)
    monkeypatch.setattr(css_rules, "_stamp", [("app.py", 1, 2)])  # another Textual
    other_textual = css_rules.store_for({})
    with monkeypatch.context() as other:
        other.setattr(sys.implementation, "cache_tag", "cpython-399")
        other_python = css_rules.store_for({})
    for other_store in (other_textual, other_python):
        assert other_store.stamp != store.stamp and other_store.path(key) != kept
        shutil.copyfile(kept, other_store.path(key))  # even under its name
        assert other_store.get(key) is None


async def test_old_stamps_and_files_are_pruned_but_never_those_in_use(
    cache_dir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir.mkdir()
    old = [cache_dir / f"{n:08x}-00000000.pickle" for n in range(6)]
    for age, path in enumerate(old, start=1):
        path.write_bytes(b"left by another Textual")
        os.utime(path, (time.time() - 3600 * age, time.time() - 3600 * age))
    await _open_demo(data_dir, {}, monkeypatch)
    save_all()
    left = {path.name for path in cache_dir.iterdir()}
    used = {path.name for store in css_rules._stores.values() for path in store.used}
    assert len(used) > 10 and used <= left
    assert left - used == {path.name for path in old[: css_rules.KEEP_STAMPS - 1]}, "the newest stamps"
    monkeypatch.setattr(css_rules, "KEEP_FILES", 5)
    monkeypatch.setattr(css_rules, "_stores", {})
    (cache_dir / sorted(used)[0]).unlink()  # a run prunes when it writes: this one parses a source again
    (cache_dir / "00000000-00000001.pickle").write_bytes(b"a source no screen of this run used")
    await _open_demo(data_dir, {}, monkeypatch)
    save_all()
    left = {path.name for path in cache_dir.iterdir()}
    used = {path.name for store in css_rules._stores.values() for path in store.used}
    assert len(used) > 10 and left == used, "beyond the bound, only what this run used is kept"


async def test_a_read_only_install_parses_as_without_a_cache(
    cache_dir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package's folder cannot be written (an install owned by root): nothing is kept, nothing fails."""
    write_bytes, mkdir = Path.write_bytes, Path.mkdir

    def refused(method: Any) -> Any:
        def where(path: Path, *args: Any, **kwargs: Any) -> Any:
            if path.is_relative_to(cache_dir):
                raise OSError(errno.EROFS, "Read-only file system")
            return method(path, *args, **kwargs)

        return where

    monkeypatch.setattr(Path, "write_bytes", refused(write_bytes))
    monkeypatch.setattr(Path, "mkdir", refused(mkdir))
    counts: dict[str, int] = {}
    stylesheet = await _open_demo(data_dir, counts, monkeypatch)
    save_all()
    assert counts["parsed"] > 10 and stylesheet.rules
    assert not list(cache_dir.glob("*.pickle"))
