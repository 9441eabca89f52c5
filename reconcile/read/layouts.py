"""Layouts as data: known table formats (open-data tables) described in TOML, found by labels.

A layout names the header label of each field (chapter, article, series, year, ...), its amount
columns (a budget moment, or a year relative to the row's year), the unit and number format,
how totals rows are flagged and which checks apply. A new template is a new file in
``reconcile/data/layouts/``, not new code. ``read_layout_grid`` turns a grid read with a layout
into a ``LayoutTable`` (a ``SheetTable`` whose lines keep their cells), so validation and
reporting are shared with workbooks.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import operator
import re
import tomllib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, Overflow
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast, overload

from reconcile.codes import make_finding
from reconcile.errors import ConfigError
from reconcile.ministries import normalise_chapter
from reconcile.model import CellRef, Finding, Phrase
from reconcile.money import (
    ACCOUNTING_ZERO,
    DUTCH,
    ENGLISH,
    MINUS_SIGNS,
    PRO_MEMORIE,
    SPACES,
    AmountCache,
    AmountError,
    Unit,
    find_unit,
    is_ambiguous,
    number_style,
    parse_amount,
    parse_number,
    to_cents,
)
from reconcile.nearest import did_you_mean
from reconcile.read.cells import SERIES_WORDS, cell_name, cell_text
from reconcile.read.find_table import HEADER_SCAN_ROWS, Header, parse_year
from reconcile.read.make_lines import CONVENTIONS, LineCells, Places, RawLine, SheetTable, is_blank
from reconcile.read.read_cells_csv import Block

NUMBER_FORMATS = ("plain", "dutch", "english")
ROUNDINGS = ("exact", "half-unit")
# Plain or English thousands comma, a decimal point, and the scientific notation a spreadsheet
# writes tiny remainders in ("-7.27595761418343E-012" in the B-table 2015).
_ENGLISH = re.compile(r"^[-\u2212]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?$")
# Scientific notation with one digit before the mark, the way a spreadsheet writes a number
# too small or large for its cell: "1.5E+3", "-7,27596E-12" (the mark is a decimal one).
_SCIENTIFIC = re.compile(r"^([-\u2212]?\d(?:[.,]\d+)?)([eE][-+]?\d+)$")
_UNSEEN: Any = object()  # not yet in a memo (None is a remembered result)
TEXT_MEMO = 65_536  # distinct texts remembered per column while a table is read
_SPREADSHEET_ERROR = re.compile(r"^(#(NAME\?|REF!|VALUE!|DIV/0!|N/A|NUM!|NULL!)|Err:\d{3})$")


@dataclass(frozen=True)
class AmountColumn:
    name: str  # the budget moment or relative year ("ontwerpbegroting", "t+1")
    labels: tuple[str, ...]
    year_offset: int = 0  # the line's year is the row's year plus this
    year: int | None = None  # a wide table's year column ("2026"): every line's year
    # The series (V, U or O) of every line of the column: a table with a column per series
    # ("Verplichtingen", "Uitgaven", "Ontvangsten"); None: the row's series column says it.
    series: str | None = None
    # A two-row header (the begrotingsstaat of a suppletoire law): the labels of the cell in
    # the row above (a budget moment over its V, U and O), spanning the columns to its right
    # up to the next; empty: the header row alone names the column.
    above: tuple[str, ...] = ()


@dataclass(frozen=True)
class TotalsRule:
    """How totals rows are flagged and which detail rows they must add up."""

    flag: str | None  # field holding the flag (None: totals are known by ``patterns``)
    value: str  # flag value of a totals row ("J")
    group: tuple[str, ...]  # a group-level total covers the detail rows agreeing on these
    levels: tuple[str, ...]  # empty in a group-level totals row
    memo: re.Pattern[str] | None  # detail rows that are "of which" notes, not parts
    # field -> pattern: a row whose text matches is a totals row ("TOTAAL" as description)
    patterns: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    # The publication's own rounding: "exact", or "half-unit" (each summed amount and the
    # total were rounded to whole units on their own, so they may differ by half a unit each).
    rounding: str = "exact"
    # Fields a group-level total may span: it may add up over the rows agreeing on the group
    # without these (an article's total over its Programma and its Apparaat lines).
    spans: tuple[str, ...] = ()


@dataclass(frozen=True)
class Split:
    """A field cut out of a combined cell: "XIII, Economische Zaken" is chapter and ministry."""

    separator: str  # cut at its first occurrence; a cell without it is the field alone
    rest: str  # the field the text after the separator goes to


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    unit: Unit
    unit_stated: bool  # False: the file states no unit, the layout assumes it (say so)
    numbers: str  # "plain", "dutch" or "english"
    columns: Mapping[str, tuple[str, ...]]  # field -> header labels
    optional: frozenset[str]  # fields and amount names a variant may lack
    amounts: tuple[AmountColumn, ...]
    key: tuple[str, ...]
    check_chapter: bool
    check_article: bool
    check_series: bool
    totals: TotalsRule | None
    source: str  # the file it was loaded from
    splits: Mapping[str, Split] = field(default_factory=dict)  # field -> how its cell is cut
    unit_field: str | None = None  # the field naming each row's unit ("x1000", "miljoen")
    units: Mapping[str, Unit] = field(default_factory=dict)  # folded unit text -> unit

    def fields(self) -> list[str]:
        """Every field a row of the table has: its columns' and the ones split out of them."""
        return [*self.columns, *(split.rest for split in self.splits.values())]


def fold(text: str) -> str:
    """A header label compared without case, NBSP or runs of spaces: "Naam Begroting " -> ..."""
    return " ".join(text.replace("\u00a0", " ").lower().split())


def label_matches(cell: Any, labels: Sequence[str]) -> bool:
    if not isinstance(cell, str):
        cell = header_text(cell)
    if not cell:
        return False
    folded = fold(cell)
    for label in labels:
        wanted = fold(label)
        if wanted.endswith("*"):
            if folded.startswith(wanted[:-1].rstrip()):
                return True
        elif folded == wanted:
            return True
    return False


def header_text(cell: Any) -> str:
    """A header cell's label as text: a wide table's year typed as a number is "2025", and
    so is one typed in a date-formatted cell (it shows 17-07-1905, or 18-07-1909 on the 1904
    calendar: ``parse_year``); any other value that is no text is no label."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return cell_text(cell)
    if isinstance(cell, dt.date) and (year := parse_year(cell)) is not None:
        return str(year)
    return ""


def _labels(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, dict):  # { labels = [...], split = ", ", rest = "ministry" }
        value = value.get("labels", value.get("label"))
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError("{where}: a label is a string or a list of strings", where=where)


def _unit(caption: Any, source: str) -> Unit:
    """The unit a layout names ("x € 1.000"); ConfigError for anything else."""
    unit = find_unit(str(caption))
    if unit is None:
        raise ConfigError(
            "{where}: unit {unit!r} is not a unit such as 'x € 1.000'", where=source, unit=caption
        )
    return unit


def _series(value: Any, where: str) -> str | None:
    """An amount column's series, V, U or O (the words Verplichtingen, Uitgaven and
    Ontvangsten too); None when not given; ConfigError for anything else."""
    if value is None:
        return None
    series = SERIES_WORDS.get(fold(str(value)).upper())
    if series is None:
        raise ConfigError("{where}: series {series!r} is not V, U or O", where=where, series=value)
    return series


def _one_of(value: Any, allowed: Sequence[str], message: str, source: str) -> str:
    """``value`` as text when it is one of ``allowed``; ConfigError with ``message`` else."""
    if str(value) not in allowed:
        raise ConfigError(message, where=source, formats=", ".join(allowed))
    return str(value)


def parse_layout(data: Mapping[str, Any], source: str) -> Layout:
    """A layout from its TOML data; ConfigError names ``source`` and what is wrong."""
    known = {"name", "title", "unit", "unit_stated", "unit_column", "units", "numbers"}
    known |= {"columns", "optional"}
    unknown = set(data) - known - {"amounts", "totals", "checks"}
    if unknown:
        raise ConfigError(
            "{where}: unknown keys {keys}", where=source, keys=", ".join(sorted(unknown))
        )
    try:
        unit = _unit(data["unit"], source)
        numbers = _one_of(
            data.get("numbers", "dutch"),
            NUMBER_FORMATS,
            "{where}: numbers must be one of {formats}",
            source,
        )
        columns = {
            str(name): _labels(value, f"{source} [columns] {name}")
            for name, value in data["columns"].items()
        }
        amounts = tuple(
            AmountColumn(
                str(spec["name"]),
                _labels(spec["label"], f"{source} [[amounts]]"),
                int(spec.get("year_offset", 0)),
                int(spec["year"]) if "year" in spec else None,
                _series(spec.get("series"), f"{source} [[amounts]] {spec['name']}"),
                _labels(spec["above"], f"{source} [[amounts]]") if "above" in spec else (),
            )
            for spec in data["amounts"]
        )
        splits = {
            str(name): Split(str(value["split"]), str(value["rest"]))
            for name, value in data["columns"].items()
            if isinstance(value, dict) and "split" in value
        }
        units = {
            fold(str(text)): _unit(caption, source)
            for text, caption in data.get("units", {}).items()
        }
        unit_field = data.get("unit_column")
        optional = data.get("optional", {})
        checks = data.get("checks", {})
        totals = data.get("totals")
        rule = None
        if totals is not None:
            memo = totals.get("memo")
            rounding = _one_of(
                totals.get("rounding", "exact"),
                ROUNDINGS,
                "{where}: [totals] rounding must be one of {formats}",
                source,
            )
            rule = TotalsRule(
                str(totals["flag"]) if "flag" in totals else None,
                str(totals.get("value", "")),
                tuple(totals["group"]),
                tuple(totals.get("levels", ())),
                re.compile(memo, re.IGNORECASE) if memo else None,
                {
                    str(name): re.compile(str(pattern), re.IGNORECASE)
                    for name, pattern in totals.get("patterns", {}).items()
                },
                rounding,
                tuple(totals.get("spans", ())),
            )
        layout = Layout(
            name=str(data["name"]),
            title=str(data.get("title", data["name"])),
            unit=unit,
            unit_stated=bool(data.get("unit_stated", True)),
            numbers=numbers,
            columns=columns,
            optional=frozenset(optional.get("columns", ()))
            | frozenset(optional.get("amounts", ())),
            amounts=amounts,
            key=tuple(checks.get("key", ())),
            check_chapter=bool(checks.get("chapter", False)),
            check_article=bool(checks.get("article", False)),
            check_series=bool(checks.get("series", False)),
            totals=rule,
            source=source,
            splits=splits,
            unit_field=str(unit_field) if unit_field else None,
            units=units,
        )
    except KeyError as exc:
        raise ConfigError("{where}: the key {key} is missing", where=source, key=exc) from exc
    except (TypeError, ValueError, AttributeError, re.error) as exc:
        problem = f"{type(exc).__name__}: {exc}"
        raise ConfigError(
            "{where}: the layout cannot be used ({problem})", where=source, problem=problem
        ) from exc
    named = set(layout.fields())
    used = [*layout.key, *(rule.group + rule.levels + tuple(rule.patterns) if rule else ())]
    if rule and rule.flag:
        used.append(rule.flag)
    if layout.unit_field:
        used.append(layout.unit_field)
    for name in used:
        if name not in named:
            raise ConfigError(
                "{where}: {name!r} is used but not a column of [columns]", where=source, name=name
            )
    return layout


@cache
def load_layouts() -> dict[str, Layout]:
    """The built-in layouts, by name, from reconcile/data/layouts/*.toml."""
    folder = resources.files("reconcile.data").joinpath("layouts")
    layouts = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            source = f"layouts/{entry.name}"
            layout = parse_layout(tomllib.loads(entry.read_text("utf-8")), source)
            layouts[layout.name] = layout
    return layouts


@cache
def load_layout_file(path: str) -> Layout:
    """A layout of the user's own, from a TOML file with the keys of the built-in ones."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            "cannot read layout file {path}: {problem}", path=path, problem=exc
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("{path} is not valid TOML: {problem}", path=path, problem=exc) from exc
    return parse_layout(data, path)


def get_layout(name: str) -> Layout:
    """A built-in layout by name, or the layout in a .toml file."""
    if name.lower().endswith(".toml"):
        return load_layout_file(name)
    layouts = load_layouts()
    if name not in layouts:
        known = ", ".join(sorted(layouts))
        raise ConfigError(
            "unknown layout {name!r}; known layouts: {known}.{hint}",
            name=name,
            known=known,
            hint=did_you_mean(name, layouts),
        )
    return layouts[name]


@dataclass(frozen=True)
class LayoutHeader:
    """Where a layout's header row is, and which column holds each field and amount."""

    layout: Layout
    row: int
    columns: dict[str, int]  # field -> 1-based column
    amounts: tuple[tuple[AmountColumn, int], ...]
    named: frozenset[int]  # every column with a header label


def match_header(
    cells: Sequence[Any], row: int, layout: Layout, above: Sequence[Any] = ()
) -> LayoutHeader | None:
    """The layout's header in ``cells``, or None when a required label is missing.

    ``above`` is the row above: in a two-row header a field's label stands there over a
    blank cell ("Art.", "Omschrijving"), and an amount with ``above`` labels needs its
    column under them (a budget moment spanning its V, U and O)."""
    columns: dict[str, int] = {}
    taken: set[int] = set()
    two_rows = any(amount.above for amount in layout.amounts)
    over_blank = [
        cell if column >= len(cells) or not cell_text(cells[column]) else None
        for column, cell in enumerate(above if two_rows else ())
    ]
    for name, labels in layout.columns.items():
        found = _find_label(cells, labels, taken)
        if found is None and two_rows:
            found = _find_label(over_blank, labels, taken)
        if found is not None:
            columns[name] = found
            taken.add(found)
        elif name not in layout.optional:
            return None
    amounts = []
    spans = spanning(above, set(columns.values())) if two_rows else {}
    for amount in layout.amounts:
        if amount.above:  # its label under a cell of the row above that is one of these
            under = [
                cell if label_matches(spans.get(i), amount.above) else None
                for i, cell in enumerate(cells, start=1)
            ]
            found = _find_label(under, amount.labels, taken)
        else:
            found = _find_label(cells, amount.labels, taken)
        if found is not None:
            taken.add(found)
            amounts.append((amount, found))
        elif amount.name not in layout.optional:
            return None
    if layout.amounts and not amounts:
        return None  # an edition may lack some amount columns, never all
    named = (
        frozenset(
            i for i, cell in enumerate(cells, start=1) if isinstance(cell, str) and cell.strip()
        )
        | frozenset(columns.values())  # a field named in the row above (a two-row header)
        | frozenset(column for _, column in amounts)  # a year typed as a number (2025)
    )
    return LayoutHeader(layout, row, columns, tuple(amounts), named)


def spanning(above: Sequence[Any], fields: Collection[int]) -> dict[int, str]:
    """Column -> the text of the row above that stands over it: its own cell's, or the
    nearest filled one to its left (a title over its columns, merged or not), never across
    a column of ``fields`` (1-based)."""
    spans: dict[int, str] = {}
    current = ""
    for column, cell in enumerate(above, start=1):
        text = cell_text(cell)
        if column in fields:
            current = ""
            continue
        current = text or current
        if current:
            spans[column] = current
    return spans


def _find_label(cells: Sequence[Any], labels: Sequence[str], taken: set[int]) -> int | None:
    """The 1-based column of the first of ``labels`` that a cell not yet taken carries.

    Labels are tried in their order: the web extract's "artikel" is the article number, and
    its description is "omschrijving", which the description's labels name before "Artikel".
    """
    for label in labels:
        for column, cell in enumerate(cells, start=1):
            if column not in taken and label_matches(cell, (label,)):
                return column
    return None


@dataclass(frozen=True)
class Fit:
    """How well one row carries a layout's header: the labels found and those lacking."""

    layout: Layout
    found: tuple[str, ...]  # the required labels found, as the file writes them
    missing: tuple[str, ...]  # the required fields not found: '"Onderdeel" / "artikel"'

    @property
    def share(self) -> float:
        return len(self.found) / max(len(self.found) + len(self.missing), 1)


def fit(cells: Sequence[Any], layout: Layout) -> Fit:
    """Which of ``layout``'s required labels and amount columns ``cells`` carry (each by its
    first label)."""
    found, missing = [], []
    required = [
        *((name, labels) for name, labels in layout.columns.items()),
        *((amount.name, amount.labels) for amount in layout.amounts),
    ]
    taken: set[int] = set()  # a cell is one field's label ("Artikel": the article's or the name's)
    amounts = {amount.name for amount in layout.amounts}
    an_amount = False  # an amount column found
    for name, labels in required:
        if name in layout.optional and name not in amounts:
            continue  # (an optional amount column is named where found: one is needed)
        column = _find_label(cells, labels, taken)
        if column is not None:
            taken.add(column)
            found.append(cell_text(cells[column - 1]))  # as the file writes it
            an_amount = an_amount or name in amounts
        elif name not in layout.optional:  # each of its labels would do
            missing.append(_alternatives(labels))
    if amounts and amounts <= layout.optional and not an_amount:
        every = [label for amount in layout.amounts for label in amount.labels]
        missing.append(_alternatives(every))  # any one will do
    return Fit(layout, tuple(found), tuple(missing))


def _alternatives(labels: Sequence[str]) -> str:
    return " / ".join(f'"{label.rstrip("*").strip()}"' for label in labels)


def closest_fit(rows: Sequence[Sequence[Any]], layouts: Sequence[Layout]) -> Fit:
    """The layout whose header the first rows come nearest to, with its labels found and
    lacking: what a refusal names."""
    fits = [fit(cells, layout) for layout in layouts for cells in rows[:HEADER_SCAN_ROWS]]
    fits += [Fit(layout, (), ()) for layout in layouts[:1]]  # no rows at all
    return max(fits, key=lambda f: (f.share, len(f.found)))


def find_layout_header(
    rows: Sequence[Sequence[Any]], layouts: Sequence[Layout]
) -> LayoutHeader | None:
    """The first row among the first HEADER_SCAN_ROWS that is the header of one of ``layouts``.

    When several layouts match one row, the one that recognises the most columns wins.
    """
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        above = rows[index - 2] if index > 1 else ()
        found = [
            h for layout in layouts if (h := match_header(cells, index, layout, above)) is not None
        ]
        if found:
            return max(found, key=lambda h: len(h.columns) + len(h.amounts))
    return None


class LayoutRow:
    """One data row of a layout table: its fields as text with their cells, and its amounts.

    A view of the row in its table's columns, made when asked: a table keeps no object per
    row (a 100,000-row CSV would otherwise make and free 400,000 of them).
    """

    __slots__ = ("_index", "_table")

    def __init__(self, table: LayoutTable, index: int) -> None:
        self._table, self._index = table, index

    @property
    def row(self) -> int:
        return self._table.row_numbers[self._index]

    @property
    def values(self) -> Mapping[str, str]:
        """Field -> text, "" when empty."""
        return RowValues(self._table.field_texts, self._index)

    @property
    def cells(self) -> Mapping[str, CellRef]:
        table = self._table
        return LineCells(table.file, table.sheet_name, self.row, table.places)

    @property
    def amounts(self) -> dict[str, RawLine]:
        """Amount name -> the line of that cell (empty cells left out)."""
        table, index = self._table, self._index
        return {
            name: line
            for name in table.amounts
            if (line := table.amount_line(name, index)) is not None
        }

    @property
    def is_total(self) -> bool:
        return self._index in self._table.total_rows

    def __repr__(self) -> str:
        return f"LayoutRow(row={self.row}, values={self.values!r})"


class LayoutRows(Sequence[LayoutRow]):
    """A layout table's rows, each made when asked from the table's columns."""

    __slots__ = ("_table",)

    def __init__(self, table: LayoutTable) -> None:
        self._table = table

    def __len__(self) -> int:
        return len(self._table.row_numbers)

    @overload
    def __getitem__(self, index: int) -> LayoutRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[LayoutRow]: ...
    def __getitem__(self, index: int | slice) -> LayoutRow | list[LayoutRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return LayoutRow(self._table, index % len(self))

    def __iter__(self) -> Iterator[LayoutRow]:
        table = self._table
        return (LayoutRow(table, index) for index in range(len(table.row_numbers)))


# An amount cell as read: the value as written, its euros (None: unreadable), its problem.
AmountRead = tuple[Any, Decimal | None, str | None]


@dataclass
class LayoutTable(SheetTable):
    """A table read with a layout: its rows, kept by column, and the lines of their amounts.

    Field -> each row's text, amount -> each row's cell as read (a CSV column's cells of one
    text share one ``AmountRead``), each row's year: the form the checks read them in,
    looking at each distinct text of a column once. A row's view (``rows``) and the line of
    an amount cell (``lines``, ``amount_lines``, ``amount_line``) are made when asked, so a
    table without findings makes no object per row or line (a 100,000-row CSV has 500,000
    amount cells).
    """

    spec: Layout | None = None
    sheet_name: str | None = None  # None for CSV files
    row_numbers: list[int] = field(default_factory=list)  # each row's number in the sheet
    field_texts: dict[str, list[str]] = field(default_factory=dict)  # field -> each row's text
    amounts: dict[str, list[AmountRead | None]] = field(default_factory=dict)  # None: blank
    years: list[int | None] = field(default_factory=list)  # each row's; None: none, or no year
    total_rows: set[int] = field(default_factory=set)  # indexes of the totals rows
    outside_rows: set[int] = field(default_factory=set)  # a note or pasted header: no lines
    summary_rows: set[int] = field(default_factory=set)  # totals known by a pattern ("TOTAAL")
    unreadable_rows: set[int] = field(default_factory=set)  # rows with an unreadable amount
    places: Places = field(default_factory=dict)  # field -> column, for a row's cells
    amount_columns: dict[str, int] = field(default_factory=dict)  # amount -> its column
    # The lines made so far, by (amount, row index): each cell's line is made once.
    _made: dict[tuple[str, int], LayoutLine | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _amount_lines: dict[str, list[LayoutLine | None]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _amount_places: dict[str, AmountPlace] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _distinct: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def layout(self) -> str | None:
        return self.spec.name if self.spec else "?"

    @property
    def shape(self) -> str | None:
        return None  # the layout says how the table holds its amounts

    @property
    def rows(self) -> LayoutRows:
        return LayoutRows(self)

    @property
    def lines(self) -> list[RawLine]:
        """The lines: each amount cell of the rows that are not totals rows (totals rows are
        checks, never lines), row by row, in the layout's order of its amounts. Made when
        first asked."""
        if self._lines is None:
            skipped = self.total_rows | self.outside_rows
            self._lines = [
                line
                for index, row_lines in enumerate(zip(*self.amount_lines.values(), strict=True))
                if index not in skipped
                for line in row_lines
                if line is not None
            ]
        return self._lines

    @property
    def line_count(self) -> int:
        """How many lines the table holds, counted in its columns (no line made)."""
        columns = list(self.amounts.values())
        count = sum(len(column) - column.count(None) for column in columns)
        skipped = self.total_rows | self.outside_rows
        return count - sum(column[i] is not None for i in skipped for column in columns)

    @property
    def amount_lines(self) -> dict[str, list[LayoutLine | None]]:
        """Amount -> each row's line of that cell, None where it is blank (made when asked)."""
        if self._amount_lines is None:
            made = {name: self._make_lines(name) for name in self.amounts}
            for (name, index), line in self._made.items():  # a line given out stays the line
                made[name][index] = line
            self._amount_lines, self._made = made, {}
        return self._amount_lines

    def amount_line(self, name: str, index: int) -> LayoutLine | None:
        """The line of row ``index``'s cell of amount ``name`` (None where blank), made once."""
        if self._amount_lines is not None:
            return self._amount_lines[name][index]
        key = (name, index)
        if key not in self._made:
            self._made[key] = self._make_lines(name, index, index + 1)[0]
        return self._made[key]

    def _make_lines(
        self, name: str, start: int = 0, stop: int | None = None
    ) -> list[LayoutLine | None]:
        """The lines of amount ``name``'s cells in rows ``start`` to ``stop`` (None: blank)."""
        spec = self.spec
        amount = next((a for a in spec.amounts if a.name == name), None) if spec else None
        place = self._amount_places.get(name)
        if place is None:
            column = self.amount_columns[name]
            where = {**self.places, "amount": (None, column)}
            series = amount.series if amount else None
            if series is not None and "series" not in where:  # said by the column's label
                where["series"] = (None, column)
            place = AmountPlace(self.field_texts, name, self.file, self.sheet_name, where, series)
            self._amount_places[name] = place
        offset = amount.year_offset if amount else 0
        fixed = amount.year if amount else None  # a year column's own year, not the row's
        texts = self.field_texts.get("year")  # a line's year: the row's text if it is no year
        rows, years, reads = self.row_numbers, self.years, self.amounts[name]
        lines: list[LayoutLine | None] = []
        for index in range(start, len(reads) if stop is None else stop):
            read = reads[index]
            if read is None:
                lines.append(None)
                continue
            year: Any = years[index]
            if fixed is not None:
                year = fixed
            elif year is not None:
                year += offset
            elif texts is not None:
                year = texts[index]  # the text that is no year, for the findings
            lines.append(LayoutLine(rows[index], index, place, year, *read))
        return lines

    def distinct_texts(self, name: str) -> frozenset[str]:
        """The distinct texts of field ``name``'s column (none for a field it lacks); the
        checks ask each of them once, not each row."""
        texts = self._distinct.get(name)
        if texts is None:
            texts = self._distinct[name] = frozenset(self.field_texts.get(name, ()))
        return texts

    def chapters(self) -> set[str]:
        """The chapters the table's rows name, each distinct text of the column read once."""
        texts = self.distinct_texts("chapter")
        return {chapter for text in texts if (chapter := normalise_chapter(text))}


class RowValues(Mapping[str, str]):
    """A row's fields as its table's columns hold them: field -> text."""

    __slots__ = ("_columns", "_index")

    def __init__(self, columns: dict[str, list[str]], index: int) -> None:
        self._columns, self._index = columns, index

    def __getitem__(self, name: str) -> str:
        return self._columns[name][self._index]

    def get(self, name: str, default: Any = None) -> Any:  # one call, not Mapping's two
        column = self._columns.get(name)
        return default if column is None else column[self._index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        return repr(dict(self))


class LineValues(Mapping[str, Any]):
    """A layout line's fields: its row's values plus its budget moment (and its amount
    column's series, where the column has one), not copied per line."""

    __slots__ = ("_moment", "_series", "_values")

    def __init__(self, values: Mapping[str, str], moment: str, series: str | None = None) -> None:
        self._values, self._moment, self._series = values, moment, series

    def __getitem__(self, name: str) -> Any:
        if name == "moment":
            return self._moment
        if name == "series" and self._series is not None:
            return self._series
        return self._values[name]

    def _added(self) -> list[str]:
        added = [] if "moment" in self._values else ["moment"]
        if self._series is not None and "series" not in self._values:
            added.append("series")
        return added

    def __iter__(self) -> Iterator[str]:
        yield from self._values
        yield from self._added()

    def __len__(self) -> int:
        return len(self._values) + len(self._added())

    def __repr__(self) -> str:
        return repr(dict(self))


class LayoutLine(RawLine):
    """A line of a layout table: one amount cell of a row, whose fields and cells are its row's.

    A table has a line per amount cell (five a row in the begrotingsstaten), so ``values``
    and ``cells`` are made when asked, from the table's columns and the amount's column, not
    kept: one object a line instead of three, which reading, Python's cycle collector and
    freeing the table each pay for once per line (see benchmarks/).
    """

    __slots__ = ("_column", "_index")

    def __init__(  # RawLine's fields, values and cells as where they come from
        self,
        row: int,
        index: int,  # the row's in its table's columns
        column: AmountPlace,
        year: Any,
        amount_raw: Any,
        amount: Decimal | None,
        amount_problem: str | None,
    ) -> None:
        self.row, self.year, self.amount = row, year, amount
        self.amount_raw, self.amount_problem = amount_raw, amount_problem
        self._index, self._column = index, column

    @property  # read-only: made from the row when asked, never set
    def values(self) -> Mapping[str, Any]:  # type: ignore[override]
        column = self._column
        return LineValues(RowValues(column.fields, self._index), column.moment, column.series)

    @property
    def cells(self) -> Mapping[str, CellRef]:  # type: ignore[override]
        column = self._column
        return LineCells(column.file, column.sheet, self.row, column.places)

    def __reduce__(self) -> tuple[type[RawLine], tuple[Any, ...]]:
        """Copied or pickled as the plain RawLine it stands for, its values and cells made."""
        values, cells = dict(self.values), dict(self.cells)
        fields = (self.year, self.amount, self.amount_raw, self.amount_problem)
        return RawLine, (self.row, values, cells, *fields)


@dataclass(frozen=True, slots=True)
class AmountPlace:
    """What the lines of one amount column share: their table's field columns, their moment,
    and where their cells are (file, sheet, each field's column and the amount's)."""

    fields: dict[str, list[str]]
    moment: str
    file: str
    sheet: str | None
    places: Places
    series: str | None = None  # the column's own series (AmountColumn.series)


def parse_layout_amount(value: Any, layout: Layout, euros: Decimal | None = None) -> Decimal:
    """Euros for an amount cell written in the layout's number format, in the layout's unit
    (or in ``euros`` a unit, a row's own)."""
    unit = layout.unit.euros if euros is None else euros
    if isinstance(value, str) and (scientific := _SCIENTIFIC.match(value.strip())):
        # Whatever the format, the mark in "-7,27596E-12" (a Dutch Excel's) is a decimal one.
        number = scientific.group(1).replace(",", ".").replace("\u2212", "-")
        return _cents(Decimal(number + scientific.group(2)), unit, value)
    # "plain" (no grouping) and "english" (thousands comma) both use a decimal point, so
    # "1.234" is one and a quarter there, never the Dutch 1 234.
    if isinstance(value, str) and layout.numbers in ("plain", "english"):
        text = value.strip().replace("\u00a0", "")
        if _ENGLISH.match(text):
            return _cents(Decimal(text.replace(",", "").replace("\u2212", "-")), unit, value)
        if ACCOUNTING_ZERO.fullmatch(text):  # the 2016 B-table writes 216 zeros " -   "
            return Decimal(0)
        if number_style(value) != DUTCH:  # "(1,234)", "‒ 1,234", "1,234-", "€ 1,234"
            try:
                return parse_amount(value, unit, ENGLISH)
            except AmountError:
                pass
        parse_number(value)  # raises for PM, n.t.b., 88% (each a finding of its kind)
        raise AmountError(value, "unreadable")  # a number, but not in the layout's format
    return parse_amount(value, unit)


def _cents(number: Decimal, unit: Decimal, value: str) -> Decimal:
    """``number`` times ``unit`` to the cent; unreadable where it has more digits than a
    Decimal holds ("1E+300": no budget is that large; "9E+999999" overflows in euros)."""
    try:
        return to_cents(number * unit)
    except (InvalidOperation, Overflow):
        raise AmountError(value, "unreadable") from None


def _picker(indexes: list[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """The cells at ``indexes`` as a tuple, in one C call (IndexError for a short row)."""
    if len(indexes) == 1:  # itemgetter of one index gives the item, not a tuple of it
        index = indexes[0]
        return lambda cells: (cells[index],)
    return operator.itemgetter(*indexes) if indexes else lambda cells: ()


def _remember(value: Any, memo: dict[str, Any], work: Callable[[Any], Any], limit: int) -> Any:
    """``work(value)``, remembered in ``memo`` for a text (until it holds ``limit`` texts).

    Any other value is worked each time: a workbook's 2025.0 and 2025 are equal keys but
    read differently.
    """
    if value.__class__ is not str:
        return work(value)
    result = memo.get(value, _UNSEEN)
    if result is _UNSEEN:
        result = work(value)
        if len(memo) < limit:
            memo[value] = result
    return result


def _clean_texts(values: tuple[Any, ...], texts: dict[str, str], limit: int) -> tuple[str, ...]:
    """``cell_text`` of each value; when every one is a text seen before, in C alone."""
    found = tuple(map(texts.get, values))  # only texts are remembered: None for any other
    if None not in found:
        return cast(tuple[str, ...], found)
    return tuple(_remember(value, texts, cell_text, limit) for value in values)


def _read_amount(raw: Any, amount_of: AmountCache) -> AmountRead | None:
    """An amount cell as its line keeps it (the value, its euros, its problem); None for a
    blank cell (``is_blank``)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return (raw, *amount_of(raw))


def _remembered(
    values: Sequence[Any], memo: dict[str, Any], work: Callable[[Any], Any], limit: int
) -> tuple[list[Any], bool]:
    """``work(value)`` of each of ``values``, and whether each value was a text in ``memo``.

    Each distinct text is worked once and remembered in ``memo`` (until it holds ``limit``
    texts), so a column's texts seen before are dict look-ups in C alone. Any other value
    (a workbook's numbers and dates: 2025.0 and 2025 are equal keys but read differently)
    is worked each time.
    """
    if (
        len(values) > 1
        and values[0].__class__ is str
        and values[-1] == values[0]
        and values.count(values[0]) == len(values)
    ):  # one text all down (a ministry's name): worked or looked up once
        results, remembered = _remembered(values[:1], memo, work, limit)
        return results * len(values), remembered
    try:
        return list(map(memo.__getitem__, values)), True
    except (KeyError, TypeError):  # a text not seen yet, or a value that is no text
        pass
    try:
        unseen = set(values).difference(memo)
    except TypeError:  # an unhashable value
        unseen = None
    if (
        unseen is not None
        and len(memo) + len(unseen) <= limit
        and all(value.__class__ is str for value in unseen)
    ):
        for value in unseen:
            memo[value] = work(value)
        return list(map(memo.__getitem__, values)), True
    return [_remember(value, memo, work, limit) for value in values], False


@dataclass(frozen=True)
class RowColumns:
    """``count`` consecutive rows, most of them given as columns.

    The rows at the positions ``where`` all have ``len(columns)`` cells: cell j of row
    ``where[k]`` is ``columns[j][k]``. Every other row is in ``others`` (position -> cells).
    """

    count: int
    columns: Sequence[Sequence[Any]]
    where: Sequence[int]
    others: Mapping[int, Sequence[Any]]

    def rows(self) -> list[list[Any]]:
        """The rows, each as a list of its cells."""
        columns = self.columns
        plain = map(list, zip(*columns, strict=True)) if columns else ([] for _ in self.where)
        if not self.others:
            return list(plain)
        rows: list[list[Any]] = [list(self.others.get(k, ())) for k in range(self.count)]
        for position, cells in zip(self.where, plain, strict=True):
            rows[position] = cells
        return rows


def usual_rows(sizes: Sequence[int]) -> tuple[int, Sequence[int]]:
    """The usual one of the rows' ``sizes`` (the most common), and the rows of that size:
    ``range`` of them all when every row has it (the usual case, found with one count)."""
    usual = sizes[0]
    if sizes.count(usual) != len(sizes):
        usual = max(set(sizes), key=sizes.count)
        return usual, [k for k, size in enumerate(sizes) if size == usual]
    return usual, range(len(sizes))


CHUNK_ROWS = 4096  # rows read, turned into columns and let go at a time


def read_layout_grid(
    rows: Iterable[Sequence[Any]],
    header: LayoutHeader,
    file: str,
    sheet: str | None,
    hidden_rows: frozenset[int] = frozenset(),
    *,
    by_column: bool = True,
) -> LayoutTable:
    """Every row below the header, with reading findings.

    Each non-blank row is a row of the table (kept by column, see ``LayoutTable``); the
    amounts of rows that are not totals rows are the table's lines (totals rows are checks,
    never lines). ``rows`` may be an iterator: it is read CHUNK_ROWS rows at a time, each
    chunk let go once read. ``by_column=False`` reads every row by itself, the general path
    the columns of plain rows must agree with (see tests/test_layout_columns.py).
    """
    table = _new_table(header, file, sheet)
    reader = _LayoutReader(table, header, hidden_rows)
    body = itertools.islice(rows, header.row, None)
    if not by_column:
        for row, cells in enumerate(body, start=header.row + 1):
            reader.read_row(row, cells)
        return finish_table(table)
    first = header.row + 1
    while chunk := list(itertools.islice(body, CHUNK_ROWS)):
        reader.read_chunk(first, chunk)
        first += len(chunk)
    return finish_table(table)


def finish_table(table: LayoutTable, semicolons: bool = False) -> LayoutTable:
    """What the layout says beyond one cell a field: the file's own number format, fields
    cut out of a combined cell, each row's own unit, totals rows known by a pattern. Once,
    on the table's columns. ``semicolons``: a CSV file separated by them."""
    layout = table.spec
    assert layout is not None
    layout = _follow_file_numbers(table, layout, semicolons)
    for name, split in layout.splits.items():
        texts = table.field_texts.get(name)
        if texts is None:
            continue
        cut = {text: _cut(text, split.separator) for text in set(texts)}
        table.field_texts[name] = [cut[text][0] for text in texts]
        own = table.field_texts.get(split.rest)  # a column of its own wins where it says
        if own is None:
            table.field_texts[split.rest] = [cut[text][1] for text in texts]
            table.places[split.rest] = table.places[name]
        else:
            table.field_texts[split.rest] = [
                mine or cut[text][1] for mine, text in zip(own, texts, strict=True)
            ]
    if layout.unit_field is not None and layout.unit_field in table.field_texts:
        _apply_row_units(table, layout, layout.unit_field)
    rule = layout.totals
    for name, pattern in rule.patterns.items() if rule else ():
        texts = table.field_texts.get(name, [])
        matching = {text for text in set(texts) if pattern.search(text)}
        table.summary_rows.update(i for i, text in enumerate(texts) if text in matching)
    table.total_rows |= table.summary_rows
    table.outside_rows = _rows_outside(table, layout) - table.total_rows
    if layout.numbers == "dutch":
        _refuse_short_groups(table)
    _read_pro_memorie(table)
    return table


_STYLE_OF = {"dutch": DUTCH, "english": ENGLISH, "plain": ENGLISH}  # plain: a decimal point
_FORMAT_OF = {DUTCH: "dutch", ENGLISH: "english"}


def _follow_file_numbers(table: LayoutTable, layout: Layout, semicolons: bool) -> Layout:
    """The layout with the number format the file's amounts are written in, where they all
    show the other one, every amount read again in it (else the layout as it is).

    A layout's format is how the publication writes its amounts; a copy re-saved by a Dutch
    Excel writes the B-tables' "197,904" as "197.904" and "8.943.747", and a begrotingsstaten
    saved by an English one "1,234,567". Amounts that show only the other format decide it;
    an ambiguous "56.962" then follows them (said once: separator-assumed). Amounts that mix
    both keep the layout's. Where none shows either, a CSV file separated by semicolons is
    read the Dutch way: a spreadsheet saves ";" where its numbers have a decimal comma.
    """
    own = _STYLE_OF[layout.numbers]
    telling: dict[str, set[str]] = {}  # style -> the texts that show it
    ambiguous: set[str] = set()  # the texts "1.234", "1,234"
    for reads in table.amounts.values():
        for text in {read[0] for read in set(reads) if read and read[0].__class__ is str}:
            if is_ambiguous(text):
                ambiguous.add(text)
            elif (style := number_style(text)) is not None:
                telling.setdefault(style, set()).add(text)
    source = "the table's other amounts are written that way"
    if not telling and semicolons and own != DUTCH and ambiguous:
        telling = {DUTCH: set()}
        source = "the file is separated by semicolons, as a spreadsheet set to Dutch saves it"
    if own in telling or len(telling) != 1:
        return layout
    ((style, texts),) = telling.items()
    layout = dataclasses.replace(layout, numbers=_FORMAT_OF[style])
    table.spec = layout
    amount_of = AmountCache(lambda raw: parse_layout_amount(raw, layout))
    unreadable: set[int] = set()
    for reads in table.amounts.values():
        for index, read in enumerate(reads):
            if read is not None:
                reads[index] = again = (read[0], *amount_of(read[0]))
                if again[1] is None:
                    unreadable.add(index)
    table.unreadable_rows = unreadable
    if ambiguous:
        cells = _cells_holding(table, ambiguous)
        row, column, text = cells[0]
        example = "“;”"
        if texts:
            example_row, example_column, text = _cells_holding(table, texts)[0]
            example = f"“{text.strip()}” ({cell_name(example_row, example_column)})"
        table.findings.append(
            make_finding(
                "separator-assumed",
                CellRef(table.file, table.sheet_name, cell_name(row, column)),
                value=f"“{text.strip()}”",
                read=parse_amount(text, layout.unit.euros, style),
                other=parse_amount(text, layout.unit.euros, own),
                convention=CONVENTIONS[style],
                source=source,  # a fixed phrase, translated when rendered
                example=example,
                count=len(cells),
            )
        )
    return layout


def _cells_holding(table: LayoutTable, texts: set[str]) -> list[tuple[int, int, str]]:
    """(row, column, text) of each amount cell holding one of ``texts``, in reading order."""
    return sorted(
        (table.row_numbers[index], table.amount_columns[name], read[0])
        for name, reads in table.amounts.items()
        for index, read in enumerate(reads)
        if read is not None and read[0] in texts
    )


def one_per_column(findings: list[Finding]) -> list[Finding]:
    """The values without a header, one finding per column of a sheet that holds several (a
    column the publication added: 2016, VIII article 8's eighth amount in AA301:AA329), in
    place of the first; a single one stays the cell's own (a row shifted over)."""
    columns: dict[tuple[str, str | None, str], list[Finding]] = {}
    for finding in findings:
        if finding.code == "value-without-header":
            where = finding.location
            letters = (where.cell or "").rstrip("0123456789")
            columns.setdefault((where.file, where.sheet, letters), []).append(finding)
    runs = [(letters, cells) for (_, _, letters), cells in columns.items() if len(cells) > 1]
    if not runs:
        return findings
    replaced = {
        id(cells[0]): make_finding(
            "values-without-header",
            cells[0].location,
            count=len(cells),
            column=letters,
            cells=f"{cells[0].location.cell}:{cells[-1].location.cell}",
            value=cells[0].params["value"],
        )
        for letters, cells in runs
    }
    dropped = {id(finding) for _, cells in runs for finding in cells[1:]}
    return [replaced.get(id(f), f) for f in findings if id(f) not in dropped]


# A Dutch amount grouped by points ("6.234.490"), and one with a point before one or two
# digits ("844.12"): beside the first, the second is a number whose last group lost its zeros
# (the begrotingsstaten of opendata.rijksbegroting.nl in 2014: 844.120 written "844.12") or a
# decimal point, and nothing in the cell says which. Both without the signs a negative amount
# is written with ("\u221239.21", "(39.21)", "39.21-"); a leading 0 groups nothing ("0.500" is
# read as 0.5, so "0.5" lost no zeros), and a group that lost its zeros does not end in one
# ("373.0" is a float's text: "2511373.0"; none of the 2014 file's 200 ends in a 0).
_POINT_GROUPED = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")
_SHORT_GROUP = re.compile(r"^[1-9]\d{0,2}\.\d?[1-9]$")
_SIGNS = SPACES + MINUS_SIGNS + "()+\t\n"


def _refuse_short_groups(table: LayoutTable) -> None:
    """Each amount written with a point before fewer than three digits, in a column whose
    amounts group thousands with points, made unreadable ("short-group"): counted as neither
    reading, and said at its cell."""
    for reads in table.amounts.values():
        distinct = {read[0].strip() for read in set(reads) if read and read[0].__class__ is str}
        short = {text for text in distinct if _SHORT_GROUP.match(text.strip(_SIGNS))}
        if not short or not any(_POINT_GROUPED.match(text.strip(_SIGNS)) for text in distinct):
            continue
        for index, read in enumerate(reads):
            if read and read[0].__class__ is str and read[0].strip() in short:
                reads[index] = (read[0], None, "short-group")
                table.unreadable_rows.add(index)


def mark_uncomputed(table: LayoutTable, formula_of: Callable[[int, int], str | None]) -> None:
    """Each blank amount cell that is a formula without a saved result (a file written by a
    script: its value is unknown, not nothing) made unreadable ("not-computed"), so that it is
    said at its cell and no total over it is checked, instead of being read as blank."""
    for name, reads in table.amounts.items():
        column = table.amount_columns[name]
        for index, read in enumerate(reads):
            if read is None and (formula := formula_of(table.row_numbers[index], column)):
                reads[index] = (formula, None, "not-computed")
                table.unreadable_rows.add(index)


def _read_pro_memorie(table: LayoutTable) -> None:
    """Each amount written "pm" (pro memorie: the publication's own way of saying it is not
    known yet; the 2016 and 2017 B-tables have 36 and 17) read as no amount, as a blank cell
    is, and said once for the table: a total over it is checked without it, as published. In
    a ministry's workbook PM stays an error: a reservation needs its amount."""
    cells: list[tuple[int, int]] = []  # (row, column)
    for name, reads in table.amounts.items():
        column = table.amount_columns[name]
        for index in sorted(table.unreadable_rows):  # (a pm cell's row is one)
            read = reads[index]
            text = read[0] if read and read[1] is None else None
            if isinstance(text, str) and PRO_MEMORIE.fullmatch(text.strip()):
                reads[index] = None
                cells.append((table.row_numbers[index], column))
    if not cells:
        return
    reads_of = list(table.amounts.values())
    table.unreadable_rows = {
        index
        for index in table.unreadable_rows
        if any((read := reads[index]) is not None and read[1] is None for reads in reads_of)
    }
    row, column = min(cells)
    first = CellRef(table.file, table.sheet_name, cell_name(row, column))
    table.findings.append(make_finding("amount-pro-memorie", first, count=len(cells)))


def _rows_outside(table: LayoutTable, layout: Layout) -> set[int]:
    """The rows that are not part of the table: none of the place fields of its key (year,
    series, chapter) filled, or one and no amount (a note below the data), or nothing but
    them (no article, description or amount: the first-published begrotingsstaten' 2016
    chapter V O and U, rows 2313-2314), or the header's description label pasted again (a
    piece of a printed table below the data: "Art.;Omschrijving;Stand ontwerp-begroting")."""
    place = ("year", "series", "chapter")
    if not all(name in layout.key for name in place):
        return set()  # a table placed otherwise (the ombuigingslijst: paragraph, measure)
    columns = [table.field_texts[name] for name in place if name in table.field_texts]
    others = [  # what a row says beside its place
        table.field_texts[name] for name in ("article", "description") if name in table.field_texts
    ]
    # Found a column at a time: most rows hold their place and an amount.
    unplaced: Sequence[int] = range(len(columns[0]) if columns else 0)
    amountless = unplaced
    for texts in columns:
        unplaced = [i for i in unplaced if not texts[i]]
    for reads in table.amounts.values():
        amountless = [i for i in amountless if reads[i] is None]
    # a note below the data ("Bron: rijksfinancien.nl" in the year's column): one place field
    # filled at most, and no amount; or a row of its place alone
    outside = {*unplaced}
    outside.update(
        i
        for i in amountless
        if sum(bool(texts[i]) for texts in columns) <= 1
        or (others and not any(c[i] for c in others))
    )
    labels = layout.columns.get("description", ())
    descriptions = table.field_texts.get("description", [])
    pasted = {text for text in set(descriptions) if text and label_matches(text, labels)}
    if pasted:
        outside.update(i for i, text in enumerate(descriptions) if text in pasted)
    return outside


def _cut(text: str, separator: str) -> tuple[str, str]:
    """ "XIII, Economische Zaken" -> ("XIII", "Economische Zaken"); "Rijk" -> ("Rijk", "")."""
    first, _, rest = text.partition(separator)
    return first.strip(), rest.strip()


def _apply_row_units(table: LayoutTable, layout: Layout, unit_field: str) -> None:
    """Each row's amounts read again in the unit its unit column names, where that is not
    the layout's own (a "Rijk" summary block in "miljoen" below lines in "x1000")."""
    texts = table.field_texts[unit_field]
    euros_of = {text: _row_unit(text, layout).euros for text in set(texts)}
    for text in sorted({t for t in euros_of if t and _row_unit(t, layout) is layout.unit}):
        if fold(text) in layout.units:
            continue  # a word of the layout's own unit
        row = table.row_numbers[texts.index(text)]  # said once, at its first row
        column = table.places[unit_field][1]
        where = CellRef(table.file, table.sheet_name, cell_name(row, column))
        table.findings.append(make_finding("unit-assumed", where, unit=layout.unit.label))
    for reads in table.amounts.values():
        for index, text in enumerate(texts):
            euros = euros_of[text]
            read = reads[index]
            if euros != layout.unit.euros and read is not None and read[1] is not None:
                reads[index] = (read[0], parse_layout_amount(read[0], layout, euros), None)


def _row_unit(text: str, layout: Layout) -> Unit:
    """The unit a row's unit cell names; the layout's own where it is blank or unknown (an
    unknown word is said: unit-assumed at its first cell)."""
    return layout.units.get(fold(text)) or find_unit(text) or layout.unit


def _new_table(header: LayoutHeader, file: str, sheet: str | None) -> LayoutTable:
    """An empty table for the rows below ``header``, with the findings of its header."""
    layout = header.layout
    header_ref = CellRef(file, sheet, cell_name(header.row, 1))
    # An optional amount column the header lacks (or labels otherwise) is said, not left out
    # in silence: "Stand 1e suppletoire" is no label of the begrotingsstaten.
    read = {amount.name for amount, _ in header.amounts}
    lacking = ", ".join(f"“{a.labels[0]}”" for a in layout.amounts if a.name not in read)
    said = Phrase(" No column for {amounts}: those amounts are not read.", {"amounts": lacking})
    findings: list[Finding] = [
        make_finding(
            "layout-detected",
            header_ref,
            layout=layout.name,
            row=header.row,
            found=len(header.columns) + len(header.amounts),
            labels=len(layout.columns) + len(layout.amounts),
            lacking=said if lacking else "",
        )
    ]
    if not layout.unit_stated:
        findings.append(make_finding("unit-assumed", header_ref, unit=layout.unit.label))
    # The workbook reader's view of the header, for code that reads any SheetTable.
    sheet_header = Header(
        header.row,
        dict(header.columns) | ({"amount": header.amounts[0][1]} if header.amounts else {}),
    )
    return LayoutTable(
        file=file,
        sheet=sheet or "",
        header=sheet_header,
        unit=layout.unit,
        title=[],
        findings=findings,
        spec=layout,
        sheet_name=sheet,
        field_texts={name: [] for name in header.columns},
        amounts={amount.name: [] for amount, _ in header.amounts},
        # Where each field is, worked out once: a row's and a line's cells are named when asked.
        places={name: (None, column) for name, column in header.columns.items()},
        amount_columns={amount.name: column for amount, column in header.amounts},
    )


def read_layout_blocks(
    blocks: Iterable[Block],
    header: LayoutHeader,
    file: str,
    sheet: str | None,
    *,
    semicolons: bool = False,
) -> LayoutTable:
    """What ``read_layout_grid`` reads from the rows the blocks hold (a CSV file's, see
    ``reconcile.read.read_cells_csv.stream_csv_blocks``; ``semicolons``: separated by them)."""
    table = _new_table(header, file, sheet)
    reader = _LayoutReader(table, header, frozenset())
    first = 1  # the number of the block's first row
    for block in blocks:
        for start in range(max(header.row + 1 - first, 0), len(block), CHUNK_ROWS):
            reader.read_chunk(first + start, block[start : start + CHUNK_ROWS])
        first += len(block)
    return finish_table(table, semicolons)


class _LayoutReader:
    """Fills a layout table's columns from its rows.

    A chunk of rows is turned into columns (``read_chunk``): the rows of the usual width,
    not blank, with nothing beside the named columns and not hidden, are read a column at a
    time, each distinct text once (``_remembered``); every other row is read by itself
    (``read_row``, the general path). Both give the table the same columns.
    """

    def __init__(self, table: LayoutTable, header: LayoutHeader, hidden_rows: frozenset[int]):
        layout = header.layout
        self.table, self.header, self.hidden_rows = table, header, hidden_rows
        self.hidden = sorted(hidden_rows)
        self.field_indexes = [column - 1 for column in header.columns.values()]
        self.pick_fields = _picker(self.field_indexes)
        self.field_columns = list(table.field_texts.values())  # in the order of field_indexes
        self.amount_indexes = [column - 1 for _, column in header.amounts]
        self.amount_columns = list(table.amounts.values())
        year = header.columns.get("year")
        self.year_index = None if year is None else year - 1
        fields = list(header.columns)
        flag = layout.totals
        self.flag_value = None if flag is None or flag.flag is None else flag.value.upper()
        self.flag_at = fields.index(flag.flag) if flag is not None and flag.flag in fields else None
        named_run = 0  # columns 1 to named_run all have a header label
        while named_run + 1 in header.named:
            named_run += 1
        self.named_run = named_run
        # The width a row needs to hold every field and amount.
        self.needed = max((*self.field_indexes, *self.amount_indexes), default=0) + 1
        # Each distinct text is cleaned once (columns repeat their chapters, phases, series),
        # each year and amount text read once; the memory stops growing at TEXT_MEMO texts.
        self.texts: dict[str, str] = {}
        self.texts_limit = TEXT_MEMO * max(len(fields), 1)
        self.years: dict[str, int | None] = {}
        self.amount_texts: dict[str, AmountRead | None] = {}
        self.unreadable_texts: set[str] = set()  # amount texts that do not read
        self.amount_of = AmountCache(lambda raw: parse_layout_amount(raw, layout))
        self.limit = TEXT_MEMO

    def ref(self, row: int, column: int) -> CellRef:
        table = self.table
        return CellRef(table.file, table.sheet_name, cell_name(row, column))

    def read_amount(self, raw: Any) -> AmountRead | None:
        read = _read_amount(raw, self.amount_of)
        if read is not None and read[1] is None and raw.__class__ is str:
            self.unreadable_texts.add(raw)
        return read

    def is_total(self, flagged: str) -> bool:
        return self.flag_value is not None and flagged.upper() == self.flag_value

    def read_row(self, row: int, cells: Sequence[Any]) -> None:
        """Row ``row``, whatever it holds: skipped when blank, a short row's missing fields
        empty, a value beside the named columns and a hidden row with amounts reported."""
        for value in cells:  # is_blank, inlined: every cell of every row is asked
            if value is not None and not (isinstance(value, str) and not value.strip()):
                break
        else:
            return
        table = self.table
        width = len(cells)
        try:
            raw_fields = self.pick_fields(cells)
        except IndexError:  # a short row: its missing fields are empty
            raw_fields = tuple(cells[i] if i < width else "" for i in self.field_indexes)
        cleaned = _clean_texts(raw_fields, self.texts, self.texts_limit)
        at = len(table.row_numbers)  # the row's index in the table's columns
        table.row_numbers.append(row)
        for column_texts, text in zip(self.field_columns, cleaned, strict=True):
            column_texts.append(text)
        if width > self.named_run:  # a value right of the named columns, or in a gap
            for column, value in enumerate(cells, start=1):
                if column not in self.header.named and not is_blank(value):
                    shown = f'"{cell_text(value)}"'
                    finding = make_finding(
                        "value-without-header", self.ref(row, column), value=shown
                    )
                    table.findings.append(finding)
        if self.is_total(cleaned[self.flag_at] if self.flag_at is not None else ""):
            table.total_rows.add(at)
        year = None
        if self.year_index is not None:
            raw_year = cells[self.year_index] if self.year_index < width else ""  # a short row
            year = _remember(raw_year, self.years, parse_year, self.limit)
        table.years.append(year)
        has_amounts = False
        for index, reads in zip(self.amount_indexes, self.amount_columns, strict=True):
            raw = cells[index] if index < width else None
            read = _remember(raw, self.amount_texts, self.read_amount, self.limit)
            reads.append(read)
            if read is not None:
                has_amounts = True
                if read[1] is None:
                    table.unreadable_rows.add(at)
        if has_amounts and row in self.hidden_rows:  # read like a visible row, as workbooks are
            table.findings.append(make_finding("hidden-line", self.ref(row, 1), row=row))

    def read_chunk(self, first: int, chunk: Sequence[Sequence[Any]]) -> None:
        """Rows ``first`` to ``first + len(chunk) - 1``: those of the usual width as columns."""
        count = len(chunk)
        widths = list(map(len, chunk))
        width, where = usual_rows(widths)
        if len(where) == count:
            self.read_columns(first, RowColumns(count, list(zip(*chunk, strict=True)), where, {}))
            return
        columns = list(zip(*[chunk[k] for k in where], strict=True))
        others = {k: chunk[k] for k, w in enumerate(widths) if w != width}
        self.read_columns(first, RowColumns(count, columns, where, others))

    def read_columns(self, first: int, block: RowColumns) -> None:
        """Rows ``first`` on, as a block gives them: the plain ones a column at a time."""
        columns, where, count = block.columns, block.where, block.count
        if len(columns) < self.needed:  # the usual row is short (or there is none)
            for row, cells in enumerate(block.rows(), start=first):
                self.read_row(row, cells)
            return
        texts = [
            _remembered(columns[i], self.texts, cell_text, self.texts_limit)[0]
            for i in self.field_indexes
        ]
        if self.year_index is None:
            years: list[Any] = [None] * len(where)
        else:
            years = _remembered(columns[self.year_index], self.years, parse_year, self.limit)[0]
        amounts = [self._amounts(columns[i]) for i in self.amount_indexes]
        odd = set(block.others)  # the rows read by read_row, by their place in the block
        odd.update(where[k] for k in self._odd(columns, texts, amounts))
        if self.hidden:
            lo = bisect.bisect_left(self.hidden, first)
            hi = bisect.bisect_left(self.hidden, first + count)
            odd.update(row - first for row in self.hidden[lo:hi])
        totals = self._totals(texts, len(where))
        unreadable = sorted({k for _, bad in amounts for k in bad})
        if not odd:
            self._add_run(first, 0, len(where), texts, years, amounts, totals, unreadable)
            return
        plain_of = {k: p for p, k in enumerate(where)}  # a row's place -> its plain position
        start = 0
        for k in (*sorted(odd), count):
            if k > start:
                p = plain_of[start]
                self._add_run(
                    first + start, p, p + k - start, texts, years, amounts, totals, unreadable
                )
            if k < count:
                other = block.others.get(k)
                if other is None:
                    other = [column[plain_of[k]] for column in columns]
                self.read_row(first + k, other)
            start = k + 1

    def _amounts(self, values: Sequence[Any]) -> tuple[list[AmountRead | None], list[int]]:
        """Each cell of an amount column as read, and the positions of those that do not read."""
        reads, remembered = _remembered(values, self.amount_texts, self.read_amount, self.limit)
        if not remembered:
            return reads, [
                k for k, read in enumerate(reads) if read is not None and read[1] is None
            ]
        bad = self.unreadable_texts
        if not bad or bad.isdisjoint(values):
            return reads, []
        return reads, [k for k, value in enumerate(values) if value in bad]

    def _odd(
        self,
        columns: Sequence[Sequence[Any]],
        texts: list[list[str]],
        amounts: list[tuple[list[AmountRead | None], list[int]]],
    ) -> set[int]:
        """The positions of the plain rows that are blank or hold a value beside the named
        columns: read by ``read_row``."""
        count = len(columns[0])
        # A blank row is blank in every column: its field texts "", its amounts None. The
        # column with the fewest blanks is asked first (in the usual chunk: none at all).
        views: list[tuple[list[Any], Any]] = [(t, "") for t in texts]
        views += [(reads, None) for reads, _ in amounts]
        candidates = [] if views else list(range(count))
        if views and views[0][0].count(views[0][1]):  # some row may be blank
            views.sort(key=lambda view: view[0].count(view[1]))
            view, blank = views[0]
            candidates = [k for k, value in enumerate(view) if value == blank]
            for view, blank in views[1:]:
                if not candidates:
                    break
                candidates = [k for k in candidates if view[k] == blank]
        odd = set(candidates)  # rows that may be blank (every cell is asked, by read_row)
        for index, column in enumerate(columns, start=1):
            if index in self.header.named or column.count("") + column.count(None) == count:
                continue
            odd.update(k for k, value in enumerate(column) if not is_blank(value))
        return odd

    def _totals(self, texts: list[list[str]], count: int) -> list[int]:
        """The positions of the totals rows among the plain rows."""
        if self.flag_value is None:
            return []
        if self.flag_at is None:
            return list(range(count)) if self.is_total("") else []
        flags = texts[self.flag_at]
        flagged = {text for text in set(flags) if self.is_total(text)}
        return [k for k, text in enumerate(flags) if text in flagged] if flagged else []

    def _add_run(
        self,
        row: int,
        start: int,
        stop: int,
        texts: list[list[str]],
        years: list[Any],
        amounts: list[tuple[list[AmountRead | None], list[int]]],
        totals: list[int],
        unreadable: list[int],
    ) -> None:
        """The plain rows at positions ``start`` to ``stop`` (rows ``row`` on), added to the
        table's columns."""
        table = self.table
        at = len(table.row_numbers) - start  # a plain position's index in the table's columns
        whole = start == 0 and stop == len(years)
        table.row_numbers.extend(range(row, row + stop - start))
        for column_texts, cleaned in zip(self.field_columns, texts, strict=True):
            column_texts.extend(cleaned if whole else cleaned[start:stop])
        table.years.extend(years if whole else years[start:stop])
        for column_reads, (reads, _) in zip(self.amount_columns, amounts, strict=True):
            column_reads.extend(reads if whole else reads[start:stop])
        for positions, indexes in ((totals, table.total_rows), (unreadable, table.unreadable_rows)):
            if positions:
                found = positions[
                    bisect.bisect_left(positions, start) : bisect.bisect_left(positions, stop)
                ]
                indexes.update(at + k for k in found)


def column_label(layout: Layout, name: str) -> str:
    """How the table's header names a field: "Begrotingsfase" for ``phase``."""
    labels = layout.columns.get(name)
    return labels[0].rstrip("*").strip() if labels else name


def is_spreadsheet_error(text: str) -> bool:
    """ "#NAME?", "#REF!", "Err:509": what Excel or LibreOffice shows for a broken formula."""
    if "#" not in text and "Err:" not in text:  # every line of a table is asked: most hold none
        return False
    return bool(_SPREADSHEET_ERROR.match(text.strip()))


__all__ = [
    "AmountColumn",
    "Layout",
    "LayoutHeader",
    "LayoutRow",
    "LayoutTable",
    "TotalsRule",
    "closest_fit",
    "column_label",
    "find_layout_header",
    "get_layout",
    "is_spreadsheet_error",
    "label_matches",
    "load_layouts",
    "mark_uncomputed",
    "match_header",
    "parse_layout",
    "read_layout_blocks",
    "read_layout_grid",
]
