"""Read a CSV file or a workbook's sheets with a layout: the open-data tables of Finance.

The layout is the one named (``--layout``), else the first whose header labels one of the
first rows carries. Whatever was detected (layout, delimiter, encoding) is said in findings.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Sequence

from reconcile.codes import make_finding
from reconcile.model import CellRef, Finding, Phrase
from reconcile.read.cells import Grid, UnreadableFileError, cell_name
from reconcile.read.find_table import HEADER_SCAN_ROWS
from reconcile.read.layouts import (
    Layout,
    LayoutTable,
    closest_fit,
    find_layout_header,
    get_layout,
    load_layouts,
    mark_uncomputed,
    read_layout_blocks,
    read_layout_grid,
)
from reconcile.read.read_cells_csv import (
    DELIMITERS,
    MIXED,
    Block,
    CsvText,
    delimiter_name,
    stream_csv_blocks,
)


def _candidates(name: str | None) -> list[Layout]:
    return [get_layout(name)] if name else list(load_layouts().values())


def _not_found(display: str, rows: Sequence[Sequence[object]], name: str | None) -> Finding:
    """layout-not-found, naming the closest layout, the labels found and those it lacks."""
    layouts = _candidates(name)
    closest = closest_fit(rows, layouts)
    missing = ", ".join(closest.missing)
    if name is not None:
        return make_finding(
            "layout-not-found",
            CellRef(display),
            layout=closest.layout.name,
            rows=HEADER_SCAN_ROWS,
            missing=missing,
        )
    if not closest.found:  # nothing like any layout's header: no layout is closest
        return make_finding(
            "layout-not-found",
            CellRef(display),
            layout=Phrase(
                "any known layout ({names})", {"names": ", ".join(sorted(load_layouts()))}
            ),
            rows=HEADER_SCAN_ROWS,
            missing=Phrase(
                "every label of each (`reconcile layouts` lists them); for a table of a kind of "
                "its own, `reconcile layouts draft {file}` drafts a layout from its header",
                {"file": display},
            ),
        )
    return make_finding(
        "layout-not-found",
        CellRef(display),
        layout=Phrase(
            "any known layout ({names}); the closest is {closest}, with the labels {found}",
            {
                "names": ", ".join(sorted(load_layouts())),
                "closest": closest.layout.name,
                "found": ", ".join(f'"{label}"' for label in closest.found),
            },
        ),
        rows=HEADER_SCAN_ROWS,
        missing=missing,
    )


def csv_detected(text: CsvText, display: str) -> list[Finding]:
    """What was detected of a CSV file: its delimiter and encoding, and where it mixes two."""
    detected = [
        make_finding(
            "csv-detected",
            CellRef(display),
            delimiter=text.delimiter_name,
            encoding=text.encoding_worded,
        )
    ]
    if text.other_lines:
        detected.append(
            make_finding(
                "encoding-mixed",
                CellRef(display),
                lines=text.other_lines_shown,
                encoding=text.encoding.removeprefix(MIXED),
            )
        )
    return detected


def quote_runs(text: CsvText, display: str) -> list[Finding]:
    """csv-quote-unclosed at each cell that took in lines of the file (``text.runs``, known
    once every row was read)."""
    return [
        make_finding("csv-quote-unclosed", CellRef(display, None, cell_name(row, column)), count=n)
        for row, column, n in text.runs
    ]


def read_csv_file(
    data: bytes, display: str, layout: str | None, has_header: HeaderTest | None = None
) -> tuple[LayoutTable | None, list[Finding]]:
    """The table in a CSV file, or None and the fatal finding that says why not.

    The rows are read as the table takes them (the first ones to find its header), so the
    file's cells are never all held at once beside the table made of them. ``has_header``
    decides the delimiter with the first rows (see ``stream_csv_blocks``); by default, a
    layout's header among them.
    """
    try:
        return _read_csv_rows(data, display, layout, has_header or layout_header_test(layout))
    except UnreadableFileError as exc:
        return None, [make_finding("file-unreadable", CellRef(display), reason=exc.reason)]


HeaderTest = Callable[[Block], bool]  # whether a CSV file's first rows hold a table's header


def layout_header_test(layout: str | None) -> HeaderTest:
    """Whether rows hold the header of the layout named, else of any layout."""
    candidates = _candidates(layout)
    return lambda rows: find_layout_header(rows, candidates) is not None


def _read_csv_rows(
    data: bytes, display: str, layout: str | None, has_header: HeaderTest
) -> tuple[LayoutTable | None, list[Finding]]:
    text, blocks = stream_csv_blocks(data, HEADER_SCAN_ROWS, has_header)
    first = next(blocks)  # the first rows, as the csv module reads them
    detected = csv_detected(text, display)
    header = find_layout_header(first, _candidates(layout))
    if header is None:
        for _ in blocks:  # a row the csv module cannot read makes the file unreadable
            pass
        return None, [*detected, _not_found(display, first, layout)]
    table = read_layout_blocks(
        itertools.chain([first], blocks), header, display, None, semicolons=text.delimiter == ";"
    )
    table.findings[:0] = detected
    table.findings += quote_runs(text, display)
    return table, list(table.findings)


def read_layout_workbook(
    grids: list[Grid], display: str, layout: str | None
) -> tuple[LayoutTable | None, list[Finding]] | None:
    """The first sheet holding a layout's table; None when none does and no layout was named.

    A named layout that no sheet holds is a fatal finding: the user said what the file is.
    """
    candidates = _candidates(layout)
    for grid in sorted(grids, key=lambda g: g.hidden):
        header = find_layout_header(grid.rows, candidates)
        if header is not None:
            table = read_layout_grid(grid.rows, header, display, grid.name, grid.hidden_rows)
            mark_uncomputed(table, grid.formula_of)
            return table, list(table.findings)
    if layout is None:
        return _joined_header(grids, display, candidates)
    rows = [row for grid in grids for row in grid.rows[:HEADER_SCAN_ROWS]]
    return None, [_not_found(display, rows, layout)]


def _joined_header(
    grids: list[Grid], display: str, candidates: list[Layout]
) -> tuple[None, list[Finding]] | None:
    """A table whose rows each stand in one cell as one text, with a layout's header among
    them: a CSV file a spreadsheet opened without splitting it into columns (a Dutch Excel
    opens a comma-separated file so), said at the header's cell with what to do; else None."""
    for grid in grids:
        for number, row in enumerate(grid.rows[:HEADER_SCAN_ROWS], start=1):
            filled = [(column, cell) for column, cell in enumerate(row, start=1) if cell]
            if len(filled) != 1 or not isinstance(filled[0][1], str):
                continue
            column, text = filled[0]
            if "\r" in text or "\n" in text:
                continue  # a title of two lines: a CSV row stands on one
            for delimiter in DELIMITERS:
                cells = next(csv.reader([text], delimiter=delimiter))
                if len(cells) > 2 and find_layout_header([cells], candidates) is not None:
                    reason = Phrase(
                        "each row stands in one cell as one text, its values separated by a "
                        "{delimiter}: a CSV file opened without splitting it into columns. Read "
                        "the CSV file itself, or split the column (in Excel: Data, Text to "
                        "Columns) and save it again",
                        {"delimiter": delimiter_name(delimiter)},
                    )
                    where = CellRef(display, grid.name, cell_name(number, column))
                    return None, [make_finding("file-unreadable", where, reason=reason)]
    return None


__all__ = [
    "HeaderTest",
    "csv_detected",
    "layout_header_test",
    "quote_runs",
    "read_csv_file",
    "read_layout_workbook",
]
