"""The JUnit XML report: a test suite per file, a test case per check, a failure per cell.

GitLab, Jenkins and Azure DevOps show JUnit XML as test results. Only what all of them read is
written: testsuites, testsuite, testcase and failure, with name, classname, file, tests,
failures, errors and message. No timestamps or durations, so the same inputs give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from typing import TextIO

from reconcile.codes import CODES, render_message
from reconcile.i18n import tr
from reconcile.model import Finding, Report
from reconcile.report import RenderOptions
from reconcile.safety import xml_text

# The checks every file goes through; reconcile-stage checks run once, on the whole set.
FILE_STAGES = ("read", "validate")
SET_SUITE = "reconciliation"


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
    checks: Iterable[str],
    findings: list[Finding],
    fails: Callable[[Finding], bool],
    lang: str,
) -> tuple[int, int]:
    """A test suite: a test case per check and per code found, failing where ``fails`` says.

    Returns (tests, failures).
    """
    codes = list(dict.fromkeys([*checks, *(f.code for f in findings)]))
    element = ET.SubElement(parent, "testsuite", name=xml_text(name))
    failures = 0
    for code in codes:
        case = ET.SubElement(
            element, "testcase", name=code, classname=xml_text(name), file=xml_text(file)
        )
        failing = [f for f in findings if f.code == code and fails(f)]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_text(f"{_where(failing[0], file)}: {render_message(failing[0], lang)}"),
            )
            failure.text = xml_text("\n".join(_line(f, file, lang) for f in failing))
    element.set("tests", str(len(codes)))
    element.set("failures", str(failures))
    element.set("errors", "0")
    return len(codes), failures


def render_junit(report: Report, stream: TextIO, options: RenderOptions) -> None:
    root = ET.Element("testsuites", name=f"reconcile {report.command}")
    file_checks = [c.code for c in CODES.values() if c.stage in FILE_STAGES]
    paths = [f.path for f in report.files]
    counts = []
    for path in paths:
        own = [f for f in report.findings if f.location.file == path]
        counts.append(suite(root, path, path, file_checks, own, report.fails, options.lang))
    rest = [f for f in report.findings if f.location.file not in paths]
    if report.command == "check" or rest:
        set_checks = [c.code for c in CODES.values() if c.stage == "reconcile"]
        origin = report.announcement.origin if report.announcement is not None else SET_SUITE
        checks = set_checks if report.command == "check" else []
        counts.append(suite(root, SET_SUITE, origin, checks, rest, report.fails, options.lang))
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
