"""A chapter written in Roman numerals is read only when it is written as Roman numerals are
(ministries.normalise_chapter): "LVIII", the Diergezondheidsfonds's number in the 2017 B-table,
is one; "LXL" is no numeral."""

from __future__ import annotations

import pytest

from reconcile.ministries import normalise_chapter, to_roman


@pytest.mark.parametrize("text", ["XL", "XLIV", "LVIII", "LXXXIX", "XC", "XCIX", "IXA"])
def test_a_roman_chapter_is_read_as_written(text: str) -> None:
    assert normalise_chapter(text) == text


@pytest.mark.parametrize("text", ["LXL", "XXXX", "LXXXX", "IC", "VL"])
def test_letters_that_are_no_roman_numeral_are_no_chapter(text: str) -> None:
    # "LXL" was read as chapter LXL: to_roman(90) gave "LXL", so it matched itself.
    assert normalise_chapter(text) is None


def test_numbers_become_the_numerals_that_write_them() -> None:
    assert [to_roman(n) for n in (4, 9, 13, 40, 58, 89, 90, 94, 99)] == [
        "IV",
        "IX",
        "XIII",
        "XL",
        "LVIII",
        "LXXXIX",
        "XC",
        "XCIV",
        "XCIX",
    ]
