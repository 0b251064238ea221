"""The CSS rules kept between runs (``tui/css_rules.py``) are Textual's own; a second start parses none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
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
