"""Generate the benchmark inputs: one ministry's budget file with N lines, as .xlsx and .csv.

The lines are valid (EZ, chapter XIII, unique keys, years 2025-2030, series U), so a run does
the full work of reading, validating and reconciling without drowning in findings.
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


def write_csv(path: Path, lines: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(lines):
            writer.writerow(line(index))
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
