"""Same inputs, same bytes: no timestamps, no absolute paths, stable order, whatever the cwd."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = {"json": "report.json", "junit": "results.xml", "text": "report.txt", "github": "gh.txt"}


def run_in(folder: Path) -> dict[str, bytes]:
    """`reconcile check budgets/` from ``folder``: every output file and the terminal's bytes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reconcile",
            "check",
            "budgets/",
            *(f"--output={fmt}:out/{name}" for fmt, name in OUTPUTS.items()),
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    produced = {name: (folder / "out" / name).read_bytes() for name in OUTPUTS.values()}
    return {**produced, "stdout": result.stdout}


def test_identical_inputs_give_identical_bytes_in_every_format(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "elsewhere" / "second"
    for folder in (first, second):
        shutil.copytree(ROOT / "examples" / "ai-fabriek-with-errors", folder / "budgets")
    once = run_in(first)
    assert run_in(first) == once  # run twice
    assert run_in(second) == once  # another working directory, same relative paths
    for name, data in once.items():
        assert str(tmp_path).encode() not in data, f"{name} holds an absolute path"
    assert b"budgets/EZ.xlsx" in once["report.json"]


def _check_files(folder: Path, paths: list[str]) -> dict[str, bytes]:
    """`reconcile check -a budgets/announcement.toml PATHS` from ``folder``: every output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reconcile",
            "check",
            "--announcement=budgets/announcement.toml",
            *(f"--output={fmt}:out/{name}" for fmt, name in OUTPUTS.items()),
            "--output=gitlab:out/gl.json",
            "--output=html:out/report.html",
            *paths,
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    produced = {p.name: p.read_bytes() for p in sorted((folder / "out").iterdir())}
    return {**produced, "stdout": result.stdout}


def test_files_given_in_another_order_give_identical_bytes(tmp_path: Path) -> None:
    # A ministry's file twice (a copy), and one file under two names (a link beside its
    # target): which copy is "the second" and which name is read did follow the order given.
    budgets = tmp_path / "budgets"
    shutil.copytree(ROOT / "examples" / "ai-fabriek-with-errors", budgets)
    shutil.copy(budgets / "OCW.xlsx", budgets / "OCW (1).xlsx")
    (budgets / "EZ-link.xlsx").symlink_to("EZ.xlsx")
    names = sorted(f"budgets/{p.name}" for p in budgets.glob("*.xlsx"))
    once = _check_files(tmp_path, names)
    assert _check_files(tmp_path, names[::-1]) == once
    assert _check_files(tmp_path, [*names[3:], "budgets/", *names[:3]]) == once
    report = once["report.json"].decode()
    assert "EZ-link.xlsx" not in report  # the file's own name, not the link's
    assert report.count('"code": "ministry-duplicate"') == 1
    assert "OCW submitted more than one file: budgets/OCW (1).xlsx, budgets/OCW.xlsx" in report
