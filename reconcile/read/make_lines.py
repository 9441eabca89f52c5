"""Turn a sheet's grid into raw budget lines, each value keeping its cell, and record its totals
rows, row totals and suppletoire stands for validation to check (reconcile.validate.totals).

How awkward sheets are read (docs/en/workbooks.md, "Workbooks as they arrive", says the same):
- the table runs from its header row to the grand Totaal, the end of the sheet, or the header
  row of a second table (reported, not read); empty rows and notes inside it are skipped;
- hidden rows and columns are read like visible ones, since Excel's SUM counts them too; a
  hidden row holding a line, and a hidden column the table uses, are warnings;
- a cell merged over several rows gives its value (chapter, article, ...) to each of them, but
  never its amount, which counts once;
- the ambiguous "1,234" / "1.234" is decided by how the column's other amounts are written.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from reconcile.codes import make_finding
from reconcile.kinds import COUNTERPART_FIELDS, KIND_HEADINGS, fold, names_a_kind
from reconcile.model import CellRef, Finding, Phrase, quoted
from reconcile.money import (
    DUTCH,
    ENGLISH,
    THOUSANDS,
    AmountCache,
    Unit,
    find_unit,
    is_ambiguous,
    number_style,
    parse_amount,
)
from reconcile.read.cells import (
    ExcelTable,
    Grid,
    cell_name,
    column_letter,
    normalise_series,
    value_text,
)
from reconcile.read.find_table import (
    INSTRUMENT,
    INSTRUMENT_LINE,
    PART,
    Header,
    UnreadColumn,
    cell_number,
    excel_serial,
    find_extent,
    find_headings,
    foreign_cell,
    is_grand_total,
    label_columns,
    labels,
    names_a_ministry,
    parse_year,
    part_article,
    series_heading,
    total_label,
    unread_columns,
)

TEXT_FIELDS = (
    "ministry",
    "chapter",
    "article",
    "description",
    "series",
    "kind",
    *COUNTERPART_FIELDS,
    "counterpart_article",  # an herschikking's other article (Van/naar artikel)
)
CONVENTIONS = {
    DUTCH: "Dutch: the point groups thousands, the comma is the decimal mark",
    ENGLISH: "English: the comma groups thousands, the point is the decimal mark",
}
Rows = list[tuple[Any, ...]]
# The amount cells of a plain line (``_Reader.irregular_rows``): what AmountCache parses.
_PLAIN_AMOUNTS = frozenset({int, float, str})
# Field -> (row, column) of the cell holding it; row None is the line's own row.
Places = dict[str, tuple[int | None, int]]


class LineCells(Mapping[str, CellRef]):
    """A line's cells by field, each CellRef made only when asked (for a finding, a source).

    Reading makes one of these per line instead of a CellRef per field: most lines never need
    any of their cells named.
    """

    __slots__ = ("_file", "_places", "_row", "_sheet")

    def __init__(self, file: str, sheet: str | None, row: int, places: Places) -> None:
        self._file, self._sheet, self._row, self._places = file, sheet, row, places

    def __getitem__(self, name: str) -> CellRef:
        row, column = self._places[name]
        return CellRef(
            self._file, self._sheet, cell_name(self._row if row is None else row, column)
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:
        return repr(dict(self))


@dataclass(slots=True)  # not frozen: a frozen __init__ sets each field by a call (one a line)
class RawLine:
    """One line as read: the raw cell values of its fields, its amount in euros when readable.

    ``amount`` is None when the cell is empty or unreadable; ``amount_problem`` then says why
    ("not-a-number", "unreadable", "not-computed", "empty").
    """

    row: int
    values: Mapping[str, Any]
    cells: Mapping[str, CellRef]
    year: Any
    amount: Decimal | None
    amount_raw: Any
    amount_problem: str | None = None


class LineColumns:
    """A table's lines as columns: one list per field, the values of line ``i`` at index ``i``.

    ``read_table`` keeps its lines this way, not as a RawLine (a dict of values, its cells)
    per line: validation reads whole columns, and most lines are never asked for one by one.
    ``line(i)`` makes the RawLine of a line that is (a finding's cell, a diff, a test).
    """

    __slots__ = (
        "amounts",
        "file",
        "given",
        "places",
        "problems",
        "raws",
        "rows",
        "sheet",
        "values",
        "years",
    )

    def __init__(self, file: str, sheet: str | None) -> None:
        self.file, self.sheet = file, sheet
        self.rows: list[int] = []
        self.values: dict[str, list[Any]] = {name: [] for name in TEXT_FIELDS}  # blank: None
        self.years: list[Any] = []  # the year cell as read (parse_year makes it a year)
        self.amounts: list[Decimal | None] = []
        self.raws: list[Any] = []  # the amount cell as read
        self.problems: list[str | None] = []
        self.places: list[Places] = []  # where each line's fields are (see LineCells)
        self.given: list[RawLine] | None = None  # the lines, when made from RawLines (``of``)

    @classmethod
    def of(cls, lines: list[RawLine], file: str, sheet: str | None) -> LineColumns:
        """Columns of lines read another way (a layout's table), each line kept as it is."""
        columns = cls(file, sheet)
        columns.rows = [ln.row for ln in lines]
        columns.values = {name: [ln.values.get(name) for ln in lines] for name in TEXT_FIELDS}
        columns.years = [ln.year for ln in lines]
        columns.amounts = [ln.amount for ln in lines]
        columns.raws = [ln.amount_raw for ln in lines]
        columns.problems = [ln.amount_problem for ln in lines]
        columns.given = lines
        return columns

    def __len__(self) -> int:
        return len(self.rows)

    def append(
        self,
        row: int,
        values: Mapping[str, Any],
        places: Places,
        year: Any,
        amount: Decimal | None,
        raw: Any,
        problem: str | None,
    ) -> None:
        """Add one line (a row read row by row: it may give several, or none)."""
        self.rows.append(row)
        for name, column in self.values.items():
            column.append(values[name])
        self.places.append(places)
        self.years.append(year)
        self.amounts.append(amount)
        self.raws.append(raw)
        self.problems.append(problem)

    def line(self, index: int) -> RawLine:
        """Line ``index`` as a RawLine."""
        if self.given is not None:
            return self.given[index]
        row = self.rows[index]
        return RawLine(
            row,
            {name: column[index] for name, column in self.values.items()},
            LineCells(self.file, self.sheet, row, self.places[index]),
            self.years[index],
            self.amounts[index],
            self.raws[index],
            self.problems[index],
        )

    def cells(self, name: str, indices: Sequence[int]) -> list[CellRef]:
        """The cell of field ``name`` of each line in ``indices`` (a field every line has)."""
        if self.given is not None:
            return [self.given[i].cells[name] for i in indices]
        file, sheet, rows, places = self.file, self.sheet, self.rows, self.places
        every = indices == range(len(rows))  # every line, in order (a range, not a list)
        shared = places[indices[0]] if indices else None
        if shared is not None and (
            places.count(shared) == len(places)  # (identity first, in C; equal Places say the same)
            if every
            else all(places[index] is shared for index in indices)
        ):
            # The usual table: every line's field is in one column, on its own row.
            row, column = shared[name]
            letter = column_letter(column)
            if row is None:
                numbers = rows if every else map(rows.__getitem__, indices)
                return [CellRef(file, sheet, f"{letter}{number}") for number in numbers]
        letters: dict[int, tuple[int | None, str]] = {}  # most lines share one Places
        refs = []
        for index in indices:
            place = places[index]
            found = letters.get(id(place))
            if found is None:
                row, column = place[name]
                found = letters[id(place)] = (row, column_letter(column))
            row, letter = found
            refs.append(CellRef(file, sheet, f"{letter}{rows[index] if row is None else row}"))
        return refs


@dataclass(frozen=True, slots=True)
class AmountCell:
    """An amount cell as read: its raw value, its amount in euros, or why it has none
    ("not-a-number", "unreadable", "not-computed", "empty"; ``formula`` for "not-computed")."""

    cell: CellRef
    raw: Any
    amount: Decimal | None
    problem: str | None
    formula: str | None = None


@dataclass(frozen=True, slots=True)
class TotalsRow:
    """A totals row as read, for validate's totals check: its label, the lines it covers
    (their indices), its year and series cells, and its cell in each amount column.

    ``rounded``: the subtotal under a kind heading of a published table, whose amounts and
    subtotals are each rounded on their own."""

    row: int
    label: str
    covered: range
    year: Any
    series: Any
    cells: dict[int, AmountCell]  # amount column -> the row's cell there
    rounded: bool = False


@dataclass(frozen=True, slots=True)
class RowTotal:
    """A wide table's "Totaal" cell on a line's row, and the lines of that row (indices)."""

    cell: AmountCell
    lines: range


@dataclass(frozen=True, slots=True)
class Stands:
    """A suppletoire line's stand before and stand after, as read."""

    before: AmountCell
    after: AmountCell
    # The cells of the columns the header's labels sum (its ``chain``), by column.
    chain: tuple[tuple[int, AmountCell], ...] = ()


@dataclass(frozen=True, slots=True)
class StandRow:
    """A row of a suppletoire table as published per article (its stands and the mutation of
    their year as columns): its stand before, mutation and stand after, whether a line or a
    heading; a heading's row also the rows it sums (indices in ``SheetTable.stand_rows``)."""

    label: str
    before: AmountCell
    mutation: AmountCell
    after: AmountCell
    covers: tuple[int, ...] | None = None  # None: a line's row
    # The cells of the columns the header's labels sum (its ``chain``), by column.
    chain: tuple[tuple[int, AmountCell], ...] = ()


@dataclass(frozen=True, slots=True)
class RowStand:
    """A "Stand ..." row of a wide table of mutations ("Stand ontwerpbegroting 2019", the
    mutations below it, "Stand ontwerpbegroting 2020"): its row, label and year cells."""

    row: int
    label: str
    cells: tuple[tuple[int, AmountCell], ...]  # (year, cell) in column order


@dataclass
class SheetTable:
    """What the reader got out of one sheet: its lines, and what was found while reading.

    ``read_table`` keeps the lines as ``columns``; ``lines`` makes a RawLine of each on first
    use. A layout table (``reconcile.read.layouts.LayoutTable``) keeps its own columns and
    makes its lines from them when asked. Validation reads the columns where there are any,
    so add no lines to such a table.
    """

    file: str
    sheet: str | None  # None: a CSV file
    header: Header
    unit: Unit
    title: list[tuple[str, CellRef]]
    findings: list[Finding] = field(default_factory=list)
    columns: LineColumns | None = field(default=None, repr=False, compare=False)
    # What validate's totals checks (reconcile.validate.totals) work from: each totals row,
    # each wide row's "Totaal" cell, each suppletoire line's stands (by line index).
    labels: dict[str, str] = field(default_factory=dict, repr=False)  # field -> header text
    totals: list[TotalsRow] = field(default_factory=list, repr=False)
    row_totals: list[RowTotal] = field(default_factory=list, repr=False)
    stands: list[Stands] = field(default_factory=list, repr=False)
    stand_rows: list[StandRow] = field(default_factory=list, repr=False)  # by row, published
    row_stands: list[RowStand] = field(default_factory=list, repr=False)  # "Stand ..." rows
    # Line index -> the instrument heading it stands under (a table printed per article): part
    # of its key, as two instruments may each have a line of one name ("Bestuurlijke aanpak").
    instruments: dict[int, str] = field(default_factory=dict, repr=False)
    # A wide table's zero cells ("0", "-"): no lines, but ``reconcile diff`` tells an amount
    # set to 0 from a line gone by them.
    zeros: LineColumns | None = field(default=None, repr=False, compare=False)
    _lines: list[RawLine] | None = field(default=None, init=False, repr=False, compare=False)

    def __eq__(self, other: object) -> bool:
        """Equal when all that was read is: the fields, and the lines however they are kept."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            all(getattr(self, f.name) == getattr(other, f.name) for f in fields(self) if f.compare)
            and self.lines == other.lines
        )

    @property
    def shape(self) -> str | None:
        """How a workbook's table holds its years, "long" or "wide" (None for a layout's table)."""
        return self.header.shape

    @property
    def layout(self) -> str | None:
        """The name of the layout the table was read with; None for a workbook's table."""
        return None

    @property
    def lines(self) -> list[RawLine]:
        """Every line as a RawLine, in the order read (made from ``columns`` when first asked)."""
        if self._lines is None:
            columns = self.columns
            self._lines = [] if columns is None else list(map(columns.line, range(len(columns))))
        return self._lines

    def line_columns(self) -> LineColumns:
        """The lines as columns (made from ``lines`` for a table read without them)."""
        if self.columns is None:
            return LineColumns.of(self.lines, self.file, self.sheet)
        return self.columns

    @property
    def line_count(self) -> int:
        """How many lines the table holds (without making a RawLine of each)."""
        return len(self.lines) if self.columns is None else len(self.columns)


def plain_text(value: Any) -> str:
    """A cell as text: stripped, NBSP as a space, 2025.0 as 2025, a date as 01-01-2025
    (``value_text``), an empty cell as ""."""
    if value is None:
        return ""
    return value_text(value).replace("\u00a0", " ").strip()


def _column_of(rows: Rows, column: int | None, first: int, last: int) -> list[Any]:
    """The values of ``column`` in rows ``first`` to ``last``, None where a row is shorter."""
    part = rows[first - 1 : last]
    if column is None:
        return [None] * len(part)
    try:
        return list(map(operator.itemgetter(column - 1), part))
    except IndexError:  # a row ends before the column (a grid need not be rectangular)
        return [cells[column - 1] if column <= len(cells) else None for cells in part]


def _blank_as_none(values: list[Any]) -> list[Any]:
    """``values`` with each blank text (``is_blank``) as None, each distinct value asked once
    (a column repeats its chapters and series)."""
    try:
        blanks = {v for v in set(values) if isinstance(v, str) and not v.strip()}
    except TypeError:  # an unhashable value (no reader gives one): each asked on its own
        return [None if is_blank(value) else value for value in values]
    return [None if v in blanks else v for v in values] if blanks else values


def is_blank(value: Any) -> bool:
    """True for an empty cell: None, or text of spaces only (non-breaking ones too)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _find_unit(grid: Grid, header: Header, where: CellRef) -> tuple[Unit, list[Finding]]:
    captions: list[tuple[Unit, CellRef]] = []
    for row in [*range(1, header.row), *range(header.row + 1, header.first_row)]:
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
        return THOUSANDS, [make_finding("unit-assumed", where, unit=THOUSANDS.label)]
    unit, _ = captions[0]
    findings = [
        make_finding("unit-conflict", ref, first=unit.caption, second=other.caption)
        for other, ref in captions[1:]
        if other.euros != unit.euros
    ]
    return unit, findings


def read_table(grid: Grid, header: Header, file: str, delimiter: str | None = None) -> SheetTable:
    """The lines below ``header`` until the grand total, a second table or the end of the sheet.

    ``delimiter``: a CSV file's, which tells how its ambiguous amounts are written where
    nothing in the table does (see ``_decide_styles``)."""
    sheet = grid.name or None  # a CSV file's cells name no sheet
    sheet_ref = CellRef(file, sheet)
    header = replace(header, columns=dict(header.columns))  # (columns left out: the caller's
    # header stays as found, read again the same)
    unit, findings = _find_unit(grid, header, sheet_ref)
    title = [
        (plain_text(value), CellRef(file, sheet, cell_name(row, column)))
        for row in range(1, header.row)
        for column, value in enumerate(grid.rows[row - 1], start=1)
        if plain_text(value)
    ]
    table = SheetTable(file, sheet, header, unit, title, findings=findings)
    declared = excel_table(grid, header)
    extent = find_extent(
        grid.rows, header, None if declared is None else _declared_totals(grid, header, declared)
    )
    _leave_out_foreign_columns(grid, header, extent.last, table)
    table.labels = {
        name: plain_text(grid.value(header.row, c)) for name, c in header.columns.items()
    }
    if header.unlabelled:  # issue 18: a published table leaves the cell above its labels empty
        column = header.columns["description"]
        where = CellRef(file, sheet, cell_name(header.row, column))
        table.findings.append(make_finding("description-unlabelled", where))
    if header.stand_year is not None:  # a suppletoire table as published: the mutation's year
        column = header.year_columns[header.stand_year]
        table.labels["amount"] = plain_text(grid.value(header.row, column))
        if header.stand_year_title is not None:  # the title line above names its year
            said_at = header.stand_year_title
            where = CellRef(file, sheet, cell_name(*said_at))
            said = f"“{plain_text(grid.value(*said_at))}”"
            table.findings.append(
                make_finding(
                    "field-from-title",
                    where,
                    field=labels()["year"],
                    value=header.stand_year,
                    title=said,
                )
            )
        if header.stand_year_inferred:
            where = CellRef(file, sheet, cell_name(header.row, column))
            shown, year = f"“{table.labels['amount']}”", header.stand_year
            table.findings.append(
                make_finding("stand-year-inferred", where, label=shown, year=year, first=year + 1)
            )
    end, totals = extent.last, dict(extent.totals)
    if extent.notes_would_read:  # rows below the last line holding none of a line's marks
        first, column = next(
            (r, c)
            for r in extent.notes
            for c, value in enumerate(grid.rows[r - 1], start=1)
            if plain_text(value)
        )
        where = CellRef(file, sheet, cell_name(first, column))
        last = extent.notes[-1]
        table.findings.append(
            make_finding("notes-below-table", where, first=first, last=last, count=last - first + 1)
        )
    rows, filled = _fill_merged(grid, header, end, table)
    _say_merged_amounts(grid, header, end, set(totals), table)
    for row in filled:  # a merged label may make a totals row: asked again with it filled
        if declared is not None and row == declared.totals_row:
            continue  # the Table's totals row is one, labelled or not
        totals.pop(row, None)
        label = total_label(rows[row - 1], label_columns(header))
        if label is not None:
            totals[row] = label
    styles = _decide_styles(rows, header, end, table, delimiter)
    reader = _Reader(grid, rows, header, table, styles)
    reader.totals = totals
    reader.declared = declared if declared is not None and declared.totals_row in totals else None
    reader.read_rows(header.first_row, end)
    _say_uncomputed_fields(grid, rows, header, end, table)
    if not table.line_count:
        _say_uncomputed_table(grid, header, table)
    for unread in unread_columns(grid.rows, header, end):  # amounts left out in silence
        table.findings.append(_unread_column(grid, header, unread, table))
    reader.report_dates()
    _report_hidden_columns(grid, header, table)
    if extent.second is not None:
        where = reader.ref(extent.second, 1)
        params = {"row": extent.second, "first": header.row, "last": end}
        if extent.second_lines:  # money not counted: a warning with the count of its lines
            table.findings.append(
                make_finding("second-table-not-read", where, **params, count=extent.second_lines)
            )
        else:
            table.findings.append(make_finding("second-table", where, **params))
    for row in extent.below_total:
        where = reader.ref(row, reader.key_column)
        table.findings.append(make_finding("line-below-total", where, row=row, total=end))
    return table


def excel_table(grid: Grid, header: Header) -> ExcelTable | None:
    """The Excel Table whose totals row ends the table below ``header``: one whose range holds
    the header row and an amount column, with a totals row below the header. A Table elsewhere
    on the sheet (beside it, below it, or not holding the header reconcile found) declares
    nothing about this table: its rows are read as any others."""
    for table in grid.tables:
        first_row, first_column, _, last_column = table.ref
        top = first_row - (table.header_rows == 0)  # a Table without a header row: above it
        if table.totals_row is None or not top <= header.row < table.totals_row:
            continue
        if any(first_column <= column <= last_column for column in header.number_columns):
            return table
    return None


def _declared_totals(grid: Grid, header: Header, table: ExcelTable) -> tuple[int, str] | None:
    """The row of ``table``'s totals row and the label it goes by when it has none of its own
    (its totalsRowLabel, else the Table's name, as Excel's name box shows it)."""
    row = table.totals_row
    if row is None or row > len(grid.rows):
        return None
    label = next(iter(table.labels.values()), None) or table.name
    return row, label


_SUMS = re.compile(r"^\s*=?\s*(?:SUM\s*\(|SUBTOTAL\s*\(\s*(?:9|109)\s*,)", re.IGNORECASE)
# What each totalsRowFunction other than sum shows: a figure of the lines, not their total.
_NOT_SUMS = {
    "average": Phrase("the average"),
    "count": Phrase("the number of filled cells"),
    "countNums": Phrase("the number of numbers"),
    "max": Phrase("the largest amount"),
    "min": Phrase("the smallest amount"),
    "stdDev": Phrase("the standard deviation"),
    "var": Phrase("the variance"),
}


def _names_a_series(value: Any) -> bool | None:
    """Whether a V/U/O cell holds a series (V, U, O, "Uitgaven"): None for an empty cell or
    a dash, False for anything else (an instrument such as "Subsidie", a number)."""
    if is_blank(value) or (isinstance(value, str) and not any(c.isalnum() for c in value)):
        return None
    return normalise_series(value) in ("V", "U", "O")


# The fields whose column is that field only when its cells agree: how a cell says it holds
# one of its values, how many cells of other things it takes (a word no kind or series is may
# be one typo in a short table: an error at its cell says more than a column left out), and
# examples of its values for the note that leaves the column out.
_CELLS_AGREE: tuple[tuple[str, Callable[[Any], bool | None], int, str], ...] = (
    *((name, names_a_ministry, 1, "OCW, VIII") for name in COUNTERPART_FIELDS),
    ("kind", names_a_kind, 2, "kasschuif, overboeking"),
    ("series", _names_a_series, 2, "V, U, O"),
)


def _leave_out_foreign_columns(grid: Grid, header: Header, end: int, table: SheetTable) -> None:
    """A column headed as a field whose filled cells are mostly no value of it is not that
    field: read as no column, and a note at its header cell says so. A Van/naar column of
    dates (a period's "Van" and "Tot"), a "Type" column of instruments ("Subsidie",
    "Opdracht"), a "Soort" column of anything but V, U and O. Where its cells are those of
    the other of kind and series, and the table has no column of that one ("Soort" over
    "Kasschuif", "Overboeking"), it is read as that one. A column mostly right stays the
    field, and each wrong cell is reported at its place."""
    says_of = {name: says for name, says, _, _ in _CELLS_AGREE}
    for name, says, least, examples in _CELLS_AGREE:
        column = header.columns.get(name)
        if column is None:
            continue
        cells = _column_of(grid.rows, column, header.first_row, end)
        index = foreign_cell(cells, says, least)
        if index is None:
            continue
        del header.columns[name]
        label = plain_text(grid.value(header.row, column))
        read = Phrase("read as no column")
        other = _OTHER_FIELD.get(name)
        if other is not None and other not in header.columns:
            said = [says_of[other](value) for value in cells]
            if said.count(True) > said.count(False):
                header.columns[other] = column
                read = Phrase("read as the {field} column", {"field": labels()[other]})
        table.findings.append(
            make_finding(
                "column-not-field",
                CellRef(table.file, table.sheet, cell_name(header.row, column)),
                column=f"“{label}”",
                value=f'"{plain_text(cells[index])}"',
                field=_FIELD_SHOWN.get(name, labels().get(name, label)),
                examples=examples,
                read=read,
            )
        )


_FIELD_SHOWN = dict.fromkeys(COUNTERPART_FIELDS, "Van/naar")
_OTHER_FIELD = {"kind": "series", "series": "kind"}  # (a Soort column may hold either)


def _fill_merged(grid: Grid, header: Header, end: int, table: SheetTable) -> tuple[Rows, set[int]]:
    """The grid's rows, with a value merged over several rows of the table given to each row,
    and the rows so filled.

    Amount columns are never filled: a merged amount counts once, on its first row.
    """
    rows = list(grid.rows)
    changed: set[int] = set()
    numbers = set(header.number_columns)
    width = max(map(len, rows[header.row : end]), default=0)
    for top, left, bottom, whole_right in grid.merged:
        right = min(whole_right, width)  # a merge may run to column XFD; the table does not
        if bottom == top or top <= header.row or top > end or left > right:
            continue
        origin = grid.value(top, left)
        if not plain_text(origin):
            continue
        filled = False
        for row in range(top + 1, min(bottom, end) + 1):
            cells = list(rows[row - 1]) + [None] * max(0, right - len(rows[row - 1]))
            for column in range(left, right + 1):
                if column not in numbers and cells[column - 1] is None:
                    cells[column - 1] = origin
                    filled = True
            rows[row - 1] = tuple(cells)
            changed.add(row)
        if filled:
            span = f"{cell_name(top, left)}:{cell_name(bottom, whole_right)}"
            table.findings.append(
                make_finding(
                    "merged-cells",
                    CellRef(table.file, table.sheet, cell_name(top, left)),
                    cells=span,
                    value=f"“{plain_text(origin)}”",
                )
            )
    return rows, changed


def _unread_column(grid: Grid, header: Header, unread: UnreadColumn, table: SheetTable) -> Finding:
    """The warning for a column whose amounts the table leaves out, at its header cell."""
    column = unread.column
    where = CellRef(table.file, table.sheet, cell_name(header.row, column))
    label = f"“{plain_text(grid.value(header.row, column))}”"
    if unread.why == "unlabelled":
        return make_finding("column-unlabelled", where, column=column_letter(column))
    if unread.why == "twice" and unread.read is not None:
        return make_finding(
            "column-repeated",
            where,
            column=column_letter(column),
            label=label,
            read=column_letter(unread.read),
        )
    if header.shape == "wide":
        return make_finding("column-not-read", where, label=label)
    amount = f"“{plain_text(grid.value(header.row, header.columns['amount']))}”"
    return make_finding("column-beside-amount", where, label=label, amount=amount)


def _say_uncomputed_fields(
    grid: Grid, rows: Rows, header: Header, end: int, table: SheetTable
) -> None:
    """A chapter, article, description, series, kind or year cell holding a formula without a
    saved result (a workbook a script wrote) reads as empty: it is said at its cell, with the
    formula, as an amount's is (amount-not-computed), so that "empty" is not all there is."""
    fields = [*TEXT_FIELDS, *([] if header.shape == "wide" else ["year"])]
    columns = [header.columns[name] for name in fields if name in header.columns]
    lines = range(header.first_row, end + 1)
    empty = [  # a column at a time: most tables have none
        (row, order, column)
        for order, column in enumerate(columns)
        for row, cells in zip(lines, rows[header.first_row - 1 : end], strict=True)
        if column > len(cells) or cells[column - 1] is None
    ]
    for row, _, column in sorted(empty):
        formula = grid.formula_of(row, column)
        if formula:
            where = CellRef(table.file, table.sheet, cell_name(row, column))
            label = f"“{plain_text(grid.value(header.row, column))}”"
            table.findings.append(
                make_finding("value-not-computed", where, column=label, formula=formula)
            )


def _say_uncomputed_table(grid: Grid, header: Header, table: SheetTable) -> None:
    """A table without lines whose rows below the header hold formulas without saved results
    in its key columns (a sheet a script filled with =Invoer!A2, ...): its lines are there
    but read as empty, which is said once, at the first such cell, with the rows they fill.
    A formula in an amount column alone (a template's =SUM in its totals row) is no line."""
    columns = [
        header.columns[f] for f in ("chapter", "article", "description") if f in header.columns
    ]
    found: list[tuple[int, int, str]] = []  # (row, column, formula): the first of each row
    row = header.first_row - 1
    while True:  # a loader's grid may end above rows holding formulas alone: asked beyond it
        row += 1
        cells = grid.rows[row - 1] if row <= len(grid.rows) else ()
        formulas = [
            (row, column, text)
            for column in columns
            if column > len(cells) or cells[column - 1] is None
            if (text := grid.formula_of(row, column))
        ]
        if formulas:
            found.append(formulas[0])
        elif found or row > len(grid.rows):
            break  # the end of the rows so filled, or of the sheet
        elif any(not is_blank(value) for value in cells):
            return  # a row of values first: not a table of formulas
    if found:
        row, column, formula = found[0]
        table.findings.append(
            make_finding(
                "table-not-computed",
                CellRef(table.file, table.sheet, cell_name(row, column)),
                formula=formula,
                count=len(found),
                first=row,
            )
        )


def _say_merged_amounts(
    grid: Grid, header: Header, end: int, totals: set[int], table: SheetTable
) -> None:
    """An amount merged over the cells of several rows or years (G8:G9; C6:D6 of a wide
    table) counts once, at its first cell, as in Excel's SUM, and the merge's other lines
    or years get nothing from it: whether the amount was meant for one of them, for each,
    or in parts, no reader can tell, so it is said at the amount."""
    numbers = set(header.number_columns)
    for top, left, bottom, right in grid.merged:
        amounts = [column for column in numbers if left <= column <= right]
        if not (header.row < top <= end) or left not in numbers or top in totals:
            continue
        value = plain_text(grid.value(top, left))
        if (bottom == top and len(amounts) < 2) or not value:
            continue
        table.findings.append(
            make_finding(
                "merged-amount",
                CellRef(table.file, table.sheet, cell_name(top, left)),
                cells=f"{cell_name(top, left)}:{cell_name(bottom, right)}",
                value=quoted(value),
            )
        )


Evidence = list[tuple[str, int, int, str]]  # (style, row, column, text) of telling amounts


def _decide_styles(
    rows: Rows, header: Header, end: int, table: SheetTable, delimiter: str | None = None
) -> dict[int, str]:
    """How each amount column writes its numbers, where an ambiguous "1,234" needs to know.

    A column's own telling amounts decide it. Columns without any follow the table's other
    amounts, else a CSV file's delimiter ("," English, ";" Dutch), else the unit caption
    ("x € 1.000" is Dutch). When nothing decides, or the amounts disagree, the Dutch reading
    stays and a warning says so.
    """
    ambiguous: dict[int, list[tuple[int, str]]] = {}
    evidence: dict[int, Evidence] = {}
    for column in header.number_columns:
        for row in range(header.row + 1, end + 1):
            row_cells = rows[row - 1]
            value = row_cells[column - 1] if column <= len(row_cells) else None
            if not isinstance(value, str):
                continue
            if is_ambiguous(value):
                ambiguous.setdefault(column, []).append((row, value))
            elif style := number_style(value):
                evidence.setdefault(column, []).append((style, row, column, value))
    styles: dict[int, str] = {}
    pending = []
    for column, cells in sorted(ambiguous.items()):
        if column in evidence:
            source = "this column's other amounts are written that way"
            style = _decide_cells(_with_column(cells, column), evidence[column], source, table)
            if style:
                styles[column] = style
        else:
            pending.append(column)
    if pending:
        found = sorted(c for column in pending for c in _with_column(ambiguous[column], column))
        telling = [entry for entries in evidence.values() for entry in entries]
        source = "the table's other amounts are written that way"
        code = "separator-assumed"
        if not telling and delimiter in _DELIMITER_STYLES:
            # A spreadsheet saves a CSV file with ";" where its numbers have a decimal comma,
            # with "," where they group thousands with it: "13,100" from an English Excel is
            # 13100, whatever the Dutch caption ("x € 1.000") typed above it says.
            style, source = _DELIMITER_STYLES[delimiter]
            telling = [(style, 0, 0, _split_by(rows[header.row - 1], delimiter))]
            if style != DUTCH:  # the delimiter alone turns it from the Dutch reading: a warning
                code = "separator-by-delimiter"
        if not telling and (caption := _caption_style(table.unit.caption)):
            telling = [(caption, 0, 0, table.unit.caption)]
            source = "the unit caption writes numbers that way"
            if caption != DUTCH:  # the caption alone turns it from the Dutch reading: a warning
                code = "separator-by-caption"
        style = _decide_cells(found, telling, source, table, code)
        if style:
            styles.update(dict.fromkeys(pending, style))
    return styles


def _split_by(cells: tuple[Any, ...], delimiter: str) -> str:
    """The start of a CSV file's header line as written: "Hoofdstuk;Artikel;Omschrijving;…"."""
    labels = [plain_text(value) for value in cells if not is_blank(value)]
    return delimiter.join([*labels[:3], "…"] if len(labels) > 3 else labels)


_DELIMITER_STYLES = {
    ";": (DUTCH, "the file is separated by semicolons, as a spreadsheet set to Dutch saves it"),
    ",": (ENGLISH, "the file is separated by commas, as a spreadsheet set to English saves it"),
}


def _with_column(cells: list[tuple[int, str]], column: int) -> list[tuple[int, int, str]]:
    return [(row, column, value) for row, value in cells]


def _decide_cells(
    cells: list[tuple[int, int, str]],
    telling: Evidence,
    source: str,
    table: SheetTable,
    code: str = "separator-assumed",
) -> str | None:
    """The style ``telling`` agrees on (reported as assumed), or None (reported as ambiguous)."""
    row, column, value = cells[0]
    where = CellRef(table.file, table.sheet, cell_name(row, column))
    kinds = sorted({style for style, *_ in telling})
    shown = f"“{value.strip()}”"
    if len(kinds) == 1:
        style, example_row, example_column, example = telling[0]
        at = f" ({cell_name(example_row, example_column)})" if example_row else ""
        other = ENGLISH if style == DUTCH else DUTCH
        table.findings.append(
            make_finding(
                code,
                where,
                value=shown,
                read=parse_amount(value, table.unit.euros, style),
                other=parse_amount(value, table.unit.euros, other),
                convention=CONVENTIONS[style],
                source=source,  # a fixed phrase, translated when rendered
                example=f"“{example.strip()}”{at}",
                count=len(cells),
            )
        )
        return style
    if kinds:
        first = {style: (r, c, v) for style, r, c, v in reversed(telling)}
        shown_examples = ", ".join(
            f"“{v.strip()}” ({cell_name(r, c)})" for r, c, v in (first[k] for k in kinds)
        )
        reason, examples = "the amounts mix both ways of writing", f": {shown_examples}"
    else:
        reason, examples = "nothing in the table shows how its numbers are written", ""
    table.findings.append(
        make_finding(
            "separator-ambiguous",
            where,
            value=shown,
            read=parse_amount(value, table.unit.euros, DUTCH),
            reason=reason,
            examples=examples,
            count=len(cells),
        )
    )
    return None


def _caption_style(caption: str) -> str | None:
    """DUTCH for "x € 1.000", ENGLISH for "x EUR 1,000"; None when the caption shows neither."""
    match = re.search(r"1([.,])000\b", caption)
    if not match:
        return None
    return DUTCH if match.group(1) == "." else ENGLISH


def _report_hidden_columns(grid: Grid, header: Header, table: SheetTable) -> None:
    used = {*header.columns.values(), *header.year_columns.values()}
    for column in sorted(used & grid.hidden_columns):
        table.findings.append(
            make_finding(
                "hidden-column",
                CellRef(table.file, table.sheet, cell_name(header.row, column)),
                column=column_letter(column),
                label=f"“{plain_text(grid.value(header.row, column))}”",
            )
        )


class _Reader:
    def __init__(
        self,
        grid: Grid,
        rows: Rows,
        header: Header,
        table: SheetTable,
        styles: dict[int, str],
    ) -> None:
        self.grid, self.rows, self.header, self.table = grid, rows, header, table
        # The lines, as columns; those covered by the next totals row are the lines from
        # sub_start for a subtotal (since the previous totals row), all of them for a grand one.
        self.lines = table.columns = LineColumns(table.file, table.sheet)
        self.zeros = table.zeros = LineColumns(table.file, table.sheet)
        self.sub_start = 0
        self.unlabelled_start = 0  # the lines after the last unlabelled subtotal
        self.totals: dict[int, str] = {}  # row -> label of a totals row (find_extent)
        self.declared: ExcelTable | None = None  # the Excel Table whose totals row ends it
        # A wide table grouped by kind headings ("Kasschuiven", with their subtotal): the
        # heading now open (its row, label, first line) and its lines' places (kind at it).
        self.heading: tuple[int, str, int] | None = None
        self.heading_places: dict[int, Places] = {}
        self.headed = False  # the table has kind headings: its "Stand ..." rows are no lines
        # A table printed per article: its series, artikelonderdeel and instrument headings
        # (find_headings), and the one of each now open: (row, label, first line, first stand
        # row, rows read before); what the open series and artikelonderdeel give the lines
        # under them (their series, their article), and where (the heading's cell).
        self.headings: dict[int, str] = {}
        self.sections: dict[str, tuple[int, str, int, int, int]] = {}
        self.given: dict[str, tuple[Any, tuple[int, int]]] = {}
        self.given_places: dict[int, Places] = {}
        self.rows_read = 0  # rows read as a line or a stand row, or labelled: headings aside
        # (0, a year column) or (the header row, 0) -> its years stored as dates, with cells
        self.dates: dict[tuple[int, int], list[tuple[int, int, dt.date, int | None]]] = {}
        self.date_amounts: dict[tuple[int, int], tuple[dt.date, int]] = {}  # (row, column) ->
        # Worked out once per table, not per line: where each field of a line is, how each
        # amount column is parsed.
        columns = header.columns
        self.wide, self.suppletoire = header.shape == "wide", header.suppletoire
        # A suppletoire table's stand columns: read for validate's checks, never counted.
        self.stand_columns = (
            [header.columns[name] for name in ("stand_before", "stand_after")]
            if header.suppletoire
            else []
        )
        euros = table.unit.euros
        self.parsers = {
            column: AmountCache(
                functools.partial(parse_amount, unit=euros, style=styles.get(column))
            )
            for column in header.number_columns
        }
        self.label_columns = label_columns(header)
        self.text_columns = [(f, columns.get(f)) for f in TEXT_FIELDS]
        keyed = [columns.get(f) for f in ("chapter", "article", "description")]
        self.key_column = min((c for c in keyed if c is not None), default=1)
        base: Places = {f: (None, columns[f]) for f in TEXT_FIELDS if f in columns}
        # Amount column -> the places of a line whose amount is there.
        self.places: dict[int, Places] = {
            column: {**base, "year": (header.row, column), "amount": (None, column)}
            for column in header.year_columns.values()
        }
        if header.shape == "long":
            ycol, acol = columns.get("year"), columns["amount"]
            year_place = (None, ycol) if ycol else (header.row, acol)
            self.places = {acol: {**base, "year": year_place, "amount": (None, acol)}}

    def ref(self, row: int, column: int) -> CellRef:
        return CellRef(self.table.file, self.table.sheet, cell_name(row, column))

    def read_rows(self, first: int, last: int) -> None:
        """Rows ``first`` to ``last`` in order: every row by ``read_row``, except that each run
        of plain lines in a long table is read at once (``read_plain``)."""
        self.headed = (
            any(self.kind_heading(self.rows[row - 1]) for row in range(first, last + 1))
            if self.wide
            else self.has_heading_label(first, last)
        )
        if self.wide and not self.headed:
            self.headings = find_headings(self.rows, self.header, first, last, self.totals.keys())
        start = first
        for row in [*self.irregular_rows(first, last), last + 1]:
            if start < row:
                self.read_plain(start, row - 1)
            if row <= last:
                self.read_row(row)
            start = row + 1
        self.close_heading()
        self.close_sections("series")

    # The table reader's one speed trick (docs/en/maintainers.md, "Performance"): plain lines
    # read a column at a time save 0.3 s of CPU per 100,000 (10 % of a validate);
    # test_plain_rows.py holds them equal.
    def irregular_rows(self, first: int, last: int) -> list[int]:
        """The rows ``read_row`` must read: all but the plain lines of a long table.

        A plain line is where ``read_lines`` takes its shortest way and finds nothing to say:
        a long table (not suppletoire), an amount cell that is a number or non-blank text
        (not a date, not empty), a year that is not a date, and a row that is neither a
        totals row nor hidden.
        """
        rows = range(first, last + 1)
        if self.wide or self.suppletoire or self.headed:
            return list(rows)  # (a long table with kind headings: its lines take their kind)
        columns = self.header.columns
        amounts = _column_of(self.rows, columns["amount"], first, last)
        years = _column_of(self.rows, columns.get("year"), first, last)
        special = self.totals.keys() | self.grid.hidden_rows
        if "description" in columns:  # a row without one may be an unlabelled subtotal
            texts = _column_of(self.rows, columns["description"], first, last)
            special |= {row for row, text in zip(rows, texts, strict=True) if is_blank(text)}
        return [
            row
            for row, raw, year in zip(rows, amounts, years, strict=True)
            if raw.__class__ not in _PLAIN_AMOUNTS
            or (raw.__class__ is str and not raw.strip())
            or isinstance(year, dt.date)
            or row in special
        ]

    def read_plain(self, first: int, last: int) -> None:
        """The lines of plain rows ``first`` to ``last`` (see ``irregular_rows``), a column at
        a time: what ``read_lines`` makes of each, one line per row, without a finding."""
        columns, lines, rows = self.header.columns, self.lines, self.rows
        for name in TEXT_FIELDS:
            lines.values[name] += _blank_as_none(_column_of(rows, columns.get(name), first, last))
        lines.years += _blank_as_none(_column_of(rows, columns.get("year"), first, last))
        acol = columns["amount"]
        raws = _column_of(rows, acol, first, last)
        parsed = list(map(self.parsers[acol], raws))
        lines.rows += range(first, last + 1)
        lines.places += [self.places[acol]] * len(raws)
        lines.raws += raws
        lines.amounts += (amount for amount, _ in parsed)
        lines.problems += (problem for _, problem in parsed)

    def kind_heading(self, cells: tuple[Any, ...]) -> tuple[str, int] | None:
        """The label of a kind heading row ("Kasschuiven", "Intensiveringen") and its column:
        a label cell naming a kind of mutation (reconcile.kinds.KIND_HEADINGS), no chapter or
        article (the label may stand in the chapter column: "Kasschuiven" typed in column A),
        and in a long table no year (a line's row there names its year; a heading's does not).
        Beside a kind column, where each line may say its own kind, the row holds its label
        alone: no description or kind cell besides it."""
        columns = self.header.columns
        if not self.wide and self.value(cells, columns.get("year")) is not None:
            return None
        for column in self.label_columns:
            value = cells[column - 1] if column <= len(cells) else None
            if isinstance(value, str) and fold(value) in KIND_HEADINGS:
                if self.keyed(cells, besides=column):
                    return None
                if "kind" in columns and self.keyed(cells, column, ("description", "kind")):
                    return None
                return value.strip(), column
        return None

    def series_heading(self, cells: tuple[Any, ...]) -> tuple[str, str, int] | None:
        """The series, label and column of a series heading row ("Uitgaven", "Ontvangsten")
        of a table read by its kind headings (or a long table): a label cell naming a series,
        no chapter or article besides it, and in a long table no year; never in a table with
        a V/U/O column, where each line says its own."""
        columns = self.header.columns
        if "series" in columns:
            return None
        if not self.wide and self.value(cells, columns.get("year")) is not None:
            return None
        for column in self.label_columns:
            value = cells[column - 1] if column <= len(cells) else None
            series = series_heading(value)
            if series is not None:
                if self.keyed(cells, besides=column):
                    return None
                return series, plain_text(value), column
        return None

    def has_heading_label(self, first: int, last: int) -> bool:
        """Whether a row of a long table in rows ``first`` to ``last`` is a kind heading
        ("Kasschuiven" typed in the chapter column) or a series heading ("Uitgaven"): only a
        row without a year can be, so only those are asked (a long table is read a column at
        a time, and rarely has one)."""
        rows = self.rows[first - 1 : last]
        year = self.header.columns.get("year")
        if year is not None:
            years = _column_of(self.rows, year, first, last)
            blanks = {value for value in set(years) if is_blank(value)}  # (a few distinct years)
            if not blanks:
                return False  # the usual table: every row names its year
            rows = [cells for cells, value in zip(rows, years, strict=True) if value in blanks]
        return any(self.kind_heading(cells) or self.series_heading(cells) for cells in rows)

    def is_stand(self, cells: tuple[Any, ...]) -> bool:
        """A "Stand ..." row (the stand before or after the mutations) of a wide table."""
        return any(
            isinstance(value, str) and fold(value).startswith("stand ")
            for value in (cells[c - 1] for c in self.label_columns if c <= len(cells))
        )

    def keyed(
        self,
        cells: tuple[Any, ...],
        besides: int | None = None,
        names: tuple[str, ...] = ("chapter", "article"),
    ) -> bool:
        """Whether the row has a chapter or an article (``names``) in a column other than
        ``besides``: a line's key, never a stand's."""
        for name in names:
            column = self.header.columns.get(name)
            if column is None or column == besides:
                continue
            if column <= len(cells) and plain_text(cells[column - 1]):
                return True
        return False

    def open_heading(self, row: int, label: str, column: int) -> None:
        self.close_heading()
        self.heading = (row, label, len(self.lines))
        self.heading_places = {
            amount: {**places, "kind": (row, column)} for amount, places in self.places.items()
        }

    def close_heading(self) -> None:
        """Record the open heading's subtotal, over the lines under it."""
        if self.heading is not None:
            row, label, start = self.heading
            self.heading = None
            self.record_total(row, label, range(start, len(self.lines)), rounded=True)

    def read_row(self, row: int) -> None:
        cells = self.rows[row - 1]
        for value in cells:  # inlined is_blank: every cell of every row is asked
            if value is not None and not (isinstance(value, str) and not value.strip()):
                break
        else:
            return  # an empty row
        label = self.totals.get(row)
        if label is not None:
            self.close_heading()
            count = len(self.lines)
            grand = is_grand_total(label) or self.declared_row(row)
            covered = range(0 if grand else self.sub_start, count)
            self.record_total(row, label, covered)
            self.sub_start = count
            return
        section = self.headings.get(row)
        if section == INSTRUMENT_LINE:  # beside the instruments, not under the one above
            self.close_sections(INSTRUMENT)
        elif section is not None:  # (a series heading's label may be in another column)
            series = self.series_heading(cells) if section not in (INSTRUMENT, PART) else None
            self.open_section(row, section, series)
            return
        if self.headed:
            series = self.series_heading(cells)
            if series is not None:  # a series over the kind headings under it
                self.close_heading()
                self.open_section(row, "series", series)
                return
            heading = self.kind_heading(cells)
            if heading is not None:
                self.open_heading(row, *heading)
                return
            if self.wide and self.is_stand(cells):
                self.record_row_stand(row, cells)  # the stand the mutations start from
                return  # (or end at): never a line
        elif self.wide and self.is_stand(cells) and not self.keyed(cells):
            self.record_row_stand(row, cells)  # issue 18: a published mutation table's stand,
            return  # before or after: no line
        if not self.wide and not self.suppletoire and self.unlabelled_total(row, cells):
            return
        stands = self.header.stand_year is not None and self.record_stands(row)
        read = self.read_lines(row, cells)
        # A line whose amounts are not typed yet stands under its heading all the same: the
        # heading's amounts are checked against its lines' sum, not left out in silence.
        labelled = self.keyed(cells, names=("chapter", "article", "description"))
        self.rows_read += read or stands or labelled
        if read and row in self.grid.hidden_rows:
            where = self.ref(row, self.key_column)
            self.table.findings.append(make_finding("hidden-line", where, row=row))

    def unlabelled_total(self, row: int, cells: tuple[Any, ...]) -> bool:
        """Whether a long table's row is a subtotal without a label, and if so record it: a
        row without a description whose amount is the sum of two lines or more above it, of
        its year and series (as a totals row covers), since the last totals row, heading or
        such a row, every one of them described. Checked as a totals row and not counted,
        with a warning; any other row without a description stays a line (`missing-value`)."""
        columns, lines = self.header.columns, self.lines
        if "description" not in columns or self.value(cells, columns["description"]) is not None:
            return False
        acol = columns["amount"]
        raw = self.value(cells, acol)
        if raw is None or isinstance(raw, dt.date):
            return False
        amount, _ = self.parsers[acol](raw)
        if amount is None:
            return False
        year = parse_year(self.value(cells, columns.get("year")))
        series = plain_text(self.value(cells, columns.get("series"))).upper()
        starts = [self.sub_start, self.unlabelled_start]
        starts += [opened[2] for opened in self.sections.values()]
        if self.heading is not None:
            starts.append(self.heading[2])
        start = max(starts)
        covered = [
            index
            for index in range(start, len(lines))
            if (year is None or parse_year(lines.years[index]) == year)
            and (not series or plain_text(lines.values["series"][index]).upper() == series)
        ]
        amounts = [lines.amounts[index] for index in covered]
        if len(covered) < 2 or None in amounts:
            return False
        if any(is_blank(lines.values["description"][index]) for index in covered):
            return False  # lines without descriptions: this row is one of them
        if sum((a for a in amounts if a is not None), Decimal(0)) != amount:
            return False
        key = [self.value(cells, columns.get(name)) for name in ("chapter", "article")]
        label = " ".join(plain_text(value) for value in key if value is not None)
        self.record_total(row, label, range(start, len(lines)))
        self.unlabelled_start = len(lines)
        self.rows_read += 1
        self.table.findings.append(
            make_finding(
                "subtotal-unlabelled", self.ref(row, acol), amount=amount, count=len(covered)
            )
        )
        return True

    def open_section(
        self, row: int, section: str, series: tuple[str, str, int] | None = None
    ) -> None:
        """A series heading (it closes the sections open), an artikelonderdeel's (it closes
        the one open and its instrument) or an instrument's. ``series``: a series heading's
        series, label and column where it stands elsewhere than in the description column
        (beside kind headings, ``series_heading``)."""
        columns, cells = self.header.columns, self.rows[row - 1]
        label = plain_text(cells[columns["description"] - 1]) if series is None else series[1]
        kind = section if section in (INSTRUMENT, PART) else "series"
        self.close_sections(kind)
        opened = (row, label, len(self.lines), len(self.table.stand_rows), self.rows_read)
        self.sections[kind] = opened
        if kind == "series":  # (its label as printed, "Uitgaven:" with a colon in 2014)
            at = columns["description"] if series is None else series[2]
            self.given["series"] = (label.rstrip(": "), (row, at))
        elif kind == PART:
            column = columns["article"]
            self.given["article"] = (part_article(cells[column - 1]), (row, column))
        self.given_places = self.places_given(self.given)

    def places_given(self, names: Collection[str]) -> dict[int, Places]:
        """A line's places with those of ``names`` at the heading that gives them."""
        at = {name: self.given[name][1] for name in names}
        return {amount: {**places, **at} for amount, places in self.places.items()}

    def close_sections(self, kind: str) -> None:
        """Close the open sections up to ``kind``: an instrument is inside an artikelonderdeel,
        which is inside a series."""
        order = (INSTRUMENT, PART, "series")
        for inner in order[: order.index(kind) + 1]:
            self.close_section(inner)

    def close_section(self, kind: str) -> None:
        """Record the open series, artikelonderdeel or instrument heading's subtotal, over the
        lines under it (none when no row stands under it: a series total with no lines shown,
        Verplichtingen over the instruments' uitgaven, is checked by nothing), and its
        stands."""
        opened = self.sections.pop(kind, None)
        if opened is None:
            return
        if self.given.pop({"series": "series", PART: "article"}.get(kind, ""), None):
            self.given_places = self.places_given(self.given)
        row, label, first_line, first_stand, rows_read = opened
        if kind == INSTRUMENT:
            self.table.instruments.update(dict.fromkeys(range(first_line, len(self.lines)), label))
        if self.rows_read > rows_read:
            self.record_total(row, label, range(first_line, len(self.lines)))
        if self.header.stand_year is not None:
            stand_rows = self.table.stand_rows
            covers = tuple(
                index
                for index in range(first_stand, len(stand_rows))
                if stand_rows[index].covers is None
            )
            self.record_stands(row, covers)

    def record_stands(self, row: int, covers: tuple[int, ...] | None = None) -> bool:
        """A published suppletoire table's row: its stands and its mutation between them,
        for validate to check; False for a row with none of the three (a label alone)."""
        header, cells = self.header, self.rows[row - 1]
        year = header.stand_year
        assert year is not None  # (asked only of such a table)
        places = (
            header.columns["stand_before"],
            header.year_columns[year],
            header.columns["stand_after"],
        )
        if covers is None and all(self.value(cells, column) is None for column in places):
            return False
        before, mutation, after = (self.cell(row, c, self.value(cells, c)) for c in places)
        label = plain_text(self.value(cells, header.columns.get("description")))
        chain = self.chain_cells(row, cells)
        self.table.stand_rows.append(StandRow(label, before, mutation, after, covers, chain))
        return True

    def record_row_stand(self, row: int, cells: tuple[Any, ...]) -> None:
        """A "Stand ..." row's cells in the year columns, for validate to check the stand
        after against the stand before and the mutations between them."""
        values = [cells[c - 1] for c in self.label_columns if c <= len(cells)]
        label = next(
            (plain_text(v) for v in values if isinstance(v, str) and fold(v).startswith("stand ")),
            "",
        )
        years = self.header.year_columns.items()
        found = tuple((y, self.cell(row, c, self.value(cells, c))) for y, c in years)
        self.table.row_stands.append(RowStand(row, label, found))

    def chain_cells(self, row: int, cells: tuple[Any, ...]) -> tuple[tuple[int, AmountCell], ...]:
        """The row's cells in the columns of the header's chain ("(1)", "(3)=(1+2)", ...)."""
        chain = self.header.chain
        columns = {c for column_sum in chain for _, c in column_sum.terms}
        columns |= {column_sum.column for column_sum in chain}
        return tuple((c, self.cell(row, c, self.value(cells, c))) for c in sorted(columns))

    def value(self, cells: tuple[Any, ...], column: int | None) -> Any:
        if column is None or column > len(cells):
            return None
        value = cells[column - 1]
        return None if isinstance(value, str) and not value.strip() else value

    def amount(self, row: int, column: int, raw: Any) -> tuple[Decimal | None, str | None]:
        if raw is None:
            formula = self.grid.formula_of(row, column)
            return (None, "not-computed") if formula else (None, "empty")
        if isinstance(raw, dt.date) and (serial := excel_serial(raw)) is not None:
            self.date_amounts[(row, column)] = (raw, serial)  # the number typed, shown as a date
            raw = serial
        return self.parsers[column](raw)

    def note_date(self, row: int, column: int, value: Any, header: bool = False) -> None:
        """A year stored as a date; reported once per column of years, and once for the
        header's year cells of a wide table (see ``report_dates``)."""
        if isinstance(value, dt.date):
            group = (row, 0) if header else (0, column)
            self.dates.setdefault(group, []).append((row, column, value, parse_year(value)))

    def report_dates(self) -> None:
        row = self.header.row
        for column in sorted(self.header.year_columns.values()):
            self.note_date(row, column, self.grid.value(row, column), header=True)
        for (row, column), (value, serial) in sorted(self.date_amounts.items()):
            self.table.findings.append(
                make_finding(
                    "amount-is-date",
                    self.ref(row, column),
                    shown=f"{value:%d-%m-%Y}",
                    number=serial,
                )
            )
        for _, cells in sorted(self.dates.items()):
            row, column, value, year = cells[0]
            first, last = cell_name(row, column), cell_name(*cells[-1][:2])
            self.table.findings.append(
                make_finding(
                    "year-is-date",
                    self.ref(row, column),
                    shown=f"{value:%d-%m-%Y}",
                    year=year if year is not None else "no year",
                    count=len(cells),
                    cells=first if first == last else f"{first}:{last}",
                )
            )

    def read_lines(self, row: int, cells: tuple[Any, ...]) -> bool:
        """Read the line(s) of a row; False when the row holds none (a note, a heading)."""
        columns = self.header.columns
        value = self.value
        width = len(cells)
        values = {}
        for name, column in self.text_columns:  # self.value, inlined: six fields a line
            text = cells[column - 1] if column is not None and column <= width else None
            values[name] = None if isinstance(text, str) and not text.strip() else text
        if self.headings and (article := part_article(values["article"])) is not None:
            values["article"] = article  # a line numbered by its artikelonderdeel: "3.1"
        places = self.places
        if self.heading is not None and values["kind"] is None:
            values["kind"] = self.heading[1]  # the kind heading the line stands under
            places = self.heading_places
        given = [name for name in self.given if values[name] is None]
        if given:  # the series and artikelonderdeel headings it stands under
            for name in given:
                values[name] = self.given[name][0]
            if places is not self.places:  # under a kind heading too: both headings' places
                at = {name: self.given[name][1] for name in given}
                places = {amount: {**its, **at} for amount, its in places.items()}
            elif len(given) == len(self.given):
                places = self.given_places
            else:
                places = self.places_given(given)
        if self.wide:
            # In a wide table an empty or zero year cell means "nothing this year": no line.
            present = []
            for year, column in self.header.year_columns.items():
                raw = value(cells, column)
                if cell_number(raw) == 0:  # unrounded: 0,001 x EUR 1.000 is one euro
                    self.zeros.append(row, values, places[column], year, Decimal(0), raw, None)
                elif raw is not None or self.grid.formula_of(row, column):
                    present.append((year, column, raw))
        else:
            acol = columns["amount"]
            present = [(value(cells, columns.get("year")), acol, value(cells, acol))]
        has_key = values["chapter"] is not None or values["article"] is not None  # (not blank)
        if not has_key and all(raw is None for *_, raw in present):
            return False  # a note, a section heading or a blank-looking row: not a line
        year_column = columns.get("year")
        if not self.wide and year_column is not None and isinstance(present[0][0], dt.date):
            self.note_date(row, year_column, present[0][0])
        first = len(self.lines)
        for year, column, raw in present:
            amount, problem = self.amount(row, column, raw)
            self.lines.append(row, values, places[column], year, amount, raw, problem)
            if problem == "not-computed":
                self.table.findings.append(
                    make_finding(
                        "amount-not-computed",
                        self.ref(row, column),
                        label="This amount",
                        formula=self.grid.formula_of(row, column),
                    )
                )
            if self.suppletoire:
                before, after = (
                    self.cell(row, column, self.value(cells, column))
                    for column in self.stand_columns
                )
                self.table.stands.append(Stands(before, after, self.chain_cells(row, cells)))
        total_column = self.header.columns.get("row_total")
        if self.wide and total_column is not None:
            raw = self.value(cells, total_column)
            if raw is not None:
                cell = self.cell(row, total_column, raw)
                self.table.row_totals.append(RowTotal(cell, range(first, len(self.lines))))
        return bool(present)

    def cell(self, row: int, column: int, raw: Any) -> AmountCell:
        """The amount cell at ``row`` and ``column`` (``raw`` its value, blank as None)."""
        amount, problem = self.amount(row, column, raw)
        formula = self.grid.formula_of(row, column) if problem == "not-computed" else None
        return AmountCell(self.ref(row, column), raw, amount, problem, formula)

    def summed_columns(self, row: int, columns: list[int]) -> list[int]:
        """Of an Excel Table's totals row, the ``columns`` it sums (its totalsRowFunction sum,
        a formula of its own that sums, or none: a number typed there claims to be a total);
        for each other, `table-total-not-sum` at its cell, which is then not checked."""
        assert self.declared is not None
        kept = []
        for column in columns:
            function = self.declared.functions.get(column)
            formula = self.declared.formulas.get(column, "")
            if function in (None, "sum") or (function == "custom" and _SUMS.match(formula)):
                kept.append(column)
                continue
            shows = _NOT_SUMS.get(function or "") or Phrase(
                "the result of its own formula ({formula})", {"formula": formula or function}
            )
            self.table.findings.append(
                make_finding(
                    "table-total-not-sum",
                    self.ref(row, column),
                    table=f"“{self.declared.name}”",
                    shows=shows,
                )
            )
        return kept

    def declared_row(self, row: int) -> bool:
        """Whether ``row`` is the totals row of the Excel Table the table is."""
        return self.declared is not None and row == self.declared.totals_row

    def record_total(self, row: int, label: str, covered: range, rounded: bool = False) -> None:
        """A totals row over the lines ``covered``: its cell in every column it sums (each
        year of a wide table and its "Totaal" column; a long table's amount, and a
        suppletoire table's stands too)."""
        cells = self.rows[row - 1]
        header = self.header
        if self.wide:
            targets = list(header.year_columns.values())
            if "row_total" in header.columns:
                targets.append(header.columns["row_total"])
        else:
            names = ("stand_before", "amount", "stand_after")
            targets = [header.columns[n] for n in (names if self.suppletoire else ("amount",))]
        if self.declared_row(row):
            targets = self.summed_columns(row, targets)
        self.table.totals.append(
            TotalsRow(
                row,
                label,
                covered,
                self.value(cells, header.columns.get("year")),
                self.value(cells, header.columns.get("series")),
                {column: self.cell(row, column, self.value(cells, column)) for column in targets},
                rounded,
            )
        )
