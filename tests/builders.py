"""Build workbooks from rows, as Excel-like producers write them; for tests and the examples.

A row is a list of cell values; ``None`` leaves a cell empty. ``Formula`` writes a formula,
with a cached result (as Excel and LibreOffice save it) or without (as scripts do).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIXED_DATE = dt.datetime(2025, 9, 16, 12, 0, 0)  # Prinsjesdag 2025: built files carry no clock time

Rows = Sequence[Sequence[Any]]


@dataclass(frozen=True)
class Formula:
    text: str  # "=SUM(D5:D9)"
    cached: Any = None  # the saved result; None writes none (openpyxl) where the engine allows


@dataclass
class Sheet:
    rows: Rows
    hidden: bool = False
    hidden_rows: Iterable[int] = ()  # 1-based
    merged: Iterable[str] = ()  # "A1:F1"
    widths: Mapping[str, float] = field(default_factory=dict)
    hidden_columns: Iterable[str] = ()  # "E"
    formats: Mapping[str, str] = field(default_factory=dict)  # "E6" -> number format "dd-mm-yyyy"


def write_workbook(
    path: Path,
    sheets: Mapping[str, Sheet | Rows],
    engine: str = "xlsxwriter",
    vba_project: Path | None = None,
    date_1904: bool = False,
) -> Path:
    """Write ``sheets`` (name -> rows or Sheet) to ``path`` with xlsxwriter or openpyxl.

    ``vba_project`` (xlsxwriter, an .xlsm path) embeds that file as the workbook's macros;
    ``date_1904`` puts the workbook on the 1904 calendar (Excel for Mac's old default).
    """
    specs = {name: s if isinstance(s, Sheet) else Sheet(s) for name, s in sheets.items()}
    if engine == "xlsxwriter":
        _write_xlsxwriter(path, specs, vba_project, date_1904)
    elif engine == "openpyxl":
        _write_openpyxl(path, specs, date_1904)
    else:
        raise ValueError(engine)
    return path


def _write_xlsxwriter(
    path: Path, sheets: Mapping[str, Sheet], vba: Path | None, date_1904: bool = False
) -> None:
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "date_1904": date_1904},
    )
    book.set_properties({"created": FIXED_DATE, "author": "reconcile tests"})
    if vba is not None:
        book.add_vba_project(str(vba))
    for name, spec in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                fmt = spec.formats.get(xl_rowcol_to_cell(r, c))
                style = book.add_format({"num_format": fmt}) if fmt else None
                if isinstance(value, Formula):
                    sheet.write_formula(
                        r, c, value.text, style, 0 if value.cached is None else value.cached
                    )
                elif isinstance(value, str):
                    sheet.write_string(r, c, value, style)
                else:
                    sheet.write(r, c, value, style)
        for column in spec.hidden_columns:
            sheet.set_column(f"{column}:{column}", None, None, {"hidden": True})
        for row_number in spec.hidden_rows:
            sheet.set_row(row_number - 1, None, None, {"hidden": True})
        for cells in spec.merged:
            sheet.merge_range(cells, spec.rows[_first_row(cells)][_first_col(cells)] or "")
        for column, width in spec.widths.items():
            sheet.set_column(f"{column}:{column}", width)
        if spec.hidden:
            sheet.hide()
    book.close()


def _write_openpyxl(path: Path, sheets: Mapping[str, Sheet], date_1904: bool = False) -> None:
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    if date_1904:
        book.epoch = CALENDAR_MAC_1904
    book.remove(book.active)
    book.properties.created = FIXED_DATE
    book.properties.modified = FIXED_DATE
    for name, spec in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, Formula):
                    cell.value = value.text  # openpyxl cannot save a result: none is written
                else:
                    cell.value = value
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"
                if cell.coordinate in spec.formats:
                    cell.number_format = spec.formats[cell.coordinate]
        for column in spec.hidden_columns:
            sheet.column_dimensions[column].hidden = True
        for row_number in spec.hidden_rows:
            sheet.row_dimensions[row_number].hidden = True
        for cells in spec.merged:
            sheet.merge_cells(cells)
        if spec.hidden:
            sheet.sheet_state = "hidden"
    book.save(path)


def _first_row(cells: str) -> int:
    return int("".join(ch for ch in cells.split(":")[0] if ch.isdigit())) - 1


def _first_col(cells: str) -> int:
    letters = "".join(ch for ch in cells.split(":")[0] if ch.isalpha())
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter.upper()) - 64
    return index - 1
