"""The budget-line schema, declared with pandera, and the code that maps its failures to findings.

The frame has one row per raw line, indexed by the line's position, so every failure case
points back at the cell it came from. Checks carry the finding code as their error text.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

# Frame column -> the field of the raw line whose cell a failure points at.
FIELD_OF_COLUMN = {"amount_cents": "amount"}
KEY_COLUMNS = [
    "ministry",
    "chapter",
    "article",
    "instrument",  # (only a table printed per article has one: find_table.find_headings)
    "description",
    "series",
    "kind",
    "year",
]
ARTICLE_PATTERN = r"^\d{1,3}[A-Za-z]?$"


@dataclass(frozen=True)
class SchemaContext:
    """What the schema needs to know beyond the lines: valid chapters, years, owners."""

    chapters: frozenset[str]
    years: tuple[int, ...]
    chapter_owner: Mapping[str, str]  # chapter -> ministry code
    # The lines are the mutations of a suppletoire table as published per article: a cut is
    # as much a mutation as an addition, so no sign is a reservation's to check.
    mutations: bool = False


def build_schema(context: SchemaContext, columns: Iterable[str]) -> pa.DataFrameSchema:
    """The schema for a frame that has ``columns`` (the fields the table's header gave)."""
    import pandera.pandas as pa

    present = set(columns)
    first, last = context.years[0], context.years[-1]
    frame_checks = []
    if {"ministry", "chapter"} <= present:
        owner = dict(context.chapter_owner)
        frame_checks.append(
            pa.Check(
                lambda df: (
                    df["ministry"].isna()
                    | df["chapter"].isna()
                    | ~df["chapter"].isin(owner)
                    | (df["chapter"].map(owner) == df["ministry"])
                ),
                name="chapter-not-of-ministry",
                error="chapter-not-of-ministry",
            )
        )
    if "amount_cents" in present and not context.mutations:
        # Only a reservation must be positive: a kasschuif, an overboeking naar and a vrijval
        # show negative amounts (reconcile.kinds). A frame without kinds holds reservations.
        frame_checks.append(
            pa.Check(
                _not_negative_reservation,
                name="negative-reservation",
                error="negative-reservation",
            )
        )
    unique = [c for c in KEY_COLUMNS if c in present]
    return pa.DataFrameSchema(
        {
            "ministry": pa.Column(str, nullable=True, required=False),
            "chapter": pa.Column(
                str, pa.Check.isin(sorted(context.chapters), error="chapter-unknown")
            ),
            "article": pa.Column(
                str, pa.Check(matches_per_value(ARTICLE_PATTERN), error="article-invalid")
            ),
            "description": pa.Column(
                str, pa.Check.str_length(min_value=1, error="empty-description")
            ),
            "series": pa.Column(str, pa.Check.isin(["V", "U", "O"], error="series-invalid")),
            "year": pa.Column("Int64", pa.Check.in_range(first, last, error="year-out-of-range")),
            "kind": pa.Column(str, required=False),
            "instrument": pa.Column(str, nullable=True, required=False),
            "amount_cents": pa.Column("Int64"),
        },
        checks=frame_checks,
        unique=unique if len(unique) > 1 else None,
        report_duplicates="exclude_first",
        name="budget lines",
    )


def _not_negative_reservation(frame: pd.DataFrame) -> pd.Series:
    """True where a line is no negative reservation (an empty amount has its own finding)."""
    import pandas as pd

    amounts = frame["amount_cents"]
    fine = (amounts >= 0).to_numpy(dtype=bool, na_value=True)
    if "kind" in frame.columns:
        fine |= (frame["kind"] != "reservation").to_numpy(dtype=bool)
    return pd.Series(fine, index=frame.index)


def build_layout_schema(
    fields: Iterable[str], rules: Mapping[str, Callable[[str], bool]], code: Mapping[str, str]
) -> pa.DataFrameSchema:
    """The schema of an open-data table read with a layout: one text column per field.

    Every field's text may not be a spreadsheet's error value ("cell-error"); a field in
    ``rules`` (the checked ones: chapter, article, series, year) must not be empty
    ("missing-value") and must pass its rule (its ``code``, "chapter-unknown", ...). A text
    that fails one check passes the others, so a cell gets one finding.
    """
    import pandera.pandas as pa

    from reconcile.read.layouts import is_spreadsheet_error

    def no_error(text: str) -> bool:
        return not is_spreadsheet_error(text)

    def filled(text: str) -> bool:
        return bool(text) or is_spreadsheet_error(text)

    def valid(rule: Callable[[str], bool]) -> Callable[[str], bool]:
        return lambda text: not filled(text) or is_spreadsheet_error(text) or rule(text)

    columns = {}
    for name in fields:
        checks = [pa.Check(per_value(no_error), error="cell-error")]
        if name in rules:
            checks.append(pa.Check(per_value(filled), error="missing-value"))
            checks.append(pa.Check(per_value(valid(rules[name])), error=code[name]))
        # No dtype or null check: the reader gives every field as text, "" when empty
        # (pandera would test each of 100,000 cells' type in Python, about 1 s a table).
        columns[name] = pa.Column(None, checks, nullable=True)
    return pa.DataFrameSchema(columns, name="open-data table")


def per_value(valid: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """A check asked once per distinct text of a column (a column repeats its chapters)."""

    def check(series: pd.Series) -> pd.Series:
        return series.isin([value for value in series.unique() if valid(value)])

    return check


def matches_per_value(pattern: str) -> Callable[[pd.Series], pd.Series]:
    """pandera's ``Check.str_matches``, with the pattern tried once per distinct value.

    A column holds a few distinct articles over many lines, and ``str.match`` calls Python
    once per cell; the failure cases are the same (a test compares the two).
    """
    regex = re.compile(pattern)

    def check(series: pd.Series) -> pd.Series:
        matching = [v for v in series.unique() if isinstance(v, str) and regex.match(v)]
        return series.isin(matching)

    return check


@dataclass(frozen=True)
class Failure:
    """One failure case: which check, on which column, for which line (None: the whole frame)."""

    check: str
    column: str | None
    line: int | None
    value: Any


def run_schema(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> list[Failure]:
    """Every failure at once (lazy validation), one per (check, line, column)."""
    import pandera.errors

    wait_for_preload()

    try:
        schema.validate(frame, lazy=True, inplace=True)  # the caller's frame: not copied
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        out = []
        for case in cases.itertuples(index=False):
            line = None if _missing(case.index) else int(case.index)
            column = None if _missing(case.column) else str(case.column)
            out.append(Failure(str(case.check), column, line, case.failure_case))
        return out
    return []


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


# Loading pandera ahead of time: a workbook's validation finds it imported and warmed up.

PANDERA = "pandera.pandas"  # imports pandas (and numpy) too


def preload() -> None:
    """Start importing pandera (and with it pandas) in the background, once per process.

    Importing them takes about 0.7 s, as long as calamine takes to parse a sheet of 100,000
    lines, and calamine parses without holding Python's lock (the GIL): begun when a workbook
    has passed the pre-flight, the import is done by the time validation needs it. The thread
    is not a daemon, so the interpreter never stops half-way through an import; a failure is
    left to the import validation makes itself, which reports it as usual.
    """
    global _preloading
    with _starting:  # two pipelines in two threads start one import between them
        if _preloading is not None or PANDERA in sys.modules:
            return
        _preloading = threading.Thread(target=_load_quietly, name="preload-pandera")
        _preloading.start()


def wait_for_preload() -> None:
    """Wait until the background import and its warm-up validation are done (at once when
    none was started): validation never uses pandas or pandera while that thread does."""
    thread = _preloading
    if thread is not None and thread is not threading.current_thread():
        thread.join()


_preloading: threading.Thread | None = None
_starting = threading.Lock()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):  # the main thread's own import says what went wrong
        importlib.import_module(PANDERA)
        _first_validation()


def _first_validation() -> None:
    """Validate a one-line frame: pandera loads its pandas backend (and hypothesis, for its
    data strategies, where that is installed) on its first validation, about 0.05 to 0.2 s."""
    import pandas as pd

    context = SchemaContext(frozenset({"I"}), (2025,), {"I": "AZ"})
    frame = pd.DataFrame(
        {
            "ministry": pd.Series(["AZ"], dtype="str"),
            "chapter": pd.Series(["I"], dtype="str"),
            "year": pd.array([2025], dtype="Int64"),
            "amount_cents": pd.array([0], dtype="Int64"),
        }
    )
    run_schema(frame, build_schema(context, frame.columns))
