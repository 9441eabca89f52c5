"""Which loader opens which workbook format: .xlsx/.xlsm with openpyxl, .ods and .xls with calamine.

Every loader hands back the same ``Grid`` per sheet, so the rest of the reader never knows the
format. Calamine cannot tell hidden rows or columns: for .ods they are read from the file's
content.xml here; for .xls they stay unknown. Nor can it tell formulas without a saved result;
LibreOffice and Excel always save results in .ods and .xls, so that does not arise.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from typing import Any

from reconcile.model import Phrase
from reconcile.read.cells import Grid, UnreadableFileError, on_1904_calendar
from reconcile.read.library_errors import is_library_failure, library_detail
from reconcile.read.read_cells_calamine import calamine_merged
from reconcile.read.read_cells_xlsx import load_grids

OOXML_SUFFIXES = (".xlsx", ".xlsm")
CALAMINE_SUFFIXES = (".ods", ".xls")
SUFFIXES = OOXML_SUFFIXES + CALAMINE_SUFFIXES
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VBA_IN_OLE = "_VBA_PROJECT".encode("utf-16-le")


def load_workbook(
    data: bytes, suffix: str, plain_parts: frozenset[str] = frozenset()
) -> list[Grid]:
    """Every sheet of the workbook in ``data``, read as its ``suffix`` says it is.

    ``plain_parts``: the .xlsx sheet parts the pre-flight found no formula, error value or
    hidden row or column in (``Preflight.plain_parts``), which need no second look.
    """
    if suffix.lower() in CALAMINE_SUFFIXES:
        return load_calamine_grids(data)
    return load_grids(data, plain_parts=plain_parts)


def macro_part(data: bytes) -> str | Phrase | None:
    """Where a workbook keeps its macros (never run, only reported), or None without any."""
    if data[:8] == OLE_MAGIC:
        return Phrase("a VBA project") if _VBA_IN_OLE in data else None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    for name in names:
        if name.lower().endswith("vbaproject.bin") or name.startswith("xl/macrosheets/"):
            return name  # VBA, or Excel 4.0 macro sheets (a favourite of attackers)
        if name.startswith("Basic/") and name != "Basic/":
            return "Basic/ (LibreOffice Basic)"
    return None


def load_calamine_grids(data: bytes) -> list[Grid]:
    """The sheets of an .ods or .xls workbook, via calamine. Raises UnreadableFileError."""
    if not data:
        raise UnreadableFileError("the file is empty")
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        grids = []
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart and dialog sheets hold no cells
            sheet = book.get_sheet_by_name(meta.name)
            rows = [tuple(_value(v) for v in row) for row in sheet.to_python(skip_empty_area=False)]
            grid = Grid(meta.name, meta.visible != SheetVisibleEnum.Visible, rows, _no_formula)
            grids.append(replace(grid, merged=calamine_merged(sheet)))
        if data[:2] == b"PK":  # .ods: hidden rows, columns and merged cells from content.xml
            extras = ods_extras(data)
            grids = [_with_extras(g, extras.get(g.name)) for g in grids]
            date1904 = _ods_counts_from_1904(data)
        else:  # .xls: the calendar and the error values calamine drops, from the BIFF records
            date1904, errors = xls_extras(data)
            grids = [_with_errors(g, errors.get(g.name, {})) for g in grids]
        if date1904:
            grids = [on_1904_calendar(grid) for grid in grids]
    except BaseException as exc:  # a damaged or hostile file can make calamine raise anything
        if not is_library_failure(exc):
            raise  # Ctrl-C
        raise UnreadableFileError(
            Phrase(
                "the workbook is damaged, encrypted or not a spreadsheet ({detail}); open it in "
                "LibreOffice or Excel and save it as .xlsx",
                {"detail": library_detail(exc)},
            )
        ) from exc
    return grids


_BIFF_BOF, _BIFF_BOUNDSHEET, _BIFF_DATEMODE = 0x0809, 0x0085, 0x0022
_BIFF_FORMULA, _BIFF_BOOLERR = 0x0006, 0x0205
_BIFF_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}


def xls_extras(data: bytes) -> tuple[bool, dict[str, dict[tuple[int, int], str]]]:
    """What calamine does not tell of a BIFF8 .xls, from its records: whether its dates count
    from 1904 (DATEMODE 1), and per sheet name the cells whose value is an error ("#DIV/0!"),
    a formula's saved result (FORMULA) or a typed one (BOOLERR), which calamine reads as
    empty. A stream that cannot be walked gives neither (calamine has read the file)."""
    import struct

    from reconcile.read.check_bytes import biff_sheet_name, ole_stream

    try:
        stream = ole_stream(data)
    except (struct.error, ValueError):
        return False, {}
    date1904 = False
    errors: dict[str, dict[tuple[int, int], str]] = {}
    names: dict[int, str] = {}  # a sheet's BOF offset -> its name (BOUNDSHEET)
    cells: dict[tuple[int, int], str] | None = None
    at = 0
    while stream is not None and at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        if kind == _BIFF_BOUNDSHEET and len(body) >= 8:
            names[struct.unpack_from("<I", body)[0]] = biff_sheet_name(body)
        elif kind == _BIFF_DATEMODE and len(body) >= 2 and all(bof > at for bof in names):
            date1904 = body[:2] == b"\x01\x00"  # in the globals, before the first sheet
        elif kind == _BIFF_BOF:
            cells = errors.setdefault(names[at], {}) if at in names else None
        elif cells is not None and kind == _BIFF_FORMULA and len(body) >= 14:
            result = body[6:14]  # an error result: 2, 0, its code, ..., 0xFFFF
            if result[0] == 2 and result[6:8] == b"\xff\xff" and result[2] in _BIFF_ERRORS:
                cells[_biff_cell(body)] = _BIFF_ERRORS[result[2]]
        elif cells is not None and kind == _BIFF_BOOLERR and len(body) >= 8 and body[7] == 1:
            cells[_biff_cell(body)] = _BIFF_ERRORS.get(body[6], "#ERROR")
        at += 4 + length
    return date1904, errors


def _biff_cell(body: bytes) -> tuple[int, int]:
    """A cell record's (row, column), 1-based."""
    return body[0] + 256 * body[1] + 1, body[2] + 256 * body[3] + 1


def _with_errors(grid: Grid, errors: dict[tuple[int, int], str]) -> Grid:
    """``grid`` with the error values calamine read as empty cells put in."""
    rows = grid.rows
    for (row, column), text in sorted(errors.items()):
        if row <= len(rows):
            cells = list(rows[row - 1])
            cells.extend([None] * (column - len(cells)))  # calamine may end the row before it
            cells[column - 1] = text
            rows[row - 1] = tuple(cells)
    return grid


# An .ods workbook's null date on the 1904 calendar (LibreOffice keeps an Excel file's).
_ODS_1904 = re.compile(rb'<table:null-date\b[^>]*\btable:date-value="1904-01-01"')


def _ods_counts_from_1904(data: bytes) -> bool:
    """Whether an .ods workbook's dates count from 1 January 1904 (read_cells_xlsx says for
    .xlsx, ``xls_extras`` for .xls): calamine turns a number in a date cell into the date it
    shows there."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as part:
            tail = b""
            while chunk := part.read(1 << 16):
                window = tail + chunk
                if _ODS_1904.search(window):
                    return True
                if b"<table:table " in window:
                    return False  # the settings come before the first sheet
                tail = window[-200:]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        pass
    return False


def _value(value: Any) -> Any:
    """Calamine's cell value as openpyxl gives it: None for empty, whole numbers as int."""
    if value == "" and isinstance(value, str):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def _no_formula(row: int, column: int) -> str | None:
    return None


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


@dataclass
class OdsExtras:
    """What calamine does not tell of an .ods sheet: hidden rows and columns, merged cells.

    Hidden rows and columns are kept as (first, count) runs: an .ods may end in a million
    repeated empty rows, which are never expanded.
    """

    hidden_rows: list[tuple[int, int]] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # (row, column) -> the error value a formula shows ("#DIV/0!"), which calamine reads as an
    # empty cell; put in, as the .xlsx readers do, it is a finding of its own at its cell.
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def ods_extras(data: bytes) -> dict[str, OdsExtras]:
    """Per sheet name, the hidden rows and columns, merged cells and error values of an .ods
    workbook."""
    from defusedxml.ElementTree import iterparse

    extras: dict[str, OdsExtras] = {}
    sheet_extras, row, column, repeat = OdsExtras(), 0, 0, 1
    error_at: tuple[int, int] | None = None  # the error cell being read
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag.removeprefix(_TABLE)
            count = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
            hidden = element.get(f"{_TABLE}visibility", "visible") != "visible"
            if event == "end":
                if tag == "table-row":
                    row += repeat
                    element.clear()
                elif tag == "table-cell" and error_at is not None:
                    sheet_extras.errors[error_at] = "".join(element.itertext()).strip()
                    error_at = None
            elif tag == "table":
                sheet_extras, row, column = OdsExtras(), 0, 0
                extras[element.get(f"{_TABLE}name", "")] = sheet_extras
            elif tag == "table-column":
                count = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                if hidden:
                    sheet_extras.hidden_columns.append((column + 1, count))
                column += count
            elif tag == "table-row":
                repeat, column = count, 0
                if hidden:
                    sheet_extras.hidden_rows.append((row + 1, count))
            elif tag in ("table-cell", "covered-table-cell"):
                rows = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
                columns = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
                if rows > 1 or columns > 1:
                    sheet_extras.merged.append((row + 1, column + 1, row + rows, column + columns))
                if element.get(f"{_CALCEXT}value-type") == "error":
                    error_at = (row + 1, column + 1)
                column += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
    return extras


def _with_extras(grid: Grid, extras: OdsExtras | None) -> Grid:
    if extras is None:
        return grid
    height = len(grid.rows)
    width = max(map(len, grid.rows), default=0)

    def expand(runs: list[tuple[int, int]], limit: int) -> frozenset[int]:
        return frozenset(
            n for first, count in runs for n in range(first, min(first + count, limit + 1))
        )

    return replace(
        _with_errors(grid, {cell: text for cell, text in extras.errors.items() if text}),
        hidden_rows=expand(extras.hidden_rows, height),
        hidden_columns=expand(extras.hidden_columns, width),
        merged=tuple(sorted(extras.merged)) or grid.merged,
    )
