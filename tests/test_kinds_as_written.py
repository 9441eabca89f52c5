"""A line's kind and its other ministry as finance officers write them in their own tables: a
kind heading typed in a long table's chapter column, a vrijval written positive, a separate
Van/naar column (docs/en/workbooks.md, "Line kinds")."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.builders import Sheet
from tests.spec import GOOD_SET, check, message, problems, validate, where

TITLE: list[list[Any]] = [["Ministerie van Economische Zaken"], ["(bedragen x € 1.000)"], []]
LONG = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]


def told(report: Any) -> list[tuple[int, str, str, str | None, str]]:
    """The counted lines as (year, kind, told, counterpart, amount in euros)."""
    return [(ln.year, ln.kind, ln.told, ln.counterpart, f"{ln.amount:.0f}") for ln in report.lines]


# --- a kind heading in a long table ----------------------------------------------------------


def test_a_kind_heading_in_a_long_tables_chapter_column_gives_its_lines_their_kind(
    tmp_path: Path,
) -> None:
    rows = [
        *TITLE,
        LONG,
        ["Reserveringen"],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
        ["Kasschuiven"],
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, -5100],
        ["Overboekingen"],
        ["XIII", 2, "Overboeking van OCW", 2026, 8000],
        ["Totaal", None, None, None, 21100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []  # no heading is a line with an unknown chapter and no amount
    assert told(report) == [
        (2026, "reservation", "heading", None, "13100000"),
        (2025, "kasschuif", "heading", None, "5100000"),
        (2026, "kasschuif", "heading", None, "-5100000"),
        (2026, "transfer-in", "heading", "OCW", "8000000"),
    ]


def test_a_long_tables_kind_heading_with_an_amount_is_a_checked_subtotal(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        LONG,
        ["Intensiveringen", None, None, None, 20000],
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!E5", "total-mismatch")]
    (finding,) = [f for f in report.findings if f.code == "total-mismatch"]
    assert message(finding) == (
        "“Intensiveringen” says EUR 20,000,000 but the lines it covers add up to EUR "
        "18,200,000 (difference EUR 1,800,000)."
    )


def test_a_long_tables_row_with_a_year_is_a_line_whatever_its_description(
    tmp_path: Path,
) -> None:
    """A row naming its year is a line, though its description is a kind's word alone: the
    kind is told from the description, as for any line."""
    rows = [*TITLE, LONG, ["XIII", 2, "AI-fabriek", 2025, 5100], ["XIII", 2, "Kasschuif", 2026, 0]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert [(ln.description, ln.kind) for ln in report.lines] == [
        ("AI-fabriek", "reservation"),
        ("Kasschuif", "kasschuif"),
    ]


def test_a_kind_heading_beside_a_kind_column_gives_its_kind_to_lines_that_say_none(
    tmp_path: Path,
) -> None:
    """Each line may say its own kind in the kind column; one that leaves it empty takes the
    heading's. A row holding a kind's word beside a description is a line, not a heading."""
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag"]
    rows = [
        *TITLE,
        header,
        ["Kasschuiven"],
        ["XIII", 2, "AI-fabriek", None, 2025, 5100],
        ["XIII", 2, "AI-fabriek", None, 2026, -5100],
        ["Overboekingen"],
        ["XIII", 2, "AI-fabriek", "Overboeking van", 2026, 3000],  # no ministry named
        ["XIII", 2, "AI-fabriek OCW", None, 2026, 2000],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!C9", "transfer-counterpart-unknown")]
    assert [(ln.kind, ln.told, ln.counterpart) for ln in report.lines] == [
        ("kasschuif", "heading", None),
        ("kasschuif", "heading", None),
        ("transfer-in", "column", None),
        ("transfer-in", "heading", "OCW"),
    ]


def test_a_wide_row_with_a_kind_word_and_a_description_beside_a_kind_column_is_a_line(
    tmp_path: Path,
) -> None:
    header = ["Soort mutatie", "Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026]
    rows = [*TITLE, header, ["Kasschuif", None, None, "AI-fabriek", 5100, -5100]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    # read as the line it is, its missing chapter and article said, not as a heading
    assert ("EZ.xlsx", "Blad1!B5", "missing-value") in where(report)
    assert [ln.kind for ln in report.lines] == ["kasschuif", "kasschuif"]


@pytest.mark.parametrize("cell", ["-", "–", "n.v.t.", "nvt", "Geen"])
def test_a_kind_cell_saying_none_leaves_a_reservation_one(tmp_path: Path, cell: str) -> None:
    # A dash or "n.v.t." in the kind column, as a counterpart cell's, says the line is of no
    # other kind: a reservation (a "Subsidie" in it is still kind-unknown, below).
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag"]
    rows = [
        *TITLE,
        header,
        ["XIII", 2, "AI-fabriek", cell, 2026, 13100],
        ["XIII", 2, "Kasschuif AI-fabriek", "Kasschuif", 2025, 2000],
        ["XIII", 2, "Kasschuif AI-fabriek", "Kasschuif", 2026, -2000],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [ln.kind for ln in report.lines] == ["reservation", "kasschuif", "kasschuif"]


# --- a vrijval written positive --------------------------------------------------------------


def test_a_vrijval_written_positive_is_an_error_at_its_amount(tmp_path: Path) -> None:
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag"]
    rows = [
        *TITLE,
        header,
        ["XIII", 2, "AI-fabriek", None, 2026, 13100],
        ["XIII", 2, "Vrijval reservering AI-fabriek", None, 2025, 2000],  # by its description
        ["XIII", 2, "Onderzoeksbudget", "Vrijval", 2025, 1000],  # by its kind column
        ["XIII", 2, "Vrijval onderzoek", None, 2026, -500],  # negative, as it should be
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!F6", "vrijval-sign"),
        ("EZ.xlsx", "Blad1!F7", "vrijval-sign"),
    ]
    first = next(f for f in report.findings if f.code == "vrijval-sign")
    assert message(first) == (
        "EUR 2,000,000 is positive, but a vrijval releases a reservation and is negative: write "
        "it with a minus sign, or, if money is added, make the line a reservation."
    )
    assert message(first, "nl") == (
        "€ 2.000.000 is positief, maar een vrijval laat een reservering vrijvallen en is "
        "negatief: schrijf het met een minteken, of maak de regel een reservering als er geld "
        "bij komt."
    )


def test_a_meevaller_or_ombuiging_is_not_held_to_a_vrijvals_sign(tmp_path: Path) -> None:
    """Read as a vrijval for what they do to the budget, but a published table's may be
    positive in a year (a meevaller on receipts, an ombuiging that starts late)."""
    rows = [
        *TITLE,
        ["Omschrijving", 2025, 2026],
        ["Meevallers"],
        ["Lagere uitvoeringskosten", -300, 100],
        ["Ombuigingen"],
        ["Subsidie later", 200, -400],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert "vrijval-sign" not in [f.code for f in report.findings]
    assert {ln.kind for ln in report.lines} == {"vrijval"}


# --- a counterpart column (Van/naar) ---------------------------------------------------------


def with_counterpart(*lines: list[Any], label: str = "Van/naar") -> list[list[Any]]:
    """EZ's long table with a counterpart column labelled ``label`` after the description."""
    header = ["Hoofdstuk", "Artikel", "Omschrijving", label, "Jaar", "Bedrag"]
    return [*TITLE, header, ["XIII", 2, "AI-fabriek", None, 2026, 13100], *lines]


@pytest.mark.parametrize(
    "label",
    [
        "Van/naar",
        "Van / naar",
        "Tegenpartij",
        "Ontvangend departement",
        "Naar begroting",
        "Overboeking van/naar",
        "Ministerie van/naar",
    ],
)
def test_the_counterpart_column_is_found_by_the_labels_ministries_write(
    tmp_path: Path, label: str
) -> None:
    rows = with_counterpart(["XIII", 2, "Overboeking AI-fabriek", "OCW", 2026, -3000], label=label)
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert told(report)[1] == (2026, "transfer-out", "description", "OCW", "-3000000")


@pytest.mark.parametrize(
    ("label", "cell"),
    [
        # an herschikking between articles of one budget: 3 is article 3, not chapter III (AZ)
        ("Naar artikel", 3),
        ("Van/naar artikel", 3),
        ("Naar regeling", "Regeling AI-fabriek"),
        ("From year", 2025),
    ],
)
def test_a_direction_word_before_another_field_is_no_counterpart_column(
    tmp_path: Path, label: str, cell: Any
) -> None:
    rows = with_counterpart(["XIII", 2, "AI-fabriek onderzoek", cell, 2027, -4000], label=label)
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert {(ln.kind, ln.counterpart) for ln in report.lines} == {("reservation", None)}
    assert not [f for f in report.findings if "counterpart" in f.code]


@pytest.mark.parametrize("label", ["Ontvanger", "Gever", "Ontvanger subsidie"])
def test_a_recipient_column_is_no_counterpart_column(tmp_path: Path, label: str) -> None:
    """A subsidy's recipient or a contribution's giver ("TNO", "RUG") is no ministry: the
    lines stay reservations, counted, with no error at each cell."""
    rows = with_counterpart(["XIII", 2, "AI-fabriek onderzoek", "TNO", 2027, 4000], label=label)
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [(ln.kind, f"{ln.amount:.0f}") for ln in report.lines] == [
        ("reservation", "13100000"),
        ("reservation", "4000000"),
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "OCW",
        "ocw",
        "Onderwijs, Cultuur en Wetenschap",
        "Ministerie van OCW",
        "VIII",
        8,
        "hoofdstuk VIII",
        "H VIII",
        "naar OCW",
    ],
)
def test_the_counterpart_cell_names_a_ministry_by_code_name_or_chapter(
    tmp_path: Path, cell: Any
) -> None:
    rows = with_counterpart(["XIII", 2, "Overboeking AI-fabriek", cell, 2026, -3000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [ln.counterpart for ln in report.lines] == [None, "OCW"]


def test_a_filled_counterpart_cell_makes_a_line_an_overboeking_with_a_note(
    tmp_path: Path,
) -> None:
    """Nothing else says the line's kind: the cell does, its direction by the sign (or the
    cell's own "naar"/"van")."""
    rows = with_counterpart(
        ["XIII", 2, "Bijdrage AI-fabriek", "OCW", 2026, -3000],
        ["XIII", 2, "AI-fabriek rekencapaciteit", "van Defensie", 2026, 20000],
    )
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert told(report)[1:] == [
        (2026, "transfer-out", "column", "OCW", "-3000000"),
        (2026, "transfer-in", "column", "Defensie", "20000000"),
    ]
    notes = [(f.location.place, f.code) for f in report.findings if f.code.startswith("kind-")]
    assert notes == [
        ("Blad1!D6", "kind-from-counterpart"),
        ("Blad1!D7", "kind-from-counterpart"),
    ]
    assert message(report.findings[-1]) == (
        'Read as overboeking van Defensie: the “Van/naar” cell "van Defensie" names another '
        "ministry, and nothing else on the line says its kind."
    )


@pytest.mark.parametrize("cell", [None, "-", "n.v.t.", "nvt", "Geen", "–", 0, "0"])
def test_a_counterpart_cell_saying_none_leaves_a_reservation_one(tmp_path: Path, cell: Any) -> None:
    rows = with_counterpart(["XIII", 2, "AI-fabriek onderzoek", cell, 2027, 4000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [f.code for f in report.findings if f.code.startswith(("kind-", "counterpart-"))] == []
    assert {ln.kind for ln in report.lines} == {"reservation"}


def test_an_overboeking_with_an_empty_counterpart_cell_is_told_to_fill_it(tmp_path: Path) -> None:
    rows = with_counterpart(["XIII", 2, "Overboeking AI-fabriek", None, 2026, -3000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!D6", "transfer-counterpart-unknown")]
    (finding,) = [f for f in report.findings if f.code == "transfer-counterpart-unknown"]
    assert message(finding) == (
        'The overboeking "Overboeking AI-fabriek" names no other ministry, so it cannot be '
        "paired: name it in the “Van/naar” column."
    )
    assert message(finding, "nl") == (
        'De overboeking "Overboeking AI-fabriek" noemt geen ander ministerie en kan dus niet '
        "gekoppeld worden: noem het in de kolom “Van/naar”."
    )


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (
            "Onderwijs",
            (
                "names no ministry reconcile knows, so this overboeking cannot be paired: "
                "write the other ministry's code, name or budget chapter (OCW, Onderwijs, "
                "Cultuur en Wetenschap, VIII), one a line, or empty the cell if the line is no "
                "overboeking. Did you mean Onderwijs, Cultuur en Wetenschap?"
            ),
        ),
        ("0CW", "names no ministry reconcile knows, so this overboeking cannot be paired"),
        (
            "Gemeentefnds",  # BZK's fund, misspelt
            (
                "names no ministry reconcile knows, so this overboeking cannot be paired: "
                "write the other ministry's code, name or budget chapter (OCW, Onderwijs, "
                "Cultuur en Wetenschap, VIII), one a line, or empty the cell if the line is no "
                "overboeking. Did you mean Gemeentefonds?"
            ),
        ),
        ("RVO", "names no ministry reconcile knows, so this overboeking cannot be paired"),
        ("OCW en BZK", "names more than one ministry, so this overboeking cannot be paired"),
    ],
)
def test_a_counterpart_cell_naming_no_other_ministry_is_an_error_at_it(
    tmp_path: Path, cell: str, said: str
) -> None:
    rows = with_counterpart(["XIII", 2, "Overboeking AI-fabriek", cell, 2026, -3000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!D6", "counterpart-unknown")]
    (finding,) = [f for f in report.findings if f.code == "counterpart-unknown"]
    assert message(finding).startswith(f'"{cell}" in the “Van/naar” column {said}')
    assert report.lines[1].counterpart is None  # never paired with a guess


def test_two_unpaired_overboekingen_with_other_counterpart_cells_are_no_duplicates(
    tmp_path: Path,
) -> None:
    """Each is said at its own cell; that neither is paired does not make them one line."""
    rows = with_counterpart(
        ["XIII", 2, "Overboeking AI-fabriek", "Onderwijs", 2026, -3000],
        ["XIII", 2, "Overboeking AI-fabriek", "Defensi", 2026, -3000],
    )
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!D6", "counterpart-unknown"),
        ("EZ.xlsx", "Blad1!D7", "counterpart-unknown"),
    ]


def test_a_misspelt_counterpart_is_an_error_in_dutch_too(tmp_path: Path) -> None:
    rows = with_counterpart(["XIII", 2, "Overboeking AI-fabriek", "0CW", 2026, -3000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    (finding,) = [f for f in report.findings if f.code == "counterpart-unknown"]
    assert message(finding, "nl") == (
        '"0CW" in de kolom “Van/naar” noemt geen ministerie dat reconcile kent, dus deze '
        "overboeking kan niet gekoppeld worden: schrijf de code, naam of het "
        "begrotingshoofdstuk van het andere ministerie (OCW, Onderwijs, Cultuur en Wetenschap, "
        "VIII), één per regel, of maak de cel leeg als de regel geen overboeking is. Bedoelt u "
        "OCW? Zoals getypt: ‹0: U+0030 DIGIT ZERO›CW."
    )


def test_a_counterpart_cell_and_a_description_naming_two_ministries_conflict(
    tmp_path: Path,
) -> None:
    rows = with_counterpart(["XIII", 2, "Overboeking naar BZK", "OCW", 2026, -3000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!D6", "counterpart-conflict")]
    (finding,) = [f for f in report.findings if f.code == "counterpart-conflict"]
    assert message(finding) == (
        '"OCW" in the “Van/naar” column names OCW, but the line\'s words "Overboeking naar '
        'BZK" name BZK: the overboeking was paired with OCW. Correct the one that is wrong.'
    )
    assert report.lines[1].counterpart == "OCW"
    # no note besides that the description "Overboeking naar BZK" made it one naar OCW
    assert "kind-from-description" not in {f.code for f in report.findings}
    # the same ministry said twice, by name and by code, is no conflict
    same = with_counterpart(
        ["XIII", 2, "Overboeking naar Onderwijs, Cultuur en Wetenschap", "OCW", 2026, -3000]
    )
    assert where(validate(tmp_path / "same", {"EZ.xlsx": same})) == []


def test_a_counterpart_cell_on_a_line_of_another_kind_is_left_aside_with_a_warning(
    tmp_path: Path,
) -> None:
    rows = with_counterpart(
        ["XIII", 2, "Kasschuif AI-fabriek", "OCW", 2025, 1000],
        ["XIII", 2, "Kasschuif AI-fabriek", "OCW", 2026, -1000],
    )
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!D6", "counterpart-not-transfer"),
        ("EZ.xlsx", "Blad1!D7", "counterpart-not-transfer"),
    ]
    assert message(problems(report)[0]) == (
        'This line is a kasschuif, not an overboeking, so "OCW" in its “Van/naar” cell was not '
        "used. Empty the cell, or say the line is an overboeking."
    )
    assert [(ln.kind, ln.counterpart) for ln in report.lines[1:]] == [("kasschuif", None)] * 2


def test_overboekingen_named_in_counterpart_columns_pair_and_count_once(tmp_path: Path) -> None:
    """Defensie pays its 20,000 (x € 1.000) to EZ, both files naming the other in a column of
    their own: paired, and counted once at the giver, as when the descriptions name them
    (tests/test_kinds.py, test_an_overboeking_is_counted_once_at_its_giver)."""
    files = dict(GOOD_SET)
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]
    files["Defensie.xlsx"] = [
        ["(bedragen x € 1.000)"],
        [*header[:3], "Naar begroting", *header[3:]],
        ["X", 6, "Bijdrage AI-fabriek", "XIII", 2026, -20000],
    ]
    files["EZ.xlsx"] = [
        ["(bedragen x € 1.000)"],
        [*header[:3], "Tegenpartij", *header[3:]],
        ["XIII", 2, "AI-fabriek", None, 2025, 5100],
        ["XIII", 2, "AI-fabriek", None, 2026, 19900],
        ["XIII", 2, "AI-fabriek rekencapaciteit", "Defensie", 2026, 20000],
    ]
    report = check(tmp_path, files)
    assert where(report) == []
    totals = report.totals
    assert totals is not None
    assert totals.total == Decimal("69400000.00")
    assert totals.transferred_out == {"Defensie": Decimal("20000000.00")}
    assert totals.received == {"EZ": Decimal("20000000.00")}
    # and a pair that does not match is found as with descriptions
    files["EZ.xlsx"][-1][3] = "OCW"
    unpaired = check(tmp_path / "unpaired", files)
    assert ("Defensie.xlsx", "Blad1!F3", "transfer-unpaired") in where(unpaired)


def test_a_csv_file_has_its_counterpart_column_read_too(tmp_path: Path) -> None:
    from reconcile import pipeline
    from reconcile.announcement import load_announcement

    path = tmp_path / "EZ.csv"
    path.write_text(
        "Hoofdstuk;Artikel;Omschrijving;Van/naar;Jaar;Bedrag\n"
        "XIII;2;AI-fabriek;;2026;13100\n"
        "XIII;2;Overboeking AI-fabriek;Onderwijs, Cultuur en Wetenschap;2026;-3000\n",
        encoding="utf-8",
    )
    report = pipeline.validate([str(path)], load_announcement(None))
    assert where(report) == []
    assert [(ln.kind, ln.counterpart) for ln in report.lines] == [
        ("reservation", None),
        ("transfer-out", "OCW"),
    ]


@pytest.mark.parametrize(
    ("description", "named"),
    [
        # as SZW's 2e suppletoire 2016 wrote "Overboekingen naar EZ, BZK en HCVS"
        ("Overboekingen naar OCW, BZK en HCVS", "OCW, BZK"),
        ("Overboeking naar OCW en BZK", "OCW, BZK"),
        ("Bijdrage aan Defensie/BZK", "Defensie, BZK"),
    ],
)
def test_an_overboeking_to_a_list_of_ministries_is_not_paired_with_the_first(
    tmp_path: Path, description: str, named: str
) -> None:
    """One line to several ministries pairs with none of their lines (each shows its part):
    an error asking for a line per ministry, not a pairing with the first named."""
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "AI-fabriek", 2026, 13100],
        ["XIII", 2, description, 2026, -7950],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!C6", "transfer-counterpart-unknown")]
    (finding,) = problems(report)
    assert message(finding) == (
        f'The overboeking "{description}" names more than one other ministry ({named}), so it '
        "cannot be paired: write the overboeking to or from each on a line of its own."
    )
    assert message(finding, "nl") == (
        f'De overboeking "{description}" noemt meer dan één ander ministerie ({named}) en kan '
        "dus niet gekoppeld worden: schrijf de overboeking naar of van elk op een eigen regel."
    )
    assert report.lines[1].counterpart is None


def test_the_ministry_named_after_naar_is_the_pair_whoever_else_is_named(tmp_path: Path) -> None:
    """Several ministries in one description, each after its own word, are no list: the
    first after "naar", "aan" or "van" that is not the file's own is the other one."""
    rows = [
        *TITLE,
        LONG,
        ["XIII", 2, "Bijdrage van EZ aan OCW", 2026, -3000],
        ["XIII", 2, "Overboeking aan het Ministerie van OCW", 2026, -1000],
        ["XIII", 2, "Ontvangen van Defensie (AI-fabriek, zie brief BZK)", 2026, 20000],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [ln.counterpart for ln in report.lines] == ["OCW", "OCW", "Defensie"]


# --- a Van and a Naar column -----------------------------------------------------------------


def van_naar(*lines: list[Any]) -> list[list[Any]]:
    """EZ's long table with a column for the giver (Van) and one for the receiver (Naar)."""
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Van", "Naar", "Jaar", "Bedrag"]
    return [*TITLE, header, ["XIII", 2, "AI-fabriek", None, None, 2026, 13100], *lines]


def test_a_van_and_a_naar_column_give_the_other_ministry_and_the_direction(
    tmp_path: Path,
) -> None:
    """Each row names both sides, the file's own ministry in one of them: the other is the
    counterpart, and where EZ stands says the direction."""
    rows = van_naar(
        ["XIII", 2, "AI-fabriek rekencapaciteit", "Defensie", "EZ", 2026, 20000],
        ["XIII", 2, "Bijdrage AI-fabriek", "EZ", "hoofdstuk VIII", 2026, -3000],
    )
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert told(report)[1:] == [
        (2026, "transfer-in", "column", "Defensie", "20000000"),
        (2026, "transfer-out", "column", "OCW", "-3000000"),
    ]


def test_a_naar_column_alone_says_the_line_goes_out(tmp_path: Path) -> None:
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Naar begroting", "Jaar", "Bedrag"]
    rows = [*TITLE, header, ["XIII", 2, "Overboeking AI-fabriek", "OCW", 2026, 3000]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!F5", "transfer-sign")]
    assert report.lines[0].kind == "transfer-out"


def test_a_receiving_column_naming_the_file_itself_is_said_at_that_cell(tmp_path: Path) -> None:
    # an overboeking to itself is an herschikking (docs/en/workbooks.md, "Herschikkingen"):
    # the note at the cell says so, and its one side adds up to no zero
    header = ["Hoofdstuk", "Artikel", "Omschrijving", "Ontvangend departement", "Jaar", "Bedrag"]
    rows = [*TITLE, header, ["XIII", 2, "Overboeking AI-fabriek", "EZ", 2026, 3000]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!F5", "herschikking-not-zero")]
    (note,) = [f for f in report.findings if f.code == "transfer-internal"]
    assert note.location.cell == "D5"
    assert message(note).startswith(
        'Read as an herschikking: "EZ" in the “Ontvangend departement” cell names this '
        "file's own ministry"
    )


def test_the_finding_points_at_the_van_or_naar_cell_at_fault(tmp_path: Path) -> None:
    rows = van_naar(
        ["XIII", 2, "Overboeking AI-fabriek", "RVO", "EZ", 2026, 3000],  # the giver unknown
        ["XIII", 2, "Overboeking van OCW", None, None, 2027, 2000],  # fine: the words name it
        ["XIII", 2, "Overboeking AI-fabriek", None, None, 2028, 1000],  # none: fill in Van
    )
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [
        ("EZ.xlsx", "Blad1!D6", "counterpart-unknown"),
        ("EZ.xlsx", "Blad1!D8", "transfer-counterpart-unknown"),
    ]
    unknown, empty = problems(report)
    assert message(unknown).startswith('"RVO" in the “Van” column names no ministry')
    assert message(empty).endswith("cannot be paired: name it in the “Van” column.")


# --- a column headed as a counterpart column that holds no ministries --------------------------


def _period(first: str, second: str, *cells: tuple[Any, Any]) -> list[list[Any]]:
    """EZ's long table with two columns ``first`` and ``second`` (a period's start and end)."""
    header = ["Hoofdstuk", "Artikel", "Omschrijving", first, second, "Jaar", "Bedrag"]
    lines = [
        ["XIII", 2, "AI-fabriek", start, end, 2025 + index, 5100 * (index + 1)]
        for index, (start, end) in enumerate(cells)
    ]
    return [*TITLE, header, *lines]


DATES = [(dt.datetime(2025, 1, 1), dt.datetime(2025, 12, 31)), (dt.datetime(2026, 1, 1), None)]


@pytest.mark.parametrize(
    ("first", "second", "cells"),
    [
        ("Van", "Tot", DATES),
        ("Van", "Naar", DATES),  # two direction words over a period
        ("Naar", "Van", [(dt.date(2025, 3, 1), dt.date(2025, 1, 1))]),
        ("Van/naar", "Opmerking", [(dt.datetime(2025, 1, 1), "x")] * 2),
        ("Van", "Tot", [("01-01-2025", "31-12-2025"), ("1-1-2026", "doorlopend")]),
        ("Van", "Tot", [("2025-01-01", "2025-12-31 00:00:00"), ("1 januari 2026", "jan 2027")]),
        ("Van", "Tot", [(2025, 2026), (2026, 2027)]),  # years
        ("Van", "Tot", [("Q1 2025", "Q4 2025"), ("2026-K1", "2026-K4")]),  # quarters
        ("Van", "Naar", [(45658, 46022), (46023, 46387)]),  # dates shown as their numbers
        ("Tegenpartij", "Tot", [(12.5, None), (1250, None)]),  # numbers no chapter has
    ],
)
def test_a_direction_column_of_dates_or_numbers_is_no_counterpart_column(
    tmp_path: Path, first: str, second: str, cells: list[tuple[Any, Any]]
) -> None:
    """A period's "Van" and "Tot" (or "Naar") hold dates, years, numbers: no ministry. The
    lines stay reservations, and a note says which column was left aside and why."""
    sheet = Sheet(_period(first, second, *cells), formats={"D5": "dd-mm-yyyy"})
    report = validate(tmp_path, {"EZ.xlsx": {"Blad1": sheet}})
    assert {(ln.kind, ln.counterpart) for ln in report.lines} == {("reservation", None)}
    assert [f.code for f in report.findings if "counterpart" in f.code or "field" in f.code] == [
        "column-not-field"
    ] * len({first, second} & {"Van", "Naar", "Van/naar", "Tegenpartij"})
    note = next(f for f in report.findings if f.code == "column-not-field")
    assert note.location.place == "Blad1!D4"  # at the header cell: the column is left aside
    assert "4565" not in message(note) and "00:00" not in message(note)


def test_a_direction_column_of_dates_is_said_as_its_cells_show_them(tmp_path: Path) -> None:
    rows = _period("Van", "Tot", *DATES)
    report = validate(tmp_path, {"EZ.xlsx": {"Blad1": Sheet(rows, formats={"D5": "dd-mm-yyyy"})}})
    (note,) = [f for f in report.findings if f.code == "column-not-field"]
    assert message(note) == (
        'The “Van” column holds "01-01-2025" and the like, not Van/naar (OCW, VIII), so it is '
        "read as no column."
    )
    assert "01-01-2025" in message(note, "nl")


@pytest.mark.parametrize(
    "cells",
    [
        ["OCW", "VIII", 8],  # codes, chapters as numerals and numbers
        ["Onderwijs, Cultuur en Wetenschap", "-", None],
        ["OCW", dt.datetime(2026, 1, 1), "BZK"],  # most name a ministry: the date is an error
    ],
)
def test_a_counterpart_column_naming_ministries_stays_one(tmp_path: Path, cells: list[Any]) -> None:
    rows = with_counterpart(
        *[["XIII", 2, "Overboeking", cell, 2026, -100 * (n + 1)] for n, cell in enumerate(cells)]
    )
    report = validate(tmp_path, {"EZ.xlsx": {"Blad1": Sheet(rows, formats={"D7": "dd-mm-yyyy"})}})
    assert not [f for f in report.findings if f.code == "column-not-field"]
    assert "transfer-out" in {ln.kind for ln in report.lines}


def test_a_date_in_a_counterpart_cell_is_shown_as_a_date(tmp_path: Path) -> None:
    rows = with_counterpart(
        ["XIII", 2, "Overboeking", "OCW", 2026, -100],
        ["XIII", 2, "Overboeking", "BZK", 2026, -200],
        ["XIII", 2, "Overboeking", dt.datetime(2026, 1, 1), 2026, -300],
    )
    report = validate(tmp_path, {"EZ.xlsx": {"Blad1": Sheet(rows, formats={"D8": "dd-mm-yyyy"})}})
    (unknown,) = [f for f in report.findings if f.code == "counterpart-unknown"]
    assert unknown.location.place == "Blad1!D8"
    assert message(unknown).startswith('"01-01-2026" in the “Van/naar” column')


def test_a_csv_files_period_columns_are_no_counterpart_columns(tmp_path: Path) -> None:
    from reconcile import pipeline
    from reconcile.announcement import load_announcement

    path = tmp_path / "EZ.csv"
    path.write_text(
        "Hoofdstuk;Artikel;Omschrijving;Van;Tot;Jaar;Bedrag\n"
        "XIII;2;AI-fabriek;1-1-2025;31-12-2025;2025;5100\n"
        "XIII;2;AI-fabriek;1-1-2026;31-12-2026;2026;13100\n",
        encoding="utf-8",
    )
    report = pipeline.validate([str(path)], load_announcement(None))
    assert where(report) == []
    assert {(ln.kind, ln.counterpart) for ln in report.lines} == {("reservation", None)}
    assert [(f.code, f.location.place) for f in report.findings if "column-not" in f.code] == [
        ("column-not-field", "D1")
    ]


@pytest.mark.parametrize("label", ["Van/naar", "Naar", "Tegenpartij"])
def test_a_kind_from_the_description_says_the_ministry_came_from_the_counterpart_cell(
    tmp_path: Path, label: str
) -> None:
    """ "Overboeking AI-fabriek" says the kind, the counterpart cell the ministry: the note
    says where each came from, not that the description named OCW."""
    rows = with_counterpart(["XIII", 2, "Overboeking AI-fabriek", "OCW", 2026, -3000], label=label)
    rows.append(["XIII", 2, "Kasschuif AI-fabriek", None, 2027, 0])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    notes = [f for f in report.findings if f.code == "kind-from-description"]
    assert [(f.location.place, message(f)) for f in notes] == [
        (
            "Blad1!C6",
            (
                'Read as overboeking naar OCW from the description "Overboeking AI-fabriek", its '
                f'other ministry from the “{label}” cell "OCW".'
            ),
        ),
        ("Blad1!C7", 'Read as kasschuif from the description "Kasschuif AI-fabriek".'),
    ]
    assert message(notes[0], "nl") == (
        'Gelezen als overboeking naar OCW uit de omschrijving "Overboeking AI-fabriek", het '
        f'andere ministerie uit de cel “{label}” "OCW".'
    )


# --- a kind or series column holding something else -----------------------------------------

INSTRUMENTS = ["Subsidie", "Opdracht", "Bijdrage"]


def _typed(label: str, *cells: Any) -> list[list[Any]]:
    """EZ's long table with a column headed ``label`` holding ``cells``, one per line."""
    header = ["Hoofdstuk", "Artikel", "Omschrijving", label, "Jaar", "Bedrag"]
    lines = [
        ["XIII", 2, f"AI-fabriek {index}", cell, 2025 + index % 2, 1000 * (index + 1)]
        for index, cell in enumerate(cells)
    ]
    return [*TITLE, header, *lines]


@pytest.mark.parametrize("label", ["Type", "Soort", "Soort mutatie", "V/U/O"])
def test_a_kind_or_series_column_of_instruments_is_read_as_no_column(
    tmp_path: Path, label: str
) -> None:
    """ "Subsidie", "Opdracht", "Bijdrage" are instruments: no kind of mutation, no series.
    Every line was `kind-unknown`, or `series-invalid` and not counted."""
    report = validate(tmp_path, {"EZ.xlsx": _typed(label, *INSTRUMENTS)})
    assert where(report) == []
    assert [(ln.kind, ln.series, f"{ln.amount:.0f}") for ln in report.lines] == [
        ("reservation", "U", "1000000"),
        ("reservation", "U", "2000000"),
        ("reservation", "U", "3000000"),
    ]
    (note,) = [f for f in report.findings if f.code == "column-not-field"]
    assert note.location.place == "Blad1!D4"
    assert message(note).startswith(f'The “{label}” column holds "Subsidie" and the like, not ')


def test_the_note_names_the_field_the_column_is_not(tmp_path: Path) -> None:
    report = validate(tmp_path, {"EZ.xlsx": _typed("Type", *INSTRUMENTS)})
    (note,) = [f for f in report.findings if f.code == "column-not-field"]
    assert message(note) == (
        'The “Type” column holds "Subsidie" and the like, not Soort mutatie (kasschuif, '
        "overboeking), so it is read as no column."
    )
    assert message(note, "nl").startswith('De kolom “Type” bevat "Subsidie"')


@pytest.mark.parametrize(
    ("label", "cells", "code"),
    [
        ("Type", ["Kasschuif", "Kasschuif", "Subsidie"], "kind-unknown"),
        ("Type", ["Intensivering", None, "Opdracht", "Kasschuif"], "kind-unknown"),
        ("Soort", ["U", "U", "Subsidie"], "series-invalid"),
        ("V/U/O", ["Uitgaven", "X", "O"], "series-invalid"),
    ],
)
def test_a_kind_or_series_column_mostly_right_stays_one_and_says_each_typo(
    tmp_path: Path, label: str, cells: list[Any], code: str
) -> None:
    report = validate(tmp_path, {"EZ.xlsx": _typed(label, *cells)})
    assert not [f for f in report.findings if f.code == "column-not-field"]
    wrong = [5 + n for n, cell in enumerate(cells) if cell in ("Subsidie", "Opdracht", "X")]
    assert [(f.code, f.location.place) for f in report.findings if f.code == code] == [
        (code, f"Blad1!D{row}") for row in wrong
    ]


# --- series headings beside kind headings -----------------------------------------------------

WIDE = ["Hoofdstuk", "Artikel", "Omschrijving", "2025", "2026"]


def _labelled(column: int, text: str, *amounts: Any) -> list[Any]:
    """A heading's row of WIDE: ``text`` in ``column`` (0: chapter, 2: description)."""
    cells: list[Any] = [None, None, None, *amounts]
    cells[column] = text
    return cells


def test_a_long_table_with_kind_headings_reads_its_series_headings(tmp_path: Path) -> None:
    """ "Uitgaven" and "Ontvangsten" over the kind headings: each line takes both, and each
    heading's amount is checked against the lines under it. The series headings were read
    as lines (`chapter-unknown`, `missing-value`)."""
    rows = [
        *TITLE,
        LONG,
        ["Uitgaven", None, None, None, 13100],
        ["Intensiveringen"],
        ["XIII", 2, "AI-fabriek", 2026, 13100],
        ["Kasschuiven"],
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, -5100],
        ["Ontvangsten", None, None, None, 800],
        ["Intensiveringen"],
        ["XIII", 3, "Bijdrage EU", 2026, 700],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!E11", "total-mismatch")]  # 800, not 700
    assert [(ln.series, ln.kind, f"{ln.amount:.0f}") for ln in report.lines] == [
        ("U", "reservation", "13100000"),
        ("U", "kasschuif", "5100000"),
        ("U", "kasschuif", "-5100000"),
    ]  # the receipts are not counted: the announcement counts uitgaven
    assert "series-assumed" not in {f.code for f in report.findings}


@pytest.mark.parametrize("column", [0, 2])  # the label in the chapter or description column
def test_a_wide_table_with_kind_headings_reads_its_series_headings(
    tmp_path: Path, column: int
) -> None:
    label = functools.partial(_labelled, column)
    rows = [
        *TITLE,
        WIDE,
        label("Uitgaven", 5100, 8000),
        label("Intensiveringen"),
        ["XIII", 2, "AI-fabriek", 0, 13100],
        label("Kasschuiven"),
        ["XIII", 2, "AI-fabriek", 5100, -5100],
        label("Ontvangsten", None, 700),
        label("Intensiveringen"),
        ["XIII", 3, "Bijdrage EU", 0, 700],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [(ln.series, ln.kind, ln.year) for ln in report.lines] == [
        ("U", "reservation", 2026),
        ("U", "kasschuif", 2025),
        ("U", "kasschuif", 2026),
    ]  # (the Bijdrage EU under Ontvangsten is O: it was read as U and counted)
    rows[6][4] = 13000  # the AI-fabriek's 2026 no longer adds up to Uitgaven's 8000
    report = validate(tmp_path / "wrong", {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!E5", "total-mismatch")]


@pytest.mark.parametrize("column", [0, 2])  # the label in the chapter or description column
def test_a_wide_table_without_kind_headings_reads_its_series_headings(
    tmp_path: Path, column: int
) -> None:
    """ "Ontvangsten" typed in the chapter column of a wide table that has no kind headings:
    the lines below are receipts (they were read as uitgaven and counted, and the heading
    row as a line: chapter-unknown), and each heading's amounts are their total."""

    label = functools.partial(_labelled, column)
    rows = [
        *TITLE,
        WIDE,
        label("Uitgaven", 5100, 13100),
        ["XIII", 2, "AI-fabriek", 5100, 8000],
        ["XIII", 3, "AI-fabriek datacentrum", 0, 5100],
        label("Ontvangsten", None, 700),
        ["XIII", 3, "Bijdrage EU", 0, 700],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == []
    assert [(ln.series, ln.article, ln.year) for ln in report.lines] == [
        ("U", "2", 2025),
        ("U", "2", 2026),
        ("U", "3", 2026),
    ]  # the Bijdrage EU is O: not counted
    assert report.files[0].total == Decimal(18_200_000)
    rows[7][4] = 800  # no longer the 700 Ontvangsten says
    report = validate(tmp_path / "wrong", {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!E8", "total-mismatch")]


@pytest.mark.parametrize(
    ("label", "cells", "read"),
    [
        ("Soort", ["Kasschuif", "Kasschuif", "Overboeking naar OCW"], "Soort mutatie"),
        ("Type", ["U", "U", "U"], "V/U/O"),
    ],
)
def test_a_soort_or_type_column_holding_the_other_field_is_read_as_that_one(
    tmp_path: Path, label: str, cells: list[Any], read: str
) -> None:
    """ "Soort" heads a series column by its words, but "Kasschuif" is a kind: with no kind
    column beside it, the column is the kind column (it was `series-invalid` at each line,
    none counted); and a "Type" column of V, U and O is the series column."""
    rows = [*TITLE, ["Hoofdstuk", "Artikel", "Omschrijving", label, "Jaar", "Bedrag"]]
    amounts = [5100, -5100, -200]
    years = [2025, 2026, 2026]
    rows += [
        ["XIII", 2, "AI-fabriek", cell, year, amount]
        for cell, year, amount in zip(cells, years, amounts, strict=True)
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    (note,) = [f for f in report.findings if f.code == "column-not-field"]
    assert message(note).endswith(f"so it is read as the {read} column.")
    assert message(note, "nl").endswith(f"gelezen als de kolom {read}.")
    if label == "Soort":
        assert where(report) == []
        assert [(ln.kind, ln.counterpart) for ln in report.lines] == [
            ("kasschuif", None),
            ("kasschuif", None),
            ("transfer-out", "OCW"),
        ]
    else:
        assert "series-assumed" not in {f.code for f in report.findings}
