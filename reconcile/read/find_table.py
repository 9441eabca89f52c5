"""Find a budget table: its header row by its labels, what each column means, and where the
table ends (its totals rows, the notes below it, a second table, lines below its Totaal)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import tomllib
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import Any

from reconcile.ministries import normalise_chapter
from reconcile.money import AmountError, Unit, find_unit, parse_number
from reconcile.read.cells import Date1904, per_value


# Header labels as ministries write them: data, in reconcile/data/workbook-words.toml (field
# -> its labels, folded, and the name a finding shows). Read on first use, once.
@functools.cache
def _words() -> dict[str, Any]:
    text = resources.files("reconcile.data").joinpath("workbook-words.toml").read_text("utf-8")
    return tomllib.loads(text)


def aliases() -> dict[str, tuple[str, ...]]:
    """Field -> the folded header labels that name it, in the data file's order."""
    return {name: tuple(spec["labels"]) for name, spec in _words().items()}


def labels() -> dict[str, str]:
    """Field -> how a finding names it ("Hoofdstuk"), for the fields that have one."""
    return {name: str(spec["shown"]) for name, spec in _words().items() if "shown" in spec}


HEADER_SCAN_ROWS = 50

_CAPTION = re.compile(r"\(([^)]*)\)")
_YEAR = re.compile(r"^'?\s*(\d{4})(?:\.0+)?\s*$")


def fold_label(text: str) -> str:
    if not text.isascii():  # ASCII has no accents to drop (the usual label)
        text = unicodedata.normalize("NFKD", text)  # "vóór" -> "voor": accents are spelling
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _CAPTION.sub(" ", text.replace("\u00a0", " ")).lower()
    text = re.sub(r"x\s*€\s*[\d.]+\s*(mln|miljoen)?", " ", text)
    text = re.sub(r"[^\w/&]+", " ", text)
    return " ".join(text.split())


_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_EXCEL_EPOCH_1904 = dt.datetime(1904, 1, 1)


def excel_serial(value: dt.date) -> int | None:
    """The whole number a date-formatted cell holds (Excel's day count), None for a real moment.

    Days before 1 March 1900 are left out: Excel counts a 29 February 1900 that never was.
    A workbook on the 1904 calendar counts from 1 January 1904 (``Date1904``).
    """
    if isinstance(value, Date1904):
        serial = (dt.datetime.combine(value.date(), dt.time()) - _EXCEL_EPOCH_1904).days
        return serial if value.time() == dt.time() else None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
    serial = (moment - _EXCEL_EPOCH).days
    return serial if moment.time() == dt.time() and serial >= 61 else None


def year_of_date(value: dt.date) -> int | None:
    """The year a date-formatted year cell holds: 2025 typed in a cell formatted as a date
    shows 17-07-1905 (day 2025 of Excel's calendar); a first of January stands for its year."""
    serial = excel_serial(value)
    if serial is None:
        return None
    if 1990 <= serial <= 2100:
        return serial
    return value.year if (value.month, value.day) == (1, 1) else None


def parse_year(value: Any) -> int | None:
    """2025, 2025.0, "2025", "2025 ", "'2025", "2025\u00a0", a date-formatted 2025 -> 2025."""
    if isinstance(value, str):  # text first: is_header_like asks every row's first cell
        return _parse_year_text(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, dt.date):
        return year_of_date(value)
    if isinstance(value, int):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    else:
        return None
    return year if 1990 <= year <= 2100 else None


@functools.lru_cache(maxsize=4096)  # a table repeats a few years on every line
def _parse_year_text(value: str) -> int | None:
    match = _YEAR.match(value.replace("\u00a0", " ").strip())
    if not match:
        return None
    year = int(match.group(1))
    return year if 1990 <= year <= 2100 else None


# A year column's label with a word, caption or footnote mark around the year: "Bedrag 2025",
# "2025 (t+1)", "Uitgaven 2026 (x € 1.000)", "2026 1)" (folded: captions in brackets are gone).
_LABELLED_YEAR = re.compile(
    r"^(?:(?:bedrag|bedragen|amount|uitgaven|mutatie|mutaties|reservering|jaar|year)\s+)?"
    r"(\d{4})(?:\s+t(?:\s*\d)?)?$"
)


# A footnote mark after a label: "2025*", "2026 1)", "2027¹".
_FOOTNOTE = re.compile(r"\s*(?:\*+|\d\)|[\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*$")


def _labelled(value: Any) -> bool:
    return isinstance(value, str) and labelled_year(value) is not None


@functools.lru_cache(maxsize=4096)
def labelled_year(label: str) -> int | None:
    """The year of a header label such as "Bedrag 2025" or "2025 (t)"; None for others."""
    match = _LABELLED_YEAR.match(fold_label(_FOOTNOTE.sub("", label)))
    if match is None:
        return None
    year = int(match.group(1))
    return year if 1990 <= year <= 2100 else None


@functools.cache
def _matchers() -> tuple[dict[str, str], list[tuple[str, tuple[str, ...]]]]:
    """Folded label -> field (the first field listing it), and each field's label prefixes."""
    words = aliases()
    field_of_alias = {a: name for name, names in reversed(words.items()) for a in names}
    whole = {name: frozenset(spec.get("whole", ())) for name, spec in _words().items()}
    prefixes = [
        (name, tuple(f"{alias} " for alias in names if len(alias) > 3 and alias not in whole[name]))
        for name, names in words.items()
    ]
    return field_of_alias, prefixes


def field_of(label: Any) -> str | None:
    """The field a header label names, None for any other value."""
    return _field_of_text(label) if isinstance(label, str) else None


@functools.lru_cache(maxsize=4096)  # every row is asked whether it is a header: labels repeat
def _field_of_text(label: str) -> str | None:
    folded = fold_label(label)
    if not folded:
        return None
    field_of_alias, prefixes_of = _matchers()
    name = field_of_alias.get(folded)
    if name is not None:
        return name
    for name, prefixes in prefixes_of:
        if folded.startswith(prefixes):
            return name
    return None


def _rank(name: str, label: Any) -> int:
    """Where the label a column is named by stands in ``name``'s list: the first wins."""
    folded = fold_label(str(label))
    for rank, alias in enumerate(aliases()[name]):
        if folded == alias or (len(alias) > 3 and folded.startswith(f"{alias} ")):
            return rank
    return len(aliases()[name])


@dataclass(frozen=True, slots=True)
class ColumnSum:
    """A column whose label says which columns it sums: a published suppletoire table
    numbers its columns and writes how each stand follows from the ones before it
    ("Vastgestelde begroting (3)=(1+2)"). ``terms`` are (sign, column) pairs."""

    column: int
    label: str
    formula: str  # as the label writes it: "(3)=(1+2)"
    terms: tuple[tuple[int, int], ...]


# A column's number, "(2)" or "(3=1+2)"; its formula after it, "(3)=(1+2)", "(3) = (1) + (2)",
# or inside it, "(3=1+2)" and "(5 = 3+4)" as the tables of 2014 print it.
_COLUMN_MARK = re.compile(r"\((\d{1,2})\s*[)=]")
_FORMULA_AFTER = re.compile(r"\((\d{1,2})\)\s*=\s*(.*)$")
_FORMULA_INSIDE = re.compile(r"\((\d{1,2})\s*=\s*([^()]*)\)")
_FORMULA_TERMS = re.compile(r"\d{1,2}(?:[+-]\d{1,2})+")


def read_chain(cells: tuple[Any, ...]) -> list[ColumnSum]:
    """The columns whose labels name the columns they sum, as the Rijksbegrotingsvoorschriften
    print them: each column's number is the first "(n)" in its label ("Mutaties via NvW,
    moties, amendementen en ISB's (2)1", its footnote mark after it), and a label "(3)=(1+2)",
    "(3) = (1) + (2)", "(3=1+2)" (or "(3)=(1)-(2)") sums the columns of those numbers. A
    formula naming a number no column has, or its own, is left out."""
    numbered: dict[int, int] = {}
    formulas: list[tuple[int, str, re.Match[str]]] = []
    for index, value in enumerate(cells, start=1):
        if not isinstance(value, str):
            continue
        mark = _COLUMN_MARK.search(value)
        if mark is None:
            continue
        numbered.setdefault(int(mark.group(1)), index)
        formula = _FORMULA_AFTER.match(value, mark.start()) or _FORMULA_INSIDE.match(
            value, mark.start()
        )
        if formula is not None:
            formulas.append((index, value, formula))
    chain = []
    for index, value, formula in formulas:
        expression = re.sub(r"[()\s]", "", formula.group(2))
        if not _FORMULA_TERMS.fullmatch(expression):
            continue
        terms = [
            (-1 if sign == "-" else 1, numbered.get(int(number), 0))
            for sign, number in re.findall(r"([+-]?)(\d{1,2})", expression)
        ]
        if all(column and column != index for _, column in terms):
            label = " ".join(value.split())
            chain.append(ColumnSum(index, label, formula.group(0).strip(), tuple(terms)))
    return chain


@dataclass
class Header:
    """The header row of a table: which column (1-based) holds which field."""

    row: int
    columns: dict[str, int]  # field -> column
    year_columns: dict[int, int] = field(default_factory=dict)  # year -> column (wide shape)
    units: list[tuple[Unit, int]] = field(default_factory=list)  # captions in header cells
    unlabelled: bool = False  # the description column's header cell is empty (as published)
    # A suppletoire table as published per article: the year whose mutation stands between the
    # stand columns (its column is that year's), and whether the header left it to be inferred.
    stand_year: int | None = None
    stand_year_inferred: bool = False
    stand_year_title: tuple[int, int] | None = None  # (row, column) of the title that names it
    captions_below: int = 0  # rows right below it holding unit captions only: "(x € 1.000)"
    chain: list[ColumnSum] = field(default_factory=list)  # columns whose labels sum others

    @property
    def first_row(self) -> int:
        """The first row below the header and its caption row, where lines may start."""
        return self.row + 1 + self.captions_below

    @property
    def shape(self) -> str:
        """ "long" (a row per line and year: Jaar, Bedrag) or "wide" (a column per year)."""
        return "wide" if self.year_columns and "amount" not in self.columns else "long"

    @property
    def amount_columns(self) -> list[int]:
        if self.shape == "wide":
            return list(self.year_columns.values())
        return [self.columns["amount"]]

    @property
    def number_columns(self) -> list[int]:
        """Every column holding amounts: the amounts, row totals and suppletoire stands, and
        the columns of a suppletoire table's chain ("Ontwerpbegroting (1)", ...)."""
        extra = [self.columns.get(f) for f in ("row_total", "stand_before", "stand_after")]
        chain = [c for column_sum in self.chain for _, c in column_sum.terms]
        chain += [column_sum.column for column_sum in self.chain]
        return sorted({*self.amount_columns, *(c for c in extra if c is not None), *chain})

    @property
    def suppletoire(self) -> bool:
        """Stand before, mutation (the amount) and stand after: a suppletoire table."""
        return self.shape == "long" and {"stand_before", "stand_after"} <= self.columns.keys()


def read_header(cells: tuple[Any, ...], row: int, keyless: bool = False) -> Header | None:
    """The header this row would be, or None when it does not look like one (``keyless``:
    also without a chapter, article or description label, as a published table prints it)."""
    columns: dict[str, int] = {}
    years: dict[int, int] = {}
    units = []
    caption_only = None  # a cell holding a unit caption only ("x € 1.000"): the amounts'
    named: dict[str, list[int]] = {}  # the columns a stand or the amount names, in order
    for index, value in enumerate(cells, start=1):
        year = parse_year(value)
        if year is None and isinstance(value, str):
            year = labelled_year(value)
            unit = find_unit(value) if year is not None else None
            if unit is not None:  # "2025 (x € 1.000)"
                units.append((unit, index))
        if year is not None:
            years.setdefault(year, index)
            continue
        name = field_of(value)
        if name is None and _is_number(value):
            return None  # a number that is no year ("1", "20,00"): a line's value, no label
        if name is not None and (
            name not in columns or _rank(name, value) < _rank(name, cells[columns[name] - 1])
        ):
            columns[name] = index  # "Omschrijving" right of "Toelichting" is the description
        if name in ("stand_before", "stand_after", "amount"):
            named.setdefault("amount" if name == "amount" else "stand", []).append(index)
        if isinstance(value, str):
            unit = find_unit(value)
            if unit is not None:
                units.append((unit, index))
                if name is None and caption_only is None and not fold_label(value):
                    caption_only = index
    if caption_only is not None and not years and "amount" not in columns:
        columns["amount"] = caption_only
    _order_stands(columns, named.get("stand", []), named.get("amount", []), [*years.values()])
    stand_year, inferred = _stand_year(columns, years)
    if stand_year is not None:
        years = dict(sorted(years.items(), key=lambda item: item[1]))  # in column order
    has_amounts = "amount" in columns or bool(years)
    has_key = any(name in columns for name in ("chapter", "article", "description"))
    if not (has_amounts and (has_key or keyless)):
        return None
    suppletoire = {"stand_before", "stand_after"} <= columns.keys()
    chain = read_chain(cells) if suppletoire else []
    return Header(
        row,
        columns,
        years,
        units,
        stand_year=stand_year,
        stand_year_inferred=inferred,
        chain=chain,
    )


def _order_stands(
    columns: dict[str, int], stands: list[int], amounts: list[int], years: list[int]
) -> None:
    """Where a suppletoire table names more than one stand, their order says which is which,
    as the Rijksbegrotingsvoorschriften print them: the stand after is the rightmost stand,
    the mutation the amount column just left of it, the stand before the stand just left of
    that (the amount column or, where no column is the amount, the year column: "Mutatie
    2025"). A 2e suppletoire's "Stand 1e suppletoire begroting" is its stand before, and of
    "Mutaties 1e ..." and "Mutaties 2e suppletoire begroting" the second is its mutation."""
    if len(stands) < 2:
        return
    after = stands[-1]
    amounts = amounts or [column for column in years if column < after]
    mutation = max((column for column in amounts if column < after), default=None)
    if mutation is None:
        return
    before = max((column for column in stands if column < mutation), default=None)
    if before is not None:
        columns.update(stand_before=before, stand_after=after)
        if mutation not in years:  # (a year column, "Mutatie 2025", stays one)
            columns["amount"] = mutation


def _stand_year(columns: dict[str, int], years: dict[int, int]) -> tuple[int | None, bool]:
    """A suppletoire table as the Ministry prints it per article: its stands before and after
    and the mutation between them are of the budget year, and the years after it follow as
    columns ("Vastgestelde begroting", "Mutaties 1e suppletoire begroting", "Stand 1e
    suppletoire begroting", 2021, 2022, ...). The mutation's column becomes the budget year's
    (moved from ``columns`` to ``years``): the year its label names ("Mutatie 2020"), else the
    year before the first year column, said to be inferred. (None, False) for other tables."""
    if not ({"stand_before", "stand_after"} <= columns.keys() and years):
        return None, False
    if "amount" not in columns:  # the mutation's label names its year: the year column just
        after = columns["stand_after"]  # left of the stand after, right of the stand before
        year, column = max(
            ((y, c) for y, c in years.items() if c < after),
            key=lambda item: item[1],
            default=(0, 0),
        )
        return (year, False) if columns["stand_before"] < column else (None, False)
    year = min(years) - 1
    if year in years:
        return None, False
    years[year] = columns.pop("amount")
    return year, True


def _is_number(value: Any) -> bool:
    """Whether a cell holds a number (a year aside): a line of a table, not its header, has
    one. A row of open data's apparaatskosten, "2014", "III", "Ministerie van Algemene
    Zaken", 1, ..., "Post-, Koeriers- en transportdiensten", "20,00", has a year, a
    ministry's and a description's word, and was taken for a wide table's header."""
    return cell_number(value) is not None


def cell_number(value: Any) -> Decimal | int | float | None:
    """The number a cell holds, stored as one or written as text ("1.000", "-5,1", Excel's
    accounting zero "-"), unrounded; None for any other value (a boolean, blank or other
    text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_number(value)
    except AmountError:
        return None


def is_header_like(cells: tuple[Any, ...], row: int, below_keyless: bool = False) -> bool:
    """True when every filled cell is a header label or a year and the row reads as a header:
    a second table's header row, never a line (lines hold chapters, descriptions, amounts).
    Without a key label, a published suppletoire table's (its stands) is one too, and below
    a table without key labels (``below_keyless``) one of two years or more as well; not a
    row of years alone below a ministry's table, nor a label beside one year."""
    for value in cells:  # a loop, not all() over a generator: every row of a table is asked
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if field_of(value) is None and parse_year(value) is None and not _labelled(value):
            return False  # usually at the row's first cell
    header = read_header(cells, row, keyless=True)
    if header is None or not _keyless(header):
        return header is not None
    if {"stand_before", "stand_after"} <= header.columns.keys():
        return True
    return below_keyless and len(header.year_columns) > 1


def _keyless(header: Header) -> bool:
    """Whether a table's header row names no key column (a published table's: its
    description column found below an empty cell, if at all)."""
    return header.unlabelled or not {"chapter", "article", "description"} & header.columns.keys()


def find_header(rows: list[tuple[Any, ...]]) -> Header | None:
    """The first row among the first HEADER_SCAN_ROWS that reads as a header; else a wide
    table as it is published, with the cell above its row labels left empty."""
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        header = read_header(cells, index)
        if header is not None:
            header.captions_below = int(index < len(rows) and _captions_only(rows[index]))
            header = _year_of_stands(header, cells, rows[: index - 1])
            return _with_unlabelled(header, cells, rows[index : index + HEADER_SCAN_ROWS])
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        filled = [value for value in cells if not _blank(value)]
        if len(filled) >= 2 and all(parse_year(value) is not None for value in filled):
            header = Header(index, {}, {})  # a header of years alone, its label cell empty
            for column, value in enumerate(cells, start=1):
                if not _blank(value):
                    header.year_columns.setdefault(parse_year(value) or 0, column)
        else:  # or a published suppletoire table's: its stands, the mutation, the years after
            found = read_header(cells, index, keyless=True)
            if found is not None:
                found = _year_of_stands(found, cells, rows[: index - 1])
            if found is None or found.stand_year is None:
                continue
            header = found
        header = _with_unlabelled(header, cells, rows[index : index + HEADER_SCAN_ROWS])
        if "description" in header.columns:
            return header
    return None


def _year_of_stands(header: Header, cells: tuple[Any, ...], above: list[tuple[Any, ...]]) -> Header:
    """A suppletoire table without years, neither as columns nor in a Jaar column (a 2e
    suppletoire's "Vastgestelde begroting", "Mutaties 2e suppletoire begroting", "Stand 2e
    suppletoire begroting" alone): the year its mutation's label names ("Mutaties 2e
    suppletoire begroting 2025"), else the one year the title lines above name ("Tweede
    suppletoire begroting 2023"), is its mutation's, and the mutation's column that year's.
    Unchanged when neither names one year: its year is unknown."""
    columns = header.columns
    if header.year_columns or "year" in columns:
        return header
    if not {"stand_before", "amount", "stand_after"} <= columns.keys():
        return header
    column = columns["amount"]
    named = _years_in([(header.row, column, cells[column - 1])])
    if len(named) != 1:
        named = _years_in(
            (row, column, value)
            for row, values in enumerate(above, start=1)
            for column, value in enumerate(values, start=1)
        )
        header.stand_year_title = next(iter(named.values())) if len(named) == 1 else None
    if len(named) == 1:
        header.stand_year = next(iter(named))
        header.year_columns[header.stand_year] = columns.pop("amount")
    return header


def _years_in(cells: Iterable[tuple[int, int, Any]]) -> dict[int, tuple[int, int]]:
    """The years the text cells name, each with the (row, column) of the first naming it."""
    found: dict[int, tuple[int, int]] = {}
    for row, column, value in cells:
        if isinstance(value, str):
            for match in _YEAR_INSIDE.finditer(value):
                found.setdefault(int(match.group(1)), (row, column))
    return found


def _with_unlabelled(
    header: Header, cells: tuple[Any, ...], below: list[tuple[Any, ...]]
) -> Header:
    """A wide header without a description column, as published ("Art.", the years, and an
    empty cell above the row labels): the column of the first label below, when it stands
    left of the years under an empty header cell and holds text with a letter."""
    if header.shape != "wide" or "description" in header.columns:
        return header
    line = next((r for r in below if any(not _blank(v) for v in r)), None)
    if line is None:
        return header
    column = next(c for c, v in enumerate(line, start=1) if not _blank(v))
    label = line[column - 1]
    if (
        column >= min(header.year_columns.values())
        or column in header.columns.values()
        or (column <= len(cells) and not _blank(cells[column - 1]))
        or not isinstance(label, str)
        or not any(map(str.isalpha, label))
    ):
        return header
    header.columns["description"] = column
    header.unlabelled = True
    return header


# The words a unit caption may hold besides its unit: "bedragen x € 1.000", "in mln euro".
_CAPTION_WORDS = frozenset(
    [
        "bedrag",
        "bedragen",
        "in",
        "x",
        "eur",
        "euro",
        "euros",
        "mln",
        "miljoen",
        "duizend",
        "duizenden",
        "amount",
        "amounts",
    ]
)


def _captions_only(cells: tuple[Any, ...]) -> bool:
    """Whether a row holds unit captions and nothing else ("(x € 1.000)" under "Bedrag")."""
    filled = [value for value in cells if not _blank(value)]
    return bool(filled) and all(
        isinstance(value, str)
        and find_unit(value) is not None
        and set(fold_label(value).split()) <= _CAPTION_WORDS
        for value in filled
    )


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(cells: tuple[Any, ...], column: int | None) -> Any:
    return cells[column - 1] if column is not None and 0 < column <= len(cells) else None


_YEAR_INSIDE = re.compile(r"(?<!\d)(199\d|20\d\d|2100)(?!\d)")


@dataclass(frozen=True)
class UnreadColumn:
    """A column of a table's rows that is read as no column while a row holds a number in
    it: amounts that would be left out in silence, and why it is not read."""

    column: int
    why: str  # "year": its header names a year otherwise; "twice": it repeats the header of
    # the column ``read`` (a second "Bedrag", "2026" twice); "unlabelled": its header is empty
    read: int | None = None


# The fields whose columns hold amounts: a second column naming one of them is not read.
_NUMBER_FIELDS = ("amount", "row_total", "stand_before", "stand_after")


def unread_columns(rows: list[tuple[Any, ...]], header: Header, last: int) -> list[UnreadColumn]:
    """The columns whose amounts the table leaves out, in the rows from its first line to
    ``last`` (numbers stored as such or written as text, as a CSV file's cells are). Their
    header names a year but is read as no column (in a wide table one that names it in
    another way, "2030 e.v."; in a long table, which takes its amounts from its one amount
    column, any: "Bedrag 2024"); or it repeats what a column read says ("Bedrag" twice,
    "2026" twice, "Mutatie" beside "Bedrag"); or it is empty, also beyond the header's last
    cell (a column of row numbers, 1, 2, 3, ..., as a script writes its index, aside)."""
    used = set(header.columns.values())
    if header.shape == "wide":
        used |= set(header.year_columns.values())
    labels = rows[header.row - 1]
    lines = rows[header.first_row - 1 : last]
    width = max(map(len, [labels, *lines]), default=0)
    found = []
    for column in range(1, width + 1):
        if column in used:
            continue
        label = _cell(labels, column)
        why = _why_unread(label, header)
        if (why is None and not _blank(label)) or _earlier_stand(label, column, header):
            continue  # its header says what else it holds ("Kenmerk", "Opmerking")
        cells = [_cell(row, column) for row in lines]
        if not any(map(_nonzero_amount, cells)):
            continue
        if why is None:  # an empty header
            if _row_numbers(cells):
                continue
            why = UnreadColumn(column, "unlabelled")
        found.append(UnreadColumn(column, why.why, why.read))
    return found


def _earlier_stand(label: Any, column: int, header: Header) -> bool:
    """Whether a column left of a suppletoire table's stand before is an earlier stand or
    mutation of its chain ("Ontwerp-begroting (1)", "Mutaties via NvW (2)"): checked by
    nobody, and said by nothing (``_order_stands`` chose the columns read)."""
    before = header.columns.get("stand_before")
    return (
        before is not None
        and "stand_after" in header.columns
        and column < before
        and field_of(label) in ("stand_before", "stand_after", "amount")
    )


def _why_unread(label: Any, header: Header) -> UnreadColumn | None:
    """Why a column headed ``label`` that the table does not read holds amounts it leaves
    out (its ``column`` left 0), or None when its header says it holds something else."""
    year = parse_year(label)
    if year is None and isinstance(label, str):
        year = labelled_year(label)
    if header.shape == "wide" and year in header.year_columns:
        return UnreadColumn(0, "twice", header.year_columns[year])
    if year is not None or (isinstance(label, str) and _YEAR_INSIDE.search(label)):
        return UnreadColumn(0, "year")
    name = field_of(label)
    if name in _NUMBER_FIELDS and name in header.columns:
        return UnreadColumn(0, "twice", header.columns[name])
    return None


def _row_numbers(cells: list[Any]) -> bool:
    """Whether the filled cells, two or more, count up by one (1, 2, 3 or 0, 1, 2): row
    numbers."""
    numbers = []
    for value in cells:
        if _blank(value):
            continue
        if isinstance(value, str):
            value = value.strip()
            if not value.isdigit():
                return False
            value = int(value)
        if not isinstance(value, int | float) or isinstance(value, bool) or value != int(value):
            return False
        numbers.append(int(value))
    return len(numbers) > 1 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


# --- where a table ends ---------------------------------------------------------------------

# "Totaal", "Subtotaal", "Sub-totaal", and the grand totals Excel's pivot tables write:
# "Eindtotaal" (Dutch), "Grand Total" (English), which _GRAND below names as grand totals;
# a drafted layout's totals pattern too (read/draft.py).
TOTAL_LABEL = re.compile(r"^\s*(?:(?:sub|eind)?\s*-?\s*tota(a)?l|grand\s+total)\b", re.IGNORECASE)
_GRAND = re.compile(
    r"^\s*(totaal|total|totaal generaal|eindtotaal|grand total|totaal\s+reservering)\s*:?\s*$",
    re.IGNORECASE,
)


def label_columns(header: Header) -> list[int]:
    """The columns a totals row puts its label in: the key columns and any left of them."""
    columns = [
        header.columns[f] for f in ("chapter", "article", "description") if f in header.columns
    ]
    first = min(columns) if columns else 1
    return sorted({*columns, *range(1, first + 1)})


def total_label(cells: tuple[Any, ...], columns: list[int]) -> str | None:
    """The label of a totals row ("Totaal", "Subtotaal artikel 3"), None for other rows;
    ``columns``: the header's ``label_columns``."""
    for column in columns:
        value = cells[column - 1] if column <= len(cells) else None
        if isinstance(value, str) and TOTAL_LABEL.match(value):
            return value.strip()
    return None


def is_grand_total(label: str) -> bool:
    """Whether a totals row's label names the table's grand total, not a subtotal."""
    return _GRAND.match(label) is not None


@dataclass(frozen=True)
class Extent:
    """Where a table's lines are, decided once (docs/en/workbooks.md, "Workbooks as they
    arrive"): the rows ``header.first_row`` to ``last`` are read."""

    last: int  # the last row read: the grand total, or the last row holding a line's marks
    totals: dict[int, str]  # row -> the label of each totals row up to ``last``
    second: int | None = None  # the header row of a second table below (not read)
    second_lines: int = 0  # the lines with an amount other than zero in that second table
    notes: range = range(0)  # rows of notes below the last line, read as no line
    notes_would_read: bool = False  # one of them would have made a line (said as a warning)
    below_total: tuple[int, ...] = ()  # lines typed below the grand total, which misses them


def find_extent(
    rows: list[tuple[Any, ...]], header: Header, declared: tuple[int, str] | None = None
) -> Extent:
    """Where the table below ``header`` ends: at its grand total, before the header row of a
    second table (and how many lines that one holds), or at the end of the sheet; then
    without the notes below its last line.

    ``declared``: the row of an Excel Table's totals row (its grand total, labelled or not)
    and the label to give it when it has none of its own."""
    end, second, totals = _end(rows, header, declared)
    first_note, would_read = _notes_below(rows, header, end, totals.keys())
    below: list[int] = []
    if end in totals:  # a grand total ended the table: a line typed below it is not read
        below = _lines_below_total(
            rows, header, end + 1, len(rows) if second is None else second - 1
        )
    second_lines = 0
    if second is not None and (second_header := read_header(rows[second - 1], second, True)):
        # the second table's lines, by the test a line below a Totaal passes; a published
        # table's, which have no chapter or article, by their amounts (series totals aside)
        second_lines = len(
            _labelled_amounts(rows, second_header, second + 1)
            if _keyless(second_header)
            else _lines_below_total(rows, second_header, second + 1, len(rows))
        )
    return Extent(
        last=first_note - 1,
        totals=totals,
        second=second,
        second_lines=second_lines,
        notes=range(first_note, end + 1),
        notes_would_read=would_read,
        below_total=tuple(below),
    )


def _end(
    rows: list[tuple[Any, ...]], header: Header, declared: tuple[int, str] | None = None
) -> tuple[int, int | None, dict[int, str]]:
    """The table's last row, the header row of a second table below it, and the label of each
    totals row in the table."""
    end = None
    totals: dict[int, str] = {}
    columns = label_columns(header)
    keyless = _keyless(header)
    for row in range(header.first_row, len(rows) + 1):
        cells = rows[row - 1]
        label = total_label(cells, columns) if end is None else None
        if declared is not None and row == declared[0] and end is None:
            totals[row] = label or declared[1]
            end = row  # the Table's totals row is its grand total, whatever its label
            continue
        if label is not None:
            totals[row] = label
            if is_grand_total(label):
                end = row  # the grand total ends the table; look on for a second one
            continue
        if is_header_like(cells, row, keyless):
            return (row - 1 if end is None else end), row, totals
    return (len(rows) if end is None else end), None, totals


def _notes_below(
    rows: list[tuple[Any, ...]], header: Header, last: int, totals: Collection[int]
) -> tuple[int, bool]:
    """Where the notes below a table start, and whether any of them would have read as a line.

    The notes are the rows after the table's last row that holds something of a line: a
    chapter, an article number, a year in the year column, a number, "PM" or "n.t.b." in an
    amount column (any text there beside a description), or a totals label (its formula may
    have no saved result).
    What follows it (a "Toelichting:" block, a contact line, the title of a second table)
    holds none of these; read as lines it gave an error per cell. Returns ``last + 1`` when
    nothing follows the last such row.
    """
    marked = header.first_row - 1  # the header, or the unit captions below it
    for row in range(last, marked, -1):
        if row in totals or _marks_line(rows[row - 1], header):
            marked = row
            break
    read = any(_would_read(rows[row - 1], header) for row in range(marked + 1, last + 1))
    return marked + 1, read


def _marks_line(cells: tuple[Any, ...], header: Header) -> bool:
    """Whether a row holds something only a line (or a totals row) holds."""
    columns = header.columns
    if normalise_chapter(_cell(cells, columns.get("chapter"))) is not None:
        return True
    article = _cell(cells, columns.get("article"))
    if article is not None and any(map(str.isdigit, str(article))):
        return True
    if parse_year(_cell(cells, columns.get("year"))) is not None:
        return True
    described = not _blank(_cell(cells, columns.get("description")))
    for column in header.number_columns:
        value = _cell(cells, column)
        if _blank(value) or isinstance(value, bool):
            continue
        if not isinstance(value, str) or described:
            # a number (or a date standing for one); or, beside a description, an amount
            # typed with words ("1,0 mln"): a line whose amount is said at its cell
            return True
        try:
            parse_number(value)
        except AmountError as problem:
            if problem.kind == "not-a-number":  # "PM", "n.t.b.": an amount not known yet
                return True
            continue
        return True
    return False


def _would_read(cells: tuple[Any, ...], header: Header) -> bool:
    """Whether the table reader would make a line of this row: its chapter, article or amount
    cells hold something."""
    names = ("chapter", "article")
    places = [header.columns.get(name) for name in names] + header.amount_columns
    return any(not _blank(_cell(cells, column)) for column in places)


def _lines_below_total(
    rows: list[tuple[Any, ...]], header: Header, first: int, last: int
) -> list[int]:
    """The rows ``first`` to ``last`` below a table's grand total that hold a line: a
    chapter or an article number, and an amount other than zero, stored as a number or
    written as text (a CSV file's cells all are) (a line typed under the Totaal row when the
    template's rows ran out; the Totaal does not cover it)."""
    columns = header.columns
    found = []
    for row in range(first, last + 1):
        cells = rows[row - 1]
        article = _cell(cells, columns.get("article"))
        keyed = normalise_chapter(_cell(cells, columns.get("chapter"))) is not None or (
            isinstance(article, (int, float)) and not isinstance(article, bool)
        )
        keyed = keyed or (isinstance(article, str) and _ARTICLE_START.match(article) is not None)
        if keyed and any(_nonzero_amount(_cell(cells, c)) for c in header.amount_columns):
            found.append(row)
    return found


def _labelled_amounts(rows: list[tuple[Any, ...]], header: Header, first: int) -> list[int]:
    """The rows from ``first`` of a table without key columns (a published one's, its
    row labels under an empty cell) that hold an amount other than zero beside a label that
    is no series heading ("Uitgaven": their total), up to its own end."""
    series_of, _ = _row_words()
    last = _end(rows, header)[0]
    amounts = header.number_columns
    found = []
    for row in range(first, last + 1):
        cells = rows[row - 1]
        labels = [v for v in cells[: min(amounts, default=1) - 1] if not _blank(v)]
        heading = not labels or fold_label(str(labels[0])) in series_of
        if not heading and any(_nonzero_amount(_cell(cells, column)) for column in amounts):
            found.append(row)
    return found


# An article number at the start of a cell: "2", "02", "2 Bedrijvenbeleid", "art. 2"; not
# "Zie 2" or "2025" (a year in a note).
_ARTICLE_START = re.compile(r"^\s*(?:art(?:ikel)?\.?\s*)?\d{1,3}[A-Za-z]?(?![\d.,])", re.IGNORECASE)


def _nonzero_amount(value: Any) -> bool:
    """A number other than zero, stored as one or written as text ("1.000", "-5,1")."""
    number = cell_number(value)
    return number is not None and number != 0


# --- series and instrument headings ---------------------------------------------------------

INSTRUMENT = "instrument"
INSTRUMENT_LINE = "instrument line"
PART = "part"
# An artikelonderdeel's number in the Art. column: "1.0", "2.1", "1,0" (of article 1, 2).
_PART_NUMBER = re.compile(r"^\s*0*(\d{1,3})[.,]\d{1,2}\s*$")
# An article's number as text: "1", "01".
_WHOLE_NUMBER = re.compile(r"^\s*0*(\d{1,3})\s*$")


def part_article(value: Any) -> str | None:
    """The article of an artikelonderdeel's number ("2.1" -> "2", "1,0" -> "1"), or of an
    article's number as a heading over its lines may hold it, "1.0" retyped as a number
    (1, 1.0, "1", "01"); None for other values."""
    if isinstance(value, str):
        match = _PART_NUMBER.match(value) or _WHOLE_NUMBER.match(value)
        return str(int(match.group(1))) if match else None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return str(int(value)) if _integral(value) and 0 < value < 1000 else None


def _whole(value: Any) -> bool:
    """Whether an Art. cell holds an article's number (1, 1.0, "01"), not an artikelonderdeel's
    ("1.0" as text): a line's article as much as a heading's."""
    return not (isinstance(value, str) and _PART_NUMBER.match(value))


@functools.cache
def _row_words() -> tuple[dict[str, str], frozenset[str]]:
    """Folded label -> series of a series heading; the folded labels of the financial
    instruments (reconcile/data/table-rows.toml). Read on first use, once."""
    text = resources.files("reconcile.data").joinpath("table-rows.toml").read_text("utf-8")
    data = tomllib.loads(text)
    series = {fold_label(label): code for code, words in data["series"].items() for label in words}
    return series, frozenset(map(fold_label, data["instrument"]["labels"]))


def series_heading(label: Any) -> str | None:
    """The series ("V", "U", "O") a heading row's label names ("Uitgaven", "Ontvangsten:",
    reconcile/data/table-rows.toml), None for any other label."""
    if not isinstance(label, str):
        return None
    return _row_words()[0].get(fold_label(label))


def find_headings(
    rows: list[tuple[Any, ...]], header: Header, first: int, last: int, skip: Collection[int]
) -> dict[int, str]:
    """The headings of a wide table printed per article (docs/en/workbooks.md, "A suppletoire
    table as published"): row -> the series ("V", "U", "O") of a series heading ("Uitgaven",
    the total of the lines below it up to the next series heading), or INSTRUMENT for an
    instrument's ("Personele uitgaven", the subtotal of the lines below it up to the next
    heading), or INSTRUMENT_LINE for an instrument without lines of its own; or PART for an
    artikelonderdeel's row ("1.0" in the Art. column beside "Versterken rechtsstaat"), the
    subtotal of the lines below it up to the next one or series heading. Only in a table
    without a series column that has a series heading, among rows ``first`` to ``last``
    without a chapter or article (an artikelonderdeel's number aside), ``skip`` (totals rows)
    aside. A series heading may stand in the chapter column, alone on its row.

    An instrument's name is a heading when a line follows it: a row of another label, or of
    its own ("Overige" over "Overige", the one line of instrument Overige). Else it is a line
    beside the instruments, not under the one above it ("Opdrachten" right above "Bijdrage
    aan agentschappen", or above the next series), unless it is that one's own line."""
    column = header.columns.get("description")
    if header.shape != "wide" or "series" in header.columns or column is None:
        return {}
    chapter, article = header.columns.get("chapter"), header.columns.get("article")
    series_of, instruments = _row_words()
    labelled: list[tuple[int, str]] = []  # (row, folded label) of the rows holding a label
    parts: set[int] = set()
    whole: set[int] = set()  # of those, the rows whose Art. cell holds a number (1, 1.0)
    keyed: list[int] = []  # the rows holding a label or an article, in order
    for row in range(first, last + 1):
        cells = rows[row - 1]
        label, number = _cell(cells, column), _cell(cells, article)
        if row in skip:
            continue
        if not _blank(written := _cell(cells, chapter)):
            if not (_blank(label) and _blank(number) and series_heading(written)):
                continue
            label = written  # a series heading typed in the chapter column ("Ontvangsten")
        if not _blank(number):
            keyed.append(row)
            if part_article(number) is None:
                continue  # a line of its own article
            parts.add(row)
            if _whole(number):
                whole.add(row)
        if isinstance(label, str) and label.strip():
            labelled.append((row, fold_label(label)))
            if keyed[-1:] != [row]:
                keyed.append(row)
    found = {row: series_of[label] for row, label in labelled if label in series_of}
    if not found:
        return {}
    # An article's number (1, "01", "1.0" retyped as 1) heads lines as an artikelonderdeel's
    # does only where an instrument's heading without one follows every row holding one
    # ("Subsidies (regelingen)"): else each is a line of its own article.
    numbered = {row for row in keyed if not _blank(_cell(rows[row - 1], article))}
    following = dict(itertools.pairwise(keyed))
    names = dict(labelled)
    if any(
        following.get(row, 0) in numbered or names.get(following.get(row, 0)) not in instruments
        for row in whole
    ):
        parts -= whole
    for (row, _), (next_row, _) in zip(labelled, [*labelled[1:], (0, "")], strict=True):
        if row in parts and next_row and next_row not in found and next_row not in parts:
            found[row] = PART  # (an artikelonderdeel over nothing is no heading)
    below: tuple[int, str] | None = None  # the labelled row below, going up from the last
    for row, label in reversed(labelled):
        if label in instruments and row not in found and below is not None:
            under, its = below
            if under not in found and (its not in instruments or its == label):
                found[row] = INSTRUMENT
        below = (row, label)
    above: tuple[int, str] | None = None
    for row, label in labelled:
        own = above is not None and found.get(above[0]) == INSTRUMENT and above[1] == label
        if label in instruments and row not in found and not own:
            found[row] = INSTRUMENT_LINE
        above = (row, label)
    return found


# A date written as text ("01-01-2025", "2025-01-01", "1/1/2025 00:00", "1 januari 2025",
# "jan 2025", "Q1 2025"): what a "Van"/"Tot" pair of a period holds, never a ministry.
_DATE_TEXT = re.compile(
    r"^(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:\d{1,2}\s+)?(?:januari|january|jan|februari|february|feb|maart|march|mrt|mar|april"
    r"|apr|mei|may|juni|june|jun|juli|july|jul|augustus|august|aug|september|sept|sep|oktober"
    r"|october|okt|oct|november|nov|december|dec)\.?(?:\s+\d{2,4})?"
    r"|(?:q|k)[1-4]\s*\d{0,4}|\d{4}\s*[-/]?\s*(?:q|k)[1-4])$"
)


def names_a_ministry(value: Any) -> bool | None:
    """Whether a counterpart cell could name a ministry (by code, name or chapter): True for
    text with a letter or a chapter's number; False for a date or time, a date or year
    written as text, a truth value, a number no chapter has (2025, 12,5, 45658); None for an
    empty cell, 0 (a formula's empty reference) or a dash."""
    if value is None or isinstance(value, bool | dt.date | dt.time):
        return None if value is None else False
    if isinstance(value, str):
        text = " ".join(value.replace("\u00a0", " ").split()).lower()
        if not any(ch.isalnum() for ch in text):
            return None
        if _DATE_TEXT.match(text) or parse_year(text) is not None:
            return False
        number = cell_number(text)
        if number is None:
            return True
        value = number
    if value == 0:
        return None
    return normalise_chapter(value) is not None if _integral(value) else False


def _integral(value: Any) -> bool:
    try:
        return bool(value == int(value))
    except (TypeError, ValueError, OverflowError, ArithmeticError):
        return False


def foreign_cell(
    values: Iterable[Any], says: Callable[[Any], bool | None], least: int = 1
) -> int | None:
    """Where (the index in ``values``) the first cell is that shows a column holds something
    other than its header's field, when most of its filled cells are no value of it; None
    when most are (a column mostly right stays the field: its few wrong cells are errors).
    ``says`` tells of one cell: True a value of the field, False another thing, None
    nothing (empty, a dash); ``least``: how many other things it takes (one unknown word
    alone may be a typo, a date never names a ministry)."""
    first, names, others = None, 0, 0
    for index, said in enumerate(per_value(says, list(values))):
        if said is True:
            names += 1
        elif said is False:
            others += 1
            first = index if first is None else first
    return first if others > names and others >= least else None
