"""Golden files: every output format on each example set, byte for byte.

One `reconcile check` run per example set writes every format (--output FORMAT:FILE) and
the GitHub job summary, so this also tests several outputs in one run. The JSON golden file is
the example's own expected.json (see test_examples.py). After an intended change of a report,
regenerate with `RECONCILE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review
the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SETS = {"ai-fabriek": 0, "ai-fabriek-with-errors": 1, "ai-fabriek-overboekingen": 0}
OUTPUTS = {
    "text": "report.txt",
    "json": "report.json",
    "junit": "junit.xml",
    "github": "github.txt",
    "gitlab": "gitlab.json",
}
FILES = {**OUTPUTS, "summary": "github-summary.md"}  # the job summary GitHub Actions shows
REGENERATE = bool(os.environ.get("RECONCILE_UPDATE_GOLDEN"))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example set checked once, from the repository root, into every format."""
    out = tmp_path_factory.mktemp("golden")
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for name, expected_exit in SETS.items():
            options = [f"--output={fmt}:{out / name / file}" for fmt, file in OUTPUTS.items()]
            result = CliRunner().invoke(
                cli,
                ["check", f"examples/{name}/", "--format", "github", *options],
                env={
                    "GITHUB_STEP_SUMMARY": str(out / name / FILES["summary"]),
                    "GITHUB_WORKSPACE": None,  # paths as given, wherever the tests run
                    "CI_PROJECT_DIR": None,
                },
            )
            assert result.exit_code == expected_exit, result.output
            assert result.output == ""  # the github report went to its file instead
    finally:
        os.chdir(cwd)
    return {name: out / name for name in SETS}


@pytest.mark.parametrize("fmt", FILES)
@pytest.mark.parametrize("example", SETS)
def test_report_matches_golden_file(written: dict[str, Path], example: str, fmt: str) -> None:
    actual = (written[example] / FILES[fmt]).read_bytes()
    golden = ROOT / "examples" / example / "expected.json"
    if fmt != "json":
        golden = GOLDEN / example / FILES[fmt]
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"{golden} is missing: run with RECONCILE_UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes(), f"{example} {fmt} differs from {golden}"
