"""Ministries' workbooks filled the way people fill spreadsheets: notes below the table, a
chapter column holding the ministry, year columns with words around the year, an amount
column headed by its unit only, Dutch whole-euro amounts ("5.100,-")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.kinds import Kind, tell_kind
from reconcile.ministries import load_table
from reconcile.money import parse_number
from tests.spec import message, validate, where

TITLE: list[list[Any]] = [["Ministerie van Economische Zaken"], ["(bedragen x € 1.000)"], []]
LONG = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]
LINES: list[list[Any]] = [
    ["XIII", 2, "AI-fabriek", 2026, 13100],
    ["XIII", 2, "AI-fabriek", 2027, 6000],
]


def _notes(report: Any) -> list[tuple[str, str]]:
    return [(f.location.place, f.code) for f in report.findings if f.code == "notes-below-table"]


def test_notes_below_a_table_without_a_totals_row_are_notes_not_lines(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        *LINES,
        [],
        ["Toelichting:"],
        ["De kasschuif is afgestemd met FIN, kenmerk 2025-0012."],
        ["Contactpersoon: J. Jansen", None, None, None, "tel 070-1234567"],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert _notes(report) == [("Blad1!A8", "notes-below-table")]
    assert report.files[0].total == Decimal("19100000")
    (note,) = [f for f in report.findings if f.code == "notes-below-table"]
    assert message(note) == (
        "Rows 8–10 below the table hold no chapter, article, year or amount: they were read "
        "as notes, not as lines; if one is a line, give it its chapter or article number."
    )


def test_the_title_of_a_second_table_ends_the_first(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        *LINES,
        [],
        ["Verplichtingen"],
        LONG,
        ["XIII", 2, "AI-fabriek verplichting", 2025, 25000],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    # The second table's line holds an amount, not counted: a warning, not a silent note.
    assert where(report) == [("EZ.xlsx", "Blad1!A9", "second-table-not-read")]
    assert _notes(report) == [("Blad1!A8", "notes-below-table")]
    assert report.files[0].total == Decimal("19100000")


def test_a_second_table_holding_amounts_is_a_warning_with_its_count(tmp_path: Path) -> None:
    # "Tweede deel" and its EUR 11 mln: VALID, exit 0, with only the note second-table.
    second = [["XIII", 2, "c", 2026, 5000], ["XIII", 2, "d", 2027, 6000]]
    rows = [*TITLE, LONG, *LINES, [], ["Tweede deel"], LONG, *second]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    (finding,) = [f for f in report.findings if f.code == "second-table-not-read"]
    assert message(finding) == (
        "A second table starts at row 9, and its 2 lines with an amount were not read: only "
        "the table in rows 4–6 was. If they belong to the reservation, put them in the first "
        "table; else move the second table to a sheet of its own."
    )
    # A second table without amounts (an empty copy of the header, zeros) stays a note.
    rows = [*TITLE, LONG, *LINES, [], LONG, ["XIII", 2, "c", 2026, 0]]
    report = validate(tmp_path / "leeg", {"EZ.xlsx": rows})
    assert where(report) == []
    assert "second-table" in [f.code for f in report.findings]


def test_a_last_row_with_a_chapter_is_a_line_whatever_its_amounts(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026],
        ["XIII", 2, "AI-fabriek", 5100, None],
        [],
        ["XIII", 2, "AI-fabriek onderzoek", "PM", "PM"],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert ("EZ.xlsx", "Blad1!D7", "amount-not-a-number") in where(report)
    assert _notes(report) == []


def test_a_totals_row_without_a_saved_result_still_ends_the_table(tmp_path: Path) -> None:
    from tests.builders import Formula

    rows = [*TITLE, LONG, *LINES, ["Totaal", None, None, None, Formula("=SUM(E5:E6)")]]
    report = validate(tmp_path, {"EZ.xlsx": rows})  # xlsxwriter saves no result of its own
    assert _notes(report) == []
    assert report.files[0].total == Decimal("19100000")


def _chapter_unknown(tmp_path: Path, file: str, typed: str) -> tuple[str, str]:
    """The chapter-unknown message, English and Dutch, of a line whose chapter cell is
    ``typed`` in a file named ``file``."""
    rows = [*TITLE, LONG, [typed, 2, "AI-fabriek", 2026, 13100]]
    report = validate(tmp_path, {file: rows})
    (finding,) = [f for f in report.findings if f.code == "chapter-unknown"]
    return message(finding), message(finding, "nl")


@pytest.mark.parametrize(
    ("typed", "chapter"),
    # its own budget's chapter (not a fund its minister answers for: Defensie's K), or both
    # of a ministry with two budgets
    [
        ("EZK", "XIII"),
        ("Economische Zaken", "XIII"),
        ("EZ", "XIII"),
        ("'Economische Zaken", "XIII"),  # Excel's text mark kept
        ("Defensie", "X"),
        ("Financiën", "IXA / IXB"),
    ],
)
def test_a_ministry_in_the_chapter_column_is_told_its_chapter(
    tmp_path: Path, typed: str, chapter: str
) -> None:
    english, dutch = _chapter_unknown(tmp_path, "EZ.xlsx", typed)
    assert english.endswith(f"not a chapter: write its chapter, {chapter}.")
    assert chapter in dutch


@pytest.mark.parametrize(
    ("file", "typed", "name", "chapter"),
    # a fund's name (or a budget's no ministry has as its own) in the chapter column: its
    # chapter, not the ministry whose minister answers for it (Defensie's X for its fund)
    [
        ("BZK.xlsx", "Gemeentefonds", "Gemeentefonds", "B"),
        ("BZK.xlsx", " gemeentefonds ", "Gemeentefonds", "B"),
        ("BZK.xlsx", "'Gemeentefonds", "Gemeentefonds", "B"),  # Excel's text mark kept
        ("BZK.xlsx", "BES fonds", "BES-fonds", "H"),
        ("IenW.xlsx", "Deltafonds", "Deltafonds", "J"),
        ("IenW.xlsx", "Infrastructuurfonds", "Mobiliteitsfonds (Infrastructuurfonds)", "A"),
        (
            "Defensie.xlsx",
            "Defensiematerieelbegrotingsfonds",
            "Defensiematerieelbegrotingsfonds",
            "K",
        ),
        ("BZK.xlsx", "Koninkrijksrelaties", "Koninkrijksrelaties", "IV"),
    ],
)
def test_a_funds_name_in_the_chapter_column_is_told_its_chapter(
    tmp_path: Path, file: str, typed: str, name: str, chapter: str
) -> None:
    english, dutch = _chapter_unknown(tmp_path, file, typed)
    assert english.endswith(f"It names the budget {name}: write its chapter, {chapter}.")
    assert dutch.endswith(f"{name}: schrijf het hoofdstuk, {chapter}.")


@pytest.mark.parametrize(
    "labels",
    [
        ["Bedrag 2025", "Bedrag 2026"],
        ["2025 (t)", "2026 (t+1)"],
        ["Uitgaven 2025 (x € 1.000)", "Uitgaven 2026 (x € 1.000)"],
    ],
)
def test_year_columns_labelled_with_words_around_the_year(
    tmp_path: Path, labels: list[str]
) -> None:
    rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", *labels],
        ["XIII", 2, "AI-fabriek", 5100, 13100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert report.files[0].shape == "wide"
    assert report.files[0].total == Decimal("18200000")


def test_an_amount_column_headed_by_its_unit_only(tmp_path: Path) -> None:
    rows = [
        ["Ministerie van Economische Zaken"],
        [],
        [*LONG[:4], "x € 1 mln"],
        ["XIII", 2, "AI", 2026, 13.1],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert report.files[0].total == Decimal("13100000")


@pytest.mark.parametrize(
    ("text", "amount"), [("5.100,-", "5100"), ("-5.100,-", "-5100"), ("€ 13.100,--", "13100")]
)
def test_dutch_whole_euro_amounts(text: str, amount: str) -> None:
    assert parse_number(text) == Decimal(amount)


def test_an_article_with_its_onderdeel_and_a_span_of_years_say_what_to_write(
    tmp_path: Path,
) -> None:
    rows = [*TITLE, LONG, ["XIII", "2.1", "AI-fabriek", "2025-2026", 13100]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    texts = {f.code: message(f) for f in report.findings}
    assert texts["article-invalid"] == (
        '"2.1" is not an article number: write the article as a number (1, 2, 31), and an '
        "artikelonderdeel or the article's name in the description."
    )
    assert texts["year-invalid"] == (
        '"2025-2026" is not a year: write one year as four digits (2026), one row (or column) '
        "per year."
    )


@pytest.mark.parametrize(
    ("description", "amount", "kind", "counterpart"),
    [
        ("AI-fabriek Groningen (kasschuif 2026 naar 2025)", -5100, Kind.KASSCHUIF, None),
        ("AI-fabriek - kasschuif naar 2025", 5100, Kind.KASSCHUIF, None),
        ("AI-fabriek\nkasschuif naar 2025", 5100, Kind.KASSCHUIF, None),
        ("AI-fabriek [vrijval]", -100, Kind.VRIJVAL, None),
        ("AI-fabriek (overboeking van Defensie)", 7000, Kind.TRANSFER_IN, "Defensie"),
        ("Overboeking van hoofdstuk X (AI-fabriek)", 7000, Kind.TRANSFER_IN, "Defensie"),
        ("Overboeking naar hoofdstuk XIII", -7000, Kind.TRANSFER_OUT, "EZ"),
        ("Overboeking naar begroting 13", -7000, Kind.TRANSFER_OUT, "EZ"),
        ("Overboeking naar H. XIII", -7000, Kind.TRANSFER_OUT, "EZ"),
        ("AI-fabriek (bijdrage aan de regio)", 100, Kind.RESERVATION, None),
        ("Reservering AI-fabriek (2025-2030)", 100, Kind.RESERVATION, None),
    ],
)
def test_a_kind_said_in_brackets_or_after_a_dash_and_a_counterpart_by_its_chapter(
    description: str, amount: int, kind: Kind, counterpart: str | None
) -> None:
    found = tell_kind(
        None, description, Decimal(amount), "Defensie" if amount < 0 else "EZ", load_table()
    )
    assert (found.kind, found.counterpart, found.problem) == (kind, counterpart, None)


def test_an_overboeking_to_its_own_chapter_names_no_counterpart() -> None:
    found = tell_kind(None, "Overboeking naar hoofdstuk XIII", Decimal(-5), "EZ", load_table())
    assert found.problem == "transfer-counterpart-unknown"


def test_a_kind_heading_typed_in_the_chapter_column(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026],
        ["Kasschuiven", None, None, 5100, -5100],
        ["XIII", 2, "AI-fabriek naar 2025", 5100, -5100],
        ["Intensiveringen", None, None, None, 13100],
        ["XIII", 2, "AI-fabriek", None, 13100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert report.files[0].total == Decimal("13100000")
    assert [(ln.year, ln.kind, ln.told) for ln in report.lines] == [
        (2025, "kasschuif", "heading"),
        (2026, "kasschuif", "heading"),
        (2026, "reservation", "heading"),
    ]


def test_a_unit_caption_on_the_row_below_the_header_is_the_tables_unit(tmp_path: Path) -> None:
    rows = [
        ["Ministerie van Economische Zaken"],
        [],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026],
        [None, None, None, "(x € 1 mln)", None],
        ["XIII", 2, "AI-fabriek", 5.1, 13.1],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert "unit-assumed" not in [f.code for f in report.findings]
    assert report.files[0].total == Decimal("18200000")


def test_a_long_header_with_its_caption_below_reads_its_first_line_after_it(
    tmp_path: Path,
) -> None:
    rows = [*TITLE[:1], [], LONG, [None, None, None, None, "bedragen x € 1.000"], *LINES]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert report.files[0].total == Decimal("19100000")


def test_an_amount_written_with_words_says_to_write_the_number_alone(tmp_path: Path) -> None:
    rows = [*TITLE, LONG, ["XIII", 2, "AI-fabriek", 2026, "13,1 mln"], ["XIII", 2, "B", 2026, "PM"]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    texts = [message(f) for f in report.findings if f.code == "amount-not-a-number"]
    assert texts == [
        (
            '"13,1 mln" is not an amount; it is not counted, so the total is incomplete: write '
            "the number alone, in the table's unit (x € 1.000)."
        ),
        '"PM" is not an amount; it is not counted, so the total is incomplete.',
    ]


def test_a_line_typed_below_the_totaal_row_is_an_error_not_a_silence(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        *LINES,
        ["Totaal", None, None, None, 19100],
        ["XIII", 2, "AI-fabriek extra", 2027, 1000],
        [],
        ["Toelichting: bedragen 2027 onder voorbehoud, 1000 extra"],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!A8", "line-below-total")]
    (finding,) = report.findings[-1:]
    assert message(finding) == (
        "Row 8, below the Totaal in row 7, holds a line that is not counted: insert it above "
        "the Totaal row, so that the Totaal covers it."
    )


@pytest.mark.parametrize("label", ["2026*", "2026 1)", "2026¹"])
def test_a_year_column_with_a_footnote_mark_is_read(tmp_path: Path, label: str) -> None:
    rows = [*TITLE, ["Hoofdstuk", "Artikel", "Omschrijving", 2025, label], ["XIII", 2, "AI", 5, 7]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert report.files[0].total == Decimal("12000")


def test_a_column_that_names_a_year_in_another_way_is_not_left_out_in_silence(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026, "2027 e.v."],
        ["XIII", 2, "AI-fabriek", 100, 200, 300],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!F4", "column-not-read")]
    assert report.files[0].total == Decimal("300000")


@pytest.mark.parametrize(
    "article",
    [
        "2 Bedrijvenbeleid",
        "2. Bedrijvenbeleid",
        "2: Bedrijvenbeleid",
        "Artikel 2",
        # a float's column saved as text (pandas writes 2.0 where a column has empty cells)
        "2.0",
        "2,0",
        "02.00",
        2.0,
    ],
)
def test_an_article_with_its_name_as_the_template_lists_it(tmp_path: Path, article: str) -> None:
    rows = [*TITLE, LONG, ["XIII", article, "AI-fabriek", 2026, 13100]]
    assert where(validate(tmp_path, {"EZ.xlsx": rows})) == []


@pytest.mark.parametrize("article", ["2.1", "2 en 3", "2-3"])
def test_an_article_that_is_no_one_number_stays_invalid(tmp_path: Path, article: str) -> None:
    rows = [*TITLE, LONG, ["XIII", article, "AI-fabriek", 2026, 13100]]
    assert where(validate(tmp_path, {"EZ.xlsx": rows})) == [
        ("EZ.xlsx", "Blad1!B5", "article-invalid")
    ]


@pytest.mark.parametrize(
    ("cell", "description", "amount", "kind", "counterpart"),
    [
        ("Kasschuif (naar 2025)", "AI-fabriek", -5100, Kind.KASSCHUIF, None),
        ("Overboeking van Defensie", "AI-fabriek", 7000, Kind.TRANSFER_IN, "Defensie"),
        ("Overboeking naar BZK", "AI-fabriek", -7000, Kind.TRANSFER_OUT, "BZK"),
        ("overboekingen", "naar OCW", -7000, Kind.TRANSFER_OUT, "OCW"),
    ],
)
def test_a_kind_cell_with_words_after_the_kind(
    cell: str, description: str, amount: int, kind: Kind, counterpart: str | None
) -> None:
    found = tell_kind(cell, description, Decimal(amount), "EZ", load_table())
    assert (found.kind, found.counterpart, found.problem) == (kind, counterpart, None)


def test_a_kind_cell_that_starts_with_no_kind_is_still_unknown() -> None:
    assert tell_kind("Kasschuifje", "AI", Decimal(5), "EZ", load_table()).problem == (
        "kind-unknown"
    )


@pytest.mark.parametrize(
    ("own", "description", "amount", "kind", "counterpart"),
    [
        ("EZ", "Overboeking van EZ naar BZK", -5, Kind.TRANSFER_OUT, "BZK"),
        ("EZ", "Overboeking van EZK naar BZK t.b.v. AI-fabriek", -5, Kind.TRANSFER_OUT, "BZK"),
        ("BZK", "Overboeking van EZ naar BZK", 5, Kind.TRANSFER_IN, "EZ"),
        ("EZ", "Overboeking naar EZ van BZK", 5, Kind.TRANSFER_IN, "BZK"),
        ("EZ", "Overboeking van/naar BZK", -5, Kind.TRANSFER_OUT, "BZK"),
        ("EZ", "Overboeking van/naar BZK", 5, Kind.TRANSFER_IN, "BZK"),
        ("EZ", "Overboeking EZ - BZK", -5, Kind.TRANSFER_OUT, "BZK"),
        ("Defensie", "Overboeking van Defensie naar EZ", -5, Kind.TRANSFER_OUT, "EZ"),
    ],
)
def test_an_overboeking_naming_both_ministries_goes_the_way_its_own_one_stands(
    own: str, description: str, amount: int, kind: Kind, counterpart: str
) -> None:
    found = tell_kind(None, description, Decimal(amount), own, load_table())
    assert (found.kind, found.counterpart, found.problem) == (kind, counterpart, None)


def test_an_overboeking_van_a_ministry_with_the_wrong_sign_is_still_said(tmp_path: Path) -> None:
    found = tell_kind(None, "Overboeking van BZK", Decimal(-5), "EZ", load_table())
    assert (found.kind, found.problem) == (Kind.TRANSFER_IN, "transfer-sign")


def test_one_kasschuif_worded_per_row_nets_as_one(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "Kasschuif AI-fabriek naar 2025", 2025, 5100],
        ["XIII", 2, "Kasschuif AI-fabriek uit 2026", 2026, -5100],
        ["XIII", 2, "Kasschuif regio van 2027", 2027, -200],
        ["XIII", 2, "Kasschuif regio van 2027", 2028, 200],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    joined = [message(f) for f in report.findings if f.code == "kasschuif-joined"]
    assert joined == [
        (
            'The kasschuiven "Kasschuif AI-fabriek naar 2025", "Kasschuif AI-fabriek uit 2026" '
            "of EZ do not add up to zero each, but together they do: they were read as one "
            "kasschuif."
        )
    ]


def test_kasschuiven_that_do_not_net_together_are_each_an_error(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "Kasschuif AI-fabriek naar 2025", 2025, 5100],
        ["XIII", 2, "Kasschuif AI-fabriek uit 2026", 2026, -5000],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!E5", "kasschuif-not-zero"),
        ("EZ.xlsx", "Blad1!E6", "kasschuif-not-zero"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["Hoofdstuk", "Artikel", "Toelichting", "Omschrijving", "Jaar", "Bedrag"],
        ["Hoofdstuk", "Artikel", "Omschrijving", "Toelichting", "Jaar", "Bedrag"],
    ],
)
def test_omschrijving_is_the_description_beside_a_toelichting_column(
    tmp_path: Path, header: list[str]
) -> None:
    toelichting = header.index("Toelichting")
    rows: list[list[Any]] = [*TITLE, header]
    for description in ("AI-fabriek rekenkracht", "AI-fabriek opleiding"):
        row: list[Any] = ["XIII", 2, description, 2026, 1000]
        row.insert(toelichting, "zie Kamerbrief")
        rows.append(row)
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [ln.description for ln in report.lines] == [
        "AI-fabriek rekenkracht",
        "AI-fabriek opleiding",
    ]


@pytest.mark.parametrize(
    ("year", "article"), [("Begrotingsjaar", "Artikelnr."), ("Jaartal", "Art")]
)
def test_more_header_words_for_the_year_and_the_article(
    tmp_path: Path, year: str, article: str
) -> None:
    rows = [*TITLE, ["Hoofdstuk", article, "Omschrijving", year, "Bedrag"], *LINES]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert report.files[0].total == Decimal("19100000")


def test_two_units_say_which_caption_to_keep(tmp_path: Path) -> None:
    rows = [["(bedragen x € 1.000)"], [], [*LONG[:4], "Bedrag (x € 1 mln)"], *LINES]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    (finding,) = [f for f in report.findings if f.code == "unit-conflict"]
    assert message(finding).endswith(
        "; keep the one the amounts are written in, and delete the other."
    )


def test_overboekingen_from_two_ministries_alike_in_all_else_are_no_duplicates(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag"],
        ["XIII", 2, "AI-fabriek Groningen", "Overboeking van Defensie", 2026, 7000],
        ["XIII", 2, "AI-fabriek Groningen", "Overboeking van OCW", 2026, 2500],
        ["XIII", 2, "AI-fabriek Groningen", "Overboeking van OCW", 2026, 2500],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!F7", "duplicate-line")]


def test_lines_on_a_sheet_not_read_are_named_with_their_count(tmp_path: Path) -> None:
    # An instructions sheet first, with a one-line example in the template's own layout, and
    # the ministry's lines on the sheet after it: the example's sheet is read (the first
    # visible sheet with lines) and the real lines were only named in a note.
    example = [*TITLE, LONG, ["XIII", 2, "Voorbeeld: AI-fabriek", 2026, 100]]
    report = validate(
        tmp_path, {"EZ.xlsx": {"Toelichting": example, "Reservering": [*TITLE, LONG, *LINES]}}
    )
    assert where(report) == [("EZ.xlsx", "Reservering", "sheet-not-read")]
    (finding,) = [f for f in report.findings if f.code == "sheet-not-read"]
    assert message(finding) == (
        "Sheet “Reservering” also holds a budget table, and its lines were not read (2): only "
        "“Toelichting” was. If they belong to the reservation, put every line on one sheet; to "
        "read this sheet instead, use --sheet Reservering."
    )


def test_lines_on_a_hidden_sheet_not_read_are_named_with_their_count(tmp_path: Path) -> None:
    # The data sheet hidden behind a visible example: EUR 100,000 read, VALID, exit 0, and the
    # hidden sheet's lines were only the note hidden-sheet-skipped. A hidden list stays a note.
    from tests.builders import Sheet

    example = [*TITLE, LONG, ["XIII", 2, "Voorbeeld: AI-fabriek", 2026, 100]]
    sheets = {
        "Toelichting": example,
        "Reservering": Sheet([*TITLE, LONG, *LINES], hidden=True),
        "Lijsten": Sheet([["XIII"], ["X"], ["VIII"]], hidden=True),
    }
    report = validate(tmp_path, {"EZ.xlsx": sheets})
    assert where(report) == [("EZ.xlsx", "Reservering", "sheet-not-read")]
    (finding,) = [f for f in report.findings if f.code == "sheet-not-read"]
    assert finding.params["count"] == 2
    skipped = [f.location.sheet for f in report.findings if f.code == "hidden-sheet-skipped"]
    assert skipped == ["Lijsten"]


def test_a_sheet_with_an_empty_table_is_named_in_a_note(tmp_path: Path) -> None:
    # The template's blank copy kept beside the filled one: nothing on it is money.
    sheets = {"Reservering": [*TITLE, LONG, *LINES], "Leeg sjabloon": [*TITLE, LONG]}
    report = validate(tmp_path, {"EZ.xlsx": sheets})
    assert where(report) == []
    (note,) = [f for f in report.findings if f.code == "sheet-chosen"]
    assert message(note) == (
        "Sheet “Reservering” was read; other sheets holding a table were not: “Leeg sjabloon”."
    )


def test_a_last_line_whose_amounts_are_pm_is_a_line_not_a_note(tmp_path: Path) -> None:
    """A wide table's last line without an article (and no chapter column) whose amounts are
    not known yet ("PM", "n.t.b.") or typed with words: a line with findings, not a note."""
    rows = [
        *TITLE,
        ["Artikel", "Omschrijving", 2025, 2026],
        [2, "AI-fabriek", 5100, None],
        [None, "AI-fabriek rekenkracht", "n.t.b.", "1,0 mln"],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!A6", "missing-value"),
        ("EZ.xlsx", "Blad1!C6", "amount-not-a-number"),
        ("EZ.xlsx", "Blad1!D6", "amount-not-a-number"),
    ]
    assert _notes(report) == []


def test_a_line_below_the_totaal_with_its_amount_as_text_is_an_error(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        *LINES,
        ["Totaal", None, None, None, 19100],
        [None, "2", "AI-fabriek extra", "2027", "1.000"],
        ["Bron: Najaarsnota 2025", "Zie 2", None, None, "tel 070-1234567"],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!A8", "line-below-total")]


def test_a_line_below_the_totaal_of_a_csv_file_is_an_error(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        *LINES,
        ["Totaal", "", "", "", "19100"],
        ["XIII", "2", "Extra", "2027", "1000"],
    ]
    text = "\n".join(",".join(str(cell) for cell in row) for row in rows)
    (tmp_path / "EZ.csv").write_text(text + "\n", encoding="utf-8")
    report = pipeline.validate([str(tmp_path)], load_announcement(None))
    assert where(report) == [("EZ.csv", "A8", "line-below-total")]


def test_two_kasschuiven_each_off_are_not_joined_by_offsetting_slips(tmp_path: Path) -> None:
    """Two kasschuiven that each move money both ways and each miss by 100: two slips that
    happen to cancel, not one kasschuif worded per row."""
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "Kasschuif AI-fabriek", 2025, -5100],
        ["XIII", 2, "Kasschuif AI-fabriek", 2027, 5000],
        ["XIII", 2, "Kasschuif regio", 2025, -200],
        ["XIII", 2, "Kasschuif regio", 2028, 300],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert [f.code for f in report.findings if f.code.startswith("kasschuif")] == [
        "kasschuif-not-zero",
        "kasschuif-not-zero",
    ]


def test_the_caption_row_of_an_empty_table_is_no_note(tmp_path: Path) -> None:
    rows = [*TITLE[:1], [], LONG, [None, None, None, None, "bedragen x € 1.000"]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!A3", "table-empty")]
    assert _notes(report) == []


def test_a_column_naming_a_year_otherwise_in_a_csv_file_is_not_left_out(tmp_path: Path) -> None:
    # A CSV file's cells are all text: "300" under "2027 e.v." is an amount all the same.
    rows = [
        *TITLE,
        ["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026", "2027 e.v."],
        ["XIII", "2", "AI-fabriek", "100", "200", "300"],
    ]
    text = "\n".join(",".join(str(cell) for cell in row) for row in rows)
    (tmp_path / "EZ.csv").write_text(text + "\n", encoding="utf-8")
    report = pipeline.validate([str(tmp_path)], load_announcement(None))
    assert where(report) == [("EZ.csv", "F4", "column-not-read")]


@pytest.mark.parametrize("label", ["Bedrag 2024", "2026"])
def test_a_year_column_beside_a_long_tables_amount_is_said(tmp_path: Path, label: str) -> None:
    # A long table takes its amounts from "Bedrag", a row per year; a column headed by a
    # year beside it (last year's figures, or a year typed as a column) was left out in
    # silence, exit 0.
    rows = [*TITLE, [*LONG, label], [*LINES[0], 300], [*LINES[1], None]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!F4", "column-beside-amount")]
    (finding,) = [f for f in report.findings if f.code == "column-beside-amount"]
    assert message(finding) == (
        f"The column “{label}” holds amounts, but this table takes each line's amount from "
        "the column “Bedrag” (a row per year), so they are not read; put them on rows of "
        "their own, or move them out of the table."
    )
    assert report.files[0].total == Decimal("19100000")


WIDE = ["Hoofdstuk", "Artikel", "Omschrijving", 2026, 2027]


@pytest.mark.parametrize(
    ("header", "line", "said"),
    [  # each left 50 (EUR 50,000) out in silence, exit 0
        ([*LONG, "Bedrag"], [*LINES[0], 50], ("F4", "column-repeated", "F", "E")),
        ([*LONG, "Mutatie"], [*LINES[0], 50], ("F4", "column-repeated", "F", "E")),
        ([*WIDE, 2026], ["XIII", 2, "x", 13100, 6000, 50], ("F4", "column-repeated", "F", "D")),
        (
            [*WIDE, "Bedrag 2027"],
            ["XIII", 2, "x", 13100, 6000, 50],
            ("F4", "column-repeated", "F", "E"),
        ),
        ([*LONG, None], [*LINES[0], 50], ("F4", "column-unlabelled", "F", None)),
        (LONG, [*LINES[0], 50], ("F4", "column-unlabelled", "F", None)),  # beyond the header
        (
            [*LONG[:4], None, "Bedrag"],
            [*LINES[0][:4], 50, 13100],
            ("E4", "column-unlabelled", "E", None),
        ),
    ],
)
def test_amounts_in_a_column_the_table_does_not_read_are_said(
    tmp_path: Path, header: list[Any], line: list[Any], said: tuple[str, str, str, str | None]
) -> None:
    report = validate(tmp_path, {"EZ.xlsx": [*TITLE, header, line]})
    cell, code, column, read = said
    assert where(report) == [("EZ.xlsx", f"Blad1!{cell}", code)]
    (finding,) = [f for f in report.findings if f.code == code]
    assert (finding.params["column"], finding.params.get("read")) == (column, read)
    # As before, the column is not read: 13,100 counted, and a wide table's 6,000 of 2027.
    wide = header[3] == 2026
    assert report.files[0].total == Decimal("19100000" if wide else "13100000")


def test_row_numbers_and_words_in_a_column_without_a_header_are_no_amounts(
    tmp_path: Path,
) -> None:
    # A script's index (0, 1, ...) before the header's first label, and a comment beside it.
    rows = [
        *TITLE,
        [None, *LONG, None],
        [0, *LINES[0], "zie brief"],
        [1, *LINES[1], None],
    ]
    assert where(validate(tmp_path, {"EZ.xlsx": rows})) == []


def test_a_long_tables_text_column_with_a_year_in_its_header_is_no_amount(tmp_path: Path) -> None:
    rows = [*TITLE, [*LONG, "Kenmerk 2025"], [*LINES[0], "FIN 2025-0012"], [*LINES[1], None]]
    assert where(validate(tmp_path, {"EZ.xlsx": rows})) == []


@pytest.mark.parametrize(
    ("cell", "description", "amount", "kind", "counterpart"),
    [
        (None, "Ovb. van Defensie", 5, Kind.TRANSFER_IN, "Defensie"),
        (None, "Ovb naar BZK t.b.v. AI-fabriek", -5, Kind.TRANSFER_OUT, "BZK"),
        (None, "AI-fabriek: ovb. aan OCW", -5, Kind.TRANSFER_OUT, "OCW"),
        ("Ovb.", "AI-fabriek rekenkracht (OCW)", -5, Kind.TRANSFER_OUT, "OCW"),
        (None, "Ovbx-regeling", 5, Kind.RESERVATION, None),  # no abbreviation: a name
    ],
)
def test_an_overboeking_abbreviated_ovb_as_mutation_tables_write_it(
    cell: str | None, description: str, amount: int, kind: Kind, counterpart: str | None
) -> None:
    # "Ovb." is how departmental mutation tables abbreviate an overboeking; the sweep found it
    # read as a reservation (and a negative one as negative-reservation).
    found = tell_kind(cell, description, Decimal(amount), "EZ", load_table())
    assert (found.kind, found.counterpart, found.problem) == (kind, counterpart, None)


@pytest.mark.parametrize(
    ("file", "typed", "meant", "chapter"),
    # a fund's, a budget's or a ministry's name misspelt in the chapter column: the name it
    # nearly spells and the chapter to write (it was chapter-unknown with no hint)
    [
        ("BZK.xlsx", "Gemeentefnds", "Gemeentefonds", "B"),
        ("BZK.xlsx", "Provinciefond", "Provinciefonds", "C"),
        ("IenW.xlsx", "Infrastructuurfonts", "Infrastructuurfonds", "A"),
        ("IenW.xlsx", "Deltafunds", "Deltafonds", "J"),
        ("EZ.xlsx", "Economische Zakn", "Economische Zaken", "XIII"),
        ("OCW.xlsx", "0CW", "OCW", "VIII"),
    ],
)
def test_a_misspelt_budget_name_in_the_chapter_column_gets_a_did_you_mean(
    tmp_path: Path, file: str, typed: str, meant: str, chapter: str
) -> None:
    english, dutch = _chapter_unknown(tmp_path, file, typed)
    assert english.endswith(f"Did you mean {meant}? Write its chapter, {chapter}.")
    assert dutch.endswith(f"Bedoelt u {meant}? Schrijf het hoofdstuk, {chapter}.")


@pytest.mark.parametrize(("typed", "hint"), [("XIIII", "Did you mean XIII"), ("Subsidie", "")])
def test_a_chapter_cell_near_no_budget_name_gets_the_hints_it_had(
    tmp_path: Path, typed: str, hint: str
) -> None:
    english, _ = _chapter_unknown(tmp_path, "EZ.xlsx", typed)
    assert hint in english and "Write its chapter" not in english
