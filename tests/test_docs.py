"""The documentation is part of the product: the README's quick start and first check work,
the codes pages are what the catalogue says, every link resolves, every JSON key is described."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.codes import CODES
from reconcile.docs import PAGES, render_codes
from tests.doctext import PAGES as DOC_PAGES
from tests.doctext import ROOT, anchors, fenced_blocks, links, page, section

README = page("README.md")


def quick_start_commands() -> list[str]:
    return re.findall(r"```\n(.*?)\n```", section(README, "## Quick start"), re.DOTALL)


def test_the_quick_start_has_exactly_two_commands() -> None:
    install_and_check, install_and_test = quick_start_commands()
    assert install_and_check.startswith("python3 -m venv .venv && ")
    assert install_and_check.endswith("reconcile check examples/ai-fabriek/")
    assert install_and_test.startswith("python3 -m venv .venv && ")
    assert install_and_test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_the_readme_fits_a_newcomer() -> None:
    assert len(README.splitlines()) <= 300


def test_the_readme_s_first_check_shows_what_reconcile_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_check = section(README, "## A first check")
    command, verdict, finding = fenced_blocks(first_check)
    program, *args = command.split()
    assert program == ".venv/bin/reconcile"
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, [*args, "--no-color"], env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    shown = [line for line in (verdict + finding).splitlines() if line.strip()]
    assert len(shown) == 3
    for line in shown:
        assert line in result.output.splitlines(), line
    count = re.search(r"`(\d+ error.*exit code (\d)\.)`", first_check)
    assert count is not None and count.group(1) in result.output
    assert int(count.group(2)) == result.exit_code


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_codes_pages_are_what_the_catalogue_says(lang: str) -> None:
    committed = (ROOT / PAGES[lang]).read_text("utf-8")
    assert committed == render_codes(lang), f"run `python -m reconcile.docs` ({PAGES[lang]})"


@pytest.mark.parametrize("lang", list(PAGES))
def test_every_finding_code_is_on_the_codes_page_once(lang: str) -> None:
    text = (ROOT / PAGES[lang]).read_text("utf-8")
    listed = re.findall(r"^\| \[`([a-z-]+)`\]\(#\1\) \|", text, re.MULTILINE)
    assert sorted(listed) == sorted(CODES)
    assert {code for code in CODES if f"\n## {code}\n" in text} == set(CODES)


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_codes_page_words_a_code_as_explain_does(lang: str) -> None:
    """The same functions word a code's severity and message pattern for both."""
    import html

    from reconcile.explain import explain_code
    from reconcile.i18n import tr

    fatal = next(code for code in CODES.values() if code.fatal)
    explained = " ".join(explain_code(fatal.code, lang).split())
    section = render_codes(lang).split(f"\n## {fatal.code}\n\n")[1].split("\n")[0]
    severity, fatal_word = tr(fatal.severity.value, lang), tr("fatal", lang)
    assert f"({severity}, {fatal_word};" in explained
    assert section.startswith(f"{severity} ({fatal_word}, exit 2), ")
    shown = html.unescape(section.split(": ", 1)[1])  # "<reason>", escaped for Markdown
    assert "<reason>" in shown and shown in explained


def test_every_relative_link_in_the_docs_points_at_a_file_and_a_heading() -> None:
    checked = 0
    for path in DOC_PAGES:
        for target in links(path):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            name, _, heading = target.partition("#")
            linked = (path.parent / name).resolve() if name else path
            where = f"{path.relative_to(ROOT)}: {target}"
            assert linked.exists(), where
            assert ROOT in linked.parents, where  # nothing outside the repository
            if heading:
                assert linked.suffix == ".md", where
                assert heading in anchors(linked), where
            checked += 1
    assert checked > 150  # the README, docs/ and benchmarks/ link to each other throughout


def test_the_docs_pages_are_linked_from_the_index() -> None:
    index = links(ROOT / "docs" / "README.md")
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert pages - {"README.md"} <= set(index)


def test_every_json_key_is_documented() -> None:
    report = section(page("docs/en/json.md"), "## The JSON report")
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
        assert f"`{key}`" in report, key


def test_every_json_schema_is_published_and_listed() -> None:
    listed = re.findall(
        r"\(\.\./\.\./reconcile/data/([\w.]+\.schema\.json)\)", page("docs/en/json.md")
    )
    shipped = [p.name for p in (ROOT / "reconcile" / "data").glob("*.schema.json")]
    assert sorted(set(listed)) == sorted(shipped)


def test_the_announcement_file_shown_is_read_and_its_articles_reach_the_template() -> None:
    import io
    import tomllib

    import openpyxl

    from reconcile.announcement import parse_announcement
    from reconcile.template import build_template

    [block] = fenced_blocks(
        section(page("docs/en/announcement.md"), "## The announcement file"), "toml"
    )
    announcement = parse_announcement(tomllib.loads(block), "docs/en/announcement.md")
    assert announcement.ministries.articles["XXIV"] == {1: "Beleid", 2: "Apparaat"}
    book = openpyxl.load_workbook(io.BytesIO(build_template("NEW", announcement, "en")))
    rules = book.worksheets[0].data_validations.dataValidation
    assert [dv.formula1 for dv in rules if str(dv.sqref).startswith("B")] == ['"1,2"']


def test_the_articles_example_of_each_guide_is_read() -> None:
    import tomllib

    from reconcile.announcement import parse_announcement

    example = page("docs/en/announcement.md").split("```toml\n", 1)[1].split("\n[amounts]", 1)[0]
    for guide in ("docs/en/guide.md", "docs/nl/handleiding.md"):
        [block] = fenced_blocks(page(guide), "toml")
        text = example + '\n[amounts]\nrijk = "bijna 70 miljoen euro"\n' + block
        announcement = parse_announcement(tomllib.loads(text), guide)
        assert announcement.ministries.articles["XXIII"] == {1: "Klimaat", 2: "Groene groei"}


FIRST_STEPS = {
    "en": ("docs/en/guide.md", "## What a finance officer does", "submissions"),
    "nl": ("docs/nl/handleiding.md", "## Wat een financieel medewerker doet", "inzendingen"),
}


@pytest.mark.parametrize("lang", list(FIRST_STEPS))
def test_each_guide_s_first_steps_run_and_show_what_reconcile_prints(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, heading, folder = FIRST_STEPS[lang]
    commands, shown = fenced_blocks(section(page(name), heading))
    examples = ROOT / "examples"
    shutil.copytree(examples / "ai-fabriek-with-errors", tmp_path / folder)
    shutil.copy(examples / "ai-fabriek" / "announcement.toml", tmp_path / "ai-fabriek.toml")
    for workbook in ("EZ.xlsx", "Defensie.xlsx", "OCW.xlsx"):
        shutil.copy(examples / "ai-fabriek" / workbook, tmp_path / workbook)
    monkeypatch.chdir(tmp_path)
    lines = [line.split("#")[0].strip() for line in commands.splitlines()]
    assert len(lines) == 6
    for line in lines:
        program, *args = shlex.split(line)
        assert program == "reconcile"
        result = CliRunner().invoke(cli, args, env={"GITHUB_ACTIONS": None})
        assert result.exit_code in (0, 1), f"{line}: {result.output}"
    result = CliRunner().invoke(
        cli, ["check", f"{folder}/", "--lang", lang, "--no-color"], env={"GITHUB_ACTIONS": None}
    )
    printed = result.output.replace(f"{folder}/", "examples/ai-fabriek-with-errors/")
    shown_lines = [line for line in shown.splitlines() if line.strip()]
    assert len(shown_lines) == 3
    for line in shown_lines:
        assert line in printed.splitlines(), line


def _long_options(params: list[click.Parameter]) -> set[str]:
    return {name for param in params for name in param.opts if name.startswith("--")}


def test_every_command_and_option_is_documented() -> None:
    commands = section(page("docs/en/commands.md"), "## The commands")
    assert set(re.findall(r"^\| `reconcile (\w+)", commands, re.MULTILINE)) | set(
        re.findall(r", `reconcile (\w+)", commands)
    ) == set(cli.commands)
    assert isinstance(cli, click.Group)
    documented = {
        "commands.md": page("docs/en/commands.md"),
        "security.md": page("docs/en/security.md"),  # the limits
        "diff.md": page("docs/en/diff.md"),
    }
    reference = documented["commands.md"] + documented["security.md"]
    options = _long_options(cli.params) | _long_options(cli.commands["check"].params)
    options |= _long_options(cli.commands["validate"].params)
    assert len(options) > 20
    assert {o for o in options if f"`{o}" not in reference and f" {o}" not in reference} == set()
    diff_options = _long_options(cli.commands["diff"].params)
    assert {o for o in diff_options if o not in documented["diff.md"]} == set()


def test_the_generator_writes_the_pages_that_changed_only(tmp_path: Path) -> None:
    from reconcile.docs import write_codes_docs

    for page_path in PAGES.values():
        (tmp_path / page_path).parent.mkdir(parents=True)
    (tmp_path / PAGES["nl"]).write_text(render_codes("nl"), "utf-8")
    assert write_codes_docs(tmp_path) == [tmp_path / PAGES["en"]]
    assert (tmp_path / PAGES["en"]).read_text("utf-8") == render_codes("en")
    assert write_codes_docs(tmp_path) == []
