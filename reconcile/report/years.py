"""The amounts per ministry and year, counted once: one table the summary workbook and the HTML
report both show."""

from __future__ import annotations

from decimal import Decimal

from reconcile.report.record import Report


def ministry_years(report: Report) -> tuple[list[int], dict[tuple[str, int], Decimal]]:
    """The years to show (the announcement's, then any other a line has) and the amount of
    each (ministry, year), counted once and after kasschuiven (``Totals.by_ministry_year``)."""
    years = list(report.announcement.years) if report.announcement else []
    years += sorted({line.year for line in report.lines} - set(years))
    profiles = report.totals.by_ministry_year if report.totals is not None else {}
    amounts = {
        (ministry, year): amount
        for ministry, profile in profiles.items()
        for year, amount in profile.items()
    }
    return years, amounts
