"""Count, per module, the kind names written in code and the comparisons of a kind.

The issue measures how spread a kind is by the modules that name it; a grep for
``"scale"`` or ``"table"`` also finds TOML keys and widget ids, so this reads the
code instead: a *named kind* is a string constant equal to a kind, outside docstrings,
and a *kind check* is a comparison (``==``, ``!=``, ``in``) of ``….kind`` or ``kind``
with a kind or a set of kinds (``VOTE_KINDS``; not ``KINDS``, which is every kind).
``page.js`` is counted by a plain search for quoted kinds and for kinds written as an
object's keys (``rating_grid: RATING``, as its old table of controls did).

Usage: ``python scripts/kind_names.py [--list]``
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workshop_tui"


def kinds() -> tuple[str, ...]:
    """The kinds of the ``Kind`` type, read from its source (no import needed)."""
    source = (PACKAGE / "core" / "model" / "exercise.py").read_text(encoding="utf-8")
    body = source.split("Kind = Literal[", 1)[1].split("]", 1)[0]
    return tuple(re.findall(r'"(\w+)"', body))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _is_kind(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "kind") or (
        isinstance(node, ast.Name) and node.id == "kind"
    )


def _names_kinds(node: ast.AST, names: tuple[str, ...]) -> bool:
    """Whether the other side of a comparison is a kind or a set of kinds (``"table"``, ``VOTE_KINDS``)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and sub.value in names:
            return True
        name = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else ""
        if name.endswith("KINDS") and name != "KINDS":
            return True
    return False


def scan(path: Path, names: tuple[str, ...]) -> tuple[set[str], int]:
    """(the kinds the module names in code, how many kind checks it makes)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    named = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in names and id(node) not in skip
    }
    checks = sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Compare)
        and any(isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn) for op in node.ops)
        and (_is_kind(node.left) or any(_is_kind(c) for c in node.comparators))
        and any(_names_kinds(side, names) for side in (node.left, *node.comparators) if not _is_kind(side))
    )
    return named, checks


def main(argv: list[str]) -> int:
    names = kinds()
    per_kind = dict.fromkeys(names, 0)
    naming = checking = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        named, checks = scan(path, names)
        for kind in named:
            per_kind[kind] += 1
        naming += bool(named)
        checking += bool(checks)
        if "--list" in argv and (named or checks):
            print(f"{path.relative_to(ROOT)}: names {len(named)}, checks {checks}")
    for js in PACKAGE.rglob("*.js"):
        text = js.read_text(encoding="utf-8")
        named_js = {
            k
            for k in names
            if f'"{k}"' in text or f"'{k}'" in text or re.search(rf"^\s*{k}:", text, re.MULTILINE)
        }
        for kind in named_js:
            per_kind[kind] += 1
        naming += bool(named_js)
        if "--list" in argv and named_js:
            print(f"{js.relative_to(ROOT)}: names {len(named_js)}")
    print(f"modules naming a kind: {naming}; modules checking a kind: {checking}")
    for kind, count in per_kind.items():
        print(f"  {kind}: {count} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
