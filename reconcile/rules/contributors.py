"""The right ministries contributed, each once, and the largest contributors are the largest."""

from __future__ import annotations

from collections.abc import Iterator

from reconcile.codes import make_finding
from reconcile.model import CellRef, Finding
from reconcile.rules.context import Reconciliation


def check_expected_ministries(rec: Reconciliation) -> Iterator[Finding]:
    submitted = {sub.ministry for sub in rec.submissions if sub.lines}
    for code in rec.announcement.expected:
        if code not in submitted:
            yield make_finding("ministry-missing", rec.where, ministry=code)


def check_unexpected_ministries(rec: Reconciliation) -> Iterator[Finding]:
    expected = rec.announcement.expected
    if not expected:
        return
    for sub in rec.submissions:
        if sub.ministry is not None and sub.ministry not in expected:
            yield make_finding(
                "ministry-unexpected",
                CellRef(sub.path),
                ministry=sub.ministry,
                expected=", ".join(expected),
            )


def check_duplicate_ministries(rec: Reconciliation) -> Iterator[Finding]:
    by_ministry: dict[str, list[str]] = {}
    for sub in rec.submissions:
        if sub.ministry is not None:
            by_ministry.setdefault(sub.ministry, []).append(sub.path)
    for ministry, paths in by_ministry.items():
        paths.sort()  # the same finding whichever order the files were given in
        for path in paths[1:]:
            yield make_finding(
                "ministry-duplicate", CellRef(path), ministry=ministry, files=", ".join(paths)
            )


def check_largest_contributors(rec: Reconciliation) -> Iterator[Finding]:
    """Every named largest contributor reserves more than every other ministry."""
    if not rec.lines:  # nothing to compare: no-lines says so
        return
    totals = rec.totals.by_ministry
    largest = [code for code in rec.announcement.largest if code in totals]
    others = {code: amount for code, amount in totals.items() if code not in largest}
    if not others:
        return
    top_other = max(sorted(others), key=lambda code: others[code])
    for code in largest:
        if totals[code] <= others[top_other]:
            yield make_finding(
                "largest-contributor",
                rec.file_of(code),
                ministry=code,
                amount=totals[code],
                other=top_other,
                other_amount=others[top_other],
            )
