"""An amount that is not a number (`amount-not-a-number`) says what it leaves out where it
stands: on a line of an open-data table the totals over it go unchecked, on a totals row that
total, and an "of which" note is no part of a total; in a workbook the line is not counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.announcement import load_announcement
from reconcile.pipeline import validate
from tests.spec import long_table, message
from tests.spec import validate as validate_workbooks

# The header of the B-tables (budgettaire tabellen) of the ontwerpbegroting 2016.
B_HEADER = (
    "Begrotingsjaar,Begrotings hoofdstuk,Naam Begroting,Begrotingsfase OWB=ontwerpbegroting,"
    "Artikel nummer zoals in het witte stuk,Omschrijving artikel,"
    "V/U/O (Verplichtingen/Uitgaven/Ontvangsten),Indicatie totaal regel J/N,"
    "Nr. onderverdeling zoals in de witte stukken,Financieel instrument/Apparaat,"
    "Uitsplitsing fin.instrument cq apparaat,Nadere omschrijving zoals in b-tabel staat,"
    "Bedrag t-2,Bedrag t-1,Bedrag t,Bedrag t+1,Bedrag t+2,Bedrag t+3,Bedrag t+4"
)
# The begrotingsstaten as opendata.rijksbegroting.nl published them in 2014 (tests/editions/).
STATEN_HEADER = (
    "Begrotingsjaar;Valuta;eenheid;Uitgaven (U) Verplichtingen (V) Ontvangsten (O);"
    "Begrotingsstaat;Onderdeel;Omschrijving;ontwerpbegroting;vastgestelde begroting;"
    "1ste suppletoire begroting;2de suppletoire begroting;Realisatie;Url"
)

SAID = {
    "en": {
        "total": '"n.t.b." is not an amount; this total is not checked against its lines.',
        "line": (
            '"n.t.b." is not an amount; it is not counted, so no total it belongs to is checked.'
        ),
        "note": '"n.t.b." is not an amount; as an “of which” note it is no part of a total.',
        "workbook": '"PM" is not an amount; it is not counted, so the total is incomplete.',
    },
    "nl": {
        "total": '"n.t.b." is geen bedrag; dit totaal wordt niet met zijn regels vergeleken.',
        "line": '"n.t.b." is geen bedrag; het telt niet mee, dus geen totaal waar het bij hoort '
        "wordt gecontroleerd.",
        "note": '"n.t.b." is geen bedrag; als “waarvan”-regel hoort het bij geen totaal.',
        "workbook": '"PM" is geen bedrag; het telt niet mee, dus het totaal is onvolledig.',
    },
}


def _said(path: Path, lang: str) -> list[tuple[str | None, str]]:
    report = validate([str(path)], load_announcement(None))
    return [
        (f.location.cell, message(f, lang))
        for f in report.findings
        if f.code == "amount-not-a-number"
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_b_table_a_totals_row_a_line_and_a_note_each_say_what_is_left_out(
    tmp_path: Path, lang: str
) -> None:
    def row(flag: str, breakdown: str, amount: str) -> str:
        cells = ["2016", "XIII", "EZ", "OWB", "11", "Economie", "U", flag, "", "", breakdown]
        return ",".join([*cells, "", "", "", amount, "", "", "", ""])

    path = tmp_path / "b.csv"
    rows = [
        B_HEADER,
        row("J", "", "n.t.b."),  # the article's total (J)
        row("N", "Subsidies", "n.t.b."),  # a line under it
        row("N", "Waarvan juridisch verplicht", "n.t.b."),  # a note: how much of it is committed
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    said = SAID[lang]
    assert _said(path, lang) == [("O2", said["total"]), ("O3", said["line"]), ("O4", said["note"])]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_begrotingsstaten_a_totaal_row_says_its_total_is_not_checked(
    tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "staten.csv"
    rows = [
        STATEN_HEADER,
        "2014;Euro;x1000;U;XIII, Economische Zaken;1;Goed functionerende economie;n.t.b.;;;;;",
        "2014;Euro;x1000;U;XIII, Economische Zaken;-;TOTAAL;n.t.b.;;;;;",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    said = SAID[lang]
    assert _said(path, lang) == [("H2", said["line"]), ("H3", said["total"])]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_workbook_line_says_it_is_not_counted(tmp_path: Path, lang: str) -> None:
    report = validate_workbooks(
        tmp_path, {"EZ.xlsx": long_table(["XIII", 2, "AI-fabriek", 2026, "PM"])}
    )
    [finding] = [f for f in report.findings if f.code == "amount-not-a-number"]
    assert message(finding, lang) == SAID[lang]["workbook"]
