"""Every real publication kept here gives a whole report in every format and language.

The tests of each edition assert which findings it gives; this one renders them all, so a
finding whose words cannot be filled in (a KeyError when the report is written, after the whole
run) shows here. Until 2026-12-07 the 2017 B-table and the first published begrotingsstaten
stopped that way in every format but the counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.report.formats import FORMATS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
# The budget tables as published (tests/published holds tables written down from web pages,
# read by their tests as workbooks; the Rutte II-III article mapping is no budget table).
REAL = sorted(
    [
        *(ROOT / "tests" / "editions").glob("*.csv"),
        *DATA.glob("*begrotingsstaten*.csv"),
        *DATA.glob("budgettaire_tabellen*.csv"),
        *DATA.glob("*.xlsx"),
    ]
)


def test_the_real_publications_are_here() -> None:
    # 8 editions in tests/, and 3 tables of the open data beside the repository where it is
    # (always in CI: see tests/test_opendata.py)
    assert len(REAL) >= (11 if DATA.is_dir() else 8)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", REAL, ids=[p.name for p in REAL])
def test_a_real_publication_is_reported_whole_in_every_format(
    path: Path, lang: str, tmp_path: Path
) -> None:
    outputs = [tmp_path / f"report.{fmt}" for fmt in FORMATS]
    args = [f"{fmt}:{out}" for fmt, out in zip(FORMATS, outputs, strict=True)]
    result = CliRunner().invoke(
        cli,
        ["validate", str(path), "--lang", lang, *(a for arg in args for a in ("-o", arg))],
        env={"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None},
    )
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for out in outputs:
        assert out.read_bytes().strip(), out.name
