"""What every reconciliation rule reads: the announcement and the validated submissions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from reconcile.announcement import Announcement
from reconcile.kinds import Kind, counted_amount
from reconcile.model import BudgetLine, CellRef, Totals


@dataclass(frozen=True)
class Submission:
    """One file that was read and validated, with the ministry it belongs to."""

    path: str
    ministry: str | None
    lines: tuple[BudgetLine, ...]
    unit: Decimal | None = None  # euros per unit of the table's amounts (1000 for x EUR 1.000)
    doubtful: frozenset[int] = frozenset()  # indices of the lines with an error on their row
    budgets: frozenset[str] = frozenset()  # the chapters of its ministry's own budgets

    @cached_property  # asked by several rules; the lines never change
    def total(self) -> Decimal:
        """What the file contributes on its own: its lines counted once (reconcile.kinds), an
        overboeking naar another ministry as given. In a reconciliation only what is given to
        another contributor counts (``Reconciliation.totals``)."""
        return sum(
            (
                _counted(line, () if line.counterpart in self.budgets else (line.counterpart,))
                for line in self.lines
            ),
            Decimal(0),
        )


@dataclass(frozen=True)
class Reconciliation:
    announcement: Announcement
    submissions: tuple[Submission, ...]
    published: tuple[str, ...] = ()  # the published tables read: checked, counted in nothing

    @cached_property  # every rule reads them: joined once, not once per rule
    def lines(self) -> tuple[BudgetLine, ...]:
        return tuple(line for sub in self.submissions for line in sub.lines)

    @cached_property
    def contributors(self) -> frozenset[str]:
        """The ministries with a file in the set: an overboeking between two of them stays in
        the reservation."""
        return frozenset(sub.ministry for sub in self.submissions if sub.ministry is not None)

    @cached_property
    def own_budgets(self) -> frozenset[str]:
        """The chapters an overboeking between two budgets of one ministry names as its
        counterpart (reconcile.kinds.across_budgets): money moved within a ministry."""
        return frozenset(self.announcement.ministries.owners)

    def counted(self, line: BudgetLine) -> Decimal:
        """What ``line`` adds to the money counted once (docs/en/workbooks.md, "How money is
        counted")."""
        return _counted(line, self.contributors)

    @cached_property
    def totals(self) -> Totals:
        by_ministry: dict[str, Decimal] = defaultdict(Decimal)
        by_year: dict[int, Decimal] = defaultdict(Decimal)
        transferred: dict[str, Decimal] = defaultdict(Decimal)
        received: dict[str, Decimal] = defaultdict(Decimal)
        by_ministry_year: dict[str, dict[int, Decimal]] = {}
        moved: dict[int, Decimal] = defaultdict(Decimal)
        by_file: dict[str, Decimal] = {}
        total = Decimal(0)
        for sub in self.submissions:
            subtotal = Decimal(0)
            for line in sub.lines:  # one pass, adding in the lines' order as sum() would
                amount = self.counted(line)
                by_year[line.year] += amount
                if line.kind == Kind.KASSCHUIF:
                    moved[line.year] += line.amount
                total += amount
                subtotal += amount
                if sub.ministry is None:
                    continue
                by_ministry[sub.ministry] += amount
                profile = by_ministry_year.setdefault(sub.ministry, defaultdict(Decimal))
                profile[line.year] += amount
                if line.kind == Kind.TRANSFER_OUT and line.counterpart in self.contributors:
                    transferred[sub.ministry] += amount
                elif line.kind == Kind.TRANSFER_IN and line.counterpart not in self.own_budgets:
                    received[sub.ministry] += line.amount  # (not from its own budget)
            by_file[sub.path] = subtotal
            if sub.ministry is not None:
                by_ministry[sub.ministry] += 0  # a ministry whose file holds no line shows 0
        return Totals(
            total,
            dict(sorted(by_ministry.items())),
            dict(sorted(by_year.items())),
            dict(sorted(transferred.items())),
            dict(sorted(received.items())),
            {m: dict(sorted(years.items())) for m, years in sorted(by_ministry_year.items())},
            dict(sorted(moved.items())),
            by_file,
        )

    @cached_property
    def doubtful(self) -> tuple[BudgetLine, ...]:
        """The counted lines with an error on their row: a duplicate, a stray chapter, ..."""
        return tuple(
            line
            for sub in self.submissions
            for index, line in enumerate(sub.lines)
            if index in sub.doubtful
        )

    @property
    def where(self) -> CellRef:
        """Where findings about the whole set point: the announcement they are held against."""
        return CellRef(self.announcement.origin)

    def file_of(self, ministry: str) -> CellRef:
        for sub in self.submissions:
            if sub.ministry == ministry:
                return CellRef(sub.path)
        return self.where


def _counted(line: BudgetLine, contributors: Collection[str | None]) -> Decimal:
    return counted_amount(line.kind, line.amount, line.counterpart, contributors)
