"""No import circles anywhere in the package: its modules form a tree-like graph a reader can follow.

The graph is built by grimp (import-linter's engine) from every import statement,
including those under ``TYPE_CHECKING`` and inside functions: a circle hidden in a
type-only or a late import is still a circle to a reader, and the next refactoring
turns it into an import error. A circle is a strongly connected component of more than
one module.
"""

from __future__ import annotations

import grimp

PACKAGE = "workshop_tui"


def circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The graph's strongly connected components of more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(graph.find_modules_directly_imported_by(root)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop()
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(graph.find_modules_directly_imported_by(nxt))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_package_has_no_import_circle() -> None:
    graph = grimp.build_graph(PACKAGE, cache_dir=None)
    assert len(graph.modules) > 100  # the whole package was read
    assert "workshop_tui.tui.screens.session" in graph.modules
    found = circles(graph)
    assert not found, "\n".join(" -> ".join(component) for component in found)


def test_the_check_finds_a_circle_and_only_a_circle() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (
        ("pkg.app", "pkg.screen"),
        ("pkg.screen", "pkg.base"),
        ("pkg.base", "pkg.app"),  # app -> screen -> base -> app
        ("pkg.screen", "pkg.widget"),
        ("pkg.widget", "pkg.leaf"),
        ("pkg.other", "pkg.leaf"),
    ):
        graph.add_import(importer=importer, imported=imported)
    assert circles(graph) == [["pkg.app", "pkg.base", "pkg.screen"]]
    graph.remove_import(importer="pkg.base", imported="pkg.app")
    assert circles(graph) == []
