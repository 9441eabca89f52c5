"""An overboeking between two budgets of one ministry: its own and a fund its minister answers
for (BZK's VII and the Gemeentefonds B, IenW's XII and the Infrastructuurfonds A, Defensie's X
and the Defensiematerieelbegrotingsfonds K, EZ's XIII and the Nationaal Groeifonds L). Its
counterpart is the fund's chapter; it pairs with the fund's line like any overboeking, in the
same file or another, and counts in nothing (docs/en/workbooks.md, "Overboekingen between a
ministry's own budgets")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.spec import check, message, validate, where

HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag", "Soort mutatie", "Van/naar"]


def table(*lines: list[Any]) -> list[list[Any]]:
    return [
        ["(bedragen x € 1.000)"],
        HEADER,
        *[[*line, *[None] * (7 - len(line))] for line in lines],
    ]


def transfers(report: Any) -> list[tuple[str, str, str | None]]:
    return [(ln.chapter, ln.kind, ln.counterpart) for ln in report.lines]


@pytest.mark.parametrize(
    ("file", "own", "fund", "words"),
    [
        ("BZK.xlsx", "VII", "B", "Overboeking naar Gemeentefonds"),
        ("BZK.xlsx", "VII", "B", "Overboeking naar het Gemeentefonds"),
        ("BZK.xlsx", "VII", "B", "Overboeking naar hoofdstuk B"),
        ("BZK.xlsx", "VII", "C", "Bijdrage aan het Provinciefonds"),
        ("IenW.xlsx", "XII", "A", "Overboeking naar het Infrastructuurfonds"),
        ("IenW.xlsx", "XII", "A", "Overboeking naar Mobiliteitsfonds"),
        ("Defensie.xlsx", "X", "K", "Overboeking naar Defensiematerieelbegrotingsfonds"),
        ("EZ.xlsx", "XIII", "L", "Overboeking naar het Nationaal Groeifonds"),
    ],
)
def test_an_overboeking_to_its_own_fund_names_the_funds_chapter(
    tmp_path: Path, file: str, own: str, fund: str, words: str
) -> None:
    report = validate(tmp_path, {file: table([own, 1, words, 2026, -500])})
    assert where(report) == []  # no transfer-counterpart-unknown
    assert transfers(report) == [(own, "transfer-out", fund)]


def test_both_sides_in_one_file_pair_and_count_nothing(tmp_path: Path) -> None:
    rows = table(
        ["VII", 1, "AI-fabriek", 2026, 3000],
        ["VII", 1, "Overboeking naar Gemeentefonds", 2026, -500],
        ["B", 1, "Overboeking van BZK", 2026, 500],  # on the fund: from the ministry's budget
    )
    report = check(tmp_path, {"BZK.xlsx": rows})
    assert [w for w in where(report) if w[2].startswith(("transfer", "counterpart"))] == []
    assert transfers(report)[1:] == [("VII", "transfer-out", "B"), ("B", "transfer-in", "VII")]
    assert report.files[0].total == Decimal(3_000_000)  # moved within BZK: no contribution
    assert validate(tmp_path / "alone", {"BZK.xlsx": rows}).files[0].total == Decimal(3_000_000)


def test_the_funds_side_in_another_file_pairs_too(tmp_path: Path) -> None:
    files = {
        "BZK.xlsx": table(["VII", 1, "Overboeking", 2026, -500, None, "B"]),
        "Gemeentefonds.xlsx": table(["B", 1, "Overboeking", 2026, 500, None, "VII"]),
    }
    report = check(tmp_path, files)
    assert [w for w in where(report) if w[2].startswith(("transfer", "counterpart"))] == []
    assert sorted(transfers(report)) == [
        ("B", "transfer-in", "VII"),
        ("VII", "transfer-out", "B"),
    ]


def test_a_missing_fund_side_is_unpaired_naming_the_chapters(tmp_path: Path) -> None:
    rows = table(["XII", 1, "Overboeking naar het Infrastructuurfonds", 2026, -700])
    report = check(tmp_path, {"IenW.xlsx": rows})
    unpaired = [f for f in report.findings if f.code == "transfer-unpaired"]
    assert [(f.location.cell, f.code) for f in unpaired] == [("E3", "transfer-unpaired")]
    assert message(unpaired[0]).startswith(
        "No counterpart for this overboeking naar hoofdstuk A in 2026: "
    )
    assert "as an overboeking van hoofdstuk XII in 2026" in message(unpaired[0])


def test_a_wrong_sign_to_its_own_fund_is_transfer_sign(tmp_path: Path) -> None:
    report = validate(tmp_path, {"BZK.xlsx": table(["VII", 1, "Overboeking naar B", 2026, 500])})
    assert where(report) == [("BZK.xlsx", "Blad1!E3", "transfer-sign")]


def test_another_ministry_to_the_fund_still_pairs_with_its_owner(tmp_path: Path) -> None:
    # OCW's overboeking to the Gemeentefonds goes to BZK, as before: another ministry's budget
    report = validate(
        tmp_path, {"OCW.xlsx": table(["VIII", 1, "Overboeking naar het Gemeentefonds", 2026, -500])}
    )
    assert transfers(report) == [("VIII", "transfer-out", "BZK")]


def test_its_own_budget_by_chapter_is_still_an_herschikking(tmp_path: Path) -> None:
    rows = table(
        ["VII", 1, "AI-fabriek", 2026, -500, "Overboeking", "VII"],
        ["VII", 2, "AI-fabriek", 2026, 500, "Overboeking", "BZK"],
    )
    report = validate(tmp_path, {"BZK.xlsx": rows})
    assert [ln.kind for ln in report.lines] == ["herschikking", "herschikking"]


def test_a_misspelt_own_fund_gets_a_did_you_mean(tmp_path: Path) -> None:
    rows = table(["VII", 1, "Overboeking naar het Gemeentefnds", 2026, -500])
    report = validate(tmp_path, {"BZK.xlsx": rows})
    (finding,) = [f for f in report.findings if f.code == "transfer-counterpart-unknown"]
    assert message(finding).endswith("Did you mean Gemeentefonds?")
