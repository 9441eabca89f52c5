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
from reconcile.report import RenderOptions
from reconcile.report.text import counts_text, share_text, verdict_text
from reconcile.safety import markdown_text as markdown_cell
from reconcile.safety import visible

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def command_text(text: str) -> str:
    """A workflow command's message or a log line: control characters shown as escapes (a
    newline in a file name must not start a command or a line), ``%`` as the runner wants it."""
    return visible(text).replace("%", "%25")


def _property(text: str) -> str:
    return command_text(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, stream: TextIO, options: RenderOptions) -> None:
    write_annotations(report.findings, stream, options.lang)
    stream.write(
        f"{command_text(verdict_text(report, options.lang))}\n"
        f"{command_text(counts_text(report, options.lang))}\n"
    )


def write_annotations(findings: Iterable[Finding], stream: TextIO, lang: str) -> None:
    """A workflow command per finding: an annotation on its file, titled with its code."""
    for finding in findings:
        loc = finding.location
        where = f"{loc.place}: " if loc.place else ""  # a CSV file has cells but no sheet
        stream.write(
            f"::{COMMAND[finding.severity]} file={_property(loc.file)},"
            f"title={_property(finding.code)}::"
            f"{command_text(where + render_message(finding, lang))}\n"
        )


def render_github_summary(report: Report, stream: TextIO, options: RenderOptions) -> None:
    lang = options.lang
    if report.announcement is not None:
        title = report.announcement.name
    else:
        title = tr("budget-workbooks", lang)
    stream.write(f"## reconcile {report.command}: {markdown_cell(title)}\n\n")
    stream.write(f"**{markdown_cell(verdict_text(report, lang))}**\n\n")
    if report.files:
        transfers = report.has_transfers  # what each transferred out and received
        moved = ("transferred-out", "received") if transfers else ()
        heads = ("ministry", "file", "chapter", "lines", "subtotal", *moved, "share")
        stream.write("| " + " | ".join(tr(key, lang) for key in heads) + " |\n")
        stream.write("|---|---|---|" + "---:|" * (len(heads) - 3) + "\n")
        for f in report.files_by_contribution():
            amounts = "".join(
                f"{format_eur(a, lang)} | " for a in report.transfers_of(f.ministry) if transfers
            )
            stream.write(
                f"| {markdown_cell(f.ministry or '?')} | {markdown_cell(f.path)} | "
                f"{markdown_cell(', '.join(f.chapters) or '–')} | {f.lines} | "
                f"{format_eur(f.total, lang)} | {amounts}"
                f"{share_text(report.share(f.total), lang)} |\n"
            )
        stream.write(
            f"| **{tr('total', lang)}** | | | {report.lines_counted} | "
            f"**{format_eur(report.total, lang)}** | {'| ' * len(moved)}"
            f"{share_text(report.share(report.total), lang)} |\n\n"
        )
    stream.write(f"{counts_text(report, lang)}\n\n")
