"""A subtotal someone did not label in a long table: a row with an amount but no description,
whose amount is the sum of the lines above it in its group (docs/en/workbooks.md, "Totals
rows"), is checked and not counted; any other row without a description stays a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.spec import message, validate, where

TITLE: list[list[Any]] = [["Ministerie van Economische Zaken"], ["(bedragen x € 1.000)"], []]
LONG = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]


def amounts(report: Any) -> list[str]:
    return [f"{ln.amount:.0f}" for ln in report.lines]


def test_an_unlabelled_subtotal_per_article_is_checked_not_counted(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "AI-fabriek", 2026, 100],
        ["XIII", 2, "Regio Groningen", 2026, 200],
        ["XIII", 2, None, None, 300],  # article 2's subtotal, unlabelled
        ["XIII", 3, "TNO", 2026, 50],
        ["XIII", 3, "NWO", 2026, 25],
        ["XIII", 3, None, None, 75],
        ["Totaal", None, None, None, 375],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!E7", "subtotal-unlabelled"),
        ("EZ.xlsx", "Blad1!E10", "subtotal-unlabelled"),
    ]  # no missing-value, no empty-description; the Totaal counts each line once
    assert amounts(report) == ["100000", "200000", "50000", "25000"]
    first = next(f for f in report.findings if f.code == "subtotal-unlabelled")
    assert message(first) == (
        "This row has no description and its amount, EUR 300,000, is the sum of the 2 lines "
        "above it: it is read as a subtotal, checked and not counted."
    )
    assert message(first, "nl").startswith("Deze rij heeft geen omschrijving")


def test_an_unlabelled_subtotal_of_a_year_sums_that_years_lines(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
        ["XIII", 2, "Regio", 2026, 900],
        ["XIII", 2, None, 2026, 14000],  # 2026's lines: 13100 + 900
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!E8", "subtotal-unlabelled")]
    assert amounts(report) == ["5100000", "13100000", "900000"]


def test_a_kind_heading_starts_the_group_an_unlabelled_subtotal_sums(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["Intensiveringen"],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
        ["XIII", 2, "Regio", 2026, 900],
        ["XIII", 2, None, None, 14000],
        ["Kasschuiven"],
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, -5100],
        ["XIII", 2, None, None, 0],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!E8", "subtotal-unlabelled"),
        ("EZ.xlsx", "Blad1!E12", "subtotal-unlabelled"),
    ]
    assert [ln.kind for ln in report.lines] == [
        "reservation",
        "reservation",
        "kasschuif",
        "kasschuif",
    ]


def test_a_row_without_description_whose_amount_is_no_such_sum_stays_a_line(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "AI-fabriek", 2026, 100],
        ["XIII", 2, "Regio", 2026, 200],
        ["XIII", 2, None, 2026, 250],  # 250 is no sum: a line whose description is missing
        ["XIII", 3, "TNO", 2026, 40],
        ["XIII", 3, None, 2026, 40],  # the sum of one line only: a line too
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!C7", "empty-description"),
        ("EZ.xlsx", "Blad1!C9", "empty-description"),
    ]
    assert amounts(report) == ["100000", "200000", "250000", "40000", "40000"]


def test_lines_that_all_lack_a_description_are_all_lines(tmp_path: Path) -> None:
    """100 + 200 = 300, but no line above is described: the 300 is one of them."""
    rows = [*TITLE, LONG, *[["XIII", 2, None, 2026, n] for n in (100, 200, 300)]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert "subtotal-unlabelled" not in {f.code for f in report.findings}
    assert amounts(report) == ["100000", "200000", "300000"]
