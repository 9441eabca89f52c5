"""Read stage: input paths -> sheet tables of raw lines, each value keeping its file, sheet, cell.

``read_file`` never raises for a bad file: what cannot be read becomes a fatal finding, so one
bad file never stops the others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.codes import make_finding
from reconcile.model import CellRef, Finding
from reconcile.read.header import HEADER_SCAN_ROWS, find_header
from reconcile.read.table import RawLine, SheetTable, read_table
from reconcile.read.workbook import UnreadableFileError, load_grids

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv")

__all__ = ["CSV_SUFFIXES", "WORKBOOK_SUFFIXES", "FileRead", "RawLine", "SheetTable", "read_file"]


@dataclass
class FileRead:
    """One input file: its identity, the table found in it (if any), and reading findings."""

    path: str  # as the user named it
    sha256: str
    table: SheetTable | None
    findings: list[Finding] = field(default_factory=list)


def read_bytes(path: Path, display: str) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, read once (never locked or written), or the finding that says why not."""
    try:
        return path.read_bytes(), None
    except FileNotFoundError:
        reason = "it does not exist"
    except IsADirectoryError:
        reason = "it is a folder"
    except PermissionError:
        reason = "permission denied"
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    return None, make_finding("file-unreadable", CellRef(display), reason=reason)


def read_file(path: Path, display: str, layout: str | None = None) -> FileRead:
    """The table in the file at ``path``; ``layout`` names a layout to read it with (else found)."""
    data, problem = read_bytes(path, display)
    if data is None:
        return FileRead(display, "", None, [problem] if problem else [])
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() in CSV_SUFFIXES:
        from reconcile.read.opendata import read_csv_file

        csv_table, findings = read_csv_file(data, display, layout)
        return FileRead(display, digest, csv_table, findings)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        reason = (
            "reconcile reads .xlsx and .xlsm workbooks and .csv tables, "
            f"not {path.suffix or 'this file'}"
        )
        return FileRead(
            display,
            digest,
            None,
            [make_finding("file-unreadable", CellRef(display), reason=reason)],
        )
    try:
        grids = load_grids(data)
    except UnreadableFileError as exc:
        return FileRead(
            display,
            digest,
            None,
            [make_finding("file-unreadable", CellRef(display), reason=exc.reason)],
        )
    from reconcile.read.opendata import read_layout_workbook

    layout_read = read_layout_workbook(grids, display, layout)
    if layout_read is not None:
        return FileRead(display, digest, layout_read[0], layout_read[1])
    # Visible sheets first: a hidden sheet is usually a lookup list, not the submission.
    for grid in sorted(grids, key=lambda g: g.hidden):
        header = find_header(grid.rows)
        if header is not None:
            table = read_table(grid, header, display)
            return FileRead(display, digest, table, list(table.findings))
    finding = make_finding("no-table", CellRef(display), rows=HEADER_SCAN_ROWS)
    return FileRead(display, digest, None, [finding])
