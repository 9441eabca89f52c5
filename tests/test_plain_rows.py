"""Plain lines are read a column at a time; every other row row by row. Both give the same.

``read_table`` reads the runs of plain rows of a long table at once (``_Reader.read_plain``)
and every awkward row (totals, hidden, merged, dates, formulas without results, empty or
unreadable amounts) with ``read_row``. Each table below mixes the two; it is read with the
split and with every row read by ``read_row``, and the lines and findings must be the same.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.read import read_file
from reconcile.read.find_table import find_extent, find_header
from reconcile.read.make_lines import SheetTable, _Reader, read_table
from reconcile.read.read_cells_xlsx import Grid, load_grids
from reconcile.validate.totals import check_totals
from tests.builders import Formula, Sheet, write_workbook

HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]
CAPTION = ["(bedragen x € 1.000)"]


def _line(article: int, amount: Any, year: Any = 2025, chapter: Any = "XIII") -> list[Any]:
    return [chapter, article, f"Regeling {article}", "U", year, amount]


TABLES: dict[str, Sheet] = {
    "totals between plain lines": Sheet(
        [
            CAPTION,
            HEADER,
            _line(1, 100),
            _line(2, 200),
            ["Subtotaal", None, None, None, 2025, 300],
            _line(3, "1.500"),
            _line(4, 7),
            ["Subtotaal", None, None, None, 2025, 9],  # wrong: 1507
            ["Totaal", None, None, None, 2025, 1807],
        ]
    ),
    "a second table below the grand total": Sheet(
        [
            CAPTION,
            HEADER,
            _line(1, 100),
            ["Totaal", None, None, None, 2025, 100],
            ["Nog een tabel"],
            HEADER,
            _line(2, 5),
        ]
    ),
    "hidden, empty and note rows": Sheet(
        [
            CAPTION,
            HEADER,
            _line(1, 100),
            _line(2, 200),
            [None] * 6,
            ["Toelichting: zie de nota", None, None, None, None, None],
            _line(3, 300),
            [" ", 4, "  ", " ", " ", " "],  # blank text is an empty cell
            _line(5, 500),
        ],
        hidden_rows=[4],
    ),
    "merged chapter over plain lines": Sheet(
        [CAPTION, HEADER, _line(1, 10), _line(2, 20, chapter=None), _line(3, 30, chapter=None)],
        merged=["A3:A5"],
    ),
    "amounts that are not plain": Sheet(
        [
            CAPTION,
            HEADER,
            _line(1, 100),
            _line(2, Formula("=F3*2")),  # no saved result (openpyxl) or a saved 0 (xlsxwriter)
            _line(3, "PM"),
            _line(4, None),
            _line(5, True),
            _line(6, dt.date(2025, 3, 1)),
            _line(7, 1.5, year=dt.date(2026, 1, 1)),
            _line(8, "  "),
            _line(9, "1,234"),
            _line(10, -3, year="2027"),
            _line(11, 12, year=" "),
            _line(12, "1.234,5"),
        ],
        formats={"F8": "dd-mm-yyyy", "E9": "dd-mm-yyyy"},  # shown as dates: read as dates
    ),
    "wide table": Sheet(
        [
            CAPTION,
            ["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026", "Totaal"],
            ["XIII", 1, "a", 1, 2, 3],
            ["XIII", 2, "b", 0, None, 4],
            ["Totaal", None, None, 1, 2, 7],
        ]
    ),
    "suppletoire table": Sheet(
        [
            CAPTION,
            ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Stand vóór", "Mutatie", "Stand na"],
            ["XIII", 1, "a", 2025, 10, 5, 15],
            ["XIII", 2, "b", 2025, 10, 5, 16],
            ["Totaal", None, None, 2025, 20, 10, 31],
        ]
    ),
}


def _read(sheet: Sheet, tmp_path: Path, reader: str, row_by_row: bool) -> SheetTable:
    path = write_workbook(tmp_path / "EZ.xlsx", {"Blad1": sheet})
    grid = load_grids(path.read_bytes(), reader)[0]
    header = find_header(grid.rows)
    assert header is not None
    if not row_by_row:
        return read_table(grid, header, "EZ.xlsx")
    every_row = pytest.MonkeyPatch()
    every_row.setattr(
        _Reader, "irregular_rows", lambda self, first, last: [*range(first, last + 1)]
    )
    try:
        return read_table(grid, header, "EZ.xlsx")
    finally:
        every_row.undo()


def _said(table: SheetTable) -> tuple[list[Any], list[Any]]:
    """Everything a table's lines and findings hold, to compare two readings."""
    lines = [
        (
            ln.row,
            dict(ln.values),
            dict(ln.cells),
            ln.year,
            ln.amount,
            ln.amount_raw,
            ln.amount_problem,
        )
        for ln in table.lines
    ]
    findings = [(f.code, f.location, dict(f.params)) for f in table.findings]
    return lines, findings


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"])
@pytest.mark.parametrize("name", TABLES)
def test_plain_lines_read_at_once_give_what_reading_row_by_row_gives(
    name: str, reader: str, tmp_path: Path
) -> None:
    at_once = _read(TABLES[name], tmp_path, reader, row_by_row=False)
    by_row = _read(TABLES[name], tmp_path, reader, row_by_row=True)
    assert at_once.lines, "the table holds lines"
    assert _said(at_once) == _said(by_row)


def test_totals_count_the_plain_lines_above_them(tmp_path: Path) -> None:
    table = _read(TABLES["totals between plain lines"], tmp_path, "calamine", row_by_row=False)
    assert [ln.row for ln in table.lines] == [3, 4, 6, 7]
    mismatches = [
        (f.location.cell, f.params["stated"], f.params["computed"])
        for f in check_totals(table)
        if f.code == "total-mismatch"
    ]
    assert mismatches == [("F8", Decimal(9000), Decimal(1507000))]


def test_a_second_table_ends_the_first_and_is_not_read(tmp_path: Path) -> None:
    table = _read(TABLES["a second table below the grand total"], tmp_path, "calamine", False)
    assert [ln.row for ln in table.lines] == [3]
    assert [f.location.cell for f in table.findings if f.code == "second-table-not-read"] == ["A6"]


def test_which_rows_are_read_row_by_row(tmp_path: Path) -> None:
    """Plain lines are left to the column-wise reading; the rest is named."""
    path = write_workbook(tmp_path / "EZ.xlsx", {"Blad1": TABLES["amounts that are not plain"]})
    grid = load_grids(path.read_bytes(), "calamine")[0]
    header = find_header(grid.rows)
    assert header is not None
    asked: list[list[int]] = []
    original = _Reader.irregular_rows

    def recording(self: _Reader, first: int, last: int) -> list[int]:
        asked.append(original(self, first, last))
        return asked[-1]

    patch = pytest.MonkeyPatch()
    patch.setattr(_Reader, "irregular_rows", recording)
    try:
        read_table(grid, header, "EZ.xlsx")
    finally:
        patch.undo()
    # 3 and 11 to 14 are plain (numbers and text, a year as text or blank); the formula's
    # saved 0 is a number as well; empty, blank, True, a date amount or year are not
    assert asked == [[6, 7, 8, 9, 10]]


def test_a_table_keeps_its_lines_as_columns_and_makes_a_line_when_asked(tmp_path: Path) -> None:
    table = _read(TABLES["totals between plain lines"], tmp_path, "calamine", row_by_row=False)
    columns = table.columns
    assert columns is not None
    assert (table.line_count, len(columns), columns.rows) == (4, 4, [3, 4, 6, 7])
    assert columns.values["article"] == [1, 2, 3, 4]
    assert columns.amounts == [Decimal(100_000), Decimal(200_000), Decimal(1_500_000), 7000]
    assert [str(ref) for ref in columns.cells("amount", [0, 3])] == [
        "EZ.xlsx:Blad1!F3",
        "EZ.xlsx:Blad1!F7",
    ]
    # every line at once (a range) names the cells that naming each line's gives
    for name in ("amount", "chapter", "year"):
        each = [columns.line(index).cells[name] for index in range(len(columns))]
        assert columns.cells(name, range(len(columns))) == each
        assert columns.cells(name, list(range(len(columns)))) == each
    line = columns.line(2)
    assert (line.row, line.values["description"], line.year, line.amount_raw) == (
        6,
        "Regeling 3",
        2025,
        "1.500",
    )
    assert line.cells["year"].cell == "E6"
    assert table.lines[2] == line  # the RawLines, made when first asked
    assert table.line_columns() is columns


def test_lines_read_without_columns_are_given_as_columns_too(tmp_path: Path) -> None:
    table = _read(TABLES["totals between plain lines"], tmp_path, "calamine", row_by_row=False)
    lines = table.lines
    # as a layout's table holds them: RawLines appended to ``lines``
    given = SheetTable("EZ.xlsx", "Blad1", table.header, table.unit, [])
    given.lines.extend(lines)
    assert (given.columns, given.line_count) == (None, 4)
    columns = given.line_columns()
    assert (len(columns), columns.years, columns.problems) == (4, [2025] * 4, [None] * 4)
    assert columns.line(1) is lines[1]
    assert columns.cells("chapter", [1]) == [lines[1].cells["chapter"]]


# Rows below the header, and where the table ends: its last row, the header row of a second
# table below it (None: none), and its totals rows with their labels.
EXTENTS: dict[str, tuple[list[tuple[Any, ...]], tuple[int, int | None, dict[int, str]]]] = {
    "mixed chapter cells and a subtotal": (
        [
            ("XIII", 1, "a", 2025, 1),
            (13, 2, "b", 2025, 2),
            (13.0, 3, "c", 2025, 3),
            (True, 4, "d", 2025, 4),
            (None, 5, "  subtotaal artikel 5", 2025, 10),
            (dt.date(2025, 1, 1), 6, "e", 2025, 5),
            ("XIII", 7, None, 2025, 6),
        ],
        (8, None, {6: "subtotaal artikel 5"}),
    ),
    "a grand total, then a second table": (
        [
            ("XIII", 1, "a", 2025, 1),
            ("Totaal", None, None, 2025, 1),
            ("Toelichting",),
            (None, None, None),
            ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
            ("XIII", 2, "b", 2025, 2),
        ],
        (3, 6, {3: "Totaal"}),
    ),
    "a second header right below, short rows": (
        [("XIII", 1), (), (None, None, "Omschrijving", 2025, "Bedrag"), ("XIII", 2, "b", 2025, 2)],
        (2, 4, {}),
    ),
    "years as a row (no key: not a header), a total in the description": (
        [("XIII", 1, "Totaal artikel 1", 2025, 1), (2025, None, None, 2026), ("XIII", 2, "b")],
        (4, None, {2: "Totaal artikel 1"}),
    ),
    "a second header whose first cell is a year": (
        [
            (13, 1, "a", 2025, 1),
            (2025, "Artikel", "Omschrijving", "Jaar", "Bedrag"),
            (13, 2, "b", 2025, 2),
        ],
        (2, 3, {}),
    ),
    "an unhashable cell": (
        [
            ("XIII", 1, "a", 2025, 1),
            ("XIII", 2, [1, 2], 2025, 2),
            (None, None, None, None, None),
            ("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"),
        ],
        (3, 5, {}),
    ),
}


@pytest.mark.parametrize("name", EXTENTS)
def test_the_table_ends_at_its_grand_total_or_a_second_header(name: str) -> None:
    below, extent = EXTENTS[name]
    rows = [("Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"), *below]
    grid = Grid("Blad1", False, rows, lambda row, column: None)
    header = find_header(grid.rows)
    assert header is not None
    found = find_extent(grid.rows, header)
    assert (found.last, found.second, found.totals) == extent


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ai-fabriek"


def test_two_reads_of_one_workbook_give_equal_tables() -> None:
    """Lines kept as columns still compare as lines: the same file read twice is equal."""
    first, again, other = (
        read_file(EXAMPLE / f"{name}.xlsx", name).table for name in ("BZK", "BZK", "EZ")
    )
    assert first == again
    assert first != other


# Random tables: mostly plain lines, with any awkward cell the reader knows of mixed in.
_AMOUNTS = [-5, 0, 7, 1.5, 2.0, "1.500", "1,5", "12", " ", "", None, True, "PM", "abc", "€ 3", "-"]
_AMOUNTS += [dt.datetime(2025, 1, 1)]
_YEARS = [2025, 2026.0, "2025", " ", None, dt.datetime(2025, 3, 1), dt.date(2025, 1, 1), "x", 1800]
_LABELS = ["XIII", "13", 13, 13.0, None, " ", "Totaal", "Subtotaal", "  totaal  ", "Sub-totaal"]
_LABELS += ["Hoofdstuk", "Jaar", "2025", True]
_TEXTS = ["Regeling", None, " ", "\u00a0", 5, "Bedrag"]
_KINDS = {"Hoofdstuk": _LABELS, "Artikel": _LABELS, "Jaar": _YEARS, "Bedrag": _AMOUNTS}
_HEADERS = [HEADER, ["Omschrijving", "Hoofdstuk", "Artikel", "Bedrag", "Jaar"]]
_HEADERS += [["Hoofdstuk", "Artikel", "Omschrijving", "Bedrag"]]


@st.composite
def _grids(draw: st.DrawFn) -> Grid:
    header = draw(st.sampled_from(_HEADERS))
    plain = {"Hoofdstuk": "XIII", "Jaar": 2025}
    rows: list[tuple[Any, ...]] = [tuple(CAPTION), tuple(header)]
    for number in range(draw(st.integers(1, 12))):
        row = [
            draw(st.sampled_from(_KINDS.get(name, _TEXTS)))
            if draw(st.integers(0, 3)) == 0
            else plain.get(name, number + 1 if name in ("Artikel", "Bedrag") else f"R{number}")
            for name in header
        ]
        rows.append(tuple(row[: draw(st.integers(0, len(row)))] if draw(st.booleans()) else row))
    last = len(rows)
    hidden = frozenset(draw(st.lists(st.integers(3, last), max_size=2)))
    top = draw(st.integers(3, last))
    merged = ((top, 1, min(last, top + 1), draw(st.integers(1, 3))),) if draw(st.booleans()) else ()
    formulas = frozenset(draw(st.lists(st.tuples(st.integers(3, last), st.integers(1, 6)))))

    def formula_of(row: int, column: int) -> str | None:
        return "=A1" if (row, column) in formulas else None

    return Grid("Blad1", False, rows, formula_of, hidden, frozenset(), merged)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_grids())
def test_any_table_read_at_once_gives_what_reading_row_by_row_gives(grid: Grid) -> None:
    """Whatever the next rule added to the row-by-row reader, the plain rows must agree."""
    header = find_header(grid.rows)
    if header is None:
        return
    at_once = read_table(grid, header, "EZ.xlsx")
    with pytest.MonkeyPatch.context() as every_row:
        every_row.setattr(
            _Reader, "irregular_rows", lambda self, first, last: [*range(first, last + 1)]
        )
        by_row = read_table(grid, header, "EZ.xlsx")
    assert _said(at_once) == _said(by_row)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["XIII", "", " ", "\u00a0", "\t\n", None, 0, 1.5, 13, True]), max_size=10
    )
)
def test_blank_texts_found_per_distinct_value_are_those_found_per_cell(values: list[Any]) -> None:
    from reconcile.read.make_lines import _blank_as_none, is_blank

    expected = [None if is_blank(value) else value for value in values]
    got = _blank_as_none(values)
    assert got == expected
    assert list(map(type, got)) == list(map(type, expected))  # 1.5 stays 1.5, True stays True
    assert _blank_as_none([*values, [1]]) == [*expected, [1]]  # unhashable: each on its own
