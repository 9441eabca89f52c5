"""Which loader opens which workbook format: .xlsx/.xlsm with openpyxl, .ods and .xls with calamine.

Every loader hands back the same ``Grid`` per sheet, so the rest of the reader never knows the
format. Calamine cannot tell hidden rows or columns, nor formulas without a saved result;
LibreOffice and Excel always save results in .ods and .xls, so the second does not arise.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from reconcile.read.workbook import Grid, UnreadableFileError, load_grids

OOXML_SUFFIXES = (".xlsx", ".xlsm")
CALAMINE_SUFFIXES = (".ods", ".xls")
SUFFIXES = OOXML_SUFFIXES + CALAMINE_SUFFIXES
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VBA_IN_OLE = "_VBA_PROJECT".encode("utf-16-le")


def load_workbook(data: bytes, suffix: str) -> list[Grid]:
    """Every sheet of the workbook in ``data``, read as its ``suffix`` says it is."""
    if suffix.lower() in CALAMINE_SUFFIXES:
        return load_calamine_grids(data)
    return load_grids(data)


def macro_part(data: bytes) -> str | None:
    """Where a workbook keeps its macros (never run, only reported), or None without any."""
    if data[:8] == OLE_MAGIC:
        return "a VBA project" if _VBA_IN_OLE in data else None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    for name in names:
        if name.lower().endswith("vbaproject.bin"):
            return name
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
            merged = tuple(
                sorted(
                    (top + 1, left + 1, bottom + 1, right + 1)
                    for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])
                )
            )
            grids.append(
                Grid(
                    meta.name,
                    meta.visible != SheetVisibleEnum.Visible,
                    rows,
                    _no_formula,
                    merged=merged,
                )
            )
    except Exception as exc:  # a damaged or hostile file can make calamine raise anything
        text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise UnreadableFileError(
            f"the workbook is damaged, encrypted or not a spreadsheet ({text}); "
            "open it in LibreOffice or Excel and save it as .xlsx"
        ) from exc
    return grids


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
