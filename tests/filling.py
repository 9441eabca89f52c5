"""Fill submission templates by code, as a ministry would by hand: for the round-trip tests.

The amounts are those of examples/ai-fabriek (illustrative; the real split is not public).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reconcile.template import BLOCKS, Layout

# ministry -> lines: (chapter, article, description, {year: amount x EUR 1.000})
LINES: dict[str, list[tuple[str, int, str, dict[int, Any]]]] = {
    "EZ": [
        (
            "XIII",
            2,
            "AI-fabriek Groningen: bijdrage rekeninfrastructuur",
            {2025: 5100, 2026: 8000, 2027: 6000, 2028: 3900, 2029: 2000},
        )
    ],
    "Defensie": [
        ("X", 6, "AI-fabriek: rekencapaciteit", {2026: 6000, 2027: 5000, 2028: 4000, 2029: 3000}),
        ("X", 5, "AI-fabriek: kenniscentrum en opleiding", {2026: 1000, 2027: 1000}),
    ],
    "OCW": [
        ("VIII", 16, "Onderzoek en wetenschap: AI-fabriek", {2026: 2500, 2027: 2500, 2028: 3000})
    ],
    "BZK": [("VII", 6, "Digitale overheid: AI-fabriek", {2026: 2000, 2027: 2000, 2028: 2000})],
    "VWS": [("XVI", 4, "Zorginnovatie: AI-fabriek", {2026: 1800, 2027: 1800, 2028: 1800})],
    "LVVN": [("XIV", 21, "Kennis en innovatie: AI-fabriek", {2026: 2500, 2027: 2500})],
}
TOTAL_EUR = 69_400_000


YEARS = tuple(range(2025, 2031))  # the built-in announcement's years


def amount_row(year: int, block: int = 0, years: tuple[int, ...] = YEARS) -> int:
    """The row of ``year`` in line ``block`` of a template: a block of year rows per line."""
    return Layout(years).first_row + block * len(years) + years.index(year)


def fill_template(
    path: Path,
    lines: list[tuple[str, int, str, dict[int, Any]]],
    years: tuple[int, ...] = YEARS,
) -> None:
    """Type ``lines`` into the template at ``path``, as a ministry would."""
    import openpyxl

    assert len(lines) <= BLOCKS
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for block, (chapter, article, description, amounts) in enumerate(lines):
        for year, amount in amounts.items():
            row = amount_row(year, block, years)
            assert sheet.cell(row=row, column=5).value == year
            for column, value in enumerate((chapter, article, description), start=1):
                sheet.cell(row=row, column=column, value=value)
            sheet.cell(row=row, column=6, value=amount)
    book.save(path)


def fill_as_instructed(
    path: Path,
    lines: list[tuple[str, int, str, dict[int, Any]]],
    style: str = "each row",
    years: tuple[int, ...] = YEARS,
) -> None:
    """Type ``lines`` into the template at ``path`` the way its instructions read: a block of
    rows per line, one row per year, the line's chapter, article and description on each row,
    a year without money left empty. ``style`` is one of the natural deviations as well:
    "first row" (the identifiers on the block's first row only), "description once" (the
    chapter and article on each row, the description on the block's first row only),
    "chapter once" (the chapter on the block's first row only), "zeros" (0 in the empty
    years), "money rows" (only the years with money filled in, the description on the first
    of them only)."""
    import openpyxl

    assert len(lines) <= BLOCKS
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for block, (chapter, article, description, amounts) in enumerate(lines):
        for year in years:
            row = amount_row(year, block, years)
            first = year == years[0]
            if style == "money rows":
                if year not in amounts:
                    continue
                first = year == min(amounts)
            said = {
                "each row": (chapter, article, description),
                "zeros": (chapter, article, description),
                "first row": (chapter, article, description) if first else (None, None, None),
                "description once": (chapter, article, description if first else None),
                "chapter once": (chapter if first else None, article, description),
                "money rows": (chapter, article, description if first else None),
            }[style]
            for column, value in enumerate(said, start=1):
                sheet.cell(row=row, column=column, value=value)
            amount = amounts.get(year, 0 if style == "zeros" else None)
            sheet.cell(row=row, column=6, value=amount)
    book.save(path)
