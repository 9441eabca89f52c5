"""The set of submissions is held against the announcement, rule by rule."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reconcile.codes import render_message
from tests.spec import (
    GOOD_SET,
    announcement,
    check,
    codes,
    long_table,
    message,
    problems,
    validate,
    where,
)


def with_files(**changes: Any) -> dict[str, Any]:
    """The good set with files replaced (rows) or removed (None)."""
    files = dict(GOOD_SET)
    for name, rows in changes.items():
        key = f"{name}.xlsx"
        if rows is None:
            files.pop(key)
        else:
            files[key] = rows
    return files


def test_the_good_set_reconciles(tmp_path: Path) -> None:
    report = check(tmp_path, GOOD_SET)
    assert report.totals is not None
    assert report.totals.total == Decimal("69400000.00")
    assert report.totals.by_ministry == {
        "BZK": Decimal("6000000.00"),
        "Defensie": Decimal("20000000.00"),
        "EZ": Decimal("25000000.00"),
        "LVVN": Decimal("5000000.00"),
        "OCW": Decimal("8000000.00"),
        "VWS": Decimal("5400000.00"),
    }
    assert report.totals.by_year == {2025: Decimal("5100000.00"), 2026: Decimal("64300000.00")}
    assert codes(report, severities=("error", "warning")) == []
    assert report.exit_code == 0


def test_a_total_above_the_interval_says_by_how_much(tmp_path: Path) -> None:
    report = check(tmp_path, with_files(OCW=long_table(["VIII", 16, "x", 2026, 9000])))
    assert where(report) == [("built-in: ai-fabriek", "", "total-above-announced")]
    (finding,) = problems(report)
    assert message(finding) == (
        'The reserved lines add up to EUR 70,400,000, above the announced "bijna 70 miljoen euro" '
        "(EUR 66,500,000 – EUR 70,000,000) by EUR 400,000: lower the reserved lines by at least "
        "EUR 400,000 to reconcile."
    )
    assert report.exit_code == 1


def test_a_total_below_the_interval(tmp_path: Path) -> None:
    report = check(tmp_path, with_files(OCW=long_table(["VIII", 16, "x", 2026, 5000])))
    assert codes(report) == ["total-below-announced"]
    assert problems(report)[0].params["difference"] == Decimal("100000.00")


def test_the_lower_and_upper_bounds_are_inside(tmp_path: Path) -> None:
    upper = check(tmp_path / "upper", with_files(OCW=long_table(["VIII", 16, "x", 2026, 8600])))
    lower = check(tmp_path / "lower", with_files(OCW=long_table(["VIII", 16, "x", 2026, 5100])))
    assert (upper.totals.total, upper.exit_code) == (Decimal("70000000.00"), 0)  # type: ignore[union-attr]
    assert (lower.totals.total, lower.exit_code) == (Decimal("66500000.00"), 0)  # type: ignore[union-attr]


def test_a_missing_ministry(tmp_path: Path) -> None:
    report = check(tmp_path, with_files(LVVN=None, OCW=long_table(["VIII", 16, "x", 2026, 13000])))
    assert codes(report) == ["ministry-missing"]
    assert problems(report)[0].params["ministry"] == "LVVN"


def test_an_unexpected_ministry(tmp_path: Path) -> None:
    files = with_files(OCW=long_table(["VIII", 16, "x", 2026, 7500]))
    files["IenW.xlsx"] = long_table(["XII", 11, "x", 2026, 500])
    report = check(tmp_path, files)
    assert where(report) == [("IenW.xlsx", "", "ministry-unexpected")]


def test_a_ministry_that_sends_two_files(tmp_path: Path) -> None:
    files = with_files(OCW=long_table(["VIII", 16, "x", 2026, 4000]))
    files["OCW-aanvulling.xlsx"] = long_table(["VIII", 16, "y", 2026, 4000])
    report = check(tmp_path, files)
    assert where(report) == [("OCW.xlsx", "", "ministry-duplicate")]
    assert (
        problems(report)[0]
        .params["files"]
        .endswith("OCW-aanvulling.xlsx, " + str(tmp_path / "OCW.xlsx"))
    )


def test_ez_and_defensie_must_be_the_largest(tmp_path: Path) -> None:
    files = with_files(
        Defensie=long_table(["X", 6, "x", 2026, 7000]),
        OCW=long_table(["VIII", 16, "x", 2026, 21000]),
    )
    report = check(tmp_path, files)
    assert where(report) == [("Defensie.xlsx", "", "largest-contributor")]
    assert message(problems(report)[0]) == (
        "Defensie (EUR 7,000,000) should be among the largest contributors, but OCW contributes "
        "more (EUR 21,000,000)."
    )


def test_a_per_ministry_and_year_expectation(tmp_path: Path) -> None:
    files = with_files(EZ=long_table(["XIII", 2, "a", 2025, 4000], ["XIII", 2, "a", 2026, 21000]))
    report = check(tmp_path, files)
    assert where(report) == [("EZ.xlsx", "", "expectation-not-met")]
    assert problems(report)[0].params["scope"] == "EZ in 2025"
    assert problems(report)[0].params["difference"] == Decimal("-1100000.00")


def test_the_letters_own_arithmetic(tmp_path: Path) -> None:
    ann = announcement(
        amounts={
            "rijk": "bijna 70 miljoen",
            "regio": "maximaal 60 miljoen",
            "nationaal": "ruim 140 miljoen",
        },
        sums=[{"total": "nationaal", "parts": ["rijk", "regio"]}],
    )
    report = check(tmp_path, GOOD_SET, ann)
    assert codes(report) == ["arithmetic-inconsistent"]
    assert message(problems(report)[0]) == (
        "The announcement's own figures do not add up: rijk + regio "
        "(EUR 66,500,000 – EUR 130,000,000) cannot equal nationaal "
        "(EUR 140,000,000 – EUR 147,000,000)."
    )


def test_the_letters_arithmetic_with_the_computed_total_put_in(tmp_path: Path) -> None:
    # "rond de 70 miljoen" allows 73.5; the letter's national total allows 127.5 at most with a
    # region of exactly 60: so a computed Rijk total of 69.4 fits, of 68 does not.
    ann = announcement(
        amounts={
            "rijk": "rond de 70 miljoen",
            "regio": "60 miljoen",
            "nationaal": "tussen 129 en 130 miljoen",
        },
        sums=[{"total": "nationaal", "parts": ["rijk", "regio"]}],
    )
    good = check(tmp_path / "good", GOOD_SET, ann)
    assert codes(good) == []
    low = check(tmp_path / "low", with_files(OCW=long_table(["VIII", 16, "x", 2026, 6600])), ann)
    assert codes(low) == ["arithmetic-with-computed"]


def test_no_lines_at_all(tmp_path: Path) -> None:
    report = check(tmp_path, {"EZ.xlsx": long_table(["XIII", 2, "a", 2026, "PM"])})
    assert "no-lines" in codes(report)


def test_the_ai_fabriek_letter_is_consistent() -> None:
    ann = announcement()
    assert [(s.total, s.parts) for s in ann.sums] == [
        ("nationaal", ("rijk", "regio")),
        ("totaal", ("nationaal", "eu")),
    ]


def test_the_verdict_is_the_reports_own(tmp_path: Path) -> None:
    good = check(tmp_path / "good", GOOD_SET)
    inside_with_error = check(
        tmp_path / "pm",
        with_files(OCW=long_table(["VIII", 16, "x", 2026, 8000], ["VIII", 16, "y", 2027, "PM"])),
    )
    outside = check(tmp_path / "low", with_files(OCW=long_table(["VIII", 16, "x", 2026, 5000])))
    assert [r.verdict for r in (good, inside_with_error, outside)] == [
        "reconciled",
        "not-reconciled-inside",
        "not-reconciled-outside",
    ]
    assert [r.verdict_good for r in (good, inside_with_error, outside)] == [True, False, False]


def _ocw_with_a_stray_line(ocw: int, stray: int) -> list[list[object]]:
    """OCW's file by its title and name, one line on its own chapter and one on Defensie's."""
    return [
        ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
        *long_table(
            ["VIII", 16, "AI-fabriek", 2026, ocw],
            ["X", 6, "AI-fabriek", 2027, stray],  # Defensie's chapter: a mistake at its cell
        ),
    ]


@pytest.mark.parametrize(("ocw", "stray"), [(4000, 4000), (1000, 7000), (7000, 1000)])
def test_whose_file_weighs_all_evidence_and_the_stray_line_is_the_finding(
    tmp_path: Path, ocw: int, stray: int
) -> None:
    # Equal counts, the amounts either way: the title and the file name name OCW.
    report = check(tmp_path, with_files(OCW=_ocw_with_a_stray_line(ocw, stray)))
    # (the advice on the total leaves the stray line out: see the test below)
    assert [w for w in where(report) if w[0] != "built-in: ai-fabriek"] == [
        ("OCW.xlsx", "Blad1!A6", "chapter-not-of-ministry")
    ]
    assert not [c for c in codes(report) if c.startswith("ministry-")]
    (weighed,) = [f for f in report.findings if f.code == "ministry-weighed"]
    said = message(weighed)
    assert "OCW's" in said
    for piece in ("the title names OCW", "the file name names OCW", "chapter VIII (OCW)"):
        assert piece in said
    assert "chapter X (Defensie)" in said
    # one line each: the singular, in both languages
    assert "; 1 line of EUR " in said and " line(s)" not in said
    assert "; 1 regel van € " in message(weighed, "nl")


def test_whose_file_is_not_guessed_on_a_tie(tmp_path: Path) -> None:
    rows = long_table(["VIII", 16, "AI-fabriek", 2026, 4000], ["X", 6, "AI-fabriek", 2027, 4000])
    report = validate(tmp_path, {"bijdrage.xlsx": rows})
    assert report.files[0].ministry is None
    (unknown,) = [f for f in report.findings if f.code == "ministry-unknown"]
    assert "evenly split" in message(unknown) and "chapter X (Defensie)" in message(unknown)


def test_the_advice_counts_the_lines_without_errors_and_gives_the_range(tmp_path: Path) -> None:
    ez = long_table(
        ["XIII", 2, "AI-fabriek", 2025, 5100],
        ["XIII", 2, "AI-fabriek", 2026, 17900],
        ["XIII", 2, "Opleiding", 2026, 2000],
        ["XIII", 2, "Opleiding", 2026, 2000],  # the same line again: duplicate-line
    )
    report = check(tmp_path, with_files(EZ=ez, OCW=long_table(["VIII", 16, "x", 2026, 3000])))
    # With the duplicate the total is 66.4 mln, 0.1 mln short of "bijna 70 miljoen" (66.5-70);
    # without it 64.4 mln: the advice is 2.1 mln more, and the range is said.
    (total,) = [f for f in report.findings if f.code == "total-below-announced"]
    assert total.params["total"] == Decimal("64400000")
    assert total.params["difference"] == Decimal("2100000")
    assert message(total).startswith("The lines without errors add up to EUR 64,400,000")
    assert message(total).endswith(
        "The 1 line with errors amounts to EUR 2,000,000; the total lies between "
        "EUR 64,400,000 (without it) and EUR 66,400,000 (with it)."
    )
    assert render_message(total, "nl").startswith("De regels zonder fouten zijn samen € 64.400.000")
