"""reconcile diff: lines added, removed and changed between two versions of one table."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.diff import diff_files
from tests.builders import write_workbook

HEADER = (
    "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
    "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
    "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
)
OLD = [
    HEADER,
    "2025,U,XIII,Economische Zaken,2,Bedrijfsleven,100,100,,,",
    "2025,U,X,Defensie,6,Inzet,200,,,,",
]
NEW = [
    HEADER,
    "2025,U,XIII,Economische Zaken,2,Bedrijfsleven,100,105,,,",  # changed: +5 (x 1.000)
    "2025,U,VIII,OCW,1,Primair onderwijs,50,,,,",  # added
]  # Defensie's line removed
V_LINE = "2025,V,X,Defensie,6,Inzet,300,,,,"  # commitments: never added to expenditure


def _csv(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_changes_are_keyed_by_chapter_article_series_year_and_moment(tmp_path: Path) -> None:
    diff = diff_files(_csv(tmp_path / "old.csv", [*OLD, V_LINE]), _csv(tmp_path / "new.csv", NEW))
    assert [
        (c.change, dict(c.key)["chapter"], dict(c.key)["moment"], c.difference)
        for c in diff.changes
    ] == [
        ("removed", "X", "ontwerpbegroting", Decimal(-200_000)),
        ("removed", "X", "ontwerpbegroting", Decimal(-300_000)),
        ("changed", "XIII", "vastgestelde begroting", Decimal(5_000)),
        ("added", "VIII", "ontwerpbegroting", Decimal(50_000)),
    ]
    # Per ministry and year, and apart per series and budget moment: stands never add up.
    assert diff.net_effect == {
        ("Defensie", 2025, "U", "ontwerpbegroting"): Decimal(-200_000),
        ("Defensie", 2025, "V", "ontwerpbegroting"): Decimal(-300_000),
        ("EZ", 2025, "U", "vastgestelde begroting"): Decimal(5_000),
        ("OCW", 2025, "U", "ontwerpbegroting"): Decimal(50_000),
    }
    assert (diff.unchanged, diff.exit_code) == (1, 1)
    assert [c.field("series") for c in diff.changes[:2]] == ["U", "V"]


def test_cli_diff_json_and_exit_codes(tmp_path: Path) -> None:
    old, new = _csv(tmp_path / "old.csv", OLD), _csv(tmp_path / "new.csv", NEW)
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", old, new, "--format", "json"])
    document = json.loads(result.output)
    assert result.exit_code == document["exit_code"] == 1
    assert document["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}
    changed = document["changes"][1]
    assert changed["old"] == {"amount_eur": "100000.00", "text": "100", "sheet": None, "cell": "H2"}
    assert changed["new"]["amount_eur"] == "105000.00"
    assert changed["difference_eur"] == "5000.00"
    assert runner.invoke(cli, ["diff", old, old]).exit_code == 0
    missing = runner.invoke(cli, ["diff", old, str(tmp_path / "missing.csv")])
    assert missing.exit_code == 2
    assert "INCOMPLETE" in missing.output


def test_diff_of_two_workbooks_keys_lines_by_their_description(tmp_path: Path) -> None:
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]
    old = write_workbook(
        tmp_path / "EZ-v1.xlsx",
        {"R": [["(bedragen x € 1.000)"], header, ["XIII", 2, "AI-fabriek", "U", 2025, 5100]]},
    )
    new = write_workbook(
        tmp_path / "EZ-v2.xlsx",
        {"R": [["(bedragen x € 1.000)"], header, ["XIII", 2, "AI-fabriek", "U", 2025, "PM"]]},
    )
    diff = diff_files(str(old), str(new), sheet="R")
    assert [(c.change, c.new.text if c.new else None, c.difference) for c in diff.changes] == [
        ("changed", "PM", None)  # a PM has no amount: shown, never counted as zero
    ]
    assert diff.net_effect == {}
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "DIFFERENT: 0 added, 0 removed, 1 changed, 0 unchanged." in result.output


def test_diff_of_the_shipped_examples_shows_each_mistake() -> None:
    # examples/ai-fabriek-with-errors/README.md: Defensie typed EZ's chapter XIII on one of
    # its lines (a wide row: 2026 and 2027), OCW wrote PM instead of an amount.
    root = Path(__file__).resolve().parent.parent / "examples"
    defensie = diff_files(
        str(root / "ai-fabriek" / "Defensie.xlsx"),
        str(root / "ai-fabriek-with-errors" / "Defensie.xlsx"),
    )
    assert [(c.change, dict(c.key)["chapter"], c.year) for c in defensie.changes] == [
        ("removed", "X", 2026),
        ("removed", "X", 2027),
        ("added", "XIII", 2026),
        ("added", "XIII", 2027),
    ]
    assert defensie.net_effect == {  # the workbook has no V/U/O column
        ("Defensie", 2026, "", ""): Decimal(-1_000_000),
        ("Defensie", 2027, "", ""): Decimal(-1_000_000),
        ("EZ", 2026, "", ""): Decimal(1_000_000),
        ("EZ", 2027, "", ""): Decimal(1_000_000),
    }
    ocw = diff_files(
        str(root / "ai-fabriek" / "OCW.xlsx"), str(root / "ai-fabriek-with-errors" / "OCW.xlsx")
    )
    [change] = ocw.changes
    assert (change.change, change.new.text if change.new else None, change.difference) == (
        "changed",
        "PM",
        None,
    )
    assert change.new is not None and change.new.cell.cell == "E6"


def test_diff_output_file_equals_stdout_and_never_overwrites_an_input(tmp_path: Path) -> None:
    old, new = _csv(tmp_path / "old.csv", OLD), _csv(tmp_path / "new.csv", NEW)
    runner = CliRunner()
    shown = runner.invoke(cli, ["diff", old, new, "-f", "json"]).output
    written = runner.invoke(cli, ["diff", old, new, "-f", "json", "-o", str(tmp_path / "d.json")])
    assert written.exit_code == 1
    assert (tmp_path / "d.json").read_text("utf-8") == shown
    refused = runner.invoke(cli, ["diff", old, new, "-o", new])
    assert refused.exit_code == 2
    assert "refusing to write" in refused.output
    assert Path(new).read_text("utf-8") == "\n".join(NEW) + "\n"
