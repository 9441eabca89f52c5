"""A ministry's budget table saved as CSV is read as its sheet is: the header words of a
workbook (reconcile/data/workbook-words.toml) are a layout family for every table, workbook or
CSV (issue 14, item 2). A CSV file with neither such a header nor a layout's is still refused."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.cli import cli
from reconcile.report.record import Report
from tests.spec import GOOD_SET, long_table, message, where, write

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ai-fabriek"


def write_csv(path: Path, rows: Sequence[Sequence[Any]], delimiter: str = ";") -> Path:
    """``rows`` as a spreadsheet saves them as CSV: empty cells empty, CRLF line ends."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(
            ["" if value is None else value for value in row] for row in rows
        )
    return path


def validate(*paths: Path) -> Report:
    return pipeline.validate([str(p) for p in paths], load_announcement(None))


def test_a_long_table_saved_as_csv_gives_the_lines_and_findings_of_its_workbook(
    tmp_path: Path,
) -> None:
    rows = long_table(
        ["XIII", 2, "AI-fabriek: rekeninfrastructuur", 2026, "13.100"],
        ["XIII", 2, "AI-fabriek: opleidingen", 2026, "1.234,5"],
        ["XIII", "twee", "AI-fabriek: beheer", 2027, "800"],
    )
    (book,) = write(tmp_path / "xlsx", {"EZ.xlsx": rows})
    sheet = pipeline.validate([book], load_announcement(None))
    table = validate(write_csv(tmp_path / "EZ.csv", rows))

    assert table.findings[0].code == "csv-detected"
    assert [(line.amount, line.source.cell) for line in table.lines] == [
        (line.amount, line.source.cell) for line in sheet.lines
    ]
    assert sum(line.amount for line in table.lines) == 15_134_500  # euros, from thousands
    # The same findings at the same cells; a CSV cell names no sheet.
    assert [(w[1].removeprefix("Blad1!"), w[2]) for w in where(sheet)] == [
        (w[1], w[2]) for w in where(table)
    ]
    (article,) = [f for f in table.findings if f.code == "article-invalid"]
    assert str(article.location) == f"{tmp_path / 'EZ.csv'}!B6"


def test_a_suppletoire_table_saved_as_csv_has_its_stands_checked(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "EZ-suppletoire.csv",
        [
            ["(bedragen x € 1.000)"],
            [
                "Jaar",
                "Hoofdstuk",
                "Artikel",
                "V/U/O",
                "Omschrijving",
                "Stand vóór",
                "Mutatie",
                "Stand na",
            ],
            [2025, "XIII", 2, "U", "Bedrijvenbeleid", "1.234,5", "100", "1.334,5"],
            [2025, "XIII", 3, "U", "Toekomstfonds", "2.000", "50", "2.100"],
        ],
    )
    report = validate(path)
    (stand,) = [f for f in report.findings if f.severity.value == "error"]
    assert stand.location.cell == "H4"
    assert "2,100,000" in message(stand) and "2,050,000" in message(stand)
    assert sum(line.amount for line in report.lines) == 150_000


def test_a_wide_table_saved_as_csv_makes_a_line_of_every_year(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "OCW.csv",
        [
            ["Reservering AI-fabriek (bedragen x € 1 mln)"],
            ["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026", "2027"],
            ["VIII", 16, "AI-fabriek: onderzoek", "1,5", "2", ""],
        ],
        delimiter=",",
    )
    report = validate(path)
    assert [(line.year, line.amount) for line in report.lines] == [
        (2025, 1_500_000),
        (2026, 2_000_000),
    ]
    assert [f.code for f in report.findings if f.severity.value != "info"] == []


@pytest.mark.parametrize(
    ("title", "delimiter", "named"),
    [
        ("Reservering AI-fabriek, Ministerie van EZ", ";", "semicolon"),
        ("Reservering AI-fabriek; concept van 3 maart", ",", "comma"),
        ("Reservering AI-fabriek, EZ; concept", "\t", "tab"),
        ("EZ | AI-fabriek, reservering", ";", "semicolon"),
    ],
)
def test_a_title_line_split_by_another_delimiter_does_not_decide_the_tables(
    tmp_path: Path, title: str, delimiter: str, named: str
) -> None:
    # A hand-made CSV file: the title line holds another delimiter than the table, and the
    # delimiter is the one the header splits by, not the one the first line splits by.
    rows = [
        [title],
        *long_table(["XIII", 2, "AI-fabriek", 2026, "13100"], ["XIII", 2, "x", 2027, "6000"]),
    ]
    report = validate(write_csv(tmp_path / "EZ.csv", rows, delimiter))
    assert message(report.findings[0]) == f"Read as CSV: {named}-separated, encoding UTF-8."
    assert [(line.year, line.amount) for line in report.lines] == [
        (2026, 13_100_000),
        (2027, 6_000_000),
    ]
    assert report.exit_code == 0


def test_a_published_tables_header_decides_its_delimiter_below_a_title_line(
    tmp_path: Path,
) -> None:
    staten = (
        "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting,"
        "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
        "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
    )
    path = tmp_path / "staten.csv"
    path.write_text(
        f"Bron: rijksfinancien.nl; bewerkt\n{staten}\n2020,U,VII,BZK,1,Openbaar bestuur,100,,,,7\n",
        "utf-8",
    )
    report = validate(path)
    assert [f.code for f in report.findings] == ["csv-detected", "layout-detected"]
    assert (report.files[0].layout, report.files[0].lines) == ("begrotingsstaten", 2)
    assert report.exit_code == 0


def test_a_csv_file_without_a_budget_header_is_still_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "contacts.csv", [["Naam", "Telefoon"], ["Jansen", "0612345678"]])
    report = validate(path)
    assert [f.code for f in report.findings] == ["csv-detected", "layout-not-found"]
    assert report.exit_code == 2


def test_check_counts_a_ministry_that_sent_its_table_as_csv(tmp_path: Path) -> None:
    folder = tmp_path / "inzendingen"
    shutil.copytree(EXAMPLE, folder)
    expected = pipeline.check([str(folder)], load_announcement(None))
    import openpyxl

    sheet = openpyxl.load_workbook(folder / "EZ.xlsx", data_only=True).worksheets[0]
    write_csv(folder / "EZ.csv", list(sheet.iter_rows(values_only=True)))
    (folder / "EZ.xlsx").unlink()

    report = pipeline.check([str(folder)], load_announcement(None))
    assert report.verdict == expected.verdict
    assert report.total == expected.total == 69_400_000
    assert {r.path.rsplit("/", 1)[-1] for r in report.files} >= {"EZ.csv", "OCW.xlsx"}


def test_annotate_says_a_csv_file_gets_no_copy_because_it_is_csv(tmp_path: Path) -> None:
    write(tmp_path, {"BZK.xlsx": GOOD_SET["BZK.xlsx"]})
    write_csv(tmp_path / "EZ.csv", GOOD_SET["EZ.xlsx"])
    result = CliRunner().invoke(
        cli, ["validate", str(tmp_path), "--annotate", str(tmp_path / "out"), "--lang", "en"]
    )
    assert "only .xlsx and .xlsm copies are annotated" in result.output
    assert "could not be read" not in result.output
    assert (tmp_path / "out" / "BZK.xlsx").is_file()


def test_diff_of_two_versions_saved_as_csv_names_the_line_that_changed(tmp_path: Path) -> None:
    old = write_csv(tmp_path / "EZ-v1.csv", long_table(["XIII", 2, "AI-fabriek", 2026, 13100]))
    new = write_csv(tmp_path / "EZ-v2.csv", long_table(["XIII", 2, "AI-fabriek", 2026, 13200]))
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 1
    (changed,) = json.loads(result.output)["changes"]
    assert (changed["change"], changed["new"]["sheet"], changed["new"]["cell"]) == (
        "changed",
        None,
        "E4",
    )
    assert changed["difference_eur"] == "100000.00"


def test_a_budget_table_saved_as_csv_has_a_workbooks_row_limit(tmp_path: Path) -> None:
    # Read whole as a sheet is, it is held to the same limits (--max-rows, --max-cells).
    rows = [["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]]
    rows += [["XIII", 2, f"regel {n}", 2026, n] for n in range(1, 1201)]
    path = write_csv(tmp_path / "EZ.csv", rows)
    result = CliRunner().invoke(cli, ["validate", str(path), "--max-rows", "1000", "-f", "json"])
    assert result.exit_code == 2
    (refusal,) = [f for f in json.loads(result.output)["findings"] if f["severity"] == "error"]
    assert (refusal["code"], refusal["sheet"], refusal["cell"]) == ("limit-exceeded", None, None)
    assert "1201 rows" in refusal["message"]


@pytest.mark.parametrize(
    ("option", "said"),
    [("--max-rows", "1201 rows"), ("--max-cells", "6005 cells"), ("--max-columns", "5 columns")],
)
def test_a_csv_table_beyond_a_limit_is_counted_on_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, said: str
) -> None:
    # Its rows were all held as a sheet's before the limits were asked: 18 MB of one-digit
    # rows made 9 million rows and 590 MB. Past a limit they are counted, not held.
    from reconcile.read import read_cells_csv

    rows = [["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]]
    rows += [["XIII", 2, f"regel {n}", 2026, n] for n in range(1, 1201)]
    path = write_csv(tmp_path / "EZ.csv", rows)
    held: list[object] = []
    as_sheet_row = read_cells_csv.as_sheet_row
    monkeypatch.setattr(
        read_cells_csv, "as_sheet_row", lambda row: held.append(row) or as_sheet_row(row)
    )
    limit = {"--max-rows": "100", "--max-cells": "500", "--max-columns": "4"}[option]
    result = CliRunner().invoke(cli, ["validate", str(path), option, limit, "-f", "json"])
    assert result.exit_code == 2
    (refusal,) = [f for f in json.loads(result.output)["findings"] if f["severity"] == "error"]
    assert refusal["code"] == "limit-exceeded"
    assert said in refusal["message"]
    # The first 50 rows, looked at for the header by each reader, and the 100 within the
    # limit: not the 1,201 of the file.
    assert len(held) <= 3 * 50 + 100


@pytest.mark.parametrize("block", [1 << 17, 40])  # the rows read as one block, or in many
def test_a_quote_never_closed_is_said_at_the_cell_that_took_the_lines_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    # 'regel 2 met "quote' typed with its quote first: the csv module reads every line below
    # into that one cell. Only "The Jaar of this line is empty" said so, with 7 lines lost.
    from reconcile.read import read_cells_csv

    monkeypatch.setattr(read_cells_csv, "BLOCK_CHARS", block)
    rows = [["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]]
    rows += [["XIII", 2, f"regel {n}", 2025 + n % 5, 100 + n] for n in range(10)]
    text = write_csv(tmp_path / "EZ.csv", rows).read_text("utf-8")
    text = text.replace("regel 2;", '"regel 2 met quote;')
    text = text.replace("regel 1", '"Den Haag\nKorte Voorhout 7"')  # an address: no separator
    (tmp_path / "EZ.csv").write_text(text, "utf-8", newline="")
    report = validate(tmp_path / "EZ.csv")
    (said,) = [f for f in report.findings if f.code == "csv-quote-unclosed"]
    assert (said.location.cell, said.params["count"]) == ("C4", 7)
    assert report.exit_code == 1
    assert [line.amount for line in report.lines] == [100_000, 101_000]


def test_a_quote_never_closed_in_a_published_table_is_said_too(tmp_path: Path) -> None:
    staten = (
        "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting,"
        "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
        "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
    )
    line = "2020,U,VII,BZK,{n},Openbaar bestuur,100,,,,7"
    lines = [line.format(n=n) for n in range(1, 5)]
    lines[1] = lines[1].replace("Openbaar", '"Openbaar')
    path = tmp_path / "staten.csv"
    path.write_text("\n".join([staten, *lines]) + "\n", "utf-8")
    report = validate(path)
    (said,) = [f for f in report.findings if f.code == "csv-quote-unclosed"]
    assert (said.location.cell, said.params["count"]) == ("F3", 2)


@pytest.mark.parametrize(
    ("delimiter", "caption", "amounts", "read"),
    [
        # An English Excel's CSV: "13,100" is 13100 (thousands), whatever the Dutch caption
        # typed above it says; it was read as 13.1, a thousand times too small, VALID.
        (",", "(bedragen x € 1.000)", ["13,100", "6,000"], [13_100_000, 6_000_000]),
        # A Dutch Excel's: "13.100" is 13100 under an English caption too.
        (";", "(amounts x EUR 1,000)", ["13.100", "6.000"], [13_100_000, 6_000_000]),
    ],
)
def test_a_csv_files_delimiter_tells_how_its_ambiguous_amounts_are_written(
    tmp_path: Path, delimiter: str, caption: str, amounts: list[str], read: list[int]
) -> None:
    rows = long_table(
        ["XIII", 2, "AI-fabriek", 2026, amounts[0]],
        ["XIII", 2, "AI-fabriek", 2027, amounts[1]],
        caption=caption,
    )
    report = validate(write_csv(tmp_path / "EZ.csv", rows, delimiter))
    assert [line.amount for line in report.lines] == read
    # Turned from the Dutch reading by the delimiter alone, a thousandfold apart: a warning
    # (a Dutch "13.100" in a comma-separated file, as Google Sheets saves it, reads as 13.1).
    code = "separator-by-delimiter" if delimiter == "," else "separator-assumed"
    (said,) = [f for f in report.findings if f.code.startswith("separator-")]
    assert (said.code, said.severity.value) == (code, "warning" if delimiter == "," else "info")
    named = "commas" if delimiter == "," else "semicolons"
    assert f"because the file is separated by {named}, as a spreadsheet" in message(said)
    assert "e.g. “,”" not in message(said) and "e.g. “;”" not in message(said)
