"""The string catalogue: both languages have every key the code uses, and nothing else.

The code is read, not run: every ``t("…")`` key and every string constant that looks like
a catalogue key must exist in ``da.toml`` and ``en.toml``; a key the code builds
(``t(f"tui.status.{status}", …)``) must have its prefix declared in its shell's ``DYNAMIC_KEYS``; and a
key in the catalogue that no code names is dead wording. ``page.js`` is read for the
phone page's keys, and the model's refusal codes for ``refusal.*``.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import workshop_tui
from workshop_tui.core import i18n
from workshop_tui.core.i18n import _CHOICE, LANGUAGES, SOURCE_KEYED, MissingText, catalogue, t
from workshop_tui.core.model import KINDS

PACKAGE = Path(workshop_tui.__file__).parent


def _dynamic_keys_by_module() -> dict[str, dict[str, tuple[str, ...]]]:
    """Each module's ``DYNAMIC_KEYS``: every shell declares the keys it builds (none in the core)."""
    found = {}
    for info in pkgutil.walk_packages(workshop_tui.__path__, "workshop_tui."):
        if info.name.endswith("__main__"):
            continue
        declared = importlib.import_module(info.name).__dict__.get("DYNAMIC_KEYS")
        if isinstance(declared, dict):
            found[info.name] = declared
    return found


DYNAMIC_BY_MODULE = _dynamic_keys_by_module()
DYNAMIC_KEYS = {prefix: ends for declared in DYNAMIC_BY_MODULE.values() for prefix, ends in declared.items()}
SHELL_OF = {
    "tui": "workshop_tui.tui",
    "export": "workshop_tui.export",
    "cli": "workshop_tui.cli",
    "phone": "workshop_tui.voting",
    "series": "workshop_tui.export",  # the follow-up's words: the export declares the ones it builds
    "trend": "workshop_tui.export",  # the trend's words: the export builds the review counts' keys
}
SECTIONS = sorted({key.split(".", 1)[0] for key in catalogue("da")})
KEYLIKE = re.compile(rf"^(?:{'|'.join(SECTIONS)})\.[\w.]+$")

DIFFERENT_PLACEHOLDERS = {
    # key -> the placeholders only English uses, and why.
    "refusal.too_long": {"what"},  # the model names the field in English ("a note"); Danish says "en tekst"
}


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _static_prefix(node: ast.expr) -> str | None:
    """The constant start of a built key: f"tui.status.{x}" or "kind." + x."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.left, ast.Constant)
        and isinstance(node.left.value, str)
    ):
        return node.left.value
    return None


def _names_keys_only(node: ast.expr) -> bool:
    """A tooltip that is a catalogue key (``f"tui.help.key.{…}" if … else ""``), not words."""
    if isinstance(node, ast.IfExp):
        return _names_keys_only(node.body) and _names_keys_only(node.orelse)
    if isinstance(node, ast.Constant):
        return node.value == "" or bool(KEYLIKE.match(str(node.value)))
    prefix = _static_prefix(node)
    return prefix is not None and prefix.startswith("tui.")


def _keys_in(node: ast.expr) -> list[str]:
    """The constant keys an argument can be (``"a" if x else "b"`` is both)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _keys_in(node.body) + _keys_in(node.orelse)
    return []


class _Scan:
    """What the package's code says about keys."""

    def __init__(self) -> None:
        self.constants: set[str] = set()
        self.called: dict[str, str] = {}  # key -> where
        self.built: dict[str, str] = {}  # static prefix -> where
        self.refusals: set[str] = set()
        self.binding_ids: set[str] = set()
        self.command_ids: set[str] = set()  # tui.commands: Command("<id>", keys, action, …)
        refusal_classes = {"Refused", "Missing", "ScoreError", "TextTooLong"}
        for path, tree in _modules():
            where = str(path.relative_to(PACKAGE.parent))
            voting = "voting" in path.parts
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    self.constants.add(node.value)
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = _called(node)
                if name == "t":
                    for key in _keys_in(node.args[0]):
                        self.called[key] = f"{where}:{node.lineno}"
                    prefix = _static_prefix(node.args[0])
                    if prefix is not None:
                        self.built[prefix] = f"{where}:{node.lineno}"
                elif name in ("find", "section"):
                    prefix = _static_prefix(node.args[0]) or next(iter(_keys_in(node.args[0])), None)
                    if prefix is not None:
                        self.built[prefix] = f"{where}:{node.lineno}"
                elif name in refusal_classes and not voting:
                    self.refusals.update(_keys_in(node.args[0]))
                elif name == "Command":
                    self.command_ids.update(_keys_in(node.args[0]))
                if name == "Binding":
                    for keyword in node.keywords:
                        if keyword.arg == "id":
                            self.binding_ids.update(_keys_in(keyword.value))
        self.refusals.add("too_long")  # TextTooLong's own code, given in its __init__

    def expansions(self) -> dict[str, set[str]]:
        """Every built prefix -> the endings it can take."""
        out = {prefix: set(endings) for prefix, endings in DYNAMIC_KEYS.items()}
        out["refusal."] = set(self.refusals)
        out["kind."] = set(KINDS)
        out["tui.key."] = self.binding_ids | self.command_ids
        out["tui.help.key."] = set(self.command_ids)
        return out


@pytest.fixture(scope="module")
def scan() -> _Scan:
    return _Scan()


def _phone_keys() -> set[str]:
    script = (PACKAGE / "voting" / "page.js").read_text(encoding="utf-8")
    keys = {f"phone.{name}" for name in re.findall(r"\bS\.(\w+)", script)}
    # write.js and its parts (write-*.js: a group's fields, open answers) read their texts as
    # W.name = phone.write.name.
    parts = sorted((PACKAGE / "voting").glob("write*.js"))
    assert len(parts) > 1, "write.js and its parts"
    writing = "\n".join(part.read_text(encoding="utf-8") for part in parts)
    keys |= {f"phone.{name}" for name in re.findall(r"\bS\.(\w+)", writing)}
    return keys | {f"phone.write.{name}" for name in re.findall(r"\bW\.(\w+)", writing)}


def test_both_languages_have_the_same_keys() -> None:
    da, en = catalogue("da"), catalogue("en")
    assert sorted(set(da) - set(en)) == [], "keys only in da.toml"
    assert sorted(set(en) - set(da)) == [], "keys only in en.toml"


def test_no_text_is_blank_in_one_language_only() -> None:
    da, en = catalogue("da"), catalogue("en")
    assert [k for k in da if bool(da[k].strip()) != bool(en[k].strip())] == []


def _placeholders(text: str) -> set[str]:
    # A plural choice ``{n|one|other}`` names ``n``; its forms may name placeholders too.
    text = _CHOICE.sub(lambda m: f"{{{m[1]}}} {m[2]} {m[3]}", text)
    found = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}
    return found | set(re.findall(r"%\((\w+)\)", text)) | ({"%s"} if "%s" in text or "%r" in text else set())


def test_placeholders_agree_between_the_languages() -> None:
    da, en = catalogue("da"), catalogue("en")
    wrong = {}
    for key in da:
        allowed = DIFFERENT_PLACEHOLDERS.get(key, set())
        if _placeholders(da[key]) ^ _placeholders(en[key]) - allowed:
            wrong[key] = (sorted(_placeholders(da[key])), sorted(_placeholders(en[key])))
    assert wrong == {}


def test_every_key_the_code_names_exists(scan: _Scan) -> None:
    known = catalogue("da")
    missing = {key: where for key, where in scan.called.items() if key not in known}
    assert missing == {}, "t() is called with keys the catalogue does not have"
    named = {c for c in scan.constants if KEYLIKE.match(c) and not c.endswith(".")}
    prefixes = tuple(scan.expansions()) + SOURCE_KEYED
    stray = sorted(c for c in named if c not in known and not c.startswith(prefixes))
    assert stray == [], "string constants that look like catalogue keys but are not in it"


def test_every_built_key_is_declared_and_exists(scan: _Scan) -> None:
    expansions = scan.expansions()
    undeclared = {p: w for p, w in scan.built.items() if p not in expansions and p not in SOURCE_KEYED}
    undeclared.pop("phone.", None)  # the phone page's whole section (read from page.js below)
    assert undeclared == {}, "declare these prefixes and their endings in the shell's DYNAMIC_KEYS"
    for lang in LANGUAGES:
        known = catalogue(lang)
        absent = sorted(p + e for p, endings in expansions.items() for e in endings if p + e not in known)
        assert absent == [], f"built keys missing in {lang}.toml"


def test_every_key_in_the_catalogue_is_used(scan: _Scan) -> None:
    used = {c for c in scan.constants if c in catalogue("da")} | _phone_keys()
    for prefix, endings in scan.expansions().items():
        used |= {prefix + ending for ending in endings}
    unused = sorted(k for k in catalogue("da") if k not in used and not k.startswith(SOURCE_KEYED))
    assert unused == [], "keys no code names: remove them, or declare how the code builds them"


def test_the_phone_page_has_every_text_it_reads() -> None:
    known = catalogue("en")
    assert sorted(k for k in _phone_keys() if k not in known) == []


def test_a_missing_key_fails_loudly_in_tests_and_shows_a_marker_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(MissingText, match="no.such.key"):
        t("no.such.key", "da")
    with pytest.raises(KeyError):
        t("tui.home.broken_hint", "da", wrong="x")  # the text wants {problem}
    monkeypatch.delenv(i18n.STRICT_ENV)
    assert t("no.such.key", "en") == "⟦no.such.key⟧"
    assert (
        t("tui.home.broken_hint", "en", wrong="x")
        == "The file cannot be opened: {problem} ⟦tui.home.broken_hint⟧"
    )
    assert t("tui.home.title", "en") == "Sessions" and t("tui.home.title", "xx") == "Sessioner"


def test_the_suite_runs_strict() -> None:
    assert os.environ.get(i18n.STRICT_ENV) == "1", "tests/conftest.py turns strict texts on"


def test_only_the_language_in_use_is_parsed() -> None:
    catalogue.cache_clear()
    t("tui.home.title", "da")
    assert catalogue.cache_info().currsize == 1


def test_each_shell_declares_the_keys_it_builds_and_the_core_none() -> None:
    assert not [m for m in DYNAMIC_BY_MODULE if m.startswith("workshop_tui.core")]
    for module, declared in DYNAMIC_BY_MODULE.items():
        for prefix in declared:
            assert module.startswith(SHELL_OF[prefix.split(".")[0]]), (module, prefix)
    assert len(DYNAMIC_KEYS) == sum(len(d) for d in DYNAMIC_BY_MODULE.values())  # no prefix twice


def test_declared_endings_are_the_values_the_code_builds_from() -> None:
    from typing import get_args

    from workshop_tui.core.model.answers import Mode
    from workshop_tui.core.model.session import Status
    from workshop_tui.core.results.rules import Change
    from workshop_tui.export.csv import COLUMNS

    assert set(DYNAMIC_KEYS["tui.status."]) == set(get_args(Status))
    assert set(DYNAMIC_KEYS["export.csv."]) == set(COLUMNS)
    assert set(DYNAMIC_KEYS["export.cmp."]) == set(get_args(Change)) - {"same"}
    modes = ("export.mode.", "export.mode.other.", "tui.mode.name.", "tui.grid.mode.", "tui.grid.counted.")
    for prefix in modes:
        assert set(DYNAMIC_KEYS[prefix]) == set(get_args(Mode)), prefix


def test_our_bindings_carry_no_words_of_their_own() -> None:
    """A binding with an id gets its description and tooltip from the catalogue, in the UI language.

    Its own description is its key (``tui.key.<id>``): Textual hides a binding without one; a
    tooltip, if any, is a key too (a command's F1 text, ``tui.help.key.<id>``).
    """
    worded = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) == "Binding":
                keywords = {k.arg: k.value for k in node.keywords}
                if "id" not in keywords:
                    continue
                # Textual hides a binding without a description, so it names its catalogue key
                # (a constant, or f"tui.key.{…}" where the id is a variable).
                description = node.args[2] if len(node.args) > 2 else keywords.get("description")
                idents = _keys_in(keywords["id"])
                if idents:
                    named = description is not None and _keys_in(description) == [f"tui.key.{idents[0]}"]
                else:
                    named = description is not None and _static_prefix(description) == "tui.key."
                tooltip = keywords.get("tooltip")
                if not named or (tooltip is not None and not _names_keys_only(tooltip)):
                    worded.append(f"{path.name}:{node.lineno}")
    assert worded == []


def test_the_catalogue_is_parsed_once_per_version_of_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flattened catalogue is kept beside it: the next start loads it without tomllib, and an
    edited file (or a cache that cannot be read or written) is parsed again."""
    import tomllib

    source, cache = tmp_path / "da.toml", tmp_path / "cache"
    source.write_text('[a]\nb = "første"\n[a.c]\nd = "anden"\n', encoding="utf-8")
    first = i18n.load_catalogue(source, cache)
    assert first == {"a.b": "første", "a.c.d": "anden"}
    assert len(list(cache.glob("da.catalogue-*.marshal"))) == 1

    def refuse(text: str) -> object:
        raise AssertionError("parsed again")

    with monkeypatch.context() as patched:
        patched.setattr(tomllib, "loads", refuse)
        assert i18n.load_catalogue(source, cache) == first

    source.write_text('[a]\nb = "ændret"\n', encoding="utf-8")
    assert i18n.load_catalogue(source, cache) == {"a.b": "ændret"}
    assert len(list(cache.glob("da.catalogue-*.marshal"))) == 1  # the old copy is gone

    next(cache.glob("*.marshal")).write_bytes(b"\x00damaged")
    assert i18n.load_catalogue(source, cache) == {"a.b": "ændret"}
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert i18n.load_catalogue(source, blocked) == {"a.b": "ændret"}


def test_the_packaged_catalogue_reads_the_same_through_its_cache() -> None:
    import tomllib

    from workshop_tui.core.i18n import reading

    for lang in LANGUAGES:
        source = Path(i18n.__file__).with_name(f"{lang}.toml")
        flat: dict[str, str] = {}
        reading._flatten(tomllib.loads(source.read_text(encoding="utf-8")), "", flat)
        assert catalogue(lang) == flat
