"""Draw the package's architecture from its imports (grimp, installed with import-linter).

Prints, for each layer of ``workshop_tui`` (the core's packages and the shells), the other
layers it imports, and the number of modules in each. ``docs/architecture.md`` holds its
output; run ``python scripts/import_tree.py`` to check the drawing against the code.
"""

from __future__ import annotations

import grimp

LAYERS = (
    "workshop_tui.core.model",
    "workshop_tui.core.kinds",
    "workshop_tui.core.results",
    "workshop_tui.core.storage",
    "workshop_tui.core.i18n",
    "workshop_tui.core",
    "workshop_tui.export",
    "workshop_tui.voting",
    "workshop_tui.tui",
    "workshop_tui.cli",
    "workshop_tui",
)


def layer_of(module: str) -> str:
    """The most specific layer a module belongs to."""
    for layer in LAYERS:
        if module == layer or module.startswith(layer + "."):
            return layer
    return "workshop_tui"


def short(layer: str) -> str:
    """``workshop_tui.core.model`` -> ``core.model`` (the package itself stays as it is)."""
    return layer.removeprefix("workshop_tui.") if layer != "workshop_tui" else "workshop_tui"


def main() -> None:
    graph = grimp.build_graph("workshop_tui")
    members: dict[str, int] = {}
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        source = layer_of(module)
        members[source] = members.get(source, 0) + 1
        for imported in graph.find_modules_directly_imported_by(module):
            target = layer_of(imported)
            if target != source:
                edges.setdefault(source, set()).add(target)
    for layer in LAYERS:
        targets = ", ".join(sorted(short(t) for t in edges.get(layer, set()))) or "—"
        print(f"{short(layer):<16} {members.get(layer, 0):>3} modules  imports: {targets}")


if __name__ == "__main__":
    main()
