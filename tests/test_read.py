"""The reader takes the layouts ministries really send, and keeps every value's cell."""

from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.read import read_file
from tests.builders import Formula
from tests.spec import HEADER, codes, long_table, message, validate, where, write


def lines_of(report):  # type: ignore[no-untyped-def]
    return [(ln.chapter, ln.article, ln.year, ln.amount, ln.source.cell) for ln in report.lines]


def test_long_layout_with_title_lines_caption_and_header_found_by_labels(tmp_path: Path) -> None:
    rows = [
        ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
        ["Reservering AI-fabriek"],
        ["(bedragen x € 1.000)"],
        [],
        [],
        ["Begrotingshoofdstuk", "Art.", "Omschrijving", "Jaar", "Bedrag"],
        ["VIII", 16, "Onderzoek", 2026, 2500],
        ["VIII", 16, "Onderzoek", 2027, "1.250,5"],
    ]
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert lines_of(report) == [
        ("VIII", "16", 2026, Decimal("2500000.00"), "E7"),
        ("VIII", "16", 2027, Decimal("1250500.00"), "E8"),
    ]
    assert (report.files[0].shape, report.files[0].layout) == ("long", None)
    assert report.files[0].ministry == "OCW"
    assert where(report) == []


def test_wide_layout_one_column_per_year(tmp_path: Path) -> None:
    rows = [
        ["Defensie (bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, "2026", "2027 ", "'2028", 2029.0],
        ["X", 6, "Rekenkracht", None, 1000, "-", 0, "2.000"],
    ]
    report = validate(tmp_path, {"Defensie.xlsx": rows})
    # Empty, zero and accounting-zero cells are "nothing this year", not lines.
    assert lines_of(report) == [
        ("X", "6", 2026, Decimal("1000000.00"), "E3"),
        ("X", "6", 2029, Decimal("2000000.00"), "H3"),
    ]
    assert (report.files[0].shape, report.files[0].layout) == ("wide", None)


def test_english_headers_and_a_unit_in_the_amount_header(tmp_path: Path) -> None:
    rows = [
        ["Chapter", "Article", "Description", "Year", "Amount (x EUR 1 mln)"],
        ["XVI", 1, "Health", 2026, 1.5],
    ]
    report = validate(tmp_path, {"VWS.xlsx": rows})
    assert [ln.amount for ln in report.lines] == [Decimal("1500000.00")]
    assert report.files[0].unit == Decimal(1_000_000)


@pytest.mark.parametrize(
    ("caption", "written", "euros"),
    [
        ("(bedragen x € 1.000)", 1500, "1500000.00"),
        ("(bedragen x € 1 mln)", "1,5", "1500000.00"),
        ("Bedragen in euro", "1.500.000", "1500000.00"),
        ("x1000", "1 500", "1500000.00"),
    ],
)
def test_units_from_the_caption(tmp_path: Path, caption: str, written: object, euros: str) -> None:
    report = validate(
        tmp_path, {"EZ.xlsx": long_table(["XIII", 2, "x", 2026, written], caption=caption)}
    )
    assert [ln.amount for ln in report.lines] == [Decimal(euros)]
    assert "unit-assumed" not in codes(report)


def test_without_a_caption_the_unit_is_assumed_and_said(tmp_path: Path) -> None:
    report = validate(tmp_path, {"EZ.xlsx": [HEADER, ["XIII", 2, "x", 2026, 7]]})
    assert [ln.amount for ln in report.lines] == [Decimal("7000.00")]
    assert where(report, severities=("info",)) == [
        ("EZ.xlsx", "Blad1", "unit-assumed"),
        ("EZ.xlsx", "Blad1!A1", "series-assumed"),
    ]


def test_two_captions_that_disagree_are_a_finding(tmp_path: Path) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag (x € 1 mln)"],
        ["XIII", 2, "x", 2026, 1],
    ]
    assert where(validate(tmp_path, {"EZ.xlsx": rows})) == [
        ("EZ.xlsx", "Blad1!E2", "unit-conflict")
    ]


@pytest.mark.parametrize("written", ["‒ 726", "– 726", "− 726", "-726", "(726)"])
def test_the_four_minus_signs_and_parentheses(tmp_path: Path, written: str) -> None:
    report = validate(tmp_path, {"EZ.xlsx": long_table(["XIII", 2, "x", 2026, written])})
    assert where(report) == [("EZ.xlsx", "Blad1!E4", "negative-reservation")]


def test_totals_and_subtotals_are_not_lines_and_are_recomputed(tmp_path: Path) -> None:
    rows = long_table(
        ["XIII", 2, "a", 2026, 100],
        ["XIII", 2, "b", 2026, 200],
        ["Subtotaal", None, None, None, Formula("=SUM(E4:E5)", 300)],
        ["XIII", 3, "c", 2026, 50],
        ["Subtotaal", None, None, None, Formula("=E7", 60)],  # stale: says 60, line says 50
        ["Totaal", None, None, None, Formula("=E6+E8", 360)],  # stale: lines add to 350
        [],
        ["Bron: eigen berekening", None, None, None, 999],  # a note below the table
    )
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert [ln.amount for ln in report.lines] == [
        Decimal("100000.00"),
        Decimal("200000.00"),
        Decimal("50000.00"),
    ]
    assert where(report) == [
        ("EZ.xlsx", "Blad1!E8", "total-mismatch"),
        ("EZ.xlsx", "Blad1!E9", "total-mismatch"),
    ]
    said = next(message(f) for f in report.findings if f.location.cell == "E9")
    assert "says EUR 360,000 but the lines it covers add up to EUR 350,000" in said


def test_a_totals_row_per_year_in_a_wide_table_and_a_total_column(tmp_path: Path) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2026, 2027, "Totaal"],
        ["X", 6, "a", 100, 200, Formula("=SUM(D3:E3)", 300)],
        ["X", 5, "b", 10, 20, 31],  # typed total, off by one
        ["Totaal", None, None, Formula("=SUM(D3:D4)", 110), Formula("=SUM(E3:E4)", 999), None],
    ]
    report = validate(tmp_path, {"Defensie.xlsx": rows})
    assert where(report) == [
        ("Defensie.xlsx", "Blad1!F4", "row-total-mismatch"),
        ("Defensie.xlsx", "Blad1!E5", "total-mismatch"),
    ]


def test_the_totals_row_s_cell_in_the_total_column_covers_every_year(tmp_path: Path) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2026, 2027, "Totaal"],
        ["X", 6, "a", 100, 200, 300],
        ["X", 5, "b", 10, 20, 30],
        ["Totaal", None, None, 110, 220, 330],
    ]
    assert where(validate(tmp_path, {"Defensie.xlsx": rows})) == []
    rows[-1][-1] = 340  # typed over: the years say 330
    report = validate(tmp_path, {"Defensie.xlsx": rows})
    assert where(report) == [("Defensie.xlsx", "Blad1!F5", "total-mismatch")]
    said = next(message(f) for f in report.findings if f.code == "total-mismatch")
    assert "says EUR 340,000 but the lines it covers add up to EUR 330,000" in said


@pytest.mark.parametrize("column", [3, 4, 5])  # 2026, 2027 and the Totaal column
@pytest.mark.parametrize("text", ["PM", "n.t.b.", "#REF!"])
def test_text_in_a_wide_totals_row_is_not_compared_and_stops_nothing(
    tmp_path: Path, column: int, text: str
) -> None:
    rows: list[list[object]] = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2026, 2027, "Totaal"],
        ["X", 6, "a", 100, 200, 300],
        ["X", 5, "b", 10, 20, 30],
        ["Subtotaal", None, None, 110, 220, 330],
        ["Totaal", None, None, 110, 220, 330],
    ]
    rows[-1][column] = text
    report = validate(tmp_path, {"Defensie.xlsx": rows})
    assert report.exit_code in (0, 1)  # read and judged: no stop on an unexpected problem
    assert "total-mismatch" not in {f.code for f in report.findings}


def test_a_totals_row_with_a_series_covers_only_that_series(tmp_path: Path) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
        ["XIII", 2, "a", "U", 2026, 100],
        ["XIII", 2, "a", "V", 2026, 900],
        ["Totaal uitgaven", None, None, "U", None, 100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert codes(report, severities=("info",)) == ["lines-not-counted"]


def test_a_formula_without_a_saved_result_is_a_finding_never_an_empty(tmp_path: Path) -> None:
    # openpyxl saves formulas without their results, as scripts do.
    rows = long_table(
        ["XIII", 2, "a", 2026, 100],
        ["XIII", 2, "b", 2026, Formula("=E4*2")],
        ["Totaal", None, None, None, Formula("=SUM(E4:E5)")],
    )
    report = validate(tmp_path, {"EZ.xlsx": rows}, engine="openpyxl")
    assert where(report) == [
        ("EZ.xlsx", "Blad1!E5", "amount-not-computed"),
        ("EZ.xlsx", "Blad1!E6", "total-not-computed"),
    ]


@pytest.mark.parametrize(
    ("line", "cell", "column", "said"),
    [
        (['="XIII"', 2, "a", 2026, 100], "A5", "Hoofdstuk", "missing-value"),
        (["XIII", "=1+1", "a", 2026, 100], "B5", "Artikel", "missing-value"),
        (["XIII", 2, '=A4&" b"', 2026, 100], "C5", "Omschrijving", "empty-description"),
        (["XIII", 2, "a", "=2025+1", 100], "D5", "Jaar", "missing-value"),
    ],
)
def test_a_key_computed_by_a_formula_without_a_saved_result_is_said_so(
    tmp_path: Path, line: list[object], cell: str, column: str, said: str
) -> None:
    # It was only "empty": a finance officer opening the file in Excel sees the value there.
    written = [Formula(v) if isinstance(v, str) and v.startswith("=") else v for v in line]
    rows = long_table(["XIII", 2, "a", 2027, 100], written)
    report = validate(tmp_path, {"EZ.xlsx": rows}, engine="openpyxl")
    assert where(report) == [
        ("EZ.xlsx", f"Blad1!{cell}", said),
        ("EZ.xlsx", f"Blad1!{cell}", "value-not-computed"),
    ]
    (finding,) = [f for f in report.findings if f.code == "value-not-computed"]
    assert message(finding) == (
        f"This “{column}” cell is a formula ({line[ord(cell[0]) - 65]}) without a saved "
        "result, so it reads as empty: open the file in Excel or LibreOffice and save it again."
    )


TITLE = [["Ministerie van Economische Zaken"], ["(bedragen x € 1.000)"], []]


@pytest.mark.parametrize(
    ("header", "amounts"),
    [
        (HEADER, lambda n: [Formula(f"=Invoer!D{n}"), Formula(f"=Invoer!E{n}")]),  # long
        (["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026"], lambda n: [None, None]),
        (["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026"], lambda n: [Formula("=D1")] * 2),
    ],
)
def test_a_table_of_formulas_without_saved_results_is_said_not_computed(
    tmp_path: Path, header: list[str], amounts: object
) -> None:
    """A sheet a script filled with =Invoer!A2, ... and saved without results reads as a
    header over empty rows: it was only table-empty ("no lines"), which sends the officer
    looking for lines that are there. Said once, with what to do."""
    assert callable(amounts)
    keys = [[Formula(f"=Invoer!{c}{n}") for c in "ABC"] + amounts(n) for n in (2, 3, 4)]
    report = validate(tmp_path, {"EZ.xlsx": [*TITLE, header, *keys]}, engine="openpyxl")
    assert where(report) == [("EZ.xlsx", "Blad1!A5", "table-not-computed")]
    (finding,) = [f for f in report.findings if f.code == "table-not-computed"]
    assert message(finding) == (
        "The table's rows below its header hold formulas without saved results (=Invoer!A2 "
        "here, 3 rows from row 5), so they read as empty and the table has no lines: open the "
        "file in Excel or LibreOffice and save it again."
    )
    assert "sla het opnieuw op" in message(finding, "nl")


def test_an_empty_table_without_formulas_is_still_table_empty(tmp_path: Path) -> None:
    rows = [*TITLE, HEADER, [None, None, None, None, Formula("=SUM(E6:E9)")]]
    report = validate(tmp_path, {"EZ.xlsx": rows}, engine="openpyxl")
    assert "table-empty" in codes(report)
    assert "table-not-computed" not in codes(report)


def test_a_cell_of_another_type_is_shown_in_a_message_as_its_sheet_shows_it(
    tmp_path: Path,
) -> None:
    """Python's words for a cell ("True", "2025-03-01 00:00:00", "09:30:00") are no sheet's:
    a message quotes what the officer sees in the cell."""
    import datetime as dt

    from tests.builders import Sheet

    rows = [
        *TITLE,
        HEADER,
        ["XIII", True, "a", 2026, 100],
        [dt.datetime(2025, 3, 1), 2, "b", 2026, 100],
        ["XIII", 2, "c", 2026, dt.time(9, 30)],
    ]
    formats = {"A6": "dd-mm-yyyy", "E7": "hh:mm"}
    report = validate(tmp_path, {"EZ.xlsx": {"Blad1": Sheet(rows, formats=formats)}})
    said = {f.location.place: message(f).split(" is not ")[0] for f in report.findings}
    assert (said["Blad1!B5"], said["Blad1!A6"], said["Blad1!E7"]) == (
        '"TRUE"',
        '"01-03-2025"',
        '"09:30"',
    )


def test_dutch_number_text_in_amount_cells(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "OCW.xlsx": long_table(
                ["VIII", 16, "a", 2026, "1.234,5"],
                ["VIII", 16, "b", 2026, "1\u00a0000"],
                ["VIII", 16, "c", 2026, "€ 2.000"],
            )
        },
    )
    assert [ln.amount for ln in report.lines] == [
        Decimal("1234500.00"),
        Decimal("1000000.00"),
        Decimal("2000000.00"),
    ]


def test_the_table_sheet_is_found_among_several(tmp_path: Path) -> None:
    files = {
        "BZK.xlsx": {
            "Toelichting": [["Dit bestand bevat de reservering."]],
            "Reservering": long_table(["VII", 6, "x", 2026, 1500]),
        }
    }
    report = validate(tmp_path, files)
    assert report.files[0].sheet == "Reservering"
    assert [ln.source.sheet for ln in report.lines] == ["Reservering"]


def test_a_workbook_without_a_table_is_refused(tmp_path: Path) -> None:
    report = validate(tmp_path, {"EZ.xlsx": [["Alleen een titel"], ["en wat tekst"]]})
    assert where(report) == [("EZ.xlsx", "", "no-table")]
    assert report.exit_code == 2


@pytest.mark.parametrize(
    ("content", "code", "reason"),
    [
        (b"", "file-empty", "The file is empty"),
        (b"Hoofdstuk;Artikel\nXIII;2\n", "not-a-workbook", "a text file (CSV or similar)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "not-a-workbook", "OLE compound"),
        (b"PK\x03\x04 broken", "file-corrupt", "the zip archive is truncated"),
    ],
)
def test_files_that_are_not_workbooks_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, code: str, reason: str
) -> None:
    # The pre-flight names each kind with its own code (tests/test_hostile.py has them all).
    path = tmp_path / "EZ.xlsx"
    path.write_bytes(content)
    read = read_file(path, "EZ.xlsx")
    assert [f.code for f in read.findings] == [code]
    assert reason in message(read.findings[0])


def test_a_missing_file_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    read = read_file(tmp_path / "nope.xlsx", "nope.xlsx")
    assert [(f.code, f.params["reason"]) for f in read.findings] == [
        ("file-unreadable", "it does not exist")
    ]


def test_every_line_keeps_its_file_sheet_and_cell(tmp_path: Path) -> None:
    write(tmp_path, {"EZ.xlsx": {"Reservering": long_table(["XIII", 2, "a", 2026, 1])}})
    read = read_file(tmp_path / "EZ.xlsx", "sub/EZ.xlsx")
    assert read.table is not None
    line = read.table.lines[0]
    assert {k: str(v) for k, v in line.cells.items()} == {
        "chapter": "sub/EZ.xlsx:Reservering!A4",
        "article": "sub/EZ.xlsx:Reservering!B4",
        "description": "sub/EZ.xlsx:Reservering!C4",
        "year": "sub/EZ.xlsx:Reservering!D4",
        "amount": "sub/EZ.xlsx:Reservering!E4",
    }
