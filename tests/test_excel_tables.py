"""An Excel Table's declared totals row (Opmaken als tabel, Totaalrij; docs/en/workbooks.md,
"Excel Tables"): read as the table's grand total on both reading paths, labelled or not,
checked against its lines (`total-mismatch` at its cell when stale), never counted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.read.read_cells_xlsx import READER_VARIABLE
from reconcile.report.record import Report
from tests.spec import message, problems, where

LONG = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]
LINES: list[list[Any]] = [
    ["XIII", 2, "AI-fabriek", 2026, 100],
    ["XIII", 2, "Regio Groningen", 2026, 200],
    ["XIII", 3, "TNO", 2026, 50],
]


@pytest.fixture(params=["calamine", "openpyxl"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs on both reading paths: they must read a Table alike."""
    monkeypatch.setenv(READER_VARIABLE, request.param)
    return str(request.param)


def write_table(
    path: Path,
    rows: list[list[Any]] = LINES,
    total: Any = 350,  # the totals row's saved result in the amount column
    function: str = "sum",
    label: str | None = None,  # the totals row's label (totalsRowLabel), in Omschrijving
    top: int = 3,  # the Table's header row (a title and a caption line above it)
    sheet: str = "Blad1",
    hide_total: bool = False,
) -> Path:
    """A workbook as Excel saves a Table with its totals row switched on: SUBTOTAL formulas
    with their results saved (xlsxwriter writes what Excel writes)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet(sheet)
    ws.write(0, 0, "Ministerie van Economische Zaken")
    ws.write(1, 0, "(bedragen x € 1.000)")
    columns: list[dict[str, Any]] = [{"header": name} for name in LONG]
    if label is not None:
        columns[2]["total_string"] = label
    columns[4].update(total_function=function, total_value=total)
    last = top - 1 + len(rows) + 1  # 0-based: the header, the lines, the totals row
    ws.add_table(
        top - 1, 0, last, 4, {"data": rows, "columns": columns, "total_row": True, "name": "Tabel1"}
    )
    if hide_total:
        ws.set_row(last, None, None, {"hidden": True})
    book.close()
    return path


def run(folder: Path) -> Report:
    return pipeline.validate([str(folder)], load_announcement(None))


def amounts(report: Report) -> list[str]:
    return [f"{ln.amount:.0f}" for ln in report.lines]


def test_an_unlabelled_totals_row_is_the_tables_grand_total(tmp_path: Path, reader: str) -> None:
    write_table(tmp_path / "EZ.xlsx")
    report = run(tmp_path)
    assert where(report) == []  # no subtotal-unlabelled, no line of 350
    assert "table-total-not-sum" not in [f.code for f in report.findings]
    assert amounts(report) == ["100000", "200000", "50000"]  # the 350 not counted again


def test_a_stale_totals_row_is_a_mismatch_at_its_cell(tmp_path: Path, reader: str) -> None:
    write_table(tmp_path / "EZ.xlsx", total=400)  # a line changed, the result not recomputed
    report = run(tmp_path)
    assert where(report) == [("EZ.xlsx", "Blad1!E7", "total-mismatch")]
    assert amounts(report) == ["100000", "200000", "50000"]
    (finding,) = problems(report)
    assert message(finding).startswith(
        "“Tabel1” says EUR 400,000 but the lines it covers add up to EUR 350,000"
    )


def test_a_labelled_totals_row_keeps_its_label(tmp_path: Path, reader: str) -> None:
    write_table(tmp_path / "EZ.xlsx", total=400, label="Eindtotaal AI")
    (finding,) = problems(run(tmp_path))
    assert (finding.code, message(finding)[:22]) == ("total-mismatch", "“Eindtotaal AI” says E")


@pytest.mark.parametrize(
    ("function", "shows"),
    [
        ("average", "the average"),
        ("count", "the number of filled cells"),
        ("max", "the largest amount"),
    ],
)
def test_a_totals_row_that_is_no_sum_is_said_and_not_checked(
    tmp_path: Path, reader: str, function: str, shows: str
) -> None:
    write_table(tmp_path / "EZ.xlsx", function=function, total=3)
    report = run(tmp_path)
    assert where(report) == []  # no total-mismatch (3 is no sum of 350), no line of 3
    assert amounts(report) == ["100000", "200000", "50000"]
    (finding,) = [f for f in report.findings if f.code == "table-total-not-sum"]
    assert finding.location.cell == "E7"
    assert message(finding) == (
        f"The totals row of Excel Table “Tabel1” shows {shows} of its lines here, not their "
        "sum: it is not checked as a total."
    )
    assert message(finding, "nl").startswith("De totaalrij van Excel-tabel “Tabel1”")


def test_a_hidden_totals_row_is_still_the_total(tmp_path: Path, reader: str) -> None:
    write_table(tmp_path / "EZ.xlsx", total=400, hide_total=True)
    report = run(tmp_path)
    assert where(report) == [("EZ.xlsx", "Blad1!E7", "total-mismatch")]  # no hidden-line
    assert amounts(report) == ["100000", "200000", "50000"]


def test_a_table_on_another_sheet_declares_nothing_here(tmp_path: Path, reader: str) -> None:
    """Sheet "Andere" holds a Table whose totals row is row 5; on "Blad1", read first, row 5
    is a line."""
    import openpyxl

    write_table(tmp_path / "EZ.xlsx", sheet="Andere", rows=[LINES[0]], total=100)
    book = openpyxl.load_workbook(tmp_path / "EZ.xlsx")
    plain = book.create_sheet("Blad1")
    for row in [["(bedragen x € 1.000)"], [], LONG, *LINES, ["XIII", 4, "NWO", 2026, 25]]:
        plain.append(row)
    book.move_sheet("Blad1", offset=-1)
    book.save(tmp_path / "EZ.xlsx")
    report = run(tmp_path)
    blad1 = [ln for ln in report.lines if ln.source.sheet == "Blad1"]
    assert [f"{ln.amount:.0f}" for ln in blad1] == ["100000", "200000", "50000", "25000"]


def test_a_second_table_below_is_not_read_as_this_ones_total(tmp_path: Path, reader: str) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "EZ.xlsx"))
    ws = book.add_worksheet("Blad1")
    ws.write(0, 0, "(bedragen x € 1.000)")
    columns: list[dict[str, Any]] = [{"header": name} for name in LONG]
    columns[4].update(total_function="sum", total_value=350)
    ws.add_table(2, 0, 6, 4, {"data": LINES, "columns": columns, "total_row": True})
    second = [{"header": name} for name in LONG]
    second[4].update(total_function="sum", total_value=99)
    data = [["XIII", 5, "Elders", 2026, 98]]
    ws.add_table(9, 0, 11, 4, {"data": data, "columns": second, "total_row": True})
    book.close()
    report = run(tmp_path)
    assert amounts(report) == ["100000", "200000", "50000"]
    assert where(report) == [("EZ.xlsx", "Blad1!A10", "second-table-not-read")]


def test_a_table_not_holding_the_header_declares_nothing(tmp_path: Path, reader: str) -> None:
    """A Table over two columns beside the lines (its own header on row 3 too, but no
    amount column of reconcile's): its totals row is no total of these lines."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "EZ.xlsx"))
    ws = book.add_worksheet("Blad1")
    ws.write(0, 0, "(bedragen x € 1.000)")
    for r, row in enumerate([LONG, *LINES, ["XIII", 4, "NWO", 2026, 25]], start=2):
        ws.write_row(r, 0, row)
    columns = [{"header": "Contact"}, {"header": "Telefoon", "total_function": "count"}]
    ws.add_table(
        2, 7, 5, 8, {"data": [["A", "1"], ["B", "2"]], "columns": columns, "total_row": True}
    )
    book.close()
    report = run(tmp_path)
    assert amounts(report) == ["100000", "200000", "50000", "25000"]
    assert "table-total-not-sum" not in [f.code for f in report.findings]


def test_a_wide_tables_totals_row_is_checked_per_year(tmp_path: Path, reader: str) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "EZ.xlsx"))
    ws = book.add_worksheet("Blad1")
    ws.write(0, 0, "(bedragen x € 1.000)")
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026"]
    columns: list[dict[str, Any]] = [{"header": name} for name in header]
    columns[3].update(total_function="sum", total_value=30)
    columns[4].update(total_function="sum", total_value=70)  # stale: the lines give 60
    data = [["XIII", 2, "AI-fabriek", 10, 20], ["XIII", 2, "Regio", 20, 40]]
    ws.add_table(2, 0, 5, 4, {"data": data, "columns": columns, "total_row": True})
    book.close()
    report = run(tmp_path)
    assert where(report) == [("EZ.xlsx", "Blad1!E6", "total-mismatch")]
    assert amounts(report) == ["10000", "20000", "20000", "40000"]


def test_a_table_written_by_openpyxl_with_a_formula_of_its_own(tmp_path: Path, reader: str) -> None:
    """openpyxl saves no formula results: a script writes the totals as numbers. A "custom"
    function that sums (=SUM(...)) is checked; one that averages is not."""
    import openpyxl
    from openpyxl.worksheet.table import Table, TableColumn, TableFormula

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Blad1"
    for row in [["(bedragen x € 1.000)"], [], LONG, *LINES, [None, None, None, None, 999]]:
        ws.append(row)
    table = Table(displayName="Reservering", ref="A3:E7", totalsRowCount=1)
    table.tableColumns = [TableColumn(id=i, name=n) for i, n in enumerate(LONG, start=1)]
    table.tableColumns[4].totalsRowFunction = "custom"
    table.tableColumns[4].totalsRowFormula = TableFormula(attr_text="SUM(E4:E6)")
    ws.add_table(table)
    book.save(tmp_path / "EZ.xlsx")
    report = run(tmp_path)
    assert where(report) == [("EZ.xlsx", "Blad1!E7", "total-mismatch")]  # 999 is no 350
    assert amounts(report) == ["100000", "200000", "50000"]

    table.tableColumns[4].totalsRowFormula = TableFormula(attr_text="AVERAGE(E4:E6)")
    book.save(tmp_path / "EZ.xlsx")
    report = run(tmp_path)
    assert where(report) == []
    (finding,) = [f for f in report.findings if f.code == "table-total-not-sum"]
    assert "its own formula (AVERAGE(E4:E6))" in message(finding)


def test_a_table_without_a_header_row_under_the_header_found(tmp_path: Path, reader: str) -> None:
    """A Table over the lines and its totals row only (Kopregel off, the labels typed in the
    row above it): its totals row is still the table's."""
    import openpyxl
    from openpyxl.worksheet.table import Table, TableColumn

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Blad1"
    for row in [["(bedragen x € 1.000)"], [], LONG, *LINES, [None, None, None, None, 400]]:
        ws.append(row)
    table = Table(displayName="Regels", ref="A4:E7", totalsRowCount=1, headerRowCount=0)
    table.tableColumns = [TableColumn(id=i, name=f"Kolom{i}") for i in range(1, 6)]
    table.tableColumns[4].totalsRowFunction = "sum"
    ws.add_table(table)
    book.save(tmp_path / "EZ.xlsx")
    report = run(tmp_path)
    assert where(report) == [("EZ.xlsx", "Blad1!E7", "total-mismatch")]
    assert amounts(report) == ["100000", "200000", "50000"]
