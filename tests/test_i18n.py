"""Dutch and English: every finding code, heading and help text in both; the language chosen."""

from __future__ import annotations

import ast
import gettext as gettext_module
import io
import json
import os
import re
import string
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pytest
from click.testing import CliRunner

import reconcile
from reconcile.babel_extract import help_paragraphs
from reconcile.cli import cli
from reconcile.cli_lang import lang_in_args
from reconcile.codes import CODES, make_finding, render_message, texts_of
from reconcile.i18n import CLICK_TYPES, LANGS, WORDS, catalogue, gettext, resolve_lang, tr
from reconcile.model import CellRef, Interval, Phrase
from reconcile.read import read_file
from tests.hostile.build_hostile import CORPUS as HOSTILE_CORPUS
from tests.spec import long_table, write

HOSTILE = Path(__file__).parent / "hostile"

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog, Message


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_a_dutch_and_an_english_text() -> None:
    for code in CODES:
        for count in (1, 2):
            dutch_template, dutch_explanation = texts_of(code, "nl", count)
            english_template, english_explanation = texts_of(code, "en", count)
            assert english_template and english_explanation, code
            assert _fields(dutch_template) == _fields(english_template), code
            assert dutch_template != english_template, code
            assert dutch_explanation != english_explanation, code


def test_a_count_chooses_the_singular_or_the_plural() -> None:
    def lines(count: int, lang: str) -> str:
        where = CellRef("EZ.xlsx")
        found = make_finding("lines-not-counted", where, count=count, series="V", counted="U")
        return render_message(found, lang)

    assert lines(1, "en") == "1 line in series V is not counted; the announcement counts U."
    assert lines(3, "en") == "3 lines in series V are not counted; the announcement counts U."
    assert lines(1, "nl") == "1 regel in reeks V telt niet mee; de aankondiging telt U."
    assert lines(0, "nl") == "0 regels in reeks V tellen niet mee; de aankondiging telt U."
    counts = {"errors": 1, "warnings": 0, "notes": 2, "code": 1}
    assert tr("counts", "en", **counts) == "1 error, 0 warnings, 2 notes; exit code 1."
    assert tr("counts", "nl", **counts) == "1 fout, 0 waarschuwingen, 2 opmerkingen; afsluitcode 1."
    assert tr("verdict-not-valid", "nl", errors=2) == "ONGELDIG: 2 fouten."


def test_messages_write_amounts_the_way_the_reader_expects() -> None:
    finding = make_finding(
        "total-below-announced",
        CellRef("announcement.toml"),
        lines="The reserved lines",
        total=Decimal("64900000"),
        announced='"bijna 70 miljoen euro"',
        interval=Interval(Decimal("66500000"), Decimal("70000000")),
        difference=Decimal("1600000"),
        doubtful="",
    )
    assert render_message(finding, "nl") == (
        "De gereserveerde regels zijn samen € 64.900.000, onder het aangekondigde "
        '"bijna 70 miljoen euro" (€ 66.500.000 – € 70.000.000) met € 1.600.000: er moet ten '
        "minste € 1.600.000 meer gereserveerd worden om aan te sluiten."
    )
    assert render_message(finding, "en").startswith(
        "The reserved lines add up to EUR 64,900,000, below the announced"
    )
    assert texts_of("total-below-announced", "nl")[1].startswith("Het totaal van de getelde")


@pytest.mark.parametrize(
    ("lang", "unit"), [("en", "x EUR 1,000"), ("nl", "x € 1.000"), ("en", "x EUR 1 mln")]
)
def test_the_reports_write_each_file_s_unit_the_way_their_reader_does(lang: str, unit: str) -> None:
    # OCW's example states x € 1 mln; the others x € 1.000. Written as the amounts are, in
    # the files table (a message may still quote a file's own caption as it stands).
    folder = Path(__file__).parent.parent / "examples" / "ai-fabriek"
    for fmt, cell in (("text", f"│ {unit} │"), ("html", f'<td class="keep">{unit}</td>')):
        result = CliRunner().invoke(
            cli, ["check", str(folder), "--lang", lang, "--format", fmt, "--no-color"]
        )
        assert result.exit_code == 0, result.output
        assert cell in result.output


def test_fixed_english_parameters_are_shown_in_dutch() -> None:
    finding = make_finding(
        "ministry-mismatch", CellRef("EZ.xlsx"), where="file name", named="EZ", ministry="OCW"
    )
    assert render_message(finding, "nl") == (
        "De bestandsnaam noemt EZ, maar de hoofdstukken horen bij OCW."
    )


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("en", {"LANG": "nl_NL.UTF-8"}, "en"),
        ("nl", {}, "nl"),
        (None, {"LANG": "nl_NL.UTF-8"}, "nl"),
        (None, {"LANG": "nl_BE.UTF-8"}, "nl"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        (None, {"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
        (None, {"LC_ALL": "", "LANG": "nl_NL"}, "nl"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "POSIX"}, "en"),
        (None, {"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, "nl"),
        (None, {"LANGUAGE": "fr:nl", "LANG": "en_US.UTF-8"}, "nl"),  # the first one spoken
        (None, {"LANGUAGE": "en_GB:nl", "LC_ALL": "nl_NL.UTF-8"}, "en"),
        (None, {"LANGUAGE": "", "LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US"}, "nl"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),  # a language reconcile does not speak
        (None, {"LANG": "nl_NL.ISO8859-15@euro"}, "nl"),
        (None, {}, "en"),
    ],
)
def test_language_follows_option_then_locale_then_english(
    explicit: str | None, environ: dict[str, str], expected: str
) -> None:
    assert resolve_lang(explicit, environ, system=lambda: None) == expected


@pytest.mark.parametrize(
    ("system", "expected"),
    [("nl_NL", "nl"), ("Dutch_Netherlands", "en"), ("en_US", "en"), ("C", "en"), (None, "en")],
)
def test_without_locale_variables_the_system_s_user_locale_decides(
    system: str | None, expected: str
) -> None:
    # Windows sets none of LANGUAGE, LC_ALL, LC_MESSAGES and LANG
    assert resolve_lang(None, {}, system=lambda: system) == expected
    assert resolve_lang(None, {"LANG": "en_US.UTF-8"}, system=lambda: "nl_NL") == "en"


def test_on_windows_the_user_interface_language_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes
    import types

    from reconcile import i18n

    kernel32 = types.SimpleNamespace(GetUserDefaultUILanguage=lambda: 0x0413)  # nl-NL
    monkeypatch.setattr(i18n.sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    assert i18n.system_locale() == "nl_NL"
    assert resolve_lang(None, {}) == "nl"
    assert resolve_lang(None, {"LANG": ""}) == "nl"


def test_headings_speak_the_run_s_language() -> None:
    assert tr("verdict-reconciled", "nl", where="x") == "SLUIT AAN: x."
    assert tr("verdict-reconciled", "en", where="x") == "RECONCILED: x."


def test_every_help_text_of_the_command_line_has_a_dutch_translation() -> None:
    paragraphs = help_paragraphs()  # what Babel extracts, each option's help too
    assert "Reconcile the ministries' workbooks in PATHS with the announcement." in paragraphs
    assert "Limit on the number of sheets; a file above it is refused." in paragraphs
    missing = [text for text in help_paragraphs() if gettext(text, "nl") == text]
    assert missing == [], (
        f"extract and translate these (docs/en/maintainers.md, Translations): {missing}"
    )


def test_help_follows_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    dutch = CliRunner().invoke(cli, ["check", "--help"], prog_name="reconcile").output
    assert dutch.startswith("Gebruik: reconcile check")
    assert "Opties:" in dutch and "Stem de werkmappen van de ministeries" in dutch
    assert "[standaard: error]" in " ".join(dutch.split())  # --fail-on shows its default
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    english = CliRunner().invoke(cli, ["check", "--help"], prog_name="reconcile").output
    assert english.startswith("Usage: reconcile check")
    assert "Reconcile the ministries' workbooks" in english


def test_language_before_lang_decides_a_run_s_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LANGUAGE", "fr:nl:en")
    code, stderr = _stderr(["check", "--max-rows", "veel", "x.xlsx"])
    assert (code, stderr.splitlines()[-1]) == (
        2,
        "Fout: Ongeldige waarde voor '--max-rows': 'veel' is geen geldig geheel getal.",
    )


@pytest.mark.parametrize("variable", ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"])
def test_each_locale_variable_makes_click_speak_dutch(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "nl_NL.UTF-8")
    result = CliRunner().invoke(cli, ["check", "--bogus"], prog_name="reconcile")
    assert result.stderr.splitlines() == [
        "Gebruik: reconcile check [OPTIES] PADEN...",
        "Probeer 'reconcile check --help' voor hulp.",
        "",
        "Fout: Onbekende optie '--bogus'.",
    ]


def test_without_locale_variables_click_speaks_the_system_s_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reconcile import i18n

    monkeypatch.delenv("LANG")  # as on Windows, which sets none of them
    monkeypatch.setattr(i18n, "system_locale", lambda: "nl_NL")  # its user interface language
    result = CliRunner().invoke(cli, ["check", "--bogus"], prog_name="reconcile")
    assert result.stderr.splitlines()[0] == "Gebruik: reconcile check [OPTIES] PADEN..."
    assert result.stderr.splitlines()[-1] == "Fout: Onbekende optie '--bogus'."
    assert "LANGUAGE" not in os.environ  # the run's, not the process's


def _placeholders(command: click.Command, path: list[str], lang: str) -> dict[str, str]:
    """Every placeholder the help of ``command`` and its subcommands shows (usage line and
    options), by where it stands (``reconcile check usage 1``, ``reconcile check --output``),
    in a run in ``lang``."""
    locale = {"nl": "nl_NL.UTF-8", "en": "C.UTF-8"}[lang]
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="reconcile", env={"LANG": locale})
    usage, *lines = result.output.splitlines()
    where = " ".join(["reconcile", *path])
    pieces = usage.split(where, 1)[1].split()
    shown = {f"{where} usage {n}": piece for n, piece in enumerate(pieces)}
    for line in lines:  # an option that takes a value shows a placeholder after its names
        if option := re.match(r"  (?:-\w, )?(--[\w-]+) (\S+)(?:  |$)", line):
            shown[f"{where} {option[1]}"] = option[2]
    for name, sub in getattr(command, "commands", {}).items():
        shown.update(_placeholders(sub, [*path, name], lang))
    return shown


def test_the_command_line_s_placeholders_are_dutch_in_a_dutch_run() -> None:
    english, dutch = _placeholders(cli, [], "en"), _placeholders(cli, [], "nl")
    assert english.keys() == dutch.keys()
    assert english["reconcile diff usage 1"] == "OLD" and dutch["reconcile diff usage 1"] == "OUD"
    assert english["reconcile check usage 0"] == "[OPTIONS]"
    assert dutch["reconcile check usage 0"] == "[OPTIES]"
    assert (english["reconcile check --output"], dutch["reconcile check --output"]) == (
        "[FORMAT:]FILE",
        "[FORMAAT:]BESTAND",
    )
    # a choice is typed as shown, and CODE, MB and N read the same in Dutch; every other
    # placeholder changes
    same = {
        where: shown
        for where, shown in dutch.items()
        if shown == english[where] and "|" not in shown and shown not in ("CODE", "MB", "N")
    }
    assert same == {}, "add these to METAVARS in reconcile/i18n.py, and translate them"
    words = {word for shown in english.values() for word in re.findall(r"[A-Z]{3,}", shown)}
    left = [w for w in words if any(w in re.findall(r"[A-Z]{3,}", s) for s in dutch.values())]
    assert left == ["CODE"]
    assert (english["reconcile check --max-rows"], dutch["reconcile check --max-file-size"]) == (
        "N",
        "MB",
    )


def test_another_click_program_in_the_process_keeps_click_s_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    @click.command()
    @click.argument("name")
    @click.option("--out", type=click.Path())
    def other(name: str, out: str | None) -> None:
        """Another program's command."""

    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    assert _stderr(["check", "--lang", "nl"], "nl_NL.UTF-8")[0] == 2  # a Dutch run first
    result = CliRunner().invoke(other, ["--help"], prog_name="other")
    assert result.output.startswith("Usage: other [OPTIONS] NAME")
    assert "--out PATH" in result.output and "Options:" in result.output
    result = CliRunner().invoke(other, [], prog_name="other")
    assert "Error: Missing argument 'NAME'." in result.stderr


def test_dutch_help_names_the_placeholders_its_usage_line_shows() -> None:
    dutch = CliRunner().invoke(cli, ["check", "--help", "--lang", "nl"], prog_name="reconcile")
    text = " ".join(dutch.output.split())
    assert text.startswith("Gebruik: reconcile check [OPTIES] PADEN... Stem de werkmappen")
    assert "in PADEN af op de aankondiging" in text and "PATHS" not in text
    assert "--output [FORMAAT:]BESTAND Schrijf het rapport naar BESTAND" in text


def test_text_report_headings_in_dutch() -> None:
    from reconcile import pipeline
    from reconcile.report import RENDERERS, RenderOptions

    announcement = pipeline.find_announcement(["examples/ai-fabriek"], None)
    report = pipeline.check(["examples/ai-fabriek"], announcement)
    out = io.StringIO()
    RENDERERS["text"](report, out, RenderOptions(lang="nl", color=False))
    text = out.getvalue()
    assert "Ministerie" in text and "Aandeel" in text and "Totaal" in text
    assert "SLUIT AAN: totaal € 69.400.000 tegenover het aangekondigde" in text
    notes = len(report.findings) - report.errors - report.warnings
    assert f"0 fouten, 0 waarschuwingen, {notes} opmerkingen; afsluitcode 0." in text


def test_codes_and_explain_speak_dutch() -> None:
    from click.testing import CliRunner

    listing = CliRunner().invoke(cli, ["codes", "--lang", "nl"]).output
    assert listing.splitlines()[0].split() == ["code", "ernst", "fase", "melding"]
    assert "<value> is geen bedrag" in listing
    explained = CliRunner().invoke(cli, ["explain", "amount-not-a-number", "--lang", "nl"])
    flat = " ".join(explained.output.split())
    assert flat.startswith("amount-not-a-number (fout; gevonden in de fase valideren)")
    assert " ".join(texts_of("amount-not-a-number", "nl")[1].split()) in flat


# --- the command line's own errors, in both languages ----------------------------------


def _stderr(args: list[str], lang_env: str = "C.UTF-8") -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, prog_name="reconcile", env={"LANG": lang_env})
    return result.exit_code, result.stderr


USAGE_ERRORS = [
    (
        ["check", "--bogus", "EZ.xlsx"],
        "Error: No such option '--bogus'.",
        "Fout: Onbekende optie '--bogus'.",
    ),
    (["check"], "Error: Missing argument 'PATHS...'.", "Fout: Ontbrekend argument 'PADEN...'."),
    (
        ["check", "--format", "pdf", "EZ.xlsx"],
        (
            "Error: Invalid value for '-f' / '--format': 'pdf' is not one of 'text', 'json', "
            "'junit', 'github', 'gitlab', 'html'."
        ),
        (
            "Fout: Ongeldige waarde voor '-f' / '--format': 'pdf' is niet een van 'text', 'json', "
            "'junit', 'github', 'gitlab', 'html'."
        ),
    ),
    (
        ["--config", "missing.toml", "check", "EZ.xlsx"],
        "Error: Invalid value for '--config': File 'missing.toml' does not exist.",
        "Fout: Ongeldige waarde voor '--config': 'missing.toml' bestaat niet.",
    ),
    (
        ["nocheck"],
        "Error: No such command 'nocheck'. Did you mean 'check'?",
        "Fout: Onbekende opdracht 'nocheck'. Bedoelde u 'check'?",
    ),
]


@pytest.mark.parametrize(("args", "english", "dutch"), USAGE_ERRORS)
def test_usage_errors_speak_the_run_s_language(
    args: list[str], english: str, dutch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    command, usage, gebruik = ("reconcile check", "[OPTIONS] PATHS...", "[OPTIES] PADEN...")
    if args[0] != "check":
        command, usage = ("reconcile", "[OPTIONS] COMMAND [ARGS]...")
        gebruik = "[OPTIES] OPDRACHT [ARGUMENTEN]..."
    code, stderr = _stderr(args)
    assert (code, stderr.splitlines()) == (
        2,
        [f"Usage: {command} {usage}", f"Try '{command} --help' for help.", "", english],
    )
    code, stderr = _stderr(args, "nl_NL.UTF-8")
    assert (code, stderr.splitlines()) == (
        2,
        [f"Gebruik: {command} {gebruik}", f"Probeer '{command} --help' voor hulp.", "", dutch],
    )


def test_lang_after_the_bad_option_still_decides_the_language() -> None:
    code, stderr = _stderr(["check", "--bogus", "x.xlsx", "--lang", "nl"])
    assert code == 2 and stderr.endswith("Fout: Onbekende optie '--bogus'.\n")
    code, stderr = _stderr(["check", "--bogus", "x.xlsx", "--lang=en"], "nl_NL.UTF-8")
    assert code == 2 and stderr.endswith("Error: No such option '--bogus'.\n")


def test_click_speaks_english_again_after_a_dutch_run() -> None:
    _stderr(["check", "--bogus", "--lang", "nl"])
    code, stderr = _stderr(["check", "--bogus", "--lang", "en"])
    assert code == 2 and stderr.endswith("Error: No such option '--bogus'.\n")
    assert "Usage:" in stderr and "Gebruik:" not in stderr


def test_click_speaks_each_run_s_language_in_turn_in_one_process() -> None:
    # gettext keeps the catalogues it read by their path: a run in another language finds its own
    said = [_stderr(["check", "--bogus", "--lang", lang])[1] for lang in ("nl", "en", "nl")]
    assert [stderr.splitlines()[0].split()[0] for stderr in said] == [
        "Gebruik:",
        "Usage:",
        "Gebruik:",
    ]


def _gettext_state() -> tuple[str, str, str | None]:
    return (
        gettext_module.textdomain(),
        gettext_module.bindtextdomain("click"),
        os.environ.get("LANGUAGE"),
    )


def test_a_run_leaves_gettext_and_the_environment_as_it_found_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a process of its own: another text domain, a click catalogue elsewhere, no LANGUAGE
    domain, directory = gettext_module.textdomain("host"), gettext_module.bindtextdomain("click")
    gettext_module.bindtextdomain("click", str(tmp_path))
    monkeypatch.delenv("LANGUAGE", raising=False)
    try:
        before = _gettext_state()
        assert before == ("host", str(tmp_path), None)
        assert _stderr(["check", "--lang", "nl"])[0] == 2  # a usage error
        assert _stderr(["explain", "x", "--lang", "nl"])[0] == 2  # a command stopped by an error
        assert CliRunner().invoke(cli, ["codes", "--lang", "nl"]).exit_code == 0
        assert _gettext_state() == before
        monkeypatch.setenv("LANGUAGE", "fr:de")
        assert _stderr(["check", "--lang", "nl"])[1].startswith("Gebruik:")
        assert _gettext_state() == ("host", str(tmp_path), "fr:de")
    finally:
        gettext_module.textdomain(domain)
        gettext_module.bindtextdomain("click", directory)


def test_importing_reconcile_changes_nothing_of_gettext_or_the_environment() -> None:
    import subprocess
    import sys

    probe = (
        "import gettext, os; state = lambda: (gettext.textdomain(), "
        "gettext.bindtextdomain('click'), os.environ.get('LANGUAGE'), gettext.gettext('Usage:')); "
        "before = state(); import reconcile, reconcile.cli, reconcile.pipeline; "
        "print(before == state(), state()[3])"
    )
    env = {**os.environ, "LANG": "nl_NL.UTF-8", "LANGUAGE": "nl"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout == "True Usage:\n"


def test_errors_that_stop_a_run_are_prefixed_and_worded_in_dutch(tmp_path: Path) -> None:
    code, stderr = _stderr(["explain", "total-mismatsh", "--lang", "nl"])
    assert code == 2
    assert stderr == (
        "Fout: onbekende bevindingscode 'total-mismatsh'. Bedoelde u total-mismatch, "
        "row-total-mismatch of stand-mismatch? `reconcile codes` toont ze allemaal.\n"
    )
    missing = tmp_path / "missing.toml"
    code, stderr = _stderr(["check", "-a", str(missing), str(tmp_path)], "nl_NL.UTF-8")
    assert (code, stderr) == (2, f"Fout: de aankondiging {missing} bestaat niet\n")
    code, stderr = _stderr(["template", "--lang", "nl"])
    assert code == 2 and stderr.endswith("Fout: geef --ministry CODE of --all\n")


def test_an_unreadable_workbook_is_reported_in_dutch(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--lang", "nl", str(tmp_path / "weg.xlsx")])
    assert result.exit_code == 2
    assert "[file-unreadable] Het bestand is niet te lezen: het bestaat niet." in (result.stdout)


# --- the catalogues: every text extracted by Babel is translated, and what ships is current ---

PACKAGE = Path(reconcile.__file__).parent
ROOT = PACKAGE.parent
LOCALE = PACKAGE / "locale"


@cache
def _extracted() -> list[tuple[str, int, str | tuple[str, str], str | None]]:
    """(file, line, msgid, msgctxt) of every text, extracted as `pybabel extract -F babel.cfg`
    does."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(str(ROOT), method_map, options_map)
    return [(file, line, message, context) for file, line, message, _, context in found]


@pytest.fixture(scope="module")
def extracted() -> list[tuple[str, int, str | tuple[str, str], str | None]]:
    return _extracted()


def _po(path: Path) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        return read_po(file)


def _keys(catalog: Iterable[Message]) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def test_every_extracted_text_has_a_dutch_translation(
    extracted: list[tuple[str, int, str | tuple[str, str], str | None]],
) -> None:
    po = _po(LOCALE / "nl" / "LC_MESSAGES" / "reconcile.po")
    wanted = {(ctx, msg if isinstance(msg, str) else msg[0]) for _, _, msg, ctx in extracted}
    assert len(wanted) > 600
    assert sorted(wanted - _keys(po), key=str) == [], (
        "run pybabel update (docs/en/maintainers.md, Translations)"
    )
    assert sorted(_keys(po) - wanted, key=str) == [], "texts no longer in the source"
    assert list(po.obsolete) == []
    for message in po:
        if not message.id:
            continue
        where = (message.context, message.id)
        assert "fuzzy" not in message.flags, where
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        assert all(forms) and len(forms) == len(ids), where
        for english, dutch in zip(ids, forms, strict=True):  # the same placeholders
            assert _fields(dutch) == _fields(english), where


def test_the_template_of_the_catalogues_is_the_source_s(
    extracted: list[tuple[str, int, str | tuple[str, str], str | None]],
) -> None:
    pot = _po(LOCALE / "reconcile.pot")
    wanted = {(ctx, msg if isinstance(msg, str) else msg[0]) for _, _, msg, ctx in extracted}
    assert _keys(pot) == wanted, "extract again (docs/en/maintainers.md, Translations)"


def test_every_message_of_click_has_a_dutch_translation() -> None:
    from babel.messages.extract import extract_python

    pot, po = _po(LOCALE / "click.pot"), _po(LOCALE / "nl" / "LC_MESSAGES" / "click.po")
    used: set[tuple[str | None, str]] = set()
    for path in sorted(Path(click.__file__).parent.glob("*.py")):  # every module of click
        with path.open("rb") as source:
            for _, _name, message, _ in extract_python(source, ["_", "ngettext"], [], {}):
                texts = message if isinstance(message, tuple) else (message,)
                if texts[0]:
                    used.add((None, texts[0]))
    assert sorted(used - _keys(pot), key=str) == [], "extract click's messages again"
    assert _keys(po) == _keys(pot) and list(po.obsolete) == []
    for message in po:
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(forms) and "fuzzy" not in message.flags, message.id
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            for english, dutch in zip(ids, forms, strict=True):  # click's name of a path's
                assert _fields(dutch) <= _fields(english), english  # kind may be left out


@pytest.mark.parametrize("domain", ["reconcile", "click"])
def test_the_compiled_catalogues_are_the_po_files_compiled(domain: str) -> None:
    from babel.messages.mofile import write_mo

    for po_path in sorted(LOCALE.glob(f"*/LC_MESSAGES/{domain}.po")):
        compiled = io.BytesIO()
        write_mo(compiled, _po(po_path))
        mo_path = po_path.with_suffix(".mo")
        if os.environ.get("RECONCILE_UPDATE_CATALOGUES"):
            mo_path.write_bytes(compiled.getvalue())
        assert mo_path.read_bytes() == compiled.getvalue(), (
            f"{mo_path} is stale: run RECONCILE_UPDATE_CATALOGUES=1 pytest tests/test_i18n.py"
        )


def test_every_compiled_catalogue_is_package_data() -> None:
    # shipped in a wheel too, not only found in an editable install
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["reconcile"]
    shipped = {path for pattern in patterns for path in PACKAGE.glob(pattern)}
    compiled = set(LOCALE.glob("*/LC_MESSAGES/*.mo"))
    assert compiled and compiled <= shipped
    assert {path.parent.parent.name for path in compiled} | {"en"} == set(LANGS)


def test_a_catalogue_is_read_on_first_use_only() -> None:
    assert catalogue("nl") is catalogue("nl")
    assert catalogue("en").gettext("Total") == "Total"
    assert catalogue("nl").gettext("Total") == "Totaal"


def test_fixed_phrases_and_errors_are_texts_babel_extracts(
    extracted: list[tuple[str, int, str | tuple[str, str], str | None]],
) -> None:
    files = {file for file, _, _, _ in extracted}
    assert {"reconcile/read/check_bytes.py", "reconcile/guard.py", "reconcile/config.py"} <= files
    texts = {msg for _, _, msg, _ in extracted if isinstance(msg, str)}
    phrase = "it holds {count} members, more than the limit of {limit}"
    error = "{origin} is not valid TOML: {problem}"
    assert phrase in texts and error in texts
    assert gettext(error, "nl") == "{origin} is geen geldige TOML: {problem}"


@pytest.mark.parametrize("name", sorted(HOSTILE_CORPUS))
def test_a_dutch_run_on_a_hostile_file_has_no_english_reasons(name: str) -> None:
    result = read_file(HOSTILE / name, name)
    english_only = _english_words() - _dutch_words()
    for finding in result.findings:
        message = render_message(finding, "nl")
        for detail in _details(finding.params.values()):  # Python's own text, shown as it is
            message = message.replace(detail, "")
        names = re.sub(r"--[\w-]+|\S+\.\w+", "", message)  # options, file and member names
        words = set(re.findall(r"[A-Za-z]+", names))
        assert sorted(words & english_only) == [], message


@cache
def _preflight_phrases() -> list[str]:
    found = _extracted()
    return [
        m for f, _, m, _ in found if f == "reconcile/read/check_bytes.py" and isinstance(m, str)
    ]


def _english_words() -> set[str]:
    return {w for text in _preflight_phrases() for w in re.findall(r"[A-Za-z]+", text)}


def _dutch_words() -> set[str]:
    texts = [gettext(t, "nl") for t in _preflight_phrases()]
    texts += [texts_of(code, "nl", count)[0] for code in CODES for count in (1, 2)]
    return {w for t in texts for w in re.findall(r"[A-Za-z]+", t)}


def _details(values: Iterable[object]) -> list[str]:
    found = []
    for value in values:
        if isinstance(value, Phrase):
            found += [str(v) for k, v in value.params.items() if k == "detail"]
            found += _details(value.params.values())
    return found


def test_the_readme_s_dutch_usage_error_is_what_reconcile_prints() -> None:
    readme = (Path(__file__).parent.parent / "docs" / "en" / "commands.md").read_text("utf-8")
    block = readme.split("$ LANG=nl_NL.UTF-8 reconcile check --format pdf inzendingen/\n", 1)[1]
    shown = block.split("```", 1)[0]
    code, stderr = _stderr(["check", "--format", "pdf", "inzendingen/"], "nl_NL.UTF-8")
    assert (code, stderr) == (2, shown)


def test_a_wrong_announcement_or_settings_file_is_explained_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.toml").write_text(
        'name = "T"\nyears = "2026"\nseries = "X"\n[amounts]\nrijk = "bijna 5 kilo"\n', "utf-8"
    )
    code, stderr = _stderr(["check", "--lang", "nl", "-a", "a.toml", "."])
    assert (code, stderr) == (2, "Fout: a.toml: amounts.rijk: '5 kilo' is geen bedrag\n")
    Path("a.toml").write_text('name = "T"\nyears = 2026\n[amounts]\nrijk = "5 miljoen"\n', "utf-8")
    code, stderr = _stderr(["check", "-a", "a.toml", "."], "nl_NL.UTF-8")
    assert (code, stderr) == (
        2,
        'Fout: a.toml: years moet een lijst zijn of een reeks zoals "2025-2030"\n',
    )
    Path("reconcile.toml").write_text("color = 1\n", "utf-8")
    code, stderr = _stderr(["check", "--lang", "nl", "."])
    assert (code, stderr) == (2, "Fout: reconcile.toml: color moet true of false zijn, niet 1\n")
    code, stderr = _stderr(["check", "."])
    assert (code, stderr) == (2, "Error: reconcile.toml: color must be true or false, not 1\n")


def test_a_file_reconcile_does_not_read_is_explained_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "begroting.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "begroting").write_bytes(b"%PDF-1.7\n")
    for name, what in (("begroting.pdf", ".pdf"), ("begroting", "dit bestand")):
        result = CliRunner().invoke(cli, ["validate", "--lang", "nl", str(tmp_path / name)])
        assert result.exit_code == 2
        assert (
            "[file-unreadable] Het bestand is niet te lezen: reconcile leest .xlsx, "
            f".xlsm, .ods, .xls-werkmappen en .csv-tabellen, geen {what}."
        ) in result.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            (
                "Error: reconcile stopped on an unexpected problem (RuntimeError: boom). Run again "
                "with --debug to see where, and please report it.\n"
            ),
        ),
        (
            "nl",
            (
                "Fout: reconcile is gestopt op een onverwacht probleem (RuntimeError: boom). Draai "
                "opnieuw met --debug om te zien waar, en meld het alstublieft.\n"
            ),
        ),
    ],
)
def test_a_bug_is_one_line_in_the_run_s_language_without_a_traceback(
    lang: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile import explain

    def broken(code: str, lang: str) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(explain, "explain_code", broken)
    assert _stderr(["explain", "total-mismatch", "--lang", lang]) == (2, expected)


def test_a_bug_before_any_command_runs_is_one_line_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # the group's own --help is answered while its options are parsed, before any command
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(type(cli), "format_help", broken)
    code, stderr = _stderr(["--help"], "nl_NL.UTF-8")
    assert (code, stderr) == (
        2,
        (
            "Fout: reconcile is gestopt op een onverwacht probleem (RuntimeError: boom). Draai "
            "opnieuw met --debug om te zien waar, en meld het alstublieft.\n"
        ),
    )
    code, stderr = _stderr(["--debug", "--help"])
    assert code == 2 and stderr.startswith("Traceback (most recent call last):")
    code, stderr = _stderr(["--config", "--debug", "--help"])  # a file's name, not --debug
    assert code == 2 and "Traceback" not in stderr
    with pytest.raises(RuntimeError, match="boom"):  # not standalone: the caller's to handle
        cli.main(["--help"], "reconcile", None, False)
    assert stderr.endswith(
        "(RuntimeError: boom). Run again with --debug to see where, and please report it.\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "x.xlsx", "--lang", "nl"], "nl"),
        (["check", "--lang=en", "x.xlsx"], "en"),
        (["check", "--lang", "de"], None),  # not a language: the locale decides, click refuses
        (["check", "--lang"], None),
        (["check", "--", "--lang", "nl"], None),  # after --, a file name
        (["explain", "x", "--lang", "nl", "--lang", "en"], "en"),  # the last, as click takes
        (["explain", "x", "--lang=nl", "--lang", "de"], None),  # the last is no language
    ],
)
def test_the_language_is_found_among_the_arguments_before_click_parses_them(
    args: list[str], expected: str | None
) -> None:
    assert lang_in_args(args) == expected


def test_the_list_of_layouts_speaks_dutch() -> None:
    result = CliRunner().invoke(cli, ["layouts", "--lang", "nl"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[1] == (
        "    eenheid x € 1.000, getallen Nederlands, uit layouts/begrotingsstaten.toml"
    )
    assert lines[2].startswith("    kolommen: year='Begrotingsjaar', ")
    assert lines[3].startswith("    bedragen: ontwerpbegroting='Stand ontwerpbegroting', ")


def test_a_phrase_is_a_value_it_can_be_hashed_copied_and_compared() -> None:
    import copy

    params = {"count": 3}
    phrase = Phrase("it holds {count} members", params)
    params["count"] = 4  # the phrase keeps its own copy
    assert str(phrase) == "it holds 3 members"
    assert copy.deepcopy(phrase) == phrase
    assert len({phrase, Phrase("it holds {count} members", {"count": 3})}) == 1
    assert phrase != Phrase("it holds {count} members", {"count": 4})


def test_a_size_in_a_refusal_is_written_with_a_decimal_comma_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "groot.xlsx"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024 + 100 * 1024)  # sparse: 21.1 MB, nothing to read
    [finding] = read_file(path, "groot.xlsx").findings
    assert render_message(finding, "nl") == (
        "Het bestand is 21,1 MB, groter dan de grens van 20 MB (--max-file-size); het is niet "
        "gelezen."
    )
    assert render_message(finding, "en").startswith("The file is 21.1 MB, larger than")
    [bomb] = read_file(HOSTILE / "zip-bomb-overlap.xlsx", "x.xlsx").findings
    assert "zouden uitpakken tot 273,0 MB, meer dan de grens van 200 MB" in (
        render_message(bomb, "nl")
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: Invalid value for '--max-rows': 'veel' is not a valid integer range."),
        ("nl", "Fout: Ongeldige waarde voor '--max-rows': 'veel' is geen geldig geheel getal."),
    ],
)
def test_click_names_its_number_types_in_the_run_s_language(lang: str, expected: str) -> None:
    code, stderr = _stderr(["check", "--max-rows", "veel", "x.xlsx", "--lang", lang])
    assert (code, stderr.splitlines()[-1]) == (2, expected)
    assert click.types.IntRange.name == "integer range"  # click's own name again afterwards
    help_text = CliRunner().invoke(cli, ["check", "--help", "--lang", lang]).output
    assert "--max-rows N " in help_text  # a count in both languages (click's type is not shown)
    assert ("Grens voor het aantal bladen;" in " ".join(help_text.split())) == (lang == "nl")


def _parameters(command: click.Command) -> Iterable[click.Parameter]:
    yield from command.params
    for sub in getattr(command, "commands", {}).values():
        yield from _parameters(sub)


def test_every_number_option_names_its_type_in_the_run_s_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # click names a number type in its error ("is not a valid integer range") without gettext:
    # reconcile's number options have a type that names itself in the run's language
    numbers = [p for p in _parameters(cli) if isinstance(p.type, click.types._NumberParamTypeBase)]
    assert len(numbers) >= 9  # the file limits
    monkeypatch.setenv("LANGUAGE", "en")  # as a run in English sets it
    english = {p.name: p.type.name for p in numbers}
    assert english["max_rows"] == "integer range" and set(english.values()) <= CLICK_TYPES
    monkeypatch.setenv("LANGUAGE", "nl")
    dutch = {p.name: p.type.name for p in numbers}
    assert dutch == {name: gettext(kind, "nl") for name, kind in english.items()}
    assert dutch["max_rows"] == "geheel getal"
    assert click.IntRange(min=1).name == "integer range"  # click's own type keeps its name


def test_every_argument_shows_its_placeholder_in_the_run_s_language() -> None:
    from reconcile.cli.group import LocalisedArgument

    arguments = [p for p in _parameters(cli) if isinstance(p, click.Argument)]
    assert arguments and all(isinstance(p, LocalisedArgument) for p in arguments)


EMPTY_FOLDER = {
    "en": ("Error", "the folder holds no workbooks or CSV files"),
    "nl": ("Fout", "de map bevat geen werkmappen of CSV-bestanden"),
}


@pytest.mark.parametrize("lang", sorted(EMPTY_FOLDER))
def test_a_folder_without_workbooks_is_said_in_the_run_s_language(
    lang: str, tmp_path: Path
) -> None:
    error, problem = EMPTY_FOLDER[lang]
    problem += " (.xlsx, .xlsm, .ods, .xls, .csv, .tsv)"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "notes.txt").write_text("no workbook here", "utf-8")
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a", tmp_path / "b"
    # nothing at all to read: an error naming each folder
    assert _stderr(["check", str(a), str(b), "--lang", lang]) == (
        2,
        f"{error}: {a}: {problem}; {b}: {problem}\n",
    )
    # beside a file that can be read, an empty folder is a finding, in the same words
    [good] = write(tmp_path / "c", {"EZ.xlsx": long_table(["XIII", 2, "AI-fabriek", 2025, 5100])})
    result = CliRunner().invoke(cli, ["validate", str(b), good, "-f", "json", "--lang", lang])
    found = json.loads(result.stdout)["findings"]
    [message] = [f["message"] for f in found if f["code"] == "file-unreadable"]
    assert message.endswith(f": {problem}.")


PLAIN_WORDS = [  # fixed words the readers pass as plain text, not (yet) as a Phrase
    "comma",
    "semicolon",
    "pipe",
    "no year",
    "it is a workbook (.xlsx, .xls or .ods), not a CSV file; give it its own extension",
    "it holds NUL bytes: a binary file, or UTF-16 without its byte order mark",
    "no line has a chapter of a known ministry, and neither the title nor the file name names one",
]


def test_fixed_words_passed_as_plain_text_are_still_passed_and_have_dutch() -> None:
    from babel.messages.extract import extract_python

    constants = {
        node.value
        for path in PACKAGE.rglob("*.py")
        if path.name != "i18n.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    for words in PLAIN_WORDS:  # when a reader rewords one, its Dutch must follow
        assert words in constants, words
        assert words in WORDS and gettext(words, "nl") != words
    reasons = set()  # an unreadable file's reason, given as text, is a word too
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as source:
            for _, _, args, _ in extract_python(source, ["UnreadableFileError"], [], {}):
                reason = args[0] if isinstance(args, tuple) else args
                reasons |= {reason} if reason else set()
    assert "the file is empty" in reasons and sorted(reasons - WORDS) == []


def test_a_csv_file_s_reading_is_reported_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "puntkomma.csv").write_text("Hoofdstuk;Artikel;Jaar;Bedrag\nXIII;2;2025;100\n")
    (tmp_path / "binair.csv").write_bytes(b"a\x00b,c\n")
    firsts = [
        read_file(tmp_path / name, name).findings[0] for name in ("puntkomma.csv", "binair.csv")
    ]
    messages = {finding.code: render_message(finding, "nl") for finding in firsts}
    assert messages == {
        "csv-detected": "Gelezen als CSV: gescheiden door puntkomma, codering UTF-8.",
        "file-unreadable": (
            "Het bestand is niet te lezen: het bevat NUL-bytes: een binair bestand, "
            "of UTF-16 zonder byte order mark."
        ),
    }


def test_a_csv_file_s_mixed_lines_and_missing_layout_are_said_in_dutch(tmp_path: Path) -> None:
    from reconcile.codes import format_value
    from reconcile.read.read_cells_csv import read_csv_text

    mixed = read_csv_text("é\n".encode() + b"\xe9\n" * 8)  # one UTF-8 line, eight Windows-1252
    assert format_value(mixed.other_lines_shown, "nl") == "2, 3, 4, 5, 6 en nog 3"
    assert format_value(mixed.encoding_worded, "nl") == "UTF-8 en Windows-1252"
    (tmp_path / "contacten.csv").write_text("naam;telefoon\nJan;06\n", encoding="utf-8")
    (finding,) = [
        f
        for f in read_file(tmp_path / "contacten.csv", "contacten.csv").findings
        if f.code == "layout-not-found"
    ]
    message = render_message(finding, "nl")
    assert message.startswith("Geen kopregel van een bekende indeling (begrotingsstaten, ")
    assert "any known" not in message and "see `reconcile" not in message


def test_a_third_language_is_a_catalogue_and_its_code_in_langs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from reconcile import i18n, money
    from reconcile.docs import render_codes
    from reconcile.report.annotate import summary_name
    from reconcile.report.wording import share_text

    german = Catalog(locale="de", domain="reconcile")
    german.add("Total", "Gesamt")
    german.add(",", ".", context="thousands separator")
    german.add("{sign}EUR {amount}", "{sign}{amount} €", context="amount in euros")
    german.add(("{errors} error", "{errors} errors"), ("{errors} Fehler", "{errors} Fehler"))
    german.add(".", ",", context="decimal mark")
    german.add("summary.xlsx", "uebersicht.xlsx", context="file name")
    german.add("Finding codes", "Befundcodes")
    german.add("error", "Fehler")
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / "de" / "LC_MESSAGES" / "reconcile.mo").open("wb") as file:
        write_mo(file, german)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(i18n, "LANGS", (*i18n.LANGS, "de"))
    i18n.catalogue.cache_clear()
    money._euro_style.cache_clear()
    try:
        assert resolve_lang(None, {"LANG": "de_DE.UTF-8"}) == "de"
        assert tr("total", "de") == "Gesamt"
        assert money.format_eur(Decimal("69400000"), "de") == "69.400.000 €"
        counts = tr("counts", "de", errors=2, warnings=1, notes=0, code=1)
        assert counts == "2 Fehler, 1 warning, 0 notes; exit code 1."  # untranslated: English
        # numbers, file names and the codes page follow the catalogue, not code per language
        assert share_text(Decimal("36.0"), "de") == "36,0 %"
        assert summary_name("de") == "uebersicht.xlsx"
        page = render_codes("de")
        assert page.startswith("# Befundcodes\n")
        assert "| Fehler |" in page  # a severity, in the table
    finally:
        i18n.catalogue.cache_clear()
        money._euro_style.cache_clear()
