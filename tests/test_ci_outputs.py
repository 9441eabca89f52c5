"""Machine-read outputs: JUnit XML, GitHub workflow commands and summary, --output, --fail-on."""

from __future__ import annotations

import functools
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile import pipeline
from reconcile.cli import cli
from reconcile.codes import make_finding
from reconcile.model import CellRef
from reconcile.report import RENDERERS, RenderOptions
from reconcile.report.github import render_github_summary
from reconcile.report.record import Report

ROOT = Path(__file__).resolve().parent.parent
ERRORS = "examples/ai-fabriek-with-errors"
GOOD = "examples/ai-fabriek"
CI_ENV = {
    "GITHUB_ACTIONS": None,
    "GITHUB_STEP_SUMMARY": None,
    "GITHUB_WORKSPACE": None,
    "CI_PROJECT_DIR": None,
}


@functools.cache
def example(name: str) -> Report:
    path = str(ROOT / name)
    return pipeline.check([path], pipeline.find_announcement([path], None))


def render(fmt: str, report: Report) -> str:
    buffer = io.StringIO()
    RENDERERS[fmt](report, buffer, RenderOptions(color=False))
    return buffer.getvalue()


def run(args: list[str], **env: str | None) -> Result:
    return CliRunner().invoke(cli, args, env={**CI_ENV, **env})


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


# --- GitHub -------------------------------------------------------------------------------


def test_github_annotations_one_per_finding_then_the_verdict() -> None:
    lines = render("github", example(ERRORS)).splitlines()
    assert lines[1] == (
        f"::error file={ROOT}/{ERRORS}/BZK.xlsx,title=year-out-of-range::Blad1!G4: "
        "Year 2031 is outside the years the announcement covers (2025–2030)."
    )
    assert [line.split(" ")[0] for line in lines[:3]] == ["::notice", "::error", "::notice"]
    assert len(lines) == len(example(ERRORS).findings) + 2
    assert lines[-2].startswith("NOT RECONCILED: total EUR 65,500,000")
    assert lines[-1] == "12 errors, 0 warnings, 9 notes; exit code 1."


def test_github_workbook_text_cannot_inject_a_workflow_command() -> None:
    finding = make_finding(
        "ministry-unknown", CellRef("a,b:c.xlsx", "S"), reason="50%\n::error::forged"
    )
    text = render("github", Report("validate", (), (), (finding,)))
    assert text.splitlines()[0] == (
        "::error file=a%2Cb%3Ac.xlsx,title=ministry-unknown::S: Cannot tell which ministry "
        "this file is from: 50%25\\x0a::error::forged."  # messages show a newline as \\x0a
    )


def test_github_is_chosen_when_running_in_github_actions(in_root: None, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    result = run(["check", GOOD], GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 0
    assert result.output.startswith("::notice file=examples/ai-fabriek/BZK.xlsx,title=")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## reconcile check: AI-fabriek Groningen\n")
    assert "| EZ | examples/ai-fabriek/EZ.xlsx | XIII | 6 | EUR 25,000,000 | 36.0 % |" in text
    assert "**RECONCILED: total EUR 69,400,000" in text
    assert run(["check", GOOD, "--format", "text"], GITHUB_ACTIONS="true").output.startswith(
        "AI-fabriek Groningen"
    )


def test_a_job_summary_that_cannot_be_written_is_said_before_any_verdict(
    in_root: None, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # a file cannot hold the summary's folder
    result = run(
        ["check", ERRORS], GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(blocked / "summary.md")
    )
    assert result.exit_code == 2
    assert "exit code" not in result.stdout  # no verdict promising exit code 1 was printed
    assert result.stderr.startswith("Error: ")


def test_github_summary_speaks_dutch_under_lang_nl() -> None:
    buffer = io.StringIO()
    render_github_summary(example(GOOD), buffer, RenderOptions(lang="nl"))
    lines = buffer.getvalue().splitlines()
    assert lines[:5] == [
        "## reconcile check: AI-fabriek Groningen",
        "",
        lines[2],
        "",
        "| Ministerie | Bestand | Hoofdstuk | Regels | Subtotaal | Aandeel |",
    ]
    assert lines[2].startswith("**SLUIT AAN: totaal € 69.400.000")
    ez = f"| EZ | {ROOT / GOOD / 'EZ.xlsx'} | XIII | 6 | € 25.000.000 | 36,0 % |"
    assert ez in lines
    assert "| **Totaal** | | | 26 | **€ 69.400.000** | 100,0 % |" in lines
    assert lines[-2:] == ["0 fouten, 0 waarschuwingen, 7 opmerkingen; afsluitcode 0.", ""]
    english = io.StringIO()
    render_github_summary(example(GOOD), english, RenderOptions(lang="en"))
    assert "| Ministry | File | Chapter | Lines | Subtotal | Share |" in english.getvalue()


def test_github_commands_end_with_the_counts_in_the_run_s_language() -> None:
    buffer = io.StringIO()
    RENDERERS["github"](example(ERRORS), buffer, RenderOptions(color=False, lang="nl"))
    assert buffer.getvalue().splitlines()[-1].endswith("; afsluitcode 1.")


def test_github_summary_escapes_workbook_text_in_the_table() -> None:
    report = example(GOOD)
    odd = report.files[0].__class__(**{**report.files[0].__dict__, "ministry": "<b>X|Y</b>"})
    buffer = io.StringIO()
    render_github_summary(Report("validate", (odd,), (), ()), buffer, RenderOptions())
    assert "| \\<b\\>X\\|Y\\</b\\> |" in buffer.getvalue()


def _summary(report: Report, **options: object) -> str:
    buffer = io.StringIO()
    render_github_summary(report, buffer, RenderOptions(**options))  # type: ignore[arg-type]
    return buffer.getvalue()


def test_github_summary_lists_every_finding_by_file_with_cell_severity_and_code() -> None:
    report = example(ERRORS)
    lines = _summary(report, workspace=str(ROOT)).splitlines()
    rows, file = [], ""
    for line in lines[lines.index("### Findings") :]:
        if line.startswith("**"):
            file = line.strip("*")
        elif line.startswith("| ") and not line.startswith("| Cell |"):
            place, severity, code, message = line[2:-2].split(" | ")
            rows.append((file, place, severity, code.strip("`"), message))
    assert [row[:4] for row in rows] == [
        (
            f.location.file.removeprefix(f"{ROOT}/"),
            f.location.place or "–",
            f.severity.value,
            f.code,
        )
        for f in report.findings
    ]
    assert len(rows) == 21
    assert rows[1] == (
        f"{ERRORS}/BZK.xlsx",
        "Blad1!G4",
        "error",
        "year-out-of-range",
        "Year 2031 is outside the years the announcement covers (2025–2030).",
    )
    assert lines[-2:] == ["12 errors, 0 warnings, 9 notes; exit code 1.", ""]


def _many_findings(count: int) -> Report:
    reason = "x" * 400  # a long message, as workbook text can make one
    findings = tuple(
        make_finding(
            "ministry-unknown",
            CellRef(f"budgets/file{i // 1000}.xlsx", "Blad1", f"A{i}"),
            reason=reason,
        )
        for i in range(count)
    )
    return Report("validate", (), (), findings)


def test_github_summary_stays_within_1_mib_and_counts_what_it_cut() -> None:
    report = _many_findings(5_000)  # about 2.2 MB of rows
    text = _summary(report)
    assert len(text.encode("utf-8")) <= 1024 * 1024
    shown = sum(1 for line in text.splitlines() if line.startswith("| Blad1!A"))
    assert 1_000 < shown < 5_000
    assert (
        f"{5_000 - shown} more findings not shown here: a job summary holds at most 1 MiB. "
        "Every finding is in the step's log and in the reports written with --output."
    ) in text.splitlines()
    assert text.endswith("5000 errors, 0 warnings, 0 notes; exit code 1.\n\n")
    everything = _summary(_many_findings(50))
    assert "findings not shown" not in everything


def test_github_summary_shares_the_1_mib_with_what_the_step_wrote_before(
    in_root: None, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    before = "# earlier step\n" + "x" * (1024 * 1024 - 2_500) + "\n"
    summary.write_text(before, encoding="utf-8")
    result = run(["check", ERRORS], GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(before + "## reconcile check: AI-fabriek Groningen")
    assert len(text.encode("utf-8")) <= 1024 * 1024
    assert " more findings not shown here" in text


def test_diff_summary_lists_every_change_within_the_limit(in_root: None, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    args = ["diff", f"{GOOD}/EZ.xlsx", f"{ERRORS}/EZ.xlsx"]
    result = run(args, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.exit_code == 1
    lines = summary.read_text(encoding="utf-8").splitlines()
    [added] = [line for line in lines if line.startswith("| added |")]
    assert added.endswith("| – | EUR 6,000,000 | EUR 6,000,000 | Reservering!G10 |")
    findings = lines[lines.index("### Findings") :]
    assert findings[2] == f"**{ERRORS}/EZ.xlsx**"
    assert findings[6].startswith("| Reservering!G14 | error | `total-mismatch` | “Totaal")
    assert not [line for line in lines if "findings not shown" in line]


# --- several outputs, --fail-on, --severity -------------------------------------------------


def test_one_run_writes_the_terminal_report_and_every_output_file(
    in_root: None, tmp_path: Path
) -> None:
    result = run(
        [
            "check",
            ERRORS,
            "--output",
            str(tmp_path / "report.json"),
            "-o",
            f"github:{tmp_path / 'annotations.log'}",
            "--junit-xml",
            str(tmp_path / "results.xml"),
        ]
    )
    assert result.exit_code == 1
    assert result.output.startswith("AI-fabriek Groningen")
    assert result.output == run(["check", ERRORS]).output
    assert (tmp_path / "report.json").read_text(encoding="utf-8").startswith('{\n  "version": 2,')
    assert (tmp_path / "annotations.log").read_text(encoding="utf-8").startswith("::notice ")
    assert ET.parse(tmp_path / "results.xml").getroot().get("failures") == "9"


def test_an_output_in_the_terminal_format_takes_the_terminal_s_place(
    in_root: None, tmp_path: Path
) -> None:
    result = run(["check", ERRORS, "-o", str(tmp_path / "plain.txt")])
    assert result.exit_code == 1
    assert result.output == ""
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == run(["check", ERRORS]).output


def test_an_output_without_format_or_known_suffix_takes_the_terminal_format(
    in_root: None, tmp_path: Path
) -> None:
    result = run(["check", GOOD, "--format", "json", "-o", str(tmp_path / "report.out")])
    assert result.exit_code == 0
    assert result.output == ""
    json_report = run(["check", GOOD, "--format", "json"]).output
    assert (tmp_path / "report.out").read_text(encoding="utf-8") == json_report


def test_an_output_never_overwrites_an_input(in_root: None) -> None:
    before = (ROOT / GOOD / "EZ.xlsx").read_bytes()
    result = run(["check", GOOD, "-o", f"json:{GOOD}/EZ.xlsx"])
    assert result.exit_code == 2
    assert "refusing to write examples/ai-fabriek/EZ.xlsx" in result.output
    assert (ROOT / GOOD / "EZ.xlsx").read_bytes() == before


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("check", ["-o", "{out}/r.json", "--junit-xml", "{out}/r.json"]),
        ("validate", ["-o", "json:{out}/r.txt", "-o", "{out}/../out/r.txt"]),  # text by suffix
        ("diff", ["-o", "gitlab:{out}/r.json", "-o", "{out}/r.json"]),
    ],
)
def test_two_reports_into_one_file_are_a_usage_error_before_any_is_written(
    in_root: None, tmp_path: Path, command: str, options: list[str]
) -> None:
    # The second written replaced the first, exit 1: a CI step read JUnit XML as its JSON.
    out = tmp_path / "out"
    out.mkdir()
    paths = [f"{GOOD}/EZ.xlsx", f"{ERRORS}/EZ.xlsx"] if command == "diff" else [GOOD]
    args = [command, *(o.format(out=out) for o in options), *paths, "--lang", "nl"]
    result = run(args)
    assert result.exit_code == 2
    assert "Fout: twee rapporten worden in " in result.output
    assert ": geef elk een eigen bestand" in result.output
    assert list(out.iterdir()) == []
    # The same format twice is one report: written, as before.
    twice = [command, "-o", f"json:{out}/r.json", "-o", f"{out}/r.json", *paths]
    assert run(twice).exit_code != 2
    assert json.loads((out / "r.json").read_text("utf-8"))


def test_an_output_that_cannot_be_written_is_one_clear_error(in_root: None, tmp_path: Path) -> None:
    result = run(["check", GOOD, "-o", f"json:{tmp_path}"])
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: cannot write {tmp_path}: it is a folder\n")


@pytest.mark.parametrize(
    ("example_set", "options", "exit_code"),
    [
        (ERRORS, [], 1),
        (ERRORS, ["--fail-on", "never"], 0),
        (ERRORS, ["--fail-on", "warning"], 1),
        (GOOD, ["--fail-on", "warning"], 0),
        (GOOD, ["--severity", "series-assumed=warning"], 0),
        (GOOD, ["--severity", "series-assumed=warning", "--fail-on", "warning"], 1),
        (GOOD, ["--severity", "lines-not-counted=error"], 1),
    ],
)
def test_fail_on_and_severity_decide_the_exit_code(
    in_root: None, example_set: str, options: list[str], exit_code: int
) -> None:
    result = run(["check", example_set, "--format", "json", *options])
    assert result.exit_code == exit_code
    assert f'"exit_code": {exit_code},' in result.output


def test_fail_on_never_changes_the_exit_code_not_the_verdict(in_root: None) -> None:
    result = run(["check", ERRORS, "--fail-on", "never"])
    assert result.exit_code == 0
    assert "NOT RECONCILED: total EUR 65,500,000" in result.output
    assert result.output.endswith("12 errors, 0 warnings, 9 notes; exit code 0.\n")


def test_severity_overrides_show_in_every_report(in_root: None) -> None:
    result = run(["check", ERRORS, "--format", "json", "--severity", "duplicate-line=warning"])
    assert '"code": "duplicate-line",\n      "severity": "warning"' in result.output
    assert '"summary": {\n    "errors": 11,\n    "warnings": 1,' in result.output


def test_an_unreadable_input_exits_2_whatever_fail_on_says(in_root: None, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    result = run(["validate", str(broken), "--fail-on", "never"])
    assert result.exit_code == 2
    assert "[not-a-workbook]" in result.output  # the pre-flight names what it is


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("file-unreadable=info", "the severity of 'file-unreadable' cannot be changed"),
        ("no-such-code=info", "--severity: unknown finding code 'no-such-code'"),
        ("unit-assumed=loud", "unit-assumed must be one of error, warning, info, not 'loud'"),
        ("unit-assumed", "write CODE=LEVEL"),
    ],
)
def test_bad_severity_overrides_are_usage_errors(in_root: None, option: str, message: str) -> None:
    result = run(["check", GOOD, "--severity", option])
    assert result.exit_code == 2
    assert message in result.output


# --- GitLab Code Quality ------------------------------------------------------------------


def code_quality(args: list[str], **env: str | None) -> list[dict[str, object]]:
    result = run([*args, "--format", "gitlab"], **env)
    assert result.exit_code in (0, 1), result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_gitlab_code_quality_has_a_row_per_finding_at_its_file_and_row(in_root: None) -> None:
    rows = code_quality(["check", ERRORS], CI_PROJECT_DIR=str(ROOT))
    assert len(rows) == len(example(ERRORS).findings) == 21
    assert rows[1] == {
        "description": "Blad1!G4: Year 2031 is outside the years the announcement covers "
        "(2025–2030).",
        "check_name": "year-out-of-range",
        "fingerprint": rows[1]["fingerprint"],
        "severity": "major",
        "location": {"path": f"{ERRORS}/BZK.xlsx", "lines": {"begin": 4}},
    }
    severities = {(row["check_name"], row["severity"]) for row in rows}
    assert {("series-assumed", "info"), ("ministry-missing", "major")} <= severities
    whole_file = [row for row in rows if row["check_name"] == "ministry-unexpected"]
    assert [row["location"] for row in whole_file] == [
        {"path": f"{ERRORS}/IenW.xlsx", "lines": {"begin": 1}}
    ]


def test_gitlab_fingerprints_are_unique_and_stable_across_runs_languages_and_folders(
    in_root: None, tmp_path: Path
) -> None:
    rows = code_quality(["check", ERRORS])
    prints = [row["fingerprint"] for row in rows]
    assert len(set(prints)) == len(prints)
    assert [row["fingerprint"] for row in code_quality(["check", ERRORS])] == prints
    dutch = code_quality(["check", ERRORS, "--lang", "nl"])
    assert [row["fingerprint"] for row in dutch] == prints
    assert dutch[1]["description"] != rows[1]["description"]
    # another runner checks the project out elsewhere: the same findings, the same prints
    elsewhere = tmp_path / "builds" / "project"
    shutil.copytree(ROOT / "examples", elsewhere / "examples")
    moved = code_quality(["check", str(elsewhere / ERRORS)], CI_PROJECT_DIR=str(elsewhere))
    assert [row["fingerprint"] for row in moved] == prints


def test_gitlab_gives_the_same_finding_twice_in_one_cell_two_fingerprints() -> None:
    where = CellRef("EZ.xlsx", "Blad1", "A5")
    twice = (
        make_finding("chapter-unknown", where, value="XCIX", hint=""),
        make_finding("chapter-unknown", where, value="XCVIII", hint=""),
    )
    rows = json.loads(render("gitlab", Report("validate", (), (), twice)))
    assert [row["location"] for row in rows] == [{"path": "EZ.xlsx", "lines": {"begin": 5}}] * 2
    assert rows[0]["fingerprint"] != rows[1]["fingerprint"]


def test_gitlab_calls_a_file_that_could_not_be_read_a_blocker(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    result = run(["validate", str(broken), "--format", "gitlab"])
    assert result.exit_code == 2
    assert [row["severity"] for row in json.loads(result.stdout)] == ["blocker"]


def test_diff_writes_gitlab_code_quality_a_row_per_change(in_root: None, tmp_path: Path) -> None:
    result = run(["diff", f"{GOOD}/EZ.xlsx", f"{ERRORS}/EZ.xlsx", "-o", f"gitlab:{tmp_path}/cq"])
    assert result.exit_code == 1
    rows = json.loads((tmp_path / "cq").read_text(encoding="utf-8"))
    assert [(row["check_name"], row["location"]) for row in rows] == [
        ("line-changed", {"path": f"{ERRORS}/EZ.xlsx", "lines": {"begin": 7}}),
        ("line-added", {"path": f"{ERRORS}/EZ.xlsx", "lines": {"begin": 10}}),
        ("total-mismatch", {"path": f"{ERRORS}/EZ.xlsx", "lines": {"begin": 14}}),
    ]


def test_every_format_is_offered_by_check_validate_and_diff_alike() -> None:
    import click

    from reconcile.report import DIFF_RENDERERS, FORMATS

    assert list(RENDERERS) == list(DIFF_RENDERERS) == list(FORMATS)
    assert "gitlab" in FORMATS
    assert isinstance(cli, click.Group)
    for name in ("check", "validate", "diff"):
        [option] = [p for p in cli.commands[name].params if p.name == "fmt"]
        assert isinstance(option.type, click.Choice)
        assert list(option.type.choices) == list(FORMATS), name


# --- paths as the repository names them ---------------------------------------------------


def test_github_annotations_name_files_relative_to_the_workspace(tmp_path: Path) -> None:
    result = run(["check", str(ROOT / GOOD)], GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(ROOT))
    assert result.output.startswith(f"::notice file={GOOD}/BZK.xlsx,title=series-assumed::")
    outside = run(
        ["check", str(ROOT / GOOD)], GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(tmp_path)
    )
    assert outside.output.startswith(f"::notice file={ROOT / GOOD}/BZK.xlsx,title=")


def test_a_path_is_named_relative_to_the_workspace_only_when_it_is_inside(tmp_path: Path) -> None:
    from reconcile.report import repository_path

    (tmp_path / "repo" / "budgets").mkdir(parents=True)
    (tmp_path / "link").symlink_to(tmp_path / "repo")  # a runner's workspace behind a link
    inside = str(tmp_path / "repo" / "budgets" / "EZ.xlsx")
    assert repository_path(inside, str(tmp_path / "repo")) == "budgets/EZ.xlsx"
    assert repository_path(inside, str(tmp_path / "link")) == "budgets/EZ.xlsx"
    assert repository_path(str(tmp_path / "other.xlsx"), str(tmp_path / "repo")) == str(
        tmp_path / "other.xlsx"
    )
    assert repository_path("budgets/EZ.xlsx", None) == "budgets/EZ.xlsx"
