"""The terminal report: per-ministry table, the chart, the verdict, then findings by file."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reconcile.codes import render_message
from reconcile.i18n import tr
from reconcile.model import Finding, Severity
from reconcile.money import format_eur, unit_label
from reconcile.report import RenderOptions
from reconcile.report.chart import ContributionChart, contribution_chart
from reconcile.report.diff import CHANGE_HEADS, NET_HEADS, NUMERIC, change_rows, net_rows
from reconcile.report.record import Report
from reconcile.report.wording import (
    counted_text,
    counts_files,
    counts_text,
    diff_verdict_text,
    exit_text,
    severity_label,
    share_of_file,
    share_text,
    subtotal_text,
    verdict_text,
)
from reconcile.safety import visible

if TYPE_CHECKING:
    from reconcile.diff import Diff

GOOD = "bold green"  # the verdict's style when all is well
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
DEFAULT_WIDTH = 120
CHART_WIDTH = 48  # characters of the longest bar
BLOCKS = " ▏▎▍▌▋▊▉█"  # eighths of a character cell, so bars grow smoothly


def console_for(stream: TextIO, options: RenderOptions) -> Console:
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


def inert(text: str, style: str = "") -> Text:
    """Text from outside (a file, sheet or cell, the announcement) for the terminal: its
    control characters shown as escapes, and rich markup in it shown, never interpreted."""
    return Text(visible(text), style=style)


def _files_table(report: Report, lang: str) -> Table:
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    # Overboekingen between contributors: what each gave (part of its subtotal) and received
    # (counted at its giver, not in its subtotal).
    transfers = report.has_transfers
    counts = counts_files(report)  # open-data tables alone: their layouts, no subtotals
    columns = [
        ("ministry", "left"),
        ("file", "left"),
        ("chapter", "left"),
        ("unit", "left"),
        ("lines", "right"),
        *([("subtotal", "right")] if counts else [("layout", "left")]),
        *([("transferred-out", "right"), ("received", "right")] if transfers else []),
        *([("share", "right")] if counts else []),
    ]
    for key, justify in columns:
        table.add_column(tr(key, lang), justify=justify)  # type: ignore[arg-type]
    for f in report.files_by_contribution():
        moved = [format_eur(a, lang) for a in report.transfers_of(f.ministry)] if transfers else []
        table.add_row(
            inert(f.ministry or "?"),
            inert(f.path),
            inert(", ".join(f.chapters) or "–"),
            unit_label(f.unit, lang) if f.unit is not None else "–",
            str(f.lines),
            subtotal_text(f, lang) if counts else inert(f.layout or "–"),
            *moved,
            *([share_of_file(report, f, lang)] if counts else []),
        )
    table.add_section()
    table.add_row(
        tr("total", lang),
        "",
        "",
        "",
        str(report.lines_counted),
        format_eur(report.total, lang) if counts else "",
        *(["", ""] if transfers else []),
        *([share_text(report.share(report.total), lang)] if counts else []),
        style="bold",
    )
    return table


def _years_table(report: Report, lang: str) -> Table | None:
    """The profile per year after kasschuiven, when a line is anything but a reservation."""
    totals = report.totals
    if totals is None or not report.shows_profile:
        return None
    table = Table(show_edge=False, header_style="bold", pad_edge=False)
    table.add_column(tr("year", lang))
    table.add_column(tr("counted", lang), justify="right")
    table.add_column(tr("of-which-kasschuif", lang), justify="right")
    for year, amount in totals.by_year.items():
        shifted = totals.kasschuiven_by_year.get(year)
        table.add_row(
            str(year),
            format_eur(amount, lang),
            format_eur(shifted, lang) if shifted else "–",
        )
    table.add_section()
    table.add_row(tr("total", lang), format_eur(totals.total, lang), "", style="bold")
    return table


def _verdict(report: Report, lang: str) -> Text:
    """Report.verdict in words, coloured by whether it is the good one."""
    return Text(verdict_text(report, lang), style=GOOD if report.verdict_good else "bold red")


def _bar(fraction: float, width: int) -> str:
    eighths = round(fraction * width * 8)
    return "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")


def _band(chart: ContributionChart, width: int) -> str:
    """The announced interval on the bars' axis: ┣━━━┫ from its lower to its upper bound."""
    assert chart.band is not None
    start = round(chart.fraction(chart.band.low) * width)
    high = chart.band.high if chart.band.high is not None else chart.scale
    end = max(start + 1, round(chart.fraction(high) * width))
    return " " * start + "┣" + "━" * max(end - start - 1, 0) + ("┫" if chart.band.high else "▶")


def chart_table(report: Report, lang: str, width: int = CHART_WIDTH) -> Table:
    """The contributions as bars, the total under them and the announced band under that."""
    chart = contribution_chart(report)
    table = Table.grid(padding=(0, 1))
    table.add_column()
    table.add_column(width=width + 1, no_wrap=True)
    table.add_column(justify="right")
    for name, amount in chart.bars:
        table.add_row(
            inert(name),
            Text(_bar(chart.fraction(amount), width), style="blue"),
            format_eur(amount, lang),
        )
    verdict_style = {None: "bold", True: GOOD, False: "bold red"}[chart.inside]
    table.add_row(
        Text(tr("total", lang), style="bold"),
        Text(_bar(chart.fraction(chart.total), width), style=verdict_style),
        Text(format_eur(chart.total, lang), style="bold"),
    )
    if chart.band is not None:
        table.add_row(
            tr("announced", lang),
            Text(_band(chart, width), style="yellow"),
        )
    return table


def _finding_line(finding: Finding, lang: str) -> Text:
    where = finding.location.place
    text = Text("  ")
    text.append(severity_label(finding.severity, lang), style=STYLE[finding.severity])
    text.append(visible(f" {where:<16} " if where else " "))
    text.append(f"[{finding.code}] ", style="dim")
    text.append(visible(render_message(finding, lang)))
    return text


def render_text(report: Report, stream: TextIO, options: RenderOptions) -> None:
    console = console_for(stream, options)
    lang = options.lang
    announcement = report.announcement
    counted = counted_text(report, lang)
    if announcement is not None and counted is not None:
        console.print(inert(announcement.name, style="bold"), end="")
        console.print(inert("  " + counted))
        console.print()
    if report.files:
        console.print(_files_table(report, lang))
        if any(f.layout is not None for f in report.files):
            console.print(Text(tr("open-data-note", lang), style="dim"))
        console.print()
        years = _years_table(report, lang)
        if years is not None:
            console.print(Text(tr("years-title", lang), style="bold"))
            console.print(years)
            console.print()
        if _wants_chart(stream, options) and counts_files(report):  # open data: nothing to chart
            console.print(Text(tr("chart-title", lang), style="bold"))
            console.print(chart_table(report, lang))
            console.print()
    verdict = _verdict(report, lang)
    console.print(inert(verdict.plain, style=str(verdict.style)), soft_wrap=True)

    if report.findings:
        console.print()
        current = None
        for finding in report.findings:
            if finding.location.file != current:
                current = finding.location.file
                console.print(inert(current, style="bold"))
            console.print(_finding_line(finding, lang), soft_wrap=True)
    console.print()
    console.print(inert(counts_text(report, lang)))


def _wants_chart(stream: TextIO, options: RenderOptions) -> bool:
    """The chart is for people: on a terminal by default, not in files and CI logs."""
    if options.chart is not None:
        return options.chart
    return stream.isatty() if hasattr(stream, "isatty") else False


# --- reconcile diff -----------------------------------------------------------------


def _rich_table(
    heads: tuple[str, ...], rows: list[tuple[str, ...]], lang: str, title: str = ""
) -> Table:
    table = Table(show_edge=False, header_style="bold", pad_edge=False, title=title or None)
    for key in heads:
        table.add_column(tr(key, lang), justify="right" if key in NUMERIC else "left")
    for row in rows:
        table.add_row(*(inert(value) for value in row))  # workbook text, never rich markup
    return table


def render_diff_text(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    console = console_for(stream, options)
    lang = options.lang
    console.print(inert(f"{diff.old.path} → {diff.new.path}", style="bold"))
    if diff.changes:
        console.print(_rich_table(CHANGE_HEADS, change_rows(diff, lang), lang))
        console.print()
    if diff.net_effect:  # none when every change involves a PM: those are never counted
        net_title = tr("diff-net-effect", lang)
        console.print(_rich_table(NET_HEADS, net_rows(diff, lang), lang, title=net_title))
        console.print()
    for finding in diff.findings:
        line = Text(f"{severity_label(finding.severity, lang)} ", style=STYLE[finding.severity])
        line.append(visible(f"{finding.location} [{finding.code}] {render_message(finding, lang)}"))
        console.print(line, soft_wrap=True)
    style = GOOD if diff.verdict == "equal" else "bold red"
    console.print(Text(diff_verdict_text(diff, lang), style=style), soft_wrap=True)
    console.print(Text(exit_text(diff, lang)))
