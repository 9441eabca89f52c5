"""A CSV file is read in blocks cut at line feeds; the rows are those the csv module reads.

``stream_csv_blocks`` cuts the text into blocks of about BLOCK_CHARS at line feeds, each read
by the csv module, a quoted field running on past the block's end. Random texts of quoted
and unquoted cells, blank and uneven lines, every kind of line break, are read block by
block and must give the rows the csv module reads from the whole text, or the same refusal.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.read import read_cells_csv, read_file
from reconcile.read.layouts import (
    LayoutTable,
    find_layout_header,
    load_layouts,
    read_layout_grid,
)
from reconcile.read.read_cells_csv import stream_csv_text
from reconcile.read.read_cells_xlsx import UnreadableFileError


def _rows_by_the_csv_module(text: str, delimiter: str) -> list[list[str]]:
    """The rows as the csv module reads the text's lines (ended as open(newline="") ends
    them): the general path, and what the reader did before."""
    lines = map(re.Match.group, re.finditer(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+", text))
    return list(csv.reader(lines, delimiter=delimiter, strict=False))


def _outcome(read: Any) -> Any:
    try:
        return read()
    except (csv.Error, UnreadableFileError) as exc:
        return type(exc).__name__


CELL = st.one_of(
    st.sampled_from(["", " ", "a", "XIII", "2025", "1.234", "é", '"q"', '"a,b"', '"x\ny"']),
    st.sampled_from(['a"b', '""', '"', "\x0b", "\u2028", "\x85", "\x1c", "  z  ", "\t"]),
    st.text(alphabet="ab ,;\r\n\"'", max_size=6),
)
ENDS = st.sampled_from(["\n", "\r\n", "\r"])
LINES = st.lists(st.tuples(st.lists(CELL, min_size=0, max_size=5), ENDS), min_size=1, max_size=25)


@settings(max_examples=400, deadline=None)
@given(
    lines=LINES,
    delimiter=st.sampled_from([",", ";"]),
    block=st.sampled_from([1, 7, 30, 1 << 18]),
    limit=st.sampled_from([4, 1 << 17]),
    last_end=st.booleans(),
)
def test_rows_read_block_by_block_are_the_rows_the_csv_module_reads(
    lines: list[tuple[list[str], str]], delimiter: str, block: int, limit: int, last_end: bool
) -> None:
    header = delimiter.join(["J", "H"]) + "\n"  # the whole line within the smaller limit
    text = header + "".join(delimiter.join(cells) + end for cells, end in lines)
    if not last_end:
        text = text.rstrip("\r\n")
    data = text.encode("utf-8")
    previous = csv.field_size_limit(limit)  # a field beyond the limit: the file is refused
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(read_cells_csv, "BLOCK_CHARS", block)
            fast = _outcome(lambda: list(stream_csv_text(data)[1]))
        expected = _outcome(lambda: _rows_by_the_csv_module(text, delimiter))
    finally:
        csv.field_size_limit(previous)
    if expected == "Error":  # the csv module's error: the reader's finding
        expected = "UnreadableFileError"
    assert fast == expected


def test_a_quoted_field_running_past_a_blocks_end_is_one_cell() -> None:
    text = 'a,b\n1,"x\ny\nz"\n2,3\n'
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read_cells_csv, "BLOCK_CHARS", 6)
        rows = list(stream_csv_text(text.encode())[1])
    assert rows == [["a", "b"], ["1", "x\ny\nz"], ["2", "3"]]


STATEN = (
    "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting,"
    "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
    "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
)
STATEN_ROW = st.one_of(
    st.sampled_from(
        [
            "2020,U,VII,BZK,1,Openbaar bestuur,100,,,,7",
            "2021,V,VII,BZK,2,Iets,PM,1,,,",
            '2021,V,VII,"BZK, Koninkrijk",3,Iets,5,1,,,',
            "2022,O,XIII,EZK,4, a  b ,-3,1.5,,,",
            ",,,,,,,,,,",
            "",
            "2020,U,VII",
            "2020,U,VII,BZK,1,Openbaar bestuur,100,,,,7,extra",
            "x,U,XIII,EZK,5,#REF!,1,2,3,4,5",
        ]
    ),
    st.lists(st.sampled_from(["", " ", "2020", "U", "XIII", "1", "PM", "-2"]), max_size=12).map(
        ",".join
    ),
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(STATEN_ROW, max_size=40), block=st.sampled_from([1, 50, 300, 1 << 18]))
def test_a_csv_table_read_from_columns_is_the_table_read_row_by_row(
    rows: list[str], block: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("csv") / "staten.csv"
    path.write_text("\n".join([STATEN, *rows]) + "\n", "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read_cells_csv, "BLOCK_CHARS", block)
        read = read_file(path, "staten.csv")
    table = read.table
    assert isinstance(table, LayoutTable)
    grid = _rows_by_the_csv_module(path.read_text("utf-8"), ",")
    header = find_layout_header(grid, list(load_layouts().values()))
    assert header is not None
    by_row = read_layout_grid(grid, header, "staten.csv", None, by_column=False)
    assert [f.code for f in table.findings[:1]] == ["csv-detected"]
    by_row.findings[:0] = table.findings[:1]
    assert table == by_row  # every field (the findings too), and the lines


def test_the_first_line_is_found_without_splitting_the_whole_text(tmp_path: Path) -> None:
    text = "\n" * 70_000 + "a;b\n1;2\n"
    assert read_cells_csv.detect_delimiter(text) == ";"
    assert read_cells_csv.detect_delimiter("x" * 70_000 + ";1\r\n") == ";"


def test_a_caption_line_above_the_header_does_not_decide_the_delimiter() -> None:
    text = "(bedragen x € 1.000)\n\nJaar;Hoofdstuk;Bedrag\n2025;XIII;1\n"
    assert read_cells_csv.detect_delimiter(text) == ";"
    assert read_cells_csv.detect_delimiter("alleen tekst\n" * 20 + "a;b\n") == ","  # 10 looked at
