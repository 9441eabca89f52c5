"""A ministry's table saved as CSV, read as its sheet (issue 14, item 2): what a review of the
first version found on inputs its tests did not try."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from tests.test_csv_budget_tables import write_csv

ROWS = [["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]]
ROWS += [["XIII", 2, f"regel {n}", 2026, n] for n in range(1, 13)]


@pytest.mark.parametrize(
    ("option", "lang", "said"),
    [
        ("--max-rows=10", "en", "The file uses 13 rows, more than the limit of 10 (--max-rows)"),
        ("--max-columns=4", "en", "The file uses 5 columns, more than the limit of 4"),
        ("--max-cells=60", "en", "The file uses 65 cells (last row x last column), more than"),
        ("--max-rows=10", "nl", "Het bestand gebruikt 13 rijen, meer dan de grens van 10"),
    ],
)
def test_a_csv_file_over_a_limit_is_called_a_file_with_no_sheet(
    tmp_path: Path, option: str, lang: str, said: str
) -> None:
    # It was "The workbook uses 13 rows in this sheet": a CSV file is neither.
    path = write_csv(tmp_path / "EZ.csv", ROWS)
    result = CliRunner().invoke(cli, ["validate", str(path), option, "-f", "json", "--lang", lang])
    assert result.exit_code == 2
    (refusal,) = [f for f in json.loads(result.output)["findings"] if f["severity"] != "info"]
    assert refusal["code"] == "limit-exceeded"
    assert refusal["message"].startswith(said)


def test_the_summary_of_an_annotated_run_gives_a_csv_findings_cell(tmp_path: Path) -> None:
    # The summary's findings sheet showed a CSV file's finding with no place at all: its
    # cell was written only beside a sheet name, and a CSV file has none.
    import openpyxl

    from tests.spec import GOOD_SET, long_table, write

    folder = tmp_path / "inzendingen"
    write(folder, {"BZK.xlsx": GOOD_SET["BZK.xlsx"]})
    write_csv(folder / "EZ.csv", long_table(["XIII", "twee", "AI-fabriek", 2026, 100]))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["check", str(folder), "--annotate", str(out), "--lang", "en"])
    assert result.exit_code == 1, result.output
    findings = openpyxl.load_workbook(out / "summary.xlsx")["Findings"]
    placed = {
        (Path(str(file)).name, where)
        for _, file, where, said, *_ in findings.iter_rows(min_row=4, values_only=True)
        if "[article-invalid]" in str(said)
    }
    assert placed == {("EZ.csv", "B4")}


def test_sheet_given_with_a_csv_file_is_said_not_to_apply(tmp_path: Path) -> None:
    """--sheet names a workbook's sheet; a CSV file has none. It was ignored in silence: a
    CI job that asked for sheet "Invoer" of every file never learnt the CSV file had none."""
    from tests.builders import write_workbook

    csv_file = write_csv(tmp_path / "EZ.csv", ROWS)
    write_workbook(tmp_path / "OCW.xlsx", {"Toelichting": [["Zie Invoer"]], "Invoer": ROWS})
    result = CliRunner().invoke(
        cli, ["validate", str(tmp_path), "--sheet", "Invoer", "-f", "json", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)["findings"]
    said = [
        (Path(f["file"]).name, f["severity"])
        for f in findings
        if f["code"] == "sheet-not-applicable"
    ]
    assert said == [("EZ.csv", "warning")]  # the workbook's sheet was read as named
    (finding,) = [f for f in findings if f["code"] == "sheet-not-applicable"]
    assert finding["message"] == (
        "--sheet “Invoer” does not apply to a CSV file, which has no sheets: its one table "
        "was read."
    )
    # with the CSV file alone: the same warning, the table read, and exit 0 as with no --sheet
    alone = CliRunner().invoke(cli, ["validate", str(csv_file), "--sheet", "Invoer", "-f", "json"])
    assert alone.exit_code == 0, alone.output
    report = json.loads(alone.output)
    assert [f["code"] for f in report["findings"] if f["severity"] != "info"] == [
        "sheet-not-applicable"
    ]
