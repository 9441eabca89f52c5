"""Find a budget table's header row by its labels, and what each column means."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reconcile.money import Unit, find_unit

# Header labels as ministries write them, Dutch and English, after folding (lower case,
# no punctuation but "/", single spaces, unit captions removed). A label matches a field when it
# equals an alias or starts with one followed by a space ("omschrijving regeling").
ALIASES: dict[str, tuple[str, ...]] = {
    "chapter": (
        "hoofdstuk",
        "begrotingshoofdstuk",
        "begrotings hoofdstuk",
        "begrotingsnummer",
        "hoofdstuk romeins",
        "hoofdstuk nr",
        "hfdst",
        "hfd",
        "chapter",
        "budget chapter",
    ),
    "article": (
        "artikel",
        "art",
        "artikelnummer",
        "artikel nummer",
        "artikel nr",
        "art nr",
        "artnr",
        "article",
        "article number",
    ),
    "description": (
        "omschrijving",
        "beschrijving",
        "description",
        "regeling",
        "toelichting",
        "onderwerp",
        "maatregel",
        "maatregeltitel",
        "naam",
        "post",
        "item",
        "subject",
    ),
    "series": (
        "v/u/o",
        "vuo",
        "v u o",
        "u/v/o",
        "soort",
        "series",
        "serie",
        "uitgaven ontvangsten verplichtingen",
        "uitgaven/ontvangsten/verplichtingen",
    ),
    "year": ("jaar", "year", "kasjaar"),
    "amount": ("bedrag", "bedragen", "amount", "reservering", "mutatie", "value", "euro"),
    "ministry": ("ministerie", "ministry", "departement", "department"),
    "row_total": ("totaal", "total", "som", "sum", "totaal reeks"),
}
LABELS = {
    "chapter": "Hoofdstuk",
    "article": "Artikel",
    "description": "Omschrijving",
    "series": "V/U/O",
    "year": "Jaar",
    "amount": "Bedrag",
}
HEADER_SCAN_ROWS = 50

_CAPTION = re.compile(r"\(([^)]*)\)")
_YEAR = re.compile(r"^'?\s*(\d{4})(?:\.0+)?\s*$")


def fold_label(text: str) -> str:
    text = _CAPTION.sub(" ", text.replace("\u00a0", " ")).lower()
    text = re.sub(r"x\s*€\s*[\d.]+\s*(mln|miljoen)?", " ", text)
    text = re.sub(r"[^\w/&]+", " ", text)
    return " ".join(text.split())


def parse_year(value: Any) -> int | None:
    """2025, 2025.0, "2025", "2025 ", "'2025", "2025\u00a0" -> 2025; anything else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str):
        match = _YEAR.match(value.replace("\u00a0", " ").strip())
        if not match:
            return None
        year = int(match.group(1))
    else:
        return None
    return year if 1990 <= year <= 2100 else None


def field_of(label: Any) -> str | None:
    if not isinstance(label, str):
        return None
    folded = fold_label(label)
    if not folded:
        return None
    for name, aliases in ALIASES.items():
        if folded in aliases:
            return name
    for name, aliases in ALIASES.items():
        if any(folded.startswith(alias + " ") for alias in aliases if len(alias) > 3):
            return name
    return None


@dataclass
class Header:
    """The header row of a table: which column (1-based) holds which field."""

    row: int
    columns: dict[str, int]  # field -> column
    year_columns: dict[int, int] = field(default_factory=dict)  # year -> column (wide layout)
    units: list[tuple[Unit, int]] = field(default_factory=list)  # captions in header cells

    @property
    def layout(self) -> str:
        return "wide" if self.year_columns and "amount" not in self.columns else "long"

    @property
    def amount_columns(self) -> list[int]:
        if self.layout == "wide":
            return list(self.year_columns.values())
        return [self.columns["amount"]]


def read_header(cells: tuple[Any, ...], row: int) -> Header | None:
    """The header this row would be, or None when it does not look like one."""
    columns: dict[str, int] = {}
    years: dict[int, int] = {}
    units = []
    for index, value in enumerate(cells, start=1):
        year = parse_year(value)
        if year is not None:
            years.setdefault(year, index)
            continue
        name = field_of(value)
        if name is not None and name not in columns:
            columns[name] = index
        if isinstance(value, str):
            unit = find_unit(value)
            if unit is not None:
                units.append((unit, index))
    has_amounts = "amount" in columns or bool(years)
    has_key = any(name in columns for name in ("chapter", "article", "description"))
    if not (has_amounts and has_key):
        return None
    return Header(row, columns, years, units)


def find_header(rows: list[tuple[Any, ...]]) -> Header | None:
    """The first row among the first HEADER_SCAN_ROWS that reads as a header."""
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        header = read_header(cells, index)
        if header is not None:
            return header
    return None
