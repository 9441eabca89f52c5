"""Whole euros typed under a caption that says thousands: every amount a thousand times too
large, and the file still valid unless someone weighs it against the reservation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reconcile.announcement import load_announcement
from tests.spec import check, long_table, message, validate, where

# EZ's EUR 25 mln for the AI-fabriek (bijna 70 miljoen euro in all), typed in whole euros
# in cells whose number format shows thousands, under the template's caption x € 1.000.
IN_EUROS = long_table(
    ["XIII", 2, "AI-fabriek", 2025, 5_100_000],
    ["XIII", 2, "AI-fabriek", 2026, 19_900_000],
)
IN_THOUSANDS = long_table(
    ["XIII", 2, "AI-fabriek", 2025, 5_100],
    ["XIII", 2, "AI-fabriek", 2026, 19_900],
)


def test_euros_under_a_thousands_caption_are_said_at_the_largest_line(tmp_path: Path) -> None:
    report = validate(tmp_path, {"EZ.xlsx": IN_EUROS})
    assert where(report) == [("EZ.xlsx", "Blad1!E5", "unit-implausible")]
    assert report.files[0].total == Decimal("25000000000")
    (finding,) = [f for f in report.findings if f.code == "unit-implausible"]
    assert message(finding) == (
        "The lines of this file add up to EUR 25,000,000,000, 357 times the announced "
        '"bijna 70 miljoen euro"; read as whole euros they would be EUR 25,000,000. Were '
        "whole euros typed under the caption x € 1.000? Type the amounts in the caption's "
        "unit, or change the caption."
    )


def test_check_says_the_cause_beside_the_total(tmp_path: Path) -> None:
    report = check(tmp_path, {"EZ.xlsx": IN_EUROS})
    codes = [code for *_, code in where(report)]
    assert "unit-implausible" in codes
    assert "total-above-announced" in codes


def test_amounts_in_the_captions_unit_are_not_in_doubt(tmp_path: Path) -> None:
    report = validate(tmp_path, {"EZ.xlsx": IN_THOUSANDS})
    assert where(report) == []


def test_a_large_file_that_would_not_fit_as_euros_either_is_not_this_slip(tmp_path: Path) -> None:
    # EUR 90 bn in thousands is a hundred times the reservation, but as euros it would still
    # be EUR 90 mln, above "bijna 70 miljoen": no unit slip explains it (the total says it).
    rows = long_table(["XIII", 2, "AI-fabriek", 2026, 90_000_000])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert "unit-implausible" not in [code for *_, code in where(report)]
    assert load_announcement(None).target_amount.interval.high == Decimal("70000000")


def test_the_dutch_message_names_the_caption_as_the_other_unit_messages_do(
    tmp_path: Path,
) -> None:
    # The unit's caption is a "vermelding" in every Dutch message (unit-assumed,
    # unit-conflict); "onderschrift" is a caption below a picture, not the line above a table.
    report = validate(tmp_path, {"EZ.xlsx": IN_EUROS})
    (finding,) = [f for f in report.findings if f.code == "unit-implausible"]
    assert message(finding, "nl").endswith(
        "Zijn er hele euro's getypt onder de vermelde eenheid x € 1.000? Typ de bedragen in de "
        "vermelde eenheid, of pas de vermelding aan."
    )
