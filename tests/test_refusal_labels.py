"""A table no layout reads is refused naming the closest layout, the labels it found and the
ones it lacks (issue 14); a layout whose amount columns are each optional still counts the
ones a header has among the labels found."""

from __future__ import annotations

from pathlib import Path

from reconcile.announcement import load_announcement
from reconcile.pipeline import validate
from reconcile.read import read_file
from reconcile.read.layouts import LayoutTable
from tests.spec import message

# The rijksfinancien.nl header of the begrotingsstaten (2020), its chapter, article and V/U/O
# columns renamed as a spreadsheet user might: every amount column is there.
HEADER = (
    "Begrotingsjaar,UVO-code,Hoofdstuk,Artikelnr,Omschrijving,Stand ontwerpbegroting,"
    "Stand vastgestelde begroting,Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
)


def test_a_refusal_names_the_amount_columns_it_found(tmp_path: Path) -> None:
    path = tmp_path / "staten.csv"
    path.write_text(f"{HEADER}\n2020,U,VII,1,Openbaar bestuur,1,2,3,4,5\n", encoding="utf-8")
    report = validate([str(path)], load_announcement(None))
    (refusal,) = [f for f in report.findings if f.code == "layout-not-found"]
    said = message(refusal)
    assert (
        'the closest is begrotingsstaten, with the labels "Begrotingsjaar", "Omschrijving", '
        '"Stand ontwerpbegroting", "Stand vastgestelde begroting", "Stand eerste suppletoire", '
        '"Stand tweede suppletoire", "Realisatie" within the first 50 rows; missing: '
        '"Uitgaven Ontvangsten Verplichtingen" / '
    ) in said
    assert "Realisatie" not in said.split("missing:")[1]


def test_a_refusal_without_any_amount_column_names_them_as_one_choice(tmp_path: Path) -> None:
    path = tmp_path / "staten.csv"
    header = "Begrotingsjaar,uvo,Begrotingsnummer,Artikel nummer,Artikel"
    path.write_text(f"{header}\n2020,U,VII,1,Openbaar bestuur\n", encoding="utf-8")
    report = validate([str(path)], load_announcement(None))
    (refusal,) = [f for f in report.findings if f.code == "layout-not-found"]
    missing = message(refusal).split("missing: ")[1]
    assert missing.startswith('"Stand ontwerpbegroting" / "ontwerpbegroting" / ')
    assert missing.count(", ") == 0  # one field lacking: any amount column


def test_a_header_read_without_some_amount_columns_says_which_are_not_read(
    tmp_path: Path,
) -> None:
    # Every amount column of the begrotingsstaten is optional (an export may hold only some
    # moments), so a header with one renamed ("Stand 1e suppletoire") is read without it: its
    # amounts were left out in silence.
    header = (
        "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
        "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
        "Stand 1e suppletoire,Stand tweede suppletoire,Realisatie"
    )
    path = tmp_path / "staten.csv"
    path.write_text(f"{header}\n2020,U,VII,BZK,1,Openbaar bestuur,1,2,3,4,5\n", encoding="utf-8")
    report = validate([str(path)], load_announcement(None))
    (detected,) = [f for f in report.findings if f.code == "layout-detected"]
    assert message(detected) == (
        "Read as layout begrotingsstaten, header in row 1: 10 of its 13 columns found. "
        "No column for “Stand eerste suppletoire”: those amounts are not read."
    )
    assert message(detected, "nl").endswith(
        "Geen kolom voor “Stand eerste suppletoire”: die bedragen zijn niet gelezen."
    )
    table = read_file(path, "staten.csv").table
    assert isinstance(table, LayoutTable)
    assert list(table.amounts) == [
        "ontwerpbegroting",
        "vastgestelde begroting",
        "tweede suppletoire",
        "realisatie",
    ]


def test_a_header_with_every_amount_column_says_nothing_more(tmp_path: Path) -> None:
    header = HEADER.replace("UVO-code,Hoofdstuk,Artikelnr", "uvo,Begrotingsnummer,Artikel nummer")
    path = tmp_path / "staten.csv"
    path.write_text(f"{header}\n2020,U,VII,1,Openbaar bestuur,1,2,3,4,5\n", encoding="utf-8")
    report = validate([str(path)], load_announcement(None))
    (detected,) = [f for f in report.findings if f.code == "layout-detected"]
    assert message(detected).endswith("columns found.")


def test_a_refusal_of_a_header_like_no_layout_says_how_to_draft_one(tmp_path: Path) -> None:
    # A real open-data file that is no budget table of a known family: the articles renamed
    # between two cabinets (../shared/data/rutte2_vs_rutte3_artikel_wijzigingen.csv, row 1).
    header = "was_jaar;was_begroting;was_artikelnr;wordt_jaar;wordt_begroting;wordt_artikelnr"
    path = tmp_path / "wijzigingen.csv"
    path.write_text(f"{header}\n2017;XIII, Economische Zaken;6;2018;XIII, LNV;6\n", "utf-8")
    report = validate([str(path)], load_announcement(None))
    (refusal,) = [f for f in report.findings if f.code == "layout-not-found"]
    assert message(refusal).endswith(
        "missing: every label of each (`reconcile layouts` lists them); for a table of a kind"
        f" of its own, `reconcile layouts draft {path}` drafts a layout from its header."
    )
    assert f"`reconcile layouts draft {path}`" in message(refusal, "nl")
