"""The Report of one run: what it read and found, its verdict and its exit code.

It sits above the records (reconcile.model) and may use the catalogue; the records below
it hold data only. Renderers present a Report and compute nothing of their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reconcile.model import (
    AnnouncedAmount,
    BudgetLine,
    FileResult,
    Finding,
    Kind,
    Severity,
    Totals,
)

if TYPE_CHECKING:  # the command line starts without pathlib
    from pathlib import Path


@dataclass(frozen=True)
class Report:
    """Everything one run found; renderers only present it."""

    command: str  # "check" or "validate"
    files: tuple[FileResult, ...]
    lines: tuple[BudgetLine, ...]
    findings: tuple[Finding, ...]
    announcement: Any | None = None  # reconcile.announcement.Announcement for "check"
    target: AnnouncedAmount | None = None
    totals: Totals | None = None
    fail_on: str = "error"  # the least severity that fails the run: error, warning or never
    # Every file the run read or looked for, as found on disk (folders expanded, the
    # announcement among them): no output is ever written over one of them.
    inputs: tuple[Path, ...] = ()

    @property
    def total(self) -> Decimal:
        """The counted total: the reconciled one for ``check``, else the files' subtotals."""
        if self.totals is not None:
            return self.totals.total
        return sum((f.total for f in self.files), Decimal(0))

    @property
    def lines_counted(self) -> int:
        """The lines the file table's Total row stands for: those of the files that are
        counted. An open-data table (read with a layout) is checked, not counted, so beside a
        workbook its lines are left out, as its subtotal is; a run of open-data tables alone
        totals the amounts they read."""
        counted = [f for f in self.files if f.layout is None]
        return sum(f.lines for f in counted or self.files)

    @property
    def has_transfers(self) -> bool:
        """Overboekingen between contributors were counted: the per-ministry views show what
        each transferred out and received."""
        totals = self.totals
        return totals is not None and bool(totals.transferred_out or totals.received)

    def transfers_of(self, ministry: str | None) -> tuple[Decimal, Decimal]:
        """What ``ministry`` transferred out to other contributors, and what it received."""
        if self.totals is None or ministry is None:
            return Decimal(0), Decimal(0)
        return (
            self.totals.transferred_out.get(ministry, Decimal(0)),
            self.totals.received.get(ministry, Decimal(0)),
        )

    @property
    def shows_profile(self) -> bool:
        """A line is more than a reservation: the views show the profile per year after
        kasschuiven (``Totals.by_year``, ``Totals.kasschuiven_by_year``)."""
        return self.totals is not None and any(ln.kind != "reservation" for ln in self.lines)

    def kinds_by_file(self) -> dict[str, dict[str, tuple[int, Decimal]]]:
        """Per file, per kind of mutation (in the order of ``reconcile.kinds.Kind``): how many
        counted lines, and their amounts as the file shows them."""
        order = {kind.value: index for index, kind in enumerate(Kind)}
        found: dict[str, dict[str, tuple[int, Decimal]]] = defaultdict(dict)
        none = (0, Decimal(0))
        for line in self.lines:
            kinds = found[line.source.file]
            count, amount = kinds.get(line.kind, none)
            kinds[line.kind] = (count + 1, amount + line.amount)
        return {
            path: dict(sorted(kinds.items(), key=lambda item: order.get(item[0], len(order))))
            for path, kinds in found.items()
        }

    def files_by_contribution(self) -> list[FileResult]:
        """The files, largest contribution first (then by ministry and path: deterministic)."""
        return sorted(self.files, key=lambda f: (-f.total, f.ministry or "~", f.path))

    def share(self, amount: Decimal) -> Decimal | None:
        """``amount`` as a percentage of the total, to one decimal; None when the total is 0."""
        if not self.total:
            return None
        return (amount * 100 / self.total).quantize(Decimal("0.1"))

    @property
    def difference(self) -> Decimal | None:
        """How far the total lies outside the announced interval (negative below, 0 inside);
        None when nothing was announced to hold it against."""
        if self.target is None or self.totals is None:
            return None
        return self.target.interval.distance(self.totals.total)

    @property
    def incomplete(self) -> bool:
        """True when an input could not be read at all: the verdict does not cover it."""
        return any(f.fatal for f in self.findings)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def notes(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.INFO)

    def fails(self, finding: Finding) -> bool:
        """True when ``finding`` fails the run: its severity reaches ``fail_on``, or it is fatal."""
        threshold = {"error": 0, "warning": 1, "never": -1}[self.fail_on]
        return finding.severity.rank <= threshold or finding.fatal

    @property
    def exit_code(self) -> int:
        """0 valid and reconciled, 1 a finding fails the run (by default: any error), 2 an
        input could not be read."""
        if self.incomplete:
            return 2
        return 1 if any(self.fails(f) for f in self.findings) else 0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0

    @property
    def verdict(self) -> str:
        """The run's verdict, which every renderer words in its own way.

        ``validate``: "valid", "not-valid" or "incomplete-files"; ``check``: "reconciled",
        "not-reconciled-inside" (the total fits, but there are errors), "not-reconciled-outside"
        or "incomplete". It follows the findings, not --fail-on (which only sets the exit code).
        """
        if self.totals is None or self.target is None:
            if self.incomplete:
                return "incomplete-files"
            return "valid" if self.errors == 0 else "not-valid"
        if self.incomplete:
            return "incomplete"
        inside = self.target.interval.contains(self.totals.total)
        if inside and not self.errors:
            return "reconciled"
        return "not-reconciled-inside" if inside else "not-reconciled-outside"

    @property
    def verdict_good(self) -> bool:
        return self.verdict in ("valid", "reconciled")
