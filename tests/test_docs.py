"""The README is part of the product: its quick start works and every code is documented."""

import re
from pathlib import Path

from reconcile.codes import CODES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.*?)\n```", section, re.DOTALL)


def test_the_quick_start_has_exactly_two_commands() -> None:
    install_and_check, install_and_test = quick_start_commands()
    assert install_and_check.startswith("python3 -m venv .venv && ")
    assert install_and_check.endswith("reconcile check examples/ai-fabriek/")
    assert install_and_test.startswith("python3 -m venv .venv && ")
    assert install_and_test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_every_finding_code_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", README, re.MULTILINE))
    assert set(CODES) - documented == set()


def test_every_json_key_is_documented() -> None:
    section = README.split("## The JSON report", 1)[1].split("\n## ", 1)[0]
    for key in (
        "version",
        "command",
        "ok",
        "exit_code",
        "announcement",
        "totals",
        "files",
        "findings",
        "summary",
        "min_eur",
        "max_eur",
        "total_eur",
        "by_ministry",
        "by_year",
        "sha256",
        "sheet",
        "cell",
    ):
        assert f"`{key}`" in section, key


def test_the_readme_s_announcement_file_is_read_and_its_articles_reach_the_template() -> None:
    import io
    import tomllib

    import openpyxl

    from reconcile.announcement import parse_announcement
    from reconcile.template import build_template

    section = README.split("## The announcement file", 1)[1].split("\n## ", 1)[0]
    block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    announcement = parse_announcement(tomllib.loads(block), "README.md")
    assert announcement.ministries.articles["XXIV"] == {1: "Beleid", 2: "Apparaat"}
    book = openpyxl.load_workbook(io.BytesIO(build_template("NEW", announcement, "en")))
    rules = book.worksheets[0].data_validations.dataValidation
    assert [dv.formula1 for dv in rules if str(dv.sqref).startswith("B")] == ['"1,2"']
