"""A long table read as its rows mean it: one line over several year rows, empty years empty.

reconcile's own template (and many hand-made long tables) gives each line a block of rows,
one per year. Filled as the template says, a year without money is left empty; an officer
also writes a line's chapter, article and description on the block's first row only. Both are
read as meant here, before validation: an empty year is no line when the same line has an
amount in another year, and a row that names nothing of its line (no chapter, article or
description) takes them from the line above it in the same block (the years rising, the
series the same). In the template's block structure (one row per year, a year without money
among them) a row also takes what only the block's first row names, the description written
once, say; elsewhere so too, with one error per block where two rows or more leave it empty.
An identifier left empty on one row but named again below stays empty (an error).
"""

from __future__ import annotations

from typing import Any

from reconcile.codes import make_finding
from reconcile.model import CellRef, Finding
from reconcile.read import LineColumns, SheetTable
from reconcile.read.cells import cell_name, cell_text
from reconcile.read.find_table import parse_year

KEYS = ("chapter", "article", "description")  # what names a line; carried down a block


def read_as_meant(table: SheetTable) -> tuple[LineColumns, list[Finding]]:
    """The lines of ``table`` with blocks read as meant, and a note per block carried down."""
    lines = table.line_columns()
    header = table.header
    if (
        header.shape != "long"
        or header.suppletoire
        or "year" not in header.columns
        or lines.given is not None
        or (
            not any(problem == "empty" for problem in lines.problems)
            and not _any_key_missing(lines)
        )
    ):
        return lines, []
    values = {name: list(column) for name, column in lines.values.items()}
    places = list(lines.places)
    findings = _carry_down(lines, values, places)
    keep = _kept(lines, values)
    return _subset(lines, values, places, keep), findings


def _any_key_missing(lines: LineColumns) -> bool:
    return any(None in lines.values[name] for name in KEYS)  # (None in: a pass in C)


def _carry_down(
    lines: LineColumns, values: dict[str, list[Any]], places: list[dict[str, Any]]
) -> list[Finding]:
    """Fill a line's identifiers written once per block in the rows below (in place)."""
    findings: list[Finding] = []
    years = [parse_year(year) for year in lines.years]
    for block in _blocks(lines, values, years):
        first = block[0]
        # In the template's block structure (one row per year, its rows stepping as its years
        # do, a year without money named too), an identifier that no row below the first
        # names again was written once. Without a year left empty, two lines of one article
        # in successive years look the same as one line: read so too, with one error per
        # block (identifier-written-once) instead of one per row.
        shaped = all(
            lines.rows[i] - lines.rows[first] == _step(years[i], years[first]) for i in block
        ) and any(lines.problems[i] == "empty" or lines.amounts[i] == 0 for i in block)
        once = [
            name
            for name in KEYS
            if values[name][first] is not None and all(values[name][i] is None for i in block[1:])
        ]
        partial = [
            i
            for i in block[1:]
            if any(values[name][i] is not None for name in KEYS)
            and any(values[name][i] is None for name in once)
        ]
        if not shaped and len(partial) < 2:
            # One row below it, outside the template's blocks: as likely a line of its own
            # with its description forgotten; its own finding, at its cell, says so.
            once = []
        carried: list[int] = []  # the rows carried down
        unsure: list[int] = []  # those of them naming part of their line
        first_taken: list[str] = []
        for index in block[1:]:
            # A row naming nothing of its line continues it in any block. A row naming part of
            # it (a chapter and an article, say) continues it in what the block's first row
            # alone names; an identifier left empty on one row but named on a row below it is
            # a line of its own, incomplete.
            nothing = all(values[name][index] is None for name in KEYS)
            taken = [name for name in KEYS if values[name][first] is not None] if nothing else once
            taken = [name for name in taken if values[name][index] is None]
            if not taken:
                continue
            place = dict(places[index])
            for name in taken:
                values[name][index] = values[name][first]
                row, column = places[first][name]
                place[name] = (lines.rows[first] if row is None else row, column)
            places[index] = place
            if not carried:
                first_taken = taken
            carried.append(index)
            if not nothing:
                unsure.append(index)
        if unsure and not shaped:  # read as meant, but it may be lines of their own: one error
            findings.append(
                make_finding(
                    "identifier-written-once",
                    CellRef(
                        lines.file,
                        lines.sheet,
                        cell_name(lines.rows[first], places[first][once[0]][1]),
                    ),
                    rows=[lines.rows[i] for i in unsure],
                    count=len(unsure),
                )
            )
        elif carried:  # said once per block, at its first row carried down
            index = carried[0]
            findings.append(
                make_finding(
                    "line-carried-down",
                    CellRef(
                        lines.file,
                        lines.sheet,
                        cell_name(lines.rows[index], places[index]["amount"][1]),
                    ),
                    row=places[index][first_taken[0]][0],
                )
            )
    return findings


def _step(year: int | None, first: int | None) -> int | None:
    return None if year is None or first is None else year - first


def _blocks(
    lines: LineColumns, values: dict[str, list[Any]], years: list[int | None]
) -> list[list[int]]:
    """The runs of lines that may be one line's block of year rows: the years and rows rising,
    the series the same, and each identifier a row names the one the run's first row names."""
    blocks: list[list[int]] = []
    for index in range(len(lines)):
        if blocks and _continues(lines, values, years, blocks[-1][0], index - 1, index):
            blocks[-1].append(index)
        else:
            blocks.append([index])
    return [block for block in blocks if len(block) > 1]


def _continues(
    lines: LineColumns,
    values: dict[str, list[Any]],
    years: list[int | None],
    first: int,
    above: int,
    index: int,
) -> bool:
    year, earlier = years[index], years[above]
    return (
        year is not None
        and earlier is not None
        and year > earlier  # a new block starts where the years start again
        and lines.rows[index] > lines.rows[above]
        and cell_text(values["series"][index]) == cell_text(values["series"][first])
        and all(
            values[name][index] is None
            or cell_text(values[name][index]) == cell_text(values[name][first])
            for name in KEYS
        )
    )


def _kept(lines: LineColumns, values: dict[str, list[Any]]) -> list[int]:
    """The lines to keep: an empty year is dropped when the same line has another year with an
    amount (nothing reserved that year), and a line without any amount is kept once."""

    def key(index: int) -> tuple[str, ...]:
        return tuple(cell_text(values[name][index]) for name in (*KEYS, "series"))

    with_amount = {key(i) for i, problem in enumerate(lines.problems) if problem != "empty"}
    kept, seen = [], set()
    for index, problem in enumerate(lines.problems):
        if problem == "empty":
            line = key(index)
            if line in with_amount or line in seen:
                continue
            seen.add(line)  # a block without any amount: one finding, at its first row
        kept.append(index)
    return kept


def _subset(
    lines: LineColumns,
    values: dict[str, list[Any]],
    places: list[dict[str, Any]],
    keep: list[int],
) -> LineColumns:
    out = LineColumns(lines.file, lines.sheet)
    out.rows = [lines.rows[i] for i in keep]
    out.values = {name: [column[i] for i in keep] for name, column in values.items()}
    out.years = [lines.years[i] for i in keep]
    out.amounts = [lines.amounts[i] for i in keep]
    out.raws = [lines.raws[i] for i in keep]
    out.problems = [lines.problems[i] for i in keep]
    out.places = [places[i] for i in keep]
    return out
