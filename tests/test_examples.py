"""The shipped examples are acceptance tests: each folder's report is committed beside it."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from examples.build_examples import build, build_transfers
from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {
    "ai-fabriek": (False, 0),
    "ai-fabriek-with-errors": (True, 1),
    "ai-fabriek-overboekingen": (None, 0),  # built by build_transfers
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_example_report_matches_the_committed_one(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", f"examples/{name}/", "--format", "json"])
    expected_path = ROOT / "examples" / name / "expected.json"
    if os.environ.get("RECONCILE_UPDATE_GOLDEN"):
        expected_path.write_text(result.output, "utf-8")
    assert result.output == expected_path.read_text("utf-8")
    assert result.exit_code == EXAMPLES[name][1]


def test_the_example_reconciles_as_the_readme_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "examples/ai-fabriek/", "--format", "json"])
    doc = json.loads(result.output)
    assert doc["ok"] is True
    assert doc["totals"]["total_eur"] == "69400000.00"
    assert doc["totals"]["by_ministry"]["EZ"] == "25000000.00"
    assert doc["totals"]["by_year"]["2025"] == "5100000.00"  # EZ's kasschuif
    assert doc["totals"]["by_ministry_year"]["EZ"]["2025"] == "5100000.00"
    ez = next(f for f in doc["files"] if f["ministry"] == "EZ")
    assert ez["kinds"] == {
        "reservation": {"lines": 4, "amount_eur": "25000000.00"},
        "kasschuif": {"lines": 2, "amount_eur": "0.00"},
    }
    assert sorted(f["ministry"] for f in doc["files"]) == sorted(
        ["EZ", "Defensie", "OCW", "BZK", "VWS", "LVVN"]
    )
    assert {f["shape"] for f in doc["files"]} == {"long", "wide"}
    assert {f["layout"] for f in doc["files"]} == {None}  # workbooks: no open-data layout
    assert {f["unit_eur"] for f in doc["files"]} == {"1.00", "1000.00", "1000000.00"}


def test_the_example_with_errors_has_each_mistake_at_its_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "examples/ai-fabriek-with-errors/", "-f", "json"])
    found = [
        (Path(f["file"]).name, f["cell"], f["code"])
        for f in json.loads(result.output)["findings"]
        if f["severity"] == "error"
    ]
    assert found == [
        ("BZK.xlsx", "G4", "year-out-of-range"),
        ("Defensie.xlsx", "A6", "chapter-not-of-ministry"),
        ("EZ.xlsx", "G6", "kasschuif-not-zero"),
        ("EZ.xlsx", "G10", "duplicate-line"),
        ("EZ.xlsx", "G14", "total-mismatch"),
        ("IenW.xlsx", None, "ministry-unexpected"),
        ("OCW.xlsx", "E6", "amount-not-a-number"),
        ("OCW.xlsx", "E8", "transfer-unpaired"),
        ("VWS.xlsx", "C6", "empty-description"),
        ("VWS.xlsx", "E7", "negative-reservation"),
        ("announcement.toml", None, "ministry-missing"),
        ("announcement.toml", None, "total-below-announced"),
    ]


def test_the_overboekingen_example_counts_each_transfer_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        cli, ["check", "examples/ai-fabriek-overboekingen/", "--format", "json"]
    )
    doc = json.loads(result.output)
    assert doc["ok"] is True, result.output
    totals = doc["totals"]
    assert totals["total_eur"] == "69400000.00"  # the same total as examples/ai-fabriek
    assert totals["by_ministry"]["EZ"] == "25000000.00"  # its own lines: not what it received
    assert totals["received"] == {"EZ": "44400000.00"}
    assert totals["transferred_out"] == {
        "BZK": "6000000.00",
        "Defensie": "20000000.00",
        "LVVN": "5000000.00",
        "OCW": "8000000.00",
        "VWS": "5400000.00",
    }
    told = {(Path(m["file"]).name, m["kind"], m["told"]) for m in doc["mutations"]}
    assert told == {
        ("EZ.xlsx", "reservation", "column"),  # "Reservering" in its kind column
        ("EZ.xlsx", "kasschuif", "column"),
        ("EZ.xlsx", "transfer-in", "column"),
        ("Defensie.xlsx", "transfer-out", "description"),
        ("OCW.xlsx", "transfer-out", "column"),
        ("BZK.xlsx", "transfer-out", "description"),
        ("VWS.xlsx", "transfer-out", "column"),
        ("LVVN.xlsx", "transfer-out", "description"),
    }


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_committed_workbooks_are_what_the_builder_writes(name: str, tmp_path: Path) -> None:
    errors = EXAMPLES[name][0]
    if errors is None:
        build_transfers(tmp_path)
    else:
        build(tmp_path, errors=errors)
    committed = ROOT / "examples" / name
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built == sorted(p.name for p in committed.iterdir() if p.suffix in (".xlsx", ".toml"))
    for file_name in built:
        assert (tmp_path / file_name).read_bytes() == (committed / file_name).read_bytes(), (
            file_name
        )
