"""GitLab Code Quality: the JSON list GitLab shows in a merge request, a row per finding.

The format is Code Climate's subset that GitLab reads (docs.gitlab.com, "Code Quality",
"Implement a custom tool"): description, check_name, fingerprint, severity, location.path and
location.lines.begin. A row's fingerprint is stable: it depends on what the finding is and
where (code, file as the repository names it, sheet, cell), never on the language or on the
amounts in the message, so GitLab sees the same finding in the next pipeline as the same one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from reconcile.codes import is_fatal, render_message
from reconcile.model import Finding, Severity
from reconcile.report import RenderOptions, repository_path
from reconcile.report.json import write_json
from reconcile.report.record import Report

if TYPE_CHECKING:
    from reconcile.diff import Diff

# GitLab's severities are info, minor, major, critical and blocker. A finding that stopped a
# file from being read at all blocks; an error (which fails the run) is major.
SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
BLOCKER = "blocker"


def code_quality(findings: Iterable[Finding], options: RenderOptions) -> list[dict[str, Any]]:
    """A Code Quality row per finding, in the report's order."""
    rows = []
    seen: Counter[tuple[str, ...]] = Counter()
    for finding in findings:
        loc = finding.location
        path = repository_path(loc.file, options.workspace)
        identity = (finding.code, path, loc.sheet or "", loc.cell or "")
        occurrence = seen[identity]  # the same code twice in one cell: two rows, two prints
        seen[identity] += 1
        where = f"{loc.place}: " if loc.place else ""
        rows.append(
            {
                "description": where + render_message(finding, options.lang),
                "check_name": finding.code,
                "fingerprint": _fingerprint(*identity, str(occurrence)),
                "severity": BLOCKER if is_fatal(finding.code) else SEVERITY[finding.severity],
                # a workbook's row stands for the line: GitLab needs a line, 1 for the file
                "location": {"path": path, "lines": {"begin": loc.row or 1}},
            }
        )
    return rows


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def write_code_quality(findings: Iterable[Finding], stream: TextIO, options: RenderOptions) -> None:
    write_json(code_quality(findings, options), stream)


def render_gitlab(report: Report, stream: TextIO, options: RenderOptions) -> None:
    write_code_quality(report.findings, stream, options)


# --- reconcile diff -----------------------------------------------------------------


def render_diff_gitlab(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """A Code Quality row per change (at its cell) and per reading finding."""
    write_code_quality(diff.all_findings, stream, options)
