"""Build the workbook corpus: the same budget tables as different producers write them.

Each file is named CASE.PRODUCER.EXT. Producers:
- xlsxwriter: formulas saved with their results, as Excel saves them;
- openpyxl: formulas saved without results, as scripts save them;
- pandas: ``DataFrame.to_excel`` (openpyxl underneath), totals as typed values;
- libreoffice: the openpyxl or xlsxwriter file opened and saved by LibreOffice Calc, headless
  (``soffice --headless --convert-to xlsx|ods|xls``): real LibreOffice output, formulas
  recalculated on load, hidden rows, columns and sheets and merged cells kept.

There is no Google Sheets export: it cannot be made faithfully without Google's servers, and
its writer's XML is not documented anywhere we could check. What the reader could rely on that
writers other than Excel do differently is covered instead by rewriting the xlsxwriter file
into those XML forms (``rewrite_xml_forms``; producer ``xmlforms``). They imitate forms, they
are no file of any of those producers:
- strings inline in the cells (``t="inlineStr"``, ``<is><t>``) and no shared-strings part, as
  PowerBI exports (dilshod/xlsx2csv#311) and browser exporters such as DataTables Buttons write;
- no document properties (``docProps/``), which only Excel-like writers are sure to add;
- the sheet's elements under a namespace prefix (``<x:c>``), as the Open XML SDK writes them
  (PowerBI's exports, same source).

The files are committed, so the tests need neither LibreOffice nor this script. Run it after
changing a case (LibreOffice from Debian's libreoffice-calc; without ``soffice`` on PATH the
LibreOffice files are left as they are):

    python tests/corpus/build_corpus.py

All amounts are illustrative.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.builders import FIXED_DATE, Formula, Sheet, write_workbook  # noqa: E402

Rows = list[list[Any]]
Book = dict[str, Sheet]

TITLE: Rows = [
    ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
    ["Reservering AI-fabriek Groningen"],
    ["(bedragen x € 1.000)"],
    [],
]
HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]
LINES: Rows = [
    ["VIII", 16, "AI-fabriek: onderzoeksfaciliteiten", "U", 2025, 1500],
    ["VIII", 16, "AI-fabriek: onderzoeksfaciliteiten", "U", 2026, 2500],
    ["VIII", 6, "AI-fabriek: opleidingen", "U", 2026, 750.5],
]


def _total(first: int, last: int, cached: float | None, column: str = "F") -> Formula:
    return Formula(f"=SUM({column}{first}:{column}{last})", cached)


# --- the same table, for every producer ---------------------------------------------------
def same_table() -> Book:
    rows = [*TITLE, HEADER, *LINES, ["Totaal", None, None, None, None, _total(6, 8, 4750.5)]]
    return {"Reservering": Sheet(rows, merged=["A1:F1"])}


def write_pandas(path: Path) -> None:
    """The same table as a pandas user writes it: the frame below typed title lines."""
    import pandas as pd

    frame = pd.DataFrame([*LINES, ["Totaal", None, None, None, None, 4750.5]], columns=HEADER)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Reservering", startrow=4, index=False)
        sheet = writer.sheets["Reservering"]
        for row, (text,) in enumerate(line for line in TITLE if line):
            sheet.cell(row=row + 1, column=1, value=text)
        writer.book.properties.created = FIXED_DATE
        writer.book.properties.modified = FIXED_DATE


# --- formulas: without results, and with stale results ------------------------------------
def formulas() -> Book:
    lines = [list(line) for line in LINES]
    lines[1][5] = Formula("=2000+500", 2500)  # a computed amount
    rows = [*TITLE, HEADER, *lines, ["Totaal", None, None, None, None, _total(6, 8, 4750.5)]]
    return {"Reservering": Sheet(rows)}


def stale_total() -> Book:
    rows = [*TITLE, HEADER, *LINES, ["Totaal", None, None, None, None, _total(6, 8, 4000)]]
    return {"Reservering": Sheet(rows)}


def text_in_sum() -> Book:
    """An amount typed as text: LibreOffice's (and Excel's) SUM skips it, the reader does not."""
    lines = [list(line) for line in LINES]
    lines[1][5] = "2.500"
    rows = [*TITLE, HEADER, *lines, ["Totaal", None, None, None, None, _total(6, 8, None)]]
    return {"Reservering": Sheet(rows)}


# --- several sheets, hidden and merged cells, notes, a second table -----------------------
def awkward() -> Book:
    blank = " "  # cells with only a space, far right: trailing "empty" columns
    rows: Rows = [
        ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
        ["Reservering AI-fabriek Groningen"],
        ["(bedragen x € 1.000)"],
        [],
        [*HEADER, "Opmerking"],
        ["VIII", 16, "AI-fabriek: onderzoeksfaciliteiten", "U", 2025, 1500, None, None, blank],
        [None, 16, "AI-fabriek: onderzoeksfaciliteiten", "U", 2026, 2500, None, None, blank],
        [None, 6, "AI-fabriek: opleidingen", "U", 2026, 750.5, "zie toelichting", None, blank],
        [],
        ["VIII", 6, "AI-fabriek: opleidingen", "U", 2027, 300],
        ["Totaal", None, None, None, None, _total(6, 10, 5050.5)],
        [],
        ["Toelichting: de bedragen zijn indicatief."],
        [],
        HEADER,
        ["VIII", 16, "Oude raming", "U", 2025, 999],
    ]
    return {
        "Toelichting": Sheet([["Toelichting"], ["Dit werkblad bevat de reservering van OCW."]]),
        "Reservering": Sheet(
            rows, merged=["A1:G1", "A2:G2", "A6:A8"], hidden_rows=[10], hidden_columns=["D"]
        ),
        "Vorige versie": Sheet([*TITLE, HEADER, ["VIII", 16, "Eerdere raming", "U", 2025, 1000]]),
        "Lijsten": Sheet(
            [["Hoofdstuk", "Artikel", "Bedrag"], ["VIII", 16, 0], ["VIII", 6, 0]], hidden=True
        ),
    }


# --- numbers as people type them ----------------------------------------------------------
NUMBER_LINES: list[tuple[Any, Any]] = [
    (2025, "1.234,5"),
    ("2025 ", "€ 2.000"),
    ("'2025", "‒ 726"),  # figure dash
    (2025.0, "− 100"),  # minus sign
    (2025, "– 50"),  # en dash; the year cell is formatted as a date
    ("2026\u00a0", "(250)"),
    (2026, " -   "),  # accounting zero
    (2026, "1\u00a0500"),
    (2026, "EUR 300"),
    (2026, "-75"),
    (2026, "1.234"),
    (2026, 1250),
    (2026, 1500),  # a number typed in a cell formatted as a date
]


def numbers() -> Book:
    rows: Rows = [*TITLE, HEADER]
    for index, (year, amount) in enumerate(NUMBER_LINES, start=1):
        rows.append(["VIII", 16, f"Regel {index}", "U", year, amount])
    return {"Reservering": Sheet(rows, formats={"E10": "dd-mm-yyyy", "F18": "dd-mm-yyyy"})}


def separators_english() -> Book:
    rows: Rows = [
        ["Ministry of Education, Culture and Science"],
        ["(amounts x EUR 1,000)"],
        [],
        ["Chapter", "Article", "Description", "2025", "2026"],
        ["VIII", 16, "Research facilities", "1,500", "2,500"],
        ["VIII", 6, "Training", "12,345.5", "750"],
    ]
    return {"Reservation": Sheet(rows)}


def separators_ambiguous() -> Book:
    rows: Rows = [
        ["Ministerie van OCW"],
        ["(bedragen in euro)"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, "1.234"],
        ["VIII", 6, "Opleidingen", 2025, "500"],
    ]
    return {"Reservering": Sheet(rows)}


# --- cross-footing: a Totaal column, and suppletoire stands -------------------------------
def cross_footing() -> Book:
    rows: Rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026, 2027, "Totaal"],
        ["VIII", 16, "Onderzoeksfaciliteiten", 1500, 2500, 0, Formula("=SUM(D6:F6)", 4000)],
        ["VIII", 6, "Opleidingen", None, 750.5, 300, 1000],  # typed, and wrong: 1050,5
        ["Totaal", None, None, _total(6, 7, 1500, "D"), _total(6, 7, 3250.5, "E"), 300, 5050.5],
    ]
    return {"Reservering": Sheet(rows, formats={"E5": "yyyy"})}


def suppletoire() -> Book:
    rows: Rows = [
        *TITLE,
        [
            "Hoofdstuk",
            "Artikel",
            "Omschrijving",
            "Jaar",
            "Vastgestelde begroting",
            "Mutatie 1e suppletoire",
            "Stand 1e suppletoire",
        ],
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, 120000, 1500, 121500],
        ["VIII", 6, "Opleidingen", 2025, 80000, 750, 80700],  # should be 80750
    ]
    return {"Suppletoire": Sheet(rows)}


def suppletoire_voor_na() -> Book:
    rows: Rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Stand vóór", "Mutatie", "Stand na"],
        ["VIII", 16, "Onderzoeksfaciliteiten", 2025, "120.000", "1.500", "121.500"],
        ["VIII", 6, "Opleidingen", 2025, "80.000", "‒ 750", "79.350"],  # should be 79.250
    ]
    return {"Suppletoire": Sheet(rows)}


def calendar_1904() -> Book:
    """The lines with their years in cells formatted as dates, and one amount, in a workbook
    on the 1904 calendar (``CALENDAR_1904``): 2025 shows 18-07-1909 there."""
    formats = {f"E{row}": "dd-mm-yyyy" for row in range(6, 9)}
    formats["F7"] = "dd-mm-yyyy"
    return {"Reservering": Sheet([*TITLE, HEADER, *LINES], formats=formats)}


def error_value() -> Book:
    """A line whose amount is a formula that fails (=1/0): LibreOffice computes #DIV/0! on
    load and saves it as the cell's error value in each format."""
    rows: Rows = [
        *TITLE,
        HEADER,
        *LINES,
        ["VIII", 6, "AI-fabriek: fout", "U", 2027, Formula("=1/0")],
    ]
    return {"Reservering": Sheet(rows)}


# --- the corpus: case -> (builder, engine of the source file, LibreOffice conversions) -----
CASES: dict[str, tuple[Callable[[], Book], str, tuple[str, ...]]] = {
    "same-table": (same_table, "openpyxl", ("xlsx", "ods", "xls")),
    "formulas": (formulas, "openpyxl", ("xlsx",)),
    "stale-total": (stale_total, "xlsxwriter", ("xlsx",)),
    "text-in-sum": (text_in_sum, "openpyxl", ("xlsx",)),
    "awkward": (awkward, "xlsxwriter", ("xlsx", "ods", "xls")),
    "numbers": (numbers, "xlsxwriter", ("xlsx",)),
    "separators-english": (separators_english, "xlsxwriter", ()),
    "separators-ambiguous": (separators_ambiguous, "xlsxwriter", ()),
    "cross-footing": (cross_footing, "xlsxwriter", ("xlsx",)),
    "suppletoire": (suppletoire, "xlsxwriter", ()),
    "suppletoire-voor-na": (suppletoire_voor_na, "xlsxwriter", ("ods",)),
    "calendar-1904": (calendar_1904, "xlsxwriter", ("xlsx", "ods", "xls")),
    "error-value": (error_value, "openpyxl", ("xlsx", "ods", "xls")),
}
CALENDAR_1904 = ("calendar-1904",)  # cases written on the 1904 calendar
ALSO_XLSXWRITER = ("same-table",)  # cases written by both script producers


# --- the XML forms of writers other than Excel, rewritten from the xlsxwriter file ---------
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XMLFORMS: dict[str, tuple[str, bool]] = {  # corpus file -> (its source, elements prefixed x:)
    "same-table.xmlforms.xlsx": ("same-table.xlsxwriter.xlsx", False),
    "same-table.xmlforms-prefixed.xlsx": ("same-table.xlsxwriter.xlsx", True),
}
_SHARED_CELL = re.compile(rb'<c ([^>]*?)t="s"([^>]*)><v>([0-9]+)</v></c>')
_ELEMENT = re.compile(rb"<(/?)([A-Za-z][\w]*)(?=[\s/>])")


def rewrite_xml_forms(source: bytes, prefixed: bool) -> bytes:
    """The workbook ``source`` with inline strings, no shared strings and no docProps; with
    ``prefixed``, its sheets' elements under the prefix ``x:``. Same cells, same values."""
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    table = ET.fromstring(members.pop("xl/sharedStrings.xml"))
    strings = ["".join(t.text or "" for t in si.iter(f"{{{MAIN}}}t")) for si in table]

    def inline(match: re.Match[bytes]) -> bytes:
        text = escape(strings[int(match.group(3))]).encode("utf-8")
        head = b"<c " + match.group(1) + b't="inlineStr"' + match.group(2) + b">"
        return head + b'<is><t xml:space="preserve">' + text + b"</t></is></c>"

    rewritten: dict[str, bytes] = {}
    for name, data in members.items():
        if name.startswith("docProps/"):
            continue
        if name.startswith("xl/worksheets/sheet"):
            data = _SHARED_CELL.sub(inline, data)
            if prefixed:
                data = _ELEMENT.sub(rb"<\1x:\2", data)
                data = data.replace(f'xmlns="{MAIN}"'.encode(), f'xmlns:x="{MAIN}"'.encode())
        elif name in ("[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"):
            data = re.sub(
                rb"<(Override|Relationship) [^>]*(docProps|sharedStrings)[^>]*/>", b"", data
            )
        rewritten[name] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in rewritten.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_DATE.timetuple()[:6]), data)
    return buffer.getvalue()


def convert(source: Path, fmt: str, target: Path, work: Path) -> None:
    """Open ``source`` in LibreOffice Calc and save it as ``fmt``, headless, at ``target``."""
    out = work / fmt
    profile = (work / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    shutil.move(out / f"{source.stem}.{fmt}", target)


def build(folder: Path = HERE) -> list[Path]:
    written = []
    office = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for case, (builder, engine, conversions) in CASES.items():
            engines = ("xlsxwriter", "openpyxl") if case in ALSO_XLSXWRITER else (engine,)
            for name in engines:
                path = folder / f"{case}.{name}.xlsx"
                written.append(write_workbook(path, builder(), name, None, case in CALENDAR_1904))
            source = folder / f"{case}.{engine}.xlsx"
            for fmt in conversions if office else ():
                target = folder / f"{case}.libreoffice.{fmt}"
                convert(source, fmt, target, work)
                written.append(target)
        for name, (source_name, prefixed) in XMLFORMS.items():
            written.append(folder / name)
            written[-1].write_bytes(
                rewrite_xml_forms((folder / source_name).read_bytes(), prefixed)
            )
        written.append(folder / "same-table.pandas.xlsx")
        write_pandas(written[-1])
        vba = work / "vbaProject.bin"
        # A placeholder, not a real VBA project: what matters is that it is present.
        vba.write_bytes(b"placeholder standing in for a VBA project; never run\n")
        written.append(
            write_workbook(folder / "macros.xlsxwriter.xlsm", same_table(), vba_project=vba)
        )
    if not office:
        print("soffice not found: LibreOffice files left as they are", file=sys.stderr)
    return written


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(HERE))
