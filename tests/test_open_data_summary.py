"""The file table of a run over open-data tables says what they are, not "Subtotal EUR 0".

A begrotingsstaten table or a B-table read with a layout is checked, never counted: it
reserves nothing for an announcement. Its row shows its layout (alone) or a dash (beside a
ministry's workbook), in the terminal, HTML and GitHub job summary alike; the JSON report
keeps its shape (each file's ``layout`` says which it is).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
STATEN = ROOT / "tests" / "editions" / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv"
EZ = ROOT / "examples" / "ai-fabriek" / "EZ.xlsx"
ENV = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "COLUMNS": "200"}


def _validate(tmp_path: Path, *args: str) -> tuple[str, str, str, dict]:  # type: ignore[type-arg]
    summary = tmp_path / "summary.md"
    html = tmp_path / "report.html"
    data = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli,
        ["validate", *args, "-o", f"html:{html}", "-o", f"json:{data}"],
        env={**ENV, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code in (0, 1), result.output
    text = CliRunner().invoke(cli, ["validate", *args], env=ENV).output
    document = json.loads(data.read_text(encoding="utf-8"))
    return text, html.read_text(encoding="utf-8"), summary.read_text(encoding="utf-8"), document


def test_an_open_data_table_alone_shows_its_layout_not_a_subtotal_of_zero(
    tmp_path: Path,
) -> None:
    text, html, summary, document = _validate(tmp_path, str(STATEN), "--lang", "en")
    header = next(line for line in text.splitlines() if "Ministry" in line)
    assert "Layout" in header and "Subtotal" not in header and "Share" not in header
    assert "begrotingsstaten" in text and "EUR 0" not in text
    assert "checked, not counted: they reserve nothing" in " ".join(text.split())
    for page in (html, summary):
        assert "Subtotal" not in page and "Share" not in page and "EUR 0" not in page
        assert "begrotingsstaten" in page and "reserve nothing" in page
    # the JSON report is as it was: the file's layout says it is open data
    [entry] = document["files"]
    assert (entry["layout"], entry["total_eur"]) == ("begrotingsstaten", "0.00")


def test_beside_a_workbook_an_open_data_table_reserves_a_dash_in_dutch(tmp_path: Path) -> None:
    text, html, summary, _ = _validate(tmp_path, str(EZ), str(STATEN), "--lang", "nl")
    row = next(line for line in text.splitlines() if line.startswith("?"))  # no ministry
    cells = row.replace("│", " ").replace("|", " ").split()
    assert cells[-2:] == ["–", "–"] and "€ 0" not in row  # subtotal, share: nothing reserved
    assert "Subtotaal" in text and "€ 25.000.000" in text
    assert "worden gecontroleerd, niet meegeteld" in " ".join(text.split())
    assert "worden gecontroleerd, niet meegeteld" in html and "Subtotaal" in summary


def _total_row_lines(page: str) -> list[str]:
    """The numbers in the file table's Total row of a text or Markdown page."""
    row = next(line for line in page.splitlines() if line.lstrip("| *").startswith("Total"))
    return [cell for cell in row.replace("│", " ").replace("|", " ").split() if cell.isdigit()]


def test_the_total_row_counts_the_lines_of_the_files_it_totals(tmp_path: Path) -> None:
    """Beside a workbook, an open-data table's lines are read, not counted: the Total row's
    lines are the workbook's, as its subtotal is, in every renderer with a file table."""
    text, html, summary, document = _validate(tmp_path, str(EZ), str(STATEN), "--lang", "en")
    lines = {entry["layout"]: entry["lines"] for entry in document["files"]}
    assert lines[None] > 0 and lines["begrotingsstaten"] > 0
    assert _total_row_lines(text) == [str(lines[None])]
    assert _total_row_lines(summary) == [str(lines[None])]
    total = html.split('<tr class="total">')[1].split("</tr>")[0]
    assert f'<td class="num">{lines[None]}</td>' in total


def test_open_data_tables_alone_total_the_lines_they_read(tmp_path: Path) -> None:
    text, _, summary, document = _validate(tmp_path, str(STATEN), "--lang", "en")
    [entry] = document["files"]
    assert _total_row_lines(text) == _total_row_lines(summary) == [str(entry["lines"])]
