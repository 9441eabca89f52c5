"""The reserved amounts per ministry and year: one table the summary workbook and the HTML
report both show."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from reconcile.model import Report


def ministry_years(report: Report) -> tuple[list[int], dict[tuple[str, int], Decimal]]:
    """The years to show (the announcement's, then any other a line has) and the amount of
    each (ministry, year)."""
    years = list(report.announcement.years) if report.announcement else []
    years += sorted({line.year for line in report.lines} - set(years))
    amounts: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    for line in report.lines:
        amounts[(line.ministry, line.year)] += line.amount
    return years, dict(amounts)
