"""Read stage: input paths -> sheet tables of raw lines, each value keeping its file, sheet, cell.

``read_file`` never raises for a bad file: what cannot be read becomes a fatal finding, so one
bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.codes import make_finding
from reconcile.limits import DEFAULT_LIMITS, MB, Limits
from reconcile.model import CellRef, Finding
from reconcile.read.header import HEADER_SCAN_ROWS, find_header
from reconcile.read.preflight import check_size, run_preflight
from reconcile.read.table import RawLine, SheetTable, read_table
from reconcile.read.workbook import UnreadableFileError, load_grids

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

__all__ = [
    "DEFAULT_LIMITS",
    "WORKBOOK_SUFFIXES",
    "FileRead",
    "Limits",
    "RawLine",
    "SheetTable",
    "read_file",
]


@dataclass
class FileRead:
    """One input file: its identity, the table found in it (if any), and reading findings."""

    path: str  # as the user named it
    sha256: str
    table: SheetTable | None
    findings: list[Finding] = field(default_factory=list)


def read_bytes(
    path: Path, display: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[bytes | None, Finding | None]:
    """The file's bytes, read once (never locked or written), or the finding that says why not.

    The size limit is checked before reading, and never more than the limit is read: a
    device or a file that grows while being read cannot exhaust memory.
    """
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            reason = "it is a folder" if stat.S_ISDIR(status.st_mode) else "it is not a file"
            return None, make_finding("file-unreadable", CellRef(display), reason=reason)
        too_large = check_size(status.st_size, display, limits)
        if too_large is not None:
            return None, too_large
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_size * MB + 1)
        return data, check_size(len(data), display, limits)
    except FileNotFoundError:
        reason = "it does not exist"
    except IsADirectoryError:
        reason = "it is a folder"
    except PermissionError:
        reason = "permission denied"
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    return None, make_finding("file-unreadable", CellRef(display), reason=reason)


def read_file(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> FileRead:
    data, problem = read_bytes(path, display, limits)
    if data is None or problem is not None:
        return FileRead(display, "", None, [problem] if problem else [])
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        reason = f"reconcile reads .xlsx and .xlsm workbooks, not {path.suffix or 'this file'}"
        return FileRead(
            display,
            digest,
            None,
            [make_finding("file-unreadable", CellRef(display), reason=reason)],
        )
    checked = run_preflight(data, display, limits)  # before any parser sees a byte
    if checked.refusal is not None:
        return FileRead(display, digest, None, [checked.refusal])
    try:
        grids = load_grids(data)
    except UnreadableFileError as exc:
        return FileRead(
            display,
            digest,
            None,
            [make_finding("file-unreadable", CellRef(display), reason=exc.reason)],
        )
    # Visible sheets first: a hidden sheet is usually a lookup list, not the submission.
    for grid in sorted(grids, key=lambda g: g.hidden):
        header = find_header(grid.rows)
        if header is not None:
            table = read_table(grid, header, display)
            return FileRead(display, digest, table, [*checked.notes, *table.findings])
    finding = make_finding("no-table", CellRef(display), rows=HEADER_SCAN_ROWS)
    return FileRead(display, digest, None, [*checked.notes, finding])
