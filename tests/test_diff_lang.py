"""reconcile diff speaks the run's language in every format: the verdict, the counts, the
headings and the kinds of change; JSON keys and finding codes stay the same in both."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.diff import diff_files
from reconcile.i18n import tr
from reconcile.report import RenderOptions
from reconcile.report.text import render_diff_text
from tests.spec import long_table, write
from tests.test_html import Page

# EZ's workbook twice: a line changed (5.100 -> 5.200), a line removed, a line added.
OLD = long_table(
    ["XIII", 2, "AI-fabriek", 2025, 5100],
    ["XIII", 3, "Rekenkracht", 2026, 1000],
)
NEW = long_table(
    ["XIII", 2, "AI-fabriek", 2025, 5200],
    ["XIII", 4, "Opleiding", 2025, 300],
)
CI_ENV = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "LC_ALL": None, "LANG": None}

# What each language says, word for word.
WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "verdict": "DIFFERENT: 1 added, 1 removed, 1 changed, 0 unchanged.",
        "exit": "exit code 1.",
        "equal": "EQUAL: 2 lines, none changed.",
        "incomplete": "INCOMPLETE: a file could not be read.",
        "change-heads": ["Change", "Line", "Old", "New", "Difference", "Cell"],
        "net-heads": ["Ministry", "Year", "V/U/O", "Moment", "New − old"],
        "changes": [
            [
                "changed",
                "chapter XIII, article 2, year 2025, description AI-fabriek",
                "EUR 5,100,000",
                "EUR 5,200,000",
                "EUR 100,000",
                "Blad1!E4",
            ],
            [
                "removed",
                "chapter XIII, article 3, year 2026, description Rekenkracht",
                "EUR 1,000,000",
                "–",
                "-EUR 1,000,000",
                "Blad1!E5",
            ],
            [
                "added",
                "chapter XIII, article 4, year 2025, description Opleiding",
                "–",
                "EUR 300,000",
                "EUR 300,000",
                "Blad1!E5",
            ],
        ],
        "net": [
            ["EZ", "2025", "–", "–", "EUR 400,000"],
            ["EZ", "2026", "–", "–", "-EUR 1,000,000"],
        ],
        "h2": ["Changes", "Net effect", "Findings"],
        "net-title": "Net effect",
        "severity": "warning",
        "changed": "Line XIII · 2 · 2025 · AI-fabriek changed from EUR 5,100,000 to "
        "EUR 5,200,000 (difference EUR 100,000).",
    },
    "nl": {
        "verdict": "VERSCHILLEND: 1 toegevoegd, 1 verwijderd, 1 gewijzigd, 0 ongewijzigd.",
        "exit": "afsluitcode 1.",
        "equal": "GELIJK: 2 regels, geen gewijzigd.",
        "incomplete": "ONVOLLEDIG: een bestand kon niet worden gelezen.",
        "change-heads": ["Wijziging", "Regel", "Oud", "Nieuw", "Verschil", "Cel"],
        "net-heads": ["Ministerie", "Jaar", "V/U/O", "Begrotingsfase", "Nieuw − oud"],
        "changes": [
            [
                "gewijzigd",
                "hoofdstuk XIII, artikel 2, jaar 2025, omschrijving AI-fabriek",
                "€ 5.100.000",
                "€ 5.200.000",
                "€ 100.000",
                "Blad1!E4",
            ],
            [
                "verwijderd",
                "hoofdstuk XIII, artikel 3, jaar 2026, omschrijving Rekenkracht",
                "€ 1.000.000",
                "–",
                "€ -1.000.000",
                "Blad1!E5",
            ],
            [
                "toegevoegd",
                "hoofdstuk XIII, artikel 4, jaar 2025, omschrijving Opleiding",
                "–",
                "€ 300.000",
                "€ 300.000",
                "Blad1!E5",
            ],
        ],
        "net": [
            ["EZ", "2025", "–", "–", "€ 400.000"],
            ["EZ", "2026", "–", "–", "€ -1.000.000"],
        ],
        "h2": ["Wijzigingen", "Netto-effect", "Bevindingen"],
        "net-title": "Netto-effect",
        "severity": "waarschuwing",
        "changed": "Regel XIII · 2 · 2025 · AI-fabriek is gewijzigd van € 5.100.000 in "
        "€ 5.200.000 (verschil € 100.000).",
    },
}
LANGS = sorted(WORDS)


@pytest.fixture
def versions(tmp_path: Path) -> tuple[str, str]:
    [old] = write(tmp_path / "v1", {"EZ.xlsx": OLD})
    [new] = write(tmp_path / "v2", {"EZ.xlsx": NEW})
    return old, new


def _diff(*args: str, **env: str | None) -> Any:
    return CliRunner().invoke(cli, ["diff", *args], env={**CI_ENV, **env})


def _text_rows(output: str) -> list[list[str]]:
    """The rows of rich's tables in the text output, as lists of cells."""
    return [
        [cell.strip() for cell in line.replace("┃", "│").split("│")]
        for line in output.splitlines()
        if "│" in line or "┃" in line
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_diff_text_speaks_the_language(lang: str, versions: tuple[str, str]) -> None:
    words = WORDS[lang]
    result = _diff(*versions, "--lang", lang)
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == [words["verdict"], words["exit"]]
    wide = io.StringIO()  # wide enough that no cell wraps
    render_diff_text(diff_files(*versions), wide, RenderOptions(lang=lang, color=False, width=200))
    rows = _text_rows(wide.getvalue())
    assert rows[:4] == [words["change-heads"], *words["changes"]]
    assert rows[4:] == [words["net-heads"], *words["net"]]
    titles = [line.strip() for line in wide.getvalue().splitlines() if "│" not in line]
    assert words["net-title"] in titles  # the net effect's table is titled


@pytest.mark.parametrize("lang", LANGS)
def test_diff_text_follows_the_locale_without_lang(lang: str, versions: tuple[str, str]) -> None:
    locale = {"en": "en_GB.UTF-8", "nl": "nl_NL.UTF-8"}[lang]
    result = _diff(*versions, LANG=locale)
    assert result.output.splitlines()[-2:] == [WORDS[lang]["verdict"], WORDS[lang]["exit"]]
    equal = _diff(versions[0], versions[0], LANG=locale)
    assert (equal.exit_code, equal.output.splitlines()[-2:]) == (
        0,
        [WORDS[lang]["equal"], WORDS[lang]["exit"].replace("1", "0")],
    )


@pytest.mark.parametrize("lang", LANGS)
def test_diff_of_an_unreadable_file_says_so_in_the_language(lang: str, tmp_path: Path) -> None:
    [old] = write(tmp_path, {"EZ.xlsx": OLD})
    result = _diff(old, str(tmp_path / "weg.xlsx"), "--lang", lang)
    assert result.exit_code == 2
    assert result.output.splitlines()[-2:] == [
        WORDS[lang]["incomplete"],
        WORDS[lang]["exit"].replace("1", "2"),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_diff_html_speaks_the_language(lang: str, versions: tuple[str, str]) -> None:
    words = WORDS[lang]
    result = _diff(*versions, "-f", "html", "--lang", lang)
    page = Page()
    page.feed(result.output)
    assert f'<html lang="{lang}">' in result.output
    assert page.text_by_id["verdict"] == words["verdict"]
    assert page.rows["changes"] == [words["change-heads"], *words["changes"]]
    assert page.rows["net-effect"] == [words["net-heads"], *words["net"]]
    headings = [line for line in result.output.splitlines() if line.startswith("<h2>")]
    assert headings == [f"<h2>{text}</h2>" for text in words["h2"]]


@pytest.mark.parametrize("lang", LANGS)
def test_diff_github_and_its_summary_speak_the_language(
    lang: str, versions: tuple[str, str], tmp_path: Path
) -> None:
    words = WORDS[lang]
    summary = tmp_path / "summary.md"
    result = _diff(
        *versions, "--lang", lang, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary)
    )
    lines = result.output.splitlines()
    assert lines[-2:] == [words["verdict"], words["exit"]]
    changed = [line for line in lines if "title=line-changed" in line]
    assert changed == [
        f"::warning file={versions[1]},title=line-changed::Blad1!E4: {words['changed']}"
    ]
    text = summary.read_text("utf-8").splitlines()
    assert text[2] == f"**{words['verdict']}**"
    assert f"| {' | '.join(words['change-heads'])} |" in text
    assert f"| {' | '.join(words['changes'][0])} |" in text
    assert f"{words['net-title']}:" in text
    assert f"| {' | '.join(words['net-heads'])} |" in text
    assert text[-2:] == [words["exit"], ""]


@pytest.mark.parametrize("lang", LANGS)
def test_diff_junit_failures_speak_the_language(lang: str, versions: tuple[str, str]) -> None:
    words = WORDS[lang]
    root = ET.fromstring(_diff(*versions, "-f", "junit", "--lang", lang).output)
    # names are the command, the files and the codes: the same in both languages
    assert [s.get("name") for s in root.iter("testsuite")] == [*versions, "diff"]
    failures = {
        case.get("name"): failure
        for case in root.iter("testcase")
        for failure in case.iter("failure")
    }
    assert sorted(failures) == ["line-added", "line-changed", "line-removed"]
    changed = failures["line-changed"]
    assert changed.get("message") == f"Blad1!E4: {words['changed']}"
    assert changed.text == f"{words['severity']} Blad1!E4 [line-changed] {words['changed']}"


def test_diff_json_keys_and_values_are_the_same_in_both_languages(
    versions: tuple[str, str],
) -> None:
    english, dutch = (
        json.loads(_diff(*versions, "-f", "json", "--lang", lang).output) for lang in ("en", "nl")
    )
    for document in (english, dutch):
        for finding in document["findings"]:
            finding.pop("message")  # the one human-facing text: worded in the language
    assert english == dutch
    assert [c["change"] for c in dutch["changes"]] == ["changed", "removed", "added"]


def test_a_file_named_twice_has_its_reading_findings_listed_once(tmp_path: Path) -> None:
    rows = long_table(["XIII", 2, "AI-fabriek", 2025, 5100], caption="Reservering")
    [path] = write(tmp_path, {"EZ.xlsx": rows})
    diff = diff_files(path, path)
    assert "unit-assumed" in [f.code for f in diff.findings]  # the caption names no unit
    assert len(diff.findings) == len(set(map(repr, diff.findings)))
    assert [f.location.file for f in diff.findings] == [path] * len(diff.findings)
    # the same file under two names is two files: each has its own findings, in a fixed order
    [copy] = write(tmp_path / "copy", {"EZ.xlsx": rows})
    both = diff_files(path, copy)
    assert len(both.findings) == 2 * len(diff.findings)
    assert both.findings == diff_files(path, copy).findings
    text = _diff(path, path, "--lang", "en").output
    assert [line for line in text.splitlines() if "[" in line] == [
        line for line in dict.fromkeys(text.splitlines()) if "[" in line
    ]


def test_the_readme_s_diff_verdicts_are_what_diff_says() -> None:
    docs = Path(__file__).parent.parent / "docs"
    readme = " ".join((docs / "en" / "commands.md").read_text("utf-8").split())  # Language
    counts = {"added": 1, "removed": 0, "changed": 1, "unchanged": 4}
    for lang in LANGS:
        verdict = tr("diff-verdict-different", lang, **counts)
        assert f"`{verdict}`" in readme, verdict
    first, second, third = (
        tr(f"diff-verdict-{verdict}", "nl", **counts).split(":")[0]
        for verdict in ("equal", "different", "incomplete")
    )
    guide = " ".join((docs / "nl" / "handleiding.md").read_text("utf-8").split())
    assert f"het oordeel is `{first}`, `{second}` of `{third}`" in guide
