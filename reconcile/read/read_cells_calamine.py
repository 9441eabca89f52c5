"""The fast reading path: a workbook's cell values through python-calamine (Rust), as Grids.

calamine reads cell values about fifteen times faster than openpyxl, but drops error values,
formulas without a saved result and hidden rows and columns; those are found by scanning the
sheet XML as bytes, and only in sheets where the pre-flight saw a sign of them
(``Preflight.plain_parts``). Values come out as openpyxl gives them (None for empty, int for
a whole number, datetime for a date), so the stages after reading cannot tell the two apart.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from posixpath import dirname, join, normpath
from typing import Any

from reconcile.read.cells import Grid, openpyxl_formula_lookup
from reconcile.read.check_bytes import NEEDLE_TAIL, column_number, holds_needles

_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR = re.compile(rb't="e"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="([0-9]+)"')
_HIDDEN_COLUMNS = re.compile(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_SPAN = re.compile(
    rb'\bmin="([0-9]+)"[^>]*?\bmax="([0-9]+)"|\bmax="([0-9]+)"[^>]*?\bmin="([0-9]+)"'
)
_CHUNK = 1 << 20
# Whole floats are stored as ints by Excel; beyond 2**53 a float no longer is one exactly.
_EXACT = float(2**53)


class UnplacedCellError(ValueError):
    """A sheet writes a cell the scan looks for without its place: the ``r`` attributes of
    ``<row>`` and ``<c>`` are optional, and some writers (programs built on the Open XML SDK)
    leave them out, so that a cell's place is its order. The byte scan cannot tell where such a
    formula, error value or hidden row is; openpyxl, which reads the cells in order, can, and
    ``load_grids`` turns to it."""


@dataclass
class SheetExtras:
    """What calamine does not report about a sheet, found in its XML."""

    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, column), 1-based
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def load_grids_calamine(data: bytes, plain_parts: frozenset[str] = frozenset()) -> list[Grid]:
    """Every worksheet in ``data``, in workbook order, as openpyxl's data-only path gives it.

    ``plain_parts`` are sheet parts known to hold none of ``EXTRAS_NEEDLES`` (the pre-flight
    found none: ``Preflight.plain_parts``); they are not scanned again. Any other is.

    Raises whatever calamine or zipfile raise on a damaged file: the caller falls back to
    openpyxl, which says in plain words what is wrong.
    """
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    book = CalamineWorkbook.from_object(io.BytesIO(data))
    parts = sheet_parts(data)
    lookup = openpyxl_formula_lookup(data)
    grids = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart and dialog sheets hold no cells (openpyxl skips them too)
            extras = _extras(archive, parts.get(meta.name), plain_parts)
            sheet = book.get_sheet_by_name(meta.name)
            raw, merged = sheet.to_python(skip_empty_area=False), calamine_merged(sheet)
            del sheet  # calamine's own copy of the cells is freed before they are converted
            rows = _rows(raw, extras)
            height, width = len(rows), max(map(len, rows), default=0)
            hidden = extras or SheetExtras()  # no sheet part found: nothing known hidden
            grids.append(
                Grid(
                    meta.name,
                    meta.visible != SheetVisibleEnum.Visible,
                    rows,
                    _formula_of(meta.name, extras, lookup),
                    frozenset(r for r in hidden.hidden_rows if r <= height),
                    frozenset(c for c in hidden.hidden_columns if c <= width),
                    merged,
                )
            )
    book.close()
    return grids


def _extras(
    archive: zipfile.ZipFile, part: str | None, plain_parts: frozenset[str]
) -> SheetExtras | None:
    """What calamine does not report about the sheet in ``part`` (None when no part was found)."""
    if part is None:
        return None
    return SheetExtras() if part in plain_parts else scan_part(archive, part)


def _formula_of(
    sheet: str, extras: SheetExtras | None, lookup: Callable[[str, int, int], str | None]
) -> Callable[[int, int], str | None]:
    def formula_of(row: int, column: int) -> str | None:
        if extras is not None and (row, column) not in extras.formulas:
            return None  # no formula there: openpyxl is not even opened
        return lookup(sheet, row, column)

    return formula_of


def _rows(raw: list[list[Any]], extras: SheetExtras | None) -> list[tuple[Any, ...]]:
    """calamine's rows as openpyxl gives them, with the error values put in.

    Each of calamine's lists is replaced by its row as it is converted, so the two are never
    all held at once.
    """
    rows: list[Any] = raw
    for index, values in enumerate(raw):
        rows[index] = tuple(_values(values))
    while rows and all(v is None for v in rows[-1]):
        rows.pop()  # trailing empty rows carry nothing (the two libraries pad differently)
    if extras is not None:
        for (row, column), text in extras.errors.items():
            if row <= len(rows) and column <= len(rows[row - 1]):
                cells = list(rows[row - 1])
                cells[column - 1] = text
                rows[row - 1] = tuple(cells)
    return rows


def _values(values: Iterable[Any]) -> list[Any]:
    """calamine's cell values as openpyxl's: only the empty text, whole floats and dates change.

    calamine gives text, floats, ints, bools, dates, datetimes and times. The comprehension
    asks a cell's class once, text first (the most cells), then floats; the names it uses are
    local, not looked up as globals per cell.
    """
    date, datetime, exact = dt.date, dt.datetime, _EXACT
    return [
        (v or None)
        if (kind := v.__class__) is str
        else (int(v) if v.is_integer() and abs(v) < exact else v)
        if kind is float
        else datetime(v.year, v.month, v.day)
        if kind is date
        else v
        for v in values
    ]


def scan_part(archive: zipfile.ZipFile, part: str) -> SheetExtras:
    """The extras of the sheet XML in ``part``: streamed in chunks, read whole only when needed.

    A large sheet of plain values (the usual case) holds none of the needles, so it is never
    held in memory as a whole.
    """
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if holds_needles(window):
                return scan_sheet(archive.read(part))
            tail = window[-NEEDLE_TAIL:]
    return SheetExtras()


def scan_sheet(xml: bytes) -> SheetExtras:
    """Formula cells, error values and hidden rows of one sheet's XML, by byte search.

    Each needle is searched for as a plain substring first, so a sheet without any (the usual
    large file: values only) costs one pass of ``bytes.find`` per needle.
    """
    extras = SheetExtras()
    if b"<f" in xml or b":f" in xml:
        for match in _FORMULA.finditer(xml):
            cell = _cell_at(xml, match.start())
            if cell is not None:
                extras.formulas.add(cell[0])
    if b't="e"' in xml:
        for match in _ERROR.finditer(xml):
            cell = _cell_at(xml, match.start())
            if cell is not None:
                (row, column), body = cell
                value = _VALUE.search(body)
                if value is not None:
                    extras.errors[(row, column)] = value.group(1).decode("utf-8", "replace")
    if b'hidden="' in xml:
        for match in _HIDDEN_ROW.finditer(xml):
            number = _ROW_NUMBER.search(match.group(0))
            if number is None:
                raise UnplacedCellError("a hidden row without its number")
            extras.hidden_rows.add(int(number.group(1)))
        for match in _HIDDEN_COLUMNS.finditer(xml):
            span = _SPAN.search(match.group(0))
            if span is not None:
                first, last = (
                    int(g) for g in (span.group(1, 2) if span.group(1) else span.group(4, 3))
                )
                extras.hidden_columns.update(range(first, min(last, first + 16384) + 1))
    return extras


def _cell_at(xml: bytes, position: int) -> tuple[tuple[int, int], bytes] | None:
    """The (row, column) and XML of the ``<c>`` element around ``position``."""
    start = max(
        xml.rfind(b"<c ", 0, position + 1),
        xml.rfind(b":c ", 0, position + 1),
        xml.rfind(b"<c>", 0, position + 1),  # a cell with no attribute at all: no place
        xml.rfind(b":c>", 0, position + 1),
    )
    if start < 0:
        return None
    end = _CELL_END.search(xml, position)
    body = xml[start : end.start() if end else len(xml)]
    ref = _REF.search(body[: body.find(b">") + 1])
    if ref is None:
        raise UnplacedCellError("a formula or error value in a cell without its reference")
    return (int(ref.group(2)), column_number(ref.group(1))), body


def sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name -> the zip member holding its XML, from the workbook part and its relations."""
    from defusedxml import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        book_part = _main_part(archive, names)
        rels_part = join(dirname(book_part), "_rels", book_part.rsplit("/", 1)[-1] + ".rels")
        book = ElementTree.fromstring(archive.read(book_part))
        rels = ElementTree.fromstring(archive.read(rels_part)) if rels_part in names else None
    targets: dict[str, str] = {}
    for rel in rels if rels is not None else ():
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else join(dirname(book_part), target)
        targets[rel.get("Id", "")] = normpath(path)
    parts = {}
    for element in book.iter():
        if element.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] == "id"), "")
        name = element.get("name")
        if name is not None and targets.get(rid) in names:
            parts[name] = targets[rid]
    return parts


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The workbook part named by the package relations (xl/workbook.xml in practice)."""
    from defusedxml import ElementTree

    if "_rels/.rels" in names:
        for rel in ElementTree.fromstring(archive.read("_rels/.rels")):
            if rel.get("Type", "").endswith("/officeDocument"):
                return normpath(str(rel.get("Target", "")).lstrip("/"))
    return "xl/workbook.xml"


def calamine_merged(sheet: Any) -> tuple[tuple[int, int, int, int], ...]:
    """A calamine sheet's merged ranges as Grid.merged wants them (1-based, sorted).

    calamine knows them for .xlsx and .xls, not for .ods (see ``ods_extras``).
    """
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    return tuple(
        sorted(
            (top + 1, left + 1, bottom + 1, right + 1) for (top, left), (bottom, right) in ranges
        )
    )
