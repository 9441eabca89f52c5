"""Every reading path gives the same grids, lines and findings: a differential test.

The corpus is the shipped examples plus workbooks built here from rows by both producers
(xlsxwriter saves formula results as Excel does; openpyxl saves none). Each file goes through
the calamine path and the openpyxl path, and the results are compared one by one.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.read import read_file
from reconcile.read.read_cells_calamine import load_grids_calamine, scan_sheet
from reconcile.read.read_cells_xlsx import (
    READER_VARIABLE,
    Grid,
    UnreadableFileError,
    choose_reader,
    load_grids,
    load_grids_openpyxl,
)
from reconcile.report.json import report_document
from reconcile.validate import Rules, validate_table
from tests.builders import Formula, Sheet, write_workbook
from tests.spec import message

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/*.xlsx"))
# The reading corpus: real producers' files (LibreOffice, pandas, ...), see tests/corpus.
SAVED = sorted(p for p in (ROOT / "tests" / "corpus").glob("*.xls[xm]"))
TITLE = ["Ministerie van Onderwijs, Cultuur en Wetenschap"]
CAPTION = ["(bedragen x € 1.000)"]
LONG = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]
WIDE = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", 2025, 2026, "2027 ", "Totaal"]


def _long_with_formulas() -> dict[str, Sheet | list[list[Any]]]:
    return {
        "Reservering": [
            TITLE,
            CAPTION,
            [],
            LONG,
            ["VIII", 3, "AI-onderwijs", "U", 2025, 1500],
            ["VIII", "3", "AI-onderzoek", "U", 2026, "1.234,5"],
            ["VIII", 3, "Talent", "U", 2026, Formula("=F5*2", 3000)],
            ["VIII", 3, "Nog te bepalen", "U", 2027, Formula("=F5/0", "#DIV/0!")],
            ["VIII", 4, "PM-post", "U", 2027, "PM"],
            ["Subtotaal", None, None, None, None, Formula("=SUM(F5:F9)", 5734.5)],
            ["VIII", 5, "Negatief", "U", 2028, "‒ 726"],
            ["VIII", 5, "Verplichting", "V", 2028, 100],
            ["Totaal", None, None, None, None, Formula("=SUM(F5:F12)", 9999)],
            ["Noot: bedragen zijn indicatief"],
        ]
    }


def _wide_with_gaps() -> dict[str, Sheet | list[list[Any]]]:
    return {
        "Lijst": Sheet([["XIII", "Economische Zaken"], ["VIII", "OCW"]], hidden=True),
        "Blad1": Sheet(
            [
                ["Begroting 2026 — AI-fabriek", None, None, "", " "],
                ["bedragen x € 1 mln"],
                WIDE,
                ["8", "Art. 03", "Rekenkracht", "uitgaven", 1.5, None, 0, Formula("=E4+F4", 1.5)],
                ["VIII", 3, "  Data  ", "U", None, "2,25", "-", Formula("=E5+F5", 7)],
                ["VIII", 7, "Datum als bedrag", "U", dt.datetime(2025, 3, 1), 1, None, None],
                ["VIII", 7, "Verborgen", "U", 1, 1, 1, Formula("=SUM(E7:G7)", 3)],
                [None, None, None, None, None, None, None, None],
                ["Totaal", None, None, None, Formula("=SUM(E4:E7)"), None, None, None],
            ],
            hidden_rows=[7],
            merged=["A1:D1"],
        ),
    }


def _no_table() -> dict[str, Sheet | list[list[Any]]]:
    return {"Notities": [["Alleen een notitie"], [], [1, 2, 3]]}


BUILT: dict[str, Callable[[], dict[str, Sheet | list[list[Any]]]]] = {
    "long-with-formulas": _long_with_formulas,
    "wide-with-gaps": _wide_with_gaps,
    "no-table": _no_table,
}


def _corpus(tmp: Path) -> list[Path]:
    built = [
        write_workbook(tmp / f"OCW-{name}-{engine}.xlsx", build(), engine=engine)
        for name, build in BUILT.items()
        for engine in ("xlsxwriter", "openpyxl")
    ]
    return [*EXAMPLES, *SAVED, *built]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _corpus(tmp_path_factory.mktemp("corpus"))


def _cells(grid: Grid) -> list[tuple[Any, ...]]:
    """A grid's values without trailing empty cells and rows; whitespace-only text is empty.

    The two libraries pad rows differently, and calamine drops text that is only spaces when
    the file does not mark it xml:space="preserve"; the reader treats both as empty anyway.
    """
    rows = []
    for row in grid.rows:
        cells = [None if isinstance(v, str) and not v.strip() else v for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(tuple(cells))
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _formulas(grid: Grid) -> dict[tuple[int, int], str | None]:
    """The formula of every empty cell in the grid's range (what the reader may ask)."""
    cells = _cells(grid)
    width = max((len(row) for row in cells), default=0)
    return {
        (row, column): grid.formula_of(row, column)
        for row in range(1, len(cells) + 1)
        for column in range(1, width + 1)
        if column > len(cells[row - 1]) or cells[row - 1][column - 1] is None
    }


def _layout(grid: Grid) -> tuple[Any, ...]:
    """Hidden rows and columns within the cells that hold something, and merged ranges."""
    cells = _cells(grid)
    height, width = len(cells), max(map(len, cells), default=0)
    return (
        sorted(r for r in grid.hidden_rows if r <= height),
        sorted(c for c in grid.hidden_columns if c <= width),
        grid.merged,
    )


def test_the_corpus_covers_both_producers_and_the_examples(corpus: list[Path]) -> None:
    assert len(EXAMPLES) >= 12
    assert len(SAVED) >= 10
    assert len(corpus) == len(EXAMPLES) + len(SAVED) + 2 * len(BUILT)


def test_calamine_gives_the_same_grids_as_openpyxl(corpus: list[Path]) -> None:
    for path in corpus:
        data = path.read_bytes()
        fast, reference = load_grids_calamine(data), load_grids_openpyxl(data)
        assert [(g.name, g.hidden) for g in fast] == [(g.name, g.hidden) for g in reference]
        for mine, theirs in zip(fast, reference, strict=True):
            where = f"{path.name}:{mine.name}"
            assert _cells(mine) == _cells(theirs), where
            assert _formulas(mine) == _formulas(theirs), where
            assert _layout(mine) == _layout(theirs), where


def _lines_and_findings(path: Path, reader: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv(READER_VARIABLE, reader)
    read = read_file(path, path.name)
    found = [(f.code, str(f.location), message(f)) for f in read.findings]
    if read.table is None:
        return found, [], []
    announcement = load_announcement(None)
    rules = Rules(announcement.ministries, announcement.years, announcement.series)
    validated = validate_table(read.table, rules)
    raw = [
        (ln.row, ln.values, ln.cells, ln.year, ln.amount, ln.amount_problem)
        for ln in read.table.lines
    ]
    checked = [*found, *((f.code, str(f.location), message(f)) for f in validated.findings)]
    return checked, raw, validated.lines


def test_every_path_gives_the_same_lines_and_findings(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in corpus:
        fast = _lines_and_findings(path, "calamine", monkeypatch)
        reference = _lines_and_findings(path, "openpyxl", monkeypatch)
        for mine, theirs in zip(fast, reference, strict=True):
            assert len(mine) == len(theirs), path.name
            for one, other in zip(mine, theirs, strict=True):
                assert one == other, path.name


def test_the_built_corpus_exercises_what_calamine_cannot_see(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparison above means something: the fixtures hold errors and missing results."""
    path = next(p for p in corpus if p.name == "OCW-long-with-formulas-openpyxl.xlsx")
    checked, _, _ = _lines_and_findings(path, "calamine", monkeypatch)
    assert ("amount-not-computed", "OCW-long-with-formulas-openpyxl.xlsx:Reservering!F7") in [
        (code, where) for code, where, _ in checked
    ]
    cached = next(p for p in corpus if p.name == "OCW-long-with-formulas-xlsxwriter.xlsx")
    grid = load_grids_calamine(cached.read_bytes())[0]
    assert grid.value(8, 6) == "#DIV/0!"
    assert grid.formula_of(10, 6) == "=SUM(F5:F9)"
    assert grid.formula_of(5, 6) is None  # a plain number: openpyxl is not asked


@pytest.mark.parametrize("folder", ["ai-fabriek", "ai-fabriek-with-errors"])
def test_the_examples_report_the_same_through_every_path(
    folder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = []
    for reader in ("calamine", "openpyxl"):
        monkeypatch.setenv(READER_VARIABLE, reader)
        paths = [str(ROOT / "examples" / folder)]
        report = pipeline.check(paths, pipeline.find_announcement(paths, None))
        documents.append(json.dumps(report_document(report), sort_keys=True))
    assert documents[0] == documents[1]


def test_a_damaged_workbook_gets_openpyxls_plain_reason_on_every_path(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "EZ.xlsx", {"Blad1": [LONG]})
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.namelist():
            text = source.read(member)
            target.writestr(member, b"<worksheet><sheetData><row" if "sheet1" in member else text)
    reasons = []
    for reader in ("calamine", "openpyxl"):
        with pytest.raises(UnreadableFileError) as caught:
            load_grids(broken.read_bytes(), reader)
        reasons.append(str(caught.value))
    assert reasons[0] == reasons[1]
    assert reasons[0].startswith("the workbook is damaged or not a spreadsheet")


def test_calamine_is_the_default_and_either_path_can_be_forced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(READER_VARIABLE, raising=False)
    assert choose_reader() == "calamine"
    for reader in ("openpyxl", "calamine"):
        monkeypatch.setenv(READER_VARIABLE, f" {reader.upper()} ")
        assert choose_reader() == reader


def test_the_sheet_scan_finds_formulas_errors_and_hidden_rows() -> None:
    xml = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
        b'<row r="2" hidden="1"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        b'<c r="AA2"><f t="shared" si="0"/></c></row>'
        b'<x:row r="3" hidden="true"><x:c r="C3" t="str"><x:f>A1&amp;""</x:f><x:v></x:v></x:c>'
        b"</x:row></sheetData></worksheet>"
    )
    extras = scan_sheet(xml)
    assert sorted(extras.formulas) == [(2, 2), (2, 27), (3, 3)]
    assert extras.errors == {(2, 2): "#DIV/0!"}
    assert sorted(extras.hidden_rows) == [2, 3]


def _as_openpyxl(value: Any) -> Any:
    """calamine's cell as openpyxl reads it, spelled out the plain way (the rule ``_rows`` keeps
    in one inlined expression)."""
    if isinstance(value, str) and value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if type(value) is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


def test_calamines_cells_are_converted_as_openpyxl_reads_them() -> None:
    from reconcile.read.read_cells_calamine import _rows

    values = [
        "", "text", " ", "0", 5.0, -0.0, 5.5, 2.0**53, -(2.0**60), float("inf"), True, False, 7,
        2**60, dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4), dt.time(5, 6),
        dt.timedelta(days=1),
    ]  # fmt: skip
    raw = [values, values[::-1], ["", ""]]
    rows = _rows([list(row) for row in raw], None)
    expected = [tuple(map(_as_openpyxl, row)) for row in raw[:2]]  # the empty row is dropped
    assert rows == expected
    assert [list(map(type, row)) for row in rows] == [list(map(type, row)) for row in expected]


_CALAMINE_CELLS = st.sampled_from(
    ["", "text", " ", 5.0, -0.0, 5.5, 2.0**53, float("inf"), True, 7, dt.date(2026, 1, 2)]
)


@settings(max_examples=200)
@given(
    rows=st.one_of(
        st.integers(min_value=0, max_value=4).flatmap(  # calamine's: every row of one length
            lambda width: st.lists(st.lists(_CALAMINE_CELLS, min_size=width, max_size=width))
        ),
        st.lists(st.lists(_CALAMINE_CELLS, max_size=4)),  # rows of any length
    ),
)
def test_calamines_rows_of_any_length_are_converted_as_openpyxl_reads_them(
    rows: list[list[Any]],
) -> None:
    """Each row is converted on its own, however long; trailing empty rows are dropped."""
    from reconcile.read import read_cells_calamine

    expected = [tuple(map(_as_openpyxl, row)) for row in rows]
    while expected and all(v is None for v in expected[-1]):
        expected.pop()
    got = read_cells_calamine._rows([list(row) for row in rows], None)
    assert got == expected
    assert [list(map(type, row)) for row in got] == [list(map(type, row)) for row in expected]


def test_sheets_the_preflight_found_plain_are_not_scanned_again(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile.read import check_bytes, read_cells_calamine
    from reconcile.read.check_bytes import run_preflight

    scanned: list[str] = []
    scan_part = read_cells_calamine.scan_part

    def counting_scan_part(archive: zipfile.ZipFile, part: str) -> read_cells_calamine.SheetExtras:
        scanned.append(part)
        return scan_part(archive, part)

    monkeypatch.setattr(read_cells_calamine, "scan_part", counting_scan_part)
    plain_sheets = scanned_anyway = 0
    for path in corpus:
        data = path.read_bytes()
        plain = run_preflight(data, path.name).plain_parts
        scanned.clear()
        told = load_grids_calamine(data, plain)
        assert not set(scanned) & plain, path.name
        scanned_anyway += len(scanned)
        untold = load_grids_calamine(data)
        for mine, theirs in zip(told, untold, strict=True):
            where = f"{path.name}:{mine.name}"
            assert (mine.name, mine.hidden) == (theirs.name, theirs.hidden), where
            assert _cells(mine) == _cells(theirs), where
            assert _formulas(mine) == _formulas(theirs), where
            assert _layout(mine) == _layout(theirs), where
        with zipfile.ZipFile(path) as archive:
            for part in plain:  # what the pre-flight calls plain holds none of the needles
                xml = archive.read(part)
                assert not any(needle in xml for needle in check_bytes.EXTRAS_NEEDLES), part
        plain_sheets += len(plain)
    assert plain_sheets > 0
    assert scanned_anyway > 0  # sheets with formulas, errors or hidden rows are still scanned
