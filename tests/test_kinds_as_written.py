"""A line's kind and its other ministry as finance officers write them in their own tables: a
kind heading typed in a long table's chapter column, a vrijval written positive, a separate
Van/naar column (docs/en/workbooks.md, "Line kinds")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.spec import message, validate, where

TITLE: list[list[Any]] = [["Ministerie van Economische Zaken"], ["(bedragen x € 1.000)"], []]
LONG = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]


def told(report: Any) -> list[tuple[int, str, str, str | None, str]]:
    """The counted lines as (year, kind, told, counterpart, amount in euros)."""
    return [(ln.year, ln.kind, ln.told, ln.counterpart, f"{ln.amount:.0f}") for ln in report.lines]


# --- a kind heading in a long table ----------------------------------------------------------


def test_a_kind_heading_in_a_long_tables_chapter_column_gives_its_lines_their_kind(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        LONG,
        ["Reserveringen"],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
        ["Kasschuiven"],
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, -5100],
        ["Overboekingen"],
        ["XIII", 2, "Overboeking van OCW", 2026, 8000],
        ["Totaal", None, None, None, 21100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []  # no heading is a line with an unknown chapter and no amount
    assert told(report) == [
        (2026, "reservation", "heading", None, "13100000"),
        (2025, "kasschuif", "heading", None, "5100000"),
        (2026, "kasschuif", "heading", None, "-5100000"),
        (2026, "transfer-in", "heading", "OCW", "8000000"),
    ]


def test_a_long_tables_kind_heading_with_an_amount_is_a_checked_subtotal(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["Intensiveringen", None, None, None, 20000],
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!E5", "total-mismatch")]
    (finding,) = [f for f in report.findings if f.code == "total-mismatch"]
    assert message(finding) == (
        "“Intensiveringen” says EUR 20,000,000 but the lines it covers add up to EUR "
        "18,200,000 (difference EUR 1,800,000)."
    )


def test_a_long_tables_row_with_a_year_is_a_line_whatever_its_description(
    tmp_path: Path,
) -> None:
    """A row naming its year is a line, though its description is a kind's word alone: the
    kind is told from the description, as for any line."""
    rows = [*TITLE, LONG, ["XIII", 2, "AI-fabriek", 2025, 5100], ["XIII", 2, "Kasschuif", 2026, 0]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert [(ln.description, ln.kind) for ln in report.lines] == [
        ("AI-fabriek", "reservation"),
        ("Kasschuif", "kasschuif"),
    ]
