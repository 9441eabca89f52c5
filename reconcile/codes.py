"""Every finding code reconcile can emit: its severity, its message and what to do about it.

A code is a promise: it never changes meaning, so CI configurations and scripts may rely on it.
Messages are English templates filled from a finding's params when shown; their translations
are in the gettext catalogue with the code as context (msgctxt). ``render`` puts a finding, an
error or a phrase into words in a language: the one place that does.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from reconcile.errors import ReconcileError
from reconcile.i18n import WORDS, gettext, ngettext, npgettext, pgettext
from reconcile.model import CellRef, Finding, Interval, Phrase, Severity, Size
from reconcile.money import format_eur


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    stage: str  # read, validate, reconcile, or diff (what reconcile diff found)
    template: str
    explanation: str
    # The message when the finding's param ``count`` is not 1; written right after the
    # explanation, where reconcile.babel_extract finds it.
    plural: str | None = None
    fatal: bool = False  # the input could not be used at all: the run is incomplete (exit 2)

    @functools.cached_property
    def fields(self) -> frozenset[str]:
        """The params its message needs (in either form)."""
        texts = (self.template, self.plural or "")
        return frozenset(f for t in texts for _, f, _, _ in string.Formatter().parse(t) if f)


ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_CODES = [
    # --- read: the file and its table -----------------------------------------------------
    Code(
        "file-unreadable",
        ERR,
        "read",
        "The file cannot be read: {reason}.",
        "The file is not a workbook (.xlsx, .xlsm, .ods, .xls) or CSV file reconcile can open: "
        "renamed, damaged, encrypted, or another format. Save it again from Excel or "
        "LibreOffice as .xlsx.",
        fatal=True,
    ),
    # --- read: refused before any parser runs (read/check_bytes.py; docs: Security) --
    Code(
        "file-empty",
        ERR,
        "read",
        "The file is empty (0 bytes).",
        "An empty file is usually a failed download or copy. Ask the sender for the file again.",
        fatal=True,
    ),
    Code(
        "file-too-large",
        ERR,
        "read",
        "The file is {size}, larger than the limit of {limit} ({option}); it was not read.",
        "A budget submission is small; a very large file is refused before it is read so that "
        "it cannot exhaust memory. If the file is honest, raise the limit with the option named.",
        fatal=True,
    ),
    Code(
        "file-encrypted",
        ERR,
        "read",
        "The workbook is encrypted (password-protected), so it cannot be read.",
        "Excel stores a workbook with a password to open as an encrypted container. Remove the "
        "password (File > Info > Protect Workbook) and save it again as .xlsx.",
        fatal=True,
    ),
    Code(
        "not-a-workbook",
        ERR,
        "read",
        "The file is not the workbook its name says: it is {kind}.",
        "The file has a workbook's name but another format inside (a CSV, an HTML page, a "
        "renamed workbook). Give it its real extension if that is .xlsx, .xls or .ods, or open "
        "it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
        fatal=True,
    ),
    Code(
        "file-corrupt",
        ERR,
        "read",
        "The workbook is damaged: {reason}.",
        "The file was cut short or changed in transit. Ask the sender for a fresh copy, saved "
        "again from Excel or LibreOffice.",
        fatal=True,
    ),
    Code(
        "zip-bomb",
        ERR,
        "read",
        "The file is refused as a possible zip bomb: {reason} ({option}).",
        "An .xlsx is a zip archive; one that would unpack far beyond its size can exhaust memory "
        "and is refused without unpacking it. If the file is honest, raise the limit with "
        "the option named.",
        fatal=True,
    ),
    Code(
        "xml-entities",
        ERR,
        "read",
        "{member} {problem}; XML that may declare entities is refused.",
        "Entity declarations are how XML attacks start (billion laughs, external entities that "
        "read other files). Excel never writes them. Save the workbook again from Excel.",
        fatal=True,
    ),
    Code(
        "limit-exceeded",
        ERR,
        "read",
        "The file uses {actual} {what}, more than the limit of {limit} ({option}); "
        "it was not read.",
        "Counted from the cells the file really holds, not from what the sheet declares. A stray "
        "value far below or right of the table also counts: delete it, or raise the limit "
        "with the option named. So does a cell that holds formatting only (a border or "
        "colour applied down to row 200,000): clear the formatting of the empty rows and "
        "columns beside the table (in Excel: select them, Home, Clear, Clear Formats), or "
        "delete them.",
        fatal=True,
    ),
    Code(
        "external-links",
        WARN,
        "read",
        "The workbook links to {count} external workbook ({targets}); it was not opened.",
        "reconcile never fetches linked files: formulas that refer to them are read with the "
        "values saved in this file, which may be out of date. Paste the values instead.",
        "The workbook links to {count} external workbooks ({targets}); they were not opened.",
    ),
    Code(
        "no-table",
        ERR,
        "read",
        "No budget table found: no row within the first {rows} rows of any sheet has headers "
        "for a chapter or article and an amount (Bedrag) or year columns (2025, 2026, ...).",
        "reconcile finds the table by its header row. Give the table a header row with at "
        "least Hoofdstuk or Artikel, and Bedrag (with Jaar) or one column per year.",
        fatal=True,
    ),
    Code(
        "unit-assumed",
        INFO,
        "read",
        "No unit caption found; amounts are read as {unit}.",
        'Budget tables state their unit in a caption such as "(bedragen x € 1.000)". Without '
        "one reconcile assumes x € 1.000, the usual unit, and says so. Add the caption above "
        "the table or in the amount header to make the file unambiguous.",
    ),
    Code(
        "unit-conflict",
        ERR,
        "read",
        "The captions disagree on the unit: {first} and {second}; keep the one the amounts "
        "are written in, and delete the other.",
        "Two captions of the same table state different units, so every amount is in doubt. "
        "Keep one caption.",
    ),
    Code(
        "description-unlabelled",
        INFO,
        "read",
        "The cell above the row labels is empty; the first column of labels left of the "
        "years is read as the description.",
        "Published mutation tables leave the cell above their row labels empty. reconcile "
        "reads such a wide table when its years are found and the first row below holds a "
        'label left of them. Type "Omschrijving" in the cell to say so yourself.',
    ),
    Code(
        "stand-year-inferred",
        INFO,
        "read",
        "{label} names no year; its mutation and the stands beside it are read as {year}, the "
        "year before the table's first year column ({first}).",
        "A suppletoire table as the Ministry prints it per article gives the stands and the "
        "mutation of the budget year as columns, then the mutations of the years after it, and "
        "names the budget year only in the document's title. reconcile reads the budget year as "
        'the year before the first year column. Add the year to the label ("Mutatie 2025") to '
        "say it yourself.",
    ),
    Code(
        "chapter-from-ministry",
        INFO,
        "read",
        "No Hoofdstuk column; every line is read as on chapter {chapter}, the budget of "
        "{ministry} whose file this is.",
        'A ministry\'s own mutation table ("Departementale uitgavenmutaties") has no chapter '
        "column: the chapter is the ministry's budget, said by the title. reconcile takes it "
        "from the ministry the title or file name names. Where that ministry has more than "
        "one budget chapter (Financiën: IXA and IXB, BZ: V and XVII), or no ministry can be "
        "told, the column is missing: add a Hoofdstuk column.",
    ),
    Code(
        "column-not-field",
        INFO,
        "read",
        "The {column} column holds {value} and the like, not {field} ({examples}), so it is "
        "{read}.",
        "A column is a field only when its cells agree with its header. A column headed "
        "Van/naar, Naar or Van names an overboeking's other ministry when its cells name "
        "ministries (OCW, Onderwijs, Cultuur en Wetenschap, VIII, 8); a column headed Type or "
        "Soort mutatie holds kinds of mutation (kasschuif, overboeking, intensivering); a "
        "column headed Soort or V/U/O holds series (V, U, O, Uitgaven). When most of its "
        "filled cells are something else (dates or years of a period headed Van and Tot; "
        "instruments such as Subsidie or Opdracht under Type or Soort), the column holds "
        "something else and is left aside: the lines are read as if it were not there; a "
        "Soort or Type column holding the other of kinds and series (Kasschuif under Soort, "
        "U under Type) is read as that one, where the table has no column of it. Give "
        'it a header of its own ("Van datum", "Instrument") to say so; if it is the field, '
        "correct the cells that are not. A column whose cells are mostly right stays the "
        "field, and each wrong cell is an error at its place.",
    ),
    Code(
        "series-assumed",
        INFO,
        "read",
        "No V/U/O column; every line is read as series {series}.",
        "Without a V/U/O column the lines are taken as the series the announcement counts. "
        "Add a V/U/O column when the file holds commitments (V) or receipts (O) as well.",
    ),
    Code(
        "amount-not-computed",
        ERR,
        "read",
        "{label} is a formula ({formula}) without a saved result, so its value is unknown: "
        "open the file in Excel or LibreOffice and save it again.",
        "The file was written by a program that stores formulas but not their results "
        "(a script, not Excel or LibreOffice). Open the file in Excel or LibreOffice and save "
        "it, or type the values.",
    ),
    Code(
        "value-not-computed",
        ERR,
        "read",
        "This {column} cell is a formula ({formula}) without a saved result, so it reads as "
        "empty: open the file in Excel or LibreOffice and save it again.",
        "The file was written by a program that stores formulas but not their results (a "
        "script, not Excel or LibreOffice), so a chapter, article, description or year "
        "computed by a formula has no value to read, and the line is incomplete. Open the file "
        "in Excel or LibreOffice and save it, or type the values.",
    ),
    Code(
        "table-not-computed",
        ERR,
        "read",
        "The table's rows below its header hold formulas without saved results ({formula} "
        "here, {count} row from row {first}), so they read as empty and the table has no "
        "lines: open the file in Excel or LibreOffice and save it again.",
        "The file was written by a program that stores formulas but not their results (a "
        "script, not Excel or LibreOffice), and every line of the table is computed by a "
        "formula (a sheet filled from another: =Invoer!A2), so there is no value to read "
        "and nothing to check. Open the file in Excel or LibreOffice and save it, which saves "
        "the results, or paste the values.",
        "The table's rows below its header hold formulas without saved results ({formula} "
        "here, {count} rows from row {first}), so they read as empty and the table has no "
        "lines: open the file in Excel or LibreOffice and save it again.",
    ),
    Code(
        "row-outside-table",
        WARN,
        "read",
        "This row is not part of the table (no year, series or chapter, nothing beside "
        "them, or the header pasted again): not read as lines.",
        "Published tables sometimes carry a note or a piece of a printed table below the data "
        '("Art.;Omschrijving;Stand ontwerp-begroting"). Such a row is reported once and '
        "left out, not checked cell by cell.",
    ),
    # --- read: workbooks as they arrive (sheets, hidden and merged cells, number writing) -
    Code(
        "sheet-not-found",
        ERR,
        "read",
        "The workbook has no sheet {sheet} (its sheets: {sheets}).{hint}",
        "--sheet names the sheet to read in every workbook given. Check the spelling, or "
        "leave --sheet out to let reconcile find the sheet holding the table.",
        fatal=True,
    ),
    Code(
        "sheet-not-applicable",
        WARN,
        "read",
        "--sheet {sheet} does not apply to a CSV file, which has no sheets: its one table was "
        "read.",
        "--sheet names the sheet to read in every workbook given; a CSV file holds one table "
        "and no sheets, so the option was not used for it. Leave --sheet out when every file "
        "is a CSV file; given with workbooks and CSV files together, it still names the "
        "workbooks' sheet, and this warning says which files it did not apply to.",
    ),
    Code(
        "sheet-chosen",
        INFO,
        "read",
        "Sheet {sheet} was read; other sheets holding a table were not: {others}.",
        "reconcile reads the first visible sheet holding a budget table. Use --sheet NAME to "
        "read another one, or keep one table per workbook.",
    ),
    Code(
        "sheet-not-read",
        WARN,
        "read",
        "Sheet {sheet} also holds a budget table, and its lines were not read ({count}): only "
        "{read} was. If they belong to the reservation, put every line on one sheet; to read "
        "this sheet instead, use --sheet {name}.",
        "reconcile reads one table per workbook: the first visible sheet whose table holds "
        "lines. Lines on another sheet (a sheet per year, the data behind an instructions "
        "sheet with an example, an earlier version kept beside the new one) are not counted, "
        "so each such sheet is named with its count of lines.",
    ),
    Code(
        "hidden-sheet-skipped",
        INFO,
        "read",
        "Sheet {sheet} is hidden and was not read.",
        "Hidden sheets usually hold lookup lists. Unhide the sheet, or name it with --sheet, "
        "when it is the one holding the table.",
    ),
    Code(
        "hidden-sheet-read",
        WARN,
        "read",
        "Sheet {sheet} is hidden; it was read because no visible sheet holds a table.",
        "A reader of the workbook does not see this sheet. Unhide it so that what is sent is "
        "what is read.",
    ),
    Code(
        "hidden-line",
        WARN,
        "read",
        "Row {row} is hidden but holds a line; it was read and counted like a visible row.",
        "Hidden rows are read (Excel's SUM counts them too), but a reader of the workbook does "
        "not see them. Unhide the row, or delete it when the line does not belong.",
    ),
    Code(
        "hidden-column",
        WARN,
        "read",
        "Column {column} ({label}) is hidden; it is part of the table and was read.",
        "Hidden columns are read like visible ones, but a reader of the workbook does not see "
        "them. Unhide the column, or delete it when it does not belong.",
    ),
    Code(
        "merged-cells",
        INFO,
        "read",
        "Cells {cells} are merged; each row was read with {value}.",
        "A value merged over several rows (a chapter or an article written once for a group of "
        "lines) belongs to each of them. Merged amounts count once, on their first row.",
    ),
    Code(
        "merged-amount",
        WARN,
        "read",
        'The amount "{value}" is merged over {cells}; it was counted once, at its first cell, '
        "and the other rows or years of the merge got nothing from it.",
        "Excel's SUM counts a merged amount once, at its first cell, and so does reconcile. "
        "Whether it was meant for that line or year alone, for each of the merged ones, or "
        "in parts, the file does not say. Unmerge the cells and write each line's amount in "
        "its own cell (0 or empty where nothing is reserved).",
    ),
    Code(
        "second-table",
        INFO,
        "read",
        "A second table starts at row {row}; only the table in rows {first}–{last} was read.",
        "reconcile reads one table per sheet. Move the second table to a sheet of its own (and "
        "name it with --sheet), or delete it.",
    ),
    Code(
        "second-table-not-read",
        WARN,
        "read",
        "A second table starts at row {row}, and its line with an amount was not read: only "
        "the table in rows {first}–{last} was. If it belongs to the reservation, put it in the "
        "first table; else move the second table to a sheet of its own.",
        "reconcile reads one table per sheet, and the lines of a second one below it are not "
        "counted. When that table holds amounts, that is money the report does not show, so "
        "it is a warning with the count of its lines. Put every line of the reservation in "
        "one table (delete the second header row), or move the second table to a sheet of its "
        "own (and name it with --sheet).",
        "A second table starts at row {row}, and its {count} lines with an amount were not "
        "read: only the table in rows {first}–{last} was. If they belong to the reservation, "
        "put them in the first table; else move the second table to a sheet of its own.",
    ),
    Code(
        "column-beside-amount",
        WARN,
        "read",
        "The column {label} holds amounts, but this table takes each line's amount from the "
        "column {amount} (a row per year), so they are not read; put them on rows of their "
        "own, or move them out of the table.",
        "A long table has one amount column and a year column: a row for each line and year. "
        "Another column whose header names a year ('Bedrag 2024', '2026') is not read, and "
        "the amounts under it would be left out in silence.",
    ),
    Code(
        "column-not-read",
        WARN,
        "read",
        "The column {label} holds amounts, but its header is no year, so they are not read; "
        "if they are a year's amounts, write that year alone (2030) as its header.",
        "A wide table reads a column per year, found by a header that is a year (2025, "
        "'Bedrag 2025', '2025 (t)'). A header that names a year in another way ('2030 e.v.', "
        "'2025-2026') is no year column, and the amounts under it would be left out in "
        "silence. If they belong to no year of the reservation, move them out of the table.",
    ),
    Code(
        "column-repeated",
        WARN,
        "read",
        "Column {column} ({label}) holds amounts, but column {read} is read for what its "
        "header names, so they are not read; add them into column {read}, or give column "
        "{column} a header of its own.",
        "A table reads one column for each year and for its amount. A second column headed "
        "the same ('Bedrag' twice, '2026' twice, 'Mutatie' beside 'Bedrag') is not read, and "
        "the amounts under it would be left out in silence.",
    ),
    Code(
        "column-unlabelled",
        WARN,
        "read",
        "Column {column} holds amounts under an empty header cell, so they are not read; give "
        "it its header (a year, or Bedrag), or move them out of the table.",
        "A table reads the columns whose header says what they hold. Amounts in a column "
        "without a header, or beyond the header's last cell, would be left out in silence. "
        "A column of row numbers (1, 2, 3, ..., as a script writes its index) is not taken "
        "for amounts.",
    ),
    Code(
        "line-below-total",
        ERR,
        "read",
        "Row {row}, below the Totaal in row {total}, holds a line that is not counted: insert "
        "it above the Totaal row, so that the Totaal covers it.",
        "A table ends at its grand Totaal; what is below it is not read. A line typed there "
        "(when a template's rows ran out) is left out of the file's total. Insert rows above "
        "the Totaal row (Excel: right-click a row number, Insert) and move the line there.",
    ),
    Code(
        "notes-below-table",
        INFO,
        "read",
        "Row {first} below the table holds no chapter, article, year or amount: it was read "
        "as a note, not as a line; if it is a line, give it its chapter or article number.",
        "A table ends at its last row that holds something of a line (a chapter, an article "
        "number, a year, an amount or a totals label); the text below it (a Toelichting, a "
        "contact, the title of a second table) is a note. If one of these rows is a line, give "
        "it its chapter, article and amount.",
        "Rows {first}–{last} below the table hold no chapter, article, year or amount: they "
        "were read as notes, not as lines; if one is a line, give it its chapter or article "
        "number.",
    ),
    Code(
        "year-is-date",
        INFO,
        "read",
        "The year is stored as the date {shown}; it was read as {year}.",
        "A year typed in a cell formatted as a date shows as a day in 1905. reconcile reads "
        "the number that was typed. Format the cells as numbers.",
        "{count} years in {cells} are stored as dates, this one first: {shown} was read as {year}.",
    ),
    Code(
        "amount-is-date",
        WARN,
        "read",
        "The amount is stored as the date {shown}; the number it holds, {number}, was read.",
        "A number typed in a cell formatted as a date shows as a date. reconcile reads the "
        "number that was typed, but a real date in an amount column is a mistake: check the "
        "cell and format it as a number.",
    ),
    Code(
        "separator-assumed",
        INFO,
        "read",
        "{value} could be read two ways; it was read as {read} ({convention}) because {source}, "
        "e.g. {example}; {count} such cell.",
        'A number with one separator before three digits ("1,234", "1.234") is a thousands '
        "group in one convention and a decimal mark in the other. reconcile reads it the way "
        "the column's other amounts are written, else the table's, else the unit caption.",
        "{value} could be read two ways; it was read as {read} ({convention}) because {source}, "
        "e.g. {example}; {count} such cells.",
    ),
    Code(
        "separator-by-caption",
        WARN,
        "read",
        "{value} could be read as {read} or as {other}, a thousandfold apart; it was read as "
        "{read} ({convention}) only because {source}, e.g. {example}; {count} such cell.",
        'A number with one separator before three digits ("2.500", "2,500") is a thousands '
        "group in one convention and a decimal mark in the other. Nothing in the table shows "
        "which is meant, so the unit caption decided: check the amount, and type it as a "
        "number (2500) or with both separators (2.500,0).",
        "{value} could be read as {read} or as {other}, a thousandfold apart; it was read as "
        "{read} ({convention}) only because {source}, e.g. {example}; {count} such cells.",
    ),
    Code(
        "separator-by-delimiter",
        WARN,
        "read",
        "{value} could be read as {read} or as {other}, a thousandfold apart; it was read as "
        "{read} ({convention}) only because {source}, e.g. {example}; {count} such cell.",
        'A number with one separator before three digits ("13.100", "13,100") is a thousands '
        "group in one convention and a decimal mark in the other. Nothing in the table shows "
        "which is meant, so the CSV file's delimiter decided: a spreadsheet set to English "
        "separates its cells by commas, and so may one set to Dutch (Google Sheets saves every "
        'CSV file so), where a Dutch "13.100" then reads as 13.1. Check the amount, and type '
        "it as a number (13100) or with both separators (13.100,0).",
        "{value} could be read as {read} or as {other}, a thousandfold apart; it was read as "
        "{read} ({convention}) only because {source}, e.g. {example}; {count} such cells.",
    ),
    Code(
        "separator-ambiguous",
        WARN,
        "read",
        "{value} could be read two ways and {reason}{examples}; it was read the Dutch way, as "
        "{read} ({count} such cell).",
        'A number with one separator before three digits ("1,234", "1.234") is a thousands '
        "group in one convention and a decimal mark in the other. Write the amounts as numbers, "
        "or with both separators (1.234,0).",
        "{value} could be read two ways and {reason}{examples}; it was read the Dutch way, as "
        "{read} ({count} such cells).",
    ),
    Code(
        "macros-present",
        WARN,
        "read",
        "The workbook contains macros ({member}); they were not run.",
        "reconcile never runs macros: only the values saved in the file are read. Values that a "
        "macro would compute are not there until the macro has run and the file was saved.",
    ),
    # --- validate: each line -----------------------------------------------------------
    # totals rows, row totals and suppletoire stands, as the reader recorded them
    # (validate/totals.py)
    Code(
        "total-mismatch",
        ERR,
        "validate",
        "{label} says {stated} but the lines it covers add up to {computed} "
        "(difference {difference}).{hint}",
        "A totals row is a check, not a line: reconcile recomputes it from the lines above it. "
        "A difference means the total was typed over, is stale, or a line is missing from "
        "its range. Where one line explains the difference (typed in euros in a table in "
        "thousands, three zeros lost, or left out of the total), the message names its cell. "
        "Correct the lines or the total.",
    ),
    Code(
        "table-total-not-sum",
        INFO,
        "read",
        "The totals row of Excel Table {table} shows {shows} of its lines here, not their sum: "
        "it is not checked as a total.",
        "An Excel Table's totals row (Opmaken als tabel, Totaalrij) is read as the table's "
        "grand total: not counted, and checked against the lines in each column that sums "
        "them. A column whose totals function is another (Gemiddelde, Aantal, Max, Min, "
        "StDev, Var, or a formula of its own that is no SUM or SUBTOTAL(9 or 109)) shows "
        "something else of the lines: that cell is left unchecked. Choose Som for the column "
        "if it should be a total.",
    ),
    Code(
        "subtotal-unlabelled",
        WARN,
        "read",
        "This row has no description and its amount, {amount}, is the sum of the {count} "
        "lines above it: it is read as a subtotal, checked and not counted.",
        "A row of a long table with an amount but no description, whose amount equals the sum "
        "of the lines above it (of its year and series, since the previous totals row, "
        "heading or such row, two lines at least, each described), is a subtotal someone did "
        "not label: counting it as a line would count its lines twice. Label it "
        '"Subtotaal" to say so; if it is a line, give it its description. A row without a '
        "description whose amount is no such sum stays a line (empty-description).",
    ),
    Code(
        "total-not-computed",
        WARN,
        "validate",
        "{label} is a formula ({formula}) without a saved result; it was recomputed from its "
        "lines instead.",
        "The file was written by a program that stores formulas but not their results. The "
        "total is not needed (reconcile recomputes totals), but a reader of the file sees an "
        "empty cell until it is opened and saved in Excel or LibreOffice.",
    ),
    Code(
        "row-total-mismatch",
        ERR,
        "validate",
        "The row's total says {stated} but its year columns add up to {computed} "
        "(difference {difference}).",
        "A total column across the years must equal the sum of the year columns of its row.",
    ),
    Code(
        "stand-mismatch",
        ERR,
        "validate",
        "{after_label} says {stated}, but {before_label} {before} + {mutation_label} "
        "{mutation} = {computed} (difference {difference}).",
        "In a suppletoire table the stand after equals the stand before plus the mutation. "
        "reconcile counts the mutation as the reserved amount; one of the three cells is wrong.",
    ),
    Code(
        "chain-mismatch",
        ERR,
        "validate",
        "{label} says {stated}, but the columns its label sums, {formula}, add up to "
        "{computed} (difference {difference}).",
        "A published suppletoire table numbers its columns and says in a label how a stand "
        'follows from the columns before it: "Vastgestelde begroting (3)=(1+2)" is the '
        "ontwerpbegroting (1) plus the mutations via the nota van wijziging and amendementen "
        "(2). On every row that column equals that sum; one of its cells is wrong.",
    ),
    Code(
        "stand-missing",
        WARN,
        "validate",
        "{label} is empty, so stand after = stand before + mutation cannot be checked on this row.",
        "In a suppletoire table the stands are checked, never counted. An empty stand leaves "
        "that check undone, and the column's Totaal unchecked. Fill in the stand (0 if there "
        "was none).",
    ),
    Code(
        "stand-not-a-number",
        WARN,
        "validate",
        "{value} in {label} is not an amount, so stand after = stand before + mutation cannot be "
        "checked on this row.",
        "In a suppletoire table the stands are checked, never counted. A PM, n.t.b. or other "
        "text in a stand column leaves that check undone, and the column's Totaal unchecked. "
        "Fill in the stand.",
    ),
    Code(
        "missing-column",
        ERR,
        "validate",
        "The table has no {field} column (looked for headers such as {examples}).",
        "Every line needs a chapter, an article, a description, a year and an amount. Add the "
        "column with one of the usual headers.",
    ),
    Code(
        "table-empty",
        ERR,
        "validate",
        "The table has a header row but no lines: there is nothing to check.",
        "A file sent back without lines (an untouched template, say) is not valid: it reserves "
        "nothing. Fill in the lines, or leave the file out if the ministry reserves nothing.",
    ),
    Code(
        "missing-value",
        ERR,
        "validate",
        "The {field} of this line is empty.",
        "A line needs at least a chapter, an article, a description, a year and an amount.",
    ),
    Code(
        "line-carried-down",
        INFO,
        "validate",
        "This row leaves the line's chapter, article or description empty: they were taken "
        "from row {row} above, the same line in an earlier year.",
        "In a long table a line may take a block of rows, one per year. A row that leaves the "
        "identifiers empty below a row that has them, with a later year, is read as the same "
        "line; so is a row leaving empty only what the block's first row alone names, in the "
        "template's block structure (one row per year, a year without money among them). "
        "Fill them in on every row to make it explicit.",
    ),
    Code(
        "identifier-written-once",
        ERR,
        "validate",
        "What this cell says is written on this row only: row {rows} below, the same line in a "
        "later year, leaves it empty. It was read as this line; write it there too, or give a "
        "row that is a line of its own its own.",
        "A line's chapter, article or description written on a block's first row only is read "
        "as meant in the template's block structure (one row per year, a year without money "
        "among them). Elsewhere the rows below may be lines of their own whose description was "
        "forgotten: one finding per block, instead of one per row, says how to make it clear.",
        "What this cell says is written on this row only: rows {rows} below, the same line in "
        "later years, leave it empty. They were read as this line; write it on each of them, or "
        "give a row that is a line of its own its own.",
    ),
    Code(
        "amount-not-a-number",
        ERR,
        "validate",
        "{value} is not an amount; {effect}.",
        "PM (pro memorie), n.t.b. and similar words say an amount is not known yet. reconcile "
        "never counts them as zero, so a total over such a line is incomplete (in an open-data "
        "table: not checked), and a totals row that states one is not checked against its "
        "lines. Fill in the amount, or leave the line out until it is known.",
    ),
    Code(
        "amount-short-group",
        ERR,
        "validate",
        "{value} has a point before fewer than three digits, in a column that groups thousands "
        "by three with points: {meant} with the zeros of its last group lost, or a decimal "
        "point? It is not read, so no total it belongs to is checked.",
        "A Dutch amount groups thousands by three with points (6.234.490) and writes decimals "
        "after a comma. A point before one or two digits is either a decimal point or a number "
        "whose last zeros an export dropped (844.120 written as 844.12, as in the "
        "begrotingsstaten downloaded from opendata.rijksbegroting.nl in 2014); reconcile cannot "
        "tell which, so it counts neither, and the totals over it are not compared. Correct the "
        "cell in the source.",
    ),
    Code(
        "chapter-unknown",
        ERR,
        "validate",
        "{value} is not a known budget chapter.{hint}",
        "Chapters are written as Roman numerals (XIII) or numbers (13) of the begrotingsstaten. "
        "Correct the chapter, or add it to the ministry table in the announcement.",
    ),
    Code(
        "chapter-not-of-ministry",
        ERR,
        "validate",
        "Chapter {chapter} belongs to {owner}, not to {ministry} whose file this is.",
        "Each ministry reserves on its own chapters. A line on another ministry's chapter is "
        "either a typing error or belongs in that ministry's file.",
    ),
    Code(
        "article-invalid",
        ERR,
        "validate",
        "{value} is not an article number: write the article as a number (1, 2, 31), and "
        "an artikelonderdeel or the article's name in the description.",
        "Articles are numbers (1, 2, 31). Put the article's name in the description.",
    ),
    Code(
        "series-invalid",
        ERR,
        "validate",
        "{value} is not a series: write V (verplichtingen), U (uitgaven) or O (ontvangsten).",
        "V, U and O are never added together; every line must say which one it is.",
    ),
    Code(
        "year-invalid",
        ERR,
        "validate",
        "{value} is not a year: write one year as four digits (2026), one row (or column) "
        "per year.",
        "Years are written as four digits, such as 2026. An amount over several years is one "
        "line per year, each with its own amount.",
    ),
    Code(
        "year-out-of-range",
        ERR,
        "validate",
        "Year {year} is outside the years the announcement covers ({years}).",
        "Lines for other years are not part of this reservation. Remove them or correct the year.",
    ),
    Code(
        "empty-description",
        ERR,
        "validate",
        "The description of this line is empty.",
        "Every line needs a description (Omschrijving) so that readers know what is reserved.",
    ),
    Code(
        "duplicate-line",
        ERR,
        "validate",
        "This line repeats {other}: same chapter, article, description, series, kind and year.",
        "A line that appears twice is counted twice. Remove one, or merge the amounts.",
    ),
    Code(
        "negative-reservation",
        ERR,
        "validate",
        "{amount} is negative; a reservation is a positive amount. If it is a kasschuif, "
        "overboeking or vrijval, say so in a Soort mutatie column or at the start of the "
        "description.",
        "A negative amount lowers the reservation. Money moved between years is a kasschuif, "
        "money moved to another ministry an overboeking, a reservation released a vrijval: say "
        "which in a kind column (Soort mutatie) or start the description with the word "
        '(docs/en/workbooks.md, "Line kinds").',
    ),
    # --- validate: kinds of mutation (reconcile.kinds; docs/en/workbooks.md, "Line kinds") --
    Code(
        "kind-from-description",
        INFO,
        "validate",
        "Read as {kind} from the description {description}{cell}.",
        "The table has no kind column (Soort mutatie), or this line's is empty, so its kind "
        "was told from the words its description starts with (Kasschuif, Overboeking naar/van, "
        "Ontvangen van, Bijdrage aan/van a ministry, Vrijval). An overboeking's other "
        "ministry is from a counterpart column (Van/naar) where the table has one, and the "
        "message names that cell. Add a kind column to say the kind outright.",
    ),
    Code(
        "kind-unknown",
        ERR,
        "validate",
        "{value} is not a kind of mutation reconcile knows ({kinds}); the line was read as a "
        "reservation.{hint}",
        "The kind column (Soort mutatie, Type, Mutatiesoort) says what a line is. Use one of "
        "the kinds named, or leave the cell empty for a reservation.",
    ),
    Code(
        "transfer-counterpart-unknown",
        ERR,
        "validate",
        "The overboeking {description} {reason}, so it cannot be paired: {fix}.{hint}",
        "An overboeking moves money to or from another ministry's budget, and reconcile pairs "
        "it with the line in that ministry's file. Name the ministry in the description "
        '("Overboeking naar EZ", "Overboeking van Defensie"), or in a counterpart column '
        "(Van/naar, Tegenpartij) when the table has one; an overboeking to or from several "
        "ministries is a line per ministry.",
    ),
    Code(
        "transfer-sign",
        ERR,
        "validate",
        "{amount} has the wrong sign for an overboeking {direction} {counterpart}.",
        "The giving ministry shows an overboeking naar another as a negative amount, the "
        "receiving one shows the overboeking van as a positive amount. Correct the sign or "
        "the description.",
    ),
    Code(
        "vrijval-sign",
        ERR,
        "validate",
        "{amount} is positive, but a vrijval releases a reservation and is negative: write it "
        "with a minus sign, or, if money is added, make the line a reservation.",
        'A vrijval lowers a reservation, so the budget shows it negative ("Vrijval '
        'reservering: ‒ 191"). Written positive it adds the money it means to release: '
        "the total is off by twice the amount. Correct the sign; money added is a reservation "
        "(an intensivering), not a vrijval. A meevaller or an ombuiging (read as a vrijval) "
        "is not checked: a published table's may be positive in a year.",
    ),
    # --- validate: a counterpart column (Van/naar, Tegenpartij; docs/en/workbooks.md) ---------
    Code(
        "kind-from-counterpart",
        INFO,
        "validate",
        "Read as {kind}: the {column} cell {value} names another ministry, and nothing else on "
        "the line says its kind.",
        "A line whose counterpart column (Van/naar, Tegenpartij, Naar begroting) names another "
        'ministry is an overboeking to or from it, its direction from the words ("naar OCW") '
        "or the sign (the giver's is negative). Say the kind in a Soort mutatie column to say "
        "it outright, or empty the cell if the line is no overboeking.",
    ),
    Code(
        "counterpart-unknown",
        ERR,
        "validate",
        "{value} in the {column} column {reason}, so this overboeking cannot be paired: write "
        "the other ministry's code, name or budget chapter (OCW, Onderwijs, Cultuur en "
        "Wetenschap, VIII), one a line, or empty the cell if the line is no overboeking.{hint}",
        "A counterpart column (Van/naar, Tegenpartij, Naar begroting) names the other ministry "
        "of an overboeking, by its code, its name or its budget chapter, as the ministry table "
        "knows them (reconcile/data/ministries.toml, and an announcement's [ministries] tables "
        "for one it does not know: docs/en/announcement.md). A line "
        'whose cell is filled is read as an overboeking; "-" or "n.v.t." say it has none.',
    ),
    Code(
        "counterpart-conflict",
        ERR,
        "validate",
        "{value} in the {column} column names {counterpart}, but the line's words {words} name "
        "{described}: the overboeking was paired with {counterpart}. Correct the one that is "
        "wrong.",
        "An overboeking has one other ministry. The counterpart column says which, and pairs "
        "the line; the description or kind cell naming another one means that one of them is "
        "wrong, and the other ministry's file will not show the line's pair.",
    ),
    Code(
        "transfer-internal",
        INFO,
        "validate",
        "Read as an herschikking: {value} in the {column} cell names this file's own ministry, "
        "so this overboeking moves money between its own articles. It is not counted, and its "
        "lines must add up to zero in each year. Write Herschikking as its kind to say so, or "
        "name the other ministry if the money leaves this budget.",
        "An overboeking moves money to or from another ministry's budget. One whose counterpart "
        "cell (Van/naar) names the file's own ministry or its own budget's chapter stays on its "
        "own budget: an herschikking between its articles, as docs/en/workbooks.md "
        "(Herschikkingen) describes, checked to net to zero per chapter, series and year. A "
        "cell that names its own ministry by mistake shows there, as a year that does not add "
        "up.",
    ),
    Code(
        "counterpart-not-transfer",
        WARN,
        "validate",
        "This line is a {kind}, not an overboeking, so {value} in its {column} cell was not "
        "used. Empty the cell, or say the line is an overboeking.",
        "Only an overboeking has another ministry. The line's kind column or description says "
        "another kind, so the counterpart cell was left aside; if the line moves money to or "
        "from that ministry, make it an overboeking (Soort mutatie: Overboeking).",
    ),
    Code(
        "invalid-value",
        ERR,
        "validate",
        "{value} is not valid as {field} ({check}).",
        "A value failed a check of the budget-line schema. Correct the value.",
    ),
    Code(
        "ministry-unknown",
        ERR,
        "validate",
        "Cannot tell which ministry this file is from: {reason}.",
        "reconcile takes the ministry from the chapters of the lines, and from a ministry name "
        "in the title lines or the file name. Put the ministry's name in the title.",
    ),
    Code(
        "ministry-weighed",
        INFO,
        "validate",
        "The lines' chapters belong to several ministries; this file was taken to be "
        "{ministry}'s, weighing: {evidence}.",
        "reconcile weighs whose file it is: the ministry with the most lines and the one with "
        "the largest amount, and the ministry the title and the file name name, each count "
        "once. The lines on another ministry's chapter are chapter-not-of-ministry at their "
        "cells. On a tie no ministry is guessed (ministry-unknown).",
    ),
    Code(
        "ministry-mismatch",
        ERR,
        "validate",
        "The {where} names {named}, but the chapters belong to {ministry}.",
        "The title or file name and the chapters disagree about whose file this is. Correct "
        "the chapters or the title.",
    ),
    Code(
        "lines-not-counted",
        INFO,
        "reconcile",
        "{count} line in series {series} is not counted; the announcement counts {counted}.",
        "Commitments (V), expenditure (U) and receipts (O) are never added together. The "
        "announcement says which series the reservation is counted on.",
        "{count} lines in series {series} are not counted; the announcement counts {counted}.",
    ),
    # --- reconcile: the set of files against the announcement -----------------------------
    Code(
        "no-lines",
        ERR,
        "reconcile",
        "No budget lines were read{published}, so there is nothing to reconcile.",
        "Check that the files hold their lines in a table with a header row.",
    ),
    Code(
        "total-above-announced",
        ERR,
        "reconcile",
        "{lines} add up to {total}, above the announced {announced} ({interval}) "
        "by {difference}: lower the reserved lines by at least {difference} to reconcile."
        "{doubtful}",
        "The total of the counted lines must lie in the interval the announcement's wording "
        'allows ("bijna 70 miljoen" means at most 70 million and at most 5 % less).',
    ),
    Code(
        "total-below-announced",
        ERR,
        "reconcile",
        "{lines} add up to {total}, below the announced {announced} ({interval}) "
        "by {difference}: at least {difference} more must be reserved to reconcile.{doubtful}",
        "The total of the counted lines must lie in the interval the announcement's wording "
        "allows. A missing line, a PM or a missing file are the usual causes.",
    ),
    Code(
        "ministry-missing",
        ERR,
        "reconcile",
        "{ministry} is expected to contribute but no file with its lines was found.",
        "The announcement names the ministries that contribute. Each must send a workbook.",
    ),
    Code(
        "ministry-unexpected",
        ERR,
        "reconcile",
        "{ministry} is not among the contributing ministries ({expected}).",
        "Only the ministries the announcement names contribute. Remove the file, or add the "
        "ministry to the announcement.",
    ),
    Code(
        "ministry-duplicate",
        ERR,
        "reconcile",
        "{ministry} submitted more than one file: {files}.",
        "Each ministry sends one workbook; two files would count its lines twice.",
    ),
    Code(
        "largest-contributor",
        ERR,
        "reconcile",
        "{ministry} ({amount}) should be among the largest contributors, but {other} "
        "contributes more ({other_amount}).",
        "The announcement names the largest contributors; every other ministry must contribute "
        "less than each of them.",
    ),
    Code(
        "expectation-not-met",
        ERR,
        "reconcile",
        "{scope} reserves {total}, outside the expected {announced} ({interval}) by {difference}.",
        "The announcement gives an expected amount for this ministry or year.",
    ),
    Code(
        "kasschuif-not-zero",
        ERR,
        "reconcile",
        "The kasschuif {name} of {ministry} adds up to {sum} over {years}, not to zero.",
        "A kasschuif moves money between years on one budget: its amounts add up to zero over "
        "the years, per ministry and name. A table in millions may be off by its rounding (half "
        "its unit per amount; see kasschuif-rounding); this one is off by more. "
        "Add the year that is missing, or correct an amount.",
    ),
    Code(
        "unit-implausible",
        WARN,
        "reconcile",
        "The lines of this file add up to {total}, {times} times the announced {announced}; "
        "read as whole euros they would be {euros}. Were whole euros typed under the caption "
        "{unit}? Type the amounts in the caption's unit, or change the caption.",
        "A workbook whose cells hold whole euros but show thousands (a number format such as "
        "#,##0, hides the last three digits) under the caption x € 1.000 is read as "
        "thousands: every amount a thousand times too large, and the file still valid. A "
        "file whose lines come to a hundred times the whole announced reservation, and would "
        "fit in it as euros, is reported so that the slip is seen before the total is "
        "checked.",
    ),
    Code(
        "kasschuif-joined",
        INFO,
        "reconcile",
        "The kasschuiven {names} of {ministry} do not add up to zero each, but together they "
        "do: they were read as one kasschuif.",
        "A kasschuif is checked per name (its description). One kasschuif written on two rows "
        'with two wordings ("Kasschuif naar 2025", "Kasschuif uit 2026") nets to zero '
        "only together; when all of a file's kasschuiven that do not net on their own each "
        "move money one way and net together, they are one. Give them one description to say "
        "so outright.",
    ),
    Code(
        "herschikking-not-zero",
        ERR,
        "reconcile",
        "The herschikking of {ministry} on chapter {chapter} ({series}) adds up to {sum} in "
        "{year}, not to zero: its line at {cells}.",
        'An herschikking (an internal overboeking, "Overboeking (intern)") moves money '
        "between articles of one budget: what one article gives, another takes, in the same "
        "year and series, so its lines add up to zero per year. It is no contribution and is "
        "not counted. Add the other article's line, correct an amount, or, where the money "
        "goes to another ministry, book it as an overboeking naar that ministry.",
        "The herschikking of {ministry} on chapter {chapter} ({series}) adds up to {sum} in "
        "{year}, not to zero: its {count} lines at {cells}.",
    ),
    Code(
        "herschikking-rounding",
        INFO,
        "reconcile",
        "The herschikking of {ministry} on chapter {chapter} ({series}) adds up to {sum} in "
        "{year}, within the rounding of a table in {unit} (at most {allowed}).",
        "A published table rounds each amount to its unit, so an herschikking's lines may not "
        "add up to zero exactly. Up to half the unit per amount is taken as rounding in a "
        "table in millions.",
    ),
    Code(
        "kasschuif-rounding",
        INFO,
        "reconcile",
        "The kasschuif {name} of {ministry} adds up to {sum}, within the rounding of a table "
        "in {unit} (at most {allowed}).",
        "A published table rounds each amount to its unit, so a kasschuif may not net to zero "
        'exactly ("- 232, 0, 77, 77, 77" in millions adds up to - 1). Up to half the unit per '
        "amount is taken as rounding in a table in millions; the remainder stays in the years' "
        "profile.",
    ),
    Code(
        "transfer-unpaired",
        ERR,
        "reconcile",
        "No counterpart for this overboeking {direction} {counterpart} in {year}: {file} should "
        "show {expected} as an overboeking {back} {ministry} in {year}.",
        "Every overboeking shows twice: the giving ministry's file has - x \"Overboeking naar "
        '...", the receiving one\'s + x "Overboeking van ...", in the same year. Add the '
        "counterpart line, or correct the year or the ministry named.",
    ),
    Code(
        "transfer-unequal",
        ERR,
        "reconcile",
        "This overboeking {direction} {counterpart} in {year} does not match its counterpart: "
        "{file} shows {shown}, where it should show {expected}.",
        "The two lines of an overboeking have the same amount with opposite signs. Correct "
        "the amount in one of the files.",
    ),
    Code(
        "arithmetic-inconsistent",
        ERR,
        "reconcile",
        "The announcement's own figures do not add up: {parts} ({sum}) cannot equal "
        "{total} ({interval}).",
        "The letter's figures must be consistent with each other, e.g. Rijk + regio = "
        "national total. Check the wording of the announcement file.",
    ),
    Code(
        "arithmetic-with-computed",
        ERR,
        "reconcile",
        "With the computed total {computed} for {key}, {parts} ({sum}) can no longer equal "
        "{total} ({interval}).",
        "The reserved total is put into the letter's own sums; they must still hold.",
    ),
    # --- open-data tables read with a layout (reconcile/data/layouts) --------------------
    Code(
        "layout-not-found",
        ERR,
        "read",
        "No header row of {layout} within the first {rows} rows; missing: {missing}.",
        "A CSV file is read with a layout, a known table format found by its header labels "
        "(`reconcile layouts` lists them), or as a ministry's sheet when it has a budget "
        "table's header row (Hoofdstuk or Artikel, and Bedrag with Jaar or one column per "
        "year). Name the layout with --layout, or give the file the header row of its layout "
        "or of a budget table. For a table of a kind of its own, `reconcile layouts draft "
        "FILE` drafts a layout from its header, to check and pass with --layout.",
        fatal=True,
    ),
    Code(
        "subfolder-not-read",
        INFO,
        "read",
        "This subfolder holds a workbook or CSV file that was not read: a folder stands for "
        "the files in it, not for those in its subfolders.",
        "reconcile reads the workbooks and CSV files of a folder you name, not those of its "
        "subfolders, so that an archive or a folder of feedback copies is never counted with "
        "the budget files. This note names each subfolder that holds some, so that a run "
        "over the folder does not look as if it checked them. Name the subfolder as well "
        "(reconcile check budgets/ budgets/2026/) to have its files read, or move them.",
        "This subfolder holds {count} workbooks or CSV files that were not read: a folder "
        "stands for the files in it, not for those in its subfolders.",
    ),
    Code(
        "csv-quote-unclosed",
        ERR,
        "read",
        "This cell took in the line of the file below it, which holds the file's separator: "
        "a quote opened at the start of the cell is closed only there, or never, so that line "
        "was read as this cell's text, not as a row. Remove the quote, or close it where the "
        "cell ends.",
        "In a CSV file a cell that starts with a quote runs on, over line ends, to the next "
        "quote. A quote typed at the start of a cell and never closed takes the lines below "
        "into that one cell: their lines and amounts are not read, and the cell's own row "
        "lacks the values after it. A quoted cell of several lines of words (an address) holds "
        "no separator in them and is not said.",
        "This cell took in {count} lines of the file below it, which hold the file's "
        "separator: a quote opened at the start of the cell is closed only there, or never, "
        "so those lines were read as this cell's text, not as rows. Remove the quote, or "
        "close it where the cell ends.",
    ),
    Code(
        "csv-skipped",
        INFO,
        "read",
        "This CSV file, found in the folder, has no header row of a known layout or of a "
        "budget table; it was skipped.",
        "A folder stands for its workbooks and CSV files, but a CSV file beside the budget "
        "files may be some other list. One with neither the header of a known layout nor a "
        "budget table's header words is skipped with this note; name the file itself, or give "
        "--layout, to have it read (and refused if it is not such a table).",
    ),
    Code(
        "own-output-skipped",
        INFO,
        "read",
        "This workbook, found in the folder, is a summary reconcile wrote itself (it holds no "
        "budget table); it was skipped.",
        "Checking a feedback folder again finds the summary workbook of the earlier run beside "
        "the annotated copies. It is told by its author (reconcile) and skipped with this note; "
        "the annotated copies are read as the submissions they copy.",
    ),
    Code(
        "layout-detected",
        INFO,
        "read",
        "Read as layout {layout}, header in row {row}: {found} of its {labels} columns "
        "found.{lacking}",
        "The header labels identify a known table format, which says what each column means, "
        "the unit and the number format. Every layout is tried on the first rows; the first "
        "row that holds every required label of one is the header, and where several layouts "
        "fit it, the one that finds the most of its columns there is chosen. An amount "
        "column the layout allows an edition to lack is named when the header lacks it (or "
        "labels it otherwise): its amounts are not read.",
    ),
    Code(
        "csv-detected",
        INFO,
        "read",
        "Read as CSV: {delimiter}-separated, encoding {encoding}.",
        "reconcile detects the delimiter from the header line, and the encoding: UTF-16 when "
        "the file starts with its byte order mark, else UTF-8; a file that is not UTF-8 is "
        "read as Mac Roman when its lines end in CR alone (Excel for Mac's \"CSV "
        '(Macintosh)"), else line by line as UTF-8, Windows-1252 or Latin-1. It says what '
        "it found.",
    ),
    Code(
        "encoding-mixed",
        WARN,
        "read",
        "Lines {lines} are not UTF-8 and were read as {encoding}; the other lines are UTF-8.",
        "The file was put together from parts saved in different encodings. Each line was "
        "read in its own encoding; save the file as UTF-8 to make it uniform.",
    ),
    Code(
        "value-without-header",
        ERR,
        "read",
        "{value} stands in a column without a header; the row may be shifted.",
        "A value beyond the table's columns usually means a row whose cells moved one column "
        "over, so its other values are in the wrong columns too. Correct the row.",
    ),
    Code(
        "amount-pro-memorie",
        INFO,
        "read",
        "This amount says “pm” (pro memorie: not known yet): it is read as a blank cell, as "
        "the publication means it.",
        "A published table writes pm where an amount is not known yet, and adds up its totals "
        "without it; reconcile reads it so: a line's pm adds nothing to the total over it, and a "
        "totals row that says pm is not checked. In a ministry's workbook PM is an error: a "
        "reservation needs its amount.",
        "{count} amounts say “pm” (pro memorie: not known yet), this one first: each is read as "
        "a blank cell, as the publication means it.",
    ),
    Code(
        "values-without-header",
        ERR,
        "read",
        "{count} values stand in column {column}, which has no header ({cells}, the first "
        "{value}): a column the table's layout does not name, or rows shifted over.",
        "Values in a column without a header are not read. Several in one column are usually "
        "a column the publication added: give it a header, or a layout that names it "
        "(`reconcile layouts draft`). If the rows were shifted, correct them.",
    ),
    Code(
        "cell-error",
        ERR,
        "validate",
        "{value} in column {field} is a spreadsheet error (a broken formula), not a value.",
        "The file was exported with formula errors such as #NAME?, #REF! or Err:509 in it. "
        "Repair the formula in the source workbook and export again.",
    ),
    Code(
        "duplicate-key",
        ERR,
        "validate",
        "This row repeats the key of row {other}: {key}.",
        "Each combination of the layout's key columns may appear once; a repeated row is "
        "counted twice. Remove one of them.",
    ),
    Code(
        "duplicate-rows",
        ERR,
        "validate",
        "Rows {first}–{last} repeat rows {other_first}–{other_last}: {count} rows with the "
        "same values.",
        "A block of rows appears twice (often a table pasted or exported twice). Remove the "
        "copy; its rows are not checked again.",
    ),
    Code(
        "field-from-title",
        INFO,
        "read",
        "No {field} column; every line is read as {field} {value}, as the title {title} says.",
        'A table printed per article (a Kamerstuk\'s "Beleidsartikel 1 ...", with the tables '
        '"Uitgaven beleidsartikel" and "Ontvangsten beleidsartikel" below it) names its '
        "article and its series (V, U or O) in the lines above the header, not in a column. "
        'reconcile reads them from there: a title line that starts with "Artikel", '
        '"Beleidsartikel" or "Niet-beleidsartikel" and a number, or with '
        '"Verplichtingen", "Uitgaven" or "Ontvangsten". A suppletoire table without years '
        "takes its year from the one year its title lines name. A column of the table's own "
        "wins.",
    ),
    # --- diff: what changed between two versions of a table (reconcile diff) ---------------
    Code(
        "line-added",
        WARN,
        "diff",
        "Line {line} is new: {new}.",
        "reconcile diff found this line only in the new version of the table. A difference "
        "between the versions makes the diff exit with 1, so that CI shows it; look whether the "
        "change was meant.",
    ),
    Code(
        "line-removed",
        WARN,
        "diff",
        "Line {line} is gone; it was {old}.",
        "reconcile diff found this line only in the old version of the table (the location is "
        "its cell there). A difference between the versions makes the diff exit with 1; look "
        "whether the line was dropped on purpose.",
    ),
    Code(
        "diff-field-unshared",
        INFO,
        "diff",
        "Lines are matched without {fields}: one version fills it, the other never does.",
        "Two editions of a table need not have the same columns: one may lack a V/U/O column "
        "(read as U), a description or a column of its own. reconcile diff matches the lines by "
        "the fields both versions fill, so that a column one of them lacks does not make every "
        "line removed and added again. Two lines that the left-out field told apart are then "
        "compared in their order.",
    ),
    Code(
        "line-changed",
        WARN,
        "diff",
        "Line {line} changed from {old} to {new} (difference {difference}).",
        "reconcile diff found this line in both versions with another amount (or text, such as "
        "PM). A difference between the versions makes the diff exit with 1; look whether the "
        "change was meant.",
    ),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}


def make_finding(code: str, location: CellRef, **params: object) -> Finding:
    """A finding of ``code`` at ``location``; its severity comes from the catalogue.

    A param its message needs and was not given fails here, where it is made, not later in
    a renderer, after the whole run (a chapter-unknown without its hint did so until
    2026-12-07)."""
    entry = CODES[code]
    missing = entry.fields - params.keys()
    if missing:
        raise TypeError(f"finding {code} made without {', '.join(sorted(missing))}")
    return Finding(code, entry.severity, location, params, fatal=entry.fatal)


def is_fatal(code: str) -> bool:
    return CODES[code].fatal


def texts_of(code: str, lang: str = "en", count: int = 1) -> tuple[str, str]:
    """The message template (its form for ``count``) and the explanation of ``code`` in
    ``lang``."""
    entry = CODES[code]
    if entry.plural is None:
        template = pgettext(code, entry.template, lang)
    else:
        template = npgettext(code, entry.template, entry.plural, count, lang)
    return template, pgettext(code, entry.explanation, lang)


def render(value: object, lang: str = "en") -> str:
    """A finding, an error that stops a run, a phrase or a param, as a reader of ``lang``
    reads it: amounts in euros, intervals with their bounds, fixed words translated."""
    if isinstance(value, Finding):
        params = value.params
        template = texts_of(value.code, lang, _count(params))[0]
        values = {key: render(param, lang) for key, param in params.items()}
        return template.format(**values).translate(_VISIBLE_CONTROLS)
    if isinstance(value, ReconcileError):
        template = gettext(value.message, lang)
        if not value.params:  # a message without parameters may hold braces of its own
            return template
        return template.format(**{k: _shown(v, lang) for k, v in value.params.items()})
    if isinstance(value, Phrase):
        if value.plural is None:
            text = gettext(value.text, lang)
        else:
            text = ngettext(value.text, value.plural, _count(value.params), lang)
        return text.format(**{k: render(v, lang) for k, v in value.params.items()})
    if isinstance(value, Decimal):
        return format_eur(value, lang)
    if isinstance(value, Interval):
        high = "∞" if value.high is None else format_eur(value.high, lang)
        return f"{format_eur(value.low, lang)} – {high}"
    if isinstance(value, list | tuple):  # phrases and errors hold commas: a semicolon parts them
        worded = value and isinstance(value[0], Phrase | ReconcileError)
        parts = ("; " if worded else ", ").join
        return parts(render(v, lang) for v in value)
    if isinstance(value, Size):  # Dutch writes a decimal comma: 273,0 MB
        return str(value).replace(".", pgettext("decimal mark", ".", lang))
    if isinstance(value, str) and value in WORDS:
        return gettext(value, lang)
    return str(value)


def _shown(value: object, lang: str) -> object:
    # An error's words are worded in ``lang``; any other value stays itself, so {value!r}
    # shows 1 as 1 and [] as [], as the settings file has them.
    words = isinstance(value, str | Phrase | ReconcileError)
    phrases = isinstance(value, list) and value and isinstance(value[0], Phrase | ReconcileError)
    return render(value, lang) if words or phrases else value


def _count(params: Mapping[str, object]) -> int:
    """The number a plural form is chosen by: the param ``count``."""
    count = params.get("count", 1)
    return count if isinstance(count, int) else 1


format_value = render  # the names the renderers know it by
render_message = render


# Control characters from a workbook (escape sequences, carriage returns, bells) are shown,
# never sent: a message must not be able to rewrite the terminal or forge a report line.
_VISIBLE_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), *range(0x7F, 0xA0)]}
