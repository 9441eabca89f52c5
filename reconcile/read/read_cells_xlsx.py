"""Open an .xlsx or .xlsm workbook's bytes (calamine, else openpyxl) and hand back its sheets as
plain grids of values."""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import re
import zipfile
from typing import Any

from reconcile.errors import ConfigError
from reconcile.model import Phrase
from reconcile.read.cells import (
    Grid,
    UnreadableFileError,
    on_1904_calendar,
    open_openpyxl,
    openpyxl_formula_lookup,
)
from reconcile.read.library_errors import is_library_failure, library_detail
from reconcile.read.read_tables import with_tables

READERS = ("calamine", "openpyxl")
READER_VARIABLE = "RECONCILE_READER"  # force a reading path: "calamine" or "openpyxl"


def choose_reader() -> str:
    """calamine when it is installed (it is a dependency), unless RECONCILE_READER says otherwise.

    calamine is the faster path at every size measured (see benchmarks/), so there is no size
    threshold; openpyxl remains the fallback and the reference the differential test holds
    calamine to.
    """
    forced = os.environ.get(READER_VARIABLE, "").strip().lower()
    if forced in READERS:
        return forced
    return "calamine" if importlib.util.find_spec("python_calamine") else "openpyxl"


def load_grids(
    data: bytes, reader: str | None = None, plain_parts: frozenset[str] = frozenset()
) -> list[Grid]:
    """Every sheet of the workbook in ``data``, in workbook order. Raises UnreadableFileError.

    ``reader`` picks the path ("calamine" or "openpyxl"); by default ``choose_reader()``.
    Both give the same grids. A file calamine cannot read goes to openpyxl, which either reads
    it or says in plain words why not. ``plain_parts`` (from the pre-flight) spare calamine a
    second look at sheets without formulas, error values or hidden rows (``load_grids_calamine``).
    """
    if not data:
        raise UnreadableFileError("the file is empty")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableFileError(
            Phrase(
                "it is an OLE container: an encrypted (password-protected) workbook or a legacy "
                ".xls file under another name; remove the password, or name an .xls file .xls"
            )
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableFileError(
            Phrase("it is not an .xlsx workbook (no zip archive); save it as .xlsx")
        )
    grids = with_tables(_load_grids(data, reader, plain_parts), data)
    return [on_1904_calendar(grid) for grid in grids] if _counts_from_1904(data) else grids


def _load_grids(data: bytes, reader: str | None, plain_parts: frozenset[str]) -> list[Grid]:
    if (reader or choose_reader()) == "calamine":
        from reconcile.read.read_cells_calamine import load_grids_calamine

        try:
            return load_grids_calamine(data, plain_parts)
        except BaseException as exc:  # damaged or unusual: openpyxl decides, and explains
            if not is_library_failure(exc):
                raise  # Ctrl-C
    return load_grids_openpyxl(data)


_DATE1904 = re.compile(rb'<(?:\w+:)?workbookPr\b[^>]*?\bdate1904="(?:1|true)"')


def _counts_from_1904(data: bytes) -> bool:
    """Whether the workbook's dates count from 1904 (``<workbookPr date1904="1"/>``): both
    loaders turn its numbers into the dates it shows, which then count from another day."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("xl/workbook.xml") as part:
            head = part.read(1 << 16)  # workbookPr comes before the sheets
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
    return _DATE1904.search(head) is not None


def load_grids_openpyxl(data: bytes) -> list[Grid]:
    """The reference reading path: openpyxl, values as saved (data_only)."""
    try:
        book = open_openpyxl(data, data_only=True)
    except ConfigError:
        raise  # the environment is unsafe, not the file: the run stops
    except Exception as exc:  # a hostile or damaged file can make openpyxl raise anything
        raise UnreadableFileError(
            Phrase(
                "the workbook is damaged or not a spreadsheet ({detail})",
                {"detail": library_detail(exc)},
            )
        ) from exc
    lookup = openpyxl_formula_lookup(data)
    grids = []
    for sheet in book.worksheets:
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        grids.append(
            Grid(
                sheet.title,
                sheet.sheet_state != "visible",
                rows,
                functools.partial(lookup, sheet.title),
                *_hidden_and_merged(sheet, len(rows), max(map(len, rows), default=0)),
            )
        )
    return grids


def _hidden_and_merged(
    sheet: Any, height: int, width: int
) -> tuple[frozenset[int], frozenset[int], tuple[tuple[int, int, int, int], ...]]:
    """Hidden rows and columns (within the used area) and merged ranges of an openpyxl sheet.

    A read-only worksheet knows none of them: then nothing is hidden or merged.
    """
    row_dimensions = getattr(sheet, "row_dimensions", {})
    rows = frozenset(r for r, dim in row_dimensions.items() if dim.hidden and 0 < r <= height)
    columns: set[int] = set()
    for dim in getattr(sheet, "column_dimensions", {}).values():
        if dim.hidden and dim.min:
            columns.update(range(dim.min, min(dim.max or dim.min, width) + 1))
    ranges = getattr(getattr(sheet, "merged_cells", None), "ranges", ())
    merged = tuple(sorted((m.min_row, m.min_col, m.max_row, m.max_col) for m in ranges))
    return rows, frozenset(columns), merged


__all__ = [
    "READERS",
    "READER_VARIABLE",
    "Grid",
    "UnreadableFileError",
    "choose_reader",
    "load_grids",
    "load_grids_openpyxl",
    "open_openpyxl",
    "openpyxl_formula_lookup",
]
