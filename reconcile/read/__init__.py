"""Read stage: input paths -> sheet tables of raw lines, each value keeping its file, sheet, cell.

``read_file`` never raises for a bad file: what cannot be read becomes a fatal finding, so one
bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import itertools
import shlex
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile.codes import make_finding
from reconcile.errors import os_reason
from reconcile.guard import ensure_safe_environment
from reconcile.limits import DEFAULT_LIMITS, MB, Limits
from reconcile.model import CellRef, Finding, Phrase
from reconcile.nearest import did_you_mean
from reconcile.read.cells import Grid, UnreadableFileError
from reconcile.read.check_bytes import check_grids, check_size, check_sizes, run_preflight
from reconcile.read.find_table import HEADER_SCAN_ROWS, find_header
from reconcile.read.make_lines import LineColumns, RawLine, SheetTable, read_table
from reconcile.read.read_cells import SUFFIXES, load_workbook, macro_part

if TYPE_CHECKING:
    from reconcile.read.make_layout_lines import HeaderTest

WORKBOOK_SUFFIXES = SUFFIXES
CSV_SUFFIXES = (".csv", ".tsv")

__all__ = [
    "CSV_SUFFIXES",
    "DEFAULT_LIMITS",
    "WORKBOOK_SUFFIXES",
    "FileRead",
    "Limits",
    "LineColumns",
    "RawLine",
    "SheetTable",
    "read_file",
    "suffix_refused",
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
        data = _read_at_most(path, limits.max_file_size * MB + 1)
        return data, check_size(len(data), display, limits)
    except OSError as exc:
        reason = os_reason(exc)
    return None, make_finding("file-unreadable", CellRef(display), reason=reason)


CHUNK = 4 * MB


def _read_at_most(path: Path, most: int) -> bytes:
    """At most ``most`` bytes of ``path``, read a chunk at a time: one read of the limit made
    Python set aside the whole limit first (--max-file-size 100000 gave MemoryError)."""
    chunks: list[bytes] = []
    left = most
    with path.open("rb") as handle:
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    return b"".join(chunks)


def read_file(
    path: Path,
    display: str,
    sheet: str | None = None,
    layout: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    before_workbook: Callable[[], None] | None = None,
) -> FileRead:
    """Read the budget table of one file: the sheet named ``sheet``, else the one holding it.

    ``layout`` names a layout (reconcile/data/layouts) to read the table with; without it a
    layout is used when a sheet's header has its labels. A CSV file is read by layout, else,
    with a budget table's header words and no layout named, as a sheet.
    The pre-flight (reconcile.read.check_bytes) sees the bytes before any reader does, and the
    environment is checked first (reconcile.guard): no file is parsed unsafely.
    ``before_workbook`` is called when a workbook has passed the pre-flight, just before its
    reader starts (the pipeline begins importing what validation needs there).
    """
    ensure_safe_environment()
    data, problem = read_bytes(path, display, limits)
    if data is None or problem is not None:
        return FileRead(display, "", None, [problem] if problem else [])
    digest = hashlib.sha256(data).hexdigest()

    def unreadable(reason: str | Phrase) -> FileRead:
        finding = make_finding("file-unreadable", CellRef(display), reason=reason)
        return FileRead(display, digest, None, [finding])

    suffix = path.suffix.lower()
    if suffix not in (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES):
        return unreadable(suffix_refused(path))
    checked = run_preflight(data, display, limits, suffix)  # before any reader sees a byte
    if checked.refusal is not None:
        return FileRead(display, digest, None, [checked.refusal])
    if suffix in CSV_SUFFIXES:
        read = _read_csv(data, display, digest, layout, limits)
        if sheet is not None:  # --sheet names a workbook's sheet; a CSV file has none
            note = make_finding("sheet-not-applicable", CellRef(display), sheet=f"“{sheet}”")
            read.findings = [note, *read.findings]
        return read
    if before_workbook is not None:
        before_workbook()
    try:
        grids = load_workbook(data, path.suffix, checked.plain_parts)
    except UnreadableFileError as exc:
        return unreadable(exc.reason)
    too_much = check_grids(grids, display, limits)  # a reader's grids, whatever the format
    if too_much is not None:
        return FileRead(display, digest, None, [too_much])
    part = macro_part(data)
    notes = [make_finding("macros-present", CellRef(display), member=part)] if part else []
    notes += checked.notes
    from reconcile.read.make_layout_lines import read_layout_workbook

    named = [g for g in grids if sheet is None or g.name.casefold() == sheet.casefold()]
    layout_read = read_layout_workbook(named, display, layout) if named else None
    if layout_read is not None:  # an open-data table (or the layout asked for is missing)
        return FileRead(display, digest, layout_read[0], [*notes, *layout_read[1]])
    if sheet is not None:
        return _read_named_sheet(display, digest, grids, sheet, notes)
    return _read_best_sheet(display, digest, grids, notes)


def _read_csv(
    data: bytes, display: str, digest: str, layout: str | None, limits: Limits
) -> FileRead:
    """A CSV file read by its layout (the one named, else the one its header has), else as a
    ministry's sheet saved as CSV."""
    from reconcile.read.make_layout_lines import read_csv_file

    has_header = _csv_header_test(layout)
    csv_table, findings = read_csv_file(data, display, layout, has_header)
    if csv_table is None and layout is None and not _unreadable(findings):
        return _read_csv_as_sheet(data, display, digest, limits, has_header) or FileRead(
            display, digest, None, findings
        )
    return FileRead(display, digest, csv_table, findings)


def suffix_refused(path: Path) -> Phrase:
    """Why a file named ``path`` is not read, and, for a table saved as text, what to do."""
    names = ", ".join(WORKBOOK_SUFFIXES)
    if path.suffix.lower() == ".txt":  # Excel's "Text (Tab delimited)" and "Unicode Text"
        return Phrase(
            "reconcile reads {names} workbooks and .csv or .tsv tables, not .txt: a table "
            "saved as text (Excel's “Text (Tab delimited)” or “Unicode Text”) is read when "
            "renamed to .tsv",
            {"names": names},
        )
    shown: str | Phrase = path.suffix or Phrase("this file")
    return Phrase(
        "reconcile reads {names} workbooks and .csv tables, not {suffix}",
        {"names": names, "suffix": shown},
    )


def _unreadable(findings: list[Finding]) -> bool:
    return any(f.code == "file-unreadable" for f in findings)


def _csv_header_test(layout: str | None) -> HeaderTest:
    """Whether a CSV file's first rows hold a header the file can be read by: a layout's
    (the one named), else, with no layout named, a budget table's as a sheet has it. Both
    readers decide the delimiter with it, so that they split the file alike."""
    from reconcile.read.make_layout_lines import layout_header_test
    from reconcile.read.read_cells_csv import as_sheet_row

    by_layout = layout_header_test(layout)
    if layout is not None:
        return by_layout
    return lambda rows: by_layout(rows) or find_header(list(map(as_sheet_row, rows))) is not None


def _read_csv_as_sheet(
    data: bytes, display: str, digest: str, limits: Limits, has_header: HeaderTest
) -> FileRead | None:
    """A ministry's budget table saved as CSV, read as its sheet is (the header words of
    reconcile/data/workbook-words.toml); None when its first rows hold no such header, and
    then only those rows were parsed (a long list sharing a folder is not split whole)."""
    from reconcile.read.make_layout_lines import csv_detected, quote_runs
    from reconcile.read.read_cells_csv import as_sheet_row, stream_csv_blocks

    # (readable: the layouts' reader has read it)
    text, blocks = stream_csv_blocks(data, HEADER_SCAN_ROWS, has_header)
    rows = itertools.chain.from_iterable(blocks)
    head = [as_sheet_row(row) for row in itertools.islice(rows, HEADER_SCAN_ROWS)]
    header = find_header(head)
    if header is None:
        return None
    held = _held_rows(head, rows, limits)
    grid = Grid("", False, held.rows, lambda row, column: None)
    # the rows and cells a workbook may have, counted whether held or not
    too_much = check_sizes([("", held.last_row, held.last_column)], display, limits)
    if too_much is not None:
        return FileRead(display, digest, None, [*csv_detected(text, display), too_much])
    table = read_table(grid, header, display, text.delimiter)
    table.findings += quote_runs(text, display)  # (every row is read: the runs are known)
    return FileRead(display, digest, table, [*csv_detected(text, display), *table.findings])


@dataclass
class _HeldRows:
    """A CSV file's rows as a sheet's, held only while within the limits, and its size."""

    rows: list[tuple[str | None, ...]]
    last_row: int
    last_column: int


def _held_rows(
    head: list[tuple[str | None, ...]], rows: Iterator[list[str]], limits: Limits
) -> _HeldRows:
    """The rows after ``head`` are counted as they come and held until the file is beyond
    a limit: 18 MB of one-digit rows made 9 million rows, 590 MB, before they were refused."""
    from reconcile.read.read_cells_csv import as_sheet_row

    held = _HeldRows(list(head), len(head), max(map(len, head), default=0))
    for row in rows:
        held.last_row += 1
        held.last_column = max(held.last_column, len(row))
        if len(held.rows) == held.last_row - 1:  # all held so far
            if _beyond(held.last_row, held.last_column, limits):
                continue  # refused: counted on, not held
            held.rows.append(as_sheet_row(row))
    return held


def _beyond(last_row: int, last_column: int, limits: Limits) -> bool:
    """Whether a grid this size is beyond a limit (``check_grids`` says which)."""
    return (
        last_row > limits.max_rows
        or last_column > limits.max_columns
        or last_row * last_column > limits.max_cells
    )


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


def _read_named_sheet(
    display: str, digest: str, grids: list[Grid], sheet: str, notes: list[Finding]
) -> FileRead:
    grid = next((g for g in grids if g.name == sheet), None) or next(
        (g for g in grids if g.name.casefold() == sheet.casefold()), None
    )
    if grid is None:
        names = _quoted([g.name for g in grids])
        missing = make_finding(
            "sheet-not-found",
            CellRef(display),
            sheet=f"“{sheet}”",
            sheets=names,
            hint=did_you_mean(sheet, [g.name for g in grids]),
        )
        return FileRead(display, digest, None, [*notes, missing])
    header = find_header(grid.rows)
    if header is None:
        finding = make_finding("no-table", CellRef(display, grid.name), rows=HEADER_SCAN_ROWS)
        return FileRead(display, digest, None, [*notes, finding])
    table = read_table(grid, header, display)
    return FileRead(display, digest, table, [*notes, *table.findings])


def _read_best_sheet(
    display: str, digest: str, grids: list[Grid], notes: list[Finding]
) -> FileRead:
    """The first visible sheet whose table holds lines (else any table); hidden sheets last."""
    tables = []
    for grid in sorted(grids, key=lambda g: g.hidden):  # stable: workbook order within each
        header = find_header(grid.rows)
        if header is not None:
            tables.append((grid, read_table(grid, header, display)))
    if not tables:
        finding = make_finding("no-table", CellRef(display), rows=HEADER_SCAN_ROWS)
        return FileRead(display, digest, None, [*notes, finding])
    grid, table = next(((g, t) for g, t in tables if t.line_count), tables[0])
    findings = [*notes, *table.findings]
    where = CellRef(display, grid.name)
    others = [(g, t) for g, t in tables if g is not grid and not g.hidden]
    empty = [g.name for g, t in others if not t.line_count]
    if empty and not grid.hidden:
        findings.append(
            make_finding("sheet-chosen", where, sheet=f"“{grid.name}”", others=_quoted(empty))
        )
    # Lines on another sheet are money not counted: each sheet is named, and a hidden one
    # whose lines hold an amount (the data sheet hidden behind an example was only the note
    # hidden-sheet-skipped; a hidden list of articles with zeros stays that note).
    unread = [
        (g, t)
        for g, t in tables
        if g is not grid and t.line_count and (not g.hidden or any(line.amount for line in t.lines))
    ]
    findings += [
        make_finding(
            "sheet-not-read",
            CellRef(display, g.name),
            sheet=f"“{g.name}”",
            count=t.line_count,
            read=f"“{grid.name}”",
            name=shlex.quote(g.name),
        )
        for g, t in unread
    ]
    if grid.hidden:
        findings.append(make_finding("hidden-sheet-read", where, sheet=f"“{grid.name}”"))
    named = {id(g) for g, _ in unread}
    findings += [
        make_finding("hidden-sheet-skipped", CellRef(display, g.name), sheet=f"“{g.name}”")
        for g in grids
        if g.hidden and g is not grid and id(g) not in named
    ]
    return FileRead(display, digest, table, findings)
