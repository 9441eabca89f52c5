"""Property-based tests: whatever the workbook, a run ends in a report or a clean refusal.

Workbooks are generated with random layouts and cell types, and damaged at random (cut short,
bytes flipped, members shuffled or replaced). Example counts are modest and derandomized, so
the suite stays fast and every CI run tries the same cases.
"""

from __future__ import annotations

import io
import random
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.codes import CODES
from reconcile.model import Severity
from reconcile.report import RENDERERS, RenderOptions
from reconcile.report.record import Report
from tests.builders import Formula, write_workbook
from tests.hostile.build_hostile import honest_members, zip_members

# No shrinking: a failure is printed as found (shrinking workbooks can take minutes).
FUZZ = settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
)
ANNOUNCEMENT = load_announcement(None)
YEARS = list(range(2025, 2031))


def _validate(data: bytes, name: str = "EZ.xlsx") -> Report:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        report = pipeline.validate([str(path)], ANNOUNCEMENT)
    for render in RENDERERS.values():  # every renderer copes with whatever was found
        render(report, io.StringIO(), RenderOptions(color=False))
    return report


# --- random damage to an honest workbook -------------------------------------------------
HONEST = zip_members(honest_members())


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "shuffle", "replace", "mutate", "noise"]))
    if kind == "truncate":
        return HONEST[: draw(st.integers(0, len(HONEST) - 1))]
    if kind == "flip":
        data = bytearray(HONEST)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return bytes(data)
    members = honest_members()
    if kind == "shuffle":
        order = draw(st.permutations(range(len(members))))
        return zip_members([members[i] for i in order])
    if kind == "mutate":  # damage inside a part, zipped again: checksums hold, parsers see it
        index = draw(st.integers(0, len(members) - 1))
        name, part = members[index]
        at = draw(st.integers(0, len(part) - 1))
        part = part[:at] + draw(st.binary(max_size=8)) + part[at + draw(st.integers(0, 8)) :]
        return zip_members([*members[:index], (name, part), *members[index + 1 :]])
    if kind == "replace":
        index = draw(st.integers(0, len(members) - 1))
        junk = draw(st.binary(max_size=200))
        return zip_members([(n, junk if i == index else d) for i, (n, d) in enumerate(members)])
    return draw(st.binary(max_size=300))


@settings(FUZZ, max_examples=80)  # cheap: most damage is refused by the pre-flight
@given(damaged())
def test_a_damaged_workbook_ends_in_a_report_or_a_clean_refusal(data: bytes) -> None:
    report = _validate(data)
    assert report.exit_code in (0, 1, 2)
    if report.exit_code == 0:  # only an intact (e.g. reshuffled) workbook may pass
        assert report.files[0].lines == 2


# --- random layouts and cell types -------------------------------------------------------
CELLS = st.one_of(
    st.none(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
    st.sampled_from(
        ["PM", "n.t.b.", "1.234,5", "‒ 726", "Totaal", "=1+1", "@SUM(A1)", "XIII", "2025", "€ 5"]
    ),
    st.builds(Formula, st.just("=SUM(A1:A3)"), st.one_of(st.none(), st.integers(0, 99))),
)
HEADERS = ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag", "2026", "Totaal"]


@st.composite
def layouts(draw: st.DrawFn) -> list[list[Any]]:
    width = draw(st.integers(1, 8))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=width), max_size=12))
    if draw(st.booleans()):  # often a header row somewhere, so tables are found and read
        header = draw(st.lists(st.sampled_from(HEADERS), min_size=2, max_size=8, unique=True))
        rows.insert(draw(st.integers(0, len(rows))), header)
    return rows


@FUZZ
@given(layouts(), st.sampled_from(["xlsxwriter", "openpyxl"]))
def test_any_layout_and_cell_types_end_in_a_report(rows: list[list[Any]], engine: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "EZ.xlsx", {"Blad1": rows}, engine=engine)
        data = path.read_bytes()
    report = _validate(data)
    assert report.exit_code in (0, 1, 2)


# --- valid submissions reconcile to the sum of their lines -----------------------------
AMOUNTS = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(99_999), places=3)


@st.composite
def submissions(draw: st.DrawFn) -> tuple[list[list[Any]], Decimal]:
    """An EZ submission, long or wide, amounts x EUR 1.000 as numbers or Dutch text."""
    articles = draw(st.lists(st.integers(1, 99), min_size=1, max_size=5, unique=True))
    years = draw(st.lists(st.sampled_from(YEARS), min_size=1, max_size=4, unique=True))
    years.sort()
    amounts = {(a, y): draw(AMOUNTS) for a in articles for y in years}
    as_text = draw(st.booleans())

    def written(amount: Decimal) -> Any:
        if as_text:
            whole, _, fraction = f"{amount:,.3f}".partition(".")
            return f"{whole.replace(',', '.')},{fraction}"
        return float(amount)

    rows: list[list[Any]] = [["Ministerie van Economische Zaken"]] * draw(st.integers(0, 1))
    rows += [[], ["(bedragen x € 1.000)"]][: draw(st.integers(0, 2))]
    if draw(st.booleans()):  # long
        rows.append(["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"])
        rows += [["XIII", a, f"Regeling {a}", y, written(amounts[a, y])] for a, y in amounts]
    else:  # wide
        rows.append(["Hoofdstuk", "Artikel", "Omschrijving", *years])
        rows += [
            ["XIII", a, f"Regeling {a}", *(written(amounts[a, y]) for y in years)] for a in articles
        ]
    return rows, sum(amounts.values(), Decimal(0)) * 1000


@FUZZ
@given(submissions())
def test_a_valid_submission_adds_up_to_its_generated_lines(
    submission: tuple[list[list[Any]], Decimal],
) -> None:
    rows, expected = submission
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "EZ.xlsx", {"Blad1": rows})
        report = pipeline.check([str(path)], ANNOUNCEMENT)
    # The other five ministries are missing, so the set does not reconcile; the file itself
    # has no error and the total is exactly the sum of the generated lines.
    read_or_validate = [f for f in report.findings if CODES[f.code].stage != "reconcile"]
    assert [f.code for f in read_or_validate if f.severity is Severity.ERROR] == []
    assert report.totals is not None
    assert report.totals.total == expected.quantize(Decimal("0.01"))
    assert report.totals.by_ministry == {"EZ": report.totals.total}


def test_a_shuffled_zip_reads_the_same() -> None:
    members = honest_members()
    random.Random(7).shuffle(members)
    shuffled, honest = _validate(zip_members(members)), _validate(HONEST)
    assert [(f.lines, f.total) for f in shuffled.files] == [(2, Decimal(13_100_000))]
    assert [(f.lines, f.total) for f in honest.files] == [(2, Decimal(13_100_000))]
    assert [f.code for f in shuffled.findings] == [f.code for f in honest.findings]


def test_a_wide_amount_of_one_euro_in_thousands_is_a_line() -> None:
    rows = [["Hoofdstuk", "Artikel", "Omschrijving", 2025], ["XIII", 1, "Regeling 1", 0.001]]
    with tempfile.TemporaryDirectory() as folder:
        data = write_workbook(Path(folder) / "EZ.xlsx", {"Blad1": rows}).read_bytes()
    assert _validate(data).files[0].total == Decimal(1)


# --- CSV files as people and programs write them -----------------------------------------
CSV_CELLS = st.one_of(
    st.sampled_from(["", "XIII", "2", "2026", "13100", "1.234,5", "PM", "Totaal", "x, y"]),
    st.sampled_from(['"a', 'b"', '""', "‒ 726", "(bedragen x € 1.000)", "é", "=1+1", " "]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
)
CSV_HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A CSV file: title lines, a budget table's header (mostly), rows of awkward cells, in
    one delimiter and line end, in UTF-8 (with or without BOM), UTF-16 or Windows-1252."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = draw(st.lists(st.lists(CSV_CELLS, max_size=7), max_size=10))
    if draw(st.booleans()) or not rows:
        rows.insert(draw(st.integers(0, min(len(rows), 3))), CSV_HEADER)
    lines = [delimiter.join(row) for row in rows]
    if draw(st.booleans()):  # a title holding another delimiter
        lines.insert(0, draw(st.sampled_from(["Reservering, EZ", "Titel; concept", "a|b"])))
    text = end.join(lines) + draw(st.sampled_from(["", end]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace")


@settings(FUZZ, max_examples=60)
@given(csv_files())
def test_any_csv_file_ends_in_a_report_or_a_clean_refusal(data: bytes) -> None:
    report = _validate(data, "EZ.csv")
    assert report.exit_code in (0, 1, 2)
    assert report.exit_code == 2 or report.files[0].lines == len(report.lines)
