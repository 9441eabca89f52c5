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
    assert len(graph) > 50 and "reconcile.read.check_bytes" in graph
    assert _circle(graph) is None


def test_the_records_import_nothing_of_reconcile() -> None:
    graph = _graph(PACKAGE)
    assert graph["reconcile.model"] == set()
    assert graph["reconcile.errors"] == set()
    assert graph["reconcile.i18n"] == set()  # the languages: below everything that speaks


def test_the_report_and_its_verdict_live_above_the_records() -> None:
    """model.py holds plain records; the Report, which owns the verdict and the exit code,
    is a module of the report stage that may use them and the catalogue."""
    tree = ast.parse((PACKAGE / "model.py").read_text("utf-8"))
    classes = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    assert "Finding" in classes and "Report" not in classes
    graph = _graph(PACKAGE)
    assert "reconcile.model" in graph["reconcile.report.record"]
    assert "reconcile.report.record" in graph["reconcile.pipeline"]


# Each module of reconcile.read and the stage it runs in (the maintainers' map, docs/en/
# maintainers.md): bytes checked, cells read, table found, lines made.
STAGES = {
    "reconcile.read.cells": 0,  # Grid and A1 names: the leaf every stage uses
    "reconcile.read.library_errors": 0,  # a library's error worded: a leaf, as cells
    "reconcile.read.check_bytes": 1,
    "reconcile.read.read_cells": 2,
    "reconcile.read.read_cells_calamine": 2,
    "reconcile.read.read_cells_csv": 2,
    "reconcile.read.read_cells_xlsx": 2,
    "reconcile.read.read_tables": 2,  # an .xlsx file's Excel Tables, for either path
    "reconcile.read.find_table": 3,
    "reconcile.read.layouts": 4,  # a table family's header found, and its rows read
    "reconcile.read.make_lines": 4,
    "reconcile.read.make_layout_lines": 4,
    "reconcile.read": 5,  # read_file runs the stages
    "reconcile.read.draft": 5,  # `reconcile layouts draft`, beside the stages
}


def test_each_module_of_read_imports_only_its_own_or_earlier_stages() -> None:
    graph = _graph(PACKAGE)
    read = {
        module: graph[module] & set(STAGES)
        for module in graph
        if module.startswith("reconcile.read")
    }
    assert sorted(STAGES) == sorted(read)
    later = {
        (module, imported)
        for module, imported_modules in read.items()
        for imported in imported_modules
        if STAGES[imported] > STAGES[module]
    }
    assert later == set()


def test_read_imports_nothing_of_validate() -> None:
    """Reading records what it found (totals rows, stands); validate checks it, and may
    import read's records, never the other way round."""
    graph = _graph(PACKAGE)
    assert "reconcile.validate.totals" in graph
    reads_validate = {
        module: {
            imported for imported in graph[module] if imported.startswith("reconcile.validate")
        }
        for module in graph
        if module.startswith("reconcile.read")
    }
    assert reads_validate == {module: set() for module in reads_validate}


def test_a_finding_holds_no_words_not_even_in_the_tests() -> None:
    """A finding is worded by ``reconcile.codes.render`` where it is shown; the tests read
    its message through ``tests.spec.message``, not an attribute added to the record."""
    from reconcile.model import Finding

    assert not hasattr(Finding, "message")
