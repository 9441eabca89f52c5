"""A totals row that does not add up by a factor of a thousand says where the factor is.

The most common slip in a table "x € 1.000" is an amount typed in euros (a thousand times too
large), and a real export (the begrotingsstaten of 2014, tests/editions/) lost all three zeros
of some amounts ("210" for 210.000): the total shows it, and now names the cell.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reconcile.codes import render_message
from reconcile.read.find_table import find_header
from reconcile.read.make_lines import read_table
from reconcile.read.read_cells_xlsx import Grid
from reconcile.validate.totals import check_totals
from tests.spec import message


def _mismatch(*amounts: int, total: int) -> list[str]:
    """The total-mismatch messages of a long table in thousands with these lines' amounts
    (rows 3 on, column E) and a Totaal row stating ``total``."""
    rows: list[tuple[object, ...]] = [
        ("(bedragen x € 1.000)",),
        ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
        *[("XIII", n, f"Regel {n}", 2026, amount) for n, amount in enumerate(amounts, 1)],
        ("Totaal", None, None, 2026, total),
    ]
    grid = Grid("Blad1", False, rows, lambda r, c: None)
    header = find_header(grid.rows)
    assert header is not None
    findings = check_totals(read_table(grid, header, "EZ.xlsx"))
    assert all(f.code == "total-mismatch" for f in findings)
    return [message(f) for f in findings]


def test_a_line_typed_in_euros_in_a_table_in_thousands_is_named() -> None:
    [said] = _mismatch(25_000, 30_000_000, total=55_000)
    assert said.endswith(
        " With EUR 30,000,000 instead of EUR 30,000,000,000 at E4, a thousandth of it, the "
        "total adds up."
    )


def test_a_line_that_lost_three_zeros_is_named() -> None:
    [said] = _mismatch(25_000, 30, total=55_000)
    assert said.endswith(
        " With EUR 30,000,000 instead of EUR 30,000 at E4, a thousand times as much, the total "
        "adds up."
    )


@pytest.mark.parametrize(
    ("total", "hint"),
    [
        (55_000_000, " The total is a thousand times its lines' sum: is its unit right?"),
        (55, " The total is a thousandth of its lines' sum: have three zeros been lost?"),
    ],
)
def test_a_total_a_thousand_times_off_its_lines_says_so(total: int, hint: str) -> None:
    [said] = _mismatch(25_000, 30_000, total=total)
    assert said.endswith(hint)


def test_the_one_line_a_total_leaves_out_is_named() -> None:
    # a SUM whose range misses the last row: the total is the others' sum
    [said] = _mismatch(25_000, 30_000, 4_000, total=29_000)
    assert said.endswith(
        " Without EUR 30,000,000 at E4 the total adds up: does it leave that line out?"
    )


@pytest.mark.parametrize(
    "amounts",
    [
        (25_000, 29_000),  # off by 1,000: no line explains it by a factor
        (30, 30, 25_030),  # either 30 would (30.000): which is unknown, so neither is named
        (25_000, 30_000, 30_000),  # either 30.000 could be the one left out
    ],
)
def test_nothing_is_guessed_where_no_one_line_explains_the_difference(
    amounts: tuple[int, ...],
) -> None:
    [said] = _mismatch(*amounts, total=55_060 if 30 in amounts else 55_000)
    assert said.endswith(")."), said


def test_the_hint_is_said_in_dutch_too() -> None:
    rows: list[tuple[object, ...]] = [
        ("(bedragen x € 1.000)",),
        ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
        ("XIII", 1, "Regel 1", 2026, 25_000),
        ("XIII", 2, "Regel 2", 2026, 30),
        ("Totaal", None, None, 2026, 55_000),
    ]
    grid = Grid("Blad1", False, rows, lambda r, c: None)
    header = find_header(grid.rows)
    assert header is not None
    [finding] = check_totals(read_table(grid, header, "EZ.xlsx"))
    assert finding.params["computed"] == Decimal(25_030_000)
    assert render_message(finding, "nl").endswith(
        " Met € 30.000.000 in plaats van € 30.000 in E4, duizend keer zoveel, klopt het totaal."
    )
