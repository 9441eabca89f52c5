"""Reading workbooks as they arrive: separators, years, sheets, formats, and the Grid contract."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.announcement import load_announcement
from reconcile.cli import cli
from reconcile.codes import make_finding, render_message
from reconcile.model import CellRef, Finding
from reconcile.money import DUTCH, ENGLISH, is_ambiguous, number_style, parse_number
from reconcile.pipeline import validate
from reconcile.read import read_file
from reconcile.read.find_table import cell_number, find_header, parse_year
from reconcile.read.make_lines import read_table
from reconcile.read.read_cells import OLE_MAGIC, macro_part
from reconcile.read.read_cells_xlsx import Grid
from reconcile.validate.totals import check_totals
from tests.builders import Formula, Sheet, write_workbook
from tests.spec import message

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize(
    ("text", "dutch", "english"),
    [
        ("1.234", "1234", "1.234"),
        ("1,234", "1.234", "1234"),
        ("€ 12.500", "12500", "12.500"),
        ("(1,500)", "-1.500", "-1500"),
        ("1234,567", "1234.567", "1234567"),
        # not ambiguous: the same whatever the column says
        ("1.234,5", "1234.5", "1234.5"),
        ("1,234.5", "1234.5", "1234.5"),
        ("1.234.567", "1234567", "1234567"),
        ("0,125", "0.125", "0.125"),
        ("12,5", "12.5", "12.5"),
        ("‒ 726", "-726", "-726"),
    ],
)
def test_only_a_single_separator_before_three_digits_depends_on_the_column(
    text: str, dutch: str, english: str
) -> None:
    assert parse_number(text) == Decimal(dutch)  # Dutch unless told otherwise
    assert parse_number(text, DUTCH) == Decimal(dutch)
    assert parse_number(text, ENGLISH) == Decimal(english)
    assert is_ambiguous(text) == (dutch != english)


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("1.234,5", DUTCH),
        ("1.234.567", DUTCH),
        ("12,5", DUTCH),
        ("1,234.5", ENGLISH),
        ("1,234,567", ENGLISH),
        ("12.5", ENGLISH),
        ("1.234", None),
        ("1234", None),
        ("PM", None),
        (1234.5, None),
    ],
)
def test_a_number_tells_its_style_only_when_it_can(text: object, style: str | None) -> None:
    assert number_style(text) == style


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (dt.datetime(1905, 7, 17), 2025),  # 2025 typed in a cell formatted as a date
        (dt.date(1905, 7, 18), 2026),
        (dt.datetime(2025, 1, 1), 2025),  # the first of January stands for its year
        (dt.datetime(2025, 9, 16), None),  # a real date is not a year
        (dt.datetime(1905, 7, 17, 12, 0), None),
        ("2025 ", 2025),
        ("'2025", 2025),
        (2025.0, 2025),
        ("2025\u00a0", 2025),
        (True, None),
    ],
)
def test_years_as_they_are_typed(value: object, year: int | None) -> None:
    assert parse_year(value) == year


@pytest.mark.parametrize(
    ("value", "number"),
    [
        (0, 0),
        (0.0, 0),
        ("0", 0),
        ("-", 0),  # Excel's accounting zero
        (" -   ", 0),
        ("0,00", 0),
        ("0,001", Decimal("0.001")),  # unrounded: 0,001 x EUR 1.000 is one euro, not zero
        ("1.000", 1000),
        (None, None),
        (False, None),  # a boolean is no number, though Python counts it as 0
        ("", None),
        ("n.v.t.", None),
        (dt.date(2026, 1, 1), None),
    ],
)
def test_the_number_a_cell_holds_is_one_rule_for_finding_and_making_lines(
    value: object, number: object
) -> None:
    # find_table asks it of a column's cells, make_lines of a wide table's year cells (a
    # zero there is no line): the one rule serves both (make_lines had its own _is_zero)
    assert cell_number(value) == number


def test_a_loader_that_knows_no_hidden_or_merged_cells_still_builds_a_grid() -> None:
    rows: list[tuple[object, ...]] = [
        ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
        ("VIII", 16, "Onderzoek", 2025, 1500),
    ]
    grid = Grid("Blad1", False, rows, lambda row, column: None)
    header = find_header(grid.rows)
    assert header is not None
    table = read_table(grid, header, "x.xlsx")
    assert [(ln.cells["amount"].cell, ln.amount) for ln in table.lines] == [
        ("E2", Decimal("1500000.00"))
    ]
    assert [f.code for f in table.findings] == ["unit-assumed"]


def test_a_hidden_sheet_is_read_only_when_no_visible_sheet_holds_a_table(tmp_path: Path) -> None:
    table: list[list[object]] = [
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
        ["VIII", 16, "a", 2025, 1],
    ]
    path = write_workbook(
        tmp_path / "OCW.xlsx", {"Voorblad": [["OCW"]], "Data": Sheet(table, hidden=True)}
    )
    result = read_file(path, "OCW.xlsx")
    assert result.table is not None and result.table.sheet == "Data"
    assert [(f.location.sheet, f.code) for f in result.findings] == [
        ("Data", "unit-assumed"),
        ("Data", "hidden-sheet-read"),
    ]


def test_a_legacy_file_under_the_xlsx_name_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "OCW.xlsx"
    path.write_bytes((CORPUS / "same-table.libreoffice.xls").read_bytes())
    (finding,) = read_file(path, "OCW.xlsx").findings
    assert finding.code == "not-a-workbook"  # the pre-flight's code for a renamed format
    assert "name an .xls file .xls" in message(finding)


def test_a_damaged_ods_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "OCW.ods"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    (finding,) = read_file(path, "OCW.ods").findings
    assert finding.code == "file-corrupt"  # the pre-flight's code for a damaged archive
    assert "damaged" in message(finding)


def test_sheet_option_on_the_command_line() -> None:
    runner = CliRunner()
    workbook = str(CORPUS / "awkward.xlsxwriter.xlsx")
    result = runner.invoke(cli, ["validate", "--sheet", "Vorige versie", "-f", "json", workbook])
    document = json.loads(result.output)
    assert document["files"][0]["sheet"] == "Vorige versie"
    assert document["files"][0]["total_eur"] == "1000000.00"

    missing = runner.invoke(cli, ["validate", "--sheet", "Blad9", "-f", "json", workbook])
    assert missing.exit_code == 2
    codes = [f["code"] for f in json.loads(missing.output)["findings"]]
    assert codes == ["sheet-not-found"]


def _zip(names: list[str]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, b"")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "part"),
    [
        (_zip(["xl/workbook.xml", "xl/vbaProject.bin"]), "xl/vbaProject.bin"),
        (_zip(["content.xml", "Basic/Standard/Module1.xml"]), "Basic/ (LibreOffice Basic)"),
        (OLE_MAGIC + "_VBA_PROJECT_CUR".encode("utf-16-le"), "a VBA project"),
        (_zip(["xl/workbook.xml"]), None),
        (OLE_MAGIC + b"Workbook", None),
        (b"not a workbook", None),
    ],
)
def test_macros_are_found_in_every_container_and_never_run(data: bytes, part: str | None) -> None:
    found = macro_part(data)
    assert (found if found is None else str(found)) == part


def test_an_old_workbook_s_macros_are_named_in_dutch_too() -> None:
    part = macro_part(OLE_MAGIC + "_VBA_PROJECT_CUR".encode("utf-16-le"))
    finding = make_finding("macros-present", CellRef("oud.xls"), member=part)
    assert render_message(finding, "nl") == (
        "De werkmap bevat macro's (een VBA-project); die zijn niet uitgevoerd."
    )


def test_a_merge_over_the_whole_sheet_fills_the_table_only() -> None:
    rows: list[tuple[object, ...]] = [
        ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
        ("VIII", 16, "a", 2025, 1),
        (None, 6, "b", 2025, None),
    ]
    grid = Grid("Blad1", False, rows, lambda r, c: None, merged=((2, 1, 1048576, 16384),))
    header = find_header(grid.rows)
    assert header is not None
    table = read_table(grid, header, "x.xlsx")
    # the chapter is given to row 3; the amount is not: a merged amount counts once
    assert [(ln.values["chapter"], ln.amount) for ln in table.lines] == [
        ("VIII", Decimal("1000.00")),
        ("VIII", None),
    ]
    assert [f.code for f in table.findings] == ["unit-assumed", "merged-cells"]


@pytest.mark.parametrize("engine", ["xlsxwriter", "openpyxl"])
@pytest.mark.parametrize(
    ("rows", "merged", "at", "counted"),
    [
        (  # a long table: 13.100 merged over the rows of 2026 and 2027
            [
                ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
                ["XIII", 2, "AI-fabriek", 2026, 13100],
                ["XIII", 2, "AI-fabriek", 2027, None],
                ["XIII", 2, "AI-fabriek", 2028, 3900],
            ],
            "E2:E3",
            ("E2", "13100"),
            [(2026, 13_100_000), (2028, 3_900_000)],
        ),
        (  # a wide table: 6.000 merged over the columns of 2026 and 2027
            [
                ["Hoofdstuk", "Artikel", "Omschrijving", 2026, 2027, 2028],
                ["XIII", 2, "AI-fabriek", 6000, None, 100],
            ],
            "D2:E2",
            ("D2", "6000"),
            [(2026, 6_000_000), (2028, 100_000)],
        ),
    ],
)
def test_an_amount_merged_over_two_lines_or_years_is_said_where_it_counts_once(
    tmp_path: Path,
    engine: str,
    rows: list[list[object]],
    merged: str,
    at: tuple[str, str],
    counted: list[tuple[int, int]],
) -> None:
    # It was counted once, at its first cell, with nothing said: the other year's line lost
    # the money the merged cell shows across it, with exit 0.
    path = write_workbook(
        tmp_path / "EZ.xlsx", {"Blad1": Sheet(rows, merged=[merged])}, engine=engine
    )
    report = validate([str(path)], load_announcement(None))
    assert [(ln.year, ln.amount) for ln in report.lines if ln.amount] == counted
    [finding] = [f for f in report.findings if f.code == "merged-amount"]
    assert (finding.location.cell, finding.severity.value) == (at[0], "warning")
    assert message(finding).startswith(f'The amount "{at[1]}" is merged over {merged};')


def test_an_amount_merged_beside_its_comment_or_on_a_totals_row_is_not_said(
    tmp_path: Path,
) -> None:
    rows = [
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag", "Toelichting"],
        ["XIII", 2, "AI-fabriek", 2026, 13100, None],
        ["XIII", 2, "AI-fabriek", 2027, 6000, "zie brief"],
        ["Totaal", None, None, None, 19100, None],
    ]
    merged = ["E2:F2", "E4:F4"]  # one amount cell each, with a text column beside it
    path = write_workbook(tmp_path / "EZ.xlsx", {"Blad1": Sheet(rows, merged=merged)})
    report = validate([str(path)], load_announcement(None))
    assert "merged-amount" not in [f.code for f in report.findings]
    assert report.exit_code == 0


def test_a_totals_label_merged_over_two_rows_makes_both_totals_rows() -> None:
    rows: list[tuple[object, ...]] = [
        ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
        ("VIII", 16, "a", 2025, 1),
        ("Subtotaal", None, None, 2025, 1),
        (None, None, None, 2025, 5),  # the merged label's second row: a totals row too
        ("VIII", 6, "b", 2025, 2),
    ]
    grid = Grid("Blad1", False, rows, lambda r, c: None, merged=((3, 1, 4, 1),))
    header = find_header(grid.rows)
    assert header is not None
    table = read_table(grid, header, "x.xlsx")
    assert [ln.row for ln in table.lines] == [2, 5]
    assert [f.code for f in table.findings] == ["unit-assumed", "merged-cells"]
    [mismatch] = check_totals(table)  # nothing since the subtotal above it
    assert mismatch.code == "total-mismatch"
    assert (mismatch.location.cell, mismatch.params["stated"]) == ("E4", Decimal("5000.00"))


def _checked(path: Path) -> list[Finding]:
    """What reading says of a file, then what validate's checks of its totals and stands say."""
    result = read_file(path, path.name)
    assert result.table is not None
    return [*result.findings, *check_totals(result.table)]


SUPPLETOIRE_HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar"]
SUPPLETOIRE_HEADER += ["Stand vóór", "Mutatie", "Stand na"]


def _suppletoire(tmp_path: Path, total: list[object], *lines: list[object]) -> list[tuple]:
    rows = [["(bedragen x € 1.000)"], SUPPLETOIRE_HEADER, *lines, ["Totaal", None, None, 2025]]
    rows[-1] += total
    path = write_workbook(tmp_path / "supp.xlsx", {"Suppletoire": rows})
    mismatches = [f for f in _checked(path) if f.code in ("total-mismatch", "stand-mismatch")]
    return [(f.location.cell, f.code, f.params["stated"], f.params["computed"]) for f in mismatches]


def test_a_suppletoire_totals_row_is_checked_in_every_amount_column(tmp_path: Path) -> None:
    lines = (
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, 120_000, 1_500, 121_500],
        ["VIII", 6, "Opleidingen", 2025, 80_000, -750, 79_250],
    )
    assert _suppletoire(tmp_path, [200_000, 750, 200_750], *lines) == []
    # stale stands in the Totaal row (typed over): each found at its own cell
    assert _suppletoire(tmp_path, [199_000, 750, 201_750], *lines) == [
        ("E5", "total-mismatch", Decimal("199000000"), Decimal("200000000")),
        ("G5", "total-mismatch", Decimal("201750000"), Decimal("200750000")),
    ]
    assert _suppletoire(tmp_path, [200_000, 700, 200_750], *lines) == [
        ("F5", "total-mismatch", Decimal("700000"), Decimal("750000")),
    ]


def test_a_suppletoire_line_still_has_stand_after_equal_stand_before_plus_mutation(
    tmp_path: Path,
) -> None:
    lines = (
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, 120_000, 1_500, 121_500],
        ["VIII", 6, "Opleidingen", 2025, 80_000, -750, 79_350],  # should be 79.250
    )
    # the totals row agrees with its lines column by column; the line itself does not add up
    assert _suppletoire(tmp_path, [200_000, 750, 200_850], *lines) == [
        ("G4", "stand-mismatch", Decimal("79350000"), Decimal("79250000")),
    ]


def test_a_suppletoire_total_over_an_unreadable_stand_is_not_compared(tmp_path: Path) -> None:
    lines = (
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, "PM", 1_500, 121_500],
        ["VIII", 6, "Opleidingen", 2025, 80_000, -750, 79_250],
    )
    # "PM" is no amount: the before-column total cannot be checked, the others still are
    assert _suppletoire(tmp_path, [1, 750, 1], *lines) == [
        ("G5", "total-mismatch", Decimal("1000"), Decimal("200750000")),
    ]
    [pm] = [f for f in _checked(tmp_path / "supp.xlsx") if f.code == "stand-not-a-number"]
    assert (pm.location.cell, message(pm)) == (
        "E3",
        (
            "“PM” in “Stand vóór” is not an amount, so stand after = stand before + mutation "
            "cannot be checked on this row."
        ),
    )


def test_a_suppletoire_stand_shown_as_a_date_is_its_number_and_said_so(tmp_path: Path) -> None:
    # 79250 formatted as a date shows as 22-12-2116: the number typed is still the stand
    rows = [
        ["(bedragen x € 1.000)"],
        SUPPLETOIRE_HEADER,
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, 120_000, 1_500, 121_500],
        ["VIII", 6, "Opleidingen", 2025, 80_000, -750, 79_250],
        ["Totaal", None, None, 2025, 200_000, 750, 200_750],
    ]
    sheet = Sheet(rows, formats={"G4": "dd-mm-yyyy"})
    found = _checked(write_workbook(tmp_path / "supp.xlsx", {"Suppletoire": sheet}))
    assert not [f for f in found if f.code in ("total-mismatch", "stand-mismatch")]
    [date] = [f for f in found if f.code == "amount-is-date"]
    assert (date.location.cell, date.params["shown"], date.params["number"]) == (
        "G4",
        "22-12-2116",
        79_250,
    )


def test_a_suppletoire_stand_the_check_cannot_use_is_said_at_its_cell(tmp_path: Path) -> None:
    lines = (
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, None, 1_500, 121_500],  # stand before empty
        # a formula without a saved result (openpyxl writes none)
        ["VIII", 6, "Opleidingen", 2025, 80_000, -750, Formula("=E4+F4")],
        # the Totaal row's stand before is typed over with a PM
        ["Totaal", None, None, 2025, "PM", 750, 200_750],
    )
    rows = [["(bedragen x € 1.000)"], SUPPLETOIRE_HEADER, *lines]
    path = write_workbook(tmp_path / "supp.xlsx", {"Suppletoire": rows}, engine="openpyxl")
    said = [
        (f.location.cell, f.code, message(f))
        for f in sorted(_checked(path), key=lambda f: f.sort_key)
        if f.code in ("stand-missing", "stand-not-a-number", "amount-not-computed")
    ]
    assert said == [
        (
            "E3",
            "stand-missing",
            (
                "“Stand vóór” is empty, so stand after = stand before + mutation cannot be "
                "checked on this row."
            ),
        ),
        (
            "G4",
            "amount-not-computed",
            (
                "“Stand na” is a formula (=E4+F4) without a saved result, so its value is "
                "unknown: open the file in Excel or LibreOffice and save it again."
            ),
        ),
        (
            "E5",
            "stand-not-a-number",
            (
                "“PM” in “Stand vóór” is not an amount, so stand after = stand before + "
                "mutation cannot be checked on this row."
            ),
        ),
    ]
