"""Writing workbooks reconcile makes (templates, annotated copies, the summary): same inputs,
same bytes, and workbook text that a spreadsheet shows but never runs.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from reconcile.safety import neutralise_formula

# Every workbook reconcile writes carries this date, not the clock: outputs diff cleanly.
FIXED_DATE = dt.datetime(2025, 9, 16, 12, 0, 0)  # Prinsjesdag 2025
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}  # Excel's own alert colours


def safe_text(value: str) -> str:
    """Text from a workbook or a message, as a cell value that is never read as a formula."""
    return neutralise_formula(value)


def workbook_bytes(book: Any) -> bytes:
    """The .xlsx bytes of an openpyxl workbook, without timestamps."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = FIXED_DATE
    book.properties.modified = FIXED_DATE
    book.properties.creator = "reconcile"
    book.properties.lastModifiedBy = "reconcile"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        # ExcelWriter, not openpyxl.save_workbook: that one stamps the current time.
        ExcelWriter(book, archive).save()
    return _without_zip_dates(raw.getvalue())


def _without_zip_dates(data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
