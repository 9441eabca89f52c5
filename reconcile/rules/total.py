"""The reserved lines add up to an amount inside the announced interval."""

from __future__ import annotations

from collections.abc import Iterator

from reconcile.codes import make_finding
from reconcile.model import Finding
from reconcile.rules.context import Reconciliation


def check_total(rec: Reconciliation) -> Iterator[Finding]:
    if not rec.lines:
        yield make_finding("no-lines", rec.where)
        return
    target = rec.announcement.target_amount
    total = rec.totals.total
    difference = target.interval.distance(total)
    if difference == 0:
        return
    code = "total-above-announced" if difference > 0 else "total-below-announced"
    yield make_finding(
        code,
        rec.where,
        total=total,
        announced=f'"{target.text}"',
        interval=target.interval,
        difference=abs(difference),
    )
