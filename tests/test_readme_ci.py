"""The CI recipes' snippets (docs/en/ci.md) and .pre-commit-hooks.yaml work: their command lines
are run here.

Each snippet's `reconcile ...` lines run in a folder laid out as the snippet expects (the example
set as budgets/), with the environment its CI gives, and what the snippet publishes must exist.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from reconcile.cli import cli
from tests.doctext import ROOT, fenced_blocks, page

CI_DOC = "docs/en/ci.md"
SNIPPETS = 4  # the GitHub workflow, the GitLab job, the pre-commit config, reconcile.toml
# exit code, failing JUnit cases (a file's check or the reconciliation)
SETS = {"ai-fabriek": (0, "0"), "ai-fabriek-with-errors": (1, "9")}
FINDINGS = {"ai-fabriek": 7, "ai-fabriek-with-errors": 21}


def snippet(first_line: str) -> str:
    """The CI page's fenced block that starts with ``first_line`` (a comment naming the file)."""
    found = [b for b in fenced_blocks(page(CI_DOC)) if b.startswith(first_line + "\n")]
    assert len(found) == 1, f"{CI_DOC} has {len(found)} blocks starting with {first_line!r}"
    return found[0]


def test_every_file_snippet_of_the_ci_page_is_run_here() -> None:
    named = [b.split("\n", 1)[0] for b in fenced_blocks(page(CI_DOC)) if b.startswith("# ")]
    assert len(named) == SNIPPETS, named
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'snippet("{first_line}")' in source for first_line in named), named


def run_commands(lines: list[str], env: dict[str, str | None]) -> list[tuple[int, str]]:
    """Run the `reconcile` command lines among ``lines``: (exit code, output) of each."""
    commands = [shlex.split(line) for line in lines if line.startswith("reconcile ")]
    assert commands, "the snippet runs no reconcile command"
    results = []
    for command in commands:
        result = CliRunner().invoke(cli, command[1:], env=env)
        results.append((result.exit_code, result.output))
    return results


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # a budget repository: config search stops here
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lay_out(repo: Path, example: str) -> None:
    shutil.copytree(ROOT / "examples" / example, repo / "budgets")


@pytest.mark.parametrize("example", SETS)
def test_the_github_actions_snippet_runs(repo: Path, example: str) -> None:
    lay_out(repo, example)
    workflow: Any = yaml.safe_load(snippet("# .github/workflows/budgets.yml"))
    steps = workflow["jobs"]["reconcile"]["steps"]
    summary = repo / "summary.md"
    env: dict[str, str | None] = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(repo),
    }
    runs = [step["run"] for step in steps if "run" in step]
    [(exit_code, output)] = run_commands(runs, env)
    assert exit_code == SETS[example][0]
    assert output.startswith("::notice file=budgets/BZK.xlsx,title=series-assumed::")
    text = summary.read_text(encoding="utf-8")
    assert "## reconcile check: AI-fabriek Groningen" in text
    rows = [
        line for line in text.splitlines() if re.match(r"^\| \S+ \| (info|warning|error) \|", line)
    ]
    assert len(rows) == FINDINGS[example]  # every finding, not only the 10 GitHub annotates
    [upload] = [step for step in steps if step.get("uses", "").startswith("actions/upload-")]
    assert upload["if"] == "always()"  # the reports matter most when the run fails
    for path in upload["with"]["path"].split():
        assert (repo / path).is_file(), path


@pytest.mark.parametrize("example", SETS)
def test_the_gitlab_ci_snippet_runs(repo: Path, example: str) -> None:
    lay_out(repo, example)
    job: Any = yaml.safe_load(snippet("# .gitlab-ci.yml"))["reconcile"]
    env: dict[str, str | None] = {
        "GITHUB_ACTIONS": None,
        "GITLAB_CI": "true",
        "CI_PROJECT_DIR": str(repo),
    }
    [(exit_code, output)] = run_commands(job["script"], env)
    assert exit_code == SETS[example][0]
    assert output.startswith("AI-fabriek Groningen")
    assert job["artifacts"]["when"] == "always"
    reports = job["artifacts"]["reports"]
    junit = ET.parse(repo / reports["junit"]).getroot()
    assert junit.get("failures") == SETS[example][1]
    # GitLab's Code Quality report: a row per finding, at the file as the repository names it
    rows = json.loads((repo / reports["codequality"]).read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "reconcile" / "data" / "gitlab.schema.json").read_text("utf-8"))
    jsonschema.validate(rows, schema)
    assert len(rows) == FINDINGS[example]
    assert {row["location"]["path"] for row in rows} >= {"budgets/EZ.xlsx", "budgets/VWS.xlsx"}


def test_the_configuration_example_is_valid_and_applies(repo: Path) -> None:
    lay_out(repo, "ai-fabriek-with-errors")
    (repo / "reconcile.toml").write_text(snippet("# reconcile.toml"), encoding="utf-8")
    [(exit_code, output)] = run_commands(["reconcile check budgets/"], {"GITHUB_ACTIONS": None})
    assert exit_code == 1, output
    assert ET.parse(repo / "reconcile-junit.xml").getroot().get("failures") == "9"
    assert (repo / "reconcile.json").read_text(encoding="utf-8").startswith('{\n  "version": 2')


def test_the_pre_commit_hooks_run_as_pre_commit_runs_them(repo: Path) -> None:
    lay_out(repo, "ai-fabriek")
    hooks: Any = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    config: Any = yaml.safe_load(snippet("# .pre-commit-config.yaml"))
    used = config["repos"][0]["hooks"]
    assert {hook["id"] for hook in used} <= set(by_id)
    workbooks = sorted(str(p.relative_to(repo)) for p in (repo / "budgets").glob("*.xlsx"))
    env: dict[str, str | None] = {"GITHUB_ACTIONS": None}
    for hook in used:
        spec = by_id[hook["id"]]
        assert spec["language"] == "python"
        files = [f for f in workbooks if re.search(spec["files"], f)]
        assert files == workbooks
        passed = files if spec.get("pass_filenames", True) else []
        line = shlex.join([*shlex.split(spec["entry"]), *hook.get("args", []), *passed])
        [(exit_code, output)] = run_commands([line], env)
        assert exit_code == 0, output
