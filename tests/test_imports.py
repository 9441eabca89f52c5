"""reconcile has no import circle: no module imports one that imports it back, however far round.

Every ``import`` counts, those inside functions too (a circle hidden in a function still ties
the modules together). Records (reconcile.model) import nothing of reconcile; the catalogue
(reconcile.codes) renders them.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"


def _module(path: Path, package: Path = PACKAGE) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str], package: Path = PACKAGE) -> set[str]:
    """The modules of reconcile that ``path`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in modules)
    return found - {_module(path, package)}


def _graph(package: Path) -> dict[str, set[str]]:
    paths = sorted(package.rglob("*.py"))
    modules = {_module(path, package) for path in paths}
    return {_module(path, package): _imports(path, modules, package) for path in paths}


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


def test_an_import_inside_a_function_counts(tmp_path: Path) -> None:
    package = tmp_path / "reconcile"
    package.mkdir()
    (package / "model.py").write_text("def message():\n    from reconcile.codes import x\n")
    (package / "codes.py").write_text("from reconcile import model\n")
    assert _circle(_graph(package)) == ["reconcile.codes", "reconcile.model", "reconcile.codes"]


def test_no_module_of_reconcile_imports_one_that_imports_it_back() -> None:
    graph = _graph(PACKAGE)
    assert len(graph) > 50 and "reconcile.read.preflight" in graph
    assert _circle(graph) is None


def test_the_records_import_nothing_of_reconcile() -> None:
    graph = _graph(PACKAGE)
    assert graph["reconcile.model"] == set()
    assert graph["reconcile.errors"] == set()
    assert graph["reconcile.i18n"] == set()  # the languages: below everything that speaks
