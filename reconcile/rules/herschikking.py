"""An herschikking (an internal overboeking) nets to zero in each year, per budget and series:
what one article of a budget gives, its other articles take."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import PurePath

from reconcile.codes import make_finding
from reconcile.kinds import Kind
from reconcile.model import BudgetLine, Finding
from reconcile.rules.context import Reconciliation, Submission
from reconcile.rules.kasschuif import rounding


def check_herschikkingen(rec: Reconciliation) -> Iterator[Finding]:
    return herschikking_findings(rec.submissions)


def herschikking_findings(submissions: Iterable[Submission]) -> Iterator[Finding]:
    """Each file's herschikkingen on their own (`validate` asks this too): per chapter, series
    and year, their amounts add up to zero; off by more than a table's rounding is an error
    at the first line's cell, naming the others'."""
    for sub in submissions:
        groups: dict[tuple[str, str, int], list[BudgetLine]] = {}
        for line in sub.lines:
            if line.kind == Kind.HERSCHIKKING:
                groups.setdefault((line.chapter, line.series, line.year), []).append(line)
        unit = sub.unit or Decimal(1)
        for (chapter, series, year), lines in groups.items():
            total = sum((line.amount for line in lines), Decimal(0))
            if total == 0:
                continue
            first = lines[0]
            params = {
                "chapter": chapter,
                "series": series,
                "year": year,
                "sum": total,
                "ministry": sub.ministry or PurePath(first.source.file).name,
                "cells": ", ".join(line.source.cell or line.source.place for line in lines),
                "count": len(lines),
            }
            within = rounding(lines, unit, total)
            if within is not None:
                yield make_finding("herschikking-rounding", first.source, **params, **within)
            else:
                yield make_finding("herschikking-not-zero", first.source, **params)
