"""GitHub Actions: workflow commands that annotate the files, and a Markdown job summary.

`::error file=...,title=CODE::message` lines become annotations on the pull request; the
summary (the per-ministry table and the verdict) is appended to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TextIO

from reconcile.codes import render_message
from reconcile.model import Finding, Report, Severity
from reconcile.money import format_eur
from reconcile.report import RenderOptions
from reconcile.report.text import _by_ministry, share_text, verdict_text
from reconcile.safety import escape_html

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """A workflow command's message: a newline in workbook text must not start a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, stream: TextIO, options: RenderOptions) -> None:
    write_annotations(report.findings, stream, options.lang)
    stream.write(f"{_data(verdict_text(report, options.lang))}\n{_counts(report)}\n")


def write_annotations(findings: Iterable[Finding], stream: TextIO, lang: str) -> None:
    """A workflow command per finding: an annotation on its file, titled with its code."""
    for finding in findings:
        loc = finding.location
        where = f"{loc.place}: " if loc.place else ""  # a CSV file has cells but no sheet
        stream.write(
            f"::{COMMAND[finding.severity]} file={_property(loc.file)},"
            f"title={_property(finding.code)}::"
            f"{_data(where + render_message(finding, lang))}\n"
        )


def _counts(report: Report) -> str:
    infos = len(report.findings) - report.errors - report.warnings
    return (
        f"{report.errors} error(s), {report.warnings} warning(s), {infos} note(s); "
        f"exit code {report.exit_code}."
    )


def _cell(text: str) -> str:
    """Workbook text in a Markdown table cell: no HTML, no column breaks, one line."""
    return escape_html(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render_github_summary(report: Report, stream: TextIO, options: RenderOptions) -> None:
    lang = options.lang
    title = report.announcement.name if report.announcement is not None else "budget workbooks"
    stream.write(f"## reconcile {report.command}: {_cell(title)}\n\n")
    stream.write(f"**{_cell(verdict_text(report, lang))}**\n\n")
    if report.files:
        total = (
            report.totals.total
            if report.totals
            else sum((f.total for f in report.files), Decimal(0))
        )
        stream.write("| Ministry | File | Chapter | Lines | Subtotal | Share |\n")
        stream.write("|---|---|---|---:|---:|---:|\n")
        for f in _by_ministry(report.files):
            stream.write(
                f"| {_cell(f.ministry or '?')} | {_cell(f.path)} | "
                f"{_cell(', '.join(f.chapters) or '–')} | {f.lines} | "
                f"{format_eur(f.total, lang)} | {share_text(f.total, total, lang)} |\n"
            )
        stream.write(
            f"| **Total** | | | {sum(f.lines for f in report.files)} | "
            f"**{format_eur(total, lang)}** | {'100.0 %' if total else '–'} |\n\n"
        )
    stream.write(f"{_counts(report)}\n\n")
