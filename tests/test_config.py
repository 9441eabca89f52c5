"""reconcile.toml and [tool.reconcile]: found upward, flags win, mistakes named with their file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reconcile.cli import cli
from reconcile.config import find_config

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, env={"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None})


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A budget repository: the example set with errors in budgets/, cwd in a subfolder."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(ROOT / "examples" / "ai-fabriek-with-errors", tmp_path / "budgets")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    return tmp_path


def test_the_nearest_file_from_the_working_directory_upward_is_used(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[tool.reconcile]\nfail-on = "never"\n')
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n')  # not ours
    assert find_config(tmp_path / "a" / "b") == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "reconcile.toml").write_text("")
    assert find_config(tmp_path / "a" / "b") == tmp_path / "a" / "reconcile.toml"


def test_the_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "reconcile.toml").write_text("")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "repo") is None


def test_settings_apply_and_paths_are_relative_to_the_file(project: Path) -> None:
    (project / "reconcile.toml").write_text(
        'fail-on = "never"\njunit-xml = "out/results.xml"\n'
        'output = ["out/report.json", "github:out/gh.txt"]\n'
        'announcement = "budgets/announcement.toml"\n'
        '[severity]\nduplicate-line = "warning"\n',
        encoding="utf-8",
    )
    result = run(["check", "../budgets"])
    assert result.exit_code == 0, result.output
    report = (project / "out" / "report.json").read_text(encoding="utf-8")
    assert '"origin": "../budgets/announcement.toml"' in report
    assert '"code": "duplicate-line",\n      "severity": "warning"' in report
    assert (project / "out" / "results.xml").is_file()
    assert (project / "out" / "gh.txt").read_text(encoding="utf-8").startswith("::notice file=")


def test_flags_win_over_the_file(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.reconcile]\nfail-on = "never"\nformat = "json"\n', encoding="utf-8"
    )
    assert run(["check", "../budgets"]).exit_code == 0
    result = run(["check", "../budgets", "--fail-on", "error", "--format", "github"])
    assert result.exit_code == 1
    assert result.output.startswith("::")


def test_an_explicit_config_file_is_used(project: Path) -> None:
    (project / "ci.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert run(["--config", "../ci.toml", "check", "../budgets"]).exit_code == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "never"\n', "reconcile.toml: unknown key 'fail_on' (known keys: "),
        ('fail-on = "sometimes"\n', "reconcile.toml: fail-on must be one of error, warning, never"),
        ("color = 1\n", "reconcile.toml: color must be true or false, not 1"),
        ("output = 3\n", "reconcile.toml: output must be a text or a list of texts, not 3"),
        ("announcement = []\n", "reconcile.toml: announcement must be a text, not []"),
        ('severity = "loud"\n', "reconcile.toml: severity must be a table of code = level"),
        (
            '[severity]\nno-table = "info"\n',
            "reconcile.toml [severity]: the severity of 'no-table' cannot be changed",
        ),
        (
            '[severity]\nno-such = "info"\n',
            "reconcile.toml [severity]: unknown finding code 'no-such'",
        ),
        ("fail-on = \n", "reconcile.toml: not valid TOML"),
        # A path no system has (TOML writes NUL as \u0000): it stopped the run as a bug.
        (
            'announcement = "a\\u0000.toml"\n',
            "reconcile.toml: announcement must be a text without the character NUL",
        ),
        ('output = ["json:\\u0000"]\n', "reconcile.toml: output must be a text without"),
        ('annotate = "x\\u0000"\n', "reconcile.toml: annotate must be a text without"),
        ('sheet = "\\u0000"\n', "reconcile.toml: sheet must be a text without"),
    ],
)
def test_a_wrong_file_is_an_error_naming_the_key_and_the_file(
    project: Path, text: str, message: str
) -> None:
    (project / "reconcile.toml").write_text(text, encoding="utf-8")
    result = run(["check", "../budgets"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ../" + message.split(" ", 1)[0])
    assert message.split(" ", 1)[1] in result.output


def test_pyproject_errors_name_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.reconcile]\ncolour = "yes"\n', encoding="utf-8")
    result = run(["validate", "../budgets"])
    assert result.exit_code == 2
    assert "Error: ../pyproject.toml [tool.reconcile]: unknown key 'colour'" in result.output


def test_a_lang_in_the_settings_file_is_the_language_of_errors_too(project: Path) -> None:
    (project / "reconcile.toml").write_text('lang = "nl"\n')
    result = CliRunner().invoke(
        cli, ["check", "--max-rows", "veel", "../budgets"], env={"LANG": "C.UTF-8"}
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("Fout: Ongeldige waarde voor '--max-rows'")
    # --lang on the command line still wins over the file
    result = CliRunner().invoke(
        cli, ["check", "--max-rows", "veel", "../budgets", "--lang", "en"], env={"LANG": "C.UTF-8"}
    )
    assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for '--max-rows'")
