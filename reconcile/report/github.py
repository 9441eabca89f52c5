"""GitHub Actions: workflow commands that annotate the files, and a Markdown job summary.

`::error file=...,title=CODE::message` lines become annotations on the pull request; the
summary (the per-ministry table and the verdict) is appended to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from reconcile.codes import render_message
from reconcile.i18n import tr
from reconcile.model import Finding, Report, Severity
from reconcile.money import format_eur
from reconcile.report import RenderOptions, repository_path
from reconcile.report.text import counts_text, share_text, verdict_text
from reconcile.safety import escape_html

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def command_text(text: str) -> str:
    """A workflow command's message: a newline in workbook text must not start a command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return command_text(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, stream: TextIO, options: RenderOptions) -> None:
    write_annotations(report.findings, stream, options)
    stream.write(
        f"{command_text(verdict_text(report, options.lang))}\n{counts_text(report, options.lang)}\n"
    )


def write_annotations(findings: Iterable[Finding], stream: TextIO, options: RenderOptions) -> None:
    """A workflow command per finding: an annotation on its file (as the repository names it,
    or GitHub shows it on no file), titled with its code."""
    for finding in findings:
        loc = finding.location
        where = f"{loc.place}: " if loc.place else ""  # a CSV file has cells but no sheet
        path = repository_path(loc.file, options.workspace)
        stream.write(
            f"::{COMMAND[finding.severity]} file={_property(path)},"
            f"title={_property(finding.code)}::"
            f"{command_text(where + render_message(finding, options.lang))}\n"
        )


def markdown_cell(text: str) -> str:
    """Workbook text in a Markdown table cell: no HTML, no column breaks, one line."""
    return escape_html(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render_github_summary(report: Report, stream: TextIO, options: RenderOptions) -> None:
    lang = options.lang
    if report.announcement is not None:
        title = report.announcement.name
    else:
        title = tr("budget-workbooks", lang)
    stream.write(f"## reconcile {report.command}: {markdown_cell(title)}\n\n")
    stream.write(f"**{markdown_cell(verdict_text(report, lang))}**\n\n")
    if report.files:
        heads = ("ministry", "file", "chapter", "lines", "subtotal", "share")
        stream.write("| " + " | ".join(tr(key, lang) for key in heads) + " |\n")
        stream.write("|---|---|---|---:|---:|---:|\n")
        for f in report.files_by_contribution():
            stream.write(
                f"| {markdown_cell(f.ministry or '?')} | {markdown_cell(f.path)} | "
                f"{markdown_cell(', '.join(f.chapters) or '–')} | {f.lines} | "
                f"{format_eur(f.total, lang)} | {share_text(report.share(f.total), lang)} |\n"
            )
        stream.write(
            f"| **{tr('total', lang)}** | | | {report.lines_counted} | "
            f"**{format_eur(report.total, lang)}** | "
            f"{share_text(report.share(report.total), lang)} |\n\n"
        )
    stream.write(f"{counts_text(report, lang)}\n\n")
