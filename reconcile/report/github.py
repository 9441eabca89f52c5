"""GitHub Actions: workflow commands that annotate the files, and a Markdown job summary.

`::error file=...,title=CODE::message` lines become annotations on the pull request (GitHub
shows 10 errors and 10 warnings of a step); the summary, appended to $GITHUB_STEP_SUMMARY,
has the verdict, the per-ministry table and every finding by file, within GitHub's 1 MiB.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from reconcile.codes import render_message
from reconcile.i18n import tr
from reconcile.model import Finding, Severity
from reconcile.money import format_eur
from reconcile.report import GITHUB_SUMMARY_LIMIT, RenderOptions, repository_path
from reconcile.report.diff import CHANGE_HEADS, NET_HEADS, NUMERIC, change_rows, net_rows
from reconcile.report.record import Report
from reconcile.report.wording import (
    counts_files,
    counts_text,
    diff_verdict_text,
    exit_text,
    share_of_file,
    share_text,
    subtotal_text,
    verdict_text,
)
from reconcile.safety import markdown_text as markdown_cell
from reconcile.safety import visible

if TYPE_CHECKING:
    from reconcile.diff import Diff

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def command_text(text: str) -> str:
    """A workflow command's message or a log line: control characters shown as escapes (a
    newline in a file name must not start a command or a line), ``%`` as the runner wants it."""
    return visible(text).replace("%", "%25")


def _property(text: str) -> str:
    return command_text(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, stream: TextIO, options: RenderOptions) -> None:
    write_annotations(report.findings, stream, options)
    stream.write(
        f"{command_text(verdict_text(report, options.lang))}\n"
        f"{command_text(counts_text(report, options.lang))}\n"
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


def render_github_summary(report: Report, stream: TextIO, options: RenderOptions) -> None:
    """The job summary: the verdict, the per-ministry table and every finding by file."""
    lang = options.lang
    if report.announcement is not None:
        title = report.announcement.name
    else:
        title = tr("budget-workbooks", lang)
    head = [f"## reconcile {report.command}: {markdown_cell(title)}\n\n"]
    head.append(f"**{markdown_cell(verdict_text(report, lang))}**\n\n")
    if report.files:
        transfers = report.has_transfers  # what each transferred out and received
        moved = ("transferred-out", "received") if transfers else ()
        counts = counts_files(report)  # open-data tables alone: their layouts, no subtotals
        heads = (
            ("ministry", "file", "chapter", "lines", "subtotal", *moved, "share")
            if counts
            else ("ministry", "file", "chapter", "lines", "layout", *moved)
        )
        head.append("| " + " | ".join(tr(key, lang) for key in heads) + " |\n")
        head.append(
            "|---|---|---|---:|"
            + ("---:|" if counts else "---|")
            + "---:|" * (len(heads) - 5)
            + "\n"
        )
        for f in report.files_by_contribution():
            amounts = "".join(
                f"{format_eur(a, lang)} | " for a in report.transfers_of(f.ministry) if transfers
            )
            path = repository_path(f.path, options.workspace)
            reserved = subtotal_text(f, lang) if counts else markdown_cell(f.layout or "–")
            share = f"{share_of_file(report, f, lang)} |" if counts else ""
            head.append(
                f"| {markdown_cell(f.ministry or '?')} | {markdown_cell(path)} | "
                f"{markdown_cell(', '.join(f.chapters) or '–')} | {f.lines} | "
                f"{reserved} | {amounts}{share}\n"
            )
        total = f"**{format_eur(report.total, lang)}**" if counts else ""
        share = f"{share_text(report.share(report.total), lang)} |" if counts else ""
        head.append(
            f"| **{tr('total', lang)}** | | | {report.lines_counted} | "
            f"{total} | {'| ' * len(moved)}{share}\n\n"
        )
        if any(f.layout is not None for f in report.files):
            head.append(f"{markdown_cell(tr('open-data-note', lang))}\n\n")
    findings = findings_pieces(report.findings, options)
    tail = f"{counts_text(report, lang)}\n\n"
    write_summary("".join(head), findings, len(report.findings), tail, stream, options)


def write_summary(
    head: str,
    pieces: Iterable[tuple[str, int]],
    count: int,
    tail: str,
    stream: TextIO,
    options: RenderOptions,
) -> None:
    """``head``, the ``pieces`` (Markdown, each with the number of findings it shows, of
    ``count`` in all), then ``tail``, within the room a job summary has (options.room, else
    GitHub's 1 MiB): the pieces that do not fit are left out, and their findings counted."""
    room = GITHUB_SUMMARY_LIMIT if options.room is None else options.room
    cut_note = tr("summary-cut", options.lang, count=count)  # the longest it can be
    room -= _size(head) + _size(tail) + _size(cut_note) + len("\n\n\n")
    shown, used, cut = [], 0, count
    for piece, findings in pieces:
        used += _size(piece)
        if used > room:
            break
        shown.append(piece)
        cut -= findings
    stream.write(head + "".join(shown))
    if cut:
        # after a blank line: a line right below a table would be read as one of its rows
        stream.write(f"\n{tr('summary-cut', options.lang, count=cut)}\n\n")
    stream.write(tail)


def table_pieces(heading: str, table_head: str, rows: Iterable[str]) -> Iterator[tuple[str, int]]:
    """A Markdown table as pieces for write_summary, a row each (``heading`` and the table's
    head, its first two lines, come with the first row), then the blank line that ends it. No
    rows: no table."""
    start = heading + table_head
    for index, row in enumerate(rows):
        yield (start if index == 0 else "") + row, 1
        start = ""
    if not start:
        yield "\n", 0


def markdown_head(heads: Sequence[str], right: Sequence[bool] = ()) -> str:
    """A Markdown table's first two lines: the headings, then their alignment (``right``)."""
    align = ["---:" if r else "---" for r in right] or ["---"] * len(heads)
    return f"| {' | '.join(markdown_cell(h) for h in heads)} |\n|{'|'.join(align)}|\n"


def findings_pieces(
    findings: Sequence[Finding], options: RenderOptions
) -> Iterator[tuple[str, int]]:
    """The findings as pieces for write_summary: under "Findings", a table per file (cell,
    severity, code, message), in the report's order."""
    lang = options.lang
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.location.file, []).append(finding)
    title = f"### {tr('findings', lang)}\n\n"
    head = markdown_head([tr(key, lang) for key in ("cell", "severity", "code", "message")])
    for file, group in by_file.items():
        heading = f"{title}**{markdown_cell(repository_path(file, options.workspace))}**\n\n"
        title = ""
        rows = (
            f"| {markdown_cell(finding.location.place or '–')} | "
            f"{tr(finding.severity.value, lang)} | `{finding.code}` | "
            f"{markdown_cell(render_message(finding, lang))} |\n"
            for finding in group
        )
        yield from table_pieces(heading, head, rows)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


# --- reconcile diff -----------------------------------------------------------------


def render_diff_github(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """An annotation per change (at its cell) and per reading finding, then the verdict."""
    lang = options.lang
    write_annotations(diff.all_findings, stream, options)
    stream.write(f"{command_text(diff_verdict_text(diff, lang))}\n")
    stream.write(f"{command_text(exit_text(diff, lang))}\n")


def _markdown_table(heads: tuple[str, ...], rows: list[tuple[str, ...]], lang: str) -> str:
    return markdown_head([tr(h, lang) for h in heads], [h in NUMERIC for h in heads]) + "".join(
        _markdown_row(row) for row in rows
    )


def _markdown_row(row: tuple[str, ...]) -> str:
    return "| " + " | ".join(markdown_cell(value) for value in row) + " |\n"


def render_diff_github_summary(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """The job summary: the verdict and the net effect, then every change and every reading
    finding (within GitHub's 1 MiB; what does not fit is counted)."""
    lang = options.lang
    old = repository_path(diff.old.path, options.workspace)
    new = repository_path(diff.new.path, options.workspace)
    head = f"## reconcile diff: {markdown_cell(old)} → {markdown_cell(new)}\n\n"
    head += f"**{markdown_cell(diff_verdict_text(diff, lang))}**\n\n"
    if diff.net_effect:
        head += f"{tr('diff-net-effect', lang)}:\n\n"
        head += _markdown_table(NET_HEADS, net_rows(diff, lang), lang) + "\n"
    change_head = markdown_head(
        [tr(h, lang) for h in CHANGE_HEADS], [h in NUMERIC for h in CHANGE_HEADS]
    )
    changes = table_pieces("", change_head, map(_markdown_row, change_rows(diff, lang)))
    pieces = itertools.chain(changes, findings_pieces(diff.findings, options))
    count = len(diff.changes) + len(diff.findings)
    write_summary(head, pieces, count, f"{exit_text(diff, lang)}\n\n", stream, options)
