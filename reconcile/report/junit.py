"""The JUnit XML report: a test suite per file, a test case per check that ran on it.

GitLab, Jenkins, Azure DevOps and GitHub's test reporters show JUnit XML as test results; all
of them read the schema of Jenkins' xUnit plugin (junit-10.xsd), and only what it declares is
written: testsuites, testsuite (name, tests, failures, errors, file), testcase (name,
classname), failure (message) and system-out. A file's checks are reading it and validating
its lines (validation runs only on a file that could be read), and under `check` reconciling
it with the set; a last suite holds the reconciliation of the set as a whole. A case fails
when a finding of its check fails the run, and its failure lists them with their cells; the
findings that do not fail (warnings, notes) are in its system-out. No timestamps or
durations, and the order of the report: the same inputs give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from reconcile.codes import CODES, is_fatal, render_message
from reconcile.diff import CHANGE_CODES
from reconcile.i18n import tr
from reconcile.model import Finding
from reconcile.report import RenderOptions, repository_path
from reconcile.report.record import Report
from reconcile.safety import xml_text

if TYPE_CHECKING:
    from reconcile.diff import Diff

# The checks every file goes through, in the order they run; the reconciliation runs once, on
# the whole set, in the suite SET_SUITE.
FILE_CHECKS = ("read", "validate")
SET_CHECK = "reconcile"
SET_SUITE = "reconciliation"


def stage(finding: Finding) -> str:
    """The check that found ``finding``: its code's stage (read, validate, reconcile, diff)."""
    return CODES[finding.code].stage


def _where(finding: Finding, file: str) -> str:
    """The finding's place in the suite's file, or in the other file it names."""
    loc = finding.location
    return (loc.place or loc.file) if loc.file == file else str(loc)


def _line(finding: Finding, file: str, lang: str) -> str:
    return (
        f"{tr(finding.severity.value, lang)} {_where(finding, file)} [{finding.code}] "
        f"{render_message(finding, lang)}"
    )


def suite(
    parent: ET.Element,
    name: str,
    file: str,
    checks: Sequence[str],
    findings: Sequence[Finding],
    fails: Callable[[Finding], bool],
    lang: str,
    check_of: Callable[[Finding], str] = stage,
) -> tuple[int, int]:
    """A test suite: a test case per check in ``checks``, failing where ``fails`` says. A
    finding belongs to the case of its check (``check_of``); one of a check that is not among
    ``checks`` (validate notes what reconciliation would leave out), to the last of them, so
    the cases depend only on what ran. Returns (tests, failures)."""

    def case_of(finding: Finding) -> str:
        check = check_of(finding)
        return check if check in checks or not checks else checks[-1]

    cases = list(dict.fromkeys([*checks, *map(case_of, findings)]))
    element = ET.SubElement(parent, "testsuite", name=xml_text(name))
    failures = 0
    for check in cases:
        case = ET.SubElement(element, "testcase", name=check, classname=xml_text(name))
        own = [f for f in findings if case_of(f) == check]
        failing = [f for f in own if fails(f)]
        if failing:
            failures += 1
            first = failing[0]
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_text(f"{_where(first, file)}: {render_message(first, lang)}"),
            )
            failure.text = xml_text("\n".join(_line(f, file, lang) for f in failing))
        shown = [f for f in own if not fails(f)]  # warnings and notes: seen, not failing
        if shown:
            out = ET.SubElement(case, "system-out")
            out.text = xml_text("\n".join(_line(f, file, lang) for f in shown))
    element.set("tests", str(len(cases)))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("file", xml_text(file))
    return len(cases), failures


def file_checks(findings: Iterable[Finding], checks: Sequence[str] = FILE_CHECKS) -> list[str]:
    """The checks that ran on a file with these findings: after one that could not be read,
    only reading."""
    return list(checks[:1]) if any(is_fatal(f.code) for f in findings) else list(checks)


def render_junit(report: Report, stream: TextIO, options: RenderOptions) -> None:
    root = ET.Element("testsuites", name=f"reconcile {report.command}")
    paths = [f.path for f in report.files]
    checks = (*FILE_CHECKS, SET_CHECK) if report.command == "check" else FILE_CHECKS
    counts = []
    for path in paths:
        own = [f for f in report.findings if f.location.file == path]
        name = repository_path(path, options.workspace)
        ran = file_checks(own, checks)
        counts.append(suite(root, name, name, ran, own, report.fails, options.lang))
    rest = [f for f in report.findings if f.location.file not in paths]
    if report.command == "check" or rest:
        origin = report.announcement.origin if report.announcement is not None else SET_SUITE
        ran = [SET_CHECK] if report.command == "check" else []
        counts.append(suite(root, SET_SUITE, origin, ran, rest, report.fails, options.lang))
    write_testsuites(root, counts, stream)


def write_testsuites(root: ET.Element, counts: list[tuple[int, int]], stream: TextIO) -> None:
    """The document under ``root``, with the (tests, failures) of its suites added up."""
    root.set("tests", str(sum(tests for tests, _ in counts)))
    root.set("failures", str(sum(failures for _, failures in counts)))
    root.set("errors", "0")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


# --- reconcile diff -----------------------------------------------------------------


def render_diff_junit(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """A suite per file (reading it) and a suite "diff" whose cases are the kinds of change:
    each fails, listing its lines, when the versions differ that way."""
    root = ET.Element("testsuites", name="reconcile diff")
    counts = []
    for path in dict.fromkeys((diff.old.path, diff.new.path)):
        own = [f for f in diff.findings if f.location.file == path]
        name = repository_path(path, options.workspace)
        ran = file_checks(own, ("read",))
        counts.append(suite(root, name, name, ran, own, diff.fails, options.lang))
    changes = [change.finding for change in diff.changes]
    checks = () if diff.incomplete else CHANGE_CODES  # nothing was compared: nothing passed
    new = repository_path(diff.new.path, options.workspace)
    counts.append(
        suite(root, "diff", new, checks, changes, diff.fails, options.lang, lambda f: f.code)
    )
    write_testsuites(root, counts, stream)
