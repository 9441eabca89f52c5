"""The format list (reconcile.report.formats) is the one place a report format is named: every
format in it writes check's report and diff's, or says why it cannot show a diff."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from reconcile.cli import cli
from reconcile.i18n import LANGS
from reconcile.report import formats
from reconcile.report.formats import FORMAT_LIST, SUFFIXES, Format

ROOT = Path(__file__).resolve().parent.parent
ERRORS = ROOT / "examples" / "ai-fabriek-with-errors"
GOOD = ROOT / "examples" / "ai-fabriek"
NO_CI = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "GITHUB_WORKSPACE": None}
NAMES = [fmt.name for fmt in FORMAT_LIST]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=NO_CI)


def _function(where: str) -> object:
    module, _, function = where.rpartition(".")
    return getattr(import_module(f"reconcile.report.{module}"), function)


@pytest.mark.parametrize("fmt", FORMAT_LIST, ids=NAMES)
def test_every_renderer_the_list_names_exists(fmt: Format) -> None:
    named = [fmt.report, fmt.diff, fmt.summary, fmt.diff_summary]
    assert all(callable(_function(where)) for where in named if where is not None)
    assert fmt.diff is not None or fmt.not_for_diff, "say why diff cannot write it"


@pytest.mark.parametrize("name", NAMES)
def test_check_writes_every_format_to_standard_output_and_to_a_file(
    name: str, tmp_path: Path
) -> None:
    shown = run("check", str(ERRORS), "-f", name, "--no-color")
    written = run("check", str(ERRORS), "-o", f"{name}:{tmp_path / 'report'}")
    assert (shown.exit_code, written.exit_code) == (1, 1)
    assert shown.output.strip() != ""
    assert (tmp_path / "report").read_text(encoding="utf-8") == shown.output


@pytest.mark.parametrize("fmt", FORMAT_LIST, ids=NAMES)
def test_diff_writes_every_format_or_says_why_not(fmt: Format, tmp_path: Path) -> None:
    old, new = str(GOOD / "EZ.xlsx"), str(ERRORS / "EZ.xlsx")
    shown = run("diff", old, new, "-f", fmt.name, "--no-color")
    written = run("diff", old, new, "-o", f"{fmt.name}:{tmp_path / 'diff'}")
    if fmt.diff is None:
        assert (shown.exit_code, written.exit_code) == (2, 2)
        assert fmt.not_for_diff in shown.output
        assert not (tmp_path / "diff").exists()
        return
    assert (shown.exit_code, written.exit_code) == (1, 1)
    assert shown.output.strip() != ""
    assert (tmp_path / "diff").read_text(encoding="utf-8") == shown.output


def test_a_format_that_cannot_show_a_diff_gives_its_reason_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As a new format without a diff renderer would: one line in the list, with the reason."""
    from reconcile.report import route

    reason = "an HTML page needs the whole report"
    html = Format("html", "html.render_html", None, (".html",), not_for_diff=reason)
    monkeypatch.setitem(route.BY_NAME, "html", html)
    monkeypatch.delitem(route.DIFF_RENDERERS, "html")
    old, new = str(GOOD / "EZ.xlsx"), str(ERRORS / "EZ.xlsx")
    result = run("diff", old, new, "-o", str(tmp_path / "diff.json"), "-f", "html")
    assert result.exit_code == 2
    assert result.output == f"Error: diff --format html: {reason}\n"
    assert not (tmp_path / "diff.json").exists()  # stopped before any output
    assert run("check", str(GOOD), "-f", "html").exit_code == 0  # check still writes it


def test_the_reason_a_format_cannot_show_a_diff_is_given_in_the_runs_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """not_for_diff is English marked for the catalogue, worded like any other message."""
    from reconcile.report import route

    reason = "in a format reconcile does not read"  # a text the Dutch catalogue translates
    html = Format("html", "html.render_html", None, (".html",), not_for_diff=reason)
    monkeypatch.setitem(route.BY_NAME, "html", html)
    monkeypatch.delitem(route.DIFF_RENDERERS, "html")
    old, new = str(GOOD / "EZ.xlsx"), str(ERRORS / "EZ.xlsx")
    result = run("diff", old, new, "-f", "html", "--lang", "nl")
    assert result.exit_code == 2
    assert result.output.endswith(": diff --format html: in een formaat dat reconcile niet leest\n")


def test_the_options_offer_exactly_the_listed_formats_and_suffixes() -> None:
    assert isinstance(cli, click.Group)
    for command in ("check", "validate", "diff"):
        [option] = [p for p in cli.commands[command].params if p.name == "fmt"]
        assert isinstance(option.type, click.Choice)
        assert list(option.type.choices) == NAMES, command
    assert SUFFIXES == {
        ".txt": "text",
        ".json": "json",
        ".xml": "junit",
        ".html": "html",
        ".htm": "html",
    }
    assert list(formats.RENDERERS) == NAMES


def test_the_reference_pages_name_every_format_and_suffix() -> None:
    """commands.md and diff.md write the format list out: a new format fails here, not in
    a reader's hands."""
    import re

    from tests.doctext import page

    commands, diff = page("docs/en/commands.md"), page("docs/en/diff.md")
    [listed] = re.findall(r"^\| `-f, --format ([\w\\|]+)`", commands, re.MULTILINE)
    assert listed.split("\\|") == NAMES
    [for_diff] = re.findall(r"`--format (\w+(?:\|\w+)+)`", diff)
    assert for_diff.split("|") == [fmt.name for fmt in FORMAT_LIST if fmt.diff is not None]
    [output] = re.findall(r"^\| `-o, --output .*$", commands, re.MULTILINE)
    assert sorted(re.findall(r"`(\.\w+)`", output)) == sorted(SUFFIXES)


def _option_help(help_text: str, option: str) -> str:
    """The help of ``option`` in a command's --help, its lines joined."""
    lines = help_text.splitlines()
    [start] = [n for n, line in enumerate(lines) if line.lstrip().startswith(option)]
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith("   "))
    return " ".join(" ".join(lines[start:end]).split())


@pytest.mark.parametrize("lang", LANGS)
def test_the_output_help_names_every_listed_suffix_and_no_other(lang: str) -> None:
    """--output's help writes the suffixes out (in each language's catalogue): a new format
    with a suffix fails here until the help says it."""
    import re

    shown = _option_help(run("validate", "--help", "--lang", lang).output, "-o, --output")
    assert sorted(re.findall(r"(?<!\w)\.\w+", shown)) == sorted(SUFFIXES), shown
