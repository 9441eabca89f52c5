"""Build the example submissions: examples/ai-fabriek/, ai-fabriek-with-errors/ and
ai-fabriek-overboekingen/.

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


# --- EZ: long layout, title lines, a kind column, a V/U/O column, a Totaal SUM formula ----
# The one public line: EZ moved EUR 5,1 mln forward into 2025, a kasschuif out of 2026 (2e
# suppletoire begroting 2025). With errors the kasschuif takes 5.000 out of 2026, not 5.100.
KASSCHUIF = "Kasschuif AI-fabriek Groningen naar 2025"


def ez(errors: bool) -> Rows:
    return _ez_table(_ez_lines(errors), stated_wrong=errors)


def _ez_lines(errors: bool) -> Rows:
    lines: Rows = [
        ["XIII", 2, KASSCHUIF, "Kasschuif", "U", 2025, 5100],
        ["XIII", 2, KASSCHUIF, "Kasschuif", "U", 2026, -5000 if errors else -5100],
        ["XIII", 2, "AI-fabriek Groningen: rekeninfrastructuur", "Reservering", "U", 2026, 13100],
        ["XIII", 2, "AI-fabriek Groningen: rekeninfrastructuur", "Reservering", "U", 2027, 6000],
        ["XIII", 2, "AI-fabriek Groningen: rekeninfrastructuur", "Reservering", "U", 2028, 3900],
        ["XIII", 2, "AI-fabriek Groningen: rekeninfrastructuur", "Reservering", "U", 2029, 2000],
        ["XIII", 2, "AI-fabriek Groningen: verplichting consortium", "", "V", 2025, 25000],
    ]
    if errors:
        lines.insert(4, list(lines[3]))  # a line pasted twice
    return lines


def _ez_table(lines: Rows, stated_wrong: bool = False) -> Rows:
    first = 6
    last = first + len(lines) - 1
    counted = [row[6] for row in lines if row[4] == "U"]
    stated = 25000 if stated_wrong else sum(counted)  # with errors: typed over, not recomputed
    return [
        ["Ministerie van Economische Zaken"],
        [f"{TITLE}, September suppletoire begroting 2025 en ontwerpbegroting 2026"],
        ["(bedragen x € 1.000)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "V/U/O", "Jaar", "Bedrag"],
        *lines,
        [
            "Totaal uitgaven",
            None,
            None,
            None,
            "U",
            None,
            Formula(f'=SUMIF(E{first}:E{last},"U",G{first}:G{last})', stated),
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
        # with errors: an overboeking naar EZ that EZ's file does not show
        *([["VIII", 16, "Overboeking naar EZ: AI-fabriek", 2026, "‒ 0,5"]] if errors else []),
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


# --- examples/ai-fabriek-overboekingen/: the contributors pay by overboekingen to EZ ---------
# Each contributor shows its share as an overboeking naar EZ (negative), EZ shows each as an
# overboeking van (positive) in the same year, beside its own reservation and kasschuif. The
# Rijk contribution is the same EUR 69,400,000: counted at the givers, never again at EZ.
SHARES: dict[str, dict[int, int]] = {  # x € 1.000, per year
    "Defensie": {2026: 7000, 2027: 6000, 2028: 4000, 2029: 3000},
    "OCW": {2026: 2500, 2027: 2500, 2028: 3000},
    "BZK": {2026: 1500, 2027: 1500, 2028: 1500, 2029: 1500},
    "VWS": {2026: 1800, 2027: 1800, 2028: 1800},
    "LVVN": {2026: 1250, 2027: 1250, 2028: 1250, 2029: 1250},
}


def ez_receiving() -> Rows:
    """EZ: its own lines (a kind column) and an overboeking van each contributor."""
    received = [
        ["XIII", 2, f"Overboeking van {code}: AI-fabriek Groningen", "Overboeking", "U", year, k]
        for code, years in SHARES.items()
        for year, k in years.items()
    ]
    return _ez_table([*_ez_lines(errors=False), *received])


def defensie_giving() -> Rows:
    """Defensie: wide, no kind column: "Overboeking naar EZ" says it."""
    years = [2025, 2026, 2027, 2028, 2029]
    shares = [-SHARES["Defensie"].get(year, 0) for year in years]
    return [
        ["Defensie — " + TITLE],
        ["Begrotingsmutaties (bedragen x € 1.000)"],
        [],
        ["Begrotingshoofdstuk", "Art.", "Omschrijving", *years, "Totaal"],
        ["X", 6, "Overboeking naar EZ: AI-fabriek Groningen", *shares, _sum_row(5, shares)],
    ]


def ocw_giving() -> Rows:
    """OCW: a kind column "Soort mutatie" with Overboeking, amounts in millions, the minus ‒."""
    return [
        ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
        [TITLE],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag (x € 1 mln)"],
        *(
            [
                "VIII",
                16,
                "Overboeking naar EZ: AI-fabriek",
                "Overboeking",
                year,
                f"‒ {k // 100 / 10}",
            ]
            for year, k in SHARES["OCW"].items()
        ),
    ]


def bzk_giving() -> Rows:
    """BZK: wide, "Bijdrage aan EZ" (a contribution that names a ministry is an overboeking)."""
    years = sorted(SHARES["BZK"])
    return [
        ["Binnenlandse Zaken en Koninkrijksrelaties"],
        ["Bijdrage aan de AI-fabriek Groningen (bedragen x € 1.000)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", *map(str, years)],
        ["VII", 6, "Bijdrage aan EZ voor de AI-fabriek", *(-SHARES["BZK"][y] for y in years)],
    ]


def vws_giving() -> Rows:
    """VWS: English headers, a "Type" column saying Transfer, its direction told by the sign."""
    return [
        ["Ministry of Health, Welfare and Sport (VWS)"],
        ["AI factory Groningen"],
        [],
        ["Chapter", "Article", "Description", "Type", "Year", "Amount (x EUR 1,000)"],
        *(
            ["XVI", 1, "Transfer to EZ: AI factory", "Transfer", year, -k]
            for year, k in SHARES["VWS"].items()
        ),
    ]


def lvvn_giving() -> Rows:
    """LVVN: amounts in euro, "Ontvangen van"'s opposite: "Overboeking naar EZ"."""
    return [
        ["Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"],
        [TITLE + " (bedragen in euro)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
        *(
            [14, 21, "Overboeking naar EZ (AI-fabriek Groningen)", year, -k * 1000]
            for year, k in SHARES["LVVN"].items()
        ),
    ]


TRANSFER_BUILDERS: dict[str, Callable[[], Rows]] = {
    "EZ": ez_receiving,
    "Defensie": defensie_giving,
    "OCW": ocw_giving,
    "BZK": bzk_giving,
    "VWS": vws_giving,
    "LVVN": lvvn_giving,
}


def build_transfers(folder: Path) -> None:
    _fresh(folder)
    for code, builder in TRANSFER_BUILDERS.items():
        write_workbook(folder / f"{code}.xlsx", {SHEET[code]: Sheet(builder())})
    _announcement(folder)


def _fresh(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.xlsx"):
        stale.unlink()


def _announcement(folder: Path) -> None:
    shutil.copyfile(
        HERE.parent / "reconcile" / "data" / "ai-fabriek.toml", folder / "announcement.toml"
    )


def build(folder: Path, errors: bool) -> None:
    _fresh(folder)
    for code, builder in BUILDERS.items():
        if errors and code in MISSING_WITH_ERRORS:
            continue
        write_workbook(folder / f"{code}.xlsx", {SHEET[code]: Sheet(builder(errors))})
    if errors:
        write_workbook(folder / "IenW.xlsx", {"Blad1": Sheet(ienw())})
    _announcement(folder)


def main() -> None:
    build(HERE / "ai-fabriek", errors=False)
    build(HERE / "ai-fabriek-with-errors", errors=True)
    build_transfers(HERE / "ai-fabriek-overboekingen")


if __name__ == "__main__":
    main()
