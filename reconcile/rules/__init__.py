"""Reconcile stage: the rules that hold a set of submissions against the announcement.

Each rule is a function of the reconciliation that yields findings; ``RULES`` lists them all,
in the order their findings are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reconcile.model import Finding
from reconcile.rules.arithmetic import check_arithmetic
from reconcile.rules.context import Reconciliation, Submission
from reconcile.rules.contributors import (
    check_duplicate_ministries,
    check_expected_ministries,
    check_largest_contributors,
    check_unexpected_ministries,
)
from reconcile.rules.expectations import check_expectations
from reconcile.rules.herschikking import check_herschikkingen
from reconcile.rules.kasschuif import check_kasschuiven
from reconcile.rules.total import check_total
from reconcile.rules.transfers import check_transfers
from reconcile.rules.units import check_units

Rule = Callable[[Reconciliation], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    check_units,
    check_total,
    check_expected_ministries,
    check_unexpected_ministries,
    check_duplicate_ministries,
    check_largest_contributors,
    check_kasschuiven,
    check_herschikkingen,
    check_transfers,
    check_expectations,
    check_arithmetic,
)


def reconcile(reconciliation: Reconciliation) -> list[Finding]:
    return [finding for rule in RULES for finding in rule(reconciliation)]


__all__ = ["RULES", "Reconciliation", "Submission", "reconcile"]
