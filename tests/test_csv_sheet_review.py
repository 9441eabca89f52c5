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
