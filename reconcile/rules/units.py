"""A file whose amounts are a thousand times what the reservation could hold: whole euros
typed under a caption that says thousands (or millions)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from reconcile.announcement import Announcement
from reconcile.codes import make_finding
from reconcile.model import Finding
from reconcile.money import unit_label
from reconcile.rules.context import Reconciliation, Submission

# How far beyond the whole reservation a file's lines must go to be in doubt: a hundred
# times is no slip of a line, and a file typed in euros under "x € 1.000" reads a thousand
# times too large (the sweep of filled workbooks: EZ's EUR 25 mln as EUR 25 bn).
BEYOND = 100


def check_units(rec: Reconciliation) -> Iterator[Finding]:
    return unit_findings(rec.submissions, rec.announcement)


def unit_findings(
    submissions: Iterable[Submission], announcement: Announcement
) -> Iterator[Finding]:
    """Each file whose lines add up (gross: kasschuiven do not cancel here) to more than
    ``BEYOND`` times the announced amount, where read as whole euros they would fit in it:
    `validate` asks this too, since the ministry can see it before it sends its file."""
    interval = announcement.target_amount.interval
    announced = interval.high if interval.high is not None else interval.low
    if announced <= 0:
        return
    for sub in submissions:
        if sub.unit is None or sub.unit <= 1 or not sub.lines:
            continue
        gross = sum((abs(line.amount) for line in sub.lines), Decimal(0))
        if gross <= BEYOND * announced or gross / sub.unit > announced:
            continue
        largest = max(sub.lines, key=lambda line: abs(line.amount))
        yield make_finding(
            "unit-implausible",
            largest.source,
            total=gross,
            times=int(gross / announced),
            announced=f'"{announcement.target_amount.text}"',
            euros=gross / sub.unit,
            unit=unit_label(sub.unit),
        )
