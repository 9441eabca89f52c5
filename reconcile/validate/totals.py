"""Totals, stands and cross-footing: each totals row, row total and suppletoire stand that
the reader recorded, recomputed from the lines (a stated total is a check, never trusted)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from reconcile.codes import make_finding
from reconcile.kinds import ROUNDED_FROM
from reconcile.model import CellRef, Finding, Phrase, counted
from reconcile.read.cells import column_letter
from reconcile.read.find_table import parse_year
from reconcile.read.make_lines import (
    AmountCell,
    LineColumns,
    SheetTable,
    StandRow,
    TotalsRow,
    plain_text,
)

_PLAIN_SUM = re.compile(r'^=SUM(?:IF\([A-Z]+\d+:[A-Z]+\d+,"[^"]*",|\()([A-Z]+)\d+:([A-Z]+)\d+\)$')


def check_totals(table: SheetTable) -> list[Finding]:
    """Every stand, row total and totals row of ``table`` checked against its lines."""
    recorded = (table.totals, table.row_totals, table.stands, table.stand_rows, table.row_stands)
    if not any(recorded):
        return []  # (a layout's table records none: its layout's rules check its totals)
    lines = table.line_columns()
    findings = check_stands(table, lines)
    findings += check_row_stands(table, lines)
    findings += [f for stands in table.stand_rows for f in _check_stand_row(table, stands)]
    findings += [
        finding
        for row_total in table.row_totals
        for finding in _check_row_total(row_total.cell, lines, row_total.lines)
    ]
    for total in table.totals:
        findings += check_total_row(table, lines, total)
    return findings


def _quoted(table: SheetTable, name: str) -> str:
    return f"“{table.labels[name]}”"


def check_stands(table: SheetTable, lines: LineColumns) -> list[Finding]:
    """Suppletoire: the stand after equals the stand before plus the mutation; a stand the
    check cannot use (PM, empty, a formula without result) is said, since it leaves the
    check undone. A line whose mutation is unreadable has a finding of its own."""
    findings: list[Finding] = []
    if not table.stands:  # not a suppletoire table
        return findings
    for stands, mutation in zip(table.stands, lines.amounts, strict=True):
        if mutation is None:
            continue
        before, after = stands.before, stands.after
        findings += [
            f
            for f in (
                _stand_unusable(table, "stand_before", before),
                _stand_unusable(table, "stand_after", after),
            )
            if f is not None
        ]
        if stands.chain:
            findings += _check_chain(table, dict(stands.chain), heading=False)
        if before.amount is None or after.amount is None:
            continue
        if before.amount + mutation != after.amount:
            findings.append(
                _stand_finding(table, after.cell, before.amount, mutation, after.amount)
            )
    return findings


def check_row_stands(table: SheetTable, lines: LineColumns) -> list[Finding]:
    """A wide table of mutations between two "Stand ..." rows (a verdieping table: "Stand
    ontwerpbegroting 2019", the mutations, "Stand ontwerpbegroting 2020"): in each year, the
    stand after equals the stand before plus the lines between them, at the stand after's
    cell (`stand-mismatch`). Two stands with no line between them are no pair (one block's
    stand after, the next block's stand before). A year the stand before leaves empty (the
    new year, which it did not have) or the stand after leaves empty is not checked, nor one
    whose cells hold no amount (PM). A table in millions or more may differ by half a unit
    for each line and each stand: it rounds each on its own."""
    if len(table.row_stands) < 2:
        return []
    euros = table.unit.euros
    half = euros / 2 if euros >= ROUNDED_FROM else Decimal(0)
    years = [parse_year(year) for year in lines.years]
    findings: list[Finding] = []
    for before, after in zip(table.row_stands, table.row_stands[1:], strict=False):
        between = [i for i, row in enumerate(lines.rows) if before.row < row < after.row]
        if not between:
            continue  # a stand after, then the next block's stand before (its receipts)
        stated_before = dict(before.cells)
        for year, cell in after.cells:
            start = stated_before[year]
            if cell.amount is None or start.amount is None:
                continue  # empty (a year the stand did not have), or PM: nothing to check
            parts = [lines.amounts[i] for i in between if years[i] == year]
            if None in parts:
                continue
            mutation = sum((part for part in parts if part is not None), Decimal(0))
            if abs(cell.amount - start.amount - mutation) > half * (len(parts) + 2):
                labels = (
                    f"“{before.label}”",
                    Phrase("the mutations between them"),
                    f"“{after.label}”",
                )
                findings.append(
                    _stand_finding(table, cell.cell, start.amount, mutation, cell.amount, labels)
                )
    return findings


def _check_stand_row(table: SheetTable, stands: StandRow) -> list[Finding]:
    """A suppletoire table as published per article, row by row (a line's or a heading's):
    stand before + mutation = stand after; and a heading's stands against the sum of its
    lines' (its mutation is a year column, checked as its subtotal). An empty cell is zero,
    as Excel's SUM takes it (a heading's states nothing); a stand that is no amount (PM) is
    said."""
    findings = []
    for name, cell in (("stand_before", stands.before), ("stand_after", stands.after)):
        unusable = None if cell.problem == "empty" else _stand_unusable(table, name, cell)
        findings += [] if unusable is None else [unusable]
    mismatch = _stand_mismatch(table, stands)
    findings += [] if mismatch is None else [mismatch]
    findings += _check_chain(table, dict(stands.chain), heading=stands.covers is not None)
    if not stands.covers:
        return findings
    # a heading over rows shown: its stands, and the other columns of its chain, in turn
    rows = [table.stand_rows[i] for i in stands.covers]
    columns: list[tuple[AmountCell, list[AmountCell]]] = [
        (stands.before, [row.before for row in rows]),
        (stands.after, [row.after for row in rows]),
    ]
    own = dict(stands.chain)
    for column in sorted(own.keys() - set(_stand_columns(table))):
        columns.append((own[column], [dict(row.chain)[column] for row in rows]))
    for cell, cells in columns:
        parts = [_as_summed(part) for part in cells]
        stated = cell.amount  # (a heading's empty cell states no subtotal)
        if stated is None or None in parts:
            continue
        computed = sum((part for part in parts if part is not None), Decimal(0))
        if stated != computed:
            findings.append(
                make_finding(
                    "total-mismatch",
                    cell.cell,
                    label=f"“{stands.label}”",
                    stated=stated,
                    computed=computed,
                    difference=stated - computed,
                    hint="",
                )
            )
    return findings


def _stand_columns(table: SheetTable) -> tuple[int | None, int | None, int | None]:
    """The columns of the stand before, the mutation and the stand after: a table printed
    per article has its mutation in the column of its year, another in its amount column."""
    header = table.header
    mutation = (
        header.columns.get("amount")
        if header.stand_year is None
        else header.year_columns.get(header.stand_year)
    )
    return header.columns.get("stand_before"), mutation, header.columns.get("stand_after")


def _check_chain(table: SheetTable, cells: dict[int, AmountCell], heading: bool) -> list[Finding]:
    """The columns whose labels say which columns they sum ("Vastgestelde begroting
    (3)=(1+2)": the ontwerpbegroting plus the mutations via the nota van wijziging and
    amendementen), on one row: each at its own cell where they do not add up to it. The stand
    after's own formula, "(5)=(3+4)", is the stand check, not made twice. A line's empty cell
    is zero, as Excel's SUM takes it; a heading's states nothing; a cell that is no amount
    (PM) leaves the check undone."""
    before, mutation, after = _stand_columns(table)
    stand_check = (after, {(1, before), (1, mutation)})
    summed = (lambda cell: cell.amount) if heading else _as_summed
    findings = []
    for column_sum in table.header.chain:
        if (column_sum.column, set(column_sum.terms)) == stand_check:
            continue
        target = cells[column_sum.column]
        parts = [cells[column] for _, column in column_sum.terms]
        stated, *amounts = (summed(cell) for cell in (target, *parts))
        if stated is None or None in amounts:
            continue
        computed = sum(
            (
                sign * amount
                for (sign, _), amount in zip(column_sum.terms, amounts, strict=True)
                if amount is not None
            ),
            Decimal(0),
        )
        if stated != computed:
            findings.append(
                make_finding(
                    "chain-mismatch",
                    target.cell,
                    label=f"“{column_sum.label}”",
                    formula=column_sum.formula,
                    stated=stated,
                    computed=computed,
                    difference=stated - computed,
                )
            )
    return findings


def _stand_mismatch(table: SheetTable, stands: StandRow) -> Finding | None:
    """A row whose stand after is not its stand before plus its mutation, at the stand after
    (a heading's empty cells state nothing; a line's are zero)."""
    cells = (stands.before, stands.mutation, stands.after)
    before, mutation, after = (
        map(_as_summed, cells) if stands.covers is None else (c.amount for c in cells)
    )
    if before is None or mutation is None or after is None or before + mutation == after:
        return None
    return _stand_finding(table, stands.after.cell, before, mutation, after)


def _stand_finding(
    table: SheetTable,
    where: CellRef,
    before: Decimal,
    mutation: Decimal,
    stated: Decimal,
    labels: tuple[str | Phrase, str | Phrase, str | Phrase] | None = None,
) -> Finding:
    """`stand-mismatch` at ``where``: ``stated`` is not ``before`` + ``mutation``. ``labels``
    (stand before, mutation, stand after) are the table's column labels unless given."""
    before_label, mutation_label, after_label = labels or (
        _quoted(table, "stand_before"),
        _quoted(table, "amount"),
        _quoted(table, "stand_after"),
    )
    return make_finding(
        "stand-mismatch",
        where,
        after_label=after_label,
        before_label=before_label,
        mutation_label=mutation_label,
        stated=stated,
        before=before,
        mutation=mutation,
        computed=before + mutation,
        difference=stated - before - mutation,
    )


def _as_summed(cell: AmountCell) -> Decimal | None:
    """A cell's amount as Excel's SUM takes it: an empty cell is zero; None for PM and such."""
    return Decimal(0) if cell.problem == "empty" else cell.amount


def _stand_unusable(table: SheetTable, name: str, stand: AmountCell) -> Finding | None:
    """A suppletoire stand that the stand check and its column's Totaal cannot use."""
    label = _quoted(table, name)
    if stand.problem in ("not-a-number", "unreadable"):
        value = f"“{plain_text(stand.raw)}”"
        return make_finding("stand-not-a-number", stand.cell, value=value, label=label)
    if stand.problem == "empty":
        return make_finding("stand-missing", stand.cell, label=label)
    if stand.problem == "not-computed":
        return make_finding("amount-not-computed", stand.cell, label=label, formula=stand.formula)
    return None


def _check_row_total(cell: AmountCell, lines: LineColumns, indices: range) -> list[Finding]:
    """A wide table's "Totaal" column against the sum of its row's years."""
    amounts = [lines.amounts[index] for index in indices]
    if cell.amount is None or None in amounts:
        return []  # an unreadable cell among them: nothing to compare
    computed = sum((a for a in amounts if a is not None), Decimal(0))
    if cell.amount == computed:
        return []
    return [
        make_finding(
            "row-total-mismatch",
            cell.cell,
            stated=cell.amount,
            computed=computed,
            difference=cell.amount - computed,
        )
    ]


def check_total_row(table: SheetTable, lines: LineColumns, total: TotalsRow) -> list[Finding]:
    """Recompute a totals row from the lines it covers, per amount column: in a long table
    those of its year and series.

    A kind heading's subtotal in a table in millions (or more) may differ by half a unit per
    line: a published table rounds each amount and each subtotal on its own."""
    euros = table.unit.euros
    allowed = euros / 2 if total.rounded and euros >= ROUNDED_FROM else Decimal(0)
    header = table.header
    year_of = {column: year for year, column in header.year_columns.items()}
    stand_names = {header.columns.get(n): n for n in ("stand_before", "stand_after")}
    series = plain_text(total.series).upper()
    label = f"“{total.label}”"
    findings: list[Finding] = []
    for column, cell in total.cells.items():
        wanted = parse_year(year_of.get(column) if header.shape == "wide" else total.year)
        covered = [
            index
            for index in total.covered
            if (wanted is None or parse_year(lines.years[index]) == wanted)
            and (not series or plain_text(lines.values["series"][index]).upper() == series)
        ]
        if cell.raw is None:
            if cell.formula and not _sums_as_recomputed(
                table, lines, cell.formula, column, covered
            ):
                findings.append(
                    make_finding("total-not-computed", cell.cell, label=label, formula=cell.formula)
                )
            continue
        name = stand_names.get(column)
        if cell.amount is None and name is not None:  # a PM in the Totaal's stand
            unusable = _stand_unusable(table, name, cell)
            findings += [] if unusable is None else [unusable]
        amounts = [_amount_of(table, lines, index, name) for index in covered]
        if cell.amount is None or None in amounts:
            continue  # an unreadable cell among them (PM, no saved result): nothing to compare
        computed = sum((a for a in amounts if a is not None), Decimal(0))
        if abs(cell.amount - computed) > allowed * len(covered):
            # the lines' own cells to name; a stand's total names none (its cells are others)
            parts = (
                [(a, lines.line(i).cells["amount"]) for a, i in zip(amounts, covered, strict=True)]
                if name is None
                else []
            )
            findings.append(
                make_finding(
                    "total-mismatch",
                    cell.cell,
                    label=label,
                    stated=cell.amount,
                    computed=computed,
                    difference=cell.amount - computed,
                    hint=one_line_explains(cell.amount, computed, parts),
                )
            )
    return findings


def one_line_explains(
    stated: Decimal, computed: Decimal, parts: Iterable[tuple[Decimal | None, CellRef]]
) -> Phrase | str:
    """What one line explains of a total that does not add up: the total a thousand times its
    lines' sum or a thousandth of it (a unit mixed up, three zeros lost), the one line that a
    thousand times as large or as small makes it add up (an amount typed in euros in a table
    in thousands), or the one line it leaves out (a SUM whose range misses a row); else the
    one line the total equals: that line holds the total (the first-published
    begrotingsstaten, 2016 chapter I U: article 1 says 40,584, the chapter's TOTAAL; the
    edition of 2016: 7,804), or the total covers it alone (the B-table 2016, IXB article 4,
    row 5525 in t-2: 52,864, its first line's, without ESM's 914,720); "" when nothing or
    several lines would."""
    if computed and stated == computed * 1000:
        return Phrase(" The total is a thousand times its lines' sum: is its unit right?")
    if stated and stated * 1000 == computed:
        return Phrase(" The total is a thousandth of its lines' sum: have three zeros been lost?")
    difference = stated - computed
    given = [(amount, place) for amount, place in parts if amount]
    larger = [(a, place) for a, place in given if difference == 999 * a]
    smaller = [(a, place) for a, place in given if difference * 1000 == -999 * a]
    left_out = [(a, place) for a, place in given if difference == -a]
    if not larger + smaller + left_out:
        whole = [(a, place) for a, place in given if a == stated]
        if len(whole) == 1 and len(given) > 1:
            return Phrase(
                " The total equals the line at {cell} alone ({amount}): does that line hold "
                "the total, or does the total leave the other lines out?",
                {"cell": whole[0][1].cell, "amount": stated},
            )
    if len(larger) + len(smaller) + len(left_out) != 1:
        return ""
    if larger:
        (amount, place), meant = larger[0], larger[0][0] * 1000
        return Phrase(
            " With {meant} instead of {amount} at {cell}, a thousand times as much, the total "
            "adds up.",
            {"meant": meant, "amount": amount, "cell": place.cell},
        )
    if smaller:
        (amount, place), meant = smaller[0], smaller[0][0] / 1000
        return Phrase(
            " With {meant} instead of {amount} at {cell}, a thousandth of it, the total adds up.",
            {"meant": meant, "amount": amount, "cell": place.cell},
        )
    amount, place = left_out[0]
    return Phrase(
        " Without {amount} at {cell} the total adds up: does it leave that line out?",
        {"amount": amount, "cell": place.cell},
    )


def _amount_of(
    table: SheetTable, lines: LineColumns, index: int, stand: str | None
) -> Decimal | None:
    """A line's amount as Excel's SUM takes it (an empty cell is zero): the amount read, or
    (``stand`` a stand's name) the suppletoire stand on its row."""
    if stand is None:
        amount, problem = lines.amounts[index], lines.problems[index]
    else:
        cell = table.stands[index].before if stand == "stand_before" else table.stands[index].after
        amount, problem = cell.amount, cell.problem
    return Decimal(0) if problem == "empty" else amount


def _sums_as_recomputed(
    table: SheetTable, lines: LineColumns, formula: str, column: int, covered: list[int]
) -> bool:
    """Whether a totals formula without a saved result would give what the recomputation
    gives: a plain SUM or SUMIF of its own column (as in reconcile's template) in a long
    table whose lines' amounts are numbers or empty (SUM skips text the reader reads)."""
    if table.header.shape == "wide" or table.header.suppletoire:
        return False
    match = _PLAIN_SUM.match(formula.replace("$", "").upper())
    letter = column_letter(column)
    if match is None or not match.group(1) == match.group(2) == letter:
        return False
    raws, problems = lines.raws, lines.problems
    return all(
        problems[index] == "empty" or raws[index].__class__ in (int, float) for index in covered
    )


def two_totals_explain(
    stated: Decimal, computed: Decimal, others: list[tuple[Decimal, CellRef]], allowed: Decimal
) -> Phrase | str:
    """What a group's one other totals row explains of a total its lines do not add up to
    (within ``allowed``): it states their sum itself, so this row is a second total of them
    (2015, IXB article 6 U: row 425 says 0 under row 424's 2,901,122); or the two together
    are their sum, so the lines of two totals stand under one key (2015, chapter VI O:
    TOTAAL 1,424,236 and 757,353, the second over Binnenlandse Zaken's articles 61-74 filed
    under VI). "" where no one other total does either."""
    if len(others) != 1:
        return ""
    amount, place = others[0]
    if abs(amount - computed) <= allowed:
        return Phrase(
            " The totals row at {cell} states their sum: is this row a second total of them?",
            {"cell": place.cell},
        )
    if abs(stated + amount - computed) <= allowed:
        return Phrase(
            " This total and the one at {cell} ({amount}) together add up to these lines: are "
            "the lines of two totals filed under one key?",
            {"cell": place.cell, "amount": amount},
        )
    return ""


def parts_in_rows(rows: list[int], hint: Phrase | str) -> Phrase | str:
    """Which rows a published table's total was recomputed from, so that the sum can be
    checked in one look ("The 3 lines it covers: rows 2778, 2784-2785."), then ``hint``. Runs of
    rows are written as ranges; more than five runs as the first and last row."""
    if not rows:
        return hint
    return counted(
        " The {count} line it covers: row {rows}.{hint}",
        " The {count} lines it covers: rows {rows}.{hint}",
        {"count": len(rows), "rows": row_spans(rows), "hint": hint},
    )


def row_spans(rows: list[int]) -> str:
    """Rows in one look: runs written as ranges ("2778, 2784-2785"); more than five runs
    as the first and last row."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    spans = [str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    return ", ".join(spans) if len(spans) <= 5 else f"{rows[0]} … {rows[-1]}"
