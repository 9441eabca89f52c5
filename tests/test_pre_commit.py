"""The pre-commit hooks and the CI page's .pre-commit-config.yaml work, run by pre-commit itself.

The hooks are installed from a clone of this repository (its committed state, as a team's
pre-commit would fetch it: uncommitted changes are not in it) whose branch `main` is this
checkout's commit, into a pre-commit home of the test's own. pre-commit builds the hooks'
environment with pip, from the package index: no other network. That takes a while, twice:
try-repo builds its own, and `pre-commit run` builds the snippet's once for both its runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconcile.read import CSV_SUFFIXES, WORKBOOK_SUFFIXES
from tests.doctext import fenced_blocks, page

ROOT = Path(__file__).resolve().parent.parent
HOOKS: Any = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
STATEN = (
    "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
    "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
    "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie\n"
    "2020,U,XIII,Economische Zaken en Klimaat,2,Bedrijvenbeleid,100,100,110,120,115\n"
)


def readme_snippet() -> str:
    """The .pre-commit-config.yaml that docs/en/ci.md shows (the README's until it was split)."""
    blocks = fenced_blocks(page("docs/en/ci.md"))
    [found] = [b for b in blocks if b.startswith("# .pre-commit-config.yaml\n")]
    return found


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository as a team fetches it: a clone whose `main` is the commit tested."""
    try:
        head = git("rev-parse", "HEAD", cwd=ROOT)
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("the repository is not a git checkout: there is nothing to clone")
    target = tmp_path_factory.mktemp("hooks") / "reconcile"
    git("clone", "--quiet", "--no-checkout", str(ROOT), str(target), cwd=ROOT)
    git("checkout", "--quiet", "-B", "main", head, cwd=target)
    return target


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's cache, the test's own: never the user's ~/.cache/pre-commit."""
    return tmp_path_factory.mktemp("pre-commit-home")


def budget_repository(path: Path, example: str) -> Path:
    """A budget repository: an example set in budgets/ and an open-data CSV, all added."""
    shutil.copytree(ROOT / "examples" / example, path / "budgets")
    (path / "opendata").mkdir()
    (path / "opendata" / "staten.csv").write_text(STATEN, encoding="utf-8")
    git("init", "--quiet", cwd=path)
    git("add", ".", cwd=path)
    return path


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("suffix", [*WORKBOOK_SUFFIXES, *CSV_SUFFIXES])
def test_both_hooks_cover_every_format_reconcile_reads(suffix: str) -> None:
    by_id = {hook["id"]: hook for hook in HOOKS}
    for name in (f"budgets/EZ{suffix}", f"budgets/EZ{suffix.upper()}"):
        assert re.search(by_id["reconcile-validate"]["files"], name), name
        assert re.search(by_id["reconcile-check"]["files"], name), name
    assert re.search(by_id["reconcile-check"]["files"], "budgets/announcement.toml")
    assert not re.search(by_id["reconcile-validate"]["files"], "budgets/README.md")


def test_try_repo_validates_every_budget_file(clone: Path, home: Path, tmp_path: Path) -> None:
    """try-repo runs a hook without args (and builds its environment anew, in a store of its
    own), so it runs reconcile-validate; the snippet's run below gives reconcile-check its
    folder."""
    repo = budget_repository(tmp_path, "ai-fabriek")
    result = pre_commit(
        "try-repo", str(clone), "reconcile-validate", "--ref", "main", "--all-files", "--verbose",
        cwd=repo, home=home,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^reconcile validate\.+Passed$", result.stdout, re.MULTILINE)
    for name in ("BZK", "Defensie", "EZ", "LVVN", "OCW", "VWS"):
        assert f"budgets/{name}.xlsx" in result.stdout
    assert "opendata/staten.csv" in result.stdout  # a CSV file is validated too
    assert "Read as layout begrotingsstaten" in result.stdout


def test_the_readme_snippet_works_as_written_and_pins_with_autoupdate(
    clone: Path, home: Path, tmp_path: Path
) -> None:
    snippet = readme_snippet()
    assert snippet.count("URL of this repository") == 1  # the one thing a team fills in
    config = snippet.replace("URL of this repository", str(clone))
    good = budget_repository(tmp_path / "good", "ai-fabriek")
    (good / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    result = pre_commit("run", "--all-files", cwd=good, home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^reconcile validate\.+Passed$", result.stdout, re.MULTILINE)
    assert re.search(r"^reconcile check\.+Passed$", result.stdout, re.MULTILINE)
    # a commit with a broken workbook is stopped by both hooks (the environment is reused)
    broken = budget_repository(tmp_path / "broken", "ai-fabriek-with-errors")
    (broken / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    result = pre_commit("run", "--all-files", cwd=broken, home=home)
    assert result.returncode == 1
    assert re.search(r"^reconcile validate\.+Failed$", result.stdout, re.MULTILINE)
    assert re.search(r"^reconcile check\.+Failed$", result.stdout, re.MULTILINE)
    assert "[year-out-of-range]" in result.stdout
    assert "[ministry-missing]" in result.stdout
    # what docs/en/ci.md advises: autoupdate --freeze pins the commit `main` names (no tag yet)
    assert pre_commit("autoupdate", "--freeze", cwd=good, home=home).returncode == 0
    [pinned] = yaml.safe_load((good / ".pre-commit-config.yaml").read_text("utf-8"))["repos"]
    assert pinned["rev"] == git("rev-parse", "main", cwd=clone)
