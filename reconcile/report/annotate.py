"""Annotated workbooks: what goes back to each ministry, and the coordinator's summary.

For every input that could be read, a copy (never the original) with every finding's cell
highlighted and commented, and a first sheet listing the findings with links to their cells.
The copy can be sent to the ministry as it is, and reconcile reads it as it read the original.
For ``check`` also one summary workbook: the table per ministry and year, the total against the
announced interval and a native Excel bar chart of the contributions against the band.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from math import isfinite
from pathlib import Path, PurePosixPath
from typing import Any

from reconcile.codes import is_fatal, render_message, texts_of
from reconcile.errors import ConfigError
from reconcile.i18n import LANGS, pgettext, tr
from reconcile.limits import DEFAULT_LIMITS, Limits
from reconcile.model import Finding
from reconcile.pipeline import display_path
from reconcile.read import read_bytes
from reconcile.read.cells import open_openpyxl
from reconcile.read.check_bytes import annotate_cost
from reconcile.report.chart import contribution_chart
from reconcile.report.output import write_atomic
from reconcile.report.record import Report
from reconcile.report.wording import verdict_text
from reconcile.report.years import ministry_years
from reconcile.xlsx import FILLS, safe_text, set_page, workbook_bytes

EUR_FORMAT = '"€" #,##0'
AUTHOR = "reconcile"  # of the comments reconcile writes, so a later run knows its own
# A findings sheet reconcile wrote in any language: a later run replaces it.
FINDINGS_TITLES = {tr("findings", lang) for lang in LANGS}


ANNOTATED_SUFFIXES = (".xlsx", ".xlsm")  # what openpyxl writes back; .ods and .xls are read only


def summary_name(lang: str) -> str:
    """The file name of the summary workbook of a check: "summary.xlsx", "overzicht.xlsx"."""
    # Translators: the file name of the summary workbook --annotate writes beside the copies
    return pgettext("file name", "summary.xlsx", lang)


@dataclass(frozen=True)
class Written:
    """What --annotate wrote, and the inputs it left alone: (path, why) with why a text key."""

    files: tuple[Path, ...]
    skipped: tuple[tuple[str, str], ...]


def write_annotations(
    report: Report,
    directory: Path,
    lang: str,
    inputs: Iterable[Path] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Written:
    """Write the annotated copies (and for ``check`` the summary) into ``directory``."""
    inputs = list(inputs)
    # Each report names a file as the user wrote it; the file itself is the input of that name
    # ("a\\b.xlsx" is shown as a/b.xlsx, and that path is another file or none).
    sources = {display_path(str(path)): path for path in inputs}
    inputs += [Path(f.path) for f in report.files]
    written: list[Path] = []
    skipped: list[tuple[str, str]] = []
    summary = summary_name(lang)
    # An input named like the summary gets another name for its copy, never overwritten.
    names: set[str] = {summary.lower()} if report.command == "check" else set()
    copies: dict[str, str] = {}  # input path -> name of its annotated copy
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.location.file].append(finding)
    for result in report.files:
        if PurePosixPath(result.path).suffix.lower() not in ANNOTATED_SUFFIXES:
            skipped.append((result.path, "annotate-format"))  # a CSV file, .ods or .xls
            continue
        if result.sheet is None or any(is_fatal(f.code) for f in by_file[result.path]):
            # Refused by the pre-flight or not a table: never handed to openpyxl.
            skipped.append((result.path, "annotate-skipped"))
            continue
        # Read as the run read it: a regular file, within the size limit, in bounded chunks; and
        # annotated only when its bytes are the ones checked (a file swapped for a FIFO or an
        # 8 GB sparse file during the run is not read again without checks).
        data, _problem = read_bytes(
            sources.get(result.path, Path(result.path)), result.path, limits
        )
        if data is None or hashlib.sha256(data).hexdigest() != result.sha256:
            skipped.append((result.path, "annotate-skipped"))  # changed since it was checked
            continue
        if annotate_cost(data) > limits.max_annotate_cells:
            skipped.append((result.path, "annotate-too-large"))  # openpyxl would need GBs
            continue
        try:
            data = annotate_workbook(data, by_file[result.path], lang)
        except ConfigError:
            raise  # openpyxl would parse unsafely here: the environment, not the file; stop
        except Exception:  # passed the pre-flight, yet openpyxl cannot write it back: say so
            skipped.append((result.path, "annotate-skipped"))
            continue
        copies[result.path] = _unique_name(result.path, names)
        target = directory / copies[result.path]
        write_atomic(target, data, inputs)
        written.append(target)
    if report.command == "check" and report.totals is not None:
        target = directory / summary
        write_atomic(target, summary_workbook(report, lang, copies), inputs)
        written.append(target)
    return Written(tuple(written), tuple(skipped))


def _unique_name(path: str, taken: set[str]) -> str:
    stem = PurePosixPath(path).stem
    name, number = f"{stem}.xlsx", 1
    while name.lower() in taken:  # two inputs of the same name from different folders
        number += 1
        name = f"{stem}-{number}.xlsx"
    taken.add(name.lower())
    return name


def _saved_results(book: Any, data: bytes) -> dict[str, dict[str, int | float]]:
    """The numbers Excel or LibreOffice saved for the formulas of ``book``, per sheet."""
    values = open_openpyxl(data, data_only=True)
    results: dict[str, dict[str, int | float]] = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                value = values[sheet.title][cell.coordinate].value
                if (
                    isinstance(value, int | float)
                    and not isinstance(value, bool)
                    and isfinite(value)
                ):
                    results.setdefault(sheet.title, {})[cell.coordinate] = value
    return results


def annotate_workbook(data: bytes, findings: list[Finding], lang: str) -> bytes:
    """A copy of the workbook in ``data`` with ``findings`` marked at their cells."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    book = open_openpyxl(data)
    _clear_previous(book)
    at_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        loc = finding.location
        if loc.sheet is not None and loc.sheet in book.sheetnames and loc.cell:
            at_cell[(loc.sheet, loc.cell)].append(finding)
    for (sheet_name, ref), here in at_cell.items():
        cell = _anchor(book[sheet_name], ref)
        worst = min(here, key=lambda f: f.severity.rank).severity
        cell.fill = PatternFill("solid", fgColor=FILLS[worst.value])
        text = "\n\n".join(_comment_text(f, lang) for f in here)
        if cell.comment is not None and cell.comment.text:  # the ministry's own note stays
            text = f"{cell.comment.text}\n\n{text}"
        comment = Comment(safe_text(text), AUTHOR)
        comment.width, comment.height = 360, 60 + 40 * len(here)
        cell.comment = comment
    results = _saved_results(book, data)
    _findings_sheet(book, findings, lang)
    return workbook_bytes(book, results)


def _clear_previous(book: Any) -> None:
    """Remove the marks of an earlier annotation: a corrected cell must not stay red."""
    from openpyxl.styles import PatternFill

    ours = {f"00{colour}" for colour in FILLS.values()}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is None or cell.comment.author != AUTHOR:
                    continue
                cell.comment = None
                if cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb in ours:
                    cell.fill = PatternFill(fill_type=None)


def _anchor(sheet: Any, ref: str) -> Any:
    """The cell at ``ref``, or the top-left cell of the merged range that covers it."""
    for merged in sheet.merged_cells.ranges:
        if ref in merged:
            return sheet.cell(row=merged.min_row, column=merged.min_col)
    return sheet[ref]


def _comment_text(finding: Finding, lang: str) -> str:
    explanation = texts_of(finding.code, lang)[1]
    severity = tr(finding.severity.value, lang)
    return f"{severity} [{finding.code}]: {render_message(finding, lang)}\n{explanation}"


LINE_HEIGHT = 15  # points: one line of 11-point text


def _findings_sheet(
    book: Any, findings: list[Finding], lang: str, copies: Mapping[str, str] | None = None
) -> None:
    """A sheet listing ``findings``, each with a link to its cell.

    In an annotated copy (``copies`` None) it is the first sheet and links within the copy.
    In the summary it lists the findings of every file, linking into the annotated copies
    (``copies``: input path -> copy's file name, in the same folder). Each row has one
    free-text cell only, so reconcile never mistakes a row here for a table's header.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    if copies is None:
        for old in list(book.worksheets):
            # A copy annotated before and sent back: its old findings make way for the new.
            if old.title in FINDINGS_TITLES and old["A1"].value == old.title:
                book.remove(old)
        sheet = book.create_sheet(tr("findings", lang), 0)
        book.active = 0
        for other in book.worksheets[1:]:
            other.sheet_view.tabSelected = False
        sheet.sheet_view.tabSelected = True
    else:
        sheet = book.create_sheet(tr("findings", lang))
    sheet["A1"] = tr("findings", lang)
    sheet["A1"].font = Font(bold=True, size=13)
    keys = ["severity", "location", "message"] if copies is None else [
        "severity", "file", "location", "message"
    ]  # fmt: skip
    for column, key in enumerate(keys, start=1):
        sheet.cell(row=3, column=column, value=tr(key, lang)).font = Font(bold=True)
    if not findings:
        sheet["A4"] = tr("no-findings", lang)
    ordered = sorted(findings, key=lambda f: (f.severity.rank, f.sort_key))
    for row, finding in enumerate(ordered, start=4):
        loc = finding.location
        severity = sheet.cell(row=row, column=1, value=tr(finding.severity.value, lang))
        severity.fill = PatternFill("solid", fgColor=FILLS[finding.severity.value])
        column = 2
        target = None  # the copy holding the cell, for a link from the summary
        if copies is not None:
            target = copies.get(loc.file)
            sheet.cell(row=row, column=column, value=safe_text(target or loc.file))
            column += 1
        linkable = loc.sheet in book.sheetnames if copies is None else target is not None
        if linkable and loc.sheet and loc.cell:
            # "F9 (Blad)": the cell first, so the text never reads as a header label.
            link = sheet.cell(row=row, column=column, value=safe_text(f"{loc.cell} ({loc.sheet})"))
            quoted = loc.sheet.replace("'", "''")
            link.hyperlink = Hyperlink(
                ref=link.coordinate,
                target=target,
                location=f"'{quoted}'!{loc.cell}",
                tooltip=tr("go-to-cell", lang),
            )
            link.font = Font(color="0563C1", underline="single")
        elif loc.sheet:
            sheet.cell(row=row, column=column, value=safe_text(f"({loc.sheet})"))
        elif loc.cell:  # a CSV file's cell: no sheet, no copy to link to
            sheet.cell(row=row, column=column, value=safe_text(loc.cell))
        message = f"[{finding.code}] {render_message(finding, lang)}"
        cell = sheet.cell(row=row, column=column + 1, value=safe_text(message))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [12, 20, 95] if copies is None else [12, 18, 18, 85]
    for letter, width in zip("ABCD", widths, strict=False):
        sheet.column_dimensions[letter].width = width
    for row_cells in sheet.iter_rows(min_row=4, max_col=len(widths)):
        for cell in row_cells:  # each row's cells read from their top, beside a long message
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        # A height for the wrapped texts: LibreOffice keeps a row one line high (the lines
        # then print over the next row), and openpyxl cannot measure text.
        lines = max(
            -(-len(str(cell.value or "")) // width)
            for cell, width in zip(row_cells, widths, strict=False)
        )
        sheet.row_dimensions[row_cells[0].row].height = LINE_HEIGHT * max(lines, 1)
    sheet.freeze_panes = "A4"
    set_page(sheet, landscape=True, title_rows="3:3")  # the column heads on every page


def summary_workbook(report: Report, lang: str, copies: Mapping[str, str] | None = None) -> bytes:
    """The coordinator's workbook: verdict, total against the interval, table, chart, and
    every finding with a link into the annotated copy that holds its cell (``copies``)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    assert report.totals is not None and report.target is not None
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = tr("summary-sheet", lang)
    announcement = report.announcement
    name = announcement.name if announcement is not None else ""
    sheet["A1"] = safe_text(name)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = safe_text(verdict_text(report, lang))
    sheet["A2"].font = Font(bold=True, color="2E7D32" if report.verdict_good else "C62828")
    interval = report.target.interval
    facts: list[tuple[str, Any]] = [
        (tr("announced", lang), safe_text(report.target.text)),
        (tr("lower-bound", lang), interval.low),
        (tr("upper-bound", lang), interval.high),
        (tr("computed-total", lang), report.totals.total),
        (tr("difference", lang), report.difference),
    ]
    for row, (label, value) in enumerate(facts, start=4):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        if value is None:
            value = tr("no-upper-bound", lang)
        cell = sheet.cell(row=row, column=2, value=value)
        if isinstance(value, Decimal):
            cell.number_format = EUR_FORMAT
    table_row = 4 + len(facts) + 1
    last_row = _year_table(sheet, report, lang, table_row)
    _chart(sheet, report, lang, last_row + 2)
    sheet.column_dimensions["A"].width = 28
    for column in "BCDEFGHIJK":
        sheet.column_dimensions[column].width = 16
    # The verdict wraps across the year table's width: text running past the last column used
    # is cut off on paper.
    width = len(report.announcement.years if report.announcement else ()) + 2
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(width, 4))
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    columns_wide = 28 + 16 * (max(width, 4) - 1)
    sheet.row_dimensions[2].height = 16 * (len(sheet["A2"].value) // columns_wide + 1)
    set_page(sheet, landscape=True)
    _findings_sheet(book, list(report.findings), lang, copies or {})
    return workbook_bytes(book)


def _year_table(sheet: Any, report: Report, lang: str, top: int) -> int:
    """Per ministry (rows) and year (columns) with totals; returns the last row written."""
    from openpyxl.styles import Font

    assert report.totals is not None
    years, amounts = ministry_years(report)
    sheet.cell(row=top, column=1, value=tr("by-ministry-year", lang)).font = Font(bold=True)
    head = top + 1
    # Overboekingen between contributors, as the other reports show them: what each gave (in
    # its total) and received (counted at its giver, not in its total).
    moved = ["transferred-out", "received"] if report.has_transfers else []
    labels = [tr("ministry", lang), *years, tr("total", lang), *(tr(key, lang) for key in moved)]
    for column, label in enumerate(labels, start=1):
        sheet.cell(row=head, column=column, value=label).font = Font(bold=True)
    ministries = list(report.totals.by_ministry)
    row = head
    for row, ministry in enumerate(ministries, start=head + 1):
        sheet.cell(row=row, column=1, value=safe_text(ministry))
        for column, year in enumerate(years, start=2):
            amount = amounts.get((ministry, year), Decimal(0))
            _eur_cell(sheet, row, column, amount)
        _eur_cell(sheet, row, len(years) + 2, report.totals.by_ministry[ministry])
        if moved:
            for column, amount in enumerate(report.transfers_of(ministry), start=len(years) + 3):
                _eur_cell(sheet, row, column, amount)
    total_row = row + 1
    sheet.cell(row=total_row, column=1, value=tr("total", lang)).font = Font(bold=True)
    for column, year in enumerate(years, start=2):
        _eur_cell(sheet, total_row, column, report.totals.by_year.get(year, Decimal(0)), True)
    _eur_cell(sheet, total_row, len(years) + 2, report.totals.total, True)
    return total_row


def _eur_cell(sheet: Any, row: int, column: int, amount: Decimal, bold: bool = False) -> None:
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=column, value=amount)
    cell.number_format = EUR_FORMAT
    if bold:
        cell.font = Font(bold=True)


def _chart(sheet: Any, report: Report, lang: str, top: int) -> None:
    """A stacked bar chart: the contributions stacked into one bar, the band in another.

    The band's bar is an invisible part up to the lower bound and a visible part up to the
    upper bound, so the two bars show the total against the announced interval.
    """
    from openpyxl.chart import BarChart, Reference

    chart_data = contribution_chart(report)
    assert chart_data.band is not None
    band = chart_data.band
    high = band.high if band.high is not None else band.low
    sheet.cell(row=top, column=1, value=tr("chart-data", lang))
    categories = [tr("contributions", lang), tr("announced", lang)]
    series: list[tuple[str, Decimal, Decimal]] = [
        (name, amount, Decimal(0)) for name, amount in chart_data.bars
    ]
    series += [
        (tr("lower-bound", lang), Decimal(0), band.low),
        (tr("band", lang), Decimal(0), high - band.low),
    ]
    for column, category in enumerate(categories, start=2):
        sheet.cell(row=top + 1, column=column, value=category)
    for offset, (label, contribution, announced) in enumerate(series, start=2):
        row = top + offset
        sheet.cell(row=row, column=1, value=safe_text(label))
        _eur_cell(sheet, row, 2, contribution)
        _eur_cell(sheet, row, 3, announced)
    last = top + 1 + len(series)

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = tr("chart-title", lang)
    chart.y_axis.title = "EUR"
    chart.y_axis.numFmt = "#,##0"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.width, chart.height = 24, 9
    data = Reference(sheet, min_col=2, max_col=3, min_row=top + 2, max_row=last)
    chart.add_data(data, from_rows=True, titles_from_data=False)
    chart.set_categories(Reference(sheet, min_col=2, max_col=3, min_row=top + 1))
    for index in range(len(series)):
        chart.series[index].tx = _series_title(sheet, top + 2 + index)
    from openpyxl.chart.legend import LegendEntry

    chart.legend.legendEntry = [LegendEntry(idx=len(series) - 2, delete=True)]
    invisible = chart.series[len(series) - 2]
    invisible.graphicalProperties.noFill = True
    invisible.graphicalProperties.line.noFill = True
    band_series = chart.series[len(series) - 1]
    band_series.graphicalProperties.solidFill = "FFE699"
    band_series.graphicalProperties.line.solidFill = "BF9000"
    sheet.add_chart(chart, f"E{top}")


def _series_title(sheet: Any, row: int) -> Any:
    from openpyxl.chart.data_source import StrRef
    from openpyxl.chart.series import SeriesLabel

    return SeriesLabel(strRef=StrRef(f"'{sheet.title}'!$A${row}"))


__all__ = ["Written", "annotate_workbook", "summary_workbook", "write_annotations"]
