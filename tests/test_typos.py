"""Typos that look right: the nearest known value is suggested, the text shown as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.announcement import load_announcement
from reconcile.cli import cli
from reconcile.codes import make_finding, render_message
from reconcile.errors import ConfigError
from reconcile.model import CellRef, Finding
from reconcile.nearest import as_typed, nearest
from reconcile.pipeline import validate as validate_files
from reconcile.read.layouts import get_layout
from reconcile.template import build_template
from tests.spec import long_table, message, validate

L = "U+006C LATIN SMALL LETTER L"


def test_a_chapter_with_a_lower_case_l_names_the_chapter_meant_and_shows_the_l(
    tmp_path: Path,
) -> None:
    report = validate(tmp_path, {"BZK.xlsx": long_table(["VIl", 6, "AI-fabriek", 2026, 2000])})
    (finding,) = [f for f in report.findings if f.code == "chapter-unknown"]
    assert message(finding) == (
        f'"VIl" is not a known budget chapter. Did you mean VII (BZK)? As typed: VI‹l: {L}›.'
    )
    assert render_message(finding, "nl").endswith(f"Bedoelt u VII (BZK)? Zoals getypt: VI‹l: {L}›.")


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("VIl", ["VII", "XIII", "X"], "VII"),
        ("X1II", ["VII", "XIII", "X"], "XIII"),
        ("\u0425III", ["VII", "XIII", "X"], "XIII"),  # a Cyrillic Ha
        ("0CW", ["EZ", "OCW"], "OCW"),
        ("Defensei", ["EZ", "Defensie"], "Defensie"),
        ("begrotingstaten", ["begrotingsstaten", "budgettaire-tabellen"], "begrotingsstaten"),
        ("Reservring", ["Reservering", "Toelichting"], "Reservering"),
        ("XIX", ["VII", "OCW"], None),  # nothing near: no guess
    ],
)
def test_the_nearest_known_value(typed: str, known: list[str], meant: str | None) -> None:
    assert nearest(typed, known) == meant


def test_text_as_typed_names_only_the_look_alikes() -> None:
    assert as_typed("VIl", "VII") == f"VI‹l: {L}›"
    assert as_typed("Defensei", "Defensie") == "Defensei"  # a misspelling, no look-alike
    assert as_typed("OCW\u00a0") == "OCW‹\u00a0: U+00A0 NO-BREAK SPACE›"


def test_a_ministry_code_typed_with_a_zero(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        build_template("0CW", load_announcement(None))
    assert str(error.value).endswith("Did you mean OCW? As typed: ‹0: U+0030 DIGIT ZERO›CW.")


def test_a_layout_name_misspelled() -> None:
    with pytest.raises(ConfigError, match="Did you mean begrotingsstaten\\?"):
        get_layout("begrotingstaten")


def test_a_sheet_name_misspelled(tmp_path: Path) -> None:
    path = tmp_path / "OCW.xlsx"
    path.write_bytes(build_template("OCW", load_announcement(None), "nl"))
    result = CliRunner().invoke(cli, ["validate", "--sheet", "Reservring", str(path)])
    assert "Did you mean Reservering?" in result.output


def test_an_announcement_key_misspelled(tmp_path: Path) -> None:
    path = tmp_path / "announcement.toml"
    path.write_text('year = "2025-2026"\n[amounts]\nrijk = "10 miljoen"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'year'\. Did you mean years\?"):
        load_announcement(path)


def test_a_settings_key_misspelled(tmp_path: Path) -> None:
    (tmp_path / "reconcile.toml").write_text('lnag = "nl"\n', "utf-8")
    config = str(tmp_path / "reconcile.toml")
    result = CliRunner().invoke(cli, ["--config", config, "validate", str(tmp_path)])
    assert "Did you mean lang?" in result.output


def test_diff_keeps_a_look_alike_chapter_with_the_ministry_it_looks_like(tmp_path: Path) -> None:
    from reconcile.diff import diff_files
    from tests.builders import write_workbook

    old = write_workbook(
        tmp_path / "old.xlsx", {"R": long_table(["VII", 6, "AI-fabriek", 2026, 2000])}
    )
    new = write_workbook(
        tmp_path / "new.xlsx", {"R": long_table(["VIl", 6, "AI-fabriek", 2026, 2000])}
    )
    diff = diff_files(str(old), str(new))
    assert {c.ministry for c in diff.changes} == {"BZK"}  # not a ministry "VIl" of its own


STATEN = (
    "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
    "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
    "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
)


def _published(tmp_path: Path, *rows: str) -> list[Finding]:
    path = tmp_path / "begrotingsstaten.csv"
    path.write_text("\n".join([STATEN, *rows]) + "\n", encoding="utf-8")
    return validate_files([str(path)], load_announcement(None)).findings


def test_a_published_table_names_the_chapter_meant_and_its_budget(tmp_path: Path) -> None:
    # Until 2026-12-07 the layout path made this finding without its hint, and every report
    # of a table holding one stopped on a KeyError when it was rendered.
    findings = _published(tmp_path, "2020,U,XlII,EZK,1,Art,1,2,3,4,5")
    (finding,) = [f for f in findings if f.code == "chapter-unknown"]
    assert message(finding) == (
        f'"XlII" is not a known budget chapter. Did you mean XIII (Economische Zaken)? '
        f"As typed: X‹l: {L}›II."
    )
    assert "Bedoelt u XIII (Economische Zaken)?" in render_message(finding, "nl")


def test_the_diergezondheidsfonds_under_its_old_number_lviii_is_a_known_chapter(
    tmp_path: Path,
) -> None:
    # The 2017 budgettaire tabellen (openstate/minfin, budgettaire_tabellen_owb_2017_origineel)
    # book the Diergezondheidsfonds, fund F today, as chapter LVIII.
    findings = _published(tmp_path, "2017,U,LVIII,Diergezondheidsfonds,1,Art,1,2,3,4,5")
    assert [f.code for f in findings if f.severity.value == "error"] == []


def test_a_finding_made_without_a_param_its_message_needs_fails_where_it_is_made() -> None:
    where = CellRef("EZ.xlsx", "Blad1", "A5")
    with pytest.raises(TypeError, match="chapter-unknown made without hint"):
        make_finding("chapter-unknown", where, value='"XlII"')
    assert message(make_finding("chapter-unknown", where, value='"Q"', hint="")) == (
        '"Q" is not a known budget chapter.'
    )
