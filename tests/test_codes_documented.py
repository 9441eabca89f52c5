"""Every code the library can emit is explained (codes.py), documented (docs/en/codes.md),
explainable, and expected by some test."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.codes import CODES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reconcile"


def _texts(node: ast.AST | None) -> list[str]:
    """The string constants an expression can evaluate to (a literal, or either branch of an if)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    return []


CODE = re.compile(r"^[a-z]+(-[a-z]+)+$")


def emitted_codes(package: Path = PACKAGE) -> set[str]:
    """Codes in the source: make_finding's first argument, the pandera checks' error names
    (validate/ turns a failed check into the finding of that name), and the code an exception
    carries to become a finding (``SomethingError("code", ...)``)."""
    found: set[str] = set()
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, list[str]] = {}  # code = "a" if ... else "b"; make_finding(code, ...)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).extend(_texts(node.value))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "make_finding" and node.args:
                first = node.args[0]
                found.update(_texts(first))
                if isinstance(first, ast.Name):
                    found.update(assigned.get(first.id, []))
            if name.endswith("Error") and node.args:
                found.update(t for t in _texts(node.args[0]) if CODE.match(t))
            found.update(t for kw in node.keywords if kw.arg == "error" for t in _texts(kw.value))
    return found


CODES_PAGE = ROOT / "docs" / "en" / "codes.md"  # generated from the catalogue


def readme_codes() -> list[str]:
    text = CODES_PAGE.read_text(encoding="utf-8")
    return re.findall(
        r"^\| \[`([a-z-]+)`\]\(#\1\) \| (?:read|validate|reconcile|diff) \|", text, re.MULTILINE
    )


def test_every_emitted_code_is_in_the_catalogue_with_an_explanation() -> None:
    emitted = emitted_codes()
    assert len(emitted) > 25
    assert emitted - set(CODES) == set()
    assert all(CODES[code].explanation.strip() for code in emitted)


def test_the_catalogue_holds_no_code_that_is_never_emitted() -> None:
    assert set(CODES) - emitted_codes() == set()


# The calls whose code the test below cannot tell (file, the code's variable, the params
# given): each makes whichever of a schema's checks failed, those not worded by a branch of
# their own above it. A new one fails the test until it is read and listed here.
UNREAD_CALLS = {
    ("validate/__init__.py", "check", ("value",)),  # article-invalid, series-invalid, ...
    ("validate/layout.py", "code", ("value",)),  # article-invalid, series-invalid, ...
}


def _guarded(tree: ast.AST) -> dict[int, list[str]]:
    """Each call's codes known from the ``if name == "code":`` it stands in (by id)."""
    known: dict[int, list[str]] = {}
    for branch in ast.walk(tree):
        test = branch.test if isinstance(branch, ast.If) else None
        if not (isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq)):
            continue
        if not isinstance(test.left, ast.Name):
            continue
        for node in (n for statement in branch.body for n in ast.walk(statement)):
            first = node.args[0] if isinstance(node, ast.Call) and node.args else None
            if isinstance(first, ast.Name) and first.id == test.left.id:
                known[id(node)] = _texts(test.comparators[0])
    return known


def test_every_finding_made_in_the_source_is_given_the_params_its_message_needs() -> None:
    # make_finding refuses a finding without them, but only on the paths a test runs; this
    # reads every call. (A published table's unknown chapter lacked its hint until 2026-12-07:
    # make_finding(code, ...) inside `elif code == "chapter-unknown":`.)
    calls, short, unread = 0, [], set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, list[str]] = {}  # code = "a" if ... else "b"; make_finding(code, ...)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                assigned.setdefault(node.targets[0].id, []).extend(_texts(node.value))
        guarded = _guarded(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "make_finding"):
                continue
            if not node.args or any(kw.arg is None for kw in node.keywords):
                continue  # make_finding(code, cell, **params): the params are built elsewhere
            given = {kw.arg for kw in node.keywords}
            first = node.args[0]
            named = assigned.get(first.id, []) if isinstance(first, ast.Name) else []
            codes = _texts(first) + named + guarded.get(id(node), [])
            if not codes:
                where = path.relative_to(PACKAGE).as_posix()
                unread.add((where, ast.unparse(first), tuple(sorted(map(str, given)))))
            for code in codes:
                calls += 1
                if missing := CODES[code].fields - given:
                    short.append(f"{path.name}:{node.lineno} {code} without {sorted(missing)}")
    assert calls > 80
    assert short == []
    assert unread == UNREAD_CALLS


# The tests of the catalogue itself (its pages, its translations) name every code without
# making a file give it.
CATALOGUE_TESTS = {
    "test_codes_documented.py",
    "test_docs.py",
    "test_docs_commands.py",
    "test_i18n.py",
}
GOLDEN = ROOT / "tests" / "golden"  # the expected reports test_golden.py compares with


def _test_texts(path: Path) -> list[str]:
    """A test module's string literals (what it builds and expects), docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented) and node.body and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_every_code_is_expected_by_some_test() -> None:
    """The catalogue's codes are all made by the source (above), and each is a result some
    test expects: a test module or a golden report names it, so a new code comes with a
    test that makes a file give it."""
    texts = [
        text
        for path in sorted((ROOT / "tests").glob("test_*.py"))
        if path.name not in CATALOGUE_TESTS
        for text in _test_texts(path)
    ]
    texts += [path.read_text(encoding="utf-8") for path in GOLDEN.rglob("*") if path.is_file()]
    named = {word for text in texts for word in re.findall(r"[a-z]+(?:-[a-z]+)+", text)}
    assert [code for code in CODES if code not in named] == []


def test_the_readme_table_documents_every_code_once_with_its_stage_and_severity() -> None:
    assert sorted(readme_codes()) == sorted(CODES)
    text = CODES_PAGE.read_text(encoding="utf-8")
    for code in CODES.values():
        row = re.search(
            rf"^\| \[`{code.code}`\]\(#{code.code}\) \| (\w+) \| (\w+)", text, re.MULTILINE
        )
        assert row is not None and row.groups() == (code.stage, code.severity.value), code.code


def test_codes_lists_every_code() -> None:
    result = CliRunner().invoke(cli, ["codes"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()[1 : len(CODES) + 1]]
    assert listed == list(CODES)


@pytest.mark.parametrize("code", list(CODES))
def test_explain_tells_what_it_means_and_how_to_fix_it(code: str) -> None:
    result = CliRunner().invoke(cli, ["explain", code])
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert flat.startswith(f"{code} ({CODES[code].severity.value}")
    assert " ".join(CODES[code].explanation.split()) in flat
    message = re.sub(r"\{(\w+)\}", r"<\1>", CODES[code].plural or CODES[code].template)
    assert " ".join(message.split()) in flat


def test_explain_an_unknown_code_suggests_near_ones() -> None:
    result = CliRunner().invoke(cli, ["explain", "total-mismatsh"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: unknown finding code 'total-mismatsh'. Did you mean total-mismatch, "
        "row-total-mismatch or stand-mismatch? `reconcile codes` lists them all.\n"
    )
