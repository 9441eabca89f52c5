"""What every reconciliation rule reads: the announcement and the validated submissions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from reconcile.announcement import Announcement
from reconcile.model import BudgetLine, CellRef, Totals


@dataclass(frozen=True)
class Submission:
    """One file that was read and validated, with the ministry it belongs to."""

    path: str
    ministry: str | None
    lines: tuple[BudgetLine, ...]
    doubtful: frozenset[int] = frozenset()  # indices of the lines with an error on their row

    @cached_property  # asked by several rules; the lines never change
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


@dataclass(frozen=True)
class Reconciliation:
    announcement: Announcement
    submissions: tuple[Submission, ...]

    @cached_property  # every rule reads them: joined once, not once per rule
    def lines(self) -> tuple[BudgetLine, ...]:
        return tuple(line for sub in self.submissions for line in sub.lines)

    @cached_property
    def totals(self) -> Totals:
        by_ministry: dict[str, Decimal] = defaultdict(Decimal)
        by_year: dict[int, Decimal] = defaultdict(Decimal)
        for sub in self.submissions:
            if sub.ministry is not None:
                by_ministry[sub.ministry] += sub.total
        total = Decimal(0)
        for line in self.lines:  # one pass, adding in the lines' order as sum() would
            by_year[line.year] += line.amount
            total += line.amount
        return Totals(total, dict(sorted(by_ministry.items())), dict(sorted(by_year.items())))

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
