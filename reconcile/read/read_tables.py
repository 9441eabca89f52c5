"""An .xlsx workbook's Excel Tables (ListObjects) from their table parts, for both reading paths.

Neither calamine nor openpyxl's data-only reader says which row is a Table's totals row; the
table part (xl/tables/tableN.xml) does: ``totalsRowCount="1"`` and its ``ref`` put it on the
ref's last row, and each ``tableColumn`` says what it shows there (``totalsRowFunction``:
sum, average, count, ...; ``totalsRowLabel``: a text such as "Totaal"). Read once from the
zip, the same for either path, so the two cannot disagree about it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from posixpath import dirname, join, normpath
from xml.etree.ElementTree import Element

from reconcile.read.cells import ExcelTable, Grid
from reconcile.read.check_bytes import column_number

_TABLE_REL = "/table"  # the end of a table relation's Type
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?$")


def with_tables(grids: list[Grid], data: bytes) -> list[Grid]:
    """``grids`` with each sheet's Excel Tables; unchanged when the workbook holds none (or
    its table parts cannot be read: a Table is a help in reading, never a reason to stop)."""
    try:
        tables = read_tables(data)
    except Exception:  # a damaged table part: the sheet is read as if it had no Table
        return grids
    if not tables:
        return grids
    return [replace(g, tables=tables[g.name]) if g.name in tables else g for g in grids]


def read_tables(data: bytes) -> dict[str, tuple[ExcelTable, ...]]:
    """Sheet name -> its Excel Tables, in the order its sheet part lists them."""
    from defusedxml import ElementTree

    from reconcile.read.read_cells_calamine import sheet_parts

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if not any("/tables/" in name or name.startswith("tables/") for name in names):
            return {}  # no table part at all (most workbooks): nothing more is parsed
        found: dict[str, tuple[ExcelTable, ...]] = {}
        for sheet, part in sheet_parts(data).items():
            rels = join(dirname(part), "_rels", part.rsplit("/", 1)[-1] + ".rels")
            if rels not in names:
                continue
            tables = []
            for rel in ElementTree.fromstring(archive.read(rels)):
                if not rel.get("Type", "").endswith(_TABLE_REL):
                    continue
                target = rel.get("Target", "")
                path = normpath(
                    target.lstrip("/") if target.startswith("/") else join(dirname(part), target)
                )
                if path in names:
                    table = _table(ElementTree.fromstring(archive.read(path)))
                    if table is not None:
                        tables.append(table)
            if tables:
                found[sheet] = tuple(tables)
    return found


def _table(root: Element) -> ExcelTable | None:
    """One table part's Table, None when its ref cannot be read."""
    get = root.get
    ref = _range(get("ref", ""))
    if ref is None:
        return None
    _, first_column, last_row, _ = ref
    totals_count = _count(get("totalsRowCount"), 0)
    functions: dict[int, str] = {}
    labels: dict[int, str] = {}
    formulas: dict[int, str] = {}
    columns = [e for e in root.iter() if _local(e.tag) == "tableColumn"]
    for offset, element in enumerate(columns):
        column = first_column + offset
        function = element.get("totalsRowFunction")
        if function and function != "none":
            functions[column] = function
        formula = next((e.text for e in element if _local(e.tag) == "totalsRowFormula"), None)
        if formula and formula.strip():
            formulas[column] = formula.strip()
        label = element.get("totalsRowLabel")
        if label and label.strip():
            labels[column] = label.strip()
    return ExcelTable(
        name=get("displayName") or get("name") or "",
        ref=ref,
        header_rows=_count(get("headerRowCount"), 1),
        # totalsRowShown only says a totals row was once shown; the count says it is there
        totals_row=last_row - totals_count + 1 if totals_count > 0 else None,
        functions=functions,
        labels=labels,
        formulas=formulas,
    )


def _range(ref: str) -> tuple[int, int, int, int] | None:
    match = _REF.match(ref.strip().upper())
    if match is None:
        return None
    left, top = column_number(match.group(1).encode()), int(match.group(2))
    right = column_number(match.group(3).encode()) if match.group(3) else left
    bottom = int(match.group(4)) if match.group(4) else top
    return top, left, bottom, right


def _count(value: str | None, default: int) -> int:
    return int(value) if value is not None and value.strip().isdigit() else default


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
