"""reconcile.read has no import circle: each module imports only modules of its own stage or an
earlier one, and its name says its stage (bytes checked, cells read, table found, lines made).

Every ``import`` counts, those inside functions too (a circle hidden in a function still ties
the modules together). The order a file goes through them is in the README's maintainers' map.
"""

from __future__ import annotations

import ast
from pathlib import Path

READ = Path(__file__).resolve().parent.parent / "reconcile" / "read"


def _module(path: Path) -> str:
    return "reconcile.read" if path.stem == "__init__" else f"reconcile.read.{path.stem}"


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of reconcile.read that ``path`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in modules)
    return found - {_module(path)}


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of ``graph`` (its modules in order, the first again at the end), or None."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str] | None:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return None
        for target in sorted(graph[module]):
            circle = visit(target, [*path, module])
            if circle:
                return circle
        done.add(module)
        return None

    for module in sorted(graph):
        circle = visit(module, [])
        if circle:
            return circle
    return None


# Each module of reconcile.read and the stage it runs in (the README's maintainers' map).
STAGES = {
    "reconcile.read.cells": 0,  # Grid and A1 names: the leaf every stage uses
    "reconcile.read.check_bytes": 1,
    "reconcile.read.read_cells": 2,
    "reconcile.read.read_cells_calamine": 2,
    "reconcile.read.read_cells_csv": 2,
    "reconcile.read.read_cells_xlsx": 2,
    "reconcile.read.find_table": 3,
    "reconcile.read.layouts": 4,  # a table family's header found, and its rows read
    "reconcile.read.make_lines": 4,
    "reconcile.read.make_layout_lines": 4,
    "reconcile.read": 5,  # read_file runs the stages
    "reconcile.read.draft": 5,  # `reconcile layouts draft`, beside the stages
}


def test_each_module_imports_only_its_own_or_earlier_stages() -> None:
    paths = sorted(READ.glob("*.py"))
    assert sorted(STAGES) == sorted(_module(path) for path in paths)
    later = {
        (_module(path), imported)
        for path in paths
        for imported in _imports(path, set(STAGES))
        if STAGES[imported] > STAGES[_module(path)]
    }
    assert later == set()


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circle(graph) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set()}) is None


def test_no_module_of_read_imports_one_that_imports_it_back() -> None:
    paths = sorted(READ.glob("*.py"))
    modules = {_module(path) for path in paths}
    graph = {_module(path): _imports(path, modules) for path in paths}
    assert _circle(graph) is None


def test_read_imports_nothing_of_validate() -> None:
    """Reading records what it found (totals rows, stands); validate checks it, and may
    import read's records, never the other way round."""
    validate = READ.parent / "validate"
    later = {"reconcile.validate", *(f"reconcile.validate.{p.stem}" for p in validate.glob("*.py"))}
    assert "reconcile.validate.totals" in later
    assert {path.name: _imports(path, later) for path in sorted(READ.glob("*.py"))} == {
        path.name: set() for path in sorted(READ.glob("*.py"))
    }
