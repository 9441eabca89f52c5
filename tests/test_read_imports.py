"""reconcile.read has no import circle: each module imports only modules that run before it.

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
