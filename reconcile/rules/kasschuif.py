"""A kasschuif nets to zero over its years, per ministry and name (its description)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from reconcile.codes import make_finding
from reconcile.kinds import ROUNDED_FROM, Kind, fold
from reconcile.model import BudgetLine, Finding
from reconcile.money import unit_label
from reconcile.rules.context import Reconciliation, Submission


def check_kasschuiven(rec: Reconciliation) -> Iterator[Finding]:
    return kasschuif_findings(rec.submissions)


def kasschuif_findings(submissions: Iterable[Submission]) -> Iterator[Finding]:
    """Each file's kasschuiven on their own: `validate` asks this too, since a ministry can
    see its own kasschuif does not net before it sends its file."""
    for sub in submissions:
        groups: dict[str, list[BudgetLine]] = {}
        for line in sub.lines:
            if line.kind == Kind.KASSCHUIF:
                groups.setdefault(fold(line.description), []).append(line)
        unit = sub.unit or Decimal(1)
        off = [name for name, lines in groups.items() if _off(lines, unit)]
        joined = [ln for name in off for ln in groups[name]]
        if len(off) > 1 and all(map(_one_way, (groups[n] for n in off))) and not _off(joined, unit):
            # "Kasschuif naar 2025" and "Kasschuif uit 2026": one kasschuif, worded per row
            # (each name moves money one way; two that each move it both ways and miss are
            # two slips, however they cancel)
            first = groups[off[0]][0]
            names = ", ".join(f'"{groups[name][0].description}"' for name in off)
            owner = sub.ministry or PurePath(first.source.file).name
            yield make_finding("kasschuif-joined", first.source, names=names, ministry=owner)
            groups = {name: lines for name, lines in groups.items() if name not in off}
        for lines in groups.values():
            total = sum((line.amount for line in lines), Decimal(0))
            if total == 0:
                continue
            first = lines[0]
            years = sorted({line.year for line in lines})
            # a file whose ministry cannot be told is named by its file, not by "?"
            owner = sub.ministry or PurePath(first.source.file).name
            params = {"name": f'"{first.description}"', "ministry": owner, "sum": total}
            within = rounding(lines, unit, total)
            if within is not None:
                yield make_finding("kasschuif-rounding", first.source, **params, **within)
                continue
            yield make_finding(
                "kasschuif-not-zero",
                first.source,
                **params,
                years=", ".join(map(str, years)),
            )


def rounding(lines: list[BudgetLine], unit: Decimal, total: Decimal) -> dict[str, Any] | None:
    """The unit and the rounding allowed, for a note, when lines that should net to zero add
    up to ``total`` within their rounding; None when they are off by more."""
    allowed = rounding_allowed(lines, unit)
    return {"unit": unit_label(unit), "allowed": allowed} if abs(total) <= allowed else None


def rounding_allowed(lines: list[BudgetLine], unit: Decimal) -> Decimal:
    """How far from zero rounding may leave a kasschuif: half the unit per amount in a table
    in millions (or more), nothing in thousands or euros."""
    return unit / 2 * len(lines) if unit >= ROUNDED_FROM else Decimal(0)


def _off(lines: list[BudgetLine], unit: Decimal) -> bool:
    """Whether kasschuif lines add up to more than their rounding away from zero."""
    return abs(sum((line.amount for line in lines), Decimal(0))) > rounding_allowed(lines, unit)


def _one_way(lines: list[BudgetLine]) -> bool:
    """Whether kasschuif lines all take money out of years, or all put it in: one side of a
    kasschuif."""
    return all(line.amount > 0 for line in lines) or all(line.amount < 0 for line in lines)
