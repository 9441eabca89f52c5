"""The JUnit XML report: a test suite per file, a test case per check, a failure per cell.

GitLab, Jenkins and Azure DevOps show JUnit XML as test results. Only what all of them read is
written: testsuites, testsuite, testcase and failure, with name, classname, file, tests,
failures, errors and message. No timestamps or durations, so the same inputs give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TextIO

from reconcile.codes import CODES, render_message
from reconcile.model import Finding, Report
from reconcile.report import RenderOptions
from reconcile.safety import xml_text

# The checks every file goes through; reconcile-stage checks run once, on the whole set.
FILE_STAGES = ("read", "validate")
SET_SUITE = "reconciliation"


def _where(finding: Finding) -> str:
    loc = finding.location
    if loc.cell:
        return f"{loc.sheet}!{loc.cell}"
    return loc.sheet or loc.file


def _line(finding: Finding, lang: str) -> str:
    return (
        f"{finding.severity.value} {_where(finding)} [{finding.code}] "
        f"{render_message(finding, lang)}"
    )


def _suite(
    parent: ET.Element,
    name: str,
    file: str,
    checks: Iterable[str],
    findings: list[Finding],
    report: Report,
    lang: str,
) -> tuple[int, int]:
    codes = list(dict.fromkeys([*checks, *(f.code for f in findings)]))
    suite = ET.SubElement(parent, "testsuite", name=xml_text(name))
    failures = 0
    for code in codes:
        case = ET.SubElement(
            suite, "testcase", name=code, classname=xml_text(name), file=xml_text(file)
        )
        failing = [f for f in findings if f.code == code and report.fails(f)]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_text(f"{_where(failing[0])}: {render_message(failing[0], lang)}"),
            )
            failure.text = xml_text("\n".join(_line(f, lang) for f in failing))
    suite.set("tests", str(len(codes)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return len(codes), failures


def render_junit(report: Report, stream: TextIO, options: RenderOptions) -> None:
    root = ET.Element("testsuites", name=f"reconcile {report.command}")
    file_checks = [c.code for c in CODES.values() if c.stage in FILE_STAGES]
    paths = [f.path for f in report.files]
    tests = failures = 0
    for path in paths:
        own = [f for f in report.findings if f.location.file == path]
        counts = _suite(root, path, path, file_checks, own, report, options.lang)
        tests, failures = tests + counts[0], failures + counts[1]
    rest = [f for f in report.findings if f.location.file not in paths]
    if report.command == "check" or rest:
        set_checks = [c.code for c in CODES.values() if c.stage not in FILE_STAGES]
        origin = report.announcement.origin if report.announcement is not None else SET_SUITE
        checks = set_checks if report.command == "check" else []
        counts = _suite(root, SET_SUITE, origin, checks, rest, report, options.lang)
        tests, failures = tests + counts[0], failures + counts[1]
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
