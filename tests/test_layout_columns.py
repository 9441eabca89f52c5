"""A layout table is read a column at a time; every odd row by itself. Both give the same.

``read_layout_grid`` turns each chunk of rows into columns and reads the plain rows (the usual
width, not blank, nothing beside the named columns, not hidden) a column at a time, each
distinct text once; blank, short and long rows, rows with a value beside the named columns
and hidden rows are read one by one (``read_row``). Random tables built from such rows are
read both ways (``by_column=False`` reads every row by itself) and must give equal tables:
the same rows, texts, amounts, years, totals rows, lines and findings. The checks that read
the columns are compared with the row-by-row checks they replace.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.ministries import load_table
from reconcile.model import Phrase
from reconcile.read import layouts
from reconcile.read.layouts import (
    Layout,
    LayoutHeader,
    LayoutTable,
    find_layout_header,
    parse_layout,
    read_layout_grid,
)
from reconcile.validate import layout as checks

SPEC: dict[str, Any] = {
    "name": "test",
    "unit": "x € 1.000",
    "numbers": "plain",
    "columns": {
        "year": "Jaar",
        "chapter": "Hoofdstuk",
        "article": "Artikel",
        "flag": "Totaal J/N",
        "level": "Regeling",
    },
    "amounts": [
        {"name": "t", "label": "Bedrag t"},
        {"name": "t+1", "label": "Bedrag t+1", "year_offset": 1},
    ],
    "totals": {"flag": "flag", "value": "J", "group": ["chapter"], "levels": ["level"]},
    "checks": {"key": ["year", "chapter", "article", "level"], "chapter": True},
}
LAYOUT = parse_layout(SPEC, "test")
# The same, where a detail row whose level reads "waarvan ..." is a note, not a part.
NOTES = parse_layout({**SPEC, "totals": {**SPEC["totals"], "memo": "^waarvan"}}, "test")
# Column 5 has no label (a gap), and nothing is named beyond column 8.
HEADER: list[Any] = [
    "Jaar",
    "Hoofdstuk",
    "Artikel",
    "Totaal J/N",
    None,
    "Regeling",
    "Bedrag t",
    "Bedrag t+1",
]

TEXTS = ["", " ", "\u00a0", "XIII", " XIII ", "13", "VII", "2025", "2025 ", "1990", "J", " j"]
TEXTS += [
    "N",
    "PM",
    "#REF!",
    "Err:509",
    "1.5",
    "-3",
    "12",
    "waarvan  x",
    " waarvan",
    "Regeling\u00a01",
]
CELLS = st.one_of(
    st.sampled_from(TEXTS),
    st.none(),
    st.sampled_from([2025, 2025.0, 0, 0.0, -0.0, 1, 1.5, -7, 7000.0, True]),
)
ROWS: st.SearchStrategy[list[Any]] = st.one_of(
    # a plain row: the header's width, texts seen often
    st.lists(
        st.sampled_from(["2025", "2026", "XIII", "7", "N", "J", "Regeling 1", "10", "-3", ""]),
        min_size=8,
        max_size=8,
    ),
    st.lists(CELLS, min_size=8, max_size=8),  # the header's width, anything in it
    st.lists(CELLS, min_size=0, max_size=11),  # short, long, blank
    st.tuples(  # rows whose keys often meet: XIII and 13 are one chapter, a and A one level
        st.just("2025"),
        st.sampled_from(["XIII", "13", "xiii", "VII"]),
        st.sampled_from(["1", "01"]),
        st.sampled_from(["N", "J"]),
        st.none(),
        st.sampled_from(["", "a", "A"]),
        st.sampled_from(["10", "", "7"]),
        st.sampled_from(["1", ""]),
    ).map(list),
    st.just([""] * 8),  # blank
    st.just([]),  # a CSV's empty line
)


def _header(rows: list[list[Any]]) -> LayoutHeader:
    header = find_layout_header(rows, [LAYOUT])
    assert header is not None
    return header


def _read(rows: list[list[Any]], hidden: frozenset[int], by_column: bool) -> LayoutTable:
    return read_layout_grid(rows, _header(rows), "t.xlsx", "Blad1", hidden, by_column=by_column)


@settings(max_examples=300, deadline=None)
@given(
    body=st.lists(ROWS, max_size=30),
    chunk=st.sampled_from([1, 2, 3, 5, 4096]),
    memo=st.sampled_from([0, 2, 65_536]),
    hidden=st.frozensets(st.integers(1, 32), max_size=4),
)
def test_rows_read_a_column_at_a_time_give_what_reading_row_by_row_gives(
    body: list[list[Any]], chunk: int, memo: int, hidden: frozenset[int]
) -> None:
    rows: list[list[Any]] = [["Tabel"], HEADER, *body]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(layouts, "CHUNK_ROWS", chunk)
        patch.setattr(layouts, "TEXT_MEMO", memo)  # 0: nothing remembered, every cell worked
        by_column = _read(rows, hidden, by_column=True)
    by_row = _read(rows, hidden, by_column=False)
    assert by_column == by_row  # every field, and the lines
    # amounts compare by value above (-0.00 == 0.00, 7000.0 == 7000.00): their digits too
    assert [repr(line.amount) for line in by_column.lines] == [
        repr(line.amount) for line in by_row.lines
    ]
    assert by_column.findings == by_row.findings
    assert by_column.line_count == len(by_row.lines)
    unreadable = {
        index
        for reads in by_row.amounts.values()
        for index, read in enumerate(reads)
        if read is not None and read[1] is None
    }
    assert by_column.unreadable_rows == unreadable


def test_the_odd_rows_are_read_by_themselves() -> None:
    rows: list[list[Any]] = [
        HEADER,
        ["2025", "XIII", "1", "N", None, "a", "10", "11"],
        ["", "", "", "", None, "", "", ""],  # blank: no row
        ["2025", "XIII", "2", "N", "x", "b", "10", "11"],  # a value in the gap: E4
        ["2025", "XIII", "3"],  # short
        ["2025", "XIII", "4", "J", None, "", "n.t.b.", " "],  # a totals row, an unreadable amount
    ]
    table = read_layout_grid(rows, _header(rows), "t.csv", None, frozenset({6}))
    assert table == read_layout_grid(
        rows, _header(rows), "t.csv", None, frozenset({6}), by_column=False
    )
    assert table.row_numbers == [2, 4, 5, 6]
    assert table.field_texts["article"] == ["1", "2", "3", "4"]
    assert (table.total_rows, table.unreadable_rows) == ({3}, {3})
    assert table.years == [2025, 2025, 2025, 2025]
    assert [(f.location.cell, f.code) for f in table.findings[1:]] == [
        ("E4", "value-without-header"),
        ("A6", "hidden-line"),
    ]
    assert [(line.row, line.year, line.amount) for line in table.lines] == [
        (2, 2025, Decimal(10_000)),
        (2, 2026, Decimal(11_000)),
        (4, 2025, Decimal(10_000)),
        (4, 2026, Decimal(11_000)),
    ]
    assert table.line_count == 4


# --- the checks, from the columns --------------------------------------------------------------


def _totals_row_by_row(table: LayoutTable, spec: Layout, repeated: set[int]) -> list[Any]:
    """The totals check as it was, row by row through the rows' views: the reference (the
    leaf rows flagged J and the N headings, whose findings are the shared ``_leaf_totals``
    and ``_headings_flagged_n``, counted or not)."""
    rule = spec.totals
    assert rule is not None
    details: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    leaves: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    noted: dict[tuple[str, ...], list[Any]] = defaultdict(list)  # its "waarvan" rows
    totals = []
    group_keys = [checks.row_key(row, rule.group) for row in table.rows]
    levels = [
        checks._level_texts(table, level, rule)
        for level in rule.levels
        if level in table.field_texts
    ]
    leaf_rows = checks._leaf_totals(table, levels, checks._keys(table, rule.group))
    notes = {
        index
        for index, row in enumerate(table.rows)
        if rule.memo and any(rule.memo.search(row.values.get(level, "")) for level in rule.levels)
    }
    headings = checks._headings_flagged_n(
        table, levels, checks._keys(table, rule.group), notes | repeated, rule.rounding
    )
    for index, row in enumerate(table.rows):
        if index in repeated:
            continue
        if index in leaf_rows:
            leaves[group_keys[index]].append(row)
        elif row.is_total:
            if not any(row.values.get(level) for level in rule.levels):
                totals.append((row, group_keys[index]))
        elif index in notes:
            noted[group_keys[index]].append(row)
        elif index not in headings:
            details[group_keys[index]].append(row)
    found = []
    for total, group in totals:
        covered = details.get(group, [])
        if not covered:
            continue
        for name, stated_line in total.amounts.items():
            stated = stated_line.amount
            lines = [row.amounts[name] for row in covered if name in row.amounts]
            more = [row.amounts[name] for row in leaves.get(group, []) if name in row.amounts]
            if stated is None or any(line.amount is None for line in lines + more):
                continue
            without = sum((line.amount for line in lines if line.amount is not None), Decimal(0))
            computed = sum((line.amount for line in more if line.amount is not None), without)
            allowed = checks._allowed(rule.rounding, len(lines + more), table)
            if abs(stated - computed) <= allowed:
                continue
            if more and abs(stated - without) <= checks._allowed(rule.rounding, len(lines), table):
                continue
            memos = [row.amounts[name] for row in noted.get(group, []) if name in row.amounts]
            if all(line.amount is not None for line in memos) and abs(
                stated - sum((line.amount for line in memos), without)
            ) <= checks._allowed(rule.rounding, len(lines + memos), table):
                continue  # its lines with its "waarvan" rows
            if not lines + more + memos:
                continue  # every part blank: not broken down in this column
            found.append((stated_line.cells["amount"], stated, computed))
    return found


@settings(max_examples=200, deadline=None)
@given(body=st.lists(ROWS, max_size=30), spec=st.sampled_from([LAYOUT, NOTES]))
def test_the_checks_from_the_columns_give_what_the_row_by_row_checks_give(
    body: list[list[Any]], spec: Layout
) -> None:
    table = _read([HEADER, *body], frozenset(), by_column=True)
    assert spec.totals is not None
    keys = checks._keys(table, spec.key)
    repeating = len(set(keys)) < len(keys)
    repeated, copies, found = checks._check_copies(table, spec, repeating)
    # Without the short cut: each row compared whole even where no key repeats.
    assert checks._check_copies(table, spec, True) == (repeated, copies, found)
    outline = checks._outline(table, spec.totals, repeated)
    by_row = [checks.row_key(row, spec.key) for row in table.rows]  # each key from its view
    assert checks._check_keys(table, spec, by_row, repeated, outline) == checks._check_keys(
        table, spec, keys, repeated, outline
    )
    totals = checks._check_totals(table, spec, repeated, outline)
    assert [
        (f.location, f.params["stated"], f.params["computed"]) for f in totals
    ] == _totals_row_by_row(table, spec, repeated)
    assert all(isinstance(f.params["label"], Phrase) for f in totals)
    checks.validate_layout_table(table, load_table())  # and the whole, without failing


def test_rows_repeated_whole_are_found_when_their_keys_differ_only_by_a_broken_formula() -> None:
    rows: list[list[Any]] = [
        HEADER,
        ["2025", "#NAME?", "1", "N", None, "a", "10", "11"],
        ["2025", "Err:509", "1", "N", None, "a", "10", "11"],  # the same row, re-exported
    ]
    table = _read(rows, frozenset(), by_column=True)
    repeated, copies, found = checks._check_copies(table, LAYOUT, repeating=False)
    assert (repeated, copies, [f.code for f in found]) == ({1}, set(), ["duplicate-key"])


def test_a_negative_zero_reads_as_zero_in_either_order() -> None:
    """0.0 and -0.0 are one key of the amount cache: read a column at a time, -0.0 came first
    and the 0.0 of the row before read as -0.00; a zero now has no sign, however it is read."""
    rows: list[list[Any]] = [
        ["Tabel"],
        HEADER,
        ["2025", "XIII", "1", "N", None, "a", 5.0, 0.0],
        ["2025", "XIII", "2", "N", None, "b", -0.0, 5.0],
    ]
    for by_column in (True, False):
        table = _read(rows, frozenset(), by_column=by_column)
        zeros = [repr(line.amount) for line in table.lines if line.amount == 0]
        assert zeros == ["Decimal('0.00')", "Decimal('0.00')"], by_column
