"""reconcile diff: lines added, removed and changed between two versions of one table."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.diff import diff_files
from reconcile.safety import markdown_text
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


def _amount_then_pm(tmp_path: Path) -> tuple[Path, Path]:
    """EZ's workbook with an amount, and again with PM in its place."""
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]
    old, new = (
        write_workbook(
            tmp_path / f"EZ-v{version}.xlsx",
            {"R": [["(bedragen x € 1.000)"], header, ["XIII", 2, "AI-fabriek", "U", 2025, amount]]},
        )
        for version, amount in ((1, 5100), (2, "PM"))
    )
    return old, new


def test_diff_of_two_workbooks_keys_lines_by_their_description(tmp_path: Path) -> None:
    old, new = _amount_then_pm(tmp_path)
    diff = diff_files(str(old), str(new), sheet="R")
    assert [(c.change, c.new.text if c.new else None, c.difference) for c in diff.changes] == [
        ("changed", "PM", None)  # a PM has no amount: shown, never counted as zero
    ]
    assert diff.net_effect == {}
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "Net effect" not in result.output  # no table of headings alone
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
    # ... and an overboeking naar EZ that EZ's file does not show (transfer-unpaired)
    added, change = ocw.changes
    assert (added.change, added.new.text if added.new else None, added.difference) == (
        "added",
        "‒ 0,5",
        Decimal(-500_000),
    )
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


# --- the outputs of check: junit, github (with a job summary), html, several files at once ---

CI_ENV = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}


def _diff(*args: str, **env: str | None) -> Any:
    return CliRunner().invoke(cli, ["diff", *args], env={**CI_ENV, **env})


def test_diff_junit_has_a_failing_case_per_kind_of_change(tmp_path: Path) -> None:
    old, new = _csv(tmp_path / "old.csv", OLD), _csv(tmp_path / "new.csv", NEW)
    result = _diff(old, new, "--junit-xml", str(tmp_path / "d.xml"))
    assert result.exit_code == 1
    root = ET.parse(tmp_path / "d.xml").getroot()
    assert (root.get("name"), root.get("failures")) == ("reconcile diff", "3")
    names = [s.get("name") for s in root.iter("testsuite")]
    assert names == [f"{tmp_path}/old.csv", f"{tmp_path}/new.csv", "diff"]
    [changes] = [s for s in root.iter("testsuite") if s.get("name") == "diff"]
    failures = {
        case.get("name"): failure.text
        for case in changes.iter("testcase")
        for failure in case.iter("failure")
    }
    assert failures == {
        "line-added": "warning G3 [line-added] Line VIII · 1 · U · 2025 · ontwerpbegroting "
        "is new: EUR 50,000.",
        # a removed line lives in the old file: its place names it
        "line-removed": f"warning {tmp_path}/old.csv!G3 [line-removed] Line X · 6 · U · 2025 · "
        "ontwerpbegroting is gone; it was EUR 200,000.",
        "line-changed": "warning H2 [line-changed] Line XIII · 2 · U · 2025 · vastgestelde "
        "begroting changed from EUR 100,000 to EUR 105,000 (difference EUR 5,000).",
    }
    # equal tables: the same cases, none failing
    same = ET.fromstring(_diff(old, old, "-f", "junit").output)
    assert same.get("failures") == "0"
    assert [c.get("name") for c in same.iter("testcase") if c.get("classname") == "diff"] == [
        "line-added",
        "line-removed",
        "line-changed",
    ]


def test_diff_junit_of_an_unreadable_file_fails_it_and_claims_no_comparison(
    tmp_path: Path,
) -> None:
    old = _csv(tmp_path / "old.csv", OLD)
    result = _diff(old, str(tmp_path / "missing.csv"), "-f", "junit")
    assert result.exit_code == 2
    root = ET.fromstring(result.output)
    failing = [
        (Path(c.get("classname", "")).name, c.get("name"), c.findtext("failure", "").split(" ")[2])
        for c in root.iter("testcase")
        if c.find("failure") is not None
    ]
    assert failing == [("missing.csv", "read", "[file-unreadable]")]
    [changes] = [s for s in root.iter("testsuite") if s.get("name") == "diff"]
    assert changes.get("tests") == "0"  # nothing was compared, so nothing passed


def test_diff_github_annotates_each_change_at_its_cell(tmp_path: Path) -> None:
    old, new = _csv(tmp_path / "old.csv", OLD), _csv(tmp_path / "new.csv", NEW)
    summary = tmp_path / "summary.md"
    result = _diff(old, new, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    annotations = [line for line in lines if line.startswith("::warning ")]
    new_file, old_file = new.replace(",", "%2C"), old.replace(",", "%2C")
    assert annotations == [
        (
            f"::warning file={new_file},title=line-changed::H2: Line XIII · 2 · U · 2025 · "
            "vastgestelde begroting changed from EUR 100,000 to EUR 105,000 (difference EUR 5,000)."
        ),
        (
            f"::warning file={new_file},title=line-added::G3: Line VIII · 1 · U · 2025 · "
            "ontwerpbegroting is new: EUR 50,000."
        ),
        (
            f"::warning file={old_file},title=line-removed::G3: Line X · 6 · U · 2025 · "
            "ontwerpbegroting is gone; it was EUR 200,000."
        ),
    ]
    assert lines[-2:] == ["DIFFERENT: 1 added, 1 removed, 1 changed, 1 unchanged.", "exit code 1."]
    text = summary.read_text(encoding="utf-8")
    shown = f"{markdown_text(str(old))} → {markdown_text(str(new))}"
    assert text.startswith(f"## reconcile diff: {shown}\n\n**DIFFERENT: 1 added,")
    assert (
        "| changed | chapter XIII, article 2, series U, year 2025, moment vastgestelde begroting "
        "| EUR 100,000 | EUR 105,000 | EUR 5,000 | H2 |"
    ) in text.splitlines()
    assert "| Defensie | 2025 | U | ontwerpbegroting | -EUR 200,000 |" in text.splitlines()


def test_diff_github_in_dutch_says_a_pm_has_no_difference(tmp_path: Path) -> None:
    old, new = _amount_then_pm(tmp_path)
    result = _diff(str(old), str(new), "-f", "github", "--lang", "nl")
    assert result.exit_code == 1
    [annotation] = [line for line in result.output.splitlines() if "line-changed" in line]
    assert annotation.endswith(
        "::R!F3: Regel XIII · 2 · U · 2025 · AI-fabriek is gewijzigd van € 5.100.000 in “PM” "
        "(verschil geen: een van beide is geen getal)."
    )


def test_diff_html_is_one_page_with_the_changes_and_the_net_effect(tmp_path: Path) -> None:
    from tests.test_html import Page

    old, new = _csv(tmp_path / "old.csv", OLD), _csv(tmp_path / "new.csv", NEW)
    result = _diff(old, new, "-f", "html", "-o", str(tmp_path / "d.html"))
    assert (result.exit_code, result.output) == (1, "")  # the file took stdout's place
    page = Page()
    page.feed((tmp_path / "d.html").read_text(encoding="utf-8"))
    assert (page.scripts, page.external) == (0, [])
    assert page.text_by_id["verdict"] == "DIFFERENT: 1 added, 1 removed, 1 changed, 1 unchanged."
    assert page.rows["changes"] == [
        ["Change", "Line", "Old", "New", "Difference", "Cell"],
        [
            "removed",
            "chapter X, article 6, series U, year 2025, moment ontwerpbegroting",
            "EUR 200,000",
            "–",
            "-EUR 200,000",
            "G3",
        ],
        [
            "changed",
            "chapter XIII, article 2, series U, year 2025, moment vastgestelde begroting",
            "EUR 100,000",
            "EUR 105,000",
            "EUR 5,000",
            "H2",
        ],
        [
            "added",
            "chapter VIII, article 1, series U, year 2025, moment ontwerpbegroting",
            "–",
            "EUR 50,000",
            "EUR 50,000",
            "G3",
        ],
    ]
    assert page.rows["net-effect"][1:] == [
        ["Defensie", "2025", "U", "ontwerpbegroting", "-EUR 200,000"],
        ["EZ", "2025", "U", "vastgestelde begroting", "EUR 5,000"],
        ["OCW", "2025", "U", "ontwerpbegroting", "EUR 50,000"],
    ]
    # what reading said stays a finding, each at its cell ("A1", not "None!A1", in a CSV)
    assert [row[:2] for row in page.rows["findings"][1:]] == [
        [new, ""],
        [new, "A1"],
        [old, ""],
        [old, "A1"],
    ]


def test_diff_writes_every_output_asked_for_in_one_run(tmp_path: Path) -> None:
    old, new = _csv(tmp_path / "old.csv", OLD), _csv(tmp_path / "new.csv", NEW)
    result = _diff(
        old,
        new,
        "-o",
        str(tmp_path / "d.json"),
        "-o",
        f"github:{tmp_path / 'annotations.log'}",
        "-o",
        f"html:{tmp_path / 'page.out'}",
        "--junit-xml",
        str(tmp_path / "d.xml"),
    )
    assert result.exit_code == 1
    assert result.output == _diff(old, new).output  # text on the terminal, as without files
    assert json.loads((tmp_path / "d.json").read_text("utf-8"))["exit_code"] == 1
    log = (tmp_path / "annotations.log").read_text("utf-8")
    assert log.count("::warning ") == 3
    assert (tmp_path / "page.out").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert ET.parse(tmp_path / "d.xml").getroot().get("failures") == "3"
    # the same inputs give the same bytes: no clock, no absolute path of our own
    again = tmp_path / "again"
    _diff(old, new, "-o", str(again / "d.json"), "--junit-xml", str(again / "d.xml"))
    for name in ("d.json", "d.xml"):
        assert (again / name).read_bytes() == (tmp_path / name).read_bytes()


def test_a_change_code_is_explained_without_offering_a_severity_it_ignores() -> None:
    result = CliRunner().invoke(cli, ["explain", "line-changed", "--lang", "en"])
    assert result.exit_code == 0
    assert "always makes it exit with 1" in result.output
    assert "--severity" not in result.output


def test_workbook_text_stays_inert_in_every_diff_output(tmp_path: Path) -> None:
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]
    odd = "<b>x</b> [red]y[/red] | z\n::error::forged"
    old, new = (
        write_workbook(
            tmp_path / f"v{version}.xlsx",
            {"R": [["(bedragen x € 1.000)"], header, ["XIII", 2, odd, "U", 2025, amount]]},
        )
        for version, amount in ((1, 5100), (2, 5200))
    )
    outputs = {fmt: _diff(str(old), str(new), "-f", fmt).output for fmt in ("text", "html")}
    outputs["github"] = _diff(str(old), str(new), "-f", "github").output
    assert "[red]y[/red]" in outputs["text"]  # shown as typed, not taken as rich markup
    assert "<b>" not in outputs["html"] and "&lt;b&gt;x&lt;/b&gt;" in outputs["html"]
    assert [line for line in outputs["github"].splitlines() if "forged" in line] == [
        line for line in outputs["github"].splitlines() if line.startswith("::warning ")
    ]  # the workbook's newline never starts a command of its own
    junit = ET.fromstring(_diff(str(old), str(new), "-f", "junit").output)
    [failure] = junit.iter("failure")
    assert "<b>x</b> [red]y[/red]" in (failure.text or "")


def test_a_line_is_known_by_its_kind_where_the_table_says_one(tmp_path: Path) -> None:
    """A kasschuif and a reservation with one description and year are two lines."""
    from tests.spec import write

    def rows(kasschuif_2026: int) -> list[list[object]]:
        return [
            ["(bedragen x € 1.000)"],
            ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag"],
            ["XIII", 2, "AI-fabriek", "Reservering", 2026, 100],
            ["XIII", 2, "AI-fabriek", "Kasschuif", 2026, kasschuif_2026],
            ["XIII", 2, "AI-fabriek", "Kasschuif", 2025, 5],
        ]

    old, new = (
        write(tmp_path / "old", {"EZ.xlsx": rows(-5)})[0],
        write(tmp_path / "new", {"EZ.xlsx": rows(-6)})[0],
    )
    [change] = diff_files(old, new).changes
    assert (change.change, dict(change.key)["kind"], change.difference) == (
        "changed",
        "Kasschuif",
        Decimal(-1000),
    )


def test_an_amount_set_to_zero_is_a_change_to_zero_and_a_gone_row_is_removed(
    tmp_path: Path,
) -> None:
    # A wide workbook's zero cell is no line (nothing that year); an amount that became 0
    # (or the accounting zero "-") is still a change of that line, not a line gone.
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "2025", "2026"]
    rows = {
        1: [["XIII", 2, "AI-fabriek", "U", 5100, 300], ["XIII", 3, "Toezicht", "U", 40, 50]],
        2: [["XIII", 2, "AI-fabriek", "U", 0, "-"]],  # the Toezicht row is gone
    }
    old, new = (
        write_workbook(tmp_path / f"EZ-v{v}.xlsx", {"R": [["(bedragen x € 1.000)"], header, *r]})
        for v, r in rows.items()
    )
    diff = diff_files(str(old), str(new), sheet="R")
    assert [
        (c.change, c.line, c.new.cell.cell if c.new else None, c.difference) for c in diff.changes
    ] == [
        ("changed", "XIII · 2 · U · 2025 · AI-fabriek", "E3", Decimal(-5_100_000)),
        ("changed", "XIII · 2 · U · 2026 · AI-fabriek", "F3", Decimal(-300_000)),
        ("removed", "XIII · 3 · U · 2025 · Toezicht", None, Decimal(-40_000)),
        ("removed", "XIII · 3 · U · 2026 · Toezicht", None, Decimal(-50_000)),
    ]
    # and back: a line that was 0 and has an amount again changed from 0
    back = diff_files(str(new), str(old), sheet="R")
    assert [(c.change, c.old.amount if c.old else None) for c in back.changes] == [
        ("changed", Decimal(0)),
        ("changed", Decimal(0)),
        ("added", None),
        ("added", None),
    ]
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--lang", "en"])
    assert "DIFFERENT: 0 added, 2 removed, 2 changed, 0 unchanged." in result.output
    github = _diff(str(old), str(new), "-f", "github").output
    assert "changed from EUR 5,100,000 to EUR 0 (difference -EUR 5,100,000)" in github
