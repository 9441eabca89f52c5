"""Line kinds: reservations, kasschuiven, overboekingen and vrijval, as the budget books them,
and the money counted once (docs/en/workbooks.md, "Line kinds" and "How money is counted")."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile import pipeline
from reconcile.cli import cli
from reconcile.codes import render_message
from reconcile.kinds import Kind, Told, tell_kind
from reconcile.ministries import MinistryTable, load_table
from tests.spec import GOOD_SET, announcement, check, long_table, message, problems, validate, where

KIND_HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Soort mutatie", "Jaar", "Bedrag"]


def kind_table(*lines: list[Any], caption: str = "(bedragen x € 1.000)") -> list[list[Any]]:
    """A long table with a kind column: a caption line, a blank line, the header, the lines."""
    return [[caption], [], KIND_HEADER, *[list(line) for line in lines]]


def told(report: Any) -> list[tuple[str, int, str, str, str | None, str]]:
    """The counted lines as (ministry, year, kind, told, counterpart, amount in euros)."""
    return [
        (ln.ministry, ln.year, ln.kind, ln.told, ln.counterpart, f"{ln.amount:.0f}")
        for ln in report.lines
    ]


# --- telling a kind --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "description", "amount", "kind", "how", "counterpart"),
    [
        (None, "AI-fabriek", 5, Kind.RESERVATION, Told.DEFAULT, None),
        ("Intensivering", "AI-fabriek", 5, Kind.RESERVATION, Told.COLUMN, None),
        ("Kasschuif", "AI-fabriek", -5, Kind.KASSCHUIF, Told.COLUMN, None),
        ("kasschuiven", "AI-fabriek", 5, Kind.KASSCHUIF, Told.COLUMN, None),
        ("Vrijval", "TEM-reservering", -5, Kind.VRIJVAL, Told.COLUMN, None),
        ("Overboeking", "Overboeking naar EZ", -5, Kind.TRANSFER_OUT, Told.COLUMN, "EZ"),
        ("Overboeking", "AI-fabriek (EZ)", -5, Kind.TRANSFER_OUT, Told.COLUMN, "EZ"),  # by sign
        ("Overboeking", "AI-fabriek (EZ)", 5, Kind.TRANSFER_IN, Told.COLUMN, "EZ"),
        ("Overboeking van", "Defensie", 5, Kind.TRANSFER_IN, Told.COLUMN, "Defensie"),
        (None, "Kasschuif Box 3", -45, Kind.KASSCHUIF, Told.DESCRIPTION, None),
        (None, "AI-fabriek: kasschuif naar 2025", 5, Kind.KASSCHUIF, Told.DESCRIPTION, None),
        (None, "Vrijval TEM-reservering", -191, Kind.VRIJVAL, Told.DESCRIPTION, None),
        (None, "Overboeking naar EZ", -5, Kind.TRANSFER_OUT, Told.DESCRIPTION, "EZ"),
        (None, "Overboeking van Defensie", 5, Kind.TRANSFER_IN, Told.DESCRIPTION, "Defensie"),
        (None, "Ontvangen van OCW", 5, Kind.TRANSFER_IN, Told.DESCRIPTION, "OCW"),
        (None, "Bijdrage aan Economische Zaken", -5, Kind.TRANSFER_OUT, Told.DESCRIPTION, "EZ"),
        (None, "Bijdrage van Defensie aan EZ", 5, Kind.TRANSFER_IN, Told.DESCRIPTION, "Defensie"),
        # a contribution to something that is no ministry is a reservation
        (None, "Bijdrage aan de AI-fabriek", 5, Kind.RESERVATION, Told.DEFAULT, None),
        # the word inside a description, not at its start or after a colon, says nothing
        (None, "AI-fabriek zonder kasschuif", 5, Kind.RESERVATION, Told.DEFAULT, None),
    ],
)
def test_a_kind_is_told_from_the_column_else_the_description_else_reservation(
    column: str | None,
    description: str,
    amount: int,
    kind: Kind,
    how: Told,
    counterpart: str | None,
) -> None:
    found = tell_kind(column, description, Decimal(amount), "BZK", load_table())
    assert (found.kind, found.told, found.counterpart) == (kind, how, counterpart)


@pytest.mark.parametrize(
    ("description", "counterpart"),
    [
        ("Overboeking naar " + "x " * 4000 + "EZ en Defensie", None),  # a list: no one pair
        ("Overboeking naar " + "x " * 4000 + "EZ/Defensie", None),  # one word naming two
        ("Overboeking naar Defensie " + "x " * 4000 + "EZ", "Defensie"),
    ],
)
def test_the_first_ministry_of_a_long_description_is_found_in_few_steps(
    description: str, counterpart: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cell of 8,000 characters naming two ministries took a minute (every start of the
    # text was searched, one word longer each time): the search halves instead.
    searched: list[str] = []
    named_in = MinistryTable.named_in

    def counting(table: MinistryTable, text: str) -> list[str]:
        searched.append(text)
        return named_in(table, text)

    monkeypatch.setattr(MinistryTable, "named_in", counting)
    found = tell_kind(None, description, Decimal(-5), "BZK", load_table())
    assert found.counterpart == counterpart
    assert len(searched) <= 20


def test_a_negative_amount_is_an_error_only_for_a_reservation(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": kind_table(
                ["XIII", 2, "Kasschuif AI", "Kasschuif", 2025, 100],
                ["XIII", 2, "Kasschuif AI", "Kasschuif", 2026, -100],
                ["XIII", 2, "TEM", "Vrijval", 2026, -50],
                ["XIII", 2, "Overboeking naar OCW", "Overboeking", 2026, -10],
                ["XIII", 2, "AI-fabriek", "Reservering", 2026, -5],
                ["XIII", 2, "AI-fabriek", None, 2027, -5],  # an empty kind cell: a reservation
            )
        },
    )
    assert where(report) == [
        ("EZ.xlsx", "Blad1!F8", "negative-reservation"),
        ("EZ.xlsx", "Blad1!F9", "negative-reservation"),
    ]


def test_a_kind_told_from_the_description_is_said_by_a_note_at_its_cell(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": long_table(
                ["XIII", 2, "Kasschuif AI-fabriek naar 2025", 2025, 5100],
                ["XIII", 2, "Kasschuif AI-fabriek naar 2025", 2026, -5100],
                ["XIII", 2, "AI-fabriek", 2026, 100],
            )
        },
    )
    notes = [f for f in report.findings if f.code == "kind-from-description"]
    assert [str(f.location) for f in notes] == [
        f"{tmp_path}/EZ.xlsx:Blad1!C4",
        f"{tmp_path}/EZ.xlsx:Blad1!C5",
    ]
    assert message(notes[0]) == (
        'Read as kasschuif from the description "Kasschuif AI-fabriek naar 2025".'
    )
    assert render_message(notes[0], "nl") == (
        'Gelezen als kasschuif uit de omschrijving "Kasschuif AI-fabriek naar 2025".'
    )
    assert [(ln.kind, ln.told) for ln in report.lines] == [
        ("kasschuif", "description"),
        ("kasschuif", "description"),
        ("reservation", "default"),
    ]


def test_the_note_on_an_overboeking_naming_no_ministry_says_so(tmp_path: Path) -> None:
    # a typo in the ministry's name: the note said "Read as overboeking naar from the ..."
    report = validate(
        tmp_path,
        {"Defensie.xlsx": long_table(["X", 6, "Overboeking naar Economische Zakn", 2026, -20000])},
    )
    (note,) = [f for f in report.findings if f.code == "kind-from-description"]
    assert message(note) == (
        "Read as overboeking naar (no ministry named) from the description "
        '"Overboeking naar Economische Zakn".'
    )
    assert render_message(note, "nl") == (
        "Gelezen als overboeking naar (geen ministerie genoemd) uit de omschrijving "
        '"Overboeking naar Economische Zakn".'
    )
    assert where(report) == [("Defensie.xlsx", "Blad1!C4", "transfer-counterpart-unknown")]


@pytest.mark.parametrize(
    ("description", "hint_en", "hint_nl"),
    [
        (
            "Overboeking naar Economische Zakn",
            " Did you mean Economische Zaken?",
            " Bedoelt u Economische Zaken?",
        ),
        ("Overboeking van Defensei", " Did you mean Defensie?", " Bedoelt u Defensie?"),
        ("Overboeking aan 0CW", " Did you mean OCW? As typed: ‹0: U+0030 DIGIT ZERO›CW.", None),
        ("Overboeking naar de provincie Groningen", "", ""),  # near no ministry: no guess
        (  # a fund its minister answers for, as "naar het Gemeentefonds" names BZK
            "Overboeking naar het Gemeentefnds",
            " Did you mean Gemeentefonds?",
            " Bedoelt u Gemeentefonds?",
        ),
    ],
)
def test_an_overboeking_naming_no_ministry_suggests_the_one_it_nearly_spells(
    tmp_path: Path, description: str, hint_en: str, hint_nl: str | None
) -> None:
    amount = -20000 if " naar " in description or " aan " in description else 20000
    own = "EZ.xlsx" if "Defensei" in description or "Gemeente" in description else "BZK.xlsx"
    chapter = "XIII" if own == "EZ.xlsx" else "VII"
    report = validate(tmp_path, {own: long_table([chapter, 6, description, 2026, amount])})
    (error,) = [f for f in report.findings if f.code == "transfer-counterpart-unknown"]
    said = (
        f'The overboeking "{description}" names no other ministry, so it cannot be paired: '
        'name it in the description ("Overboeking naar EZ").'
    )
    assert message(error) == said + hint_en
    if hint_nl is not None:
        assert render_message(error, "nl").endswith('("Overboeking naar EZ").' + hint_nl)


def test_an_overboeking_naming_its_own_ministry_is_not_guessed_to_mean_another(
    tmp_path: Path,
) -> None:
    # "BZK" in BZK's own file names no other ministry, but it is no typo of BZ either
    description = "Overboeking naar BZK"
    report = validate(tmp_path, {"BZK.xlsx": long_table(["VII", 6, description, 2026, -20000])})
    (error,) = [f for f in report.findings if f.code == "transfer-counterpart-unknown"]
    assert message(error) == (
        f'The overboeking "{description}" names no other ministry, so it cannot be paired: '
        'name it in the description ("Overboeking naar EZ").'
    )


def test_a_wide_row_says_its_note_once(tmp_path: Path) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026, 2027],
        ["XIII", 2, "Kasschuif Box 3", -45, 21, 24],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert [f.code for f in report.findings if f.code.startswith("kind")] == [
        "kind-from-description"
    ]
    assert [(ln.year, ln.kind) for ln in report.lines] == [
        (2025, "kasschuif"),
        (2026, "kasschuif"),
        (2027, "kasschuif"),
    ]


@pytest.mark.parametrize("label", ["Soort mutatie", "Type", "Mutatiesoort", "Soort mutatie "])
def test_the_kind_column_is_found_by_its_usual_labels(tmp_path: Path, label: str) -> None:
    rows = [
        ["(bedragen x € 1.000)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", label, "Jaar", "Bedrag"],
        ["XIII", 2, "AI-fabriek", "Kasschuif", 2025, 10],
        ["XIII", 2, "AI-fabriek", "Kasschuif", 2026, -10],
    ]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert [(ln.kind, ln.told) for ln in report.lines] == [("kasschuif", "column")] * 2
    assert where(report) == []


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Kasschuiv", "Kasschuif"),
        ("'Kasschuiv", "Kasschuif"),  # Excel's text mark kept
        ("Overboekng", "Overboeking"),
        ("Overboekng naar", "Overboeking naar"),
        ("Overboekng van BZK", "Overboeking van"),
        ("Kasschuiv naar 2026", "Kasschuif"),  # its first word
        ("Herschiking", "Herschikking"),
        ("vrijvall", "Vrijval"),
    ],
)
def test_a_misspelt_kind_is_told_the_kind_it_nearly_spells(
    tmp_path: Path, typed: str, meant: str
) -> None:
    report = validate(tmp_path, {"EZ.xlsx": kind_table(["XIII", 2, "AI-fabriek", typed, 2026, 10])})
    assert where(report) == [("EZ.xlsx", "Blad1!D4", "kind-unknown")]
    (finding,) = problems(report)
    assert message(finding).endswith(f"the line was read as a reservation. Did you mean {meant}?")
    assert message(finding, "nl").endswith(f"gelezen als reservering. Bedoelt u {meant}?")


def test_a_word_in_the_kind_column_that_is_no_kind_is_an_error_at_its_cell(
    tmp_path: Path,
) -> None:
    report = validate(
        tmp_path, {"EZ.xlsx": kind_table(["XIII", 2, "AI-fabriek", "Desaldering", 2026, 10])}
    )
    assert where(report) == [("EZ.xlsx", "Blad1!D4", "kind-unknown")]
    assert message(problems(report)[0]) == (
        '"Desaldering" is not a kind of mutation reconcile knows (Reservering, Kasschuif, '
        "Overboeking naar, Overboeking van, Vrijval, Herschikking); the line was read as a "
        "reservation."
    )
    assert told(report) == [("EZ", 2026, "reservation", "column", None, "10000")]


def test_an_overboeking_must_name_its_ministry_and_carry_its_sign(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": kind_table(
                ["XIII", 2, "Overboeking naar de regio", None, 2026, -10],
                ["XIII", 2, "Overboeking naar OCW", None, 2026, 10],
                ["XIII", 2, "Overboeking van OCW", None, 2027, -10],
            )
        },
    )
    assert where(report) == [
        ("EZ.xlsx", "Blad1!C4", "transfer-counterpart-unknown"),
        ("EZ.xlsx", "Blad1!F5", "transfer-sign"),
        ("EZ.xlsx", "Blad1!F6", "transfer-sign"),
    ]
    assert message(problems(report)[1]) == (
        "EUR 10,000 has the wrong sign for an overboeking naar OCW."
    )


# --- kasschuiven -------------------------------------------------------------------------------


def test_a_kasschuif_nets_to_zero_per_ministry_and_name(tmp_path: Path) -> None:
    files = dict(GOOD_SET)
    files["EZ.xlsx"] = kind_table(
        ["XIII", 2, "AI-fabriek", "Reservering", 2026, 25000],
        ["XIII", 2, "Kasschuif AI-fabriek", "Kasschuif", 2025, 5100],
        ["XIII", 2, "Kasschuif AI-fabriek", "Kasschuif", 2026, -5100],
        ["XIII", 2, "Kasschuif PEGA", "Kasschuif", 2026, -150],
        ["XIII", 2, "Kasschuif PEGA", "Kasschuif", 2027, 200],
    )
    report = check(tmp_path, files)
    assert where(report) == [("EZ.xlsx", "Blad1!F7", "kasschuif-not-zero")]
    assert message(problems(report)[0]) == (
        'The kasschuif "Kasschuif PEGA" of EZ adds up to EUR 50,000 over 2026, 2027, not to zero.'
    )
    # a ministry sees it before it sends its file
    alone = validate(tmp_path / "alone", {"EZ.xlsx": files["EZ.xlsx"]})
    assert where(alone) == [("EZ.xlsx", "Blad1!F7", "kasschuif-not-zero")]


def test_a_kasschuif_in_a_file_of_no_known_ministry_names_the_file(tmp_path: Path) -> None:
    # two chapters with the same lines and amounts: whose file it is cannot be told
    files = {
        "bijdrage.xlsx": kind_table(
            ["XIII", 2, "Kasschuif AI-fabriek", "Kasschuif", 2025, 5100],
            ["XIII", 2, "Kasschuif AI-fabriek", "Kasschuif", 2026, -5000],
            ["X", 2, "Kasschuif B", "Kasschuif", 2025, 5100],
            ["X", 2, "Kasschuif B", "Kasschuif", 2026, -5000],
        )
    }
    report = validate(tmp_path, files)
    said = [message(f) for f in report.findings if f.code == "kasschuif-not-zero"]
    assert [message.split(" adds up")[0] for message in said] == [
        'The kasschuif "Kasschuif AI-fabriek" of bijdrage.xlsx',
        'The kasschuif "Kasschuif B" of bijdrage.xlsx',
    ]


def test_a_kasschuif_in_millions_is_allowed_its_rounding_and_says_so(tmp_path: Path) -> None:
    # "Kasschuif gegevensuitwisseling: - 232, 0, 77, 77, 77" adds up to - 1 in millions
    lines = [
        ["XIII", 2, "Kasschuif gegevensuitwisseling", "Kasschuif", year, amount]
        for year, amount in ((2026, "‒ 232"), (2027, 77), (2028, 77), (2029, 77))
    ]
    reserved = [
        ["XIII", 2, "AI-fabriek", "Reservering", 2025, "5,1"],
        ["XIII", 2, "AI-fabriek", "Reservering", 2026, "20,9"],  # 19,9 + the 1 lost
    ]
    files = dict(GOOD_SET)
    files["EZ.xlsx"] = kind_table(*reserved, *lines, caption="(x € 1 mln)")
    report = check(tmp_path, files)
    assert where(report) == []
    (note,) = [f for f in report.findings if f.code.startswith("kasschuif")]
    assert (note.code, note.severity.value, note.location.cell) == (
        "kasschuif-rounding",
        "info",
        "F6",
    )
    assert message(note) == (
        'The kasschuif "Kasschuif gegevensuitwisseling" of EZ adds up to -EUR 1,000,000, within '
        "the rounding of a table in x € 1 mln (at most EUR 2,000,000)."
    )
    assert report.totals is not None and report.totals.total == Decimal("69400000.00")
    # the same kasschuif in thousands is off by EUR 1,000: no rounding there
    files["EZ.xlsx"] = kind_table(
        ["XIII", 2, "AI-fabriek", "Reservering", 2025, 5100],
        ["XIII", 2, "AI-fabriek", "Reservering", 2026, 19901],
        *lines,
    )
    thousands = check(tmp_path / "thousands", files)
    assert [f.code for f in problems(thousands)] == ["kasschuif-not-zero"]


# --- overboekingen -----------------------------------------------------------------------------


def transfer_set(**changes: list[list[Any]]) -> dict[str, Any]:
    """The good set, where Defensie pays its 20,000 (x € 1.000) to EZ by an overboeking."""
    files = dict(GOOD_SET)
    files["Defensie.xlsx"] = kind_table(
        ["X", 6, "Overboeking naar EZ: AI-fabriek", "Overboeking", 2026, -20000]
    )
    files["EZ.xlsx"] = kind_table(
        ["XIII", 2, "AI-fabriek", None, 2025, 5100],
        ["XIII", 2, "AI-fabriek", None, 2026, 19900],
        ["XIII", 2, "Overboeking van Defensie", "Overboeking", 2026, 20000],
    )
    for name, rows in changes.items():
        files[f"{name}.xlsx"] = rows
    return files


def test_an_overboeking_is_counted_once_at_its_giver(tmp_path: Path) -> None:
    report = check(tmp_path, transfer_set())
    assert where(report) == []
    totals = report.totals
    assert totals is not None
    assert totals.total == Decimal("69400000.00")  # as the good set without the overboeking
    assert totals.by_ministry["EZ"] == Decimal("25000000.00")
    assert totals.by_ministry["Defensie"] == Decimal("20000000.00")
    assert totals.transferred_out == {"Defensie": Decimal("20000000.00")}
    assert totals.received == {"EZ": Decimal("20000000.00")}
    assert totals.by_year == {2025: Decimal("5100000.00"), 2026: Decimal("64300000.00")}
    assert totals.by_ministry_year["Defensie"] == {2026: Decimal("20000000.00")}


@pytest.mark.parametrize(
    ("lang", "heads"),
    [
        ("en", ["Total", "Transferred out", "Received"]),
        ("nl", ["Totaal", "Overgeboekt", "Ontvangen"]),
    ],
)
def test_the_summary_workbook_shows_what_each_transferred_out_and_received(
    tmp_path: Path, lang: str, heads: list[str]
) -> None:
    # as the text, HTML and GitHub reports do: EZ's subtotal is its own, beside what it received
    from io import BytesIO

    import openpyxl

    from reconcile.report.annotate import summary_workbook

    report = check(tmp_path, transfer_set())
    book = openpyxl.load_workbook(BytesIO(summary_workbook(report, lang)))
    rows = [[cell.value for cell in row] for row in book.worksheets[0].iter_rows()]
    header = next(row for row in rows if row[7:10] == heads)
    table = {row[0]: row[7:10] for row in rows[rows.index(header) + 1 :][:7]}
    assert table["EZ"] == [25_000_000, 0, 20_000_000]
    assert table["Defensie"] == [20_000_000, 20_000_000, 0]
    assert table["OCW"] == [8_000_000, 0, 0]


def test_an_unpaired_overboeking_is_an_error_naming_what_the_other_file_should_show(
    tmp_path: Path,
) -> None:
    ez = kind_table(
        ["XIII", 2, "AI-fabriek", None, 2025, 5100], ["XIII", 2, "AI-fabriek", None, 2026, 19900]
    )
    report = check(tmp_path, transfer_set(EZ=ez))
    assert where(report) == [("Defensie.xlsx", "Blad1!F4", "transfer-unpaired")]
    assert message(problems(report)[0]) == (
        f"No counterpart for this overboeking naar EZ in 2026: {tmp_path}/EZ.xlsx should show "
        "EUR 20,000,000 as an overboeking van Defensie in 2026."
    )
    assert render_message(problems(report)[0], "nl") == (
        f"Geen tegenboeking voor deze overboeking naar EZ in 2026: {tmp_path}/EZ.xlsx hoort "
        "€ 20.000.000 te tonen als overboeking van Defensie in 2026."
    )


def test_an_overboeking_in_another_year_is_unpaired_on_both_sides(tmp_path: Path) -> None:
    ez = kind_table(
        ["XIII", 2, "AI-fabriek", None, 2025, 5100],
        ["XIII", 2, "AI-fabriek", None, 2026, 19900],
        ["XIII", 2, "Overboeking van Defensie", "Overboeking", 2027, 20000],
    )
    report = check(tmp_path, transfer_set(EZ=ez))
    assert where(report) == [
        ("Defensie.xlsx", "Blad1!F4", "transfer-unpaired"),
        ("EZ.xlsx", "Blad1!F6", "transfer-unpaired"),
    ]


def test_an_overboeking_of_another_amount_is_unequal_at_both_cells(tmp_path: Path) -> None:
    ez = kind_table(
        ["XIII", 2, "AI-fabriek", None, 2025, 5100],
        ["XIII", 2, "AI-fabriek", None, 2026, 19900],
        ["XIII", 2, "Overboeking van Defensie", "Overboeking", 2026, 2000],
    )
    report = check(tmp_path, transfer_set(EZ=ez))
    assert where(report) == [
        ("Defensie.xlsx", "Blad1!F4", "transfer-unequal"),
        ("EZ.xlsx", "Blad1!F6", "transfer-unequal"),
    ]
    assert message(problems(report)[0]) == (
        f"This overboeking naar EZ in 2026 does not match its counterpart: {tmp_path}/EZ.xlsx "
        "shows EUR 2,000,000, where it should show EUR 20,000,000."
    )


class Counted(Decimal):
    """An amount that counts how often it is compared."""

    comparisons = 0

    def __eq__(self, other: object) -> bool:
        Counted.comparisons += 1
        return super().__eq__(other)

    __hash__ = Decimal.__hash__


def test_overboekingen_are_paired_by_amount_in_one_pass() -> None:
    # 8,000 lines naar EZ against 8,000 van Defensie of other amounts took 12 s: each line was
    # compared with every line left on the other side. The pairs are the same, in file order.
    from types import SimpleNamespace

    from reconcile.rules.transfers import _unmatched

    outs = [SimpleNamespace(amount=Counted(-1)) for _ in range(3000)]
    ins = [SimpleNamespace(amount=Counted(amount)) for amount in (2, 1, 3, 1) * 750]
    Counted.comparisons = 0
    unmatched, left = _unmatched(outs, ins)  # type: ignore[arg-type]
    assert (len(unmatched), len(left)) == (1500, 1500)
    assert [line.amount for line in left[:3]] == [2, 3, 2]
    assert unmatched == outs[1500:]
    assert Counted.comparisons <= 3 * 6000


def test_an_overboeking_to_a_ministry_without_a_file_is_unpaired_and_not_counted(
    tmp_path: Path,
) -> None:
    files = transfer_set()
    files["Defensie.xlsx"] = kind_table(
        ["X", 6, "AI-fabriek", None, 2026, 20000],
        ["X", 6, "Overboeking naar IenW", "Overboeking", 2026, -300],
    )
    files["EZ.xlsx"] = GOOD_SET["EZ.xlsx"]
    report = check(tmp_path, files)
    assert where(report) == [("Defensie.xlsx", "Blad1!F5", "transfer-unpaired")]
    assert "the file of IenW (not in the set) should show EUR 300,000" in (
        message(problems(report)[0])
    )
    assert report.totals is not None and report.totals.total == Decimal("69400000.00")
    # and not in Defensie's subtotal either: the subtotals add up to the total, the shares
    # to 100 % (Defensie showed EUR 20,300,000, the column EUR 69,700,000)
    assert {f.ministry: f.total for f in report.files}["Defensie"] == Decimal("20000000.00")
    assert sum(f.total for f in report.files) == report.totals.total


def test_expectations_apply_to_the_profile_after_kasschuiven(tmp_path: Path) -> None:
    files = dict(GOOD_SET)
    files["EZ.xlsx"] = kind_table(
        ["XIII", 2, "AI-fabriek", "Reservering", 2026, 25000],
        ["XIII", 2, "Kasschuif AI-fabriek naar 2025", "Kasschuif", 2025, 5100],
        ["XIII", 2, "Kasschuif AI-fabriek naar 2025", "Kasschuif", 2026, -5100],
    )
    expect = [{"ministry": "EZ", "year": 2025, "amount": "5,1 miljoen euro"}]
    report = check(tmp_path, files, announcement(expect=expect))
    assert where(report) == []
    assert report.totals is not None
    assert report.totals.by_ministry_year["EZ"] == {
        2025: Decimal("5100000.00"),
        2026: Decimal("19900000.00"),
    }
    # without the kasschuif, 2025 holds nothing for EZ
    files["EZ.xlsx"] = kind_table(["XIII", 2, "AI-fabriek", "Reservering", 2026, 25000])
    missing = check(tmp_path / "without", files, announcement(expect=expect))
    assert [f.code for f in problems(missing)] == ["expectation-not-met"]


@pytest.mark.parametrize(
    "code",
    [
        "kind-from-description",
        "kind-unknown",
        "transfer-counterpart-unknown",
        "transfer-sign",
        "kasschuif-not-zero",
        "kasschuif-rounding",
        "transfer-unpaired",
        "transfer-unequal",
        "description-unlabelled",
        "chapter-from-ministry",
    ],
)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_explain_tells_each_new_code(code: str, lang: str) -> None:
    result = CliRunner().invoke(cli, ["explain", code, "--lang", lang])
    assert result.exit_code == 0, result.output
    assert code in result.output


# --- a mutation table as ministries publish it: kind headings with subtotals ----------------

PUBLISHED = Path(__file__).resolve().parent / "published"


def published_rows() -> list[list[Any]]:
    """The Voorjaarsnota 2024 Aanvullende Post extract (tests/published/README.md) as its
    sheet: a title, the caption, a header of years, the rows as written (text, minus ‒)."""
    import csv

    with (PUBLISHED / "voorjaarsnota_2024_aanvullende_post.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    years = [int(year) for year in rows[0][1:]]
    return [
        ["Aanvullende Post: Uitgaven"],
        ["In miljoenen euro"],
        [None, *years],  # as published: no label above the row labels
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def test_the_published_table_is_read_by_its_kind_headings_with_subtotals(
    tmp_path: Path,
) -> None:
    from tests.spec import write

    write(tmp_path, {"AP.xlsx": published_rows()})
    report = pipeline.validate([str(tmp_path)], announcement(years="2024-2029"))
    # No subtotal is wrong: each differs from its lines by rounding at most (Meevallers 2024:
    # - 243 against - 244), and no negative amount is a reservation's.
    assert [
        f.code for f in report.findings if f.code in ("total-mismatch", "negative-reservation")
    ] == []
    by_description = {(ln.description, ln.year): ln for ln in report.lines}
    assert "Stand Basisstand (Miljoenennota)" not in {ln.description for ln in report.lines}
    assert not any(ln.description in ("Meevallers", "Kasschuiven") for ln in report.lines)
    tem = by_description[("Vrijval TEM-reservering", 2025)]
    assert (tem.kind, tem.told, tem.amount) == ("vrijval", "heading", Decimal("-325000000.00"))
    box3 = [ln for ln in report.lines if ln.description == "Kasschuif Box 3"]
    assert [(ln.year, ln.kind, ln.told, ln.amount) for ln in box3] == [
        (2024, "kasschuif", "heading", Decimal("-45000000.00")),
        (2025, "kasschuif", "heading", Decimal("21000000.00")),
        (2026, "kasschuif", "heading", Decimal("24000000.00")),
    ]
    appa = by_description[("Reservering APPA", 2027)]
    assert (appa.kind, appa.told) == ("reservation", "heading")
    assert appa.source.cell == "E17"
    huur = by_description[("Compensatie Huurbevriezing", 2029)]
    assert huur.kind == "vrijval"  # an ombuiging lowers the budget: negative is allowed
    # the empty cell above the row labels is said once, at that cell
    (note,) = [f for f in report.findings if f.code == "description-unlabelled"]
    assert (note.severity, note.location.cell) == ("info", "A3")


def test_a_subtotal_off_by_more_than_rounding_is_a_finding_at_its_cell(tmp_path: Path) -> None:
    from tests.spec import write

    rows = published_rows()
    tegenvallers = next(i for i, row in enumerate(rows) if row[0] == "Tegenvallers")
    rows[tegenvallers][1] = "170"  # its lines add up to 163 in 2024
    write(tmp_path, {"AP.xlsx": rows})
    report = pipeline.validate([str(tmp_path)], announcement(years="2024-2029"))
    (finding,) = [f for f in report.findings if f.code == "total-mismatch"]
    assert finding.location.cell == f"B{tegenvallers + 1}"
    assert message(finding) == (
        "“Tegenvallers” says EUR 170,000,000 but the lines it covers add up to EUR 163,000,000 "
        "(difference EUR 7,000,000)."
    )


def test_a_ministrys_suppletoire_table_in_that_shape_reconciles(tmp_path: Path) -> None:
    """EZ sends the mutation table it has: kind headings with subtotals, in millions, years
    as columns, a kasschuif and an overboeking van Defensie under their headings."""
    ez = [
        ["Economische Zaken, 2e suppletoire begroting 2025: uitgavenmutaties"],
        ["(bedragen x € 1 mln)"],
        ["Hoofdstuk", "Artikel", "Omschrijving", 2025, 2026, 2027],
        [None, None, "Intensiveringen", None, 25, None],
        ["XIII", 2, "AI-fabriek Groningen", None, 25, None],
        [None, None, "Kasschuiven", "5,1", "‒ 5,1", None],
        ["XIII", 2, "Kasschuif AI-fabriek naar 2025", "5,1", "‒ 5,1", None],
        [None, None, "Overboekingen", None, 20, None],
        ["XIII", 2, "Overboeking van Defensie: AI-fabriek", None, 20, None],
    ]
    files = dict(GOOD_SET)
    files["EZ.xlsx"] = ez
    files["Defensie.xlsx"] = kind_table(
        ["X", 6, "Overboeking naar EZ: AI-fabriek", "Overboeking", 2026, -20000]
    )
    report = check(tmp_path, files)
    assert where(report) == []
    assert report.totals is not None and report.totals.total == Decimal("69400000.00")
    assert report.totals.by_ministry_year["EZ"] == {  # after the kasschuif
        2025: Decimal("5100000.00"),
        2026: Decimal("19900000.00"),
    }
    assert report.totals.received == {"EZ": Decimal("20000000.00")}
    assert sorted({(ln.kind, ln.told) for ln in report.lines if ln.ministry == "EZ"}) == [
        ("kasschuif", "heading"),
        ("reservation", "heading"),
        ("transfer-in", "heading"),
    ]


TITLE_GROEIFONDS = (
    "Tabel 1 Belangrijkste beleidsmatige uitgavenmutaties t.o.v. vorig jaar (bedragen x € 1.000)"
)


def groeifonds_rows() -> list[list[Any]]:
    """The Nationaal Groeifonds 2022 mutation table (tests/published/README.md) as published:
    its title, an empty cell above the row labels, "Art.", the years, the rows as written."""
    import csv

    with (PUBLISHED / "groeifonds_2022_uitgavenmutaties.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return [
        [TITLE_GROEIFONDS],
        [None, "Art.", *[int(year) for year in rows[0][2:]]],
        *[[cell or None for cell in row] for row in rows[1:]],
    ]


def test_a_real_departmental_mutation_table_is_read_as_published(tmp_path: Path) -> None:
    """The Groeifonds table has no label above its row labels and no chapter column: its
    labels are the descriptions, its articles are read, and its three kasschuiven (told
    from the description, in thousands) each net to zero exactly."""
    from tests.spec import write

    write(tmp_path, {"Groeifonds.xlsx": groeifonds_rows()})
    report = pipeline.validate([str(tmp_path)], announcement(years="2021-2026"))
    (note,) = [f for f in report.findings if f.code == "description-unlabelled"]
    assert note.location.cell == "A2"
    assert "kasschuif-not-zero" not in {f.code for f in report.findings}
    kasschuiven = [ln for ln in report.lines if ln.kind == "kasschuif"]
    assert sorted({(ln.description, ln.article, ln.told) for ln in kasschuiven}) == [
        ("Kasschuif Infrastructuur", "3", "description"),
        ("Kasschuif Kennisontwikkeling", "1", "description"),
        ("Kasschuif R&D&I", "2", "description"),
    ]
    infra = [ln.amount for ln in kasschuiven if ln.description == "Kasschuif Infrastructuur"]
    assert infra[0] == Decimal("-331833000.00") and sum(infra) == 0
    # the stands before and after the mutations are no lines (no article, "Stand ...")
    assert not any(ln.description.startswith("Stand ") for ln in report.lines)
    # chapter XIX (the fund) is no ministry's: the chapter column stays missing
    assert "missing-column" in {f.code for f in report.findings}


def ez_mutation_table(title: str) -> list[list[Any]]:
    """EZ's departmental mutation table as its suppletoire prints it: a title naming no
    chapter column, an empty cell above the row labels, "Art.", years, kind headings with
    subtotals, the typographic minus, amounts in thousands."""
    return [
        [title],
        [],
        [None, "Art.", 2025, 2026, 2027],
        ["Stand ontwerpbegroting 2025", None, "4.012.345", "3.950.000", "3.900.000"],
        ["Intensiveringen", None, None, "25.000", None],
        ["AI-fabriek Groningen", 2, None, "25.000", None],
        ["Kasschuiven", None, "5.100", "‒ 5.100", None],
        ["Kasschuif AI-fabriek", 2, "5.100", "‒ 5.100", None],
        ["Overboekingen", None, None, "20.000", None],
        ["Overboeking van Defensie: AI-fabriek", 2, None, "20.000", None],
    ]


def test_a_ministrys_own_mutation_table_takes_its_chapter_from_the_file(tmp_path: Path) -> None:
    """No chapter column: the table is the ministry's own budget; the file name says whose."""
    files = dict(GOOD_SET)
    files["EZ.xlsx"] = ez_mutation_table("Tabel 2 Departementale uitgavenmutaties (x € 1.000)")
    files["Defensie.xlsx"] = kind_table(
        ["X", 6, "Overboeking naar EZ: AI-fabriek", "Overboeking", 2026, -20000]
    )
    report = check(tmp_path, files)
    assert where(report) == []
    notes = {f.code: f for f in report.findings if f.location.file.endswith("EZ.xlsx")}
    assert message(notes["chapter-from-ministry"]) == (
        "No Hoofdstuk column; every line is read as on chapter XIII, the budget of EZ whose "
        "file this is."
    )
    assert notes["description-unlabelled"].location.cell == "A3"
    assert report.totals is not None and report.totals.total == Decimal("69400000.00")
    ez = [ln for ln in report.lines if ln.ministry == "EZ"]
    assert {ln.chapter for ln in ez} == {"XIII"}
    assert [(ln.year, ln.kind, ln.amount) for ln in ez if "Kasschuif" in ln.description] == [
        (2025, "kasschuif", Decimal("5100000.00")),
        (2026, "kasschuif", Decimal("-5100000.00")),
    ]


@pytest.mark.parametrize(
    ("file", "title"),
    [
        ("tabel 2.xlsx", "Tabel 2 Departementale uitgavenmutaties (x € 1.000)"),  # no one named
        ("Financien.xlsx", "Tabel 2 Departementale uitgavenmutaties (x € 1.000)"),  # IXA, IXB
    ],
)
def test_a_table_without_chapters_whose_ministry_has_no_one_chapter_stays_an_error(
    tmp_path: Path, file: str, title: str
) -> None:
    report = validate(tmp_path, {file: ez_mutation_table(title)})
    missing = [message(f) for f in report.findings if f.code == "missing-column"]
    assert any("Hoofdstuk" in message for message in missing)
    assert "chapter-from-ministry" not in {f.code for f in report.findings}


def test_the_new_findings_quote_a_long_cell_cut(tmp_path: Path) -> None:
    # issue 20's cut at 300 characters holds for the notes and errors of line kinds too
    long = "x" * 5000
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": kind_table(
                ["XIII", 2, "AI-fabriek", "Soort " + long, 2026, 100],
                ["XIII", 2, "Overboeking naar " + long, None, 2026, -100],
                ["XIII", 2, "Kasschuif " + long, None, 2025, 100],
                ["XIII", 2, "Kasschuif " + long, None, 2026, -50],
            )
        },
    )
    cut = {f.code: message(f) for f in report.findings if "x" * 250 in message(f)}
    assert sorted(cut) == [
        "kasschuif-not-zero",
        "kind-from-description",
        "kind-unknown",
        "transfer-counterpart-unknown",
    ]
    for said in cut.values():
        assert "x" * 301 not in said and "more characters not shown" in said
