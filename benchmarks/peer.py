"""The program a user would write instead of reconcile: pandas reads, pandera validates.

    python benchmarks/peer.py FILE.xlsx      # pandas.read_excel(engine="calamine"), header row 4
    python benchmarks/peer.py FILE.csv       # pandas.read_csv, the begrotingsstaten header

Each file is checked with a pandera DataFrameSchema holding the column checks reconcile makes
on the same lines (chapter known, article a number, a description, V/U/O, the year in range,
the amount a number, the key unique), validated lazily so every failure is collected. It
prints how many failure cases there were. What it does not do, and reconcile does: a
pre-flight of the bytes, cells and units, amounts to the cent, totals rows, a finding per
cell with its A1 reference, the announcement. This is the bar of issue 14: reconcile's
validate at most 1.0x this script's time and peak memory (see benchmarks/run.py).
"""

from __future__ import annotations

import sys

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

# The budget chapters (reconcile/data/ministries.toml holds these and their owners).
CHAPTERS = [
    "I", "IIA", "IIB", "III", "IV", "V", "VI", "VII", "VIII", "IXA", "IXB", "X", "XII",
    "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XXII", "XXIII", "XXIV",
    "A", "B", "C", "F", "H", "J", "K", "L",
]  # fmt: skip
SERIES = ["V", "U", "O"]
ARTICLE = r"^\d{1,3}[A-Za-z]?$"

WORKBOOK = pa.DataFrameSchema(
    {
        "Hoofdstuk": pa.Column(str, pa.Check.isin(CHAPTERS)),
        "Artikel": pa.Column(int, pa.Check.in_range(1, 999)),
        "Omschrijving": pa.Column(str, pa.Check.str_length(min_value=1)),
        "V/U/O": pa.Column(str, pa.Check.isin(SERIES)),
        "Jaar": pa.Column(int, pa.Check.in_range(1990, 2100)),
        "Bedrag": pa.Column(float, pa.Check.ge(0)),
    },
    unique=["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar"],
    report_duplicates="exclude_first",
)

MOMENTS = [
    "Stand ontwerpbegroting",
    "Stand vastgestelde begroting",
    "Stand eerste suppletoire",
    "Stand tweede suppletoire",
    "Realisatie",
]
BEGROTINGSSTATEN = pa.DataFrameSchema(
    {
        "Begrotingsjaar": pa.Column(int, pa.Check.in_range(1990, 2100)),
        "Uitgaven Ontvangsten Verplichtingen": pa.Column(str, pa.Check.isin(SERIES)),
        "Begrotingsnummer": pa.Column(str, pa.Check.isin(CHAPTERS)),
        "Artikel nummer": pa.Column(str, pa.Check.str_matches(ARTICLE)),
        "Artikel": pa.Column(str, pa.Check.str_length(min_value=1)),
        **{moment: pa.Column(float, nullable=True) for moment in MOMENTS},
    },
    unique=[
        "Begrotingsjaar",
        "Uitgaven Ontvangsten Verplichtingen",
        "Begrotingsnummer",
        "Artikel nummer",
    ],
    report_duplicates="exclude_first",
)


def read(path: str) -> tuple[pd.DataFrame, pa.DataFrameSchema]:
    """The file as pandas reads it, and the schema that checks it."""
    if path.endswith(".csv"):
        types = {"Artikel nummer": str, **dict.fromkeys(MOMENTS, float)}
        return pd.read_csv(path, dtype=types), BEGROTINGSSTATEN
    # A title and a caption above the header.
    return pd.read_excel(path, engine="calamine", header=3), WORKBOOK


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> int:
    """How many failure cases the schema finds, all at once (lazily)."""
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        return len(errors.failure_cases)
    return 0


def main(path: str) -> int:
    frame, schema = read(path)
    failures = validate(frame, schema)
    if failures:
        print(f"{failures} failure cases")
        return 1
    print(f"valid: {len(frame)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
