"""The JUnit XML report: valid for the readers CI systems use, one case per file and check.

The schema is tests/junit/junit-subset.xsd, a strict subset of Jenkins' xUnit junit-10.xsd that
GitLab, Jenkins and GitHub's test reporters read (see tests/junit/README.md).
"""

from __future__ import annotations

import functools
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile import pipeline
from reconcile.cli import cli
from reconcile.codes import make_finding
from reconcile.model import CellRef, Severity
from reconcile.policy import apply_policy
from reconcile.report import RENDERERS, RenderOptions
from reconcile.report.record import Report

ROOT = Path(__file__).resolve().parent.parent
ERRORS = "examples/ai-fabriek-with-errors"
GOOD = "examples/ai-fabriek"
XSD = Path(__file__).parent / "junit" / "junit-subset.xsd"
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.xlsx"))


@functools.cache
def example(name: str, command: str = "check") -> Report:
    path = str(ROOT / name)
    run = pipeline.check if command == "check" else pipeline.validate
    return run([path], pipeline.find_announcement([path], None))


def render(report: Report, **options: object) -> str:
    buffer = io.StringIO()
    RENDERERS["junit"](report, buffer, RenderOptions(color=False, **options))  # type: ignore[arg-type]
    return buffer.getvalue()


def schema_errors(xml: str) -> list[str]:
    import xmlschema  # the test dependency that validates XML against an XSD

    schema = xmlschema.XMLSchema(str(XSD))
    return [error.reason or str(error) for error in schema.iter_errors(xml.encode("utf-8"))]


def cases(root: ET.Element) -> list[tuple[str, str, str]]:
    """(suite, case, outcome) per test case; outcome "failed" or "passed"."""
    return [
        (
            Path(suite.get("name", "")).name,
            case.get("name", ""),
            "failed" if case.find("failure") is not None else "passed",
        )
        for suite in root.iter("testsuite")
        for case in suite.iter("testcase")
    ]


# --- valid for CI's readers ---------------------------------------------------------------


def _junit_of(args: list[str]) -> str:
    result = CliRunner().invoke(
        cli, [*args, "--format", "junit"], env={"GITHUB_ACTIONS": None, "GITHUB_WORKSPACE": None}
    )
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout


RUNS = [
    ["check", GOOD],
    ["check", ERRORS],
    ["validate", GOOD],
    ["validate", ERRORS],
    *(["validate", str(path)] for path in CORPUS),
    ["diff", f"{GOOD}/EZ.xlsx", f"{ERRORS}/EZ.xlsx"],
    ["diff", f"{GOOD}/EZ.xlsx", f"{GOOD}/missing.xlsx"],
]


@pytest.mark.parametrize("args", RUNS, ids=[" ".join(Path(a).name for a in r) for r in RUNS])
def test_every_junit_report_is_valid_against_the_junit_schema(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert schema_errors(_junit_of(args)) == []


def test_the_schema_refuses_what_ci_readers_do_not_declare() -> None:
    """The schema can fail: a testcase with a file attribute (as reconcile wrote before) or a
    timestamp is refused."""
    valid = render(example(GOOD))
    assert schema_errors(valid) == []
    with_file = valid.replace('<testcase name="read"', '<testcase file="x" name="read"', 1)
    assert schema_errors(with_file) != []
    stamped = valid.replace("<testsuite ", '<testsuite timestamp="2026-01-01T00:00:00" ', 1)
    assert schema_errors(stamped) != []


def test_junit_survives_characters_xml_cannot_hold() -> None:
    finding = make_finding("ministry-unknown", CellRef("a\x01b.xlsx"), reason="bad \x0b title")
    xml = render(Report("validate", (), (), (finding,)))
    assert ET.fromstring(xml).find("testsuite/testcase/failure") is not None
    assert schema_errors(xml) == []


# --- a case per file and check ------------------------------------------------------------


def test_check_gives_a_case_per_file_and_check_failing_with_its_findings() -> None:
    root = ET.fromstring(render(example(ERRORS)))
    assert cases(root) == [
        ("BZK.xlsx", "read", "passed"),
        ("BZK.xlsx", "validate", "failed"),
        ("BZK.xlsx", "reconcile", "passed"),
        ("Defensie.xlsx", "read", "passed"),
        ("Defensie.xlsx", "validate", "failed"),
        ("Defensie.xlsx", "reconcile", "passed"),
        ("EZ.xlsx", "read", "passed"),  # its totals row is checked by validate
        ("EZ.xlsx", "validate", "failed"),
        ("EZ.xlsx", "reconcile", "failed"),  # the kasschuif that does not net to zero
        ("IenW.xlsx", "read", "passed"),
        ("IenW.xlsx", "validate", "passed"),
        ("IenW.xlsx", "reconcile", "failed"),
        ("OCW.xlsx", "read", "passed"),
        ("OCW.xlsx", "validate", "failed"),
        ("OCW.xlsx", "reconcile", "failed"),  # the overboeking naar EZ that EZ does not show
        ("VWS.xlsx", "read", "passed"),
        ("VWS.xlsx", "validate", "failed"),
        ("VWS.xlsx", "reconcile", "passed"),
        ("reconciliation", "reconcile", "failed"),
    ]
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("19", "9", "0")
    for suite in root.iter("testsuite"):
        found = suite.findall("testcase")
        failed = [c for c in found if c.find("failure") is not None]
        assert (suite.get("tests"), suite.get("failures")) == (str(len(found)), str(len(failed)))
    [vws] = [s for s in root.iter("testsuite") if s.get("name", "").endswith("VWS.xlsx")]
    failure = vws.find("testcase[@name='validate']/failure")
    assert failure is not None
    assert failure.get("message") == "Reservation!C6: The description of this line is empty."
    assert (failure.text or "").splitlines() == [
        "error Reservation!C6 [empty-description] The description of this line is empty.",
        (
            "error Reservation!E7 [negative-reservation] -EUR 200,000 is negative; a "
            "reservation is a positive amount. If it is a kasschuif, overboeking or vrijval, "
            "say so in a Soort mutatie column or at the start of the description."
        ),
    ]


def test_validate_has_no_reconciliation_and_every_failing_error_is_listed() -> None:
    report = example(ERRORS, "validate")
    root = ET.fromstring(render(report))
    assert {case for _, case, _ in cases(root)} == {"read", "validate"}
    listed = [
        line.split(" ")[2]
        for failure in root.iter("failure")
        for line in (failure.text or "").splitlines()
    ]
    assert sorted(listed) == sorted(f"[{f.code}]" for f in report.findings if report.fails(f))


def test_warnings_and_notes_are_shown_in_system_out_not_as_failures() -> None:
    report = example(GOOD)
    root = ET.fromstring(render(report))
    assert root.get("failures") == "0"
    shown = [line for out in root.iter("system-out") for line in (out.text or "").splitlines()]
    assert len(shown) == len(report.findings) == 7
    assert (
        "info Blad1!A4 [series-assumed] No V/U/O column; every line is read as series U." in shown
    )
    tuned = apply_policy(report, {"series-assumed": Severity.WARNING}, "warning")
    failing = {s for s, _, outcome in cases(ET.fromstring(render(tuned))) if outcome == "failed"}
    assert failing == {"BZK.xlsx", "Defensie.xlsx", "LVVN.xlsx", "OCW.xlsx", "VWS.xlsx"}


def test_a_file_that_cannot_be_read_has_only_its_reading_case(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    path = str(ROOT / GOOD / "EZ.xlsx")
    report = pipeline.validate([str(broken), path], pipeline.find_announcement([path], None))
    root = ET.fromstring(render(report))
    expected = {
        str(broken): [("read", "failed")],
        path: [("read", "passed"), ("validate", "passed")],
    }
    # the suites in the report's order, files by their paths (wherever the checkout lies)
    assert cases(root) == [(Path(f).name, c, o) for f in sorted(expected) for c, o in expected[f]]


def test_junit_is_the_same_bytes_on_every_run_and_names_files_as_the_repository_does() -> None:
    first = render(example(ERRORS), workspace=str(ROOT))
    assert first == render(example(ERRORS), workspace=str(ROOT))
    assert "time" not in first and "timestamp" not in first
    names = [s.get("name") for s in ET.fromstring(first).iter("testsuite")]
    assert names[0] == f"{ERRORS}/BZK.xlsx"


def test_diff_junit_has_a_reading_case_per_file_and_a_case_per_kind_of_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    root = ET.fromstring(_junit_of(["diff", f"{GOOD}/EZ.xlsx", f"{ERRORS}/EZ.xlsx"]))
    assert cases(root) == [
        ("EZ.xlsx", "read", "passed"),
        ("EZ.xlsx", "read", "passed"),
        ("diff", "line-added", "failed"),
        ("diff", "line-removed", "passed"),
        ("diff", "line-changed", "failed"),  # the kasschuif's 2026 year
    ]
    # what reading the new version said is shown, not failed: only a change fails a diff
    [said] = [
        out.text or "" for out in root.iter("system-out") if "total-mismatch" in (out.text or "")
    ]
    assert said.startswith("error Reservering!G14 [total-mismatch] “Totaal uitgaven” says")
