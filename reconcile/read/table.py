"""Turn a sheet's grid into raw budget lines, each value keeping its cell, and check its totals."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reconcile.codes import make_finding
from reconcile.model import CellRef, Finding
from reconcile.money import THOUSANDS, AmountError, Unit, find_unit, parse_amount
from reconcile.read.header import Header, parse_year
from reconcile.read.workbook import Grid

_TOTAL = re.compile(r"^\s*(sub)?\s*-?\s*tota(a)?l\b", re.IGNORECASE)
_GRAND = re.compile(
    r"^\s*(totaal|total|totaal generaal|eindtotaal|grand total|totaal\s+reservering)\s*:?\s*$",
    re.IGNORECASE,
)
TEXT_FIELDS = ("ministry", "chapter", "article", "description", "series")


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line as read: the raw cell values of its fields, its amount in euros when readable.

    ``amount`` is None when the cell is empty or unreadable; ``amount_problem`` then says why
    ("not-a-number", "unreadable", "not-computed", "empty").
    """

    row: int
    values: dict[str, Any]
    cells: dict[str, CellRef]
    year: Any
    amount: Decimal | None
    amount_raw: Any
    amount_problem: str | None = None


@dataclass
class SheetTable:
    """What the reader got out of one sheet."""

    file: str
    sheet: str
    header: Header
    unit: Unit
    unit_assumed: bool
    title: list[tuple[str, CellRef]]
    lines: list[RawLine] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def layout(self) -> str:
        return self.header.layout


@functools.cache
def column_letter(column: int) -> str:
    """1 -> "A", 27 -> "AA" (without importing openpyxl: the fast path never needs it)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\u00a0", " ").strip()


def _is_zero(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return False
    try:
        return parse_amount(value, Decimal(1)) == 0
    except AmountError:
        return False


def _is_total_row(cells: tuple[Any, ...], header: Header) -> str | None:
    """The label of a totals row ("Totaal", "Subtotaal artikel 3"), None for other rows."""
    label_columns = [
        header.columns[f] for f in ("chapter", "article", "description") if f in header.columns
    ]
    first = min(label_columns) if label_columns else 1
    for column in sorted({*label_columns, *range(1, first + 1)}):
        value = cells[column - 1] if column <= len(cells) else None
        if isinstance(value, str) and _TOTAL.match(value):
            return value.strip()
    return None


def _find_unit(grid: Grid, header: Header, where: CellRef) -> tuple[Unit, bool, list[Finding]]:
    captions: list[tuple[Unit, CellRef]] = []
    for row in range(1, header.row):
        for column, value in enumerate(grid.rows[row - 1], start=1):
            if isinstance(value, str):
                unit = find_unit(value)
                if unit is not None:
                    captions.append(
                        (unit, CellRef(where.file, where.sheet, cell_name(row, column)))
                    )
    captions += [
        (unit, CellRef(where.file, where.sheet, cell_name(header.row, column)))
        for unit, column in header.units
    ]
    if not captions:
        return THOUSANDS, True, [make_finding("unit-assumed", where, unit=THOUSANDS.label)]
    unit, _ = captions[0]
    findings = [
        make_finding("unit-conflict", ref, first=unit.caption, second=other.caption)
        for other, ref in captions[1:]
        if other.euros != unit.euros
    ]
    return unit, False, findings


def read_table(grid: Grid, header: Header, file: str) -> SheetTable:
    """The lines below ``header`` until the grand total or the end of the sheet."""
    sheet_ref = CellRef(file, grid.name)
    unit, assumed, findings = _find_unit(grid, header, sheet_ref)
    title = [
        (_text(value), CellRef(file, grid.name, cell_name(row, column)))
        for row in range(1, header.row)
        for column, value in enumerate(grid.rows[row - 1], start=1)
        if _text(value)
    ]
    table = SheetTable(file, grid.name, header, unit, assumed, title, findings=findings)
    reader = _Reader(grid, header, table)
    for row in range(header.row + 1, len(grid.rows) + 1):
        if reader.read_row(row) == "stop":
            break
    return table


@dataclass
class _Block:
    """Lines covered by the next totals row: since the previous one (sub) or the start (grand)."""

    since_sub: list[RawLine] = field(default_factory=list)
    since_start: list[RawLine] = field(default_factory=list)


class _Reader:
    def __init__(self, grid: Grid, header: Header, table: SheetTable) -> None:
        self.grid, self.header, self.table = grid, header, table
        self.block = _Block()

    def ref(self, row: int, column: int) -> CellRef:
        return CellRef(self.table.file, self.grid.name, cell_name(row, column))

    def read_row(self, row: int) -> str | None:
        cells = self.grid.rows[row - 1]
        if all(_text(value) == "" for value in cells):
            return None
        label = _is_total_row(cells, self.header)
        if label is not None:
            grand = bool(_GRAND.match(label))
            self.check_total_row(
                row, label, self.block.since_start if grand else self.block.since_sub
            )
            self.block.since_sub = []
            return "stop" if grand else None
        self.read_lines(row, cells)
        return None

    def value(self, cells: tuple[Any, ...], column: int | None) -> Any:
        if column is None or column > len(cells):
            return None
        value = cells[column - 1]
        return None if isinstance(value, str) and not value.strip() else value

    def amount(self, row: int, column: int, raw: Any) -> tuple[Decimal | None, str | None]:
        if raw is None:
            formula = self.grid.formula_of(row, column)
            return (None, "not-computed") if formula else (None, "empty")
        try:
            return parse_amount(raw, self.table.unit.euros), None
        except AmountError as exc:
            return None, exc.kind

    def read_lines(self, row: int, cells: tuple[Any, ...]) -> None:
        columns = self.header.columns
        values = {f: self.value(cells, columns.get(f)) for f in TEXT_FIELDS}
        refs = {f: self.ref(row, columns[f]) for f in TEXT_FIELDS if f in columns}
        if self.header.layout == "wide":
            amounts = [
                (year, self.ref(self.header.row, column), column)
                for year, column in self.header.year_columns.items()
            ]
            raw_amounts = [
                (year, yref, column, self.value(cells, column)) for year, yref, column in amounts
            ]
            # In a wide table an empty or zero year cell means "nothing this year": no line.
            present = [
                entry
                for entry in raw_amounts
                if not _is_zero(entry[3])
                and (entry[3] is not None or self.grid.formula_of(row, entry[2]))
            ]
        else:
            ycol, acol = columns.get("year"), columns["amount"]
            year = self.value(cells, ycol)
            yref = self.ref(row, ycol) if ycol else self.ref(self.header.row, acol)
            present = [(year, yref, acol, self.value(cells, acol))]
        has_key = any(_text(values[f]) for f in ("chapter", "article"))
        if not has_key and all(raw is None for *_, raw in present):
            return  # a note, a section heading or a blank-looking row: not a line
        row_sum = Decimal(0)
        complete = True
        for year, yref, column, raw in present:
            amount, problem = self.amount(row, column, raw)
            if amount is None:
                complete = False
            else:
                row_sum += amount
            line = RawLine(
                row,
                values,
                {**refs, "year": yref, "amount": self.ref(row, column)},
                year,
                amount,
                raw,
                problem,
            )
            self.table.lines.append(line)
            self.block.since_sub.append(line)
            self.block.since_start.append(line)
            if problem == "not-computed":
                self.table.findings.append(
                    make_finding(
                        "amount-not-computed",
                        self.ref(row, column),
                        label="This amount",
                        formula=self.grid.formula_of(row, column),
                    )
                )
        self.check_row_total(row, cells, row_sum if complete else None)

    def check_row_total(self, row: int, cells: tuple[Any, ...], row_sum: Decimal | None) -> None:
        column = self.header.columns.get("row_total")
        if self.header.layout != "wide" or column is None or row_sum is None:
            return
        raw = self.value(cells, column)
        if raw is None:
            return
        stated, _ = self.amount(row, column, raw)
        if stated is not None and stated != row_sum:
            self.table.findings.append(
                make_finding(
                    "row-total-mismatch",
                    self.ref(row, column),
                    stated=stated,
                    computed=row_sum,
                    difference=stated - row_sum,
                )
            )

    def check_total_row(self, row: int, label: str, covered: list[RawLine]) -> None:
        """Recompute a totals row from the lines it covers, per amount column."""
        cells = self.grid.rows[row - 1]
        if self.header.layout == "wide":
            targets = [(column, year) for year, column in self.header.year_columns.items()]
        else:
            year = self.value(cells, self.header.columns.get("year"))
            targets = [(self.header.columns["amount"], year)]
        for column, year in targets:
            raw = self.value(cells, column)
            ref = self.ref(row, column)
            if raw is None:
                formula = self.grid.formula_of(row, column)
                if formula:
                    self.table.findings.append(
                        make_finding("total-not-computed", ref, label=f"“{label}”", formula=formula)
                    )
                continue
            stated, _ = self.amount(row, column, raw)
            wanted = parse_year(year)
            series = _text(self.value(cells, self.header.columns.get("series"))).upper()
            lines = [
                ln
                for ln in covered
                if (wanted is None or parse_year(ln.year) == wanted)
                and (not series or _text(ln.values.get("series")).upper() == series)
            ]
            if stated is None or any(ln.amount is None for ln in lines):
                continue  # unreadable cells are reported on their own; nothing to compare
            computed = sum((ln.amount for ln in lines if ln.amount is not None), Decimal(0))
            if stated != computed:
                self.table.findings.append(
                    make_finding(
                        "total-mismatch",
                        ref,
                        label=f"“{label}”",
                        stated=stated,
                        computed=computed,
                        difference=stated - computed,
                    )
                )
