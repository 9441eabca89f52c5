"""Chapters a ministry owns beside its own budget: the budgets and funds its minister answers
for (Koninkrijksrelaties IV, the Gemeentefonds B, ...), as reconcile/data/ministries.toml
lists them and docs/en/workbooks.md, "Chapters a ministry owns", explains."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reconcile.ministries import load_table
from reconcile.pipeline import validate as validate_paths
from tests.spec import announcement, codes, long_table, validate

EDITIONS = Path(__file__).parent / "editions"

# chapter -> the ministry whose minister answers for it (the B-tables' "Verantwoordelijke
# minister", the Kamerstukken that present each budget)
OWNED = {
    "IV": "BZK",  # Koninkrijksrelaties
    "B": "BZK",  # Gemeentefonds
    "C": "BZK",  # Provinciefonds
    "H": "BZK",  # BES-fonds
    "XVIII": "BZK",  # Wonen en Rijksdienst, 2013-2017 (then in VII)
    "F": "LVVN",  # Diergezondheidsfonds
    "LVIII": "LVVN",  # the Diergezondheidsfonds under its number of 2017
    "A": "IenW",  # Infrastructuurfonds, Mobiliteitsfonds since 2022
    "J": "IenW",  # Deltafonds
    "K": "Defensie",  # Defensiematerieelbegrotingsfonds
    "L": "EZ",  # Nationaal Groeifonds
    "M": "KGG",  # Klimaatfonds, since 2024 (Kamerstuk 36 600 M: "Klimaatfonds (M)")
}


@pytest.mark.parametrize(("chapter", "owner"), OWNED.items())
def test_a_fund_or_budget_belongs_to_the_ministry_whose_minister_answers_for_it(
    chapter: str, owner: str
) -> None:
    assert load_table().owners[chapter] == owner


def test_a_chapter_has_one_owner() -> None:
    table = load_table()
    listed = [c for m in table.ministries.values() for c in m.owned]
    assert len(listed) == len(set(listed))
    assert set(listed) <= set(table.chapters)  # every owned chapter is a known chapter


def test_a_template_offers_the_chapters_a_ministry_books_on_today() -> None:
    bzk = load_table().ministries["BZK"]
    assert bzk.offered == ("VII", "IV", "B", "C", "H")  # not XVIII, gone since 2018
    assert load_table().ministries["LVVN"].offered == ("XIV", "F")


def test_a_table_without_a_chapter_column_is_on_the_ministry_s_own_budget(
    tmp_path: Path,
) -> None:
    # BZK's mutation table titled by its ministry: its lines are on VII, its own budget, not
    # on a fund it answers for.
    rows = [
        ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"],
        ["(bedragen x € 1.000)"],
        ["Artikel", "Omschrijving", "Jaar", "Bedrag"],
        [6, "AI-fabriek", 2026, 2000],
    ]
    report = validate(tmp_path, {"BZK.xlsx": rows})
    assert [(ln.chapter, ln.article) for ln in report.lines] == [("VII", "6")]
    assert codes(report) == []


@pytest.mark.parametrize("chapter", ["IV", "B", "C", "H"])
def test_a_file_of_lines_on_a_chapter_bzk_answers_for_is_bzk_s(
    tmp_path: Path, chapter: str
) -> None:
    rows = long_table([chapter, 1, "AI-fabriek", 2026, 1000], [chapter, 1, "AI-fabriek", 2027, 500])
    report = validate(tmp_path, {"inzending.xlsx": rows})
    assert [f.ministry for f in report.files] == ["BZK"]
    assert codes(report) == []


def test_bzk_s_own_and_its_funds_lines_in_one_file_are_all_its_own(tmp_path: Path) -> None:
    rows = long_table(
        ["VII", 6, "Digitale overheid: AI-fabriek", 2026, 2000],
        ["IV", 1, "Versterken rechtsstaat: AI-fabriek", 2026, 300],
        ["B", 1, "Algemene uitkering: AI-fabriek", 2026, 200],
    )
    report = validate(tmp_path, {"BZK.xlsx": rows})
    assert [f.ministry for f in report.files] == ["BZK"]
    assert "chapter-not-of-ministry" not in codes(report)
    # another ministry's fund is still not BZK's
    rows = long_table(
        ["VII", 6, "Digitale overheid: AI-fabriek", 2026, 2000],
        ["VII", 6, "Digitale overheid: AI-fabriek", 2027, 2000],
        ["J", 1, "Deltaplan: AI-fabriek", 2026, 200],
    )
    report = validate(tmp_path / "2", {"BZK.xlsx": rows})
    assert codes(report) == ["chapter-not-of-ministry"]


def test_the_2017_diergezondheidsfonds_b_table_is_lvvn_s_and_judged_as_before() -> None:
    # The real 2017 B-table extract of chapter LVIII (tests/editions/PROVENANCE.md): its
    # minister then was EZ's (H.G.J. Kamp), the fund is LVVN's today; the table is read as
    # before, with no finding beyond the notes on its reading.
    name = EDITIONS / "budgettaire_tabellen_owb_2017_chapter_lviii.csv"
    with name.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {row["Verantwoordelijke minister"] for row in rows} == {"H.G.J. Kamp"}
    report = validate_paths([str(name)], announcement())
    assert [f.ministry for f in report.files] == ["LVVN"]
    assert codes(report) == []


def test_an_overboeking_to_a_fund_named_by_its_name_pairs_with_its_owner(
    tmp_path: Path,
) -> None:
    # OCW moves 500 to the Gemeentefonds (B), which BZK answers for; BZK's file books it on B.
    from tests.spec import GOOD_SET, check, where

    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag", "Van/naar"]
    ocw = [
        ["(bedragen x € 1.000)"],
        header,
        ["VIII", 16, "AI-fabriek", 2026, 8000, None],
        ["VIII", 16, "Overboeking naar het Gemeentefonds", 2026, -500, None],
        ["VIII", 16, "AI-fabriek, gemeenten", 2027, -300, "Gemeentefonds"],
    ]
    bzk = [
        ["(bedragen x € 1.000)"],
        header,
        ["VII", 6, "AI-fabriek", 2026, 6000, None],
        ["B", 1, "Overboeking van OCW", 2026, 500, None],
        ["B", 1, "AI-fabriek, gemeenten", 2027, 300, "OCW"],
    ]
    report = check(tmp_path, {**GOOD_SET, "OCW.xlsx": ocw, "BZK.xlsx": bzk})
    moved = [(ln.kind, ln.counterpart) for ln in report.lines if ln.kind != "reservation"]
    assert sorted(moved) == [
        ("transfer-in", "OCW"),
        ("transfer-in", "OCW"),
        ("transfer-out", "BZK"),
        ("transfer-out", "BZK"),
    ]
    assert not [w for w in where(report) if w[2].startswith(("transfer", "counterpart"))]


def test_klimaatfonds_lines_in_kgg_s_file_are_its_own(tmp_path: Path) -> None:
    # The Klimaatfonds is a budget of its own since 2024, chapter M, whose money KGG's
    # minister moves to the departments' budgets: a line on it was chapter-unknown.
    rows = long_table(
        ["XXIII", 1, "Klimaat: AI-fabriek, energie", 2026, 2000],
        ["M", 1, "Klimaatfonds: overboeking naar EZ", 2026, -2000],
    )
    report = validate(tmp_path, {"KGG.xlsx": rows})
    assert [f.ministry for f in report.files] == ["KGG"]
    assert not {"chapter-unknown", "chapter-not-of-ministry"} & set(codes(report))
