"""Commands in docs/ that no other test ran as written: each is run here, from the
repository's folder, and says what its page says it does."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from tests.doctext import ROOT, fenced_blocks, page, section

NO_CI = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}


def test_diff_s_example_of_two_editions_finds_what_its_page_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = section(page("docs/en/diff.md"), "## Comparing two versions: `reconcile diff`")
    [block] = [b for b in fenced_blocks(text) if "tests/editions/" in b]
    program, *args = shlex.split(block.replace("\\\n", " "))  # a line continued with \\
    assert program == "reconcile"
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, [*args, "--no-color"], env=NO_CI)
    assert result.exit_code == 1  # the tables differ
    said = re.search(r"finds (\d+) amounts equal and one changed", " ".join(text.split()))
    assert said is not None
    assert f"1 changed, {said.group(1)} unchanged." in result.output
    [changed] = [line for line in result.output.splitlines() if line.startswith("changed ")]
    assert "chapter XVI, article 8, series V" in changed and changed.rstrip().endswith("K9")
    assert "EUR 5,556,917,000" in changed and "EUR 5,588,214,000" in changed


def test_the_ci_page_s_first_command_is_the_one_its_github_workflow_runs() -> None:
    """The command the page opens with is run by tests/test_readme_ci.py as a workflow step."""
    first, *_ = fenced_blocks(page("docs/en/ci.md"))
    [workflow] = [b for b in fenced_blocks(page("docs/en/ci.md")) if "# .github/" in b]
    assert first.strip() in [line.strip().removeprefix("- run: ") for line in workflow.splitlines()]


def test_the_codes_pages_command_writes_them_from_the_repository_s_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m reconcile.docs` (docs/en/maintainers.md) writes the pages that changed."""
    from reconcile import docs

    maintainers = page("docs/en/maintainers.md")
    assert "\npython -m reconcile.docs\n" in maintainers
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    docs.main()
    written = sorted(capsys.readouterr().out.splitlines())
    assert written == ["wrote docs/en/codes.md", "wrote docs/nl/codes.md"]
    for name in ("docs/en/codes.md", "docs/nl/codes.md"):
        assert (tmp_path / name).read_text("utf-8") == (ROOT / name).read_text("utf-8")
    docs.main()
    assert capsys.readouterr().out == ""  # nothing changed, nothing written
    monkeypatch.chdir(tmp_path / "docs")
    with pytest.raises(SystemExit, match="Run this from the repository's folder"):
        docs.main()
