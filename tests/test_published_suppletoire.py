"""Suppletoire tables as the memorie van toelichting prints them per article, in the editions
of 2014 as in those of 2020-2023 (tests/published/README.md), and their chain of columns,
"(1)", "(2)", "(3)=(1+2)", ..., "(5)=(3+4)": each column whose label says what it sums is
checked on every row, at its own cell, and a heading's cells in those columns against its
lines'."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.codes import render_message
from reconcile.pipeline import validate
from reconcile.read.find_table import read_chain
from tests.spec import announcement, write
from tests.test_editions import _iv_2021_sheet, _suppletoire_findings, _vws_2020_sheet

PUBLISHED = Path(__file__).parent / "published"
NOTES = {"description-unlabelled", "stand-year-inferred", "separator-assumed", "lines-not-counted"}


def _published_2014(name: str, titles: list[str]) -> list[list[object]]:
    """A table of 2014 as published: its titles above it, an Art. column, the empty cell
    above the row labels, then the rows as the page gives them."""
    with (PUBLISHED / name).open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [
        *[[title] for title in titles],
        [rows[0][0], None, *rows[0][2:]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def _koning_2014() -> list[list[object]]:
    return _published_2014(
        "i_2014_1supp_niet_beleidsartikelen.csv",
        ["De Koning (I), eerste suppletoire begroting 2014", "Bedragen x € 1.000"],
    )


def _koninkrijksrelaties_2014() -> list[list[object]]:
    return _published_2014(
        "iv_2014_1supp_artikel3.csv",
        [
            "Beleidsartikel 3 Nominaal en onvoorzien",
            "Budgettaire gevolgen van beleid (bedragen x € 1.000)",
        ],
    )


def _read(tmp_path: Path, rows: list[list[object]]) -> tuple[list[tuple[str, str]], list[tuple]]:
    write(tmp_path, {"Koning.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2014-2018", expect=[]), layout=None)
    # Chapters I and IV are no ministry's of the ministry table: the file's owner and chapter
    # are unknown (ministry-unknown, missing-column Hoofdstuk); the test reads the table.
    owner = [f for f in report.findings if f.params.get("field") == "Hoofdstuk"]
    assert [f.code for f in report.findings if f.code == "ministry-unknown"] == ["ministry-unknown"]
    assert [f.code for f in owner] == ["missing-column"]
    unowned = {"ministry-unknown", "missing-column"}
    found = [(f.location.cell, f.code) for f in report.findings if f.code not in NOTES | unowned]
    lines = [(ln.article, ln.series, ln.year, ln.description, ln.amount) for ln in report.lines]
    return found, lines


def test_a_table_of_2014_with_articles_nihil_and_its_chain_in_brackets_is_read(
    tmp_path: Path,
) -> None:
    # De Koning's 1e suppletoire begroting 2014, its three niet-beleidsartikelen: checked by
    # hand, (1) + (2) = (3) and (3) + (4) = (5) on every row (article 2: 26.779 + 54 =
    # 26.833), Uitgaven the sum of its articles in every column (2018: 43 + 9 = 52), and
    # Ontvangsten 65 + 131 = 196 over stands printed "nihil" (zero), not an amount unknown.
    found, lines = _read(tmp_path, _koning_2014())
    assert found == []
    thousand = Decimal(1000)
    spending = [(a, year, amount / thousand) for a, s, year, _, amount in lines if s == "U"]
    assert spending == [
        ("2", 2014, 54),
        ("2", 2015, 47),
        ("2", 2016, 45),
        ("2", 2017, 45),
        ("2", 2018, 43),
        ("3", 2014, 36),
        ("3", 2015, 10),
        ("3", 2016, 10),
        ("3", 2017, 10),
        ("3", 2018, 9),
    ]
    # Its chain, "(3=1+2)" and "(5 = 3+4)", is checked: article 2's ontwerpbegroting made
    # 26.780 (published: 26.779) is said at its vastgestelde begroting, and at Uitgaven's (1).
    rows = _koning_2014()
    assert rows[6][1] == "Functionele uitgaven van de Koning" and rows[6][2] == "26.779"
    rows[6][2] = "26.780"
    found, _ = _read(tmp_path, rows)
    assert found == [("C5", "total-mismatch"), ("E7", "chain-mismatch")]


def test_a_table_of_2014_with_colons_and_artikelonderdelen_on_its_lines_is_read(
    tmp_path: Path,
) -> None:
    # Koninkrijksrelaties' 1e suppletoire begroting 2014, article 3: series headings printed
    # "Uitgaven:" and each line numbered by its artikelonderdeel ("3.1 Loonbijstelling").
    # Checked by hand: every row's 1.223 ‒ 895 = 328 (3.1: 103 ‒ 69 = 34), and Uitgaven the
    # sum of its three lines in every column (2017: 33 + 16 ‒ 188 = ‒ 139). They were
    # series-invalid and article-invalid, and nothing was counted.
    found, lines = _read(tmp_path, _koninkrijksrelaties_2014())
    assert found == []
    assert {(article, series) for article, series, *_ in lines} == {("3", "U")}
    in_2014 = [(d, amount) for _, _, year, d, amount in lines if year == 2014]
    assert in_2014 == [
        ("Loonbijstelling", -69000),
        ("Prijsbijstelling", -620000),
        ("Onvoorzien", -206000),
    ]


def test_the_real_tables_chains_add_up_on_every_row(tmp_path: Path) -> None:
    # Checked by hand: VWS 2020 article 11, (1) + (2) = (3) on every row (Loonbijstelling:
    # 9.967 ‒ 3.856 = 6.111); Koninkrijksrelaties 2021 article 1 likewise (Grensbewaking:
    # 6.339 + 16.500 = 22.839), its instruments' empty cells stating nothing.
    for name, rows, years in (
        ("VWS.xlsx", _vws_2020_sheet(), "2020-2024"),
        ("Koninkrijksrelaties.xlsx", _iv_2021_sheet(), "2021-2025"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        write(folder, {name: rows})
        report = validate([str(folder)], announcement(years=years, expect=[]), layout=None)
        codes = {f.code for f in report.findings}
        assert not {"chain-mismatch", "stand-mismatch", "total-mismatch"} & codes, name


def test_a_vastgestelde_begroting_its_chain_does_not_add_up_to_is_said_at_its_cell(
    tmp_path: Path,
) -> None:
    # Loonbijstelling's ontwerpbegroting (1) made 9.968 (published: 9.967): 9.968 ‒ 3.856 is
    # not its vastgestelde begroting (3) 6.111, and its instrument's and series' (1) no longer
    # sum to their lines'. The stand check (5) = (3) + (4) still holds: nothing said there.
    rows = _vws_2020_sheet()
    assert rows[6][0] == "Loonbijstelling" and rows[6][1] == "9.967"
    rows[6][1] = "9.968"
    assert sorted(_suppletoire_findings(tmp_path, rows)) == [
        ("A3", "description-unlabelled"),
        ("B5", "total-mismatch"),
        ("B6", "total-mismatch"),
        ("D7", "chain-mismatch"),
        ("E3", "stand-year-inferred"),
    ]


def test_a_chain_mismatch_names_the_formula_of_its_label(tmp_path: Path) -> None:
    # Grensbewaking's mutations via NvW (2) made 16.600 (published: 16.500), the label with
    # its footnote mark "(2)1": 6.339 + 16.600 = 22.939, not (3)'s 22.839. Uitgaven's (2)
    # no longer sums its lines'; the instrument above states nothing (its cells are empty).
    rows = _iv_2021_sheet()
    assert rows[11][0] == "Grensbewaking (Defensie)" and rows[11][2] == "16.500"
    rows[11][2] = "16.600"
    write(tmp_path, {"Koninkrijksrelaties.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2021-2025", expect=[]), layout=None)
    checks = {"chain-mismatch", "stand-mismatch", "total-mismatch"}
    found = [f for f in report.findings if f.code in checks]
    assert [(f.location.cell, f.code) for f in found] == [
        ("C6", "total-mismatch"),
        ("D12", "chain-mismatch"),
    ]
    chain = found[1]
    assert (chain.params["formula"], chain.params["difference"]) == ("(3)=(1+2)", -100000)
    assert chain.params["label"] == "“Vastgestelde begroting 2021 (3)=(1+2)”"


def test_an_empty_cell_of_a_line_in_the_chain_is_zero(tmp_path: Path) -> None:
    # A line with no ontwerpbegroting (1) and its mutation via NvW (2) as its whole
    # vastgestelde begroting (3), as Excel's SUM takes an empty cell.
    rows: list[list[object]] = [
        ["Artikel 3 Digitalisering"],
        ["(bedragen x € 1.000)"],
        [
            None,
            "Ontwerpbegroting (1)",
            "Mutaties via NvW en amendementen (2)",
            "Vastgestelde begroting (3)=(1+2)",
            "Mutaties 1e suppletoire begroting (4)",
            "Stand 1e suppletoire begroting (5)=(3+4)",
            2026,
        ],
        ["Uitgaven", "0", "50", "50", "5", "55", "0"],
        ["Regeling AI-fabriek", None, "50", "50", "5", "55", "0"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    assert "chain-mismatch" not in {f.code for f in report.findings}
    rows[4][3] = "60"  # and (3) 60, (5) 65: the stand check holds, the chain does not
    rows[4][5] = "65"
    rows[3][3:6] = ["60", "5", "65"]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    cells = [(f.location.cell, f.code) for f in report.findings if "mismatch" in f.code]
    assert cells == [("D4", "chain-mismatch"), ("D5", "chain-mismatch")]


@pytest.mark.parametrize(
    ("labels", "chain"),
    [
        # the RBV's 1e suppletoire: (3) sums (1) and (2), (5) sums (3) and (4)
        (
            [
                "",
                "Ontwerp-begroting (1)",
                "Mutaties via NvW (2)1",
                "Vastgestelde (3)=(1+2)",
                "Mutaties (4)",
                "Stand (5)=(3+4)",
                "2021",
            ],
            [(4, "(3)=(1+2)", ((1, 2), (1, 3))), (6, "(5)=(3+4)", ((1, 4), (1, 5)))],
        ),
        # spaced out, as the 2e suppletoire of 2023 writes it
        (
            [
                "Art.",
                "",
                "Vastgestelde begroting (incl. NvW) (1)",
                "Mutaties (2)",
                "Stand 2e suppletoire begroting (3) = (1) + (2)",
            ],
            [(5, "(3) = (1) + (2)", ((1, 3), (1, 4)))],
        ),
        # a difference, as a jaarverslag's "Verschil" writes it
        (
            ["", "Realisatie (1)", "Vastgestelde begroting (2)", "Verschil (3)=(1)-(2)"],
            [(4, "(3)=(1)-(2)", ((1, 2), (-1, 3)))],
        ),
        # a formula naming a column no label numbers, or its own: nothing to check
        (["", "Stand (1)", "Mutatie (2)", "Stand (3)=(1+6)", "Stand (4)=(4+1)"], []),
    ],
)
def test_a_labels_formula_names_the_columns_it_sums(
    labels: list[str], chain: list[tuple[int, str, tuple[tuple[int, int], ...]]]
) -> None:
    found = read_chain(tuple(labels))
    assert [(c.column, c.formula, c.terms) for c in found] == chain


def test_a_ministrys_own_table_with_the_chain_as_columns_is_checked_along_it(
    tmp_path: Path,
) -> None:
    # A workbook with a line per row (chapter, article, year) and the RBV's five columns: the
    # mutation (4) is counted; Digitalisering's vastgestelde begroting (3) says 501 where its
    # (1) + (2) is 500, while its stand 1e suppletoire (5) is (3) + (4) exactly.
    rows: list[list[object]] = [
        [
            "Hoofdstuk",
            "Artikel",
            "Omschrijving",
            "Jaar",
            "Ontwerpbegroting (1)",
            "Mutaties via NvW en amendementen (2)",
            "Vastgestelde begroting (3)=(1+2)",
            "Mutaties 1e suppletoire begroting (4)",
            "Stand 1e suppletoire begroting (5)=(3+4)",
        ],
        ["XIII", 3, "AI-fabriek", 2025, 1000, 20, 1020, 5, 1025],
        ["XIII", 3, "Digitalisering", 2025, 500, 0, 501, 10, 511],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    checks = {"chain-mismatch", "stand-mismatch", "total-mismatch"}
    assert [(f.location.cell, f.code) for f in report.findings if f.code in checks] == [
        ("G3", "chain-mismatch")
    ]
    assert [(ln.description, ln.amount) for ln in report.lines] == [
        ("AI-fabriek", 5 * Decimal(1000)),
        ("Digitalisering", 10 * Decimal(1000)),
    ]


def _vws_2020_verdieping() -> list[list[object]]:
    """VWS's ontwerpbegroting 2020, verdieping of article 1 (tests/published/README.md): the
    article's heading, the caption, an empty cell above the row labels, the years."""
    with (PUBLISHED / "vws_2020_owb_verdieping_artikel1_uitgaven.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [
        ["Artikel 1 Volksgezondheid"],
        ["Opbouw uitgaven x € 1.000"],
        [None, *[int(year) for year in rows[0][1:]]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def _verdieping_findings(tmp_path: Path, rows: list[list[object]]) -> list[tuple[str, str]]:
    write(tmp_path, {"VWS.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2019-2024", expect=[]), layout=None)
    notes = NOTES | {"field-from-title", "chapter-from-ministry", "series-assumed"}
    return [(f.location.cell, f.code) for f in report.findings if f.code not in notes]


def test_a_verdieping_table_of_mutations_between_two_stands_is_read_and_checked(
    tmp_path: Path,
) -> None:
    # Checked by hand: in every year the stand before plus the mutations is the stand after
    # (2019: 730.754 + 38.090 + 0 + 9.520 + 7.000 ‒ 4.379 = 780.985). "Nieuwe mutaties"
    # ‒ 4.379 is a mutation like the others, not a reservation with the wrong sign.
    rows = _vws_2020_verdieping()
    assert _verdieping_findings(tmp_path, rows) == []
    write(tmp_path, {"VWS.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2019-2024", expect=[]), layout=None)
    in_2019 = {(ln.description, ln.amount / 1000) for ln in report.lines if ln.year == 2019}
    assert in_2019 == {
        ("Mutatie nota van wijziging 2019", 38090),
        ("Mutatie 1e suppletoire begroting 2019", 9520),
        ("Mutatie Incidentele 1e suppletoire begroting 2018", 7000),
        ("Nieuwe mutaties", -4379),
    }
    # The stand after 2019 made 780.986: said at its cell, with the stand before and the sum
    # of the mutations between them.
    assert rows[9][0] == "Stand ontwerpbegroting 2020" and rows[9][1] == "780.985"
    rows[9][1] = "780.986"
    assert _verdieping_findings(tmp_path, rows) == [("B10", "stand-mismatch")]
    write(tmp_path, {"VWS.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2019-2024", expect=[]), layout=None)
    (finding,) = [f for f in report.findings if f.code == "stand-mismatch"]
    assert (finding.params["before"], finding.params["mutation"]) == (730754000, 50231000)
    assert render_message(finding, "en") == (
        "“Stand ontwerpbegroting 2020” says EUR 780,986,000, but “Stand ontwerpbegroting 2019” "
        "EUR 730,754,000 + the mutations between them EUR 50,231,000 = EUR 780,985,000 "
        "(difference EUR 1,000)."
    )
    assert "de mutaties ertussen" in render_message(finding, "nl")


def test_a_year_the_stand_before_leaves_empty_is_not_checked(tmp_path: Path) -> None:
    # EZ's verdieping of 2018 prints no stand before for 2022, the new year: its stand after
    # is checked by nothing, the years before it are (tests/published/README.md).
    rows: list[list[object]] = [
        ["Artikel 1 Goed functionerende economie en markten"],
        ["Uitgaven beleidsartikel (bedragen x € 1.000)"],
        [None, 2021, 2022],
        ["Stand ontwerpbegroting 2017", "177.018", None],
        ["Overig", "313", None],
        ["Stand ontwerpbegroting 2018", "181.922", "181.922"],
    ]
    assert _verdieping_findings(tmp_path, rows) == [("B6", "stand-mismatch")]


def test_the_groeifonds_stands_add_up_and_its_negative_line_is_a_mutation(
    tmp_path: Path,
) -> None:
    # The Nationaal Groeifonds 2022 (tests/published/README.md), checked by hand: 1.000.000 ‒
    # 317.954 ‒ 275.000 ‒ 331.833 ‒ 19.963 = 55.250 in 2021, and so in every year. "Overige
    # mutaties" ‒ 19.963 has no article (missing-value, a real gap), but is a mutation.
    from tests.test_kinds import groeifonds_rows

    write(tmp_path, {"Groeifonds.xlsx": groeifonds_rows()})
    report = validate([str(tmp_path)], announcement(years="2021-2026", expect=[]), layout=None)
    checks = {"stand-mismatch", "negative-reservation", "missing-value"}
    found = [(f.location.cell, f.code) for f in report.findings if f.code in checks]
    assert found == [("B7", "missing-value")]


def test_two_blocks_of_stands_in_one_table_are_checked_each_on_its_own(tmp_path: Path) -> None:
    # A verdieping may print its expenditure and its receipts one below the other (EZK's of
    # 2018 in two tables, tests/published/README.md): the expenditure's stand after and the
    # receipts' stand before, with no line between them, are no stand and mutations.
    rows: list[list[object]] = [
        ["Artikel 1 Goed functionerende economie en markten"],
        ["(bedragen x € 1.000)"],
        [None, 2019, 2020],
        ["Stand ontwerpbegroting 2017", "185.726", "178.626"],
        ["Loon- en prijsbijstelling", "4.119", "3.946"],
        ["Stand ontwerpbegroting 2018", "189.845", "182.572"],
        ["Stand ontwerpbegroting 2017", "30.900", "30.900"],
        ["Overig", "162", "162"],
        ["Stand ontwerpbegroting 2018", "31.062", "31.062"],
    ]
    assert _verdieping_findings(tmp_path, rows) == []
    rows[8][2] = "31.063"
    assert _verdieping_findings(tmp_path, rows) == [("C9", "stand-mismatch")]
