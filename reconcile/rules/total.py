"""The reserved lines add up to an amount inside the announced interval."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reconcile.codes import make_finding
from reconcile.model import Finding, Phrase, counted
from reconcile.rules.context import Reconciliation


def check_total(rec: Reconciliation) -> Iterator[Finding]:
    if not rec.lines:
        published: Phrase | str = ""
        if rec.published:  # their lines were read, and are shown: say why none counts
            files = ", ".join(rec.published)
            published = Phrase(
                " from a ministry's workbook: a published table ({files}) is checked on its "
                "own and counts towards no reservation (run validate on it)",
                {"files": files},
            )
        yield make_finding("no-lines", rec.where, published=published)
        return
    target = rec.announcement.target_amount
    total = rec.totals.total
    doubtful = sum((line.amount for line in rec.doubtful), Decimal(0))
    clean = total - doubtful
    # The advice counts the lines without errors; where they are inside the interval and only
    # the doubtful lines take the total out of it, that is said instead.
    judged = clean if target.interval.distance(clean) else total
    difference = target.interval.distance(judged)
    if difference == 0:
        return
    code = "total-above-announced" if difference > 0 else "total-below-announced"
    said: Phrase | str = ""
    if rec.doubtful:
        low, high = sorted((clean, total))
        said = counted(
            " The {count} line with errors amounts to {doubtful}; the total lies between "
            "{low} (without it) and {high} (with it).",
            " The {count} lines with errors amount to {doubtful}; the total lies between "
            "{low} (without them) and {high} (with them).",
            {"count": len(rec.doubtful), "doubtful": doubtful, "low": low, "high": high},
        )
    lines = "The lines without errors" if rec.doubtful and judged == clean else "The reserved lines"
    yield make_finding(
        code,
        rec.where,
        lines=lines,
        total=judged,
        announced=f'"{target.text}"',
        interval=target.interval,
        difference=abs(difference),
        doubtful=said,
    )
