"""Dutch and English: every finding code, heading and help text in both; the language chosen."""

from __future__ import annotations

import io
import string
from decimal import Decimal

import click
import pytest

from reconcile.cli import cli
from reconcile.codes import CODES, make_finding, render_message, texts_of
from reconcile.i18n import HELP_NL, TEXTS, fold, resolve_lang, tr
from reconcile.messages_nl import MESSAGES_NL
from reconcile.model import CellRef, Interval


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_a_dutch_and_an_english_text() -> None:
    missing = sorted(set(CODES) - set(MESSAGES_NL))
    assert missing == [], f"add a Dutch (template, explanation) to messages_nl.py for {missing}"
    assert sorted(set(MESSAGES_NL) - set(CODES)) == []
    for code, entry in CODES.items():
        dutch_template, dutch_explanation = MESSAGES_NL[code]
        assert entry.template and entry.explanation and dutch_explanation, code
        assert _fields(dutch_template) == _fields(entry.template), code
        assert dutch_template != entry.template and dutch_explanation != entry.explanation, code


def test_messages_write_amounts_the_way_the_reader_expects() -> None:
    finding = make_finding(
        "total-below-announced",
        CellRef("announcement.toml"),
        total=Decimal("64900000"),
        announced='"bijna 70 miljoen euro"',
        interval=Interval(Decimal("66500000"), Decimal("70000000")),
        difference=Decimal("1600000"),
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
        (None, {}, "en"),
    ],
)
def test_language_follows_option_then_locale_then_english(
    explicit: str | None, environ: dict[str, str], expected: str
) -> None:
    assert resolve_lang(explicit, environ) == expected


def test_every_heading_has_both_texts_with_the_same_placeholders() -> None:
    for key, (english, dutch) in TEXTS.items():
        assert english and dutch, key
        assert _fields(english) == _fields(dutch), key
    assert tr("verdict-reconciled", "nl", where="x") == "SLUIT AAN: x."
    assert tr("verdict-reconciled", "en", where="x") == "RECONCILED: x."


def _help_texts(command: click.Command) -> list[str]:
    texts = [command.help or "", command.epilog or ""]
    texts += [p.help or "" for p in command.params if isinstance(p, click.Option)]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            texts += _help_texts(sub)
    paragraphs = [fold(p) for text in texts for p in text.split("\n\n")]
    return sorted({p for p in paragraphs if p})


def test_every_help_text_of_the_command_line_has_a_dutch_translation() -> None:
    missing = [text for text in _help_texts(cli) if text not in HELP_NL]
    assert missing == [], f"add these to HELP_NL in reconcile/i18n.py: {missing}"


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
    assert f"0 fout(en), 0 waarschuwing(en), {notes} opmerking(en); afsluitcode 0." in text


def test_codes_and_explain_speak_dutch() -> None:
    from click.testing import CliRunner

    listing = CliRunner().invoke(cli, ["codes", "--lang", "nl"]).output
    assert listing.splitlines()[0].split() == ["code", "ernst", "fase", "melding"]
    assert "<value> is geen bedrag" in listing
    explained = CliRunner().invoke(cli, ["explain", "amount-not-a-number", "--lang", "nl"])
    flat = " ".join(explained.output.split())
    assert flat.startswith("amount-not-a-number (fout; gevonden in de fase validate)")
    assert " ".join(MESSAGES_NL["amount-not-a-number"][1].split()) in flat
