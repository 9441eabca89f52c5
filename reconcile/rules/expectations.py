"""Per-ministry and per-year amounts, where the announcement expects them."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reconcile.codes import make_finding
from reconcile.model import Finding
from reconcile.rules.context import Reconciliation


def check_expectations(rec: Reconciliation) -> Iterator[Finding]:
    if not rec.lines:  # nothing to weigh: no-lines says so
        return
    for expectation in rec.announcement.expectations:
        lines = [
            line
            for line in rec.lines
            if (expectation.ministry is None or line.ministry == expectation.ministry)
            and (expectation.year is None or line.year == expectation.year)
        ]
        total = sum((rec.counted(line) for line in lines), Decimal(0))  # after kasschuiven
        interval = expectation.amount.interval
        difference = interval.distance(total)
        if difference == 0:
            continue
        scope = " in ".join(
            str(part) for part in (expectation.ministry, expectation.year) if part is not None
        )
        where = rec.file_of(expectation.ministry) if expectation.ministry else rec.where
        yield make_finding(
            "expectation-not-met",
            where,
            scope=scope,
            total=total,
            announced=f'"{expectation.amount.text}"',
            interval=interval,
            difference=difference,
        )
