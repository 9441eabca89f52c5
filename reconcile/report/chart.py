"""What the contributions chart shows, for every renderer that draws it (terminal, HTML, xlsx).

The bars are the ministries' contributions and their total; the band is the interval the
announcement's wording allows. All are measured on one scale, so the total bar can be read
against the band.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reconcile.model import Interval
from reconcile.report.record import Report


@dataclass(frozen=True)
class ContributionChart:
    bars: tuple[tuple[str, Decimal], ...]  # (ministry, euros), largest first
    total: Decimal
    band: Interval | None  # None for `validate`: nothing announced to hold the total against
    scale: Decimal  # the amount at the right end of the axis

    def fraction(self, amount: Decimal) -> float:
        """Where ``amount`` lies on the axis, 0.0 .. 1.0 (drawing only; never a money value)."""
        if self.scale <= 0:
            return 0.0
        return float(min(max(amount, Decimal(0)), self.scale) / self.scale)

    @property
    def inside(self) -> bool | None:
        return None if self.band is None else self.band.contains(self.total)


def contribution_chart(report: Report) -> ContributionChart:
    """The chart of ``report``: per ministry from the reconciled totals, else per file."""
    if report.totals is not None:
        amounts = dict(report.totals.by_ministry)
    else:
        amounts = {}
        for f in report.files:
            key = f.ministry or f.path
            amounts[key] = amounts.get(key, Decimal(0)) + f.total
    total = report.total
    bars = tuple(sorted(amounts.items(), key=lambda item: (-item[1], item[0])))
    band = report.target.interval if report.target is not None else None
    ends = [total, *(amount for _, amount in bars)]
    if band is not None:
        ends.append(band.high if band.high is not None else band.low * Decimal("1.2"))
    scale = max(ends, default=Decimal(0))
    return ContributionChart(bars, total, band, scale)
