"""The records every stage passes on: where a value came from, a line, a finding, the totals.

Records hold data and import nothing of reconcile: putting them into words is
``reconcile.codes.render``'s work, done where they are shown.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any


class Kind(enum.StrEnum):
    """What a budget line is (reconcile.kinds tells it from a table's words)."""

    RESERVATION = "reservation"  # also an intensivering: new money for a purpose
    KASSCHUIF = "kasschuif"  # money moved between years on one budget; nets to zero
    TRANSFER_OUT = "transfer-out"  # an overboeking to another ministry's budget (negative)
    TRANSFER_IN = "transfer-in"  # an overboeking from another ministry's budget (positive)
    VRIJVAL = "vrijval"  # a reservation released (negative)
    # money moved between articles of one budget (an internal overboeking): nets to zero in
    # each year, and is no contribution
    HERSCHIKKING = "herschikking"


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True, slots=True)  # slots: a large file makes millions
class CellRef:
    """Where a value lives: a file as the user named it, and optionally a sheet and an A1 cell."""

    file: str
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        if self.sheet is None:  # a CSV file has cells but no sheets
            return self.file if self.cell is None else f"{self.file}!{self.cell}"
        if self.cell is None:
            return f"{self.file}:{self.sheet}"
        return f"{self.file}:{self.sheet}!{self.cell}"

    @property
    def place(self) -> str:
        """Where in the file: "Sheet!A1", "A1" (a CSV file), "Sheet", or "" (the whole file)."""
        if self.cell is None:
            return self.sheet or ""
        return self.cell if self.sheet is None else f"{self.sheet}!{self.cell}"

    @property
    def row(self) -> int:
        """The spreadsheet row of the cell, 0 when there is none (used for ordering)."""
        if not self.cell:
            return 0
        digits = "".join(ch for ch in self.cell if ch.isdigit())
        return int(digits) if digits else 0

    @property
    def column(self) -> str:
        return "".join(ch for ch in (self.cell or "") if ch.isalpha())


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One reserved amount: a chapter/article line of one ministry in one year and series."""

    ministry: str
    chapter: str
    article: str
    description: str
    series: str
    year: int
    amount: Decimal  # euros, exact to the cent
    source: CellRef  # the cell holding the amount
    # What the line is (reconcile.kinds.Kind: reservation, kasschuif, transfer-out,
    # transfer-in, vrijval), how that was told (column, description, default), and for an
    # overboeking the other ministry's code.
    kind: str = "reservation"
    told: str = "default"
    counterpart: str | None = None


@dataclass(frozen=True)
class Finding:
    """A problem found in the input: a stable code, how bad it is, where, and the facts behind it.

    The message is not stored: ``reconcile.codes.render`` words it from the code's template
    and ``params`` in the reader's language, so every renderer says the same thing. Severity
    and ``fatal`` (the input could not be used: the run is incomplete) come from the code.
    """

    code: str
    severity: Severity
    location: CellRef
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    fatal: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        params = {key: quoted(value) for key, value in self.params.items()}
        object.__setattr__(self, "params", MappingProxyType(params))

    @property
    def sort_key(self) -> tuple[str, str, int, int, str, str]:
        loc = self.location
        return (
            loc.file,
            loc.sheet or "",
            loc.row,
            len(loc.column),
            loc.column,
            self.code,
        )


@dataclass(frozen=True)
class Phrase:
    """A fixed English phrase with parameters, carried by a finding or an error instead of text.

    ``text`` is the msgid of its translations, so a reason such as "it holds {count} members"
    is worded in the reader's language when the message is rendered (with ``plural`` when
    param ``count`` is not 1); ``str()`` gives the English.
    """

    text: str
    # hashed by its text alone (parameters may be unhashable); compared with its parameters
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    plural: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", dict(self.params))  # a copy: the caller's may change

    def __str__(self) -> str:
        text = self.text if self.plural is None or self.params.get("count") == 1 else self.plural
        return text.format(**self.params) if self.params else text


def counted(singular: str, plural: str, params: Mapping[str, Any]) -> Phrase:
    """A phrase whose form follows its param ``count``: "{count} line", "{count} lines"."""
    return Phrase(singular, params, plural)


# Characters of one text a finding quotes (a cell, a name): a 190 MB cell made a 398 MB JUnit
# report. The rest is cut, and the message says how much.
QUOTE_LIMIT = 300
CUT = "{head}… ({count} more characters not shown)"


def quoted(value: Any) -> Any:
    """``value`` as a finding keeps it: a text longer than QUOTE_LIMIT cut, saying so."""
    if isinstance(value, str) and len(value) > QUOTE_LIMIT:
        return Phrase(CUT, {"head": value[:QUOTE_LIMIT], "count": len(value) - QUOTE_LIMIT})
    return value


@dataclass(frozen=True)
class Size:
    """A file's size in bytes, shown in megabytes with one decimal: "273.0 MB" in English,
    "273,0 MB" in Dutch (``reconcile.codes.render``); ``str()`` gives the English."""

    size: int  # in bytes

    def __str__(self) -> str:
        return f"{self.size / (1024 * 1024):.1f} MB"  # (reconcile.limits.MB)


@dataclass(frozen=True)
class Interval:
    """A closed interval of euros; ``high`` None means no upper bound."""

    low: Decimal
    high: Decimal | None

    def contains(self, amount: Decimal) -> bool:
        return amount >= self.low and (self.high is None or amount <= self.high)

    def distance(self, amount: Decimal) -> Decimal:
        """How far ``amount`` lies outside the interval: negative below, positive above, 0 in."""
        if amount < self.low:
            return amount - self.low
        if self.high is not None and amount > self.high:
            return amount - self.high
        return Decimal(0)

    def __add__(self, other: Interval) -> Interval:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(self.low + other.low, high)

    def intersects(self, other: Interval) -> bool:
        low = max(self.low, other.low)
        highs = [h for h in (self.high, other.high) if h is not None]
        return not highs or low <= min(highs)

    @classmethod
    def exactly(cls, amount: Decimal) -> Interval:
        return cls(amount, amount)


@dataclass(frozen=True)
class FileResult:
    """What was read from one input file."""

    path: str
    sha256: str
    ministry: str | None
    sheet: str | None
    shape: str | None  # a workbook table's: "long" or "wide"
    layout: str | None  # the layout an open-data table was read with (`reconcile layouts`)
    unit: Decimal | None  # euros per unit of the amounts as written (1000 for x EUR 1.000)
    lines: int  # lines counted
    total: Decimal  # counted lines only, euros
    chapters: tuple[str, ...] = ()  # chapters of the counted lines


@dataclass(frozen=True)
class AnnouncedAmount:
    """A figure from the announcement, as written and as the interval it means."""

    key: str
    text: str
    interval: Interval


@dataclass(frozen=True)
class Totals:
    """The money counted once (docs/en/workbooks.md, "How money is counted").

    ``by_ministry``: what each ministry contributed (its reservations, vrijval and kasschuiven,
    and what it transferred to another contributor); ``by_year``: the profile after
    kasschuiven; ``transferred_out`` and ``received``: the overboekingen between contributors
    (received money is counted at its giver, never again); ``by_ministry_year``: both at once;
    ``by_file``: what each file adds to the total (the file table's subtotals).
    """

    total: Decimal
    by_ministry: Mapping[str, Decimal]
    by_year: Mapping[int, Decimal]
    transferred_out: Mapping[str, Decimal] = field(default_factory=dict)
    received: Mapping[str, Decimal] = field(default_factory=dict)
    # ministry -> year -> amount counted: each ministry's profile after kasschuiven
    by_ministry_year: Mapping[str, Mapping[int, Decimal]] = field(default_factory=dict)
    kasschuiven_by_year: Mapping[int, Decimal] = field(default_factory=dict)  # moved per year
    by_file: Mapping[str, Decimal] = field(default_factory=dict)  # path -> amount counted
