"""`reconcile layouts draft FILE` on tables it has not seen: the draft, saved unedited, reads
each table's lines with the right chapter, article, year and amount in euros.

The tables are built here the way people write them: other header words, a unit in the header
("Bedrag (x € 1.000)", "Amount (EUR mln)"), Dutch amounts as text, wide tables with a column
per year, long ones, ";" and "," separated, Windows-1252, a title block above the header.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from reconcile.cli import cli
from reconcile.read import read_file

Line = tuple[str, str, int | None, Decimal]  # chapter, article, year, euros


def _write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _draft(path: Path) -> str:
    drafted = CliRunner().invoke(cli, ["layouts", "draft", str(path), "--name", "drafted"])
    assert drafted.exit_code == 0, drafted.output
    return drafted.output


def _lines(path: Path, drafted: str) -> tuple[list[Line], list[str]]:
    """The lines (chapter, article, year, euros) and finding codes of the table at ``path``,
    read by the layout ``drafted``, as --layout takes it from a file beside the table."""
    layout = path.parent / "drafted.toml"
    layout.write_text(drafted, encoding="utf-8")
    read = read_file(path, path.name, None, str(layout))
    assert read.table is not None, [f.code for f in read.findings]
    lines = [
        (
            str(line.values.get("chapter")),
            str(line.values.get("article")),
            line.year if isinstance(line.year, int) else None,
            line.amount,
        )
        for line in read.table.lines
        if line.amount is not None
    ]
    return sorted(lines, key=str), [f.code for f in read.findings]


TABLES: dict[str, tuple[str, str, str, list[Line]]] = {
    # name: (file name, encoding, text, the lines it holds)
    "unit in the amount's header, Dutch text amounts": (
        "t.csv",
        "utf-8",
        (
            "Hoofdstuk;Artikel;Omschrijving;Bedrag (x € 1.000)\n"
            "XIII;1;Reservering AI;1.234\n"
            "X;2;Iets;5.600,5\n"
        ),
        [("X", "2", None, Decimal("5600500.00")), ("XIII", "1", None, Decimal("1234000.00"))],
    ),
    "millions in an English header": (
        "t.csv",
        "utf-8",
        "Chapter,Article,Description,Amount (EUR mln)\n13,1,AI factory,5.1\n10,4,AI factory,10\n",
        [("10", "4", None, Decimal("10000000.00")), ("13", "1", None, Decimal("5100000.00"))],
    ),
    "wide, a column per year, English thousands": (
        "t.csv",
        "utf-8",
        (
            "Begrotingshoofdstuk,Artikelnummer,Omschrijving,2025,2026\n"
            'XIII,1,AI-fabriek,"1,000","2,000.5"\n'
            "VIII,3,Onderwijs,500,600\n"
        ),
        [
            ("VIII", "3", 2025, Decimal("500000.00")),
            ("VIII", "3", 2026, Decimal("600000.00")),
            ("XIII", "1", 2025, Decimal("1000000.00")),
            ("XIII", "1", 2026, Decimal("2000500.00")),
        ],
    ),
    "long, a row per year": (
        "t.csv",
        "utf-8",
        "Ministerie;Hfd;Art;Jaar;Bedrag\nEZ;XIII;1;2025;1.000\nEZ;XIII;1;2026;2.500,5\n",
        [("XIII", "1", 2025, Decimal("1000000.00")), ("XIII", "1", 2026, Decimal("2500500.00"))],
    ),
    "Windows-1252 below a title block, years in the labels": (
        "t.csv",
        "cp1252",
        (
            "Overzicht mutaties Economische Zaken\n(bedragen x € 1.000)\n\n"
            "Hoofdstuk;Artikel;Omschrijving;Mutatie 2025;Mutatie 2026\n"
            "XIII;1;Bijdrage aan Defensie – AI;-1.500;-2.000\n"
            "XIII;2;Reservering café;300;400,5\n"
        ),
        [
            ("XIII", "1", 2025, Decimal("-1500000.00")),
            ("XIII", "1", 2026, Decimal("-2000000.00")),
            ("XIII", "2", 2025, Decimal("300000.00")),
            ("XIII", "2", 2026, Decimal("400500.00")),
        ],
    ),
}


@pytest.mark.parametrize("name", list(TABLES))
def test_a_drafted_layout_reads_an_unseen_csv_table_unedited(tmp_path: Path, name: str) -> None:
    file, encoding, text, expected = TABLES[name]
    table = _write_csv(tmp_path / file, text, encoding)
    before = table.read_bytes()
    lines, _ = _lines(table, _draft(table))
    assert lines == expected
    assert table.read_bytes() == before


def test_a_drafted_layout_reads_a_workbook_below_its_title_block(tmp_path: Path) -> None:
    table = _write_xlsx(
        tmp_path / "t.xlsx",
        [
            ["Suppletoire begroting 2025"],
            ["Bedragen x € 1 mln"],
            [],
            ["Begrotingsstaat", "Art.", "Regeling", 2025, 2026],
            ["XIII", 1, "AI", 5.1, 0],
            ["X", 4, "AI", 10, 2.25],
        ],
    )
    lines, codes = _lines(table, _draft(table))
    # the years are numbers, as typed, and still the labels of their amounts' columns
    assert "values-without-header" not in codes and "value-without-header" not in codes
    assert lines == [
        ("X", "4", 2025, Decimal("10000000.00")),
        ("X", "4", 2026, Decimal("2250000.00")),
        ("XIII", "1", 2025, Decimal("5100000.00")),
        ("XIII", "1", 2026, Decimal("0.00")),
    ]


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_years_typed_in_date_formatted_header_cells_are_drafted_as_years(
    tmp_path: Path, epoch_1904: bool
) -> None:
    # 2025 typed in a cell formatted as a date shows 17-07-1905 (18-07-1909 on the 1904
    # calendar); validate reads it as 2025 (year-is-date). The draft named the column
    # "17-07-1905", with no year, and its layout found no header in the file it came from.
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    for row in [["(bedragen x € 1.000)"], ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026]]:
        sheet.append(row)
    sheet.append(["XIII", 1, "AI", 100, 200])
    for cell in ("D2", "E2"):
        sheet[cell].number_format = "dd-mm-yyyy"
    table = tmp_path / "t.xlsx"
    book.save(table)
    text = _draft(table)
    assert 'label = "2025"\nyear = 2025' in text
    lines, codes = _lines(table, text)
    assert lines == [
        ("XIII", "1", 2025, Decimal("100000.00")),
        ("XIII", "1", 2026, Decimal("200000.00")),
    ]
    assert "value-without-header" not in codes and "values-without-header" not in codes


def test_a_unit_in_the_amounts_header_is_the_drafts_unit_and_not_assumed(
    tmp_path: Path,
) -> None:
    table = _write_csv(
        tmp_path / "t.csv", "Hoofdstuk;Artikel;Omschrijving;Bedrag (x € 1 mln)\nXIII;1;AI;5,1\n"
    )
    text = _draft(table)
    assert 'unit = "x € 1 mln"  # the header "Bedrag (x € 1 mln)"' in text
    assert "unit_stated" not in text
    lines, codes = _lines(table, text)
    assert lines == [("XIII", "1", None, Decimal("5100000.00"))]
    assert "unit-assumed" not in codes


def test_a_year_column_of_a_wide_table_is_drafted_as_that_years_amounts() -> None:
    from reconcile.read.draft import draft_layout

    rows = [["Hoofdstuk", "Artikel", "2025", "Raming 2026*"], ["XIII", "1", "PM", "5"]]
    text = draft_layout(rows, "t", "t.csv")
    assert (
        'name = "2025"  # guess: the label is the year 2025: a column of that year\'s amounts\n'
        'label = "2025"\n'
        "year = 2025  # guess: the label names the year 2025"
    ) in text


def test_amounts_labelled_in_different_units_are_said_to_be(tmp_path: Path) -> None:
    from reconcile.read.draft import draft_layout

    rows = [
        ["Hoofdstuk", "Artikel", "Bedrag (x € 1.000)", "Bedrag (EUR mln)"],
        ["XIII", "1", "5", "5"],
    ]
    text = draft_layout(rows, "t", "t.csv")
    assert "# guess: the amounts' labels state different units" in text


def test_a_drafted_key_takes_the_description_where_an_article_repeats(tmp_path: Path) -> None:
    # A table per regeling lists an article once per regeling: chapter and article alone made
    # every second row a duplicate-key error in the draft read unedited.
    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuk;Artikel;Omschrijving;Bedrag\n"
        "XIII;1;AI-fabriek;1.234\n"
        "XIII;1;Andere regeling;2.500\n"
        "X;4;AI;750\n",
    )
    text = _draft(table)
    assert 'key = ["chapter", "article", "description"]  # guess: the place fields repeat' in text
    lines, codes = _lines(table, text)
    assert "duplicate-key" not in codes
    assert len(lines) == 3


def test_amounts_written_only_as_1_234_are_drafted_with_a_thousands_point(
    tmp_path: Path,
) -> None:
    # A comma-separated file whose amounts are all "1.234"-like: nothing but the form tells,
    # and a column that never writes 1234 without a point groups its thousands.
    table = _write_csv(
        tmp_path / "t.csv", "Hoofdstuk,Artikel,Bedrag\nXIII,1,1.234\nXIII,2,2.500\nX,4,750\n"
    )
    text = _draft(table)
    assert 'numbers = "dutch"  # guess: 2 amounts such as "1.234" read with a thousands' in text
    lines, _ = _lines(table, text)
    assert [euros for *_, euros in lines] == [
        Decimal("750000.00"),
        Decimal("1234000.00"),
        Decimal("2500000.00"),
    ]


def test_a_column_writing_1234_without_a_point_keeps_1_234_a_decimal() -> None:
    from reconcile.read.draft import draft_layout

    rows = [["Hoofdstuk", "Artikel", "Bedrag"], ["XIII", "1", "1.234"], ["XIII", "2", "12345"]]
    assert 'numbers = "plain"' in draft_layout(rows, "t", "t.csv")


def test_numbered_places_are_fields_and_a_labelled_year_is_the_amounts_year(
    tmp_path: Path,
) -> None:
    # "Artikelonderdeel" 1.1 was drafted as an amount column: its "1.1" then made the draft
    # English, and every "1.000" was read as one euro. "Raming 2026" gave lines no year.
    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuknummer;Art.nr.;Artikelonderdeel;Regeling;Raming 2026;Raming 2027\n"
        "XIII;1;1.1;AI-fabriek;1.000;2.000\n"
        "XIII;2;2.1;Andere;1.500;0\n",
    )
    text = _draft(table)
    assert 'artikelonderdeel = "Artikelonderdeel"  # guess: numbers, but the label names' in text
    assert 'label = "Raming 2026"\nyear = 2026  # guess: the label names the year 2026' in text
    lines, _ = _lines(table, text)
    assert lines == [
        ("XIII", "1", 2026, Decimal("1000000.00")),
        ("XIII", "1", 2027, Decimal("2000000.00")),
        ("XIII", "2", 2026, Decimal("1500000.00")),
        ("XIII", "2", 2027, Decimal("0.00")),
    ]


def test_a_layout_is_drafted_from_the_sheet_holding_amounts(tmp_path: Path) -> None:
    # The ombuigingslijst's shape: a sheet of the measures' texts (more labels) before the
    # sheet of their amounts. The texts sheet gave a draft with no amount column.
    book = Workbook()
    texts = book.active
    assert texts is not None
    texts.title = "Inhoud"
    texts.append(["Ministerie", "Maatregel", "Toelichting", "Soort", "Fiscaal", "Document"])
    texts.append(["EZ", "AI-fabriek", "Een toelichting", "Intensivering", "Nee", "Brief"])
    amounts = book.create_sheet("Budgetlijst")
    amounts.append(["Maatregel", "Jaar", "Bedrag"])
    amounts.append(["AI-fabriek", 2025, 5.1])
    amounts.append(["AI-fabriek", 2026, 10])
    path = tmp_path / "lijst.xlsx"
    book.save(path)
    text = _draft(path)
    assert 'label = "Bedrag"' in text
    assert 'year = "Jaar"' in text


@settings(max_examples=30, derandomize=True, deadline=None, database=None)
@given(
    labels=st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
        min_size=1,
        max_size=6,
    ),
    values=st.lists(st.sampled_from(["XIII", "2025", "U", "1.234", "7", "PM", "één", ""])),
)
def test_any_header_drafts_a_layout_that_loads(labels: list[str], values: list[str]) -> None:
    # Whatever the labels (accents, quotes, brackets, "€"), the draft is TOML and, with an
    # amount column named in it, a layout --layout takes: "één" as a field name was no TOML.
    import tomllib

    from reconcile.read.draft import draft_layout
    from reconcile.read.layouts import parse_layout

    row = (values * len(labels))[: len(labels)] if values else [""] * len(labels)
    text = draft_layout([[*labels, "Bedrag"], [*row, "5"]], "t", "t.csv")
    layout = parse_layout(tomllib.loads(text), "t.toml")
    assert [amount.labels for amount in layout.amounts][-1] == ("Bedrag",)


def test_a_table_without_a_header_is_said_to_have_none(tmp_path: Path) -> None:
    # Only numbers: the draft took "1;2;3" unsplit (one cell, a label) as the header.
    table = _write_csv(tmp_path / "t.csv", "1;2;3\n4;5;6\n")
    text = _draft(table)
    assert "# No row of the first ones holds labels: the table seems to have no header." in text
    assert '"1;2;3"' not in text


def test_totals_rows_a_unit_column_and_a_combined_chapter_are_drafted(tmp_path: Path) -> None:
    # The older begrotingsstaten' ways, in a table of their own: "Totaal" rows (read as
    # lines they counted every amount twice), a unit per row ("miljoen" read as x € 1.000
    # was a thousand times too small) and "XIII, Economische Zaken" in one cell.
    table = _write_csv(
        tmp_path / "t.csv",
        "Jaar;Eenheid;Begrotingsstaat;Artikel;Omschrijving;Bedrag\n"
        "2025;x1000;XIII, Economische Zaken;1;A;100\n"
        "2025;x1000;XIII, Economische Zaken;2;B;200\n"
        "2025;x1000;XIII, Economische Zaken;-;Totaal;300\n"
        "2025;miljoen;X, Defensie;1;C;2,5\n"
        "2025;miljoen;X, Defensie;-;TOTAAL;2,5\n",
    )
    text = _draft(table)
    assert 'unit_column = "unit"  # guess: every value of "Eenheid" states a unit' in text
    assert '[units]  # guess: the unit column\'s words\n"miljoen" = "x € 1 mln"' in text
    assert 'chapter = { labels = ["Begrotingsstaat"], split = ",", rest = "ministry" }' in text
    assert 'patterns = { description = "^\\\\s*(?:(?:sub|eind)?' in text
    lines, codes = _lines(table, text)
    assert lines == [
        ("X", "1", 2025, Decimal("2500000.00")),
        ("XIII", "1", 2025, Decimal("100000.00")),
        ("XIII", "2", 2025, Decimal("200000.00")),
    ]
    assert "total-mismatch" not in codes
    from reconcile.announcement import load_announcement
    from reconcile.pipeline import validate

    layout = tmp_path / "drafted.toml"
    layout.write_text(text, encoding="utf-8")

    def checked(path: Path) -> list[tuple[str | None, str]]:
        report = validate([str(path)], load_announcement(None), layout=str(layout))
        return [(f.location.cell, f.code) for f in report.findings if f.code == "total-mismatch"]

    assert checked(table) == []
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(table.read_text(encoding="utf-8").replace("Totaal;300", "Totaal;301"))
    assert checked(wrong) == [("F4", "total-mismatch")]


@pytest.mark.parametrize("grand", ["Eindtotaal", "Grand Total", "Total"])
def test_a_drafted_totals_pattern_knows_the_totals_a_workbook_is_read_with(
    tmp_path: Path, grand: str
) -> None:
    # The draft saw "Subtotaal" in the first rows; the table ends in the grand total Excel
    # writes (an Excel Table or pivot table), which reading a workbook takes as a total. The
    # drafted pattern knew Totaal and Subtotaal only: the grand total was read as a line.
    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuk;Artikel;Omschrijving;Bedrag\n"
        "XIII;1;A;100\nXIII;1;B;200\nXIII;;Subtotaal;300\n"
        f"XIII;2;C;50\nXIII;;{grand};350\n",
    )
    lines, codes = _lines(table, _draft(table))
    assert lines == [
        ("XIII", "1", None, Decimal("100000.00")),
        ("XIII", "1", None, Decimal("200000.00")),
        ("XIII", "2", None, Decimal("50000.00")),
    ]
    assert "total-mismatch" not in codes


def test_a_draft_in_dutch_says_its_guesses_in_dutch_and_is_the_same_layout(
    tmp_path: Path,
) -> None:
    # Every comment of the draft was English, whatever --lang said.
    import tomllib

    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuk;Artikel;Omschrijving;Mutatie 2025\nXIII;1;A;1.500\nXIII;1;B;2.000\n",
    )
    runs = {
        lang: CliRunner().invoke(cli, ["layouts", "draft", str(table), "--lang", lang])
        for lang in ("en", "nl")
    }
    dutch = runs["nl"].output
    assert runs["nl"].exit_code == 0, dutch
    assert (
        "# Een indeling opgesteld door `reconcile layouts draft` uit t.csv (kop in rij 1)." in dutch
    )
    assert "year = 2025  # gok: de kop noemt het jaar 2025" in dutch
    assert "# guess" not in dutch
    english, nederlands = (tomllib.loads(runs[lang].output) for lang in ("en", "nl"))
    assert nederlands.pop("title") == "Opgesteld uit t.csv"
    assert english.pop("title") == "Drafted from t.csv"
    assert nederlands == english


def test_a_layout_is_drafted_from_the_sheet_named(tmp_path: Path) -> None:
    # A workbook of two tables: the draft took the one it thought best, and no option
    # named the other.
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Uitgaven"
    first.append(["Hoofdstuk", "Artikel", "Omschrijving", "Bedrag"])
    first.append(["XIII", 1, "AI", 5])
    second = book.create_sheet("Ontvangsten")
    second.append(["Hfd", "Art", "Ontvangst"])
    second.append(["XIII", 1, 7])
    path = tmp_path / "t.xlsx"
    book.save(path)
    drafted = CliRunner().invoke(cli, ["layouts", "draft", str(path), "--sheet", "ontvangsten"])
    assert drafted.exit_code == 0, drafted.output
    assert 'label = "Ontvangst"' in drafted.output
    missing = CliRunner().invoke(cli, ["layouts", "draft", str(path), "--sheet", "Ontvangst"])
    assert missing.exit_code == 2
    assert "The workbook has no sheet “Ontvangst” (its sheets: “Uitgaven”, “Ontvangsten”)" in (
        missing.output
    )


def test_rows_flagged_as_totals_by_a_known_column_are_drafted_as_totals(tmp_path: Path) -> None:
    # A B-table's "Indicatie totaal regel Ja/Nee" (a label the built-in layout knows by its
    # start): drafted as a field of its own, its J rows were lines, counted twice.
    table = _write_csv(
        tmp_path / "t.csv",
        "Begrotingsjaar,Begroting,Artikel,Omschrijving,Indicatie totaal regel Ja/Nee,Bedrag t\n"
        "2017,XIII,1,Subsidie A,N,100\n"
        "2017,XIII,1,Subsidie B,N,50\n"
        "2017,XIII,1,Totaal artikel 1,J,150\n",
    )
    text = _draft(table)
    assert 'flag = "total_flag"  # guess: rows whose total_flag is J are totals' in text
    lines, _ = _lines(table, text)
    assert [euros for *_, euros in lines] == [Decimal("100000.00"), Decimal("50000.00")]


def test_two_columns_of_one_label_are_each_their_own_field(tmp_path: Path) -> None:
    # "Omschrijving" twice (the article's and the regeling's): the key was guessed from the
    # first column's values for both, so rows told apart by the second stayed duplicates.
    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuk;Artikel;Omschrijving;Omschrijving;Bedrag\n"
        "XIII;1;Bedrijvenbeleid;AI-fabriek;100\n"
        "XIII;1;Bedrijvenbeleid;Andere regeling;200\n",
    )
    text = _draft(table)
    assert 'key = ["chapter", "article", "description", "omschrijving"]' in text
    lines, codes = _lines(table, text)
    assert "duplicate-key" not in codes
    assert len(lines) == 2


SERIES_TABLES = {
    # a begrotingsstaat as the law prints it: a row per article, a column per series
    "words": (
        "Begrotingsstaat XIII Economische Zaken 2025 (bedragen x € 1.000)\n"
        "Hoofdstuk;Artikel;Omschrijving;Verplichtingen;Uitgaven;Ontvangsten\n"
        "XIII;1;Goed functionerende economie;12.345;11.000;500\n"
        "XIII;2;Bedrijvenbeleid;5.100;4.900;0\n"
    ),
    "letters and stands": (
        "Hfd;Art.;Omschrijving;V;U;O\nXIII;1;Goed functionerende economie;12.345;11.000;500\n"
        "XIII;2;Bedrijvenbeleid;5.100;4.900;-\n"
    ),
}


@pytest.mark.parametrize("name", list(SERIES_TABLES))
def test_a_column_per_series_is_drafted_with_its_series_and_each_line_has_it(
    tmp_path: Path, name: str
) -> None:
    table = _write_csv(tmp_path / "staat.csv", SERIES_TABLES[name])
    drafted = _draft(table)
    assert [line.split("  #")[0] for line in drafted.splitlines() if line.startswith("series")] == [
        'series = "V"',
        'series = "U"',
        'series = "O"',
    ]
    layout = tmp_path / "drafted.toml"
    layout.write_text(drafted, encoding="utf-8")
    read = read_file(table, table.name, None, str(layout))
    assert read.table is not None
    assert [
        (line.values["article"], line.values["series"], line.amount)
        for line in read.table.lines
        if line.amount
    ] == [
        ("1", "V", Decimal("12345000.00")),
        ("1", "U", Decimal("11000000.00")),
        ("1", "O", Decimal("500000.00")),
        ("2", "V", Decimal("5100000.00")),
        ("2", "U", Decimal("4900000.00")),
    ]
    result = CliRunner().invoke(cli, ["validate", "--layout", str(layout), str(table)])
    assert result.exit_code == 0, result.output


def test_a_label_names_a_series_by_its_word_or_as_a_letter_alone() -> None:
    from reconcile.read.draft import _label_series

    assert [
        _label_series(label)
        for label in ("V", "uitgaven", "Stand ontvangsten", "Bedrag u", "Uitgaven en ontvangsten")
    ] == ["V", "U", "O", None, None]


def test_a_layout_series_is_v_u_or_o(tmp_path: Path) -> None:
    from reconcile.errors import ConfigError
    from reconcile.read.layouts import parse_layout

    data = {"name": "s", "unit": "x € 1.000", "columns": {"article": "Artikel"}}
    good = parse_layout(
        {**data, "amounts": [{"name": "u", "label": "U", "series": "Uitgaven"}]}, "s"
    )
    assert good.amounts[0].series == "U"
    with pytest.raises(ConfigError, match="is not V, U or O"):
        parse_layout({**data, "amounts": [{"name": "x", "label": "X", "series": "W"}]}, "s")


def test_a_begrotingsstaat_under_a_two_row_header_is_drafted_and_read_unedited(
    tmp_path: Path,
) -> None:
    # The suppletoire law's own table: a budget moment in the first header row (merged over
    # its three columns), V/U/O in the second; the article and description above blanks; a
    # Totaal row first, and the articles under a heading of their own.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    moments = ["Vastgestelde begroting (1)", "Mutaties 2e suppletoire begroting (2)"]
    series = ["Verplichtingen", "Uitgaven", "Ontvangsten"]
    for row in [
        ["Wijziging begrotingsstaat Economische Zaken (XIII) 2025 (bedragen x € 1.000)"],
        ["Art.", "Omschrijving", moments[0], None, None, moments[1], None, None],
        [None, None, *series, *series],
        [None, "Totaal", 17445, 15900, 500, 5100, 4850, 0],
        [None, "Beleidsartikelen"],
        [1, "Goed functionerende economie", 12345, 11000, 500, 0, -250, 0],
        [2, "Bedrijvenbeleid", 5100, 4900, 0, 5100, 5100, 0],
    ]:
        sheet.append(row)
    for cells in ("C2:E2", "F2:H2", "A2:A3", "B2:B3"):
        sheet.merge_cells(cells)
    table = tmp_path / "staat.xlsx"
    book.save(table)
    drafted = _draft(table)
    assert 'above = "Mutaties 2e suppletoire begroting (2)"' in drafted
    layout = tmp_path / "drafted.toml"
    layout.write_text(drafted, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--layout", str(layout), str(table)])
    assert result.exit_code == 0, result.output
    read = read_file(table, table.name, None, str(layout))
    assert read.table is not None
    assert {line.values["description"] for line in read.table.lines} == {
        "Goed functionerende economie",
        "Bedrijvenbeleid",
    }  # the Totaal row is checked, never a line; the heading has none
    assert [
        (line.values["article"], line.values["moment"], line.values["series"], line.amount)
        for line in read.table.lines
        if line.amount and line.values["article"] == "2"
    ] == [
        ("2", "vastgestelde begroting (1) verplichtingen", "V", Decimal("5100000.00")),
        ("2", "vastgestelde begroting (1) uitgaven", "U", Decimal("4900000.00")),
        ("2", "mutaties 2e suppletoire begroting (2) verplichtingen", "V", Decimal("5100000.00")),
        ("2", "mutaties 2e suppletoire begroting (2) uitgaven", "U", Decimal("5100000.00")),
    ]


def test_an_amount_above_label_picks_its_column_under_the_moment_named(tmp_path: Path) -> None:
    table = _write_csv(
        tmp_path / "staat.csv",
        "Art.;Omschrijving;Stand;;Mutatie;\n;;V;U;V;U\n1;Economie;10;9;-1;-2\n",
    )
    layout = tmp_path / "staat.toml"
    layout.write_text(
        'name = "staat"\nunit = "x € 1.000"\n[columns]\narticle = "Art."\n'
        'description = "Omschrijving"\n'
        '[[amounts]]\nname = "mutatie u"\nlabel = "U"\nabove = "Mutatie"\nseries = "U"\n'
        "[checks]\nkey = []\n",
        encoding="utf-8",
    )
    read = read_file(table, table.name, None, str(layout))
    assert read.table is not None
    [line] = read.table.lines
    assert (line.cells["amount"].cell, line.values["series"], line.amount) == (
        "F3",
        "U",
        Decimal("-2000.00"),
    )
    wrong = layout.read_text(encoding="utf-8").replace('above = "Mutatie"', 'above = "Realisatie"')
    other = tmp_path / "other.toml"
    other.write_text(wrong, encoding="utf-8")
    assert read_file(table, table.name, None, str(other)).table is None  # no such column


# Totals at several levels, rounded totals, and the older begrotingsstaten' "Rijk" block.

EDITIONS = Path(__file__).parent / "editions"


def _checked(path: Path, layout: Path | None) -> list[tuple[str | None, str]]:
    """The errors and warnings `validate` gives on ``path`` (with ``layout``, else the
    built-in layout its header names), as (cell, code)."""
    from reconcile.announcement import load_announcement
    from reconcile.pipeline import validate

    report = validate(
        [str(path)], load_announcement(None), layout=None if layout is None else str(layout)
    )
    return sorted(
        ((f.location.cell, f.code) for f in report.findings if f.severity != "info"), key=str
    )


def _builtin_lines(path: Path) -> list[Line]:
    """The lines of ``path`` read by the built-in layout its header names."""
    read = read_file(path, path.name, None, None)
    assert read.table is not None
    lines = [
        (
            str(line.values.get("chapter")),
            str(line.values.get("article")),
            line.year if isinstance(line.year, int) else None,
            line.amount,
        )
        for line in read.table.lines
        if line.amount is not None
    ]
    return sorted(lines, key=str)


def _drafted_as_built_in(tmp_path: Path, name: str) -> str:
    """Drafts the real extract ``name`` (copied, so the draft stands beside it), and checks
    that the draft, unedited, reads every line of it as the built-in layout does, and gives
    the built-in layout's errors and warnings at the same cells: those are the data's (see
    docs/en/layouts.md "Checked by hand"). Returns the draft."""
    table = tmp_path / name
    table.write_bytes((EDITIONS / name).read_bytes())
    drafted = _draft(table)
    lines, _ = _lines(table, drafted)
    assert lines == _builtin_lines(table)
    assert _checked(table, tmp_path / "drafted.toml") == _checked(table, None)
    return drafted


B_TABLES_2017 = sorted(path.name for path in EDITIONS.glob("budgettaire_tabellen_owb_2017_*.csv"))


@pytest.mark.parametrize("name", B_TABLES_2017)
def test_a_draft_of_the_real_2017_b_table_checks_its_totals_at_every_level(
    tmp_path: Path, name: str
) -> None:
    # Drafted without levels, every J row (an article's total, a subdivision's, an
    # instrument's) was checked against all lines of its article: 4,234 total-mismatch on
    # the whole table, 152 with the built-in layout (the same 152 with the draft now).
    drafted = _drafted_as_built_in(tmp_path, name)
    assert 'levels = ["subdivision", "instrument", "breakdown", "detail"]' in drafted
    assert 'rounding = "half-unit"' in drafted
    assert '"detail"]  # guess: the key of the built-in layout budgettaire-tabellen' in drafted


def test_a_subtotal_of_the_real_2017_b_table_that_does_not_add_up_is_found(
    tmp_path: Path,
) -> None:
    # The drafted levels check each subtotal against the rows under it, not the whole
    # article: "1.1" of V article 1 U (row 27 of the extract, 58,381 in t-1 over its
    # regelingen's 58,381) made 1,000 larger is one finding at its own cell.
    table = tmp_path / "b.csv"
    table.write_bytes((EDITIONS / "budgettaire_tabellen_owb_2017_origineel.csv").read_bytes())
    _lines(table, _draft(table))
    assert _checked(table, tmp_path / "drafted.toml") == [("T27", "total-mismatch")]
    assert _wrong(tmp_path, table, ",55937 ,58381 ,", ",55937 ,59381 ,") == [
        ("T27", "total-mismatch"),
        ("U27", "total-mismatch"),
    ]


RIJK = [
    "begrotingsstaten_2013-2017_first_published.csv",  # "Rijk" in "miljoen", rows 32-37
    "begrotingsstaten_2013-2016_published_2016.csv",  # the 2013 block, rows 2-3
    "begrotingsstaten_2013-2014_opendata_2014.csv",  # one row of 2014, "138,1"
    "begrotingsstaten_2013-2018_rijksfinancien_visual.csv",  # "xmiljoen", "69.420,30"
]


@pytest.mark.parametrize("name", RIJK)
def test_a_draft_of_the_older_begrotingsstaten_knows_the_rijk_block(
    tmp_path: Path, name: str
) -> None:
    # The "Rijk" rows (each chapter's total for the whole government, in EUR mln among
    # lines x € 1.000) were drafted as lines: counted again, a thousand times over, with
    # chapter-unknown and article-invalid at each.
    drafted = _drafted_as_built_in(tmp_path, name)
    assert 'chapter = "^rijk$" }' in drafted
    assert '# guess: rows whose chapter is "Rijk", no budget chapter,' in drafted
    assert "unit_stated" not in drafted  # every row's unit column states its unit


def test_a_rijk_block_without_a_unit_column_is_known_by_its_chapter(tmp_path: Path) -> None:
    table = _write_csv(
        tmp_path / "t.csv",
        "Jaar;Hoofdstuk;Artikel;Omschrijving;Bedrag\n"
        "2025;XIII;1;Bedrijvenbeleid;100\n"
        "2025;XIII;2;Innovatie;200\n"
        "2025;X;1;Inzet;50\n"
        "2025;Rijk;XIII;Economische Zaken;300\n"
        "2025;Rijk;X;Defensie;50\n",
    )
    drafted = _draft(table)
    assert 'patterns = { chapter = "^rijk$" }  # guess: rows whose chapter is "Rijk", no' in (
        drafted
    )
    lines, _ = _lines(table, drafted)
    assert lines == [
        ("X", "1", 2025, Decimal("50000.00")),
        ("XIII", "1", 2025, Decimal("100000.00")),
        ("XIII", "2", 2025, Decimal("200000.00")),
    ]
    assert _checked(table, tmp_path / "drafted.toml") == []


def _wrong(tmp_path: Path, table: Path, old: str, new: str) -> list[tuple[str | None, str]]:
    """The findings of ``table`` with ``old`` written ``new``, read by its draft."""
    wrong = tmp_path / f"wrong{table.suffix}"
    text = table.read_text(encoding="utf-8")
    assert old in text
    wrong.write_text(text.replace(old, new), encoding="utf-8")
    return _checked(wrong, tmp_path / "drafted.toml")


def test_totals_flagged_three_levels_deep_are_each_checked_against_their_rows(
    tmp_path: Path,
) -> None:
    # An article's total over its onderdelen, each over its instruments, each over its
    # regelingen, flagged J by a B-table's column, in columns no built-in layout names.
    table = _write_csv(
        tmp_path / "t.csv",
        "Jaar,Hoofdstuk,Artikel,Artikelonderdeel,Instrument,Regeling,"
        "Indicatie totaal regel J/N,Bedrag\n"
        "2025,XIII,1,,,,J,600\n"
        "2025,XIII,1,1.1,,,J,350\n"
        "2025,XIII,1,1.1,Subsidies,,J,300\n"
        "2025,XIII,1,1.1,Subsidies,AI-fabriek,N,200\n"
        "2025,XIII,1,1.1,Subsidies,Innovatiekrediet,N,100\n"
        "2025,XIII,1,1.1,Opdrachten,,J,50\n"
        "2025,XIII,1,1.1,Opdrachten,Onderzoek,N,50\n"
        "2025,XIII,1,1.2,,,J,250\n"
        "2025,XIII,1,1.2,Bijdragen,,J,250\n"
        "2025,XIII,1,1.2,Bijdragen,RVO,N,150\n"
        "2025,XIII,1,1.2,Bijdragen,TNO,N,100\n"
        "2025,XIII,2,,,,J,80\n"
        "2025,XIII,2,2.1,Subsidies,,J,80\n"
        "2025,XIII,2,2.1,Subsidies,Regeling X,N,80\n",
    )
    drafted = _draft(table)
    assert (
        'levels = ["artikelonderdeel", "instrument", "description"]  # guess: a totals row '
        "that fills these columns sums the rows under it, which fill more of them: with them "
        "8 of the first rows' totals rows add up, without them 3"
    ) in drafted
    lines, _ = _lines(table, drafted)
    assert [euros for *_, euros in lines] == [
        Decimal(euros) * 1000 for euros in ("100", "100", "150", "200", "50", "80")
    ]
    assert _checked(table, tmp_path / "drafted.toml") == []
    # each level checked: an instrument's subtotal, and the onderdeel's total above it
    assert _wrong(tmp_path, table, "1.1,Opdrachten,,J,50", "1.1,Opdrachten,,J,60") == [
        ("H7", "total-mismatch")
    ]
    assert _wrong(tmp_path, table, ",1.2,,,J,250", ",1.2,,,J,260") == [("H9", "total-mismatch")]


def test_totals_known_by_their_description_nest_by_the_columns_they_leave_blank(
    tmp_path: Path,
) -> None:
    # "Subtotaal 1.1" under its onderdeel, "Totaal artikel 1" under its article, "Totaal"
    # of the chapter: drafted with the pattern alone, each was checked against every line
    # of the chapter.
    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuk;Artikel;Artikelonderdeel;Omschrijving;2025;2026\n"
        "XIII;1;1.1;AI-fabriek;200;300\n"
        "XIII;1;1.1;Innovatiekrediet;100;100\n"
        "XIII;1;1.1;Subtotaal 1.1;300;400\n"
        "XIII;1;1.2;Bijdrage RVO;150;150\n"
        "XIII;1;1.2;Subtotaal 1.2;150;150\n"
        "XIII;1;;Totaal artikel 1;450;550\n"
        "XIII;3;3.1;Opdrachten;80;90\n"
        "XIII;3;;Totaal artikel 3;80;90\n"
        "XIII;;;Totaal;530;640\n",
    )
    drafted = _draft(table)
    assert 'levels = ["article", "artikelonderdeel", "description"]' in drafted
    lines, _ = _lines(table, drafted)
    assert len(lines) == 8
    assert sum(euros for *_, euros in lines) == Decimal("1170000.00")
    assert _checked(table, tmp_path / "drafted.toml") == []
    assert _wrong(tmp_path, table, "Subtotaal 1.2;150;150", "Subtotaal 1.2;150;151") == [
        ("F6", "total-mismatch")
    ]
    assert _wrong(tmp_path, table, "Totaal;530;640", "Totaal;530;641") == [
        ("F10", "total-mismatch")
    ]


def test_totals_rounded_on_their_own_are_drafted_with_the_publications_rounding(
    tmp_path: Path,
) -> None:
    # In millions each amount and each total is rounded on its own: 14 + 23 + 31 = 68 under
    # a total of 69. Checked exactly, a correct table was an error; a total off by more
    # than its rounding still is.
    table = _write_csv(
        tmp_path / "t.csv",
        "Mutaties AI-fabriek (bedragen x € 1 mln)\n"
        "Hoofdstuk;Artikel;Omschrijving;2025;2026\n"
        "XIII;1;AI-fabriek;14;20\n"
        "XIII;1;Innovatiekrediet;23;25\n"
        "XIII;1;Regeling C;31;30\n"
        "XIII;1;Totaal artikel 1;69;74\n"
        "XIII;2;Bijdrage TNO;12;16\n"
        "XIII;2;Totaal artikel 2;12;16\n"
        "X;4;AI-fabriek;5;7\n"
        "X;4;Totaal artikel 4;5;7\n",
    )
    drafted = _draft(table)
    assert (
        'rounding = "half-unit"  # guess: 1 more of the first rows\' totals rows add up within '
        "the rounding of each amount on its own"
    ) in drafted
    lines, _ = _lines(table, drafted)
    assert len(lines) == 10
    assert _checked(table, tmp_path / "drafted.toml") == []
    assert _wrong(tmp_path, table, "Totaal artikel 1;69;74", "Totaal artikel 1;69;78") == [
        ("E6", "total-mismatch")
    ]


def test_whole_amounts_in_thousands_are_not_drafted_as_rounded(tmp_path: Path) -> None:
    # A total off by one in a table x € 1.000 of whole amounts is a slip, not rounding.
    table = _write_csv(
        tmp_path / "t.csv",
        "Hoofdstuk;Artikel;Omschrijving;2025\n"
        "XIII;1;AI-fabriek;14\nXIII;1;Innovatiekrediet;23\nXIII;1;Totaal artikel 1;38\n"
        "XIII;2;TNO;12\nXIII;2;Totaal artikel 2;12\n",
    )
    drafted = _draft(table)
    assert "rounding" not in drafted
    _lines(table, drafted)
    assert _checked(table, tmp_path / "drafted.toml") == [("D4", "total-mismatch")]


def test_a_row_flagged_as_a_total_with_nothing_under_it_is_a_part_of_its_total(
    tmp_path: Path,
) -> None:
    # "Bijdrage aan ZBO's" is flagged J but has no regeling under it: a leaf the
    # publication flags as a total. It is a part of its article's total, not hidden from it:
    # its amount made 60 breaks the article's 450.
    table = _write_csv(
        tmp_path / "t.csv",
        "Jaar,Hoofdstuk,Artikel,Instrument,Regeling,Indicatie totaal regel J/N,Bedrag\n"
        "2025,XIII,1,,,J,1000\n"
        "2025,XIII,1,Subsidies,,J,700\n"
        "2025,XIII,1,Subsidies,AI-fabriek,N,500\n"
        "2025,XIII,1,Subsidies,Innovatiekrediet,N,200\n"
        "2025,XIII,1,Opdrachten,,J,300\n"
        "2025,XIII,1,Opdrachten,Onderzoek,N,300\n"
        "2025,XIII,2,,,J,450\n"
        "2025,XIII,2,Subsidies,,J,400\n"
        "2025,XIII,2,Subsidies,Regeling X,N,400\n"
        "2025,XIII,2,Bijdrage aan ZBO's,,J,50\n",
    )
    drafted = _draft(table)
    assert 'levels = ["instrument", "description"]' in drafted
    lines, _ = _lines(table, drafted)
    assert len(lines) == 4
    assert _checked(table, tmp_path / "drafted.toml") == []
    assert _wrong(tmp_path, table, "ZBO's,,J,50", "ZBO's,,J,60") == [("G8", "total-mismatch")]


def test_a_draft_of_totals_levels_says_its_guesses_in_dutch_and_is_the_same_layout(
    tmp_path: Path,
) -> None:
    import tomllib

    table = _write_csv(
        tmp_path / "t.csv",
        "Mutaties (bedragen x € 1 mln)\n"
        "Jaar;Hoofdstuk;Artikel;Omschrijving;Bedrag\n"
        "2025;XIII;1;AI-fabriek;14\n2025;XIII;1;Innovatie;23\n2025;XIII;1;Totaal artikel 1;38\n"
        "2025;XIII;2;TNO;12\n2025;XIII;2;Totaal artikel 2;12\n"
        "2025;Rijk;XIII;Economische Zaken;50\n",
    )
    runs = {
        lang: CliRunner().invoke(cli, ["layouts", "draft", str(table), "--lang", lang])
        for lang in ("en", "nl")
    }
    dutch = runs["nl"].output
    assert "# gok: een totaalrij die deze kolommen vult, telt de rijen eronder op" in dutch
    assert "# gok: nog 1 totaalrij van de eerste rijen telt op binnen de afronding" in dutch
    assert '# gok: rijen waarvan chapter "Rijk" is, geen begrotingshoofdstuk' in dutch
    assert "# guess" not in dutch
    english, nederlands = (tomllib.loads(runs[lang].output) for lang in ("en", "nl"))
    assert english.pop("title") != nederlands.pop("title")
    assert nederlands == english
    assert english["totals"]["levels"] == ["article", "description"]


def test_a_column_of_its_own_flagging_totals_yes_or_no_is_drafted_as_the_flag(
    tmp_path: Path,
) -> None:
    # "Totaalregel (ja/nee)", a label no built-in layout knows: drafted as a field of its
    # own, its "Ja" rows were lines, and every amount counted twice (600 + 350 + ... over
    # lines of 200, 100, ...).
    table = _write_csv(
        tmp_path / "t.csv",
        "Jaar,Hoofdstuk,Artikel,Instrument,Regeling,Totaalregel (ja/nee),Bedrag\n"
        "2025,XIII,1,,,Ja,300\n"
        "2025,XIII,1,Subsidies,,Ja,300\n"
        "2025,XIII,1,Subsidies,AI-fabriek,Nee,200\n"
        "2025,XIII,1,Subsidies,Innovatiekrediet,Nee,100\n"
        "2025,XIII,2,,,Ja,80\n"
        "2025,XIII,2,Opdrachten,,Ja,80\n"
        "2025,XIII,2,Opdrachten,Onderzoek,Nee,80\n",
    )
    drafted = _draft(table)
    assert 'flag = "totaalregel_ja_nee"  # guess: rows whose totaalregel_ja_nee is Ja are' in (
        drafted
    )
    assert 'value = "Ja"' in drafted
    lines, _ = _lines(table, drafted)
    assert [euros for *_, euros in lines] == [
        Decimal("100000.00"),
        Decimal("200000.00"),
        Decimal("80000.00"),
    ]
    assert _checked(table, tmp_path / "drafted.toml") == []
    assert _wrong(tmp_path, table, "Subsidies,,Ja,300", "Subsidies,,Ja,310") == [
        ("G3", "total-mismatch")
    ]


def test_a_yes_no_column_that_names_no_totals_is_no_flag() -> None:
    # "Fiscaal" J/N says something of each line, not that it is a total.
    from reconcile.read.draft import draft_layout

    rows = [["Hoofdstuk", "Artikel", "Fiscaal", "Bedrag"], ["XIII", "1", "J", "5"]]
    rows.append(["XIII", "2", "N", "7"])
    assert "[totals]" not in draft_layout(rows, "t", "t.csv")
