"""The Report answers what every renderer shows: the total, the order, the shares, the gap."""

from __future__ import annotations

from decimal import Decimal

from reconcile.model import (
    AnnouncedAmount,
    BudgetLine,
    CellRef,
    FileResult,
    Interval,
    Totals,
)
from reconcile.report.record import Report


def _file(path: str, ministry: str | None, total: str, lines: int = 1) -> FileResult:
    return FileResult(
        path, "0" * 64, ministry, None, "wide", None, Decimal(1000), lines, Decimal(total)
    )


FILES = (
    _file("b.xlsx", "OCW", "300", 2),
    _file("a.xlsx", "EZ", "600", 3),
    _file("c.xlsx", None, "300"),
)


def test_validate_counts_the_files_and_orders_them_largest_first() -> None:
    report = Report("validate", FILES, (), ())
    assert report.total == Decimal(1200)
    assert report.lines_counted == 6
    assert [f.path for f in report.files_by_contribution()] == ["a.xlsx", "b.xlsx", "c.xlsx"]
    assert [report.share(f.total) for f in report.files_by_contribution()] == [
        Decimal("50.0"),
        Decimal("25.0"),
        Decimal("25.0"),
    ]
    assert report.difference is None


def test_a_zero_total_has_no_shares() -> None:
    report = Report("validate", (_file("a.xlsx", "EZ", "0"),), (), ())
    assert report.share(Decimal(0)) is None


def test_check_counts_the_reconciled_total_and_its_distance_to_the_interval() -> None:
    totals = Totals(Decimal(900), {"EZ": Decimal(600), "OCW": Decimal(300)}, {})
    target = AnnouncedAmount("rijk", "bijna 1000", Interval(Decimal(950), Decimal(1000)))
    report = Report("check", FILES, (), (), target=target, totals=totals)
    assert report.total == Decimal(900)  # the reconciled total, not the files' sum
    assert report.difference == Decimal(-50)
    assert report.share(Decimal(300)) == Decimal("33.3")


def test_budget_lines_are_equal_and_hashed_by_their_fields() -> None:
    """Lines are made without frozen's per-field calls, but compare and hash as before."""

    def line(amount: str, cell: str = "F3") -> BudgetLine:
        return BudgetLine(
            "EZ",
            "XIII",
            "1",
            "AI-fabriek",
            "V",
            2026,
            Decimal(amount),
            CellRef("f.xlsx", "S", cell),
        )

    assert line("1.5") == line("1.50")
    assert hash(line("1.5")) == hash(line("1.50"))
    assert len({line("1.5"), line("1.50"), line("2"), line("1.5", "F4")}) == 3
    assert line("1.5") != line("1.5", "F4")
