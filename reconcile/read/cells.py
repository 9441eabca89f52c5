"""Cells as every loader hands them over: a sheet's ``Grid``, a cell's A1 name, the text of a
formula whose result was never saved (asked of openpyxl), and the error a loader raises.

The leaf of ``reconcile.read``: the pre-flight, the loaders and the table reader all use it,
and it uses none of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reconcile.errors import InputError
from reconcile.model import Phrase
from reconcile.text_mark import without_text_mark


def value_text(value: Any) -> str:
    """A cell's value as its sheet shows it, unstripped: a date as 01-01-2025 (with its time
    when it has one), a time as 09:30, a whole float as 2025, another float to 15 digits as
    Excel shows it (0.1 + 0.2 as 0.3), a truth value as TRUE or FALSE; any other value as
    str() writes it."""
    if value.__class__ in (str, int):  # most cells: asked first
        return str(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return f"{value:%d-%m-%Y}" if value.time() == dt.time() else f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}" if not value.second else f"{value:%H:%M:%S}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    return str(value)


# Types whose equal values give equal results, so one result per distinct value will do: a
# str or an int equals only itself. Mixed types may not share a dict (1, 1.0 and True are
# one key there).
_BY_IDENTITY: frozenset[type] = frozenset({str, int, type(None)})


def per_value(function: Callable[[Any], Any], values: list[Any]) -> list[Any]:
    """``function`` of each value, worked out once per distinct value where that is the same.

    A column holds a few distinct chapters, articles, series and years over many lines.
    """
    if not set(map(type, values)) <= _BY_IDENTITY:
        return [function(value) for value in values]
    results = {value: function(value) for value in set(values)}
    return list(map(results.__getitem__, values))


class Date1904(dt.datetime):
    """A date read from a workbook on the 1904 calendar (``date1904``, Excel for Mac's old
    default): the number behind it counts days from 1 January 1904, not from 1900, so 2025
    typed in a date-formatted cell shows 18-07-1909 there (17-07-1905 on the 1900 calendar)."""


def on_1904_calendar(grid: Grid) -> Grid:
    """``grid`` with its dates as ``Date1904``, for a workbook that counts from 1904."""
    if not any(isinstance(v, dt.date) for row in grid.rows for v in row):
        return grid

    def of_1904(value: Any) -> Any:
        if not isinstance(value, dt.date) or isinstance(value, dt.time):
            return value
        if isinstance(value, dt.datetime):
            return Date1904.combine(value.date(), value.time())
        return Date1904(value.year, value.month, value.day)

    grid.rows = [tuple(map(of_1904, row)) for row in grid.rows]
    return grid


class UnreadableFileError(InputError):
    """The bytes are not a workbook openpyxl can open; ``reason`` says why in plain words (a
    Phrase, worded in the report's language)."""

    def __init__(self, reason: str | Phrase) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class ExcelTable:
    """An Excel Table (a ListObject, "Opmaken als tabel") on a sheet, as its table part
    declares it: its range and, when switched on, its totals row (docs/en/workbooks.md,
    "Excel Tables")."""

    name: str  # the name Excel shows (displayName): "Tabel1"
    ref: tuple[int, int, int, int]  # (first row, first column, last row, last column), 1-based
    header_rows: int  # 1, or 0 for a Table without a header row
    totals_row: int | None  # the row of its totals row, None when it has none
    functions: dict[int, str] = field(default_factory=dict)  # column -> totalsRowFunction
    labels: dict[int, str] = field(default_factory=dict)  # column -> totalsRowLabel
    formulas: dict[int, str] = field(default_factory=dict)  # column -> a "custom" one's formula

    def covers(self, row: int, column: int) -> bool:
        first_row, first_column, last_row, last_column = self.ref
        return first_row <= row <= last_row and first_column <= column <= last_column


@dataclass
class Grid:
    """One sheet as values (row 1 is ``rows[0]``), with a way to ask for a cell's formula."""

    name: str  # "" for a CSV file, which has no sheets (its cells' CellRefs name none)
    hidden: bool
    rows: list[tuple[Any, ...]]
    formula_of: Callable[[int, int], str | None] = field(repr=False)
    # What a loader may not be able to tell (calamine knows no hidden rows): safe defaults.
    hidden_rows: frozenset[int] = frozenset()  # 1-based row numbers
    hidden_columns: frozenset[int] = frozenset()  # 1-based column numbers
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first col, last row, last col)
    tables: tuple[ExcelTable, ...] = ()  # the sheet's Excel Tables (an .xlsx file's only)

    def value(self, row: int, column: int) -> Any:
        """The value at a 1-based row and column, None outside the grid."""
        if row < 1 or row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[column - 1] if 0 < column <= len(cells) else None


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


def open_openpyxl(data: bytes, data_only: bool = False) -> Any:
    """The workbook in ``data`` as openpyxl loads it, once openpyxl is known to parse safely."""
    import openpyxl

    from reconcile.guard import ensure_safe_environment

    # The startup guard predicted openpyxl's choice without importing it; now it is loaded,
    # its own decision is checked before it parses a byte.
    ensure_safe_environment()
    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (extensions, data validation);
        # they do not change the values read.
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(
            io.BytesIO(transitional(data)), data_only=data_only, keep_vba=False, keep_links=False
        )


# Strict Open XML (Excel's "Strict Open XML Spreadsheet") names the same elements in other
# namespaces; openpyxl knows only the transitional ones, and finds no sheet in a strict file.
STRICT_NAMESPACES = (
    (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
)


def transitional(data: bytes) -> bytes:
    """A strict Open XML workbook's bytes with its namespaces renamed to the transitional
    ones, part by part (the pre-flight has bounded every part's size); any other workbook as
    it is."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if STRICT_NAMESPACES[0][0] not in archive.read("xl/workbook.xml"):
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in archive.infolist():
                    part = archive.read(info)
                    if info.filename.endswith((".xml", ".rels")):
                        for strict, usual in STRICT_NAMESPACES:
                            part = part.replace(strict, usual)
                    copy.writestr(info, part)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return data  # openpyxl says what is wrong with it
    return out.getvalue()


def openpyxl_formula_lookup(data: bytes) -> Callable[[str, int, int], str | None]:
    """(sheet, row, column) -> the formula in that cell, or None; openpyxl opens on first use.

    Cached results are what grids hold; formulas are only looked up when a value is missing,
    to tell an empty cell from an uncomputed formula.
    """
    formula_books: list[Any] = []

    def formula_of(sheet_name: str, row: int, column: int) -> str | None:
        if not formula_books:
            formula_books.append(open_openpyxl(data, data_only=False))
        value = formula_books[0][sheet_name].cell(row=row, column=column).value
        text = getattr(value, "text", value)  # ArrayFormula keeps its text in .text
        return text if isinstance(text, str) and text.startswith("=") else None

    return formula_of


def cell_text(value: Any) -> str:
    """A cell as text: stripped, NBSP and runs of spaces as one space, 2025.0 as 2025, a date
    as 01-01-2025 (``value_text``)."""
    if value is None or value == "":
        return ""
    text = " ".join(value_text(value).replace("\u00a0", " ").split())
    return value if text == value else text  # the cell's own string when already clean


# A series cell's words, upper case: the code, and the series' names in Dutch and English.
SERIES_WORDS = {
    "V": "V",
    "U": "U",
    "O": "O",
    "VERPLICHTINGEN": "V",
    "UITGAVEN": "U",
    "ONTVANGSTEN": "O",
    "COMMITMENTS": "V",
    "EXPENDITURE": "U",
    "RECEIPTS": "O",
}


@functools.lru_cache(maxsize=256, typed=True)
def normalise_series(value: Any) -> str | None:
    """A series cell as its code ("Uitgaven": "U"), any other text as it is, None when empty."""
    text = cell_text(value) or None
    if text is None:
        return None
    return SERIES_WORDS.get(without_text_mark(text).upper(), text)
