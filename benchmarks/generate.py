"""Generate the benchmark inputs: a budget file with N lines, as .xlsx and as .csv.

The workbook is one ministry's submission (EZ, chapter XIII, unique keys, years 2025-2030,
series U), valid so a run does the full work without drowning in findings. The CSV has the
same number of lines in the layout reconcile reads CSV in: the Ministry of Finance's open-data
begrotingsstaten (/work/shared/data has a real extract with this header).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag", "Kenmerk", "Opmerking"]
YEARS = range(2025, 2031)


def line(index: int) -> list[object]:
    """Line ``index``: unique by description and year; amounts x EUR 1.000 with one decimal."""
    year = YEARS[index % len(YEARS)]
    return [
        "XIII",
        index % 9 + 1,
        f"Regeling {index // len(YEARS):06d}",
        "U",
        year,
        (index % 997) / 10 + 1,
        f"K-{index:07d}",
        "",
    ]


def write_xlsx(path: Path, lines: int) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Reservering")
    sheet.write_row(0, 0, ["Ministerie van Economische Zaken"])
    sheet.write_row(1, 0, ["(bedragen x € 1.000)"])
    sheet.write_row(3, 0, HEADER)
    for index in range(lines):
        row = line(index)
        sheet.write_row(4 + index, 0, row[:-1])
    book.close()
    return path


CSV_HEADER = [
    "Begrotingsjaar",
    "Uitgaven Ontvangsten Verplichtingen",
    "Begrotingsnummer",
    "Naam Begroting",
    "Artikel nummer",
    "Artikel",
    "Stand ontwerpbegroting",
    "Stand vastgestelde begroting",
    "Stand eerste suppletoire",
    "Stand tweede suppletoire",
    "Realisatie",
]


def write_csv(path: Path, lines: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for index in range(lines):
            # Keys (year, series, chapter, article) unique and valid at any size up to 500k:
            # articles 1-999 (three digits at most), then the next chapter of the former EZK
            # (XIII, XXIII), then the next three years.
            amount = 1000 + index % 997
            article, cycle = index // 9 % 999 + 1, index // (9 * 999)
            writer.writerow(
                [
                    1990 + index % 3 + 3 * (cycle // 2),
                    "UVO"[index // 3 % 3],
                    ("XIII", "XXIII")[cycle % 2],
                    "Economische Zaken en Klimaat",
                    article,
                    f"Artikel {article}",
                    *(amount + step for step in range(5)),
                ]
            )
    return path


def ensure_inputs(folder: Path, lines: int) -> tuple[Path, Path]:
    """The .xlsx and .csv with ``lines`` lines in ``folder``, generated once and reused."""
    folder.mkdir(parents=True, exist_ok=True)
    xlsx, text = folder / f"EZ-{lines}.xlsx", folder / f"EZ-{lines}.csv"
    if not xlsx.exists():
        write_xlsx(xlsx.with_suffix(".tmp"), lines).replace(xlsx)
    if not text.exists():
        write_csv(text.with_suffix(".tmp"), lines).replace(text)
    return xlsx, text


if __name__ == "__main__":
    for size in sys.argv[2:] or ["100000"]:
        print(*ensure_inputs(Path(sys.argv[1]), int(size)))
