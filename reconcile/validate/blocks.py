"""A long table read as its rows mean it: one line over several year rows, empty years empty.

reconcile's own template (and many hand-made long tables) gives each line a block of rows,
one per year. Filled as the template says, a year without money is left empty; an officer
also writes a line's chapter, article and description on the block's first row only. Both are
read as meant here, before validation: an empty year is no line when the same line has an
amount in another year, and a row that names nothing of its line (no chapter, article or
description) takes them from the line above it in the same block (the years rising, the
series the same).
"""

from __future__ import annotations

from typing import Any

from reconcile.codes import make_finding
from reconcile.model import CellRef, Finding
from reconcile.read import LineColumns, SheetTable
from reconcile.read.cells import cell_name
from reconcile.read.header import parse_year
from reconcile.read.layouts import cell_text

KEYS = ("chapter", "article", "description")  # what names a line; carried down a block


def read_as_meant(table: SheetTable) -> tuple[LineColumns, list[Finding]]:
    """The lines of ``table`` with blocks read as meant, and a note per block carried down."""
    lines = table.line_columns()
    header = table.header
    if (
        header.layout != "long"
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
    """Fill a line's empty identifiers from the line above it in the same block (in place)."""
    findings: list[Finding] = []
    years = [parse_year(year) for year in lines.years]
    carried: set[int] = set()
    for index in range(1, len(lines)):
        above = index - 1
        year, earlier = years[index], years[above]
        if (
            year is None
            or earlier is None
            or year <= earlier  # a new block starts where the years start again
            or lines.rows[index] <= lines.rows[above]
        ):
            continue
        # Only a row that names nothing of its line: one that names a part of it (a chapter
        # and an article, say) without a description is a line of its own, incomplete.
        if any(values[name][index] is not None for name in KEYS):
            continue
        taken = [name for name in KEYS if values[name][above] is not None]
        if not taken or cell_text(values["series"][index]) != cell_text(values["series"][above]):
            continue
        place = dict(places[index])
        for name in taken:
            values[name][index] = values[name][above]
            row, column = places[above][name]
            place[name] = (lines.rows[above] if row is None else row, column)
        places[index] = place
        carried.add(index)
        if above not in carried:  # the block's first row carried down: said once per block
            row = places[index][taken[0]][0]
            column = places[index]["amount"][1]
            findings.append(
                make_finding(
                    "line-carried-down",
                    CellRef(lines.file, lines.sheet, cell_name(lines.rows[index], column)),
                    row=row,
                )
            )
    return findings


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
