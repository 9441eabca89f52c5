"""Every workbook of the corpus (tests/corpus, built by build_corpus.py) through the reader.

The same table gives the same lines whichever program wrote it: xlsxwriter (as Excel saves),
openpyxl and pandas (as scripts save), and LibreOffice Calc itself (.xlsx, .ods, .xls).
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.model import Finding, Severity
from reconcile.read import FileRead, read_file
from reconcile.read.find_table import parse_year
from reconcile.validate import normalise_article
from reconcile.validate.totals import check_totals
from tests.builders import write_workbook
from tests.corpus.build_corpus import CASES, XMLFORMS, rewrite_xml_forms
from tests.spec import message

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xlsm", ".ods", ".xls"))

Line = tuple[str, str, str, str, str | None, int | None, Decimal | None]


def read(name: str, sheet: str | None = None) -> FileRead:
    return read_file(CORPUS / name, name, sheet)


def lines(result: FileRead) -> list[Line]:
    """(amount cell, chapter, article, description, series, year, euros) per line read."""
    assert result.table is not None
    return [
        (
            str(ln.cells["amount"].cell),
            str(ln.values["chapter"]),
            str(normalise_article(ln.values["article"])),
            str(ln.values["description"]),
            ln.values["series"],
            parse_year(ln.year),
            ln.amount,
        )
        for ln in result.table.lines
    ]


def said(result: FileRead) -> list[Finding]:
    """What reading says, then what validate's checks of the table's totals say."""
    return [*result.findings, *(check_totals(result.table) if result.table else [])]


def findings(result: FileRead) -> list[tuple[str | None, str | None, str]]:
    """(sheet, cell, code) per finding, in the report's order: by sheet, then by cell."""
    ordered = sorted(said(result), key=lambda f: f.sort_key)
    return [(f.location.sheet, f.location.cell, f.code) for f in ordered]


RESEARCH, TRAINING = "AI-fabriek: onderzoeksfaciliteiten", "AI-fabriek: opleidingen"
SAME_TABLE = [
    ("F6", "VIII", "16", RESEARCH, "U", 2025, Decimal("1500000.00")),
    ("F7", "VIII", "16", RESEARCH, "U", 2026, Decimal("2500000.00")),
    ("F8", "VIII", "6", TRAINING, "U", 2026, Decimal("750500.00")),
]
SAME_TABLE_FILES = {
    "same-table.xlsxwriter.xlsx": [],
    # openpyxl saves no result for the Totaal's =SUM(F6:F8), a plain SUM of its own column
    # over numbers: the recomputation is its value, nothing to say
    "same-table.openpyxl.xlsx": [],
    "same-table.pandas.xlsx": [],
    "same-table.libreoffice.xlsx": [],  # LibreOffice computed the SUM the script left empty
    "same-table.libreoffice.ods": [],
    "same-table.libreoffice.xls": [],
    # the XML forms of other writers (inline strings, no docProps, prefixed elements): an
    # imitation rewritten from the xlsxwriter file, not a Google Sheets or PowerBI export
    "same-table.xmlforms.xlsx": [],
    "same-table.xmlforms-prefixed.xlsx": [],
    "macros.xlsxwriter.xlsm": [(None, None, "macros-present")],
    # the same table with awkward formulas: the reader still gives the same lines
    "formulas.libreoffice.xlsx": [],
    "stale-total.xlsxwriter.xlsx": [("Reservering", "F9", "total-mismatch")],
    # LibreOffice does not recalculate an .xlsx on load: the stale total stays stale
    "stale-total.libreoffice.xlsx": [("Reservering", "F9", "total-mismatch")],
    "text-in-sum.openpyxl.xlsx": [
        ("Reservering", "F7", "separator-assumed"),
        ("Reservering", "F9", "total-not-computed"),
    ],
    # LibreOffice's SUM skips the amount typed as text "2.500"; the reader does not
    "text-in-sum.libreoffice.xlsx": [
        ("Reservering", "F7", "separator-assumed"),
        ("Reservering", "F9", "total-mismatch"),
    ],
}


@pytest.mark.parametrize("name", sorted(SAME_TABLE_FILES))
def test_the_same_table_reads_the_same_from_every_producer(name: str) -> None:
    result = read(name)
    assert result.table is not None and result.table.sheet == "Reservering"
    assert lines(result) == SAME_TABLE
    assert findings(result) == SAME_TABLE_FILES[name]


def test_a_formula_without_a_saved_result_is_a_finding_at_its_cell() -> None:
    result = read("formulas.openpyxl.xlsx")
    assert [(cell, amount) for cell, *_, amount in lines(result)] == [
        ("F6", Decimal("1500000.00")),
        ("F7", None),
        ("F8", Decimal("750500.00")),
    ]
    assert findings(result) == [
        ("Reservering", "F7", "amount-not-computed"),
        ("Reservering", "F9", "total-not-computed"),
    ]
    assert "=2000+500" in message(result.findings[0])


def test_a_stale_cached_total_says_what_it_should_be() -> None:
    (finding,) = said(read("stale-total.xlsxwriter.xlsx"))
    assert finding.params["stated"] == Decimal("4000000.00")
    assert finding.params["computed"] == Decimal("4750500.00")


AWKWARD_LINES = [
    ("F6", "VIII", "16", RESEARCH, "U", 2025, Decimal("1500000.00")),
    ("F7", "VIII", "16", RESEARCH, "U", 2026, Decimal("2500000.00")),  # chapter merged A6:A8
    ("F8", "VIII", "6", TRAINING, "U", 2026, Decimal("750500.00")),
    ("F10", "VIII", "6", TRAINING, "U", 2027, Decimal("300000.00")),  # hidden row, after a gap
]
AWKWARD_SKIPPED = [("Lijsten", None, "hidden-sheet-skipped")]
# "Vorige versie" holds one line of its own: money not counted, so a warning at that sheet.
AWKWARD_NOT_READ = [("Vorige versie", None, "sheet-not-read")]


@pytest.mark.parametrize(
    "name", ["awkward.xlsxwriter.xlsx", "awkward.libreoffice.xlsx", "awkward.libreoffice.ods"]
)
def test_hidden_merged_and_extra_sheets_are_read_and_reported(name: str) -> None:
    result = read(name)
    assert lines(result) == AWKWARD_LINES
    assert findings(result) == [
        *AWKWARD_SKIPPED,
        ("Reservering", "D5", "hidden-column"),
        ("Reservering", "A6", "merged-cells"),
        ("Reservering", "A10", "hidden-line"),
        ("Reservering", "A15", "second-table-not-read"),  # "Oude raming", 999: not counted
        *AWKWARD_NOT_READ,
    ]
    by_code = {f.code: f for f in result.findings}
    assert by_code["hidden-line"].severity is Severity.WARNING
    assert by_code["hidden-sheet-skipped"].severity is Severity.INFO
    assert by_code["sheet-not-read"].severity is Severity.WARNING
    assert message(by_code["sheet-not-read"]).startswith(
        "Sheet “Vorige versie” also holds a budget table, and its lines were not read (1): "
        "only “Reservering” was."
    )


def test_an_xls_file_gives_the_same_lines_but_cannot_tell_hidden_rows() -> None:
    # calamine reads merged cells and hidden sheets of an .xls, not hidden rows and columns
    result = read("awkward.libreoffice.xls")
    assert lines(result) == AWKWARD_LINES
    assert findings(result) == [
        *AWKWARD_SKIPPED,
        ("Reservering", "A6", "merged-cells"),
        ("Reservering", "A15", "second-table-not-read"),  # "Oude raming", 999: not counted
        *AWKWARD_NOT_READ,
    ]


def test_sheet_names_the_sheet_to_read() -> None:
    result = read("awkward.xlsxwriter.xlsx", sheet="vorige versie")
    assert lines(result) == [
        ("F6", "VIII", "16", "Eerdere raming", "U", 2025, Decimal("1000000.00"))
    ]
    assert findings(result) == []


def test_a_missing_sheet_stops_that_file() -> None:
    result = read("awkward.xlsxwriter.xlsx", sheet="Blad1")
    assert result.table is None
    assert findings(result) == [(None, None, "sheet-not-found")]
    assert "“Toelichting”, “Reservering”, “Vorige versie”, “Lijsten”" in message(result.findings[0])


NUMBERS = [
    ("F6", Decimal("1234500.00")),  # 1.234,5
    ("F7", Decimal("2000000.00")),  # € 2.000 (ambiguous: decided Dutch by F6)
    ("F8", Decimal("-726000.00")),  # ‒ 726 (figure dash)
    ("F9", Decimal("-100000.00")),  # − 100 (minus sign)
    ("F10", Decimal("-50000.00")),  # – 50 (en dash)
    ("F11", Decimal("-250000.00")),  # (250)
    ("F12", Decimal("0.00")),  # accounting zero " -   "
    ("F13", Decimal("1500000.00")),  # 1 500 with a non-breaking space
    ("F14", Decimal("300000.00")),  # EUR 300
    ("F15", Decimal("-75000.00")),  # -75
    ("F16", Decimal("1234000.00")),  # 1.234 (ambiguous: decided Dutch by F6)
    ("F17", Decimal("1250000.00")),  # a number stored as a number
    ("F18", Decimal("1500000.00")),  # 1500 typed in a cell formatted as a date
]


@pytest.mark.parametrize("name", ["numbers.xlsxwriter.xlsx", "numbers.libreoffice.xlsx"])
def test_numbers_and_years_as_people_type_them(name: str) -> None:
    result = read(name)
    got = lines(result)
    assert [(cell, amount) for cell, *_, amount in got] == NUMBERS
    # 2025, "2025 ", "'2025", 2025.0, a date-formatted 2025, "2026\u00a0", 2026, ...
    assert [year for *_, year, _ in got] == [2025] * 5 + [2026] * 8
    assert findings(result) == [
        ("Reservering", "F7", "separator-assumed"),
        ("Reservering", "E10", "year-is-date"),
        ("Reservering", "F18", "amount-is-date"),
    ]
    assumed, amount_date, date = result.findings
    assert amount_date.params == {"shown": "08-02-1904", "number": 1500}
    assert assumed.params["count"] == 2
    assert "“1.234,5” (F6)" in message(assumed)
    assert date.params == {"shown": "17-07-1905", "year": 2025, "count": 1, "cells": "E10"}


def test_english_numbers_are_decided_by_the_column_then_the_table() -> None:
    result = read("separators-english.xlsxwriter.xlsx")
    assert [(cell, year, amount) for cell, *_, year, amount in lines(result)] == [
        ("D5", 2025, Decimal("1500000.00")),
        ("E5", 2026, Decimal("2500000.00")),
        ("D6", 2025, Decimal("12345500.00")),
        ("E6", 2026, Decimal("750000.00")),
    ]
    assert findings(result) == [
        ("Reservation", "D5", "separator-assumed"),
        ("Reservation", "E5", "separator-assumed"),
    ]
    by_column, by_table = result.findings
    assert "this column's other amounts" in message(by_column)
    assert "the table's other amounts" in message(by_table)
    assert "“12,345.5” (D6); 1 such cell." in message(by_table)


def test_an_undecidable_separator_is_a_warning_and_read_the_dutch_way() -> None:
    result = read("separators-ambiguous.xlsxwriter.xlsx")
    assert [amount for *_, amount in lines(result)] == [Decimal("1234.00"), Decimal("500.00")]
    assert findings(result) == [("Reservering", "E5", "separator-ambiguous")]
    assert result.findings[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "name", ["cross-footing.xlsxwriter.xlsx", "cross-footing.libreoffice.xlsx"]
)
def test_a_row_total_column_is_cross_footed(name: str) -> None:
    result = read(name)
    assert [(cell, year, amount) for cell, *_, year, amount in lines(result)] == [
        ("D6", 2025, Decimal("1500000.00")),
        ("E6", 2026, Decimal("2500000.00")),
        ("E7", 2026, Decimal("750500.00")),
        ("F7", 2027, Decimal("300000.00")),
    ]
    assert findings(result) == [
        ("Reservering", "E5", "year-is-date"),  # the header 2026 is formatted as a date
        ("Reservering", "G7", "row-total-mismatch"),
    ]
    mismatch = next(f for f in said(result) if f.code == "row-total-mismatch")
    assert mismatch.params["difference"] == Decimal("-50500.00")


@pytest.mark.parametrize(
    ("name", "mutations", "stand"),
    [
        ("suppletoire.xlsxwriter.xlsx", ["750000.00"], ("80700000.00", "80750000.00")),
        ("suppletoire-voor-na.xlsxwriter.xlsx", ["-750000.00"], ("79350000.00", "79250000.00")),
        ("suppletoire-voor-na.libreoffice.ods", ["-750000.00"], ("79350000.00", "79250000.00")),
    ],
)
def test_suppletoire_stand_after_is_stand_before_plus_the_mutation(
    name: str, mutations: list[str], stand: tuple[str, str]
) -> None:
    result = read(name)
    # the mutation is the amount read; the stands are checked, never counted
    assert [(cell, amount) for cell, *_, amount in lines(result)] == [
        ("F6", Decimal("1500000.00")),
        ("F7", Decimal(mutations[0])),
    ]
    mismatch = next(f for f in said(result) if f.code == "stand-mismatch")
    assert mismatch.location.cell == "G7"
    assert (mismatch.params["stated"], mismatch.params["computed"]) == tuple(map(Decimal, stand))


def test_every_corpus_file_is_tested() -> None:
    tested = {
        *SAME_TABLE_FILES,
        "formulas.openpyxl.xlsx",
        "awkward.xlsxwriter.xlsx",
        "awkward.libreoffice.xlsx",
        "awkward.libreoffice.xls",
        "awkward.libreoffice.ods",
        "numbers.xlsxwriter.xlsx",
        "numbers.libreoffice.xlsx",
        "separators-english.xlsxwriter.xlsx",
        "separators-ambiguous.xlsxwriter.xlsx",
        "cross-footing.xlsxwriter.xlsx",
        "cross-footing.libreoffice.xlsx",
        "suppletoire.xlsxwriter.xlsx",
        "suppletoire-voor-na.xlsxwriter.xlsx",
        "suppletoire-voor-na.libreoffice.ods",
        # read by tests/test_workbooks_as_saved.py
        "calendar-1904.xlsxwriter.xlsx",
        "calendar-1904.libreoffice.xlsx",
        "calendar-1904.libreoffice.ods",
        "calendar-1904.libreoffice.xls",
        "error-value.openpyxl.xlsx",
        "error-value.libreoffice.xlsx",
        "error-value.libreoffice.ods",
        "error-value.libreoffice.xls",
    }
    assert sorted(tested) == FILES


@pytest.mark.parametrize("name", FILES)
def test_every_corpus_file_validates_without_stopping(name: str) -> None:
    from reconcile.announcement import load_announcement
    from reconcile.pipeline import validate

    report = validate([str(CORPUS / name)], load_announcement(None))
    assert report.exit_code in (0, 1)
    assert report.files[0].lines > 0
    if name in SAME_TABLE_FILES:
        # the counted total of the same table, whoever wrote it
        assert (report.files[0].total, report.files[0].ministry) == (Decimal("4750500.00"), "OCW")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_committed_script_files_are_what_build_corpus_writes(case: str, tmp_path: Path) -> None:
    builder, engine, _ = CASES[case]
    name = f"{case}.{engine}.xlsx"
    rebuilt = write_workbook(tmp_path / name, builder(), engine)
    again, committed = read_file(rebuilt, name), read(name)
    assert committed.table is not None and again.table is not None
    assert (lines(again), findings(again)) == (lines(committed), findings(committed))


def _members(archive: io.BytesIO) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(archive) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


@pytest.mark.parametrize("name", sorted(XMLFORMS))
def test_the_xml_forms_of_other_writers_are_read_by_both_reading_paths(name: str) -> None:
    import zipfile

    from reconcile.read.read_cells_calamine import load_grids_calamine
    from reconcile.read.read_cells_xlsx import load_grids_openpyxl

    source, prefixed = XMLFORMS[name]
    data = (CORPUS / name).read_bytes()
    # the committed file is what the script writes: the same members with the same contents
    # (not the same zip bytes, which another zlib build may compress differently)
    rewritten = rewrite_xml_forms((CORPUS / source).read_bytes(), prefixed)
    assert _members(io.BytesIO(data)) == _members(io.BytesIO(rewritten))
    with zipfile.ZipFile(CORPUS / name) as archive:
        names = archive.namelist()
        sheet = archive.read("xl/worksheets/sheet1.xml")
    # the forms are really there: no shared strings, no document properties, inline strings
    assert "xl/sharedStrings.xml" not in names
    assert not [n for n in names if n.startswith("docProps/")]
    with zipfile.ZipFile(CORPUS / source) as archive:
        shared = archive.read("xl/worksheets/sheet1.xml").count(b't="s"')
    assert (sheet.count(b't="inlineStr"'), sheet.count(b't="s"')) == (shared, 0)
    assert shared == 19
    assert (b"<x:c " in sheet, b"<c " in sheet) == (prefixed, not prefixed)
    # calamine without its fall-back to openpyxl, and openpyxl, give the source's grids
    original = (CORPUS / source).read_bytes()
    for load in (load_grids_calamine, load_grids_openpyxl):
        assert [g.rows for g in load(data)] == [g.rows for g in load(original)]
        assert load(data)[0].formula_of(9, 6) == "=SUM(F6:F8)"
