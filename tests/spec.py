"""Helpers that let tests read like specs: build workbooks from rows, run, list the findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from reconcile import pipeline
from reconcile.announcement import Announcement, load_announcement, parse_announcement
from reconcile.codes import render
from reconcile.model import Finding
from reconcile.report.record import Report
from tests.builders import Sheet, write_workbook


def message(finding: Finding, lang: str = "en") -> str:
    """A finding's message as a reader of ``lang`` reads it (``reconcile.codes.render``)."""
    return render(finding, lang)


HEADER = ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]


def long_table(*lines: Sequence[Any], caption: str = "(bedragen x € 1.000)") -> list[list[Any]]:
    """A long-layout submission: a caption line, a blank line, the header, then ``lines``."""
    return [[caption], [], HEADER, *[list(line) for line in lines]]


def write(folder: Path, files: Mapping[str, Any], engine: str = "xlsxwriter") -> list[str]:
    """Write each ``name: rows`` (or ``name: {sheet: rows}``) as a workbook in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, content in files.items():
        sheets = content if isinstance(content, Mapping) else {"Blad1": content}
        sheets = {k: v if isinstance(v, Sheet) else Sheet(v) for k, v in sheets.items()}
        write_workbook(folder / name, sheets, engine=engine)
        paths.append(str(folder / name))
    return paths


def announcement(**overrides: Any) -> Announcement:
    """The built-in AI-fabriek announcement, with top-level keys replaced by ``overrides``."""
    import tomllib
    from importlib import resources

    text = resources.files("reconcile.data").joinpath("ai-fabriek.toml").read_text("utf-8")
    data = tomllib.loads(text)
    data.update(overrides)
    return parse_announcement(data, "announcement.toml")


def check(
    folder: Path,
    files: Mapping[str, Any],
    ann: Announcement | None = None,
    engine: str = "xlsxwriter",
) -> Report:
    """Write ``files`` into ``folder`` and run ``reconcile check`` on the folder."""
    write(folder, files, engine)
    return pipeline.check([str(folder)], ann or load_announcement(None))


def validate(folder: Path, files: Mapping[str, Any], engine: str = "xlsxwriter") -> Report:
    """Write ``files`` into ``folder`` and run ``reconcile validate`` on the folder."""
    write(folder, files, engine)
    return pipeline.validate([str(folder)], load_announcement(None))


def where(
    report: Report, *, severities: tuple[str, ...] = ("error", "warning")
) -> list[tuple[str, str, str]]:
    """Findings as (file name, "Sheet!A1" or "", code), for the severities asked."""
    out = []
    for f in report.findings:
        if f.severity.value not in severities:
            continue
        out.append((Path(f.location.file).name, f.location.place, f.code))
    return out


def codes(report: Report, *, severities: tuple[str, ...] = ("error", "warning")) -> list[str]:
    return [f.code for f in report.findings if f.severity.value in severities]


def problems(report: Report) -> list[Finding]:
    """The findings that are errors or warnings (notes left out)."""
    return [f for f in report.findings if f.severity.value != "info"]


def eur(text: str) -> Decimal:
    return Decimal(text)


# A set of six submissions that reconciles: EUR 69.4 mln, EZ and Defensie largest.
GOOD_SET: dict[str, Any] = {
    "EZ.xlsx": long_table(
        ["XIII", 2, "AI-fabriek", 2025, 5100], ["XIII", 2, "AI-fabriek", 2026, 19900]
    ),
    "Defensie.xlsx": long_table(["X", 6, "AI-fabriek", 2026, 20000]),
    "OCW.xlsx": long_table(["VIII", 16, "AI-fabriek", 2026, 8000]),
    "BZK.xlsx": long_table(["VII", 6, "AI-fabriek", 2026, 6000]),
    "VWS.xlsx": long_table(["XVI", 1, "AI-fabriek", 2026, 5400]),
    "LVVN.xlsx": long_table(["XIV", 21, "AI-fabriek", 2026, 5000]),
}
