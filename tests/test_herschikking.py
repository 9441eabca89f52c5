"""Herschikkingen: money moved between articles of one budget, an internal overboeking
("Overboeking (intern)", as OCW's ontwerpbegroting 2013 writes it). A kind of its own: no other
ministry, no contribution, and its lines add up to zero in each year (docs/en/workbooks.md,
"Line kinds")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.spec import GOOD_SET, check, message, validate, where

HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag", "Soort mutatie"]


def kinded(*lines: list[Any], caption: str = "(bedragen x € 1.000)") -> list[list[Any]]:
    return [[caption], HEADER, *lines]


def kinds(report: Any) -> list[tuple[str, str, str, str]]:
    return [(ln.article, ln.kind, ln.told, f"{ln.amount:.0f}") for ln in report.lines]


@pytest.mark.parametrize(
    "word",
    [
        "Overboeking (intern)",  # OCW, ontwerpbegroting 2013
        "Overboeking intern",
        "Interne overboeking",
        "Herschikking",
        "herschikkingen",
        "Internal transfer",
    ],
)
def test_an_internal_overboeking_that_nets_is_an_herschikking_with_no_finding(
    tmp_path: Path, word: str
) -> None:
    rows = kinded(
        ["VIII", 16, "AI-fabriek", 2026, 3000, None],
        ["VIII", 16, "AI-fabriek naar artikel 3", 2026, -500, word],
        ["VIII", 3, "AI-fabriek van artikel 16", 2026, 500, word],
    )
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert where(report) == []  # it was transfer-counterpart-unknown at each line
    assert kinds(report) == [
        ("16", "reservation", "default", "3000000"),
        ("16", "herschikking", "column", "-500000"),
        ("3", "herschikking", "column", "500000"),
    ]
    assert report.files[0].total == Decimal(3_000_000)  # no contribution


@pytest.mark.parametrize(
    "description",
    [
        "Overboeking (intern) naar artikel 3",
        "AI-fabriek: herschikking naar artikel 3",
        "Interne overboeking AI-fabriek",
    ],
)
def test_a_description_says_an_herschikking_too(tmp_path: Path, description: str) -> None:
    rows = kinded(
        ["VIII", 16, description, 2026, -500, None],
        ["VIII", 3, description + " ", 2026, 500, None],
    )
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert where(report) == []
    assert {(kind, told) for _, kind, told, _ in kinds(report)} == {("herschikking", "description")}


def test_an_herschikking_that_does_not_net_in_a_year_is_an_error_at_its_cells(
    tmp_path: Path,
) -> None:
    rows = kinded(
        ["VIII", 16, "AI-fabriek", 2026, 3000, None],
        ["VIII", 16, "Herschikking naar artikel 3", 2026, -500, "Herschikking"],
        ["VIII", 3, "Herschikking van artikel 16", 2026, 400, "Herschikking"],
        # 2027: each year on its own, so 2026's 100 is not made good by 2027's
        ["VIII", 16, "Herschikking naar artikel 3", 2027, -100, "Herschikking"],
    )
    report = validate(tmp_path, {"OCW.xlsx": rows})
    found = where(report, severities=("error", "info"))
    assert [w for w in found if w[2] != "series-assumed"] == [
        ("OCW.xlsx", "Blad1!E4", "herschikking-not-zero"),
        ("OCW.xlsx", "Blad1!E6", "herschikking-not-zero"),
    ]
    first, second = [f for f in report.findings if f.code == "herschikking-not-zero"]
    assert message(first) == (
        "The herschikking of OCW on chapter VIII (U) adds up to -EUR 100,000 in 2026, not to "
        "zero: its 2 lines at E4, E5."
    )
    assert message(second, "nl") == (
        "De herschikking van OCW op hoofdstuk VIII (U) telt in 2027 op tot € -100.000, niet "
        "tot nul: haar regel in E6."
    )
    # the set says it too, once, and counts none of it
    files = {**GOOD_SET, "OCW.xlsx": rows}
    checked = check(tmp_path / "set", files)
    assert [c for *_, c in where(checked)].count("herschikking-not-zero") == 2


def test_an_herschikking_in_a_table_in_millions_may_be_off_by_its_rounding(
    tmp_path: Path,
) -> None:
    rows = kinded(
        ["VIII", 16, "AI-fabriek", 2026, 3, None],
        ["VIII", 16, "Herschikking", 2026, -1.4, "Herschikking"],
        ["VIII", 3, "Herschikking", 2026, 1.0, "Herschikking"],
        ["VIII", 5, "Herschikking", 2026, 0.3, "Herschikking"],
        caption="(bedragen x € 1 mln)",
    )
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert "herschikking-not-zero" not in [c for *_, c in where(report)]
    (note,) = [f for f in report.findings if f.code == "herschikking-rounding"]
    assert note.location.cell == "E4"


def test_a_counterpart_cell_naming_its_own_ministry_is_right_on_an_herschikking(
    tmp_path: Path,
) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        [*HEADER, "Van/naar"],
        ["VIII", 16, "AI-fabriek", 2026, 3000, None, None],
        ["VIII", 16, "AI-fabriek naar artikel 3", 2026, -500, "Herschikking", "OCW"],
        ["VIII", 3, "AI-fabriek van artikel 16", 2026, 500, "Herschikking", "VIII"],
        ["VIII", 3, "AI-fabriek", 2027, 500, "Herschikking", "EZ"],  # another: not internal
        ["VIII", 16, "AI-fabriek", 2027, -500, "Herschikking", None],
    ]
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert where(report) == [("OCW.xlsx", "Blad1!G6", "counterpart-not-transfer")]


@pytest.mark.parametrize("label", ["Van/naar artikel", "Naar artikel", "Tegenartikel"])
def test_an_overboeking_beside_its_other_article_is_an_herschikking(
    tmp_path: Path, label: str
) -> None:
    # "Overboeking" in the kind column, no ministry named, and the other article in a column
    # of its own: a move within the budget (it was transfer-counterpart-unknown at each line)
    rows = [
        ["(bedragen x € 1.000)"],
        [*HEADER, label],
        ["VIII", 16, "AI-fabriek", 2026, 3000, None, None],
        ["VIII", 16, "AI-fabriek", 2026, -500, "Overboeking", 3],
        ["VIII", 3, "AI-fabriek", 2026, 500, "Overboeking", 16],
        ["VIII", 16, "AI-fabriek naar BZK", 2027, -200, "Overboeking", None],  # a ministry named
    ]
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert [(a, k) for a, k, _, _ in kinds(report)] == [
        ("16", "reservation"),
        ("16", "herschikking"),
        ("3", "herschikking"),
        ("16", "transfer-out"),
    ]
    assert where(report) == []


@pytest.mark.parametrize(
    ("word", "description", "cells"),
    [
        ("Overboeking", "AI-fabriek", ("OCW", "OCW")),  # the kind column says overboeking
        ("Overboeking naar", "AI-fabriek", ("VIII", "hoofdstuk VIII")),  # its own chapter
        (None, "Overboeking naar artikel 3", ("Onderwijs, Cultuur en Wetenschap", "OCW")),
        ("Ovb.", "AI-fabriek", ("naar OCW", "van OCW")),
        # the cell as a letterhead writes it: "Ministerie van" says no direction
        ("Overboeking", "AI-fabriek", ("Ministerie van OCW", "naar het ministerie van OCW")),
    ],
)
def test_an_overboeking_to_its_own_ministry_is_read_as_an_herschikking_with_a_note(
    tmp_path: Path, word: str | None, description: str, cells: tuple[str, str]
) -> None:
    # Money moved to one's own budget stays on it: an herschikking between its articles (it
    # was counterpart-unknown, an error, at each cell), not counted, netting to zero per year
    rows = [
        ["(bedragen x € 1.000)"],
        [*HEADER, "Van/naar"],
        ["VIII", 16, "AI-fabriek", 2026, 3000, None, None],
        ["VIII", 16, description, 2026, -500, word, cells[0]],
        ["VIII", 3, description, 2026, 500, word, cells[1]],
    ]
    report = validate(tmp_path, {"OCW.xlsx": rows})
    assert where(report) == []
    assert [w for w in where(report, severities=("info",)) if w[2] == "transfer-internal"] == [
        ("OCW.xlsx", "Blad1!G4", "transfer-internal"),
        ("OCW.xlsx", "Blad1!G5", "transfer-internal"),
    ]
    assert [k for _, k, _, _ in kinds(report)] == ["reservation", "herschikking", "herschikking"]
    assert report.files[0].total == Decimal(3_000_000)  # no contribution
    first = next(f for f in report.findings if f.code == "transfer-internal")
    assert f'"{cells[0]}" in the “Van/naar” cell names this file\'s own ministry' in message(first)
    assert message(first, "nl").startswith("Gelezen als een herschikking: ")


def test_an_overboeking_to_a_fund_its_minister_answers_for_is_no_herschikking(
    tmp_path: Path,
) -> None:
    # VII to the Gemeentefonds (B, BZK's): money moved to another budget, not between the
    # articles of one: an overboeking naar hoofdstuk B (tests/test_own_budgets.py), never
    # read as internal
    rows = [
        ["(bedragen x € 1.000)"],
        [*HEADER, "Van/naar"],
        ["VII", 1, "AI-fabriek", 2026, -500, "Overboeking", "Gemeentefonds"],
    ]
    report = validate(tmp_path, {"BZK.xlsx": rows})
    assert where(report) == []
    assert [(ln.kind, ln.counterpart) for ln in report.lines] == [("transfer-out", "B")]


def test_an_overboeking_to_itself_that_does_not_net_is_still_an_error(tmp_path: Path) -> None:
    # the own ministry typed by mistake (meant: BZK) shows as an herschikking that does not add
    # up; a reservation whose cell alone names its own ministry stays counterpart-unknown
    rows = [
        ["(bedragen x € 1.000)"],
        [*HEADER, "Van/naar"],
        ["VIII", 16, "AI-fabriek", 2026, 3000, None, "OCW"],
        ["VIII", 16, "AI-fabriek", 2026, -500, "Overboeking", "OCW"],
    ]
    report = validate(tmp_path, {"OCW.xlsx": rows})
    found = where(report, severities=("error", "info"))
    assert [w for w in found if w[2] != "series-assumed"] == [
        ("OCW.xlsx", "Blad1!G3", "counterpart-unknown"),
        ("OCW.xlsx", "Blad1!E4", "herschikking-not-zero"),
        ("OCW.xlsx", "Blad1!G4", "transfer-internal"),
    ]


def test_an_overboeking_whose_words_name_another_ministry_is_not_read_as_internal(
    tmp_path: Path,
) -> None:
    # "van OCW" in OCW's cell beside "Overboeking naar BZK": the money leaves for BZK, whatever
    # the cell says; read as an herschikking it went uncounted, said to stay on OCW's budget
    rows = [
        ["(bedragen x € 1.000)"],
        [*HEADER, "Van/naar"],
        ["VIII", 16, "AI-fabriek", 2026, 3000, None, None],
        ["VIII", 16, "Overboeking naar BZK", 2026, -500, "Overboeking", "van OCW"],
    ]
    report = validate(tmp_path, {"OCW.xlsx": rows})
    found = where(report, severities=("error", "info"))
    assert [w for w in found if w[2] != "series-assumed"] == [
        ("OCW.xlsx", "Blad1!G4", "counterpart-unknown"),
    ]
    assert [k for _, k, _, _ in kinds(report)] == ["reservation", "transfer-out"]
