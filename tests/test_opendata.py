"""Open-data tables: layouts as data, CSV reading, the layout checks, and the real files."""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.announcement import load_announcement
from reconcile.cli import cli
from reconcile.codes import render_message
from reconcile.money import AmountError
from reconcile.pipeline import validate
from reconcile.read import read_file
from reconcile.read.layouts import LayoutTable, load_layouts, parse_layout_amount
from reconcile.read.read_cells_csv import decode_text, detect_delimiter
from reconcile.report.record import Report
from tests.builders import Sheet, write_workbook
from tests.spec import message

# The Ministry of Finance's open data, kept beside the repository (see ../shared/data/README.md).
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BEGROTINGSSTATEN = DATA / "six_ministries_begrotingsstaten_2019-2021_extract.csv"
B_TABLES = DATA / "budgettaire_tabellen_owb_2016_origineel_subset_6hfd.csv"
OMBUIGINGEN = DATA / "ombuigings_en_intensiveringslijst_2020.xlsx"
MAPPING = DATA / "rutte2_vs_rutte3_artikel_wijzigingen.csv"

needs_data = pytest.mark.skipif(
    not DATA.is_dir() and not os.environ.get("CI"),
    reason=f"the real open data is not beside the repository ({DATA})",
)

STATEN_HEADER = (
    "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
    "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
    "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
)
B_HEADER = [
    "Begrotingsjaar",
    "Begrotings hoofdstuk",
    "Naam Begroting",
    "Begrotingsfase OWB=ontwerpbegroting",
    "Artikel nummer zoals in het witte stuk",
    "Omschrijving artikel",
    "V/U/O (Verplichtingen/Uitgaven/Ontvangsten)",
    "Indicatie totaal regel J/N",
    "Nr. onderverdeling zoals in de witte stukken",
    "Financieel instrument/Apparaat",
    "Uitsplitsing fin.instrument cq apparaat",
    "Nadere omschrijving zoals in b-tabel staat",
    "Bedrag t-2",
    "Bedrag t-1",
    "Bedrag t",
    "Bedrag t+1",
    "Bedrag t+2",
    "Bedrag t+3",
    "Bedrag t+4",
    "",
]


def _validate(*paths: Path, layout: str | None = None) -> Report:
    return validate([str(p) for p in paths], load_announcement(None), layout=layout)


@functools.cache
def _real(path: Path) -> Report:
    """The validate report of a real file, read once for the tests that look at it."""
    return _validate(path)


def _flat(report: Report) -> list[tuple[str | None, str]]:
    return [(f.location.cell, f.code) for f in report.findings]


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


def _b_row(*cells: str) -> str:
    return ",".join(f'"{c}"' if "," in c else c for c in cells)


# --- layouts ---------------------------------------------------------------------------------


def test_built_in_layouts_are_listed_by_the_command() -> None:
    result = CliRunner().invoke(cli, ["layouts"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert names == ["begrotingsstaten", "budgettaire-tabellen", "ombuigingslijst"]
    assert sorted(load_layouts()) == names


def test_an_unknown_layout_is_a_usage_error(tmp_path: Path) -> None:
    path = _csv(tmp_path / "x.csv", [STATEN_HEADER])
    result = CliRunner().invoke(cli, ["validate", "--layout", "nope", str(path)])
    assert result.exit_code == 2
    assert "unknown layout 'nope'" in result.output


def test_a_named_layout_the_file_does_not_have_names_the_missing_labels(tmp_path: Path) -> None:
    path = _csv(tmp_path / "staten.csv", [STATEN_HEADER, "2020,U,VII,BZK,1,Art,1,2,3,4,5"])
    report = _validate(path, layout="budgettaire-tabellen")
    assert _flat(report) == [(None, "csv-detected"), (None, "layout-not-found")]
    assert '"Begrotings hoofdstuk"' in message(report.findings[1])
    assert report.exit_code == 2


@pytest.mark.parametrize(
    ("layout", "text", "euros"),
    [
        ("budgettaire-tabellen", "16,323", Decimal(16_323_000)),  # English thousands comma
        ("budgettaire-tabellen", "-1,234.5", Decimal(-1_234_500)),
        ("budgettaire-tabellen", "1.234", Decimal(1_234)),  # a decimal point, not Dutch
        ("budgettaire-tabellen", "1.234,5", None),  # a Dutch number in an English column
        ("budgettaire-tabellen", "88%", None),
        ("begrotingsstaten", "-726", Decimal(-726_000)),
        ("ombuigingslijst", "-1,5", Decimal(-1_500_000)),  # Dutch, EUR mln
        ("ombuigingslijst", "-1.900+PM", None),
        ("ombuigingslijst", "50-125", None),
    ],
)
def test_amounts_are_read_in_the_layouts_number_format_and_unit(
    layout: str, text: str, euros: Decimal | None
) -> None:
    spec = load_layouts()[layout]
    if euros is None:
        with pytest.raises(AmountError):
            parse_layout_amount(text, spec)
    else:
        assert parse_layout_amount(text, spec) == euros


def test_a_layout_of_ones_own_is_a_toml_file_named_with_layout(tmp_path: Path) -> None:
    layout = tmp_path / "reservering.toml"
    layout.write_text(
        """
name = "reservering"
unit = "x € 1 mln"
numbers = "dutch"
[columns]
chapter = "Hfst"
article = "Art"
description = "Wat"
year = "Jaar"
[[amounts]]
name = "bedrag"
label = "Mln"
[checks]
key = ["chapter", "article", "description", "year"]
chapter = true
""",
        encoding="utf-8",
    )
    path = _csv(
        tmp_path / "r.csv",
        ["Hfst;Art;Wat;Jaar;Mln", "XIII;2;AI-fabriek;2025;5,1", "XIII;2;AI-fabriek;2025;1"],
    )
    report = _validate(path, layout=str(layout))
    assert _flat(report) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("A3", "duplicate-key"),
    ]
    table = read_file(path, "r.csv", layout=str(layout)).table
    assert table is not None
    assert [line.amount for line in table.lines] == [5_100_000, 1_000_000]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "x"\nunit = "x € 1.000"\ncolour = 1', "unknown keys colour"),
        ('name = "x"\n[columns]\nyear = "Jaar"', "the key 'unit' is missing"),
        ('name = "x"\nunit = "liters"', "is not a unit"),
        ("name = ", "is not valid TOML"),
    ],
)
def test_a_broken_layout_file_is_a_usage_error_naming_the_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    layout = tmp_path / "broken.toml"
    layout.write_text(text, encoding="utf-8")
    data = _csv(tmp_path / "x.csv", [STATEN_HEADER])
    result = CliRunner().invoke(cli, ["validate", "--layout", str(layout), str(data)])
    assert result.exit_code == 2
    assert message in result.output


# --- CSV reading -----------------------------------------------------------------------------


def test_encoding_is_decided_line_by_line() -> None:
    utf8 = "Financiën\n".encode()
    cp1252 = "Financiën – € 5\n".encode("cp1252")
    assert decode_text(utf8 + cp1252) == (
        "Financiën\nFinanciën – € 5\n",
        "UTF-8 and Windows-1252",
        (2,),
    )
    assert decode_text(cp1252) == ("Financiën – € 5\n", "Windows-1252", ())
    assert decode_text(b"\x81x\n")[1] == "Latin-1"  # 0x81 is undefined in Windows-1252
    assert decode_text(b"\xef\xbb\xbfa,b\n") == ("a,b\n", "UTF-8", ())
    assert decode_text("é,b\n".encode("utf-16")) == ("é,b\n", "UTF-16", ())


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("abc", ",")],
)
def test_delimiter_is_the_one_that_splits_the_header(line: str, delimiter: str) -> None:
    assert detect_delimiter(line + "\n1,2,3\n") == delimiter


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"PK\x03\x04rest of a zip", "it is a workbook (.xlsx, .xls or .ods), not a CSV file"),
        (b"a,b\n1,\x00\n", "it holds NUL bytes"),
        (b'a,"' + b"x" * 200_000 + b'"\n', "a cell holds more than 131072 characters"),
        # Rows are read as the table takes them: a huge field far down is found all the same,
        # below a layout's header and below the rows searched for one.
        (
            f"{STATEN_HEADER}\n".encode()
            + b"2020,U,VII,BZK,1,x,1,,,,\n" * 60
            + b'"'
            + b"x" * 200_000,
            "a cell holds more than 131072 characters",
        ),
        (b"a,b\n" * 60 + b'"' + b"x" * 200_000, "a cell holds more than 131072 characters"),
    ],
    ids=[
        "empty",
        "renamed-workbook",
        "nul",
        "huge-field",
        "huge-field-in-table",
        "huge-field-late",
    ],
)
def test_what_is_no_csv_file_is_refused_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    report = _validate(path)
    assert _flat(report) == [(None, "file-unreadable")]
    assert reason in message(report.findings[0])
    assert report.exit_code == 2


def test_a_mixed_encoding_semicolon_file_is_read_and_what_was_detected_is_said(
    tmp_path: Path,
) -> None:
    header = STATEN_HEADER.replace(",", ";")
    path = tmp_path / "staten.csv"
    path.write_bytes(
        (header + "\n").encode()
        + "2020;U;XVI;Volksgezondheid, Welzijn en Sport;1;Eén;10;11;12;13;14\n".encode()
        + "2020;U;IXB;Financiën;1;Belastingen;-5;-6;;;\n".encode("cp1252")
    )
    report = _validate(path)
    assert _flat(report) == [
        (None, "csv-detected"),
        (None, "encoding-mixed"),
        ("A1", "layout-detected"),
    ]
    assert message(report.findings[0]) == (
        "Read as CSV: semicolon-separated, encoding UTF-8 and Windows-1252."
    )
    assert report.findings[1].params["lines"] == "3"
    assert report.files[0].lines == 7  # 5 + 2 amounts; negative amounts are normal here
    assert report.exit_code == 0


def test_begrotingsstaten_checks_locate_every_failure_at_row_and_column(tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "staten.csv",
        [
            STATEN_HEADER,
            "2020,U,VII,BZK,1,Openbaar bestuur,100,110,,,",
            "2020,U,VII,BZK,1,Openbaar bestuur,100,110,,,",  # the same key again
            "2020,U/V,XXX,BZK,1a2,Iets,n.t.b.,1.234,,,",
            "20x0,,VII,BZK,2,Iets,1,2,3,4,5,extra",
        ],
    )
    report = _validate(path)
    assert _flat(report) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("A3", "duplicate-key"),
        ("B4", "series-invalid"),
        ("C4", "chapter-unknown"),
        ("E4", "article-invalid"),
        ("G4", "amount-not-a-number"),
        ("A5", "year-invalid"),
        ("B5", "missing-value"),
        ("L5", "value-without-header"),
    ]
    # A CSV cell is the file, no sheet, and the cell as a spreadsheet shows the file.
    amount = report.findings[6].location
    assert (amount.file, amount.sheet, amount.cell) == (str(path), None, "G4")
    assert str(amount) == f"{path}!G4"


@pytest.mark.parametrize("memo", [0, 1])
def test_texts_are_cleaned_the_same_whether_remembered_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memo: int
) -> None:
    from reconcile.read import layouts

    path = _csv(
        tmp_path / "staten.csv",
        [
            STATEN_HEADER,
            "2020,U,VII,BZK,1,\u00a0Openbaar  bestuur ,100,110,,,",
            "2020,U,VII,BZK,2,\u00a0Openbaar  bestuur ,100,110,,,",
            "2020, U ,VII,BZK,3,Openbaar bestuur,100,110,,,",
            "2020,U,VII,BZK,4,,100,110,,,",
        ],
    )

    def rows() -> list[tuple[int, dict[str, str]]]:
        table = read_file(path, "staten.csv").table
        assert isinstance(table, LayoutTable)
        return [(row.row, row.values) for row in table.rows]

    remembered = rows()
    monkeypatch.setattr(layouts, "TEXT_MEMO", memo)
    assert rows() == remembered
    assert [values["description"] for _, values in remembered] == ["Openbaar bestuur"] * 3 + [""]
    assert {values["series"] for _, values in remembered} == {"U"}


@pytest.mark.parametrize("memo", [0, 65_536])
def test_repeated_texts_are_reported_on_every_row_and_keys_match_however_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memo: int
) -> None:
    """Reading and validation work on each distinct text once: every row with a wrong text
    still gets its finding, and 7 and VII, u and U are still one key (also when reading
    remembers no text)."""
    from reconcile.read import layouts

    monkeypatch.setattr(layouts, "TEXT_MEMO", memo)
    path = _csv(
        tmp_path / "staten.csv",
        [
            STATEN_HEADER,
            "2020,U,XXX,BZK,1a2,Iets,1,2,,,",
            "2020,U,XXX,BZK,1a2,Iets,3,4,,,",  # the same wrong texts (and key) again
            "2020,U,VII,BZK,1,Iets,5,6,,,",
            "2020,u,7,BZK,1,Iets,7,8,,,",  # row 4's key, written otherwise
            "2020,U,#REF!,BZK,2,Iets,n.t.b.,10,,,",
            "2020,U,#REF!,BZK,2,Iets,n.t.b.,10,,,",  # row 6 again
            "2020,U,#REF!,BZK,2,Iets,n.t.b.,11,,,",  # a key not known: no duplicate-key
        ],
    )
    assert _flat(_validate(path)) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("C2", "chapter-unknown"),
        ("E2", "article-invalid"),
        ("A3", "duplicate-key"),
        ("C3", "chapter-unknown"),
        ("E3", "article-invalid"),
        ("A5", "duplicate-key"),
        ("C6", "cell-error"),
        ("G6", "amount-not-a-number"),
        ("A7", "duplicate-key"),
        ("C7", "cell-error"),
        ("G7", "amount-not-a-number"),
        ("C8", "cell-error"),
        ("G8", "amount-not-a-number"),
    ]


@pytest.mark.parametrize(
    ("detail", "amount", "findings"),
    [
        ("Waarvan juridisch verplicht (percentage)", "96%", []),  # a note stating a share
        ("Waarvan juridisch verplicht", "PM", ["G3", "O3"]),  # a note, no share: said
        ("Subsidies", "96%", ["G3", "O3"]),  # a line with a percentage: no amount, no series
    ],
)
def test_b_table_a_note_stating_a_share_is_no_line(
    tmp_path: Path, detail: str, amount: str, findings: list[str]
) -> None:
    # The 2016 table's XIII article 11: below the U total, "Waarvan juridisch verplicht
    # (percentage)" with "96%" in Bedrag t and no V/U/O, as the Kamerstuk prints it.
    base = ["2016", "XIII", "EZ", "OWB", "11", "Economie"]

    def row(series: str, flag: str, text: str, amount: str) -> str:
        return _b_row(*base, series, flag, "", "", text, "", "", "", amount, "", "", "", "")

    path = _csv(
        tmp_path / "b.csv",
        [_b_row(*B_HEADER), row("U", "J", "", "100"), row("", "N", detail, amount)],
    )
    flat = _flat(_validate(path))
    assert [cell for cell, code in flat if code.startswith(("missing", "amount"))] == findings


def test_a_block_repeated_whole_is_one_finding_its_copy_not_checked_again(
    tmp_path: Path,
) -> None:
    # The 2016 B-table subset holds its table twice (rows 1037-2071 repeat 2-1036), with the
    # original's problems in the copy: each was reported twice (128 cell-errors, 58 values
    # without a header, ...). The copy is one duplicate-rows finding; the rest are the
    # original's.
    rows = [
        "2020,U,VII,BZK,#REF!,Iets,1,2,,,,",
        "2020,U,VII,BZK,2,Iets,n.t.b.,4,,,,stray",
        "2020,U,VII,BZK,3,Iets,5,6,,,,",
    ]
    path = _csv(tmp_path / "staten.csv", [STATEN_HEADER, *rows, *rows])
    assert _flat(_validate(path)) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("E2", "cell-error"),
        ("G3", "amount-not-a-number"),
        ("L3", "value-without-header"),
        ("A5", "duplicate-rows"),  # rows 5-7 repeat 2-4: E6, G6, L6 are not said again
    ]


def test_values_in_a_column_without_a_header_are_one_finding_per_column(
    tmp_path: Path,
) -> None:
    rows = [
        "2020,U,VII,BZK,1,Iets,1,2,,,,7",
        "2020,U,VII,BZK,2,Iets,3,4,,,,8",  # column L: a column the publication added
        "2020,U,VII,BZK,3,Iets,5,6,,,,9,shifted",  # column M: one value, a row shifted over
    ]
    path = _csv(tmp_path / "staten.csv", [STATEN_HEADER, *rows])
    report = _validate(path)
    assert _flat(report)[2:] == [("L2", "values-without-header"), ("M4", "value-without-header")]
    assert message(report.findings[2]) == (
        '3 values stand in column L, which has no header (L2:L4, the first "7"): a column '
        "the table's layout does not name, or rows shifted over."
    )


def test_values_without_a_header_are_grouped_per_sheet() -> None:
    from reconcile.codes import make_finding
    from reconcile.model import CellRef, Finding
    from reconcile.read.layouts import one_per_column

    def stray(sheet: str, cell: str) -> Finding:
        return make_finding("value-without-header", CellRef("b.xlsx", sheet, cell), value='"7"')

    found = one_per_column([stray("2016", "L2"), stray("2017", "L2"), stray("2016", "L3")])
    assert [(f.location.sheet, f.location.cell, f.code) for f in found] == [
        ("2016", "L2", "values-without-header"),
        ("2017", "L2", "value-without-header"),  # alone in its sheet's column L
    ]


# --- B-tables: totals rows flagged J ---------------------------------------------------------


def test_b_table_totals_of_programme_and_apparaat_are_two_rows(tmp_path: Path) -> None:
    # The 2016 table's shape (Defensie): an article's total, then its Programma and Apparaat
    # totals, each J with no level; only "Programma of Apparaat" tells them apart.
    header = [*B_HEADER[:6], "Programma of Apparaat", *B_HEADER[6:]]
    base = ["2016", "X", "Defensie", "OWB", "2", "Zeestrijdkrachten"]
    empty = ["", "", "", ""]
    years = ["", "", "", "", "", ""]

    def row(programme: str, flag: str, instrument: str, amount: str) -> str:
        levels = ["", instrument, "", "A" if instrument else ""]
        return _b_row(
            *base, programme, "U", flag, *(levels if instrument else empty), amount, *years
        )

    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*header),
            row("Niet toegedeeld", "J", "", "150"),
            row("Programma", "J", "", "100"),
            row("Programma", "N", "Opdrachten", "100"),
            row("Apparaat", "J", "", "50"),
            row("Apparaat", "N", "Personele uitgaven", "50"),
            row("Apparaat", "J", "", "60"),  # a second Apparaat total: the same key again
        ],
    )
    flat = _flat(_validate(path))
    assert [cell for cell, code in flat if code == "duplicate-key"] == ["A7"]


def test_b_table_regelingen_of_one_name_under_two_headings_are_two_rows(tmp_path: Path) -> None:
    # The 2016 table's VIII article 11 U: a "Gift (R)" under "Basisbeurs" and under
    # "Aanvullende beurs" (J, breakdown level; the regelingen leave the breakdown empty), and
    # XIII article 16 U: an "Overig" under "Duurzame veehouderij" and "Plantaardige
    # productie" (N lines on the breakdown level, each the sum of the lines after it).
    base = ["2016", "VIII", "OCW", "OWB", "11", "Studiefinanciering"]
    amounts = ["", "", "", "", "", "", ""]

    def row(flag: str, breakdown: str, detail: str, amount: str) -> str:
        instrument = "Inkomensoverdracht" if breakdown or detail else ""
        return _b_row(*base, "U", flag, "", instrument, breakdown, detail, amount, *amounts)

    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*B_HEADER),
            row("J", "", "", "1,000"),
            row("J", "Basisbeurs", "", "300"),
            row("N", "", "Gift (R)", "200"),
            row("N", "", "Prestatiebeurs", "100"),
            row("J", "Aanvullende beurs", "", "700"),
            row("N", "", "Gift (R)", "250"),  # another Gift: under Aanvullende beurs
            row("N", "Duurzame veehouderij", "", "300"),  # heads the two lines after it
            row("N", "Investeringsregeling", "", "100"),
            row("N", "Overig", "", "200"),
            row("N", "Plantaardige productie", "", "150"),  # heads the two lines after it
            row("N", "Overig", "", "100"),  # another Overig: under Plantaardige productie
            row("N", "Overig", "", "50"),  # a third, under the same heading: a repeated key
        ],
    )
    flat = _flat(_validate(path))
    assert [cell for cell, code in flat if code == "duplicate-key"] == ["A13"]


@pytest.mark.parametrize(
    ("heading", "findings"),
    [
        ("1,500", []),  # the sum of the two regelingen under it: a subtotal flagged N
        ("0", []),  # a heading that only labels them: a part adding nothing
        ("1,400", ["M2"]),  # neither: a part, and the article's total is then wrong
    ],
)
def test_b_table_a_heading_flagged_n_is_a_subtotal_where_it_adds_up(
    tmp_path: Path, heading: str, findings: list[str]
) -> None:
    # The 2016 table's VIII article 1: "Hoofdbekostiging" flagged N heads its regelingen.
    base = ["2016", "VIII", "OCW", "OWB", "1", "Primair onderwijs"]
    amounts = ["", "", "", "", "", "", ""]

    def row(flag: str, instrument: str, breakdown: str, detail: str, amount: str) -> str:
        return _b_row(*base, "U", flag, "", instrument, breakdown, detail, amount, *amounts)

    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*B_HEADER),
            row("J", "", "", "", "1,600"),
            row("N", "Bekostiging", "Hoofdbekostiging", "", heading),
            row("N", "Bekostiging", "", "Bekostiging PO", "1,000"),
            row("N", "Bekostiging", "", "Bekostiging Caribisch Nederland", "500"),
            row("N", "Bekostiging", "Prestatiebox", "", "100"),  # a leaf of the same level
        ],
    )
    flat = _flat(_validate(path))
    assert [cell for cell, code in flat if code == "total-mismatch"] == findings


@pytest.mark.parametrize(
    ("heading", "findings"),
    [
        ("1,500", []),  # the sum of the two regelingen after it: their heading, indent lost
        ("1,000", []),  # the first one's alone: a heading of one regeling, as VIII 15's 473
        ("1,400", ["M2"]),  # no run of the lines after it adds up to it: a part
    ],
)
def test_b_table_a_line_heading_lines_of_its_own_level_is_a_subtotal(
    tmp_path: Path, heading: str, findings: list[str]
) -> None:
    # The 2016 table's VIII article 15 U: "Publieke Omroep (omroepinstellingen)" 1,012,687,
    # then "Landelijke publieke omroep" 836,974, "Regionale omroep" 174,413 and
    # "Minderhedenprogrammering" 1,300, all on the regeling level: the printed indent lost.
    base = ["2016", "VIII", "OCW", "OWB", "15", "Media"]
    amounts = ["", "", "", "", "", "", ""]

    def row(flag: str, instrument: str, detail: str, amount: str) -> str:
        return _b_row(*base, "U", flag, "", instrument, "", detail, amount, *amounts)

    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*B_HEADER),
            row("J", "", "", "1,600"),
            row("N", "Bekostiging", "Publieke omroep", heading),
            row("N", "Bekostiging", "Landelijke publieke omroep", "1,000"),
            row("N", "Bekostiging", "Regionale omroep", "500"),
            row("N", "Bekostiging", "Mediawijsheid", "100"),
        ],
    )
    flat = _flat(_validate(path))
    assert [cell for cell, code in flat if code == "total-mismatch"] == findings


@pytest.mark.parametrize(
    ("article", "personnel", "findings"),
    [
        ("1,500", "1,000", []),  # every total is its parts' sum
        ("1,500", "1,200", ["M3"]),  # the subtotal is off its lines: said there, once
        ("1,600", "1,000", ["M2"]),  # the article's total is off its subtotals: said there
    ],
)
def test_b_table_a_subtotal_is_a_part_of_its_total_and_checked_against_its_lines(
    tmp_path: Path, article: str, personnel: str, findings: list[str]
) -> None:
    # The 2016 table's X article 5 U Apparaat: "Personele uitgaven" J 287,371 in t, its
    # lines 272,851; the Apparaat total is its two subtotals' sum (row 635, not 634).
    base = ["2016", "X", "Defensie", "OWB", "5", "Koninklijke Marechaussee"]
    amounts = ["", "", "", "", "", "", ""]

    def row(flag: str, instrument: str, breakdown: str, amount: str) -> str:
        return _b_row(*base, "U", flag, "", instrument, breakdown, "", amount, *amounts)

    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*B_HEADER),
            row("J", "", "", article),
            row("J", "Personele uitgaven", "", personnel),
            row("N", "Personele uitgaven", "Eigen personeel", "900"),
            row("N", "Personele uitgaven", "Externe inhuur", "100"),
            row("J", "Materiële uitgaven", "", "500"),
            row("N", "Materiële uitgaven", "ICT", "500"),
        ],
    )
    report = _validate(path)
    assert [f.location.cell for f in report.findings if f.code == "total-mismatch"] == findings
    if findings == ["M3"]:
        assert render_message(report.findings[-1], "nl").startswith(
            "Het subtotaal “Personele uitgaven” van hoofdstuk X artikel 5 U (t-2)"
        )


def test_b_table_totals_rows_equal_the_sum_of_their_detail_rows(tmp_path: Path) -> None:
    base = ["2016", "VII", "BZK", "OWB", "1", "Openbaar bestuur"]
    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*B_HEADER),
            # U total: 1,500 + 500 = 2,000 in t-2, but says 2,002 in t (the detail rows: 2,000;
            # the publication's rounding allows half a unit for each of the two and the total:
            # 1.5, so 2,001 in t-1 is no finding)
            _b_row(*base, "U", "J", "", "", "", "", "2,000", "2,001", "2,002", "", "", "", "", ""),
            _b_row(
                *base,
                "U",
                "N",
                "",
                "Subsidies",
                "",
                "A",
                "1,500",
                "1,500",
                "1,500",
                "",
                "",
                "",
                "",
                "",
            ),
            _b_row(
                *base, "U", "N", "", "Subsidies", "", "B", "500", "500", "500", "", "", "", "", ""
            ),
            # A "Waarvan" row tells how much is committed: it is not a part of the total, and
            # its "88%" a share, not an unreadable amount.
            _b_row(
                *base,
                "U",
                "N",
                "",
                "",
                "Waarvan juridisch verplicht",
                "",
                "",
                "",
                "88%",
                "",
                "",
                "",
                "",
                "",
            ),
            # V is never added to U: its own total, with no detail rows, is left alone.
            _b_row(*base, "V", "J", "", "", "", "", "9,999", "", "", "", "", "", "", ""),
        ],
    )
    report = _validate(path)
    assert _flat(report) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("O2", "total-mismatch"),
    ]
    mismatch = report.findings[2]
    assert mismatch.params["stated"] == 2_002_000  # x € 1.000, English thousands comma
    assert mismatch.params["computed"] == 2_000_000


def test_b_table_pm_is_no_amount_yet_and_a_dash_is_zero_as_published(tmp_path: Path) -> None:
    # The 2016 B-table writes 216 zeros as a spreadsheet's accounting dash " -   " and both the
    # 2016 and the 2017 tables write "pm" (pro memorie) where an amount is not known yet: a
    # total adds up without it. Each was an amount-not-a-number error (234 in 2016, 20 in 2017).
    base = ["2016", "VII", "BZK", "OWB", "1", "Openbaar bestuur"]
    empty = ["", "", "", ""]
    path = _csv(
        tmp_path / "b.csv",
        [
            _b_row(*B_HEADER),
            _b_row(*base, "U", "J", "", "", "", "", "2,000", "1,500", "pm", *empty, ""),
            _b_row(*base, "U", "N", "", "Subsidies", "", "A", "1,500", "1,500", "pm", *empty, ""),
            _b_row(*base, "U", "N", "", "Subsidies", "", "B", "500", " -   ", "p.m.", *empty, ""),
        ],
    )
    report = _validate(path)
    assert _flat(report) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("O2", "amount-pro-memorie"),
    ]
    pm = report.findings[2]
    assert message(pm) == (
        "3 amounts say “pm” (pro memorie: not known yet), this one first: each is read as a "
        "blank cell, as the publication means it."
    )
    assert message(pm, "nl").startswith("3 bedragen zijn “pm” (pro memorie: nog niet bekend)")
    table = read_file(path, "b.csv").table
    assert isinstance(table, LayoutTable)
    assert [read and read[1] for read in table.amounts["t-1"]] == [1_500_000, 1_500_000, 0]
    assert table.amounts["t"] == [None, None, None]


def test_a_workbook_line_written_pm_is_still_an_error(tmp_path: Path) -> None:
    # A ministry's reservation needs its amount: PM there is no publication's convention.
    from tests.spec import long_table
    from tests.spec import validate as validate_folder

    report = validate_folder(
        tmp_path, {"EZ.xlsx": long_table(["XIII", 2, "AI-fabriek", 2026, "PM"])}
    )
    assert "amount-not-a-number" in {f.code for f in report.findings}
    assert "amount-pro-memorie" not in {f.code for f in report.findings}


def test_a_b_table_variant_up_to_t_plus_5_gives_its_years(tmp_path: Path) -> None:
    header = [*B_HEADER[:-1], "Bedrag t+5"]  # since 2024 the B-tables run to t+5
    path = _csv(
        tmp_path / "b2025.csv",
        [
            _b_row(*header),
            _b_row(
                "2025",
                "XIII",
                "EZ",
                "OWB",
                "2",
                "Bedrijfsleven",
                "U",
                "N",
                "",
                "Subsidies",
                "",
                "AI-fabriek",
                "",
                "",
                "5,100",
                "1,000",
                "",
                "",
                "",
                "-1",
            ),
        ],
    )
    report = _validate(path)
    assert [f.code for f in report.findings] == ["csv-detected", "layout-detected"]
    table = read_file(path, "b2025.csv").table
    assert table is not None
    assert [(line.year, line.amount) for line in table.lines] == [
        (2025, 5_100_000),
        (2026, 1_000_000),
        (2030, -1_000),
    ]


def test_a_layout_table_in_a_workbook_is_read_like_its_csv(tmp_path: Path) -> None:
    rows = [
        STATEN_HEADER.split(","),
        [2020, "U", "XIII", "Economische Zaken", 2, "Bedrijfsleven", 5100, 5100, None, None, None],
        [2020, "U", "XIII", "Economische Zaken", 2, "Bedrijfsleven", 1, 1, None, None, None],
    ]
    staten = Sheet(rows, hidden_rows=[3])
    path = write_workbook(tmp_path / "staten.xlsx", {"Notes": [["about"]], "Staten": staten})
    report = _validate(path)
    assert [(f.location.sheet, f.location.cell, f.code) for f in report.findings] == [
        ("Staten", "A1", "layout-detected"),
        ("Staten", "A3", "duplicate-key"),
        ("Staten", "A3", "hidden-line"),  # hidden rows are read, and said
    ]
    assert report.files[0].layout == "begrotingsstaten"
    assert report.files[0].ministry == "EZ"


# --- the real files in ../shared/data --------------------------------------------------------


@needs_data
def test_real_begrotingsstaten_extract_is_valid() -> None:
    # ../shared/data/README.md: 516 rows, every (year, V/U/O, chapter, article) key once.
    # Checked by hand with Python's csv module: of 516 x 5 amount cells 1,018 are empty (not yet
    # published), so 1,562 lines; chapters VII, VIII, X, XIII, XIV, XVI.
    report = _real(BEGROTINGSSTATEN)
    assert [f.code for f in report.findings] == ["csv-detected", "layout-detected"]
    assert message(report.findings[0]) == "Read as CSV: comma-separated, encoding UTF-8."
    file = report.files[0]
    assert (file.layout, file.lines) == ("begrotingsstaten", 1562)
    assert file.chapters == ("VII", "VIII", "X", "XIII", "XIV", "XVI")
    assert report.exit_code == 0
    table = read_file(BEGROTINGSSTATEN, "staten.csv").table
    assert isinstance(table, LayoutTable)
    assert len(table.rows) == 516
    assert {row.values["series"] for row in table.rows} == {"V", "U", "O"}


@needs_data
def test_a_real_total_that_leaves_a_line_out_names_it() -> None:
    # X article 6 U (row 649): its N rows add up to 68,113 more in t-2 than the total says,
    # exactly row 654, the line whose description is the broken formula "Err:509"
    report = _real(B_TABLES)
    [t_2] = [f for f in report.findings if f.location.cell == "T649"]
    assert message(t_2).endswith(
        " Without EUR 68,113,000 at T654 the total adds up: does it leave that line out?"
    )


def test_real_b_table_subset_reports_its_real_problems_at_their_cells() -> None:
    # ../shared/data/README.md: 3,390 rows of which 487 blank. Checked by hand (csv module):
    # - rows 1037-2071 are the 2016 table of rows 2-1036 again (one block, its #NAME?/Err:509
    #   descriptions differing between the copies);
    # - rows 719 and 745 (EZ, "Waarvan juridisch verplicht (percentage)") state "96%" and
    #   "88%" in Bedrag t, as the printed table does, and in "% Juridisch verplicht": notes
    #   stating a share, no lines, so no V/U/O missing and no amount unreadable (16 before);
    # - row 301 has an eighth amount, "569", in the unnamed column AA;
    # - row 586 (Defensie, art. 2) has "#NAME?" as its breakdown (column R);
    # - row 648 has no chapter (column B);
    # - row 667, X art. 7 U: the J row says 409,194 in t+2 (column X), its N rows (669-675)
    #   add up to 411,694, as do its two J subtotals (668, 671);
    # - row 485, VIII art. 16 U: the J row says 926,503 in t-2, its N rows add up to 925,476
    #   and row 509, a regeling flagged J with no line under it, holds the 1,027 between: a
    #   leaf flagged as a total, counted as a part (no finding).
    table = read_file(B_TABLES, "b.csv").table
    assert isinstance(table, LayoutTable)
    assert len(table.rows) == 3390 - 487  # blank rows are skipped
    assert sum(row.is_total for row in table.rows) == 1046  # flagged J (csv module count)
    report = _real(B_TABLES)
    flat = _flat(report)
    assert flat[:2] == [(None, "csv-detected"), ("A1", "layout-detected")]
    for expected in [
        ("A1037", "duplicate-rows"),
        ("AA301", "values-without-header"),
        ("R586", "cell-error"),
        ("B648", "missing-value"),
        ("X667", "total-mismatch"),
    ]:
        assert expected in flat
    assert ("T485", "total-mismatch") not in flat
    # VIII article 8's eighth amount in the unnamed column AA, rows 301-329: one finding for
    # the column, not 29 for its cells
    [stray] = [f for f in report.findings if f.code == "values-without-header"]
    assert (stray.params["count"], stray.params["cells"]) == (29, "AA301:AA329")
    assert not [cell for cell, code in flat if code == "value-without-header"]
    assert not [cell for cell, code in flat if code == "amount-not-a-number"]
    assert [cell for cell, code in flat if code == "missing-value"] == ["B648"]
    # X article 2 U: the article's total ("Niet toegedeeld", row 584) and its Apparaat total
    # (row 590), both J with no level, are two rows told apart by "Programma of Apparaat";
    # VIII article 8 V flags two "Programma" totals with other amounts (301, 302): a real one.
    assert ("A590", "duplicate-key") not in flat
    assert ("A302", "duplicate-key") in flat
    # Defensie's regelingen whose text is a broken formula ("Err:509", "#NAME?": rows 589,
    # 686, ... and XIII article 40's 1029-1035) have no known key: each text is a cell-error,
    # not also a duplicate-key (25 before); nor is filler row 2922, a row-outside-table.
    assert ("R686", "cell-error") in flat
    assert ("A686", "duplicate-key") not in flat
    assert ("A2922", "duplicate-key") not in flat
    # Regelingen of one name under two headings are two rows: VIII article 11's "Gift (R)"
    # under "Basisbeurs" (row 371) and "Aanvullende beurs" (374), VIII article 25's, and XIII
    # article 16's "Overig" under four N headings (875, 879, 886, 888): 8 before. The one
    # left is real: VIII article 8 V has two totals with other amounts (rows 301, 302).
    assert ("A374", "duplicate-key") not in flat
    assert ("A879", "duplicate-key") not in flat
    assert [cell for cell, code in flat if code == "duplicate-key"] == ["A302"]
    # VIII articles 1 and 4 U flag N the breakdowns that head regelingen ("Hoofdbekostiging"
    # 8,979,272 = 8,967,791 + 11,481, row 133), and articles 14 and 15 U lines that head the
    # regelingen after them on their own level ("Culturele basisinfrastructuur" 487,566 =
    # 333,074 + 154,492, row 426): subtotals, so the four articles add up exactly (article 1
    # 9,674,957 in t-2, row 131); counted as parts they were 28 false total-mismatches.
    assert not [
        cell
        for cell, code in flat
        if code == "total-mismatch" and cell[1:] in ("131", "202", "424", "455")
    ]
    # The 16 left are real, each at the total that its parts do not add up to (x EUR 1,000),
    # a subtotal being a part of its article's total and its lines not:
    # - X art. 5 U Apparaat, its "Personele uitgaven" J (row 635, t to t+4): 287,371 in t,
    #   its lines 272,851 and an empty row 637: 14,520 missing, 19,520 from t+1 (the
    #   Apparaat total, row 634, is its two subtotals' sum);
    # - X art. 6 U (row 649, 7 amounts, no subtotals): row 654, a broken formula (Err:509)
    #   as its text, holds 68,113 in t-2, exactly what the total leaves out in every year;
    # - X art. 7 U Apparaat (row 667, t+1 to t+4): 409,194 in t+2, its J subtotals (and
    #   their lines) 411,694;
    # X art. 8 U Apparaat's "Materiële uitgaven" J (row 688) is right: 618,017 = rows 689
    # and 691, the lines right after it, without "- waarvan bijdrage agentschap RVB" (690) and
    # rows 692-693, "- waarvan" notes whose text broke (Err:509): the 2017 table, texts
    # intact, has "- waarvan overige exploitatie; attachés" 7,122 and "- waarvan bijdrage
    # door SSO Paresto" 29,367, 692-693's amounts in t. A "- waarvan" line may be a note or a
    # part: article 10's "- waarvan pensioenen ..." (705, 706) are parts of its 1,575,860.
    # It was 7 findings, as real until the B-table's memo took "- waarvan" too.
    assert Counter(cell[1:] for cell, code in flat if code == "total-mismatch") == {
        "635": 5,
        "649": 7,
        "667": 4,
    }
    subtotal = next(f for f in report.findings if f.location.cell == "V635")
    assert (subtotal.params["stated"], subtotal.params["computed"]) == (287_371_000, 272_851_000)
    assert render_message(subtotal, "en").startswith(
        "The subtotal “Personele uitgaven” of chapter X article 5 U (t) says"
    )
    block = next(f for f in report.findings if f.code == "duplicate-rows")
    assert dict(block.params) == {
        "first": 1037,
        "last": 2071,
        "other_first": 2,
        "other_last": 1036,
        "count": 1035,
    }
    total = next(f for f in report.findings if f.location.cell == "X667")
    assert (total.params["stated"], total.params["computed"]) == (409_194_000, 411_694_000)
    assert report.files[0].layout == "budgettaire-tabellen"
    assert report.exit_code == 1


@needs_data
def test_real_ombuigingslijst_is_read_with_its_pm_and_ranges_reported() -> None:
    # Checked by hand with openpyxl: sheet Budgetlijst, F1359 "-1.900+PM", F4091 "50-125",
    # E1702 "2022\xa0" (NBSP in a year: a valid year), E155 empty; amounts are EUR mln.
    report = _real(OMBUIGINGEN)
    flat = [(f.location.sheet, f.location.cell, f.code) for f in report.findings]
    assert flat[:2] == [
        ("Budgetlijst", "A1", "layout-detected"),
        ("Budgetlijst", "A1", "unit-assumed"),
    ]
    assert ("Budgetlijst", "F1359", "amount-not-a-number") in flat
    assert ("Budgetlijst", "F4091", "amount-not-a-number") in flat
    # its 19 cells "PM" are the publication's "not known yet": one note, no error each
    (pm,) = [f for f in report.findings if f.code == "amount-pro-memorie"]
    assert (pm.location.cell, pm.params["count"]) == ("F889", 19)
    assert ("Budgetlijst", "E155", "missing-value") in flat
    assert not [cell for _, cell, _ in flat if cell == "E1702"]
    assert report.files[0].unit == 1_000_000
    assert report.exit_code == 1


@needs_data
def test_a_real_b_table_partly_saved_as_windows_1252_gives_the_same_rows(tmp_path: Path) -> None:
    # The first 600 lines; lines 2-300 re-encoded as Windows-1252 (as an older export would
    # be), the rest UTF-8 (with "Materiële", "ZBO’s", ...: both encodings are really there).
    lines = B_TABLES.read_text("utf-8").split("\n")[:600]
    mixed = [
        line.encode("cp1252") if 2 <= number <= 300 else line.encode("utf-8")
        for number, line in enumerate(lines, start=1)
    ]
    assert not all(line.isascii() for line in mixed[1:300])
    assert not all(line.isascii() for line in mixed[300:])
    (tmp_path / "utf8.csv").write_text("\n".join(lines), "utf-8")
    (tmp_path / "mixed.csv").write_bytes(b"\n".join(mixed))
    original = read_file(tmp_path / "utf8.csv", "b.csv")
    copy = read_file(tmp_path / "mixed.csv", "b.csv")
    assert original.table is not None and copy.table is not None
    assert original.table.lines == copy.table.lines
    assert [f.code for f in copy.findings[:3]] == [
        "csv-detected",
        "encoding-mixed",
        "layout-detected",
    ]
    assert str(copy.findings[0].params["encoding"]) == "UTF-8 and Windows-1252"
    assert render_message(copy.findings[0], "nl").endswith("codering UTF-8 en Windows-1252.")


@needs_data
def test_a_real_b_table_compared_with_an_edited_copy(tmp_path: Path) -> None:
    # Row 6 (BZK art. 1, "Communicatie, kennisdeling en onderzoek") says 995 in Bedrag t-2
    # (2014); the copy says 1,995. Its 1,035 repeated rows are compared occurrence by occurrence.
    lines = B_TABLES.read_bytes().split(b"\n")
    assert lines[5].count(b",995,608,") == 1
    lines[5] = lines[5].replace(b",995,608,", b',"1,995",608,')
    edited = tmp_path / "edited.csv"
    edited.write_bytes(b"\n".join(lines))
    result = CliRunner().invoke(cli, ["diff", str(B_TABLES), str(edited), "--format", "json"])
    document = json.loads(result.output)
    assert result.exit_code == 1
    assert document["summary"]["changed"] == 1
    assert (document["summary"]["added"], document["summary"]["removed"]) == (0, 0)
    change = document["changes"][0]
    assert change["key"]["year"] == "2014"
    assert (change["old"]["cell"], change["difference_eur"]) == ("T6", "1000000.00")
    assert document["net_effect"] == [
        {
            "ministry": "BZK",
            "year": 2014,
            "series": "U",
            "moment": "",
            "difference_eur": "1000000.00",
        }
    ]


@needs_data
def test_a_csv_of_no_known_layout_is_refused_with_a_clear_finding() -> None:
    report = _real(MAPPING)  # the was/wordt mapping of articles: not a budget table
    assert [f.code for f in report.findings] == ["csv-detected", "layout-not-found"]
    assert report.findings[0].params["delimiter"] == "semicolon"
    assert report.exit_code == 2


@needs_data
@pytest.mark.parametrize("path", [BEGROTINGSSTATEN, B_TABLES, OMBUIGINGEN, MAPPING], ids=str)
def test_every_real_file_validates_through_the_cli_as_json(path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(path), "--format", "json"])
    document = json.loads(result.output)
    assert result.exit_code == document["exit_code"] in (0, 1, 2)
    assert all(f["file"] == str(path) for f in document["findings"])


@pytest.mark.parametrize(
    "values", [{"chapter": "XIII", "year": "2025"}, {"moment": "old", "chapter": "XIII"}, {}]
)
def test_a_lines_values_are_its_rows_values_and_its_moment(values: dict[str, str]) -> None:
    from reconcile.read.layouts import LineValues

    line = LineValues(values, "realisatie")
    copied = {**values, "moment": "realisatie"}  # what each line used to hold
    assert line == copied
    assert list(line.items()) == list(copied.items())
    assert (len(line), line.get("moment"), line.get("article")) == (len(copied), "realisatie", None)
    # an amount column of one series ("Uitgaven") gives every line of it that series
    spent = LineValues(values, "uitgaven", "U")
    assert spent == {**values, "moment": "uitgaven", "series": "U"}
    assert len(spent) == len(values) + 1 + ("moment" not in values)


# --- a layout table kept by column -----------------------------------------------------------


def test_a_layout_tables_rows_and_lines_read_as_their_cells_say(tmp_path: Path) -> None:
    """Rows and lines are made from the table's columns when asked: the values, cells,
    amounts and years a row and a line give are those of the file."""
    path = _csv(
        tmp_path / "staten.csv",
        [
            STATEN_HEADER,
            "2020,U,VII,BZK,1,Openbaar bestuur,100,,,,7",
            "",  # a blank line is no row
            "2021,V,VII,BZK,2,Iets,n.t.b.,1,,,",
        ],
    )
    table = read_file(path, "staten.csv").table
    assert isinstance(table, LayoutTable)
    first, last = table.rows[0], table.rows[-1]
    assert (len(table.rows), first.row, last.row, table.rows[1:][0].row) == (2, 2, 4, 4)
    assert dict(first.values) == {
        "year": "2020",
        "series": "U",
        "chapter": "VII",
        "ministry": "BZK",
        "article": "1",
        "description": "Openbaar bestuur",
    }
    assert (last.cells["article"].cell, last.is_total) == ("E4", False)
    assert list(first.amounts) == ["ontwerpbegroting", "realisatie"]
    assert [(line.row, line.amount, line.amount_problem) for line in table.lines] == [
        (2, 100_000, None),
        (2, 7_000, None),
        (4, None, "not-a-number"),
        (4, 1_000, None),
    ]
    line = table.lines[-1]
    assert line is last.amounts["vastgestelde begroting"]
    assert (line.values["moment"], line.values["article"], line.year) == (
        "vastgestelde begroting",
        "2",
        2021,
    )
    assert (line.cells["amount"].cell, line.cells["chapter"].cell) == ("H4", "C4")
    with pytest.raises(IndexError):
        table.rows[2]


def test_a_short_row_has_its_missing_fields_empty(tmp_path: Path) -> None:
    path = _csv(tmp_path / "staten.csv", [STATEN_HEADER, "2020,U,VII"])
    table = read_file(path, "staten.csv").table
    assert isinstance(table, LayoutTable)
    assert dict(table.rows[0].values) == {
        "year": "2020",
        "series": "U",
        "chapter": "VII",
        "ministry": "",
        "article": "",
        "description": "",
    }
    # its place alone, without an article, description or amount: no line (as the
    # first-published begrotingsstaten' 2016 chapter V, rows 2313-2314), said once
    assert _flat(_validate(path))[2:] == [("A2", "row-outside-table")]


def test_a_layout_of_one_field_and_amounts_it_may_lack(tmp_path: Path) -> None:
    """One field column (its values picked one by one), and an amount column the file lacks:
    rows without any amount take no part in the key check."""
    layout = tmp_path / "jaren.toml"
    layout.write_text(
        """
name = "jaren"
unit = "x € 1"
numbers = "plain"
optional = {amounts = ["bedrag"]}
[columns]
year = "Jaar"
[[amounts]]
name = "bedrag"
label = "Bedrag"
[checks]
key = ["year"]
""",
        encoding="utf-8",
    )
    with_amounts = _csv(tmp_path / "a.csv", ["Jaar,Bedrag", "2025,1", "2025,2", "20x5,3"])
    assert _flat(_validate(with_amounts, layout=str(layout)))[2:] == [
        ("A3", "duplicate-key"),
        ("A4", "year-invalid"),
    ]
    table = read_file(with_amounts, "a.csv", layout=str(layout)).table
    assert table is not None
    assert [dict(line.values) for line in table.lines][-1] == {"year": "20x5", "moment": "bedrag"}
    assert [line.year for line in table.lines] == [2025, 2025, "20x5"]
    two_fields = tmp_path / "jaren-wat.toml"  # a layout file is read once per path
    two_fields.write_text(
        layout.read_text("utf-8").replace('year = "Jaar"', 'year = "Jaar"\nwhat = "Wat"'),
        encoding="utf-8",
    )
    without = _csv(tmp_path / "b.csv", ["Jaar,Wat", "2025,a", "2025,b"])
    assert _flat(_validate(without, layout=str(two_fields)))[2:] == []
    with_one = _csv(tmp_path / "c.csv", ["Jaar,Wat,Bedrag", "2025,a,", "2025,b,1", "2025,c,2"])
    assert _flat(_validate(with_one, layout=str(two_fields)))[2:] == [("A4", "duplicate-key")]


def test_totals_grouped_by_no_field_add_up_every_detail_row(tmp_path: Path) -> None:
    layout = tmp_path / "totaal.toml"
    layout.write_text(
        """
name = "totaal"
unit = "x € 1"
numbers = "plain"
[columns]
flag = "Totaal"
what = "Wat"
[[amounts]]
name = "bedrag"
label = "Bedrag"
[totals]
flag = "flag"
value = "J"
group = []
""",
        encoding="utf-8",
    )
    path = _csv(tmp_path / "t.csv", ["Totaal,Wat,Bedrag", "J,alles,10", "N,a,4", "N,b,5"])
    assert _flat(_validate(path, layout=str(layout)))[2:] == [("C2", "total-mismatch")]


@pytest.mark.parametrize(
    ("columns", "en", "nl"),
    [
        (
            ["Hfst", "Art", "VUO"],
            "The totals row of chapter XIII article 1 U",
            "De totaalregel van hoofdstuk XIII artikel 1 U",
        ),
        (
            ["Hfst", "Art"],
            "The totals row of chapter XIII article 1",
            "De totaalregel van hoofdstuk XIII artikel 1",
        ),
        (["Art", "VUO"], "The totals row of article 1 U", "De totaalregel van artikel 1 U"),
        (["Hfst"], "The totals row of chapter XIII", "De totaalregel van hoofdstuk XIII"),
        ([], "The totals row", "De totaalregel"),
    ],
)  # fmt: skip
def test_a_total_s_label_leaves_out_what_the_layout_does_not_have(
    tmp_path: Path, columns: list[str], en: str, nl: str
) -> None:
    # A drafted layout often has no series column: its totals were "chapter XIII article 1 ?
    # (2026)", and a layout with no key columns at all "chapter ? ? (2026)".
    fields = {"Hfst": "chapter", "Art": "article", "VUO": "series"}
    values = {"Hfst": "XIII", "Art": "1", "VUO": "U"}
    layout = tmp_path / "zonder.toml"
    layout.write_text(
        'name = "zonder"\nunit = "x € 1"\nnumbers = "plain"\n[columns]\nflag = "Totaal"\n'
        'what = "Wat"\n'
        + "".join(f'{fields[c]} = "{c}"\n' for c in columns)
        + '[[amounts]]\nname = "2026"\nlabel = "2026"\n[totals]\nflag = "flag"\n'
        'value = "J"\ngroup = []\n',
        encoding="utf-8",
    )
    rows = [("J", "alles", "10"), ("N", "a", "4"), ("N", "b", "5")]
    path = _csv(
        tmp_path / "t.csv",
        [",".join(["Totaal", "Wat", *columns, "2026"])]
        + [
            ",".join([flag, what, *(values[c] for c in columns), amount])
            for flag, what, amount in rows
        ],
    )
    (mismatch,) = [
        f for f in _validate(path, layout=str(layout)).findings if f.code == "total-mismatch"
    ]
    assert message(mismatch).startswith(f"{en} (2026) says EUR 10 but")
    assert message(mismatch, "nl").startswith(f"{nl} (2026) ")


def test_a_row_that_ends_before_its_year_has_the_year_missing(tmp_path: Path) -> None:
    """A short row whose year column lies beyond its last cell (it used to raise IndexError)."""
    layout = tmp_path / "laat.toml"
    layout.write_text(
        """
name = "laat"
unit = "x € 1"
numbers = "plain"
[columns]
what = "Wat"
chapter = "Hfst"
year = "Jaar"
[[amounts]]
name = "bedrag"
label = "Bedrag"
[checks]
key = ["chapter", "year"]
""",
        encoding="utf-8",
    )
    path = _csv(tmp_path / "l.csv", ["Wat,Hfst,Jaar,Bedrag", "a,XIII,2025,1", "b,XIII"])
    assert _flat(_validate(path, layout=str(layout)))[2:] == [("C3", "missing-value")]


def test_a_layout_line_copies_and_pickles_as_the_raw_line_it_stands_for() -> None:
    """A layout line makes its values and cells when asked; a copy holds them made."""
    import copy
    import pickle

    from reconcile.read import RawLine

    table = read_file(BEGROTINGSSTATEN, "staten.csv").table
    assert isinstance(table, LayoutTable)
    line = table.lines[7]
    for copied in (copy.copy(line), copy.deepcopy(line), pickle.loads(pickle.dumps(line))):
        assert type(copied) is RawLine
        assert (copied.row, copied.year, copied.amount) == (line.row, line.year, line.amount)
        assert dict(copied.values) == dict(line.values)
        assert dict(copied.cells) == dict(line.cells)
        assert copied.amount_raw == line.amount_raw


def test_a_cell_beyond_the_csv_limit_is_said_in_the_users_language(tmp_path: Path) -> None:
    # A 10 MB line: the csv module's own English ("field larger than field limit (131072)")
    # stood inside the Dutch message.
    from reconcile.codes import render_message

    path = tmp_path / "x.csv"
    path.write_bytes(b"Hoofdstuk;" + b"x" * (10 * 1024 * 1024))
    report = _validate(path)
    assert _flat(report) == [(None, "file-unreadable")]
    said = render_message(report.findings[0], "nl")
    assert "een cel bevat meer dan 131072 tekens" in said
    assert "field" not in said
