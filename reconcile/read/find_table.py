"""Find a budget table's header row by its labels, and what each column means."""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from reconcile.ministries import normalise_chapter
from reconcile.money import AmountError, Unit, find_unit, parse_number


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


def excel_serial(value: dt.date) -> int | None:
    """The whole number a date-formatted cell holds (Excel's day count), None for a real moment.

    Days before 1 March 1900 are left out: Excel counts a 29 February 1900 that never was.
    """
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
    if isinstance(value, bool):
        return None
    if isinstance(value, dt.date):
        return year_of_date(value)
    if isinstance(value, int):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str):
        return _parse_year_text(value)
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
    return isinstance(value, str) and _labelled_year(value) is not None


@functools.lru_cache(maxsize=4096)
def _labelled_year(label: str) -> int | None:
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
    prefixes = [
        (name, tuple(f"{alias} " for alias in names if len(alias) > 3))
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


@dataclass
class Header:
    """The header row of a table: which column (1-based) holds which field."""

    row: int
    columns: dict[str, int]  # field -> column
    year_columns: dict[int, int] = field(default_factory=dict)  # year -> column (wide shape)
    units: list[tuple[Unit, int]] = field(default_factory=list)  # captions in header cells
    unlabelled: bool = False  # the description column's header cell is empty (as published)
    captions_below: int = 0  # rows right below it holding unit captions only: "(x € 1.000)"

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
        """Every column holding amounts: the amounts, row totals and suppletoire stands."""
        extra = [self.columns.get(f) for f in ("row_total", "stand_before", "stand_after")]
        return sorted({*self.amount_columns, *(c for c in extra if c is not None)})

    @property
    def suppletoire(self) -> bool:
        """Stand before, mutation (the amount) and stand after: a suppletoire table."""
        return self.shape == "long" and {"stand_before", "stand_after"} <= self.columns.keys()


def read_header(cells: tuple[Any, ...], row: int) -> Header | None:
    """The header this row would be, or None when it does not look like one."""
    columns: dict[str, int] = {}
    years: dict[int, int] = {}
    units = []
    caption_only = None  # a cell holding a unit caption only ("x € 1.000"): the amounts'
    for index, value in enumerate(cells, start=1):
        year = parse_year(value)
        if year is None and isinstance(value, str):
            year = _labelled_year(value)
            unit = find_unit(value) if year is not None else None
            if unit is not None:  # "2025 (x € 1.000)"
                units.append((unit, index))
        if year is not None:
            years.setdefault(year, index)
            continue
        name = field_of(value)
        if name is not None and (
            name not in columns or _rank(name, value) < _rank(name, cells[columns[name] - 1])
        ):
            columns[name] = index  # "Omschrijving" right of "Toelichting" is the description
        if isinstance(value, str):
            unit = find_unit(value)
            if unit is not None:
                units.append((unit, index))
                if name is None and caption_only is None and not fold_label(value):
                    caption_only = index
    if caption_only is not None and not years and "amount" not in columns:
        columns["amount"] = caption_only
    has_amounts = "amount" in columns or bool(years)
    has_key = any(name in columns for name in ("chapter", "article", "description"))
    if not (has_amounts and has_key):
        return None
    return Header(row, columns, years, units)


def is_header_like(cells: tuple[Any, ...], row: int) -> bool:
    """True when every filled cell is a header label or a year and the row reads as a header:
    a second table's header row, never a line (lines hold chapters, descriptions, amounts)."""
    for value in cells:  # a loop, not all() over a generator: every row of a table is asked
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if field_of(value) is None and parse_year(value) is None and not _labelled(value):
            return False  # usually at the row's first cell
    return read_header(cells, row) is not None


def find_header(rows: list[tuple[Any, ...]]) -> Header | None:
    """The first row among the first HEADER_SCAN_ROWS that reads as a header; else a wide
    table as it is published, with the cell above its row labels left empty."""
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        header = read_header(cells, index)
        if header is not None:
            header.captions_below = int(index < len(rows) and _captions_only(rows[index]))
            return _with_unlabelled(header, cells, rows[index : index + HEADER_SCAN_ROWS])
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        filled = [value for value in cells if not _blank(value)]
        if len(filled) < 2 or any(parse_year(value) is None for value in filled):
            continue  # a header of years alone (two or more), its label cell empty
        header = Header(index, {}, {})
        for column, value in enumerate(cells, start=1):
            if not _blank(value):
                header.year_columns.setdefault(parse_year(value) or 0, column)
        header = _with_unlabelled(header, cells, rows[index : index + HEADER_SCAN_ROWS])
        if "description" in header.columns:
            return header
    return None


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


def notes_below(
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


def _cell(cells: tuple[Any, ...], column: int | None) -> Any:
    return cells[column - 1] if column is not None and 0 < column <= len(cells) else None


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
        cells = [_cell(row, column) for row in lines]
        if not any(map(_nonzero_amount, cells)):
            continue
        label = _cell(labels, column)
        why = _why_unread(label, header)
        if why is None and _blank(label) and not _row_numbers(cells):
            why = UnreadColumn(column, "unlabelled")
        if why is not None:
            found.append(UnreadColumn(column, why.why, why.read))
    return found


def _why_unread(label: Any, header: Header) -> UnreadColumn | None:
    """Why a column headed ``label`` that the table does not read holds amounts it leaves
    out (its ``column`` left 0), or None when its header says it holds something else."""
    year = parse_year(label)
    if year is None and isinstance(label, str):
        year = _labelled_year(label)
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


def lines_below_total(
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


# An article number at the start of a cell: "2", "02", "2 Bedrijvenbeleid", "art. 2"; not
# "Zie 2" or "2025" (a year in a note).
_ARTICLE_START = re.compile(r"^\s*(?:art(?:ikel)?\.?\s*)?\d{1,3}[A-Za-z]?(?![\d.,])", re.IGNORECASE)


def _nonzero_amount(value: Any) -> bool:
    """A number other than zero, stored as one or written as text ("1.000", "-5,1")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0
    if not isinstance(value, str):
        return False
    try:
        return parse_number(value) != 0
    except AmountError:
        return False
