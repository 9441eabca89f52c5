"""Build the example submissions: examples/ai-fabriek/ and examples/ai-fabriek-with-errors/.

The split of the AI-fabriek reservation over ministries and years is NOT public; the amounts
here are illustrative. Only EZ's EUR 5,1 mln brought forward into 2025 is a published figure.
The workbooks are deliberately varied, as real submissions are: long and wide tables, title
lines, captions in x € 1.000, x € 1 mln and euro, Dutch number text, Totaal and Subtotaal rows
with formulas (saved with their results, as Excel does), English headers, chapter numbers.

Run:  python examples/build_examples.py     (writes the .xlsx files next to this script)
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.builders import Formula, Sheet, write_workbook  # noqa: E402

Rows = list[list[Any]]
TITLE = "Reservering AI-fabriek Groningen"


def _sum(column: str, first: int, last: int, values: list[float]) -> Formula:
    return Formula(f"=SUM({column}{first}:{column}{last})", sum(values))


# --- EZ: long layout, title lines, a V/U/O column, a Totaal SUM formula --------------------
def ez(errors: bool) -> Rows:
    lines: Rows = [
        ["XIII", 2, "AI-fabriek Groningen: kasschuif naar 2025", "U", 2025, 5100],
        ["XIII", 2, "AI-fabriek Groningen: bijdrage rekeninfrastructuur", "U", 2026, 8000],
        ["XIII", 2, "AI-fabriek Groningen: bijdrage rekeninfrastructuur", "U", 2027, 6000],
        ["XIII", 2, "AI-fabriek Groningen: bijdrage rekeninfrastructuur", "U", 2028, 3900],
        ["XIII", 2, "AI-fabriek Groningen: bijdrage rekeninfrastructuur", "U", 2029, 2000],
        ["XIII", 2, "AI-fabriek Groningen: verplichting consortium", "V", 2025, 25000],
    ]
    if errors:
        lines.insert(3, list(lines[2]))  # a line pasted twice
    first = 6
    last = first + len(lines) - 1
    counted = [row[5] for row in lines if row[3] == "U"]
    stated = 25000 if errors else sum(counted)  # with errors: typed over, not recomputed
    return [
        ["Ministerie van Economische Zaken"],
        [f"{TITLE}, September suppletoire begroting 2025 en ontwerpbegroting 2026"],
        ["(bedragen x € 1.000)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
        *lines,
        [
            "Totaal uitgaven",
            None,
            None,
            "U",
            None,
            Formula(f'=SUMIF(D{first}:D{last},"U",F{first}:F{last})', stated),
        ],
    ]


# --- Defensie: wide layout, a Totaal column across the years, a Totaal row -----------------
def defensie(errors: bool) -> Rows:
    years = [2025, 2026, 2027, 2028, 2029]
    lines: Rows = [
        [
            "X",
            6,
            "AI-fabriek: rekencapaciteit voor defensietoepassingen",
            0,
            6000,
            5000,
            4000,
            3000,
        ],
        ["X", 5, "AI-fabriek: kenniscentrum en opleiding", 0, 1000, 1000, 0, 0],
    ]
    if errors:
        lines[1][0] = "XIII"  # EZ's chapter typed in Defensie's file
    rows: Rows = [
        ["Defensie — " + TITLE],
        ["Begrotingsmutaties (bedragen x € 1.000)"],
        [],
        ["Begrotingshoofdstuk", "Art.", "Omschrijving", *years, "Totaal"],
    ]
    for i, line in enumerate(lines, start=5):
        rows.append([*line, _sum_row(i, line[3:])])
    last = 4 + len(lines)
    rows.append(
        [
            "Totaal",
            None,
            None,
            *[_sum(col, 5, last, [ln[3 + k] for ln in lines]) for k, col in enumerate("DEFGH")],
            Formula(f"=SUM(I5:I{last})", sum(sum(ln[3:]) for ln in lines)),
        ]
    )
    return rows


def _sum_row(row: int, values: list[float]) -> Formula:
    return Formula(f"=SUM(D{row}:H{row})", sum(values))


# --- OCW: long layout in x € 1 mln, amounts written as Dutch number text -------------------
def ocw(errors: bool) -> Rows:
    return [
        ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
        [TITLE],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag (x € 1 mln)"],
        ["VIII", 16, "Onderzoek en wetenschap: AI-fabriek", 2026, "2,5"],
        ["VIII", 16, "Onderzoek en wetenschap: AI-fabriek", 2027, "PM" if errors else "2,5"],
        ["VIII", 16, "Onderzoek en wetenschap: AI-fabriek", 2028, "3,0"],
    ]


# --- BZK: wide layout, years written as text, amounts with thousands points ---------------
def bzk(errors: bool) -> Rows:
    last_year = "2031" if errors else "2029"
    return [
        ["Binnenlandse Zaken en Koninkrijksrelaties"],
        ["Bijdrage aan de AI-fabriek Groningen (bedragen x € 1.000)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "2026", "2027", "2028", last_year],
        ["VII", 6, "Digitale overheid: AI-fabriek", "1.500", "1.500", "1.500", "1.500"],
    ]


# --- VWS: English headers, a caption in the amount header --------------------------------
def vws(errors: bool) -> Rows:
    description = "" if errors else "Health innovation: AI factory"
    return [
        ["Ministry of Health, Welfare and Sport (VWS)"],
        ["AI factory Groningen reservation"],
        [],
        ["Chapter", "Article", "Description", "Year", "Amount (x EUR 1,000)"],
        ["XVI", 1, "Health innovation: AI factory", 2026, 1800],
        ["XVI", 1, description, 2027, 1800],
        ["XVI", 1, "Health innovation: AI factory", 2028, "‒ 200" if errors else 1800],
    ]


# --- LVVN: chapter as a number, amounts in euro, Subtotaal rows ---------------------------
def lvvn(errors: bool) -> Rows:
    return [
        ["Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"],
        [TITLE + " (bedragen in euro)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
        [14, 21, "Land- en tuinbouw: AI-toepassingen", 2026, 1250000],
        [14, 21, "Land- en tuinbouw: AI-toepassingen", 2027, 1250000],
        ["Subtotaal 2026-2027", None, None, None, _sum("E", 5, 6, [1250000, 1250000])],
        [14, 21, "Land- en tuinbouw: AI-toepassingen", 2028, 1250000],
        [14, 21, "Land- en tuinbouw: AI-toepassingen", 2029, 1250000],
        ["Subtotaal 2028-2029", None, None, None, _sum("E", 8, 9, [1250000, 1250000])],
        ["Totaal", None, None, None, Formula("=E7+E10", 5000000)],
        [],
        ["Toelichting: de middelen worden in de ontwerpbegroting 2026 gereserveerd."],
    ]


BUILDERS: dict[str, Callable[[bool], Rows]] = {
    "EZ": ez,
    "Defensie": defensie,
    "OCW": ocw,
    "BZK": bzk,
    "VWS": vws,
    "LVVN": lvvn,
}
SHEET = {
    "EZ": "Reservering",
    "Defensie": "Mutaties",
    "OCW": "Reservering",
    "BZK": "Blad1",
    "VWS": "Reservation",
    "LVVN": "AI-fabriek",
}
# In the set with errors LVVN's file did not arrive, and a file from IenW came in by mistake.
MISSING_WITH_ERRORS = {"LVVN"}


def ienw() -> Rows:
    return [
        ["Infrastructuur en Waterstaat"],
        [TITLE + " (bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
        ["XII", 11, "Waterkeren en waterbeheer: AI-toepassingen", 2026, 500],
    ]


def build(folder: Path, errors: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.xlsx"):
        stale.unlink()
    for code, builder in BUILDERS.items():
        if errors and code in MISSING_WITH_ERRORS:
            continue
        write_workbook(folder / f"{code}.xlsx", {SHEET[code]: Sheet(builder(errors))})
    if errors:
        write_workbook(folder / "IenW.xlsx", {"Blad1": Sheet(ienw())})
    shutil.copyfile(
        HERE.parent / "reconcile" / "data" / "ai-fabriek.toml", folder / "announcement.toml"
    )


def main() -> None:
    build(HERE / "ai-fabriek", errors=False)
    build(HERE / "ai-fabriek-with-errors", errors=True)


if __name__ == "__main__":
    main()
