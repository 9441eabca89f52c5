"""Workbooks as other programs and settings save them, built here by code: a workbook on the
1904 calendar, strict Open XML, a pasted template whose codes carry a typed apostrophe.

Each reads as the same table does when Excel saves it on its defaults, by both reading paths
(calamine and openpyxl), or names its cell in English and Dutch.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.codes import texts_of
from reconcile.read import read_file
from reconcile.read.find_table import parse_year
from reconcile.read.read_cells_xlsx import READER_VARIABLE
from reconcile.report.record import Report
from tests.spec import message, where

TITLE: list[list[Any]] = [["Ministerie van Economische Zaken"], ["(bedragen x € 1.000)"], []]
HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "V/U/O", "Jaar", "Bedrag"]
LINES: list[list[Any]] = [
    ["XIII", 2, "Kasschuif AI-fabriek naar 2025", "Kasschuif", "U", 2025, 5100],
    ["XIII", 2, "Kasschuif AI-fabriek naar 2025", "Kasschuif", "U", 2026, -5100],
    ["XIII", 2, "AI-fabriek: rekeninfrastructuur", "Reservering", "U", 2026, 13100],
    ["XIII", 2, "AI-fabriek: rekeninfrastructuur", "Reservering", "U", 2027, 6000],
]
FIRST = len(TITLE) + 2  # the sheet row of the first line


def _book(rows: list[list[Any]], date_formatted: str = "", epoch_1904: bool = False) -> Any:
    """An openpyxl workbook with ``rows`` under the title and header; ``date_formatted`` the
    column letter whose line cells are formatted as dates, as a cell typed into is after a
    date was pasted there."""
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reservering"
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    for row in [*TITLE, HEADER, *rows]:
        sheet.append(row)
    if date_formatted:
        for number in range(FIRST, FIRST + len(rows)):
            sheet[f"{date_formatted}{number}"].number_format = "dd-mm-yyyy"
    return book


def _validate(path: Path) -> Report:
    return pipeline.validate([str(path)], load_announcement(None))


def _lines(path: Path) -> list[tuple[int | None, Decimal | None]]:
    """(year, euros) per line the table gives."""
    result = read_file(path, path.name)
    assert result.table is not None
    return [(parse_year(line.year), line.amount) for line in result.table.lines]


@pytest.fixture(params=["calamine", "openpyxl"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(READER_VARIABLE, request.param)
    return str(request.param)


# --- the 1904 calendar ---------------------------------------------------------------------


def test_years_in_date_cells_of_a_1904_workbook_are_the_years_typed(
    tmp_path: Path, reader: str
) -> None:
    # Excel for Mac saved workbooks on the 1904 calendar until 2011, and a workbook keeps its
    # calendar: 2025 typed in a date cell there shows 18-07-1909, day 2025 counted from 1904.
    path = tmp_path / "EZ.xlsx"
    _book(LINES, date_formatted="F", epoch_1904=True).save(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    report = _validate(path)
    assert where(report) == []
    assert _lines(path) == [
        (2025, Decimal("5100000")),
        (2026, Decimal("-5100000")),
        (2026, Decimal("13100000")),
        (2027, Decimal("6000000")),
    ]
    (date,) = [f for f in report.findings if f.code == "year-is-date"]
    assert date.location.place == "Reservering!F5"
    assert message(date) == (
        "4 years in F5:F8 are stored as dates, this one first: 18-07-1909 was read as 2025."
    )
    assert message(date, "nl") == (
        "4 jaren in F5:F8 zijn opgeslagen als datum, deze eerst: 18-07-1909 is gelezen als 2025."
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_wide_header_s_years_stored_as_dates_are_one_note(tmp_path: Path, reader: str) -> None:
    # The header's year cells formatted as dates (2025 typed shows 17-07-1905): each gave a
    # note of its own, "(1 cell in this column)", four for a table of four years.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Reservering"
    for row in [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026, 2027, 2028],
        ["XIII", 2, "AI-fabriek: rekeninfrastructuur", 5100, 13100, 6000, 500],
    ]:
        sheet.append(row)
    for letter in "DEFG":
        sheet[f"{letter}{FIRST - 1}"].number_format = "dd-mm-yyyy"
    path = tmp_path / "EZ.xlsx"
    book.save(path)
    report = _validate(path)
    assert where(report) == []
    assert [year for year, _ in _lines(path)] == [2025, 2026, 2027, 2028]
    (date,) = [f for f in report.findings if f.code == "year-is-date"]
    assert date.location.place == "Reservering!D4"
    assert message(date) == (
        "4 years in D4:G4 are stored as dates, this one first: 17-07-1905 was read as 2025."
    )


def test_an_amount_in_a_date_cell_of_a_1904_workbook_is_the_number_typed(
    tmp_path: Path, reader: str
) -> None:
    path = tmp_path / "EZ.xlsx"
    _book(LINES, date_formatted="G", epoch_1904=True).save(path)
    report = _validate(path)
    assert [amount for _, amount in _lines(path)][2:] == [
        Decimal("13100000"),
        Decimal("6000000"),
    ]
    dates = [f for f in report.findings if f.code == "amount-is-date"]
    shown = {f.params["shown"]: f.params["number"] for f in dates}
    # 13100 counted from 1 January 1904 is 13 November 1939 (from 1900: 12 November 1935).
    assert shown["13-11-1939"] == 13100


def test_a_1904_workbook_without_dates_reads_as_any_other(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "EZ.xlsx"
    _book(LINES, epoch_1904=True).save(path)
    report = _validate(path)
    assert where(report) == []
    assert [f.code for f in report.findings] == []
    assert _lines(path)[0] == (2025, Decimal("5100000"))


def test_the_1900_calendar_is_still_read_from_1900(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "EZ.xlsx"
    _book(LINES, date_formatted="F").save(path)
    report = _validate(path)
    (date,) = [f for f in report.findings if f.code == "year-is-date"]
    assert date.params["shown"] == "17-07-1905"
    assert _lines(path)[0] == (2025, Decimal("5100000"))


def test_a_date_typed_as_a_date_is_no_year_on_either_calendar() -> None:
    from reconcile.read.cells import Date1904
    from reconcile.read.find_table import excel_serial, parse_year

    assert excel_serial(Date1904(1909, 7, 18)) == 2025
    assert excel_serial(dt.datetime(1905, 7, 17)) == 2025
    assert parse_year(Date1904(2025, 1, 1)) == 2025  # a first of January stands for its year
    assert parse_year(Date1904(2025, 3, 14)) is None
    assert excel_serial(Date1904(1909, 7, 18, 9, 30)) is None  # a moment, not a number


# --- Excel's text-forcing apostrophe, kept as a character --------------------------------


def test_codes_typed_with_a_kept_apostrophe_are_read_as_the_codes(tmp_path: Path) -> None:
    # Typed into a cell formatted as text (a template's code columns often are), or pasted
    # from a CSV export or another program, '2 keeps its apostrophe as a character: the cell
    # holds "'2". A year ("'2025") and an amount ("'5100") were read; the codes were not.
    rows = [
        ["'XIII", "'2", "Kasschuif AI-fabriek naar 2025", "'Kasschuif", "'U", "'2025", "'5100"],
        ["'13", "' 2", "Kasschuif AI-fabriek naar 2025", "Kasschuif", "U", 2026, "'-5100"],
        ["XIII", "'02", "'s-Hertogenbosch: datacentrum", "' Reservering", "'u", 2026, 13100],
    ]
    path = tmp_path / "EZ.xlsx"
    _book(rows).save(path)
    report = _validate(path)
    assert where(report) == []
    assert report.files[0].total == Decimal("13100000")
    assert [(ln.chapter, ln.article, ln.series, ln.kind) for ln in report.lines] == [
        ("XIII", "2", "U", "kasschuif"),
        ("XIII", "2", "U", "kasschuif"),
        ("XIII", "2", "U", "reservation"),
    ]


def test_an_apostrophe_before_no_code_is_still_named_at_its_cell(tmp_path: Path) -> None:
    rows = [["'XIV B", "'2a b", "AI-fabriek", "'Subsidie", "'W", 2026, 13100]]
    path = tmp_path / "EZ.xlsx"
    _book(rows).save(path)
    report = _validate(path)
    found = {(f.location.place, f.code): f for f in report.findings}
    assert ("Reservering!E5", "series-invalid") in found
    assert message(found["Reservering!E5", "series-invalid"]) == (
        '"\'W" is not a series: write V (verplichtingen), U (uitgaven) or O (ontvangsten).'
    )
    assert message(found["Reservering!E5", "series-invalid"], "nl").startswith('"\'W" is ')


# --- strict Open XML ---------------------------------------------------------------------

# Excel's "Strict Open XML Spreadsheet" writes the same parts as its usual .xlsx, with the
# spreadsheet and relationship elements in these namespaces instead (ISO/IEC 29500 strict).
STRICT = (
    (
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    ),
    (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
)


def _strict(path: Path) -> Path:
    """``path`` rewritten as strict Open XML, beside it."""
    import zipfile

    strict = path.with_name(f"strict-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as copy:
        for info in source.infolist():
            part = source.read(info)
            for usual, other in STRICT:
                part = part.replace(usual, other)
            if info.filename == "xl/workbook.xml":
                part = part.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            copy.writestr(info, part)
    return strict


def test_a_strict_open_xml_workbook_reads_as_its_usual_twin(tmp_path: Path, reader: str) -> None:
    # A script's file (openpyxl saves no formula results) with a hidden row holding a line and
    # a hidden sheet with a table: every finding of the usual file, at the same cells. The
    # openpyxl path found no sheet in it (no-table, exit 2), and asking it for the formula of
    # G9 stopped the run ("unexpected problem", KeyError).
    book = _book([*LINES, ["XIII", 2, "Formule", "Reservering", "U", 2028, "=1000*2"]])
    sheet = book.active
    sheet.append(["Totaal", None, None, None, "U", None, "=SUM(G5:G9)"])
    sheet.row_dimensions[7].hidden = True
    old = book.create_sheet("Oud")
    old.sheet_state = "hidden"
    for row in [*TITLE, HEADER, LINES[0]]:
        old.append(row)
    usual = tmp_path / "EZ.xlsx"
    book.save(usual)
    strict = _strict(usual)
    before = strict.read_bytes()
    expected = [
        ("EZ.xlsx", "Oud", "sheet-not-read"),
        ("EZ.xlsx", "Reservering!A7", "hidden-line"),
        ("EZ.xlsx", "Reservering!G9", "amount-not-computed"),
        ("EZ.xlsx", "Reservering!G10", "total-not-computed"),
    ]
    assert where(_validate(usual)) == expected
    report = _validate(strict)
    assert where(report) == [(strict.name, place, code) for _, place, code in expected]
    assert report.files[0].total == Decimal("19100000")
    assert strict.read_bytes() == before


def test_a_strict_workbook_over_a_limit_names_its_sheet(tmp_path: Path) -> None:
    from reconcile.limits import Limits

    usual = tmp_path / "EZ.xlsx"
    _book(LINES).save(usual)
    strict = _strict(usual)
    small = Limits(max_rows=6)
    report = pipeline.validate([str(strict)], load_announcement(None), limits=small)
    (refused,) = [f for f in report.findings if f.code == "limit-exceeded"]
    assert refused.location.sheet == "Reservering"  # not its part's name, sheet1.xml


# --- an Excel Table (ListObject) with its totals row -------------------------------------


def _excel_table(path: Path, label: str, saved: int) -> Path:
    """The lines as an Excel Table ("Opmaken als tabel") with its totals row switched on: the
    row's label in the first column, =SUBTOTAL(109,Tabel1[Bedrag]) under the amounts, saved
    with ``saved`` as its result as Excel saves it (openpyxl saves none: written in after)."""
    import re
    import zipfile

    from openpyxl.worksheet.table import Table

    book = _book(LINES)
    sheet = book.active
    last = FIRST + len(LINES)
    sheet.append([label, None, None, None, None, None, "=SUBTOTAL(109,Tabel1[Bedrag])"])
    sheet.add_table(Table(displayName="Tabel1", ref=f"A{FIRST - 1}:G{last}", totalsRowCount=1))
    plain = path.with_name(f"openpyxl-{path.name}")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as copy:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                formula = rb"(<f>SUBTOTAL\(109,Tabel1\[Bedrag\]\)</f>)(?:<v\s*/>|<v></v>)?"
                part, count = re.subn(formula, rb"\1<v>%d</v>" % saved, part)
                assert count == 1
            copy.writestr(info, part)
    return path


@pytest.mark.parametrize("label", ["Totaal", "Total", "Eindtotaal", "Grand Total"])
def test_an_excel_tables_totals_row_is_checked_whatever_excel_labels_it(
    tmp_path: Path, label: str
) -> None:
    # Excel labels a table's totals row "Totaal" or "Total" by its language, a pivot table's
    # "Eindtotaal" or "Grand Total". The last two were read as a line: five errors at its
    # cells (chapter-unknown "Eindtotaal", missing-value ...) instead of the total's one.
    stale = _excel_table(tmp_path / "EZ.xlsx", label, saved=19000)
    report = _validate(stale)
    assert where(report) == [("EZ.xlsx", "Reservering!G9", "total-mismatch")]
    (mismatch,) = report.findings
    assert message(mismatch) == (
        f"“{label}” says EUR 19,000,000 but the lines it covers add up to EUR 19,100,000 "
        "(difference -EUR 100,000)."
    )
    assert message(mismatch, "nl").startswith(f"“{label}” vermeldt € 19.000.000, maar")
    assert report.files[0].total == Decimal("19100000")
    right = _excel_table(tmp_path / "OK.xlsx", label, saved=19100)
    assert [f.code for f in _validate(right).findings] == []


# --- cells without their reference (r="G9") ------------------------------------------------


def test_a_sheet_whose_cells_carry_no_reference_reads_as_with_them(
    tmp_path: Path, reader: str
) -> None:
    # <row r="9"> and <c r="G9"> are optional in Open XML: a writer may leave them out (code
    # built on the Open XML SDK often does), and a cell's place is then its order. calamine
    # reads such cells in place, but the byte scan for what it does not report (formulas
    # without a result, error values, hidden rows) could not place them: the hidden line, the
    # #DIV/0! and the uncomputed formula below were all missed (one missing-value instead).
    import re
    import zipfile

    rows = [
        *LINES,
        ["XIII", 2, "Fout", "Reservering", "U", 2028, "=1/0"],
        ["XIII", 2, "Formule", "Reservering", "U", 2029, "=1000*2"],
    ]
    book = _book(rows)
    book.active.delete_rows(len(TITLE))  # no empty row: every row is written, in order
    book.active.row_dimensions[FIRST].hidden = True  # the first line, now in row 5
    placed = tmp_path / "placed.xlsx"
    book.save(placed)
    unplaced = tmp_path / "EZ.xlsx"
    with zipfile.ZipFile(placed) as source, zipfile.ZipFile(unplaced, "w") as copy:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                # the #DIV/0! Excel saves for =1/0, then every reference out
                error = b'<c r="G8" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
                part, count = re.subn(rb'<c r="G8"[^>]*>.*?</c>', error, part)
                assert count == 1
                part = re.sub(rb'(<(?:c|row)) r="[A-Z]*[0-9]+"', rb"\1", part)
                assert b' r="' not in part
            copy.writestr(info, part)
    report = _validate(unplaced)
    assert where(report) == [
        ("EZ.xlsx", "Reservering!A5", "hidden-line"),
        ("EZ.xlsx", "Reservering!G8", "amount-not-a-number"),
        ("EZ.xlsx", "Reservering!G9", "amount-not-computed"),
    ]
    assert message(report.findings[1], "nl").startswith('"#DIV/0!" is geen bedrag')


# --- CSV as Excel for Mac saves it ---------------------------------------------------------


def test_a_csv_saved_by_excel_for_mac_is_read_in_mac_roman(tmp_path: Path) -> None:
    # Excel for Mac's "CSV (Macintosh)" ends lines with CR alone and writes Mac Roman, where
    # "€" is byte 0xDB: read as Windows-1252 that is "Û", so "(bedragen x € 1 mln)" was no
    # unit caption, the amounts were read in thousands (EUR 19,100 for EUR 19.1 mln, a note
    # only), and "coördinatie" came out "co‚rdinatie".
    rows = [
        "(bedragen x € 1 mln)",
        "Hoofdstuk;Artikel;Omschrijving;Jaar;Bedrag",
        "XIII;2;AI-fabriek: coördinatie;2026;13,1",
        "XIII;2;AI-fabriek: coördinatie;2027;6",
    ]
    path = tmp_path / "EZ.csv"
    path.write_bytes("\r".join(rows).encode("mac_roman") + b"\r")
    assert b"\xdb" in path.read_bytes()  # the euro sign, as Mac Roman writes it
    report = _validate(path)
    assert where(report) == []
    assert report.files[0].total == Decimal("19100000")
    (detected,) = [f for f in report.findings if f.code == "csv-detected"]
    assert message(detected) == "Read as CSV: semicolon-separated, encoding Mac Roman."
    assert message(detected, "nl").endswith("Mac Roman.")
    result = read_file(path, path.name)
    assert result.table is not None
    assert result.table.lines[0].values["description"] == "AI-fabriek: coördinatie"


def test_a_csv_in_windows_1252_with_crlf_is_still_windows_1252(tmp_path: Path) -> None:
    rows = ["(bedragen x € 1.000)", "Hoofdstuk;Artikel;Omschrijving;Jaar;Bedrag"]
    path = tmp_path / "EZ.csv"
    path.write_bytes("\r\n".join([*rows, "XIII;2;coördinatie;2026;13100"]).encode("cp1252"))
    report = _validate(path)
    (detected,) = [f for f in report.findings if f.code == "csv-detected"]
    assert detected.params["encoding"] == "Windows-1252"
    assert report.files[0].total == Decimal("13100000")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_LE + "Bedrag;coördinatie\r\n".encode("utf-16-le"), "UTF-16"),
        ("Bedrag;coördinatie\n".encode(), "UTF-8"),
        ("Bedrag;coördinatie\r".encode("mac_roman"), "Mac Roman"),
        ("Bedrag;coördinatie\r\n".encode("cp1252"), "Windows-1252"),
        (b"Bedrag;co\x81rdinatie\r\n", "Latin-1"),  # 0x81: undefined in Windows-1252
    ],
)
def test_csv_detected_explains_every_encoding_the_reader_finds(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    # The explanation (reconcile explain csv-detected, docs/*/codes.md) named UTF-8,
    # Windows-1252 and Latin-1 only, after the reader had learnt UTF-16 and Mac Roman.
    path = tmp_path / "EZ.csv"
    path.write_bytes(data)
    (detected,) = [f for f in _validate(path).findings if f.code == "csv-detected"]
    assert detected.params["encoding"] == encoding
    for lang in ("en", "nl"):
        assert encoding in texts_of("csv-detected", lang)[1]


# --- the shipped example, each file saved another way ----------------------------------------


def test_the_example_set_saved_every_other_way_reconciles_to_the_same_total(
    tmp_path: Path,
) -> None:
    # The six workbooks of examples/ai-fabriek as six offices might send them: EZ saved as
    # strict Open XML, Defensie on the 1904 calendar with its year cells formatted as dates,
    # OCW as Excel for Mac's CSV, BZK with its codes typed behind a kept apostrophe; VWS and
    # LVVN as they are. Each reads as the original, so the set reconciles as it does.
    import shutil

    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    example = Path(__file__).resolve().parent.parent / "examples" / "ai-fabriek"
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("announcement.toml", "VWS.xlsx", "LVVN.xlsx", "EZ.xlsx"):
        shutil.copy(example / name, tmp_path / name if name == "EZ.xlsx" else folder / name)
    _strict(tmp_path / "EZ.xlsx").rename(folder / "EZ.xlsx")

    defensie = openpyxl.load_workbook(example / "Defensie.xlsx")
    defensie.epoch = CALENDAR_MAC_1904
    for row in defensie.active.iter_rows():
        for cell in row:
            if isinstance(cell.value, int) and 2025 <= cell.value <= 2030:
                cell.number_format = "dd-mm-yyyy"
    defensie.save(folder / "Defensie.xlsx")

    ocw = openpyxl.load_workbook(example / "OCW.xlsx").active
    lines = [
        ";".join("" if value is None else str(value) for value in row)
        for row in ocw.iter_rows(values_only=True)
        if not any(isinstance(value, str) and value.startswith("=") for value in row)
    ]
    (folder / "OCW.csv").write_bytes("\r".join(lines).encode("mac_roman") + b"\r")

    bzk = openpyxl.load_workbook(example / "BZK.xlsx")
    header = None
    for row in bzk.active.iter_rows():
        if header is not None and row[0].value and not str(row[0].value).startswith("Tota"):
            for cell in row[:2]:
                cell.value = f"'{cell.value}"
        header = header or ("Hoofdstuk" in [cell.value for cell in row] or None)
    bzk.save(folder / "BZK.xlsx")

    report = pipeline.check([str(folder)], load_announcement(folder / "announcement.toml"))
    assert report.verdict == "reconciled"
    assert report.total == Decimal("69400000")
    assert {f.ministry: f.total for f in report.files} == {
        "EZ": Decimal("25000000"),
        "Defensie": Decimal("20000000"),
        "OCW": Decimal("8000000"),
        "BZK": Decimal("6000000"),
        "VWS": Decimal("5400000"),
        "LVVN": Decimal("5000000"),
    }
    assert not [f for f in report.findings if f.severity.value == "error"]


CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.mark.parametrize(
    "name",
    [
        "calendar-1904.xlsxwriter.xlsx",
        "calendar-1904.libreoffice.xlsx",
        "calendar-1904.libreoffice.ods",  # <table:null-date table:date-value="1904-01-01"/>
        "calendar-1904.libreoffice.xls",  # DATEMODE 1 in the workbook globals
    ],
)
def test_each_format_keeps_the_1904_calendar_and_is_read_from_1904(name: str) -> None:
    # LibreOffice keeps a workbook's calendar in every format it saves (built by
    # tests/corpus/build_corpus.py, case calendar-1904): .xls and .ods were read from 1900.
    path = CORPUS / name
    assert [(year, amount) for year, amount in _lines(path)] == [
        (2025, Decimal("1500000")),
        (2026, Decimal("2500000")),
        (2026, Decimal("750500")),
    ]
    report = _validate(path)
    assert where(report) == [(name, "Reservering!F7", "amount-is-date")]
    (year, amount) = sorted(
        (f for f in report.findings if f.code in ("year-is-date", "amount-is-date")),
        key=lambda f: f.code,
        reverse=True,
    )
    assert year.params["shown"] == "18-07-1909"
    assert amount.params == {"shown": "05-11-1910", "number": 2500}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("error-value.openpyxl.xlsx", "amount-not-computed"),  # a script's file: no result
        ("error-value.libreoffice.xlsx", "amount-not-a-number"),
        ("error-value.libreoffice.ods", "amount-not-a-number"),
        ("error-value.libreoffice.xls", "amount-not-a-number"),  # its FORMULA record's result
    ],
)
def test_a_formula_showing_an_error_is_an_error_at_its_cell_in_every_format(
    name: str, code: str
) -> None:
    # =1/0 in an amount cell, saved by LibreOffice with its result #DIV/0! (built by
    # tests/corpus/build_corpus.py, case error-value). calamine reads an error value as an
    # empty cell; the .ods and .xls said "The Bedrag of this line is empty" of a cell showing
    # #DIV/0!.
    report = _validate(CORPUS / name)
    assert where(report) == [(name, "Reservering!F9", code)]
    (finding,) = report.findings
    if code == "amount-not-a-number":
        assert message(finding).startswith('"#DIV/0!" is not an amount; it is not counted')
        assert message(finding, "nl").startswith('"#DIV/0!" is geen bedrag')
    assert report.files[0].total == Decimal("4750500")


def test_an_xls_error_value_typed_or_computed_is_found_in_its_sheet() -> None:
    from reconcile.read.read_cells import xls_extras

    data = (CORPUS / "error-value.libreoffice.xls").read_bytes()
    assert xls_extras(data) == (False, {"Reservering": {(9, 6): "#DIV/0!"}})
    assert xls_extras((CORPUS / "calendar-1904.libreoffice.xls").read_bytes())[0] is True
    assert xls_extras(b"not an ole file at all, but long enough" * 20) == (False, {})
