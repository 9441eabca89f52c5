"""Real published tables re-saved the way a finance officer or analyst re-saves them.

Each test takes a real extract (tests/editions/PROVENANCE.md) or rows written here, writes it
again as Excel or LibreOffice would (another separator, Dutch or English number writing,
scientific notation), and asks that it reads as the original: the same findings, the same
amounts, no difference in ``diff``.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.announcement import load_announcement
from reconcile.diff import diff_files
from reconcile.pipeline import check, validate
from reconcile.read import read_file
from reconcile.read.layouts import LayoutTable
from tests.spec import message
from tests.test_editions import EDITIONS

B_TABLE_2017 = EDITIONS / "budgettaire_tabellen_owb_2017_origineel.csv"
# The begrotingsstaten header of rijksfinancien's 2020 file (comma-separated, plain integers),
# as its extract has it ("Naam Begroting " with its trailing space).
with (EDITIONS / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv").open(
    encoding="utf-8-sig", newline=""
) as _source:
    HEADER_2020 = next(csv.reader(_source))
_ENGLISH_AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$")


def _dutch(text: str) -> str:
    """An English-written amount as a Dutch Excel writes it: "58,673" -> "58.673"."""
    if not _ENGLISH_AMOUNT.match(text):
        return text
    whole, _, decimals = text.replace(",", "").partition(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    grouped = f"{int(digits):,}".replace(",", ".")
    return sign + grouped + ("," + decimals if decimals else "")


def _write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def _findings(path: Path) -> list[tuple[str | None, str]]:
    report = validate([str(path)], load_announcement(None), layout=None)
    return [(f.location.cell, f.code) for f in report.findings if f.code != "csv-detected"]


def _table(path: Path) -> LayoutTable:
    table = read_file(path, path.name).table
    assert isinstance(table, LayoutTable)
    return table


def test_a_b_table_resaved_by_a_dutch_excel_reads_as_published(tmp_path: Path) -> None:
    # The B-table 2017 writes "58,673" (English thousands comma). Opened and saved again by
    # Excel in Dutch it is ";"-separated with "58.673", "8.943.747": read with the layout's
    # English format, "58.673" was 58.673 and "8.943.747" not a number (84 total-mismatch
    # and 144 amount-not-a-number false alarms on the first 300 rows of the whole file).
    with B_TABLE_2017.open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    amounts = range(rows[0].index("Bedrag t-2"), rows[0].index("Bedrag t+4") + 1)
    resaved = [
        [_dutch(cell) if column in amounts else cell for column, cell in enumerate(row)]
        for row in rows
    ]
    assert resaved[2][amounts[0]] == "50.736"  # III article 1 V t-2, flagged J
    dutch = _write(tmp_path / "b2017_nl.csv", resaved, ";")

    said = _findings(dutch)
    assert ("T3", "separator-assumed") in said  # "50.736", the first cell read so
    assert [f for f in said if f[1] != "separator-assumed"] == _findings(B_TABLE_2017)
    result = diff_files(str(B_TABLE_2017), str(dutch))
    assert result.changes == ()
    assert result.unchanged == _table(B_TABLE_2017).line_count > 0


def test_the_reading_of_an_ambiguous_amount_is_said_at_its_cell(tmp_path: Path) -> None:
    # The B-table 2017's header, one row: "56.962" in t-1 reads as the "1.234.567" beside it.
    with B_TABLE_2017.open(encoding="utf-8", newline="") as source:
        header = next(csv.reader(source))
    row = dict.fromkeys(header, "")
    row |= {
        "Begrotingsjaar": "2017",
        "Begroting": "III",
        "Artikel nummer zoals in het witte stuk": "1",
    }
    row |= {"Bedrag t-2": "1.234.567", "Bedrag t-1": "56.962"}
    row[next(h for h in header if h.startswith("V/U/O"))] = "U"
    row[next(h for h in header if h.startswith("Indicatie totaal regel"))] = "N"
    table = _table(_write(tmp_path / "b.csv", [header, list(row.values())], ","))
    (read,) = table.rows
    assert [read.amounts[n].amount for n in ("t-2", "t-1")] == [
        Decimal("1234567000.00"),
        Decimal("56962000.00"),
    ]
    (said,) = [f for f in table.findings if f.code == "separator-assumed"]
    assert said.location.cell == "U2"
    assert said.params["example"] == "“1.234.567” (T2)"


def test_begrotingsstaten_saved_by_an_english_excel_read_english(tmp_path: Path) -> None:
    # The begrotingsstaten are Dutch ("6.234.490"); saved by an English Excel with a number
    # format they are "6,234,490", and "2,500" would be 2.5 the Dutch way.
    rows = [
        HEADER_2020,
        ["2020", "U", "XIII", "EZK", "1", "Art", "6,234,490", "2,500", "", "", ""],
        ["2020", "V", "XIII", "EZK", "1", "Art", "1,500.5", "0", "", "", ""],
    ]
    table = _table(_write(tmp_path / "staten_en.csv", rows))
    first, second = table.rows
    assert first.amounts["ontwerpbegroting"].amount == Decimal("6234490000.00")
    assert first.amounts["vastgestelde begroting"].amount == Decimal("2500000.00")
    assert second.amounts["ontwerpbegroting"].amount == Decimal("1500500.00")
    assert [f.location.cell for f in table.findings if f.code == "separator-assumed"] == ["H2"]


def test_amounts_that_mix_both_writings_keep_the_layouts(tmp_path: Path) -> None:
    # The 2014 download's "844.12" (844.120 with its zeros lost) beside Dutch "6.234.490"
    # shows both ways of writing: the layout's Dutch reading stays, and the short group is
    # refused as before, not read as 844.12.
    rows = [
        HEADER_2020,
        ["2014", "U", "XIII", "EZK", "1", "Art", "6.234.490", "", "", "", ""],
        ["2014", "U", "XIII", "EZK", "2", "Art", "844.12", "", "", "", ""],
    ]
    table = _table(_write(tmp_path / "mixed.csv", rows))
    first, second = table.rows
    assert first.amounts["ontwerpbegroting"].amount == Decimal("6234490000.00")
    assert second.amounts["ontwerpbegroting"].amount_problem == "short-group"


@pytest.mark.parametrize(
    ("written", "euros"),
    [
        ("1,5E+3", Decimal("1500000.00")),  # a Dutch Excel's scientific notation
        ("1.5E+3", Decimal("1500000.00")),
        ("-7,27596E-12", Decimal("0.00")),  # the B-table 2015's float residue, in Dutch
        ("1E+300", None),  # more digits than any budget: unreadable, said at its cell
        ("9E+999999", None),  # beyond what a Decimal holds once in euros: no Overflow
    ],
)
def test_scientific_notation_is_read_in_either_writing(
    tmp_path: Path, written: str, euros: Decimal | None
) -> None:
    rows = [HEADER_2020, ["2020", "U", "XIII", "EZK", "1", "Art", written, "", "", "", ""]]
    path = _write(tmp_path / "scientific.csv", rows)
    (row,) = _table(path).rows
    assert row.amounts["ontwerpbegroting"].amount == euros
    expected = [] if euros is not None else [("G2", "amount-not-a-number")]
    assert [f for f in _findings(path) if f[1] == "amount-not-a-number"] == expected


def test_a_table_excel_saved_as_unicode_text_is_refused_with_what_to_do(tmp_path: Path) -> None:
    # Excel's "Unicode Text (*.txt)": UTF-16 with BOM, tab-separated, CRLF. The .txt was
    # refused as "not .txt" alone; renamed to .tsv it reads as the published file.
    source = EDITIONS / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv"
    with source.open(encoding="utf-8", newline="") as published:
        rows = list(csv.reader(published))
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    saved = tmp_path / "staten.txt"
    saved.write_bytes(text.encode("utf-16"))  # with its BOM, as Excel writes it

    report = validate([str(saved)], load_announcement(None), layout=None)
    (refused,) = report.findings
    assert refused.code == "file-unreadable"
    assert "is read when renamed to .tsv" in message(refused, "en")
    assert "de naam .tsv krijgt" in message(refused, "nl")
    renamed = saved.rename(tmp_path / "staten.tsv")
    assert _findings(renamed) == _findings(source)
    assert diff_files(str(source), str(renamed)).changes == ()


@pytest.mark.parametrize(
    ("written", "euros"),
    [
        ("(1,234)", Decimal("-1234000.00")),  # an English Excel's accounting format
        ("\u2012 1,234", Decimal("-1234000.00")),  # a figure dash and a space, as in documents
        ("\u2212 1,234.5", Decimal("-1234500.00")),
        ("1,234-", Decimal("-1234000.00")),
        ("€ 1,234", Decimal("1234000.00")),
        ("1 234", Decimal("1234000.00")),
        ("1.234,5", None),  # the Dutch way, among English amounts: a finding, not a guess
    ],
)
def test_a_b_table_reads_negatives_as_spreadsheets_write_them(
    tmp_path: Path, written: str, euros: Decimal | None
) -> None:
    # These were amount-not-a-number in the B-tables' English format while the Dutch one
    # read them; "8,943,747" beside them keeps the table English.
    with B_TABLE_2017.open(encoding="utf-8", newline="") as source:
        header = next(csv.reader(source))
    row = dict.fromkeys(header, "")
    row |= {
        "Begrotingsjaar": "2017",
        "Begroting": "III",
        "Artikel nummer zoals in het witte stuk": "1",
    }
    row |= {"Bedrag t-2": written, "Bedrag t-1": "58,673", "Bedrag t": "8,943,747"}
    row[next(h for h in header if h.startswith("V/U/O"))] = "U"
    row[next(h for h in header if h.startswith("Indicatie totaal regel"))] = "N"
    table = _table(_write(tmp_path / "b.csv", [header, list(row.values())]))
    (read,) = table.rows
    assert read.amounts["t-2"].amount == euros
    assert read.amounts["t-1"].amount == Decimal("58673000.00")


def test_check_on_a_published_table_says_why_nothing_is_reconciled() -> None:
    # check read its 45 lines (9 rows of 5 standen) and showed them, then said "No budget
    # lines were read".
    source = str(EDITIONS / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv")
    report = check([source], load_announcement(None))
    assert [f.lines for f in report.files] == [45]
    (said,) = [f for f in report.findings if f.code == "no-lines"]
    assert source in message(said, "en")
    assert "counts towards no reservation (run validate on it)" in message(said, "en")
    assert "telt voor geen reservering mee" in message(said, "nl")


def test_a_layout_is_drafted_from_the_sheet_holding_the_table(tmp_path: Path) -> None:
    # A workbook with a note sheet before the table (an analyst's "Toelichting"): the draft
    # was made of the note's one cell, with no amount column, and refused by --layout.
    import openpyxl

    from reconcile.read.draft import draft_layout, first_rows

    book = openpyxl.Workbook()
    book.active.title = "Toelichting"
    book.active.append(["Toelichting bij de tabel"])
    book.active.append(["Bron: rijksfinancien.nl"])
    sheet = book.create_sheet("Data")
    sheet.append(["Jaar", "Hoofdstuk", "Artikel", "V/U/O", "Omschrijving", "Stand na"])
    sheet.append([2025, "XIII", 2, "U", "Bedrijvenbeleid", 1334.5])
    sheet.append([2025, "XIII", 3, "U", "Toekomstfonds", 1950])
    path = tmp_path / "staten.xlsx"
    book.save(path)
    rows, problem = first_rows(path, path.name)
    assert problem is None
    text = draft_layout(rows, "staten", path.name)
    assert 'label = "Stand na"' in text
    layout = tmp_path / "staten.toml"
    layout.write_text(text, encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=str(layout))
    assert [f.code for f in report.findings] == ["layout-detected", "unit-assumed"]
    assert report.files[0].lines == 2


def test_a_note_below_a_published_table_is_one_row_outside_it(tmp_path: Path) -> None:
    # An analyst's source line under the data, in the first (year) column: it was
    # year-invalid and three missing-value errors, and a blank row above it nothing.
    source = EDITIONS / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv"
    with source.open(encoding="utf-8", newline="") as published:
        rows = list(csv.reader(published))
    noted = _write(tmp_path / "staten.csv", [*rows, [], ["Bron: rijksfinancien.nl"]])
    note = f"A{len(rows) + 2}"
    assert _findings(noted) == [*_findings(source), (note, "row-outside-table")]
    assert diff_files(str(source), str(noted)).changes == ()


def test_a_csv_opened_without_splitting_its_columns_is_refused_with_what_to_do(
    tmp_path: Path,
) -> None:
    # A Dutch Excel opens a comma-separated file with every row in column A; saved so, the
    # workbook was "No budget table found", which named no cause.
    import openpyxl

    source = EDITIONS / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv"
    book = openpyxl.Workbook()
    book.active.title = "begrotingsstaten"
    book.active.append(["Begrotingsstaten, bedragen x € 1.000"])
    for line in source.read_text(encoding="utf-8").splitlines():
        book.active.append([line])
    path = tmp_path / "staten.xlsx"
    book.save(path)
    report = validate([str(path)], load_announcement(None), layout=None)
    (refused,) = report.findings
    assert (refused.code, refused.location.sheet, refused.location.cell) == (
        "file-unreadable",
        "begrotingsstaten",
        "A2",
    )
    assert "its values separated by a comma" in message(refused, "en")
    assert "Tekst naar kolommen" in message(refused, "nl")


def test_a_formula_without_a_saved_result_is_said_not_read_as_blank(tmp_path: Path) -> None:
    # A begrotingsstaten extract put together by a script (openpyxl) with amounts typed as
    # formulas: the file stores the formulas but no results, so no reader can know their
    # values. They were read as blank: a line silently without its amount, and a TOTAAL row
    # over it checked against the lines left.
    from tests.builders import Formula, write_workbook

    rows = [
        HEADER_2020,
        [2020, "U", "XIII", "EZK", 1, "Art 1", 100, 10, None, None, None],
        [2020, "U", "XIII", "EZK", 2, "Art 2", 200, Formula("=H2*2"), None, None, None],
        [2020, "U", "XIII", "EZK", "-", "TOTAAL", Formula("=G2+G3"), 30, None, None, None],
    ]
    path = write_workbook(tmp_path / "staten.xlsx", {"Blad1": rows}, engine="openpyxl")

    said = [s for s in _findings(path) if s[1] != "layout-detected"]
    assert said == [("H3", "amount-not-computed"), ("G4", "amount-not-computed")]
    report = validate([str(path)], load_announcement(None))
    (line,) = [f for f in report.findings if f.location.cell == "H3"]
    assert (
        message(line)
        == "This amount is a formula (=H2*2) without a saved result, so its value is unknown: "
        "open the file in Excel or LibreOffice and save it again."
    )
    table = _table(path)
    assert table.rows[1].amounts["vastgestelde begroting"].amount is None
    assert table.rows[0].amounts["vastgestelde begroting"].amount == Decimal("10000.00")


def test_a_chapters_own_totaal_row_is_named_by_its_chapter(tmp_path: Path) -> None:
    # A TOTAAL row sums its chapter and has no article ("-"): its finding names the chapter
    # and series, not an "article -".
    rows = [
        HEADER_2020,
        ["2020", "U", "XIII", "EZK", "1", "Art 1", "100", "", "", "", ""],
        ["2020", "U", "XIII", "EZK", "2", "Art 2", "200", "", "", "", ""],
        ["2020", "U", "XIII", "EZK", "-", "TOTAAL", "310", "", "", "", ""],
    ]
    report = validate([str(_write(tmp_path / "staten.csv", rows))], load_announcement(None))
    (finding,) = [f for f in report.findings if f.code == "total-mismatch"]
    assert finding.location.cell == "G4"
    assert message(finding).startswith(
        "The totals row of chapter XIII U (ontwerpbegroting) says EUR 310,000 but the lines it "
        "covers add up to EUR 300,000"
    )


def test_a_title_cell_with_a_carriage_return_is_no_joined_csv_row(tmp_path: Path) -> None:
    # A script writes a two-line title with "\r\n"; asked whether it was a CSV row opened
    # unsplit, the csv module raised "new-line character seen in unquoted field": exit 2.
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Ministerie van EZ\r\n(bedragen x € 1.000)"])
    book.active.append([])
    book.active.append(["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"])
    book.active.append(["XIII", 2, "AI-fabriek", 2026, 13100])
    path = tmp_path / "EZ.xlsx"
    book.save(path)
    report = validate([str(path)], load_announcement(None))
    assert report.files[0].total == Decimal("13100000")
