"""The terminal report: per-ministry table, the verdict, then the findings grouped by file."""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reconcile.codes import format_value, render_message
from reconcile.model import FileResult, Finding, Report, Severity
from reconcile.money import format_eur, unit_label
from reconcile.report import RenderOptions

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
DEFAULT_WIDTH = 120


def _console(stream: TextIO, options: RenderOptions) -> Console:
    is_terminal = stream.isatty() if hasattr(stream, "isatty") else False
    color = options.color
    if color is None:
        color = is_terminal and "NO_COLOR" not in os.environ
    return Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        width=options.width or (None if is_terminal else DEFAULT_WIDTH),
        soft_wrap=False,
    )


def _share(amount: Decimal, total: Decimal) -> str:
    if not total:
        return "–"
    return f"{(amount * 100 / total).quantize(Decimal('0.1'))} %"


def _files_table(report: Report, lang: str) -> Table:
    total = (
        report.totals.total if report.totals else sum((f.total for f in report.files), Decimal(0))
    )
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    for name, justify in (
        ("Ministry", "left"),
        ("File", "left"),
        ("Chapter", "left"),
        ("Unit", "left"),
        ("Lines", "right"),
        ("Subtotal", "right"),
        ("Share", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for f in _by_ministry(report.files):
        table.add_row(
            f.ministry or "?",
            f.path,
            ", ".join(f.chapters) or "–",
            unit_label(f.unit) if f.unit is not None else "–",
            str(f.lines),
            format_eur(f.total, lang),
            _share(f.total, total),
        )
    table.add_section()
    table.add_row(
        "Total",
        "",
        "",
        "",
        str(sum(f.lines for f in report.files)),
        format_eur(total, lang),
        "100.0 %" if total else "–",
        style="bold",
    )
    return table


def _by_ministry(files: Iterable[FileResult]) -> list[FileResult]:
    return sorted(files, key=lambda f: (-f.total, f.ministry or "~", f.path))


def _verdict(report: Report, lang: str) -> Text:
    if report.totals is None or report.target is None:
        if report.incomplete:
            return Text("INCOMPLETE: not every file could be read.", style="bold red")
        return (
            Text("VALID: no errors found.", style="bold green")
            if report.errors == 0
            else Text(f"NOT VALID: {report.errors} error(s).", style="bold red")
        )
    target, total = report.target, report.totals.total
    where = (
        f'total {format_eur(total, lang)} against the announced "{target.text}" '
        f"({format_value(target.interval, lang)})"
    )
    if report.incomplete:
        return Text(f"INCOMPLETE: {where}; not every file could be read.", style="bold red")
    if not report.errors and target.interval.contains(total):  # not report.ok: see --fail-on
        return Text(f"RECONCILED: {where}.", style="bold green")
    inside = target.interval.contains(total)
    reason = (
        "the total is inside the interval, but there are errors"
        if inside
        else "the total is outside the interval"
    )
    return Text(f"NOT RECONCILED: {where}; {reason}.", style="bold red")


def _finding_line(finding: Finding, lang: str) -> Text:
    loc = finding.location
    where = f"{loc.sheet}!{loc.cell}" if loc.cell and loc.sheet else (loc.cell or loc.sheet or "")
    text = Text("  ")
    text.append(f"{finding.severity.value:<7}", style=STYLE[finding.severity])
    text.append(f" {where:<16} " if where else " ")
    text.append(f"[{finding.code}] ", style="dim")
    text.append(render_message(finding, lang))
    return text


def render_text(report: Report, stream: TextIO, options: RenderOptions) -> None:
    console = _console(stream, options)
    lang = options.lang
    announcement = report.announcement
    if report.command == "check" and announcement is not None:
        console.print(Text(f"{announcement.name}", style="bold"), end="")
        console.print(
            f"  (announcement: {announcement.origin}; counted: series "
            f"{announcement.series}, {announcement.years[0]}–{announcement.years[-1]})"
        )
        console.print()
    if report.files:
        console.print(_files_table(report, lang))
        console.print()
    console.print(_verdict(report, lang), soft_wrap=True)

    if report.findings:
        console.print()
        current = None
        for finding in report.findings:
            if finding.location.file != current:
                current = finding.location.file
                console.print(Text(current, style="bold"))
            console.print(_finding_line(finding, lang), soft_wrap=True)
    infos = len(report.findings) - report.errors - report.warnings
    console.print()
    console.print(
        f"{report.errors} error(s), {report.warnings} warning(s), {infos} note(s); "
        f"exit code {report.exit_code}."
    )
