"""The letter's own sums hold in interval arithmetic, also with the computed total put in."""

from __future__ import annotations

from collections.abc import Iterator

from reconcile.codes import make_finding
from reconcile.model import Finding, Interval
from reconcile.rules.context import Reconciliation


def check_arithmetic(rec: Reconciliation) -> Iterator[Finding]:
    announcement = rec.announcement
    amounts = {key: amount.interval for key, amount in announcement.amounts.items()}
    computed = {**amounts, announcement.target: Interval.exactly(rec.totals.total)}
    for rule in announcement.sums:
        total = amounts[rule.total]
        parts = " + ".join(rule.parts)
        letter_sum = _sum(amounts[part] for part in rule.parts)
        if not letter_sum.intersects(total):
            yield make_finding(
                "arithmetic-inconsistent",
                rec.where,
                parts=parts,
                sum=letter_sum,
                total=rule.total,
                interval=total,
            )
            continue
        if announcement.target not in (rule.total, *rule.parts) or not rec.lines:
            continue
        with_computed = _sum(computed[part] for part in rule.parts)
        total_computed = computed[rule.total]
        if not with_computed.intersects(total_computed):
            yield make_finding(
                "arithmetic-with-computed",
                rec.where,
                computed=rec.totals.total,
                key=announcement.target,
                parts=parts,
                sum=with_computed,
                total=rule.total,
                interval=total_computed,
            )


def _sum(intervals: object) -> Interval:
    result: Interval | None = None
    for interval in intervals:  # type: ignore[attr-defined]
        result = interval if result is None else result + interval
    assert result is not None
    return result
