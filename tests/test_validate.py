"""Every line is validated by the pandera schema; each failure is a finding at its cell."""

from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.codes import make_finding
from reconcile.model import CellRef
from tests.spec import codes, long_table, message, validate, where

FULL_HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"]


def table(*lines: list[object]) -> list[list[object]]:
    return [["(bedragen x € 1.000)"], FULL_HEADER, *lines]


@pytest.mark.parametrize(
    ("line", "cell", "code"),
    [
        (["XIII", 2, "AI", "U", 2026, "PM"], "F5", "amount-not-a-number"),
        (["XIII", 2, "AI", "U", 2026, "n.t.b."], "F5", "amount-not-a-number"),
        (["XIII", 2, "AI", "U", 2026, None], "F5", "missing-value"),
        (["ZZ", 2, "AI", "U", 2026, 5], "A5", "chapter-unknown"),
        (["XIII", "twee", "AI", "U", 2026, 5], "B5", "article-invalid"),
        (["XIII", 2, None, "U", 2026, 5], "C5", "empty-description"),
        (["XIII", 2, "AI", "X", 2026, 5], "D5", "series-invalid"),
        (["XIII", 2, "AI", None, 2026, 5], "D5", "missing-value"),
        (["XIII", 2, "AI", "U", "volgend jaar", 5], "E5", "year-invalid"),
        (["XIII", 2, "AI", "U", None, 5], "E5", "missing-value"),
        (["XIII", 2, "AI", "U", 2031, 5], "E5", "year-out-of-range"),
        (["XIII", 2, "AI", "U", 2026, -5], "F5", "negative-reservation"),
        (["X", 2, "AI", "U", 2026, 5], "A5", "chapter-not-of-ministry"),
    ],
)
def test_each_schema_failure_is_a_finding_at_its_cell(
    tmp_path: Path, line: list[object], cell: str, code: str
) -> None:
    # Rows 3 and 4 are good lines; the line under test is row 5.
    good = ["XIII", 2, "AI-fabriek", "U", 2025, 100]
    second = ["XIII", 2, "Tweede regel", "U", 2025, 100]
    report = validate(tmp_path, {"EZ.xlsx": table(good, second, line)})
    assert where(report) == [("EZ.xlsx", f"Blad1!{cell}", code)]


def test_a_description_written_once_over_several_years_is_one_finding_at_its_row(
    tmp_path: Path,
) -> None:
    # A table of one's own: one row per year with money, the description on the first only.
    lines = [["XIII", 2, "AI-fabriek", "U", 2025, 100]]
    lines += [["XIII", 2, None, "U", year, 100] for year in (2026, 2027, 2028)]
    report = validate(tmp_path, {"EZ.xlsx": table(*lines)})
    assert where(report) == [("EZ.xlsx", "Blad1!C3", "identifier-written-once")]
    assert report.findings[0].params["rows"] == [4, 5, 6]
    assert message(report.findings[0]).startswith(
        "What this cell says is written on this row only: rows 4, 5, 6 below, the same line in "
        "later years, leave it empty. They were read as this line;"
    )
    assert message(report.findings[0], "nl").startswith(
        "Wat deze cel zegt staat alleen op deze rij: rijen 4, 5, 6 eronder,"
    )
    assert {line.description for line in report.lines} == {"AI-fabriek"}


def test_a_description_written_once_above_one_row_says_it_in_the_singular() -> None:
    finding = make_finding(
        "identifier-written-once", CellRef("EZ.xlsx", "Blad1", "C3"), rows=[4], count=1
    )
    assert message(finding).startswith(
        "What this cell says is written on this row only: row 4 below, the same line in a "
        "later year, leaves it empty. It was read as this line; write it there too,"
    )
    assert message(finding, "nl").startswith(
        "Wat deze cel zegt staat alleen op deze rij: rij 4 eronder,"
    )


def test_all_failures_are_reported_at_once(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": table(
                ["XIII", 2, "a", "U", 2026, "PM"],
                ["XIII", 2, "", "U", 2031, -1],
                ["ZZ", 2, "c", "Q", 2026, 1],
            )
        },
    )
    assert where(report) == [
        ("EZ.xlsx", "Blad1!F3", "amount-not-a-number"),
        ("EZ.xlsx", "Blad1!C4", "empty-description"),
        ("EZ.xlsx", "Blad1!E4", "year-out-of-range"),
        ("EZ.xlsx", "Blad1!F4", "negative-reservation"),
        ("EZ.xlsx", "Blad1!A5", "chapter-unknown"),
        ("EZ.xlsx", "Blad1!D5", "series-invalid"),
    ]


def test_a_pm_is_never_counted_as_zero(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {"EZ.xlsx": table(["XIII", 2, "a", "U", 2026, "PM"], ["XIII", 2, "b", "U", 2026, 7])},
    )
    assert [str(ln.amount) for ln in report.lines] == ["7000.00"]
    said = message(report.findings[0])
    assert said == '"PM" is not an amount; it is not counted, so the total is incomplete.'


def test_a_line_without_a_chapter_adds_no_empty_chapter_to_its_files(tmp_path: Path) -> None:
    # The summary's Chapter column said ", XIII", and the JSON report's chapters ["", "XIII"].
    rows = table([None, 2, "a", "U", 2026, 5], ["XIII", 2, "b", "U", 2026, 7])
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert ("EZ.xlsx", "Blad1!A3", "missing-value") in where(report)
    assert report.files[0].chapters == ("XIII",)


def test_a_duplicated_line_points_at_the_copy_and_names_the_original(tmp_path: Path) -> None:
    line = ["XIII", 2, "AI-fabriek", "U", 2026, 100]
    report = validate(tmp_path, {"EZ.xlsx": table(line, ["XIII", 2, "Ander", "U", 2026, 5], line)})
    assert where(report) == [("EZ.xlsx", "Blad1!F5", "duplicate-line")]
    assert report.findings[0].params["other"] == "F3"


def test_a_missing_required_column(tmp_path: Path) -> None:
    rows = [["Hoofdstuk", "Omschrijving", "Jaar", "Bedrag"], ["XIII", "a", 2026, 1]]
    report = validate(tmp_path, {"EZ.xlsx": rows})
    assert where(report) == [("EZ.xlsx", "Blad1!A1", "missing-column")]
    (finding,) = [f for f in report.findings if f.code == "missing-column"]
    assert message(finding).startswith("The table has no Artikel column")


def test_chapters_written_as_numbers_and_with_words(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": long_table(
                [13, 2, "a", 2026, 1],
                ["13", 2, "b", 2026, 1],
                ["Hoofdstuk XIII", 2, "c", 2026, 1],
                ["xiii", 2, "d", 2026, 1],
            )
        },
    )
    assert [ln.chapter for ln in report.lines] == ["XIII"] * 4
    assert where(report) == []


def test_the_ministry_follows_from_the_chapters(tmp_path: Path) -> None:
    report = validate(tmp_path, {"inzending-3.xlsx": long_table(["XVI", 1, "a", 2026, 1])})
    assert report.files[0].ministry == "VWS"
    assert where(report) == []


def test_a_title_that_names_another_ministry_is_a_finding(tmp_path: Path) -> None:
    rows = [["Ministerie van Defensie"], *long_table(["XIII", 2, "a", 2026, 1])]
    report = validate(tmp_path, {"bijdrage.xlsx": rows})
    assert report.files[0].ministry == "EZ"
    assert where(report) == [("bijdrage.xlsx", "Blad1!A1", "ministry-mismatch")]


def test_a_file_name_that_names_another_ministry_is_a_finding(tmp_path: Path) -> None:
    report = validate(tmp_path, {"OCW.xlsx": long_table(["XIII", 2, "a", 2026, 1])})
    assert where(report) == [("OCW.xlsx", "", "ministry-mismatch")]


def test_a_file_whose_ministry_cannot_be_told(tmp_path: Path) -> None:
    report = validate(tmp_path, {"inzending.xlsx": long_table(["IIA", 1, "a", 2026, 1])})
    assert report.files[0].ministry is None
    assert where(report) == [("inzending.xlsx", "Blad1", "ministry-unknown")]


def test_lines_of_another_series_are_not_counted_and_said(tmp_path: Path) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": table(
                ["XIII", 2, "a", "U", 2026, 1],
                ["XIII", 2, "a", "V", 2026, 5],
                ["XIII", 2, "a", "verplichtingen", 2027, 5],
            )
        },
    )
    assert [ln.series for ln in report.lines] == ["U"]
    assert codes(report, severities=("info",)) == ["lines-not-counted"]
    assert report.findings[0].params["count"] == 2


def test_a_schema_failure_reconcile_does_not_know_is_still_a_finding_at_its_cell(
    tmp_path: Path,
) -> None:
    from reconcile.read import read_file
    from reconcile.validate import Rules, _columns, _frame_of, _Translator
    from reconcile.validate.schema import Failure
    from tests.spec import announcement, write

    (path,) = write(tmp_path, {"EZ.xlsx": long_table(["XIII", 2, "a", 2026, 1])})
    table = read_file(Path(path), "EZ.xlsx").table
    assert table is not None
    ann = announcement()
    rules = Rules(ann.ministries, ann.years, ann.series)
    lines = table.line_columns()
    frame = _frame_of(_columns(lines, ["chapter", "article", "description"], "EZ", "U"))
    translator = _Translator(table, lines, frame, rules, "EZ", table.lines[0].cells["chapter"])
    finding = translator.translate(Failure("dtype('int64')", "chapter", 0, "XIII"))
    assert finding is not None
    assert (finding.code, str(finding.location)) == ("invalid-value", "EZ.xlsx:Blad1!A4")
    assert message(finding) == "\"XIII\" is not valid as chapter (dtype('int64'))."


@pytest.mark.parametrize(
    "values",
    [
        ["XIII", "XIII", " 13 ", None, "XIII"],
        [1, 1.0, True, "1", None, 1],  # equal in a dict, read apart
        [2025, 2025, 2026, None, 2025.0],
        [Decimal("1.0"), Decimal("1.00"), Decimal("-0"), None, Decimal("1e300")],
    ],
)
def test_columns_worked_out_per_distinct_value_equal_those_worked_out_per_line(
    values: list[object],
) -> None:
    from reconcile import validate
    from reconcile.read.cells import per_value
    from reconcile.read.find_table import parse_year

    functions = [validate._chapter, validate.normalise_article, validate.normalise_series]
    functions += [parse_year]
    for function in functions:
        expected = [function(value) for value in values]
        assert per_value(function, values) == expected


def test_articles_matched_once_per_value_fail_as_pandera_s_str_matches_fails() -> None:
    import pandas as pd
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

    from reconcile.validate.schema import ARTICLE_PATTERN, matches_per_value

    articles = ["1", "2a", "twee", None, "1234", "3", "twee", "", " 4", "04b", "5\n"]
    frame = pd.DataFrame({"article": pd.Series(articles, dtype="str")})

    def failures(check: pa.Check) -> list[tuple[object, ...]]:
        schema = pa.DataFrameSchema({"article": pa.Column(str, check, nullable=True)})
        with pytest.raises(SchemaErrors) as caught:
            schema.validate(frame, lazy=True)
        cases = caught.value.failure_cases
        return list(cases[["check", "failure_case", "index"]].itertuples(index=False, name=None))

    builtin = failures(pa.Check.str_matches(ARTICLE_PATTERN, error="article-invalid"))
    assert builtin == failures(
        pa.Check(matches_per_value(ARTICLE_PATTERN), error="article-invalid")
    )
    # "5\n" passes both: re's $ allows a final newline
    assert [index for *_, index in builtin] == [2, 4, 6, 7, 8]


def test_cents_of_amounts_are_held_within_a_frame_s_integers() -> None:
    from reconcile.validate import _cents_or_none

    amounts = [Decimal("1.005"), None, Decimal("-2.50"), Decimal("1e300"), Decimal("-1e300")]
    assert [_cents_or_none(amount) for amount in amounts] == [
        100,
        None,
        -250,
        2**63 - 1,
        -(2**63 - 1),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        [["XIII", 2, "AI", "U", 2026, 5], ["XIII", 3, "Data", "U", 2027, 7]],  # every line counts
        [["XIII", 2, "AI", "U", 2026, 5], ["XIII", 3, "Data", "V", 2027, 7]],  # another series
        [["XIII", 2, "AI", "U", 2026, 5], ["XIII", 3, "Data", "U", 2031, 7]],  # a year out of range
        [["XIII", 2, "AI", "U", 2026, "PM"], ["XIII", 3, "Data", "U", 2027, 7]],  # no amount
    ],
)
def test_lines_counted_at_once_are_those_the_filter_counts(
    tmp_path: Path, lines: list[list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile import validate as validation

    at_once = validate(tmp_path / "a", {"EZ.xlsx": table(*lines)})
    monkeypatch.setattr(validation, "_all_counted", lambda *args: False)
    filtered = validate(tmp_path / "b", {"EZ.xlsx": table(*lines)})
    assert [(ln.year, ln.amount, ln.series, ln.source.cell) for ln in at_once.lines] == [
        (ln.year, ln.amount, ln.series, ln.source.cell) for ln in filtered.lines
    ]
    assert [(f.code, f.location.cell) for f in at_once.findings] == [
        (f.code, f.location.cell) for f in filtered.findings
    ]


@pytest.mark.parametrize(
    ("chapters", "ministry"),
    [
        (["XIII", "XIII", "VIII", "VIII", "VIII"], "OCW"),
        ([13, 13, 13.0, 13.0, "VIII", "VIII", "VIII"], "EZ"),  # 13 and 13.0 both count for EZ
        ([None, None, "VIII"], "OCW"),
    ],
)
def test_the_ministry_of_a_column_of_one_type_is_that_of_any_column(
    chapters: list[object], ministry: str
) -> None:
    """Chapters of one type are counted by value, others by type and value: the same owner."""
    from types import SimpleNamespace
    from typing import Any

    from reconcile.announcement import load_announcement
    from reconcile.validate.identify import identify_ministry

    def owner(column: list[object]) -> str | None:
        columns = SimpleNamespace(values={"chapter": column}, amounts=[None] * len(column))
        table: Any = SimpleNamespace(
            line_columns=lambda: columns, title=[], file="x.xlsx", sheet="Blad1"
        )
        return identify_ministry(table, load_announcement(None).ministries)[0]

    assert owner(chapters) == ministry
    assert owner([*chapters, None]) == ministry  # None: another type, counted apart


def test_an_empty_amount_counts_as_zero_in_the_totals_check_as_in_excel_s_sum(
    tmp_path: Path,
) -> None:
    report = validate(
        tmp_path,
        {
            "EZ.xlsx": table(
                ["XIII", 2, "AI-fabriek", "U", 2026, 100],
                ["XIII", 2, "AI-fabriek", "U", 2027, None],  # nothing this year
                ["XIII", 2, "Opleiding", "U", 2026, 50],
                ["Totaal", None, None, "U", None, 900],  # typed over: SUM gives 150
            )
        },
    )
    assert where(report) == [("EZ.xlsx", "Blad1!F6", "total-mismatch")]
