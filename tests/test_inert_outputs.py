"""Text from outside reaches a terminal, a CI log, a Markdown summary or a workbook inert.

A crafted corpus, built here: each payload (escape sequences, a hyperlink, a newline that
would start a workflow command or a report line, rich markup, Markdown images and links,
text-reordering marks) goes into a file name and into cells, and every output medium is read
back for the one thing that payload would do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from reconcile.cli import cli
from reconcile.safety import markdown_text, visible
from tests.builders import write_workbook

# Each payload, and the text that must never appear raw in a terminal or a log.
PAYLOADS = {
    "escape": "\x1b[2J\x1b[31mRED\x1b[0m",
    "osc8-link": "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",
    "forged-command": "x\n::error file=forged.xlsx::forged",
    "forged-line": "x\n  error   A1 [forged] fake",
    "carriage-return": "ok\r  error   A1 [forged]",
    "rich-close": "[/bold] [/]",
    "rich-link": "[link=https://evil.example]click[/link]",
    "markdown-image": "![i](https://evil.example/i.png)",
    "markdown-link": "[click](https://evil.example)",
    "html": "<img src=x onerror=alert(1)>",
    "bidi": "abc\u202egnp.exe",
    "nul-bell": "a\x00b\x07c\x08d",
    "c1": "a\x9b31mb\x85c",
}
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")  # never written raw (\n ends lines)


def _workbook(folder: Path, name: str, payload: str) -> Path:
    rows = [
        ["Ministerie van Economische Zaken"],
        ["(bedragen x € 1.000)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
        ["XIII", 2, payload, "U", 2025, payload],  # the amount cell is quoted in a finding
        ["XIII", 2, "AI-fabriek", "U", 2026, 8000],
    ]
    built = write_workbook(folder / "built.xlsx", {"Reservering": rows})
    return built.rename(folder / name)


def _file_name(payload: str) -> str:
    return "EZ " + payload.replace("/", "_").replace("\x00", "_") + ".xlsx"


@pytest.fixture(params=sorted(PAYLOADS))
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    payload = PAYLOADS[request.param]
    folder = tmp_path / "in"
    folder.mkdir()
    _workbook(folder, _file_name(payload), payload)
    return folder, payload


def test_the_text_report_shows_every_payload_as_text(hostile: tuple[Path, str]) -> None:
    folder, payload = hostile
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert not RAW.search(out)
    assert not any(
        line.lstrip().startswith(("error   A1 [forged]", "::")) for line in out.split("\n")
    )
    assert "\x1b]8;" not in out  # no hyperlink, from the file name or from rich markup
    assert out.count("[amount-not-a-number]") == 1  # the report went on to its end
    assert out.rstrip().endswith("exit code 1.")
    if payload.startswith("["):
        assert payload in out  # markup shown as written, not interpreted


def test_a_ci_log_gets_one_workflow_command_per_finding(hostile: tuple[Path, str]) -> None:
    folder, _payload = hostile
    result = CliRunner().invoke(cli, ["validate", "--format", "github", str(folder)])
    lines = result.stdout.split("\n")
    assert not RAW.search(result.stdout)
    commands = [line for line in lines if line.startswith("::")]
    assert [c.split(" ", 1)[0] for c in commands] == ["::error"]
    assert lines[1:] == [
        "NOT VALID: 1 error.",
        "1 error, 0 warnings, 0 notes; exit code 1.",
        "",
    ]


def test_the_job_summary_holds_no_link_image_or_html(
    hostile: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _payload = hostile
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    CliRunner().invoke(cli, ["validate", str(folder)])
    text = summary.read_text(encoding="utf-8")
    assert not RAW.search(text)
    # the per-ministry table comes first, then a table of findings per file
    first = text.split("\n\n| ", 1)[1].split("\n\n", 1)[0]
    table = ["| " + first.split("\n", 1)[0], *first.split("\n")[1:]]
    table = [line for line in table if line.startswith("| ")]
    assert len(table) == 3  # the heads, the file, the total: no line or column broken off
    assert not any(line.count(" | ") != 3 for line in _findings_rows(text))  # four columns
    file_row = table[1]
    assert file_row.count(" | ") == 5  # six columns, none broken by a | in the name
    assert not re.search(r"(?<!\\)(\\\\)*[\[\]<>]", file_row)  # none unescaped


def _findings_rows(summary: str) -> list[str]:
    """The rows of the job summary's findings tables (cell, severity, code, message)."""
    findings = summary.split("### ", 1)[1]
    return [line for line in findings.split("\n") if line.startswith("| ") and "---" not in line]


def test_annotate_and_the_report_file_are_written_whatever_the_cells_hold(
    hostile: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _payload = hostile
    out = tmp_path / "out"
    out.mkdir()
    report = tmp_path / "report.xml"
    result = CliRunner().invoke(
        cli, ["validate", "--annotate", str(out), "-o", f"junit:{report}", str(folder)]
    )
    assert result.exit_code == 1, result.output
    assert report.exists()
    assert not RAW.search(result.stderr)
    (copy,) = out.iterdir()
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames[0] == "Findings"
    message = book["Findings"]["C4"].value
    assert "is not an amount" in message and not RAW.search(message)


@given(st.text())
def test_visible_text_holds_no_control_character_and_keeps_the_rest(text: str) -> None:
    shown = visible(text)
    assert not RAW.search(shown)
    assert "\n" not in shown and "\r" not in shown
    if not RAW.search(text) and "\n" not in text and "\r" not in text and "\t" not in text:
        assert shown == text or any(
            0x2028 <= ord(c) <= 0x2069 or 0xD800 <= ord(c) <= 0xDFFF for c in text
        )


@given(st.text())
def test_markdown_text_has_every_punctuation_mark_escaped(text: str) -> None:
    shown = markdown_text(text)
    assert "\n" not in shown
    assert not re.search(r"(?<!\\)(\\\\)*[\[\]<>|`*_@]|:(?=//)", shown)


def test_diff_shows_cells_as_text(tmp_path: Path) -> None:
    payload = PAYLOADS["osc8-link"] + PAYLOADS["rich-close"] + PAYLOADS["forged-line"]
    old = tmp_path / "old.xlsx"
    new = tmp_path / "new.xlsx"
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
    ]
    write_workbook(old, {"R": [*rows, ["XIII", 2, payload, "U", 2025, 100]]})
    write_workbook(new, {"R": [*rows, ["XIII", 2, payload, "U", 2025, 200]]})
    for fmt in ("text", "github"):
        result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", fmt])
        assert not RAW.search(result.stdout), fmt
        assert "\x1b]8;" not in result.stdout
        assert not any(
            line.lstrip().startswith("error   A1 [forged]") for line in result.stdout.split("\n")
        )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_long_cell_is_quoted_cut_and_the_message_says_so(tmp_path: Path, lang: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _workbook(folder, "EZ.xlsx", "x" * 30_000)  # Excel's own limit for a cell is 32,767
    report = tmp_path / "report.xml"
    result = CliRunner().invoke(
        cli, ["validate", "--lang", lang, "-o", f"junit:{report}", "--format", "json", str(folder)]
    )
    (message,) = [f["message"] for f in json.loads(result.stdout)["findings"] if f["cell"] == "F5"]
    # the reader quotes the cell ("..."), so 300 characters are its first 299 x and a quote
    shown = {"en": "29702 more characters not shown", "nl": "29702 tekens meer niet getoond"}
    assert f'"{"x" * 299}… ({shown[lang]})' in message
    assert len(message) < 500
    assert report.stat().st_size < 20_000  # the cell alone is 30,000 characters


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_payload_in_every_cell_of_a_line_leaves_every_report_whole(
    name: str, tmp_path: Path
) -> None:
    payload = PAYLOADS[name]
    rows = [
        ["Ministerie van Economische Zaken"],
        ["(bedragen x € 1.000)", payload],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
        [payload, payload, payload, payload, payload, payload],
        ["XIII", 2, "AI-fabriek", "U", 2026, 8000],
    ]
    source = write_workbook(tmp_path / "EZ.xlsx", {"Reservering": rows})
    as_json = CliRunner().invoke(cli, ["validate", "--format", "json", str(source)])
    findings = json.loads(as_json.stdout)["findings"]
    assert findings  # the line is refused, cell by cell
    text = CliRunner().invoke(cli, ["validate", str(source)])
    assert not RAW.search(text.stdout)
    assert text.stdout.rstrip().endswith(f"exit code {as_json.exit_code}.")
    assert sum(line.startswith("  ") and "[" in line for line in text.stdout.split("\n")) >= len(
        findings
    )
    github = CliRunner().invoke(cli, ["validate", "--format", "github", str(source)])
    assert not RAW.search(github.stdout)
    commands = [line for line in github.stdout.split("\n") if line.startswith("::")]
    assert len(commands) == len(findings)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_the_announcement_and_its_path_are_shown_as_text(name: str, tmp_path: Path) -> None:
    payload = PAYLOADS[name]
    # a path whose folders spell markup: ".../[bold]x[/bold].toml", closing tag included
    folder = tmp_path / "[bold]x["
    folder.mkdir()
    announcement = folder / "bold].toml"
    quoted = json.dumps(payload).replace("\x7f", "\\u007f")  # a TOML basic string
    announcement.write_text(
        f'name = {quoted}\nyears = "2025-2030"\n[amounts]\nrijk = "bijna 70 miljoen euro"\n',
        encoding="utf-8",
    )
    examples = Path(__file__).resolve().parent.parent / "examples" / "ai-fabriek"
    result = CliRunner().invoke(cli, ["check", "--announcement", str(announcement), str(examples)])
    assert result.exit_code in (0, 1), result.output
    assert not RAW.search(result.stdout)
    assert "[bold]x[/bold].toml" in result.stdout  # the path as written, markup not read
    assert result.stdout.rstrip().endswith(f"exit code {result.exit_code}.")
