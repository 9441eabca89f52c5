"""Writing workbooks reconcile makes (templates, annotated copies, the summary): same inputs,
same bytes, and workbook text that a spreadsheet shows but never runs.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reconcile.safety import neutralise_formula, visible

# Every workbook reconcile writes carries this date, not the clock: outputs diff cleanly.
FIXED_DATE = dt.datetime(2025, 9, 16, 12, 0, 0)  # Prinsjesdag 2025
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}  # Excel's own alert colours


def safe_text(value: str) -> str:
    """Text from a workbook or a message, as a cell value that is never read as a formula and
    that openpyxl can write (a control character would stop it: IllegalCharacterError)."""
    return neutralise_formula(visible(value))


def workbook_bytes(
    book: Any, cached: Mapping[str, Mapping[str, int | float]] | None = None
) -> bytes:
    """The .xlsx bytes of an openpyxl workbook, without timestamps.

    ``cached`` gives formula results to keep (sheet title -> A1 -> number): openpyxl saves
    formulas without results, and a copy of a workbook must read as its original did.
    """
    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = FIXED_DATE
    book.properties.modified = FIXED_DATE
    book.properties.creator = CREATOR
    book.properties.lastModifiedBy = CREATOR
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        # ExcelWriter, not openpyxl.save_workbook: that one stamps the current time.
        ExcelWriter(book, archive).save()
    # Each sheet's part name is known once it has been written.
    results = {book[title].path.lstrip("/"): cells for title, cells in (cached or {}).items()}
    return _rewrite(raw.getvalue(), results)


CREATOR = "reconcile"  # the author of every workbook reconcile writes (docProps/core.xml)


def set_page(sheet: Any, landscape: bool = True, title_rows: str | None = None) -> None:
    """Print ``sheet`` on A4, one page wide (as many pages down as it needs), with
    ``title_rows`` ("3:3") repeated at the top of every page: officers print and sign off."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.page_margins.left = sheet.page_margins.right = 0.5  # inches
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if title_rows:
        sheet.print_title_rows = title_rows


def written_by_reconcile(path: Path) -> bool:
    """Whether the .xlsx at ``path`` names reconcile as its author: only its small core
    properties part is read, and any file that cannot say so is not reconcile's."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 64 * 1024:
                return False
            core = archive.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    return f"<dc:creator>{CREATOR}</dc:creator>" in core


def _with_results(xml: bytes, cells: Mapping[str, int | float]) -> bytes:
    """Put saved results into formula cells: <f>..</f><v /> becomes <f>..</f><v>42</v>."""

    def fill(match: re.Match[bytes]) -> bytes:
        value = cells.get(match.group(1).decode("ascii"))
        if value is None:
            return match.group(0)
        return match.group(0)[: -len(match.group(3))] + f"<v>{value!r}</v>".encode("ascii")

    return re.sub(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>[^<]*</f>(<v\s*/>|<v></v>)', fill, xml)


def _rewrite(data: bytes, results: Mapping[str, Mapping[str, int | float]]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename in results:
                content = _with_results(content, results[info.filename])
            target.writestr(entry, content)
    return out.getvalue()
