"""The code stays as strict as the project promises: ruff (lint and format) and mypy --strict."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: install the test extra, pip install -e '.[test]'")
    return found


@pytest.mark.parametrize(
    "command",
    [
        [
            "ruff",
            "check",
            "--output-format",
            "concise",
            "reconcile",
            "tests",
            "examples",
            "benchmarks",
        ],
        ["ruff", "format", "--check", "reconcile", "tests", "examples", "benchmarks"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: list[str]) -> None:
    result = subprocess.run(
        [_tool(command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
