"""Real published editions of the budget tables, each read through its family's layout.

The extracts and where they come from: tests/editions/PROVENANCE.md. Each test says what the
edition shows that the others do not, and what reading it must give (checked by hand with
Python's csv module).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.announcement import load_announcement
from reconcile.codes import render_message
from reconcile.diff import diff_files
from reconcile.pipeline import validate
from reconcile.read import read_file
from reconcile.read.layouts import LayoutTable
from reconcile.report.record import Report
from tests.spec import message

EDITIONS = Path(__file__).parent / "editions"


@functools.cache
def _report(name: str) -> Report:
    return validate([str(EDITIONS / name)], load_announcement(None), layout=None)


def _table(name: str) -> LayoutTable:
    table = read_file(EDITIONS / name, name).table
    assert isinstance(table, LayoutTable)
    return table


def _codes(name: str) -> list[tuple[str | None, str]]:
    return [(f.location.cell, f.code) for f in _report(name).findings]


def _amount(table: LayoutTable, moment: str, **where: str) -> Decimal | None:
    """The euros of the one row whose fields are ``where``, for budget moment ``moment``."""
    rows = [r for r in table.rows if all(r.values.get(k) == v for k, v in where.items())]
    assert len(rows) == 1, rows
    line = rows[0].amounts.get(moment)
    return None if line is None else line.amount


# The begrotingsstaten's older open-data header (2013-2018), for tables built in a test.
OLDER_HEADER = (
    "Begrotingsjaar;Valuta;eenheid;Uitgaven (U) Verplichtingen (V) Ontvangsten (O);"
    "Begrotingsstaat;Onderdeel;Omschrijving;ontwerpbegroting;vastgestelde begroting;"
    "1ste suppletoire begroting;2de suppletoire begroting;Realisatie;Url"
)
EVERY_EDITION = sorted(path.name for path in EDITIONS.glob("*.csv"))


@pytest.mark.parametrize("name", EVERY_EDITION)
def test_every_real_edition_is_read_with_its_family_layout(name: str) -> None:
    family = "budgettaire-tabellen" if name.startswith("budgettaire") else "begrotingsstaten"
    report = _report(name)
    assert "layout-not-found" not in [f.code for f in report.findings]
    assert report.files[0].layout == family


@pytest.mark.parametrize("name", EVERY_EDITION)
def test_every_finding_on_a_real_edition_is_said_in_english_and_dutch(name: str) -> None:
    # A finding the report cannot word stops the whole run ("unexpected problem"): the
    # first-published begrotingsstaten and the 2015-2017 B-tables, whole, did so on their
    # unknown chapters until a table's chapter-unknown carried its hint.
    for finding in _report(name).findings:
        for lang in ("en", "nl"):
            text = message(finding, lang)
            assert text and "{" not in text, (finding, lang)


def test_the_older_header_splits_the_chapter_cell_and_applies_each_rows_unit() -> None:
    # 2013-2017 as first published: "A, Infrastructuurfonds" in one cell, "x1000" per row,
    # the "Rijk" block in "miljoen" with a decimal comma, TOTAAL rows with article "-", and a
    # printed table's header pasted below the data (rows 39-42).
    name = "begrotingsstaten_2013-2017_first_published.csv"
    table = _table(name)
    first = table.rows[0].values
    assert (first["chapter"], first["ministry"]) == ("A", "Infrastructuurfonds")
    assert _amount(table, "realisatie", year="2013", series="V", chapter="XVI", article="8") == (
        Decimal(5_556_917_000)
    )
    rijk = _amount(table, "vastgestelde begroting", series="O", chapter="Rijk", article="-")
    assert rijk == Decimal("81032.9") * 1_000_000  # "81032,9" x EUR 1 mln
    # Chapter A's 27 rows (9 articles x 3 series) and XVI article 8 V, 5 amounts each, none
    # empty; the TOTAAL and Rijk rows are checks and the pasted rows no table: 140 lines.
    assert table.line_count == 140
    assert _codes(name) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("A39", "row-outside-table"),
        ("A40", "row-outside-table"),
        ("A41", "row-outside-table"),
        ("A42", "row-outside-table"),
    ]


def test_dutch_thousands_points_and_a_total_with_an_empty_article_add_up() -> None:
    # rijksfinancien's copy of the older header: "4.068.504" beside "14461755", the 2015 XVI
    # TOTAAL row with an empty Onderdeel, and a 2016 "xmiljoen" block ("69.420,30").
    name = "begrotingsstaten_2013-2018_rijksfinancien_visual.csv"
    table = _table(name)
    assert _amount(table, "ontwerpbegroting", year="2015", chapter="XVI", article="8") == (
        Decimal(4_068_504_000)
    )
    assert _amount(table, "ontwerpbegroting", year="2016", chapter="Rijk", article="-") == (
        Decimal("69420.30") * 1_000_000
    )
    assert _codes(name) == [(None, "csv-detected"), ("A1", "layout-detected")]


def test_the_older_header_saved_as_windows_1252_reads_as_its_utf_8_copy(tmp_path: Path) -> None:
    # The older open-data files were published in Windows-1252 as well as UTF-8: the same
    # rows ("Curaçao" in IIb article 7) read alike from either.
    name = "begrotingsstaten_2013-2018_rijksfinancien_visual.csv"
    text = (EDITIONS / name).read_text("utf-8")
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    utf8, cp1252 = _table(name), _table_at(path)
    assert [dict(row.values) for row in cp1252.rows] == [dict(row.values) for row in utf8.rows]
    assert cp1252.rows[0].values["description"] == "Kabinet van de Gouverneur van Curaçao"
    assert cp1252.rows[0].values["chapter"] == "IIb"
    assert [line.amount for line in cp1252.lines] == [line.amount for line in utf8.lines]
    detected = next(f for f in cp1252.findings if f.code == "csv-detected")
    assert detected.params["encoding"] == "Windows-1252"


def test_the_website_extract_reads_floats_written_with_a_point_zero() -> None:
    name = "begrotingsstaten_2017_rijksfinancien_web.csv"
    table = _table(name)
    assert _amount(table, "eerste suppletoire", article="12") == Decimal(2_511_373_000)
    assert table.rows[0].values["description"] == "Hoofdwegennet"  # not the "artikel" column
    assert _codes(name) == [(None, "csv-detected"), ("A1", "layout-detected")]  # TOTAAL adds up


def test_a_cleaned_copy_and_the_2020_file_are_valid() -> None:
    for name in (
        "begrotingsstaten_2013-2017_openstate_cleaned.csv",
        "begrotingsstaten_2013-2021_rijksfinancien_2020.csv",
    ):
        assert _codes(name) == [(None, "csv-detected"), ("A1", "layout-detected")]


def test_the_begrotingsstaten_published_in_2016_show_their_three_real_problems() -> None:
    # opendata.rijksbegroting.nl's begrotingsstaten as copied in January 2016 (2013-2016,
    # the older header), read whole: 8 findings, each a real problem, checked by hand against
    # the edition of 2017 (openstate/minfin's begrotingsstaten_origineel.csv).
    name = "begrotingsstaten_2013-2016_published_2016.csv"
    assert _codes(name) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        # 2013 I U: the TOTAAL row's own unit says "miljoen" over 39,933 thousand, in each
        # of its five budget moments
        *((f"{column}7", "total-mismatch") for column in "HIJKL"),
        # 2015 XV: the V lines' TOTAAL (32,349,692, their sum) filed as a second O total;
        # V has none of its own
        ("A25", "duplicate-key"),
        ("H25", "total-mismatch"),
        # 2015 X U: article 6 carries its V amount, 1,556,041 (the 2017 edition: U
        # 1,408,438, which the TOTAAL 8,000,363 adds up with)
        ("H38", "total-mismatch"),
    ]
    messages = {f.location.cell: message(f) for f in _report(name).findings}
    assert messages["H7"].endswith(" a thousand times its lines' sum: is its unit right?")
    assert messages["H25"].endswith(
        " The 16 lines it covers: rows 8-23. The V lines of its group add up to it (rows 40-55)"
        " and have no totals row of their own: is this row's series wrong?"
    )
    assert "EUR 8,147,966,000" in messages["H38"]
    table = _table(name)
    article_6 = {"year": "2015", "chapter": "X", "article": "6"}
    assert _amount(table, "ontwerpbegroting", series="U", **article_6) == Decimal(1_556_041_000)
    assert _amount(table, "ontwerpbegroting", series="V", **article_6) == Decimal(1_556_041_000)
    # the Rijk block's decimal comma, in EUR mln
    assert _amount(table, "realisatie", chapter="Rijk", article="A") == Decimal("6236.3") * 10**6


def test_an_open_data_table_of_no_budget_moment_is_refused_not_read_from_a_line() -> None:
    # openstate/minfin's apparaatskosten (realisatie per article and cost type, 2014): its
    # header has no amount a layout or a workbook knows, and row 25, a line ("2014", "III",
    # "Ministerie van Algemene Zaken", 1, ..., "Post-, Koeriers- en transportdiensten",
    # "20,00"), was taken for a wide table's header: a year, a ministry's word and a
    # description's. The whole file gave 2,063 findings, 2,058 of them duplicate-line. A row
    # with a number that is no year is a line, and the table is refused, naming the closest
    # layout, as the bijdragen aan medeoverheden beside it are.
    report = validate(
        [str(EDITIONS / "refused" / "apparaatskosten_2014.csv")], load_announcement(None)
    )
    assert [(f.location.cell, f.code) for f in report.findings] == [
        (None, "csv-detected"),
        (None, "layout-not-found"),
    ]
    assert "the closest is begrotingsstaten" in message(report.findings[1])


def test_a_row_of_its_place_alone_is_outside_the_table() -> None:
    # The first-published begrotingsstaten, 2016 chapter V (rows 2313-2314): year, unit,
    # series and chapter, and no article, description or amount. Each was a line whose
    # Artikel is empty (missing-value, an error); a row of its place alone is no line.
    name = "begrotingsstaten_2016_chapter_v_empty_rows.csv"
    assert _codes(name) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        # 2016 V U: two TOTAAL rows, 9,044,617 and 1,624,643 (the whole file's lines add up
        # to both together)
        ("A4", "duplicate-key"),
        ("A6", "row-outside-table"),
        ("A7", "row-outside-table"),
    ]


def test_a_line_that_its_total_equals_alone_is_named() -> None:
    # The first-published begrotingsstaten, 2016 chapter I U: article 1 says 40,584, the
    # chapter's TOTAAL (its V line 7,804; the edition copied in 2016 has U 7,804 as well).
    name = "begrotingsstaten_2016_chapter_i_article_holds_total.csv"
    assert _codes(name) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("H13", "total-mismatch"),
    ]
    finding = _report(name).findings[-1]
    assert message(finding).endswith(
        " The 3 lines it covers: rows 4, 7, 10. The total equals the line at H4 alone"
        " (EUR 40,584,000): does that line hold the total, or does the total leave the other"
        " lines out?"
    )
    assert render_message(finding, "nl").endswith(
        " Het totaal is gelijk aan alleen de regel in H4 (€ 40.584.000): staat in die regel"
        " het totaal, of laat het totaal de andere regels weg?"
    )


def test_a_total_that_another_series_lines_add_up_to_names_them() -> None:
    # The 2014 file's 2014 J Deltafonds: the V lines' TOTAAL is labelled O, below O's own.
    name = "begrotingsstaten_2013-2014_opendata_2014.csv"
    finding = next(f for f in _report(name).findings if f.location.cell == "H15")
    assert message(finding).endswith(
        " The V lines of its group add up to it (rows 16-20) and have no totals row of their"
        " own: is this row's series wrong?"
    )
    assert render_message(finding, "nl").endswith(
        " De V-regels van zijn groep tellen ertoe op (rijen 16-20) en hebben geen eigen"
        " totaalregel: is de reeks van deze regel fout?"
    )


def test_b_table_2015_reads_decimals_and_scientific_notation_within_its_rounding() -> None:
    name = "budgettaire_tabellen_owb_2015_origineel.csv"
    table = _table(name)
    tiny = _amount(table, "t-2", series="U", article="14", cluster="Planuitwerking Regionale Infra")
    assert tiny == Decimal(0)  # "-7.27595761418343E-012" thousand euros is no cent
    # Left: rows 14/16 and 20/22 repeat the key of the row above whole (same cluster, same
    # instrument, no level to tell them apart) with other amounts: a real problem in the data.
    assert _codes(name) == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        ("A14", "duplicate-key"),
        ("A16", "duplicate-key"),
        ("A20", "duplicate-key"),
        ("A22", "duplicate-key"),
    ]


def test_b_table_2017_is_read_with_its_begroting_column_and_its_totals_checked() -> None:
    # "Begroting" is the chapter column in 2017, "Programma, apparaat en nominaal en
    # onvoorzien" the programme's. Checked by hand:
    # - III article 1 U says 56,962 in t-2: its N rows (5, 6, 8) and row 7 "Apparaat", flagged
    #   J with no line under it, add up to it exactly. Rows 11 "Kabinet van de Koning" (2,354)
    #   and 14 "Commissie van Toezicht ..." (1,272) are also chapter III article 1, but of
    #   other budgets ("Naam Begroting"): chapter III holds three, each with its article 1.
    #   Added to Algemene Zaken's they were 7 false findings (difference -3,626 in t-2);
    # - V article 1 U says 117,348 in t-2, its subdivisions 1.1 and 1.2 (J, rows 27 and 35)
    #   55,937 + 61,411: right. Subdivision 1.1's lines add up to 56,237, 300 more than it
    #   says: a real problem, at its subtotal's row (at the article's row 26, before
    #   subtotals were checked). 1.2's regelingen are all blank in t+3/t+4 while it says
    #   53,870: not broken down in those years, so not checked (it was a finding).
    name = "budgettaire_tabellen_owb_2017_origineel.csv"
    flat = _codes(name)
    assert [cell for cell, code in flat if code == "total-mismatch"] == ["T27"]
    assert {code for _, code in flat} == {"csv-detected", "layout-detected", "total-mismatch"}
    t27 = next(f for f in _report(name).findings if f.location.cell == "T27")
    assert (t27.params["stated"], t27.params["computed"]) == (55_937_000, 56_237_000)
    assert {row.values["chapter"] for row in _table(name).rows} == {"III", "I", "V"}


def _mismatches(name: str) -> list[str | None]:
    return [f.location.cell for f in _report(name).findings if f.code == "total-mismatch"]


def test_an_article_total_flagged_programma_may_span_its_apparaat_lines() -> None:
    # 2015, III article 1 U (source rows 227-234, here 2-9): the article's J row (here 5)
    # says "Programma" and 55,780 in t-2: 22,505 + 2,181 + 475 of Programma and 30,619 of
    # the Apparaat line (row 8). Compared with its Programma lines only it was 7 findings.
    name = "budgettaire_tabellen_owb_2015_totals.csv"
    table = _table(name)
    assert _amount(table, "t-2", series="U", programme="Apparaat") == Decimal(30_619_000)
    assert "T5" not in _mismatches(name)


def test_a_subtotal_below_its_lines_is_their_total() -> None:
    # 2015, V article 1 U (source rows 510-526, here 10-26) puts each subdivision's J row
    # below its lines: "1.2" (row 16) after its instruments and regelingen (rows 10-15),
    # "1.1" (row 24) after rows 17-23. The article (row 26) says 110,611 in t-2 = 53,826 +
    # 56,785, its subtotals; its regelingen are blank in t-2 and t+1 .. t+4 (not broken
    # down) and in t-1 and t add up to each subtotal (59,090 and 53,560 in t-1). Taken as
    # leaves without lines, the subtotals gave 5 findings at the article's row. Left: the
    # article's t-1 reads "````", no amount (amount-not-a-number).
    name = "budgettaire_tabellen_owb_2015_totals.csv"
    assert _mismatches(name) == []
    assert [(f.location.cell, f.code) for f in _report(name).findings][2:] == [
        ("U26", "amount-not-a-number")
    ]


def test_a_b_table_total_is_checked_where_its_parts_state_and_over_its_waarvan_rows() -> None:
    # 2017 (source rows 140-143 and 191-233, here 2-5 and 6-48), each checked by hand:
    # - V article 4 O "Ontvangsten" (row 2) 50,681 in t-2 = 21,229 + 28,678 (the J rows
    #   "4.10" and "4.20", no lines under them) + 774 (the line "4.40", of another
    #   subdivision, so no line of "4.20");
    # - VI article 32 U (row 6) 1,466,835 in t-2 = its Apparaat total 27,275 (row 8) and its
    #   Programma total 1,439,560 (row 18), both group-level J rows; the article's own
    #   "Programma" flag hid the Apparaat half;
    # - its "Materiele uitgaven" (row 14) 4,872 = "waarvan ICT" 2,282 + "waarvan bijdragen
    #   aan SSO's" 83 + "Overig" 2,507: the Apparaat table's "waarvan" rows are its parts,
    #   and so are the receipts' "waarvan griffie" and "overig" (row 46: 201,948).
    # On main before these rules: 28 findings on these rows (T2-Z2, T6-Z6, T14-Z14, T46-Z46).
    name = "budgettaire_tabellen_owb_2017_totals.csv"
    assert _mismatches(name) == []
    table = _table(name)
    assert _amount(table, "t-2", series="U", article="32", breakdown="waarvan ICT") == Decimal(
        2_282_000
    )


def test_a_line_flagged_n_below_the_lines_it_sums_is_no_part_of_its_total() -> None:
    # 2015, VI article 33 U (source rows 712-763, here 2-53), checked by hand in t-2:
    # - "33.3" (row 46) is flagged N but states 186,150, the sum of the regelingen above it
    #   (rows 22-45, the instruments' J rows among them); counted as a line, it doubled
    #   33.3 in "Programma-uitgaven" (row 47: 197,081 = 10,931 of "33.2" + 186,150);
    # - the article (row 48, "Programma") says 775,116 = its Apparaat total 578,035 (row 2)
    #   + its Programma total 197,081;
    # - the Apparaat's "Waarvan ICT", "Waarvan bijdrage aan SSO's" and "Waarvan overige
    #   materiële" (rows 3-5) add up to "Materiële uitgaven" (201,011).
    # On main: 14 findings (T47-Z47, T48-Z48).
    name = "budgettaire_tabellen_owb_2015_article_vi_33.csv"
    assert [f.code for f in _report(name).findings] == ["csv-detected", "layout-detected"]


def test_amounts_in_whole_millions_are_allowed_the_rounding_of_millions(tmp_path: Path) -> None:
    # 2015, IXA article 12 (source rows 299-309, here 2-12): the national debt's lines and
    # totals are whole thousands of the table's unit (x € 1.000), rounded to millions. The
    # U total (row 6) says 2,733,000 in t-2 over lines of 2,734,000, the O total (row 8)
    # 4,332,000 in t-1 over 4,331,000: one million off, within the rounding of five
    # amounts to the million (3 findings on main). Seven millions off is still said.
    name = "budgettaire_tabellen_owb_2015_chapter_ixa.csv"
    assert _mismatches(name) == []
    source = (EDITIONS / name).read_bytes()
    path = tmp_path / "ixa.csv"
    path.write_bytes(source.replace(b",2717000,", b",2710000,", 1))
    report = validate([str(path)], load_announcement(None), layout=None)
    assert [f.location.cell for f in report.findings if f.code == "total-mismatch"] == ["T8"]


def test_a_subtotal_whose_level_says_less_than_its_amounts_sums_the_lines_after_it(
    tmp_path: Path,
) -> None:
    # 2017 (source rows 857-867 and 3044-3076, here 2-12 and 13-45):
    # - IXB article 1 O: "(3) Programma-ontvangsten" (row 3, a J row on the breakdown level)
    #   says 117,069,316 in t-2: "Belastingontvangsten" 116,240,772 (row 5) + "Rente"
    #   367,668 + "Boetes en schikkingen" 257,964 + "Bekostiging" 202,912, instruments
    #   after it that its level does not put under it;
    # - XV article 98 U: "Uitgaven" (row 14, instrument level) says 27,395 in t-2, the whole
    #   article's lines, most of them under other instruments (rows 21-45).
    # On main: 14 findings (T3-Z3, T14-Z14). Where the lines after it do not add up to it
    # in every column, a subtotal's findings stay.
    name = "budgettaire_tabellen_owb_2017_levels.csv"
    assert _mismatches(name) == []
    source = (EDITIONS / name).read_bytes()
    changed = source.replace(b'"117,069,316","118,877,483"', b'"117,069,316","118,877,000"', 1)
    assert changed != source
    path = tmp_path / "levels.csv"
    path.write_bytes(changed)
    report = validate([str(path)], load_announcement(None), layout=None)
    assert [f.location.cell for f in report.findings if f.code == "total-mismatch"] == [
        "T3",
        "U3",
        "V3",
        "W3",
        "X3",
        "Y3",
        "Z3",
    ]


def test_an_article_total_may_be_its_apparaat_total_but_a_total_given_twice_is_checked() -> None:
    # 2015, X article 8 U (source rows 1608-1624, here 2-18): the article's total (row 16,
    # "Niet toegedeeld") says 1,069,891 in t-1, its Apparaat total (row 17) as much; the
    # subtotals' "Waarvan ..." rows are their parts ("Personele uitgaven", row 10: 424,809 =
    # 411,204 + 13,605 in t-2). On main: 21 findings (rows 2, 10 and 16), none now.
    assert [f.code for f in _report("budgettaire_tabellen_owb_2015_article_x_8.csv").findings] == [
        "csv-detected",
        "layout-detected",
    ]
    # 2016, XVIII article 3 U (source rows 2229-2243, here 2-16) gives its total twice (rows
    # 3 and 4, the second a duplicate-key): neither is the "other total" the first adds up
    # to, so both are still checked against the subtotals, and found wrong (30,006 over
    # "1" 3,641 in t-2), as are the subtotals of "1" (rows 5 and 6: their amounts stand a
    # row off), as on main.
    name = "budgettaire_tabellen_owb_2016_article_xviii_3.csv"
    assert sorted({(cell or "")[1:] for cell in _mismatches(name)}) == ["3", "4", "5", "6"]
    assert ("A4", "duplicate-key") in _codes(name)


def test_a_level_written_in_other_capitals_is_the_same_level() -> None:
    # 2015, VIII article 95 U Apparaat (source rows 1488-1499, here 2-13):
    # "Personele uitgaven" J (row 7) says 173,603 in t-2 = "eigen personeel" 161,046 +
    # "externe inhuur" 7,522 + "Waarvan overige Personele uitgaven" 5,035 (row 10), the last
    # written under "Personele Uitgaven"; and "Materiële uitgaven" (row 2) 84,101 = 29,071 +
    # 27,875 + 2,399 + 24,756, its "Waarvan overige" a part. On main: 14 findings (rows 2, 7).
    name = "budgettaire_tabellen_owb_2015_article_viii_95.csv"
    assert [f.code for f in _report(name).findings] == ["csv-detected", "layout-detected"]
    table = _table(name)
    assert table.rows[8].values["instrument"] == "Personele Uitgaven"  # row 10


def test_a_waarvan_row_that_is_no_part_of_its_total_leaves_a_mismatch_said(
    tmp_path: Path,
) -> None:
    # The "waarvan" rows count only where the total is their sum with the other lines: here
    # the subtotal says 4,872 (row 14 of the 2017 extract) but 'Overig' is made 2,000.
    source = (EDITIONS / "budgettaire_tabellen_owb_2017_totals.csv").read_bytes()
    changed = source.replace(b'"2,507","2,395"', b'"2,000","2,395"', 1)
    assert changed != source
    path = tmp_path / "changed.csv"
    path.write_bytes(changed)
    report = validate([str(path)], load_announcement(None), layout=None)
    cells = [f.location.cell for f in report.findings if f.code == "total-mismatch"]
    assert "T14" in cells


def test_a_b_table_total_over_all_blank_parts_is_not_broken_down_there(tmp_path: Path) -> None:
    # 2017, V article 1 "1.2" (the origineel extract, row 35) says 53,870 in t+3 and t+4,
    # its regelingen are blank there: no finding (see the 2017 test above). A part that
    # states 0 is a part: then the total is compared, and found wrong.
    source = (EDITIONS / "budgettaire_tabellen_owb_2017_origineel.csv").read_bytes()
    lines = source.split(b"\n")
    assert lines[36].endswith(b"13415 ,12415 ,12415 ,,,")  # row 37: t+3 and t+4 blank
    lines[36] = lines[36].replace(b"12415 ,12415 ,,,", b"12415 ,12415 ,0,,")
    path = tmp_path / "zero.csv"
    path.write_bytes(b"\n".join(lines))
    report = validate([str(path)], load_announcement(None), layout=None)
    cells = [f.location.cell for f in report.findings if f.code == "total-mismatch"]
    assert cells == ["T27", "Y35"]
    # Its other lines blank there, the finding says so: the breakdown is incomplete.
    y35 = next(f for f in report.findings if f.location.cell == "Y35")
    assert message(y35).endswith(
        " 3 of its lines are blank in this column (the first: Y38): is its breakdown complete?"
    )
    assert message(y35, "nl").endswith(
        " 3 van zijn regels zijn leeg in deze kolom (de eerste: Y38): is de uitsplitsing compleet?"
    )


def test_the_diergezondheidsfonds_under_its_old_number_lviii_is_read_as_a_known_chapter() -> None:
    # The 2017 B-table files the Diergezondheidsfonds (fund F today) under "LVIII", as the
    # budget was numbered before: a chapter of the publication itself, not a typo. Row 4 holds
    # only article 1's "73%" juridisch verplicht, no amount and no V/U/O: a note, not a line,
    # so its empty V/U/O is not said (it was, with EZ's articles 1-8: 9 of the whole table's
    # 13 `missing-value` findings).
    name = "budgettaire_tabellen_owb_2017_chapter_lviii.csv"
    assert _codes(name) == [(None, "csv-detected"), ("A1", "layout-detected")]
    assert {row.values["chapter"] for row in _table(name).rows} == {"LVIII"}


def test_an_unknown_chapter_is_said_with_the_chapter_its_budget_name_names(
    tmp_path: Path,
) -> None:
    # The row's own "Naam Begroting" says which chapter was meant better than spelling does:
    # "XXV" of Economische Zaken is XIII, though XXIII is spelt more like it.
    lviii = (EDITIONS / "budgettaire_tabellen_owb_2017_chapter_lviii.csv").read_text("utf-8")
    path = tmp_path / "b-table.csv"
    path.write_text(
        lviii.replace(",LVIII,", ",XXV,").replace("Diergezondheidsfonds", "Economische Zaken"),
        encoding="utf-8",
    )
    report = validate([str(path)], load_announcement(None), layout=None)
    unknown = [f for f in report.findings if f.code == "chapter-unknown"]
    assert [f.location.cell for f in unknown] == [f"B{row}" for row in range(2, 11)]
    assert message(unknown[0]) == (
        '"XXV" is not a known budget chapter. Did you mean XIII (Economische Zaken)?'
    )
    assert message(unknown[0], "nl") == (
        '"XXV" is geen bekend begrotingshoofdstuk. Bedoelt u XIII (Economische Zaken)?'
    )


def test_a_misspelt_fund_name_as_chapter_is_said_with_the_fund_and_its_chapter(
    tmp_path: Path,
) -> None:
    # "Diergezondheidsfonds" names two chapters (F, and LVIII as the 2017 B-table numbers
    # it), so the name column tells none; the cell nearly spells the fund's name
    lviii = (EDITIONS / "budgettaire_tabellen_owb_2017_chapter_lviii.csv").read_text("utf-8")
    path = tmp_path / "b-table.csv"
    path.write_text(lviii.replace(",LVIII,", ",Diergezondhedsfonds,"), encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    unknown = [f for f in report.findings if f.code == "chapter-unknown"]
    assert unknown and message(unknown[0]).endswith(
        "Did you mean Diergezondheidsfonds? Write its chapter, F."
    )


def test_a_fund_name_spelt_right_as_chapter_is_told_its_chapter_not_asked_about(
    tmp_path: Path,
) -> None:
    # "Diergezondheidsfonds" spelt right in the chapter cell: the name of budget F, not a
    # misspelling of it; said as a workbook's chapter cell says it, in both languages
    lviii = (EDITIONS / "budgettaire_tabellen_owb_2017_chapter_lviii.csv").read_text("utf-8")
    path = tmp_path / "b-table.csv"
    path.write_text(lviii.replace(",LVIII,", ",Diergezondheidsfonds,"), encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    unknown = [f for f in report.findings if f.code == "chapter-unknown"]
    assert unknown and message(unknown[0]) == (
        '"Diergezondheidsfonds" is not a known budget chapter. It names the budget '
        "Diergezondheidsfonds: write its chapter, F."
    )
    assert "Did you mean" not in " ".join(message(f) for f in unknown)
    assert message(unknown[0], "nl").endswith(
        "Dat noemt de begroting Diergezondheidsfonds: schrijf het hoofdstuk, F."
    )


def test_a_chapter_whose_budget_name_names_none_is_said_with_the_one_spelt_like_it(
    tmp_path: Path,
) -> None:
    # Where the row's name names no chapter, the hint is the chapter spelt most like it, as in
    # a workbook ("IIIA" -> III); a text like none gets no hint: the first-published file's
    # 2016 U rows whose chapter cell says "O" (source row 2278, the series letter in the
    # chapter column).
    path = tmp_path / "staten.csv"
    path.write_text(
        "\n".join(
            [
                OLDER_HEADER,
                "2015;Euro;x1000;U;IIIA, Kabinet van de Koning;1;Kabinet van de Koning;2.354;;;;;",
                "2016;Euro;x1000;U;O;1;Investeren in waterveiligheid;186.950;;;;;",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    report = validate([str(path)], load_announcement(None), layout=None)
    unknown = [message(f) for f in report.findings if f.code == "chapter-unknown"]
    assert unknown == [
        '"IIIA" is not a known budget chapter. Did you mean III (Algemene Zaken)?',
        '"O" is not a known budget chapter.',
    ]


def test_an_edition_with_only_some_budget_moments_is_read_with_those(tmp_path: Path) -> None:
    # The older begrotingsstaten header, cut short: an export of the realisatie alone.
    path = tmp_path / "staten.csv"
    path.write_text(
        "Begrotingsjaar;Valuta;Uitgaven (U) Verplichtingen (V) Ontvangsten (O);Begrotingsstaat;"
        "Onderdeel;Omschrijving;Realisatie\n2013;Euro;U;XVI, VWS;8;x;5\n",
        encoding="utf-8",
    )
    report = validate([str(path)], load_announcement(None), layout=None)
    assert [f.code for f in report.findings] == ["csv-detected", "layout-detected"]
    table = read_file(path, "staten.csv").table
    assert isinstance(table, LayoutTable)
    assert [(name, [r and r[1] for r in reads]) for name, reads in table.amounts.items()] == [
        ("realisatie", [5000])
    ]


def test_a_header_no_layout_fits_is_refused_naming_the_closest_layout_and_its_labels(
    tmp_path: Path,
) -> None:
    # The older begrotingsstaten header without a single budget moment: one is needed.
    path = tmp_path / "staten.csv"
    path.write_text(
        "Begrotingsjaar;Valuta;Uitgaven (U) Verplichtingen (V) Ontvangsten (O);Begrotingsstaat;"
        "Onderdeel;Omschrijving\n2013;Euro;U;XVI, VWS;8;x\n",
        encoding="utf-8",
    )
    report = validate([str(path)], load_announcement(None), layout=None)
    (refusal,) = [f for f in report.findings if f.code == "layout-not-found"]
    assert "the closest is begrotingsstaten, with the labels" in message(refusal)
    assert '"Begrotingsstaat", "Onderdeel", "Omschrijving" within' in message(refusal)
    # what it lacks: any one of the moments' labels would do
    assert (
        'missing: "Stand ontwerpbegroting" / "ontwerpbegroting" / "begroting.ontwerp" / '
        '"Stand vastgestelde begroting"' in message(refusal)
    )
    assert '"Begrotingsjaar"' not in message(refusal).split("missing:")[1]


def test_the_layout_found_says_how_many_of_its_columns_the_header_has() -> None:
    (detected,) = [
        f
        for f in _report("begrotingsstaten_2017_rijksfinancien_web.csv").findings
        if f.code == "layout-detected"
    ]
    # 13 columns in the family; the website's extract has neither a unit nor a currency
    assert (detected.params["found"], detected.params["labels"]) == (11, 13)


def test_diff_matches_the_lines_of_two_editions_by_the_fields_they_share() -> None:
    # The begrotingsstaten 2013-2017 as first published (";", "XVI, Volksgezondheid, ...",
    # "Onderdeel", "1ste suppletoire begroting") against rijksfinancien's file of 2020
    # (",", "Begrotingsnummer", "Artikel nummer", "Stand eerste suppletoire"): both read with
    # the begrotingsstaten family, lines matched by year, series, chapter, article and moment.
    # By hand (csv module): the 9 rows both extracts hold give 45 cells, 34 equal in both, 1
    # different (2013 XVI article 8 V realisatie: 5556917 then 5588214), the other 10 only
    # in the 2020 extract (XVI article 8 O and U).
    result = diff_files(
        str(EDITIONS / "begrotingsstaten_2013-2017_first_published.csv"),
        str(EDITIONS / "begrotingsstaten_2013-2021_rijksfinancien_2020.csv"),
    )
    assert (result.old.layout, result.new.layout) == ("begrotingsstaten", "begrotingsstaten")
    assert result.unchanged == 34
    (changed,) = [c for c in result.changes if c.change == "changed"]
    assert dict(changed.key) == {
        "chapter": "XVI",
        "article": "8",
        "series": "V",
        "year": "2013",
        "moment": "realisatie",
    }
    assert changed.old is not None and changed.new is not None
    assert (changed.old.cell.cell, changed.new.cell.cell) == ("L38", "K9")
    assert changed.difference == Decimal(5_588_214_000 - 5_556_917_000)
    assert result.counts["added"] == 10


# --- the ministries' workbooks: their header words are data too ----------------------------


def test_every_header_word_in_the_data_file_names_its_field() -> None:
    # reconcile/data/workbook-words.toml is the only place a workbook header word is written:
    # each label, as a ministry would type it (capitals, a unit caption), names its field,
    # unless a field listed before it claims the same word (then it is that field's).
    from reconcile.read.find_table import aliases, field_of

    words = aliases()
    claimed: dict[str, str] = {}
    for name, names in words.items():
        for word in names:
            claimed.setdefault(word, name)
    for word, name in claimed.items():
        assert field_of(f"{word.upper()} (x € 1.000)") == name, word
    assert {"chapter", "article", "description", "series", "year", "amount"} <= words.keys()


def test_a_header_word_added_to_the_data_file_is_read(tmp_path: Path) -> None:
    import tomllib

    from reconcile.read import find_table

    data = tomllib.loads(
        (Path(find_table.__file__).parents[1] / "data" / "workbook-words.toml").read_text("utf-8")
    )
    data["chapter"]["labels"].append("begrotingsstaat")  # the older open-data word
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(find_table, "_words", lambda: data)  # the file as a maintainer edits it
            find_table._matchers.cache_clear()
            find_table._field_of_text.cache_clear()
            assert find_table.field_of("Begrotingsstaat") == "chapter"
    finally:
        find_table._matchers.cache_clear()
        find_table._field_of_text.cache_clear()
    assert find_table.field_of("Begrotingsstaat") is None  # as shipped


def test_an_open_data_tables_fields_are_validated_by_a_pandera_schema() -> None:
    # One text column per field; each failing cell has one code: a broken formula's text is
    # only a cell-error, an empty checked field only missing-value.
    import pandas as pd

    from reconcile.validate.schema import build_layout_schema, run_schema

    schema = build_layout_schema(
        ["chapter", "description"],
        {"chapter": lambda text: text == "XIII"},
        {"chapter": "chapter-unknown"},
    )
    frame = pd.DataFrame(
        {"chapter": ["XIII", "XXX", "", "#REF!"], "description": ["a", "#NAME?", "", "c"]},
        dtype=object,
    )
    assert sorted((f.line, f.column, f.check) for f in run_schema(frame, schema)) == [
        (1, "chapter", "chapter-unknown"),
        (1, "description", "cell-error"),
        (2, "chapter", "missing-value"),
        (3, "chapter", "cell-error"),
    ]


# --- reconcile layouts draft ----------------------------------------------------------------


def test_a_drafted_layout_reads_its_table_unedited_where_the_guesses_are_right(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from reconcile.cli import cli

    table = tmp_path / "suppletoire.csv"
    table.write_text(
        "(bedragen x € 1.000)\n"
        "Jaar;Hoofdstuk;Artikel;V/U/O;Omschrijving;Stand vóór;Mutatie;Stand na\n"
        "2025;XIII;2;U;Bedrijvenbeleid;1.234,5;100;1.334,5\n"
        "2025;XIII;3;U;Toekomstfonds;2.000;-50;1.950\n",
        encoding="utf-8",
    )
    drafted = CliRunner().invoke(cli, ["layouts", "draft", str(table), "--name", "supp"])
    assert drafted.exit_code == 0, drafted.output
    text = drafted.output
    assert 'unit = "x € 1.000"  # the caption "(bedragen x € 1.000)"' in text
    assert 'numbers = "dutch"' in text
    assert 'year = "Jaar"  # guess: a built-in layout\'s label of year' in text
    assert 'label = "Stand na"' in text  # an amount column: every value a number
    layout = tmp_path / "supp.toml"
    layout.write_text(text, encoding="utf-8")
    report = validate([str(table)], load_announcement(None), layout=str(layout))
    assert [f.code for f in report.findings] == ["csv-detected", "layout-detected"]
    (read,) = report.files
    assert (read.layout, read.lines) == ("supp", 6)


def test_a_layout_is_drafted_from_the_header_below_a_title_holding_a_comma(
    tmp_path: Path,
) -> None:
    # The title's comma decided the delimiter: the draft's columns were the title's two
    # halves, and no amount column. Drafted from the header, it reads the table unedited.
    from click.testing import CliRunner

    from reconcile.cli import cli

    table = tmp_path / "tabel.csv"
    table.write_text(
        "Bron: rijksfinancien.nl, bewerkt (bedragen x € 1.000)\n"
        "Jaar;Hoofdstuk;Artikel;V/U/O;Omschrijving;Bedrag\n"
        "2025;XIII;2;U;Bedrijvenbeleid;1.234,5\n"
        "2026;XIII;3;U;Toekomstfonds;2.000\n",
        encoding="utf-8",
    )
    drafted = CliRunner().invoke(cli, ["layouts", "draft", str(table), "--name", "tabel"])
    assert drafted.exit_code == 0, drafted.output
    assert "(header in row 2)" in drafted.output
    assert 'chapter = "Hoofdstuk"' in drafted.output
    assert 'label = "Bedrag"' in drafted.output
    layout = tmp_path / "tabel.toml"
    layout.write_text(drafted.output, encoding="utf-8")
    report = validate([str(table)], load_announcement(None), layout=str(layout))
    assert message(report.findings[0]) == "Read as CSV: semicolon-separated, encoding UTF-8."
    (read,) = report.files
    assert (read.layout, read.lines) == ("tabel", 2)


def test_a_drafted_layout_of_a_real_b_table_names_its_relative_years() -> None:
    from reconcile.read.draft import draft_layout, first_rows

    rows, problem = first_rows(EDITIONS / "budgettaire_tabellen_owb_2017_origineel.csv", "b")
    assert problem is None
    text = draft_layout(rows, "b2017", "b.csv")
    assert 'label = "Bedrag t+1"\nyear_offset = 1  # guess: the label names year t+1' in text
    assert 'chapter = "Begroting"  # guess: a built-in layout\'s label of chapter' in text


def test_a_drafted_layout_takes_small_numbers_beside_a_chapter_column_as_amounts(
    tmp_path: Path,
) -> None:
    # 1 to 39 are chapters (I to XXXIX) as well as amounts: with the chapter found already,
    # a column of them is an amount column, not a second chapter.
    from reconcile.read.draft import draft_layout

    rows = [["Jaar", "Hoofdstuk", "Artikel", "V-U-O", "Omschrijving", "Stand voor"]]
    rows += [
        ["2025", "XIII", "2", "U", "Bedrijvenbeleid", "1"],
        ["2025", "XIII", "3", "U", "x", "7"],
    ]
    text = draft_layout(rows, "t", "t.csv")
    assert 'label = "Stand voor"' in text
    assert 'name = "stand voor"  # guess: every value is a number' in text
    layout = tmp_path / "t.toml"
    layout.write_text(text, encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    report = validate([str(table)], load_announcement(None), layout=str(layout))
    # no caption above the header: the unit is assumed, and said
    assert [f.code for f in report.findings] == ["csv-detected", "layout-detected", "unit-assumed"]
    assert report.files[0].lines == 2


def test_a_drafted_layout_without_an_amount_column_says_where_to_name_one() -> None:
    from reconcile.read.draft import draft_layout

    rows = [["Jaar", "Hoofdstuk", "Artikel", "Omschrijving"], ["2025", "XIII", "2", "x"]]
    text = draft_layout(rows, "t", "t.csv")
    assert "\n[[amounts]]\n" not in text
    assert "# No amount column was recognised: name the column(s) holding the amounts" in text
    assert '# [[amounts]]\n# name = "amount"\n# label = "Bedrag"' in text


def test_layouts_draft_of_a_missing_file_says_why_and_exits_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reconcile.cli import cli

    result = CliRunner().invoke(cli, ["layouts", "draft", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2
    assert "nope.csv" in result.output and "does not exist" in result.output
    listed = CliRunner().invoke(cli, ["layouts"])
    assert listed.exit_code == 0 and listed.output.startswith("begrotingsstaten  ")


def test_each_row_is_read_in_the_unit_its_unit_cell_names(tmp_path: Path) -> None:
    # The older begrotingsstaten header, rows built here: "x1000", "miljoen" and a word the
    # layout does not know ("duizendtallen": read as the layout's x € 1.000, and said).
    path = tmp_path / "staten.csv"
    path.write_text(
        "\n".join(
            [
                OLDER_HEADER,
                "2013;Euro;x1000;U;XIII, Economische Zaken;2;Bedrijvenbeleid;1.500;;;;;",
                "2013;Euro;miljoen;U;XIII, Economische Zaken;3;Toekomstfonds;2,5;;;;;",
                "2013;Euro;duizendtallen;U;XIII, Economische Zaken;4;Apparaat;7;;;;;",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    table = _table_at(path)
    amounts = [row.amounts["ontwerpbegroting"].amount for row in table.rows]
    assert amounts == [Decimal(1_500_000), Decimal(2_500_000), Decimal(7_000)]
    assert [row.values["ministry"] for row in table.rows] == ["Economische Zaken"] * 3
    assumed = [(f.location.cell, f.code) for f in table.findings if f.code == "unit-assumed"]
    assert assumed == [("C4", "unit-assumed")]


def test_amounts_that_lost_the_zeros_of_their_last_group_are_said_at_their_cells() -> None:
    # opendata.rijksbegroting.nl's begrotingsstaten as downloaded in 2014: the 2013 rows wrote
    # 844,120 as "844.12" (the zero of its last group lost) beside "2.728.863". Read as a
    # decimal, each set off a total-mismatch at its TOTAAL row, 154 on the whole file, none
    # at the cell at fault. Now each such cell is said (200 on the whole file) and the totals
    # over it are not compared; the findings left are the file's real problems.
    name = "begrotingsstaten_2013-2014_opendata_2014.csv"
    short = [cell for cell, code in _codes(name) if code == "amount-short-group"]
    assert short == ["H21", "I21", "J21", "H29", "I29", "H34", "I34", "H37", "I37", "L37", "J39"]
    # H21 is a TOTAAL row's: nothing is "counted" in an open-data table, and no total is
    # summed without it; its totals are not checked
    finding = next(f for f in _report(name).findings if f.code == "amount-short-group")
    assert message(finding) == (
        '"32.87" has a point before fewer than three digits, in a column that groups '
        "thousands by three with points: 32.870 with the zeros of its last group lost, or a "
        "decimal point? It is not read, so no total it belongs to is checked."
    )
    assert render_message(finding, "nl").endswith(
        "Het wordt niet gelezen, dus geen totaal waar het bij hoort wordt gecontroleerd."
    )
    assert [(cell, code) for cell, code in _codes(name) if code != "amount-short-group"] == [
        (None, "csv-detected"),
        ("A1", "layout-detected"),
        # 2014 J: the V series' TOTAAL row is labelled O, so O has two, and the second is
        # not the sum of the O lines
        ("A15", "duplicate-key"),
        ("H15", "total-mismatch"),
        # 2013 IV O realisatie: the TOTAAL row's "40" lost all three zeros (its lines add up
        # to 40.000); nothing in the cell shows it, the total does
        ("L21", "total-mismatch"),
    ]
    lost = next(f for f in _report(name).findings if f.location.cell == "L21")
    assert message(lost).endswith(
        " The total is a thousandth of its lines' sum: have three zeros been lost?"
    )
    # a whole number and the Rijk block's decimal comma beside them read as they are
    table = _table(name)
    assert _amount(table, "ontwerpbegroting", year="2013", chapter="A", article="12") == (
        Decimal(2_728_863_000)
    )
    assert _amount(table, "ontwerpbegroting", chapter="Rijk", article="IIA") == (
        Decimal("138.1") * 1_000_000
    )


@pytest.mark.parametrize(
    ("amounts", "refused"),
    [
        (["6.234.490", "844.12", "9.7", "1.099"], ["844.12", "9.7"]),
        (["6.234.490", "844.120", "-39.21"], ["-39.21"]),
        # a negative amount written any way the reader reads one (Unicode minus, en dash,
        # brackets, a trailing minus), and grouped amounts in brackets
        (["6.234.490", "\u221239.21", "\u201339.21", "(39.21)", "39.21-"], None),
        (["(6.234.490)", "844.12"], ["844.12"]),
        # "0.5" is no group that lost its zeros: "0.500" groups nothing (it reads as 0.5)
        (["6.234.490", "0.5", "0.12"], []),
        # a last group that lost its zeros never ends in one (the 2014 file's 200 do not):
        # "373.0" beside "2511373.0" is that float's text, "12.50" a decimal
        (["6.234.490", "2511373.0", "373.0", "12.50", "844.12"], ["844.12"]),
        # no amount of the column groups with points: a point is a decimal point
        (["2511373.0", "844.12"], []),
        (["844.12", "12,5"], []),
    ],
)
def test_a_point_before_fewer_than_three_digits_is_refused_where_its_column_groups_by_points(
    tmp_path: Path, amounts: list[str], refused: list[str] | None
) -> None:
    refused = amounts[1:] if refused is None else refused
    rows = [
        f"2013;Euro;x1000;U;XIII, Economische Zaken;{article};Artikel {article};{amount};;;;;"
        for article, amount in enumerate(amounts, start=1)
    ]
    path = tmp_path / "staten.csv"
    path.write_text("\n".join([OLDER_HEADER, *rows]) + "\n", encoding="utf-8")
    table = _table_at(path)
    lines = [row.amounts["ontwerpbegroting"] for row in table.rows]
    assert [line.amount_raw for line in lines if line.amount is None] == refused
    assert all(line.amount_problem == "short-group" for line in lines if line.amount is None)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("\u221239.21", "\u221239.210"), ("(39.21)", "(39.210)"), ("39.2-", "39.200-")],
)
def test_the_amount_a_short_group_probably_meant_keeps_its_sign(
    tmp_path: Path, written: str, meant: str
) -> None:
    rows = [
        "2013;Euro;x1000;U;XIII, Economische Zaken;1;Artikel 1;6.234.490;;;;;",
        f"2013;Euro;x1000;U;XIII, Economische Zaken;2;Artikel 2;{written};;;;;",
    ]
    path = tmp_path / "staten.csv"
    path.write_text("\n".join([OLDER_HEADER, *rows]) + "\n", encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    [short] = [f for f in report.findings if f.code == "amount-short-group"]
    assert (short.location.cell, short.params["meant"]) == ("H3", meant)


def _table_at(path: Path) -> LayoutTable:
    table = read_file(path, path.name).table
    assert isinstance(table, LayoutTable)
    return table


# --- a published Kamerstuk table: stand before, mutations, stand after ----------------------

PUBLISHED = Path(__file__).parent / "published"
EZ_2018_TITLE = "Beleidsartikel 1 Goed functionerende economie en markten"


def _ez_2018_sheet(series: str) -> list[list[object]]:
    """EZ's ontwerpbegroting 2018, Verdiepingsbijlage, article 1 (tests/published/README.md) as
    published: the article's title, the table's caption, an empty cell above the row labels,
    the years, the rows as written."""
    import csv

    name = f"ez_2018_verdieping_artikel1_{series.lower()}.csv"
    with (PUBLISHED / name).open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [
        [EZ_2018_TITLE],
        [f"{series} beleidsartikel (bedragen x € 1.000)"],
        [None, *[int(year) for year in rows[0][1:]]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def _ez_2018_report(tmp_path: Path, series: str) -> Report:
    from tests.spec import announcement, write

    write(tmp_path, {"EZ.xlsx": _ez_2018_sheet(series)})
    return validate([str(tmp_path)], announcement(years="2017-2022", expect=[]), layout=None)


def test_a_published_verdieping_table_reads_its_mutations_between_two_stands(
    tmp_path: Path,
) -> None:
    # Checked by hand: for every year the stand ontwerpbegroting 2017, the mutation of the 1e
    # suppletoire, and the new mutations add up to the stand ontwerpbegroting 2018 exactly
    # (2017: 185,726 + 1,102 + 4,119 + 700 + 821 = 192,468); 2022 has only the stand after.
    report = _ez_2018_report(tmp_path, "Uitgaven")
    lines = [(ln.description, ln.year, ln.amount) for ln in report.lines]
    thousand = Decimal(1000)
    assert lines[:5] == [
        ("Mutatie 1e suppletoire begroting 2017", year, amount * thousand)
        for year, amount in zip(range(2017, 2022), (1102, 696, 681, 681, 681), strict=True)
    ]
    frequencies = [(y, a) for d, y, a in lines if d == "Uitvoeringskosten frequentieverdelingen"]
    assert frequencies == [(2017, 700 * thousand), (2018, 2000 * thousand), (2019, 1900 * thousand)]
    # the stands are no lines, nor is the heading "Nieuwe mutaties:"
    assert {d for d, _, _ in lines} == {
        "Mutatie 1e suppletoire begroting 2017",
        "Loon- en prijsbijstelling",
        "Uitvoeringskosten frequentieverdelingen",
        "Overig",
    }
    assert len(lines) == 5 + 5 + 3 + 5
    assert sum(a for _, y, a in lines if y == 2017) == (192_468 - 185_726) * thousand
    assert {ln.chapter for ln in report.lines} == {"XIII"}  # EZ's own budget, by its file name
    codes = {(f.code, f.location.cell) for f in report.findings}
    assert ("chapter-from-ministry", "A3") in codes
    assert ("description-unlabelled", "A3") in codes  # the empty cell above the row labels
    assert "total-mismatch" not in {code for code, _ in codes}


def test_a_published_verdieping_table_takes_article_and_series_from_its_title(
    tmp_path: Path,
) -> None:
    # The tables have no article and no V/U/O column: the title above them says "Beleidsartikel
    # 1", each caption "Uitgaven ..." or "Ontvangsten ...". Each is said once, at its cell.
    spending = _ez_2018_report(tmp_path / "u", "Uitgaven")
    assert "missing-column" not in {f.code for f in spending.findings}
    assert {(ln.chapter, ln.article, ln.series) for ln in spending.lines} == {("XIII", "1", "U")}
    said = [(f.location.cell, f.params) for f in spending.findings if f.code == "field-from-title"]
    assert said == [
        ("A1", {"field": "Artikel", "value": "1", "title": f"“{EZ_2018_TITLE}”"}),
        (
            "A2",
            {
                "field": "V/U/O",
                "value": "U",
                "title": "“Uitgaven beleidsartikel (bedragen x € 1.000)”",
            },
        ),
    ]
    receipts = _ez_2018_report(tmp_path / "o", "Ontvangsten")
    assert {"series-assumed", "missing-column"} & {f.code for f in receipts.findings} == set()
    assert receipts.lines == ()  # receipts are never counted with a reservation's U
    (uncounted,) = [f for f in receipts.findings if f.code == "lines-not-counted"]
    # 8,300 in 2017 and 162 in each of 2017-2021: six receipt lines, not counted as spending
    assert (uncounted.params["count"], uncounted.params["series"]) == (6, "O")
    assert [f.code for f in receipts.findings if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Niet-beleidsartikel 40 Apparaat", {"Artikel": "40"}),
        ("artikel 02 Bedrijvenbeleid", {"Artikel": "2"}),
        ("Verplichtingen (bedragen x € 1.000)", {"V/U/O": "V"}),
        ("Tabel 2 Departementale uitgavenmutaties (x € 1.000)", {}),  # names neither
        ("Artikelen 1 en 2", {}),  # not one article
        ("Artikel 2 en 3", {}),
        ("Artikel 2-3", {}),
        ("Uitgaven en ontvangsten (bedragen x € 1.000)", {}),  # not one series
        ("Ontvangsten artikel 7", {"V/U/O": "O"}),  # the article is not at its start
    ],
)
def test_a_title_line_gives_the_article_or_series_its_table_lacks(
    tmp_path: Path, title: str, said: dict[str, str]
) -> None:
    from tests.spec import announcement, write

    rows = [[title], ["(bedragen x € 1.000)"], ["Omschrijving", 2025], ["Intensivering", "5"]]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(), layout=None)
    found = {
        f.params["field"]: f.params["value"]
        for f in report.findings
        if f.code == "field-from-title"
    }
    assert found == said


def test_a_column_of_the_tables_own_wins_over_its_title(tmp_path: Path) -> None:
    from tests.spec import announcement, write

    rows = [
        ["Ontvangsten beleidsartikel 3"],
        ["Artikel", "V/U/O", "Omschrijving", 2025],
        ["2", "U", "Intensivering", "5.000"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(), layout=None)
    assert "field-from-title" not in {f.code for f in report.findings}
    assert [(ln.article, ln.series) for ln in report.lines] == [("2", "U")]


def _vws_2020_sheet() -> list[list[object]]:
    """VWS's 1e suppletoire begroting 2020, article 11, "Tabel 16" (tests/published/README.md)
    as published: the article's heading, the table's caption, an empty cell above the row
    labels, the stands and mutations as columns, the later years' mutations beside them."""
    import csv

    with (PUBLISHED / "vws_2020_1supp_artikel11.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [
        ["4.3 Artikel 11 Nominaal en onvoorzien"],
        ["Tabel 16 Nog onderdeeld (bedragen x € 1.000)"],
        [None, *rows[0][1:6], *[int(year) for year in rows[0][6:]]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def test_a_published_suppletoire_table_reads_its_mutations_between_its_stands(
    tmp_path: Path,
) -> None:
    # Checked by hand: on every row the vastgestelde begroting plus the mutation is the stand
    # 1e suppletoire (Loonbijstelling: 6,111 + 6,995 = 13,106), and Uitgaven is the sum of
    # its three instruments in every column (mutation: 6,995 + 2,197 + 1,950 = 11,142).
    from tests.spec import announcement, write

    write(tmp_path, {"VWS.xlsx": _vws_2020_sheet()})
    report = validate([str(tmp_path)], announcement(years="2020-2024", expect=[]), layout=None)
    assert "no-table" not in {f.code for f in report.findings}
    spending = {(ln.description, ln.amount) for ln in report.lines if ln.year == 2020}
    thousand = Decimal(1000)
    assert spending == {
        ("Loonbijstelling", 6995 * thousand),
        ("Prijsbijstelling", 2197 * thousand),
        ("Overige", 1950 * thousand),
    }
    assert not {"stand-mismatch", "total-mismatch"} & {f.code for f in report.findings}
    # the earlier stands and mutation of its chain, (1) and (2), are no column left unread
    assert not {"column-repeated", "column-unlabelled"} & {f.code for f in report.findings}


def _suppletoire_findings(tmp_path: Path, rows: list[list[object]]) -> list[tuple[str, str]]:
    from tests.spec import announcement, write

    write(tmp_path, {"VWS.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2020-2024", expect=[]), layout=None)
    noted = {"separator-assumed", "chapter-from-ministry", "field-from-title"}
    return [(f.location.cell, f.code) for f in report.findings if f.code not in noted]


def test_a_published_suppletoire_table_takes_its_year_from_the_years_after_it(
    tmp_path: Path,
) -> None:
    # The mutation column names no year: the stands are of the budget year, the year before
    # the first year column (2021), and a note says so at the mutation's label.
    from tests.spec import announcement, write

    write(tmp_path, {"VWS.xlsx": _vws_2020_sheet()})
    report = validate([str(tmp_path)], announcement(years="2020-2024", expect=[]), layout=None)
    noted = next(f for f in report.findings if f.code == "stand-year-inferred")
    assert (noted.location.cell, noted.params["year"]) == ("E3", 2020)
    assert {(ln.chapter, ln.article, ln.series) for ln in report.lines} == {("XVI", "11", "U")}
    assert sorted({ln.year for ln in report.lines}) == [2020, 2021, 2022, 2023, 2024]
    assert sum(ln.amount for ln in report.lines if ln.year == 2021) == 11133 * Decimal(1000)


def test_a_published_suppletoire_stand_that_does_not_add_up_is_said_at_its_cell(
    tmp_path: Path,
) -> None:
    # Loonbijstelling's stand 1e suppletoire made 13.107 (published: 13.106): 6.111 + 6.995
    # is not it, and its instrument's and series' stands no longer sum to their lines'.
    rows = _vws_2020_sheet()
    assert rows[6][0] == "Loonbijstelling" and rows[6][5] == "13.106"
    rows[6][5] = "13.107"
    assert sorted(_suppletoire_findings(tmp_path, rows)) == [
        ("A3", "description-unlabelled"),
        ("E3", "stand-year-inferred"),
        ("F5", "total-mismatch"),
        ("F6", "total-mismatch"),
        ("F7", "stand-mismatch"),
    ]


def test_a_cut_in_a_published_suppletoire_table_is_a_mutation_not_an_error(
    tmp_path: Path,
) -> None:
    # A taakstelling lowers the article: its mutation and a later year's are negative, as
    # published tables print cuts. A reservation must be positive; a mutation may be either.
    rows: list[list[object]] = [
        ["4.3 Artikel 11 Nominaal en onvoorzien"],
        ["Tabel 16 Nog onderdeeld (bedragen x € 1.000)"],
        [
            None,
            "Vastgestelde begroting (3)=(1+2)",
            "Mutaties 1e suppletoire begroting (4)",
            "Stand 1e suppletoire begroting (5)=(3+4)",
            2021,
        ],
        ["Uitgaven", 100, -30, 70, -10],
        ["Subsidies (regelingen)", 100, -30, 70, -10],
        ["Taakstelling", 100, -30, 70, -10],
    ]
    assert sorted(_suppletoire_findings(tmp_path, rows)) == [
        ("A3", "description-unlabelled"),
        ("C3", "stand-year-inferred"),
    ]
    # the same cut as a ministry's own line, in a table of reservations, is said
    from tests.spec import announcement, long_table, write

    write(tmp_path, {"VWS.xlsx": long_table(["XVI", 11, "Taakstelling", 2020, -30])})
    report = validate([str(tmp_path)], announcement(years="2020-2024", expect=[]), layout=None)
    assert "negative-reservation" in {f.code for f in report.findings}


def test_a_published_suppletoire_subtotal_that_does_not_add_up_is_said_at_its_cell(
    tmp_path: Path,
) -> None:
    # Uitgaven's mutation made 11.143 (published: 11.142): its instruments' lines sum to
    # 11.142, and 7.869 + 11.143 is not its stand 19.011.
    rows = _vws_2020_sheet()
    assert rows[4][0] == "Uitgaven" and rows[4][4] == "11.142"
    rows[4][4] = "11.143"
    found = _suppletoire_findings(tmp_path, rows)
    assert sorted(found) == [
        ("A3", "description-unlabelled"),
        ("E3", "stand-year-inferred"),
        ("E5", "total-mismatch"),
        ("F5", "stand-mismatch"),
    ]


_SERIES_ROWS: list[list[object]] = [
    ["Verplichtingen", "1.000", "150", "1.150", "40", "0"],
    ["Uitgaven", "1.000", "150", "1.150", "40", "0"],
    ["Subsidies (regelingen)", "600", "100", "700", "40", "0"],
    ["Regeling AI-fabriek", "0", "100", "100", "40", "0"],
    ["Overige subsidies", "600", "0", "600", "0", "0"],
    ["Opdrachten", "400", "50", "450", "0", "0"],
    ["Ontvangsten", "10", "0", "10", "0", "0"],
]


@pytest.mark.parametrize(
    "labels",
    [
        # a 2e suppletoire begroting: its stand before is the 1e suppletoire's stand
        [
            "Stand 1e suppletoire begroting (1)",
            "Mutaties 2e suppletoire begroting (2)",
            "Stand 2e suppletoire begroting (3)=(1+2)",
        ],
        # a table as a ministry may type it
        ["Stand ontwerpbegroting", "Mutatie", "Stand na"],
        ["Stand voor", "Mutatie 2025", "Stand na"],
    ],
)
def test_a_suppletoire_table_reads_its_stands_however_they_are_labelled(
    tmp_path: Path, labels: list[str]
) -> None:
    # Subsidies (regelingen) is the subtotal of its two lines; Opdrachten, with no line of
    # its own below it, is a line; Verplichtingen and Ontvangsten are not counted.
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["Artikel 3 Digitalisering"],
        ["(bedragen x € 1.000)"],
        [None, *labels, 2026, 2027],
        *_SERIES_ROWS,
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2027", expect=[]), layout=None)
    codes = {f.code for f in report.findings}
    assert not {"stand-mismatch", "total-mismatch", "no-table"} & codes
    assert ("stand-year-inferred" in codes) == (labels[1] != "Mutatie 2025")
    assert sorted((ln.description, ln.year, ln.amount) for ln in report.lines) == [
        ("Opdrachten", 2025, 50 * Decimal(1000)),
        ("Regeling AI-fabriek", 2025, 100 * Decimal(1000)),
        ("Regeling AI-fabriek", 2026, 40 * Decimal(1000)),
    ]


def test_a_2e_suppletoire_table_counts_its_own_mutation_not_the_1e_s(tmp_path: Path) -> None:
    # Vastgestelde begroting, the 1e suppletoire's mutation and stand, then the 2e's: the
    # stand before is the 1e suppletoire's stand (3), the mutation counted the 2e's (4).
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["Artikel 3 Digitalisering"],
        ["(bedragen x € 1.000)"],
        [
            None,
            "Vastgestelde begroting (1)",
            "Mutaties 1e suppletoire begroting (2)",
            "Stand 1e suppletoire begroting (3)=(1+2)",
            "Mutaties 2e suppletoire begroting (4)",
            "Stand 2e suppletoire begroting (5)=(3+4)",
            2026,
        ],
        ["Uitgaven", "1.000", "20", "1.020", "5", "1.025", "7"],
        ["Regeling AI-fabriek", "1.000", "20", "1.020", "5", "1.025", "7"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    assert not {"stand-mismatch", "total-mismatch"} & {f.code for f in report.findings}
    assert [(ln.year, ln.amount) for ln in report.lines] == [
        (2025, 5 * Decimal(1000)),
        (2026, 7 * Decimal(1000)),
    ]


def test_a_budget_table_printed_per_article_reads_its_series_headings(tmp_path: Path) -> None:
    # The begroting's own "budgettaire gevolgen van beleid": no stands, the years as columns,
    # the series and instruments as headings over their lines.
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["Beleidsartikel 3 Digitalisering"],
        ["(bedragen x € 1.000)"],
        [None, 2025, 2026],
        ["Verplichtingen", "150", "0"],
        ["Uitgaven", "150", "30"],
        ["Subsidies (regelingen)", "100", "30"],
        ["Regeling AI-fabriek", "100", "20"],
        ["Overige subsidies", "0", "10"],
        ["Opdrachten", "50", "0"],
        ["Ontvangsten", "10", "0"],
        ["Overige", "10", "0"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    assert "total-mismatch" not in {f.code for f in report.findings}
    assert sorted((ln.description, ln.year) for ln in report.lines) == [
        ("Opdrachten", 2025),
        ("Overige subsidies", 2026),
        ("Regeling AI-fabriek", 2025),
        ("Regeling AI-fabriek", 2026),
    ]
    rows[5][2] = "31"  # Subsidies (regelingen) in 2026: 20 + 10 is not 31
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    cells = [f.location.cell for f in report.findings if f.code == "total-mismatch"]
    assert cells == ["C6"]


def test_a_heading_over_lines_without_amounts_is_checked_not_dropped(tmp_path: Path) -> None:
    # "Uitgaven" with 5.000 over the line AI-fabriek whose amounts are not typed yet: the
    # heading is their total, not a line, and its 5.000 was left out in silence (exit 0).
    # Verplichtingen right above Uitgaven has no line under it: checked by nothing.
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["(bedragen x € 1.000)"],
        ["Artikel", "Omschrijving", 2025, 2026],
        [None, "Verplichtingen", "5.000", "5.000"],
        [None, "Uitgaven", "5.000", "5.000"],
        [2, "AI-fabriek", None, None],
        [None, "Ontvangsten", None, None],
        [2, "Huur", "10", "10"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    cells = [f.location.cell for f in report.findings if f.code == "total-mismatch"]
    assert cells == ["C4", "D4"]


def test_a_second_published_table_below_the_first_ends_it(tmp_path: Path) -> None:
    # Two articles' tables copied one below the other: the second's header (its cell above
    # the row labels empty, as published) was read as a line of the first, its years 2026
    # and 2027 as amounts, and its lines under the first's article.
    from tests.spec import announcement, write

    header = [None, "Vastgestelde begroting (1)", "Mutaties 1e suppletoire begroting (2)"]
    header += ["Stand 1e suppletoire begroting (3)", 2026, 2027]
    rows: list[list[object]] = [
        ["Artikel 2 Bedrijfsleven (bedragen x € 1.000)"],
        header,
        ["Uitgaven", "1.000", "100", "1.100", "50", "0"],
        ["Regeling AI-fabriek", "1.000", "100", "1.100", "50", "0"],
        ["Mutatie"],  # a row's label over empty cells: no header of a table
        [],
        ["Artikel 3 Digitalisering (bedragen x € 1.000)"],
        header,
        ["Uitgaven", "500", "200", "700", "70", "0"],
        ["Regeling AI-fabriek", "500", "200", "700", "70", "0"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2027", expect=[]), layout=None)
    assert [(f.location.cell, f.code) for f in report.findings if f.severity.value != "info"] == [
        ("A8", "second-table-not-read")
    ]
    assert sorted((ln.article, ln.year, ln.amount) for ln in report.lines) == [
        ("2", 2025, 100 * Decimal(1000)),
        ("2", 2026, 50 * Decimal(1000)),
    ]


def test_a_published_table_pasted_below_a_ministrys_own_ends_it(tmp_path: Path) -> None:
    # A ministry's wide table, and below it article 2's table as published, for comparison:
    # its header was read as a line (EUR 2,026,000 in 2026) and its rows as lines whose
    # chapter was "Uitgaven". A row of a label and one year ("Reservering", 2026) is no
    # header.
    from tests.spec import announcement, write

    header = [None, "Vastgestelde begroting (1)", "Mutaties 1e suppletoire begroting (2)"]
    rows: list[list[object]] = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026],
        ["XIII", 2, "AI-fabriek", 5100, 13100],
        [None, None, "Reservering", 2026],
        [],
        ["Ter vergelijking: artikel 2 zoals gepubliceerd"],
        [*header, "Stand 1e suppletoire begroting (3)", 2026, 2027],
        ["Uitgaven", "1.000", "100", "1.100", "50", "0"],
        ["Regeling AI-fabriek", "1.000", "100", "1.100", "50", "0"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2027", expect=[]), layout=None)
    found = [(f.location.cell, f.code) for f in report.findings if f.severity.value != "info"]
    assert found == [
        ("D4", "total-mismatch"),  # the kind heading Reservering over no line: in the table
        ("A7", "second-table-not-read"),
    ]
    assert sorted((ln.description, ln.year) for ln in report.lines) == [
        ("AI-fabriek", 2025),
        ("AI-fabriek", 2026),
    ]


def _iv_2021_sheet() -> list[list[object]]:
    """Koninkrijksrelaties' 1e suppletoire begroting 2021, article 1, "Tabel 5"
    (tests/published/README.md) as published: the article's heading, the table's caption, an
    empty cell above the row labels, the later years labelled "Mutatie 2022", the instruments
    as headings with empty cells, a footnote below."""
    import csv

    with (PUBLISHED / "iv_2021_1supp_artikel1.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    name = "Versterken rechtsstaat"
    return [
        ["3.1 Artikel 1. Versterken rechtsstaat"],
        ["Budgettaire gevolgen van beleid"],
        [f"Tabel 5 Budgettaire gevolgen van beleid artikel 1 {name} (bedragen x € 1.000)"],
        [None, *rows[0][1:]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def test_a_second_published_suppletoire_table_reads_with_its_instruments_empty(
    tmp_path: Path,
) -> None:
    # Checked by hand: every row's (3) + (4) = (5) (Grensbewaking: 22,839 - 12,000 = 10,839)
    # and Uitgaven is its five lines' sum in every column (mutation: -6,300 - 12,000 - 2,133 =
    # -20,433); the instruments' rows are empty, headings only.
    from tests.spec import announcement, write

    write(tmp_path, {"Koninkrijksrelaties.xlsx": _iv_2021_sheet()})
    report = validate([str(tmp_path)], announcement(years="2021-2025", expect=[]), layout=None)
    codes = [(f.location.cell, f.code) for f in report.findings]
    assert ("E4", "stand-year-inferred") in codes
    assert not {"stand-mismatch", "total-mismatch", "column-not-read", "no-table"} & {
        code for _, code in codes
    }
    thousand = Decimal(1000)
    assert sorted((ln.description, ln.year, ln.amount) for ln in report.lines) == [
        ("Grensbewaking (Defensie)", 2021, -12000 * thousand),
        ("Overige bijstand aan de landen", 2021, -6300 * thousand),
        ("Overige bijstand aan de landen", 2022, 1000 * thousand),
        ("Overige bijstand aan de landen", 2023, 1800 * thousand),
        ("Overige bijstand aan de landen", 2024, 3500 * thousand),
        ("Rechterlijke macht (JenV)", 2021, -2133 * thousand),
    ]


@pytest.mark.parametrize(
    ("title", "mutation", "year"),
    [
        ("Tweede suppletoire begroting 2025", "Mutaties 2e suppletoire begroting (2)", 2025),
        ("Artikel 3 Digitalisering", "Mutaties 2e suppletoire begroting 2025", 2025),
        ("Artikel 3 Digitalisering", "Mutaties 2e suppletoire begroting (2)", None),
    ],
)
def test_a_suppletoire_table_without_years_takes_its_year_from_its_title(
    tmp_path: Path, title: str, mutation: str, year: int | None
) -> None:
    # A 2e suppletoire's three columns alone: its year is the one the mutation's label or a
    # title line names; where none does, the table is not read (its year is unknown).
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        [title],
        ["(bedragen x € 1.000)"],
        [None, "Vastgestelde begroting (1)", mutation, "Stand 2e suppletoire begroting (3)"],
        ["Uitgaven", "1.000", "‒ 20", "980"],
        ["Regeling AI-fabriek", "1.000", "‒ 20", "980"],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    found = [(f.location.cell, f.code, f.params.get("field")) for f in report.findings]
    assert [(ln.description, ln.year, ln.amount) for ln in report.lines] == (
        [] if year is None else [("Regeling AI-fabriek", year, -20 * Decimal(1000))]
    )
    assert (("A1", "field-from-title", "Jaar") in found) == title.startswith("Tweede")
    assert ("no-table" in {code for _, code, _ in found}) == (year is None)


def _iv_2023_sheet(document: str | None) -> list[list[object]]:
    """Koninkrijksrelaties' 2e suppletoire begroting 2023, article 1, "Tabel 4"
    (tests/published/README.md) as published: the article's heading, the caption, an Art.
    column with the artikelonderdeel "1.0", the three columns of 2023 alone; ``document``,
    the document's title typed above it (the page names its year only in its address)."""
    import csv

    with (PUBLISHED / "iv_2023_2supp_artikel1.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    name = "Versterken rechtsstaat"
    return [
        *([[document]] if document else []),
        [f"3.1 Artikel 1. {name}"],
        [f"Tabel 4 Budgettaire gevolgen van beleid artikel 1 {name} (bedragen x € 1.000)"],
        [rows[0][0], None, *rows[0][2:]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def test_a_2e_suppletoire_table_reads_its_artikelonderdeel_and_its_year_from_the_title(
    tmp_path: Path,
) -> None:
    # Checked by hand: every row's (1) + (2) = (3) (Opdrachten: 1,873 - 722 = 1,151), each
    # instrument is its lines' sum, and the artikelonderdeel 1.0 and Uitgaven are the sum of
    # the four instruments (mutation: -1,000 - 722 + 970 - 2,453 = -3,205).
    from tests.spec import announcement, write

    title = "Koninkrijksrelaties (IV), 2e suppletoire begroting 2023"
    write(tmp_path, {"Koninkrijksrelaties.xlsx": _iv_2023_sheet(title)})
    report = validate([str(tmp_path)], announcement(years="2023-2024", expect=[]), layout=None)
    codes = [(f.location.cell, f.code) for f in report.findings]
    assert ("A1", "field-from-title") in codes
    unwanted = {"stand-mismatch", "total-mismatch", "article-invalid", "missing-value"}
    assert not (unwanted | {"duplicate-line"}) & {code for _, code in codes}
    thousand = Decimal(1000)
    assert sorted((ln.article, ln.description, ln.amount) for ln in report.lines) == [
        ("1", "Bestuurlijke aanpak", -1000 * thousand),
        ("1", "Bestuurlijke aanpak", 970 * thousand),
        ("1", "Detentie - Algemeen", -752 * thousand),
        ("1", "Diverse opdrachten", 30 * thousand),
        ("1", "Douane (Financiën)", -913 * thousand),
        ("1", "Grensbewaking (Defensie)", -1540 * thousand),
    ]
    assert {ln.year for ln in report.lines} == {2023}
    # Without the document's title its year is not known: said, and nothing counted, rather
    # than a year guessed.
    write(tmp_path, {"Koninkrijksrelaties.xlsx": _iv_2023_sheet(None)})
    report = validate([str(tmp_path)], announcement(years="2023-2024", expect=[]), layout=None)
    missing = [f.params["field"] for f in report.findings if f.code == "missing-column"]
    assert (list(report.lines), "Jaar" in missing) == ([], True)


def test_an_artikelonderdeel_that_does_not_add_up_is_said_at_its_cell(tmp_path: Path) -> None:
    # 1.0's mutation made ‒ 3.206 (published: ‒ 3.205): its four instruments' lines sum to
    # ‒ 3.205, and 19.402 ‒ 3.206 is not its stand 16.197.
    from tests.spec import announcement, write

    rows = _iv_2023_sheet("Koninkrijksrelaties (IV), 2e suppletoire begroting 2023")
    assert rows[6][:2] == ["1.0", "Versterken rechtsstaat"] and rows[6][3] == "‒ 3.205"
    rows[6][3] = "‒ 3.206"
    write(tmp_path, {"Koninkrijksrelaties.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2023-2024", expect=[]), layout=None)
    checks = {"stand-mismatch", "total-mismatch"}
    assert sorted((f.location.cell, f.code) for f in report.findings if f.code in checks) == [
        ("D7", "total-mismatch"),
        ("E7", "stand-mismatch"),
    ]


@pytest.mark.parametrize("art", ["1.0", "1,0", "01.0", 1, 1.0, "1", "01"])
def test_an_artikelonderdeel_retyped_as_a_number_is_still_its_heading(
    tmp_path: Path, art: object
) -> None:
    # "1.0" typed in Excel becomes the number 1 (shown "1" or "1.0"); a CSV export writes
    # "1" or "01". The row still heads the four instruments below it, none of which has an
    # article of its own: a heading and its lines' sum, not a seventh line counted twice.
    from tests.spec import announcement, write

    rows = _iv_2023_sheet("Koninkrijksrelaties (IV), 2e suppletoire begroting 2023")
    assert rows[6][:2] == ["1.0", "Versterken rechtsstaat"]
    rows[6][0] = art
    write(tmp_path, {"Koninkrijksrelaties.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2023-2024", expect=[]), layout=None)
    unwanted = {"stand-mismatch", "total-mismatch", "article-invalid", "missing-value"}
    assert not unwanted & {f.code for f in report.findings}
    assert len(report.lines) == 6
    assert {ln.article for ln in report.lines} == {"1"}
    assert sum(ln.amount for ln in report.lines) == -3205 * Decimal(1000)


@pytest.mark.parametrize("art", ["1.0", 1.0])
def test_an_article_number_outside_a_per_article_table_is_its_lines_article(
    tmp_path: Path, art: object
) -> None:
    # Every table printed per article in tests/published/ (IV 2014, 2021, 2023, VWS 2020)
    # has series headings; without one a table is a ministry's own, whose Art. cell holding
    # 1.0 is its line's article: read as a line, never as a heading left out of the count.
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["Economische Zaken (XIII), 2e suppletoire begroting 2025"],
        ["(bedragen x € 1.000)"],
        ["Art.", "Omschrijving", "2025", "2026"],
        [art, "Regeling AI-fabriek", 100, 10],
        [2, "Bijdrage TNO", 200, 20],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    assert sorted((ln.article, ln.year, ln.amount) for ln in report.lines) == [
        ("1", 2025, 100 * Decimal(1000)),
        ("1", 2026, 10 * Decimal(1000)),
        ("2", 2025, 200 * Decimal(1000)),
        ("2", 2026, 20 * Decimal(1000)),
    ]


def test_a_per_article_table_cut_from_its_series_headings_is_not_counted_in_silence(
    tmp_path: Path,
) -> None:
    # IV 2023's table without its Verplichtingen, Uitgaven and Ontvangsten rows: its "1.0"
    # is then read as a line, as in any table, and the officer is told at each instrument's
    # line that it names no article (missing-value), so the run fails instead of counting
    # 1.0 beside its own lines.
    from tests.spec import announcement, write

    rows = _iv_2023_sheet("Koninkrijksrelaties (IV), 2e suppletoire begroting 2023")
    series = ("Verplichtingen", "Uitgaven", "Ontvangsten")
    rows = [row for row in rows if not (len(row) > 1 and row[1] in series)]
    write(tmp_path, {"Koninkrijksrelaties.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2023-2024", expect=[]), layout=None)
    missing = [f for f in report.findings if f.code == "missing-value"]
    assert {"A6", "A9", "A12", "A14"} <= {f.location.cell for f in missing}  # instruments
    assert report.exit_code == 1


def test_lines_with_their_own_article_numbers_under_a_series_heading_stay_lines(
    tmp_path: Path,
) -> None:
    # Each row's Art. cell holds its own article (1, 2.0 as a float): no row heads another.
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["Economische Zaken (XIII), 2e suppletoire begroting 2025"],
        ["(bedragen x € 1.000)"],
        ["Art.", "Omschrijving", "2025", "2026"],
        [None, "Uitgaven", 300, 30],
        [1, "Regeling AI-fabriek", 100, 10],
        [2.0, "Bijdrage TNO", 200, 20],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    assert not {"total-mismatch", "missing-value"} & {f.code for f in report.findings}
    assert sorted((ln.article, ln.description, ln.year) for ln in report.lines) == [
        ("1", "Regeling AI-fabriek", 2025),
        ("1", "Regeling AI-fabriek", 2026),
        ("2", "Bijdrage TNO", 2025),
        ("2", "Bijdrage TNO", 2026),
    ]


def test_a_line_with_its_article_above_a_label_is_no_artikelonderdeel(tmp_path: Path) -> None:
    # Each line with its article, a row without one below each: a label, not an instrument's
    # heading, so neither line heads the row after it.
    from tests.spec import announcement, write

    rows: list[list[object]] = [
        ["Economische Zaken (XIII), 2e suppletoire begroting 2025"],
        ["(bedragen x € 1.000)"],
        [None, "Art.", "2025", "2026"],
        ["Uitgaven", None, 50, 60],
        ["Regeling AI-fabriek", 1, 100, 10],
        ["Nieuw beleid"],
        ["Kasschuif TNO", 2.0, -50, 50],
    ]
    write(tmp_path, {"EZ.xlsx": rows})
    report = validate([str(tmp_path)], announcement(years="2025-2026", expect=[]), layout=None)
    assert not {"total-mismatch", "missing-value"} & {f.code for f in report.findings}
    assert sorted((ln.article, ln.description, ln.year, ln.amount) for ln in report.lines) == [
        ("1", "Regeling AI-fabriek", 2025, 100 * Decimal(1000)),
        ("1", "Regeling AI-fabriek", 2026, 10 * Decimal(1000)),
        ("2", "Kasschuif TNO", 2025, -50 * Decimal(1000)),
        ("2", "Kasschuif TNO", 2026, 50 * Decimal(1000)),
    ]


def test_a_published_suppletoire_stand_that_is_no_amount_is_said_not_checked(
    tmp_path: Path,
) -> None:
    # Prijsbijstelling's stand 1e suppletoire written "PM": its row cannot be checked, nor
    # the stands of its instrument and series above it; said once, at its cell.
    rows = _vws_2020_sheet()
    assert rows[8][0] == "Prijsbijstelling"
    rows[8][5] = "PM"
    found = _suppletoire_findings(tmp_path, rows)
    assert [(cell, code) for cell, code in found if "stand" in code or "total" in code] == [
        ("E3", "stand-year-inferred"),
        ("F9", "stand-not-a-number"),
    ]
